// Preloaded with `node -r`: every require of 'cdktf' (ours, the generated bindings', the docker provider's) gets
// the cdktn fork instead, which is what an npm alias `"cdktf": "npm:cdktn@0.24.0"` does in a user's project.
const Module = require('node:module');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === 'cdktf' || request.startsWith('cdktf/')) request = `cdktn${request.slice('cdktf'.length)}`;
  return resolve.call(this, request, ...rest);
};
