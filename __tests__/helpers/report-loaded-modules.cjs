// Preloaded (NODE_OPTIONS=--require) into a function process by a test: after the process's first HTTP response
// ends, prints one structured log line naming whether Node's bundled undici (what the global fetch and Headers
// load on first touch) has been loaded, from process.moduleLoadList (Node's list of its internal modules loaded).
const http = require('node:http');

const end = http.ServerResponse.prototype.end;
let reported = false;
http.ServerResponse.prototype.end = function (...args) {
  const result = end.apply(this, args);
  if (!reported) {
    reported = true;
    const undici = process.moduleLoadList.filter((name) => /undici/.test(name));
    process.stdout.write(`${JSON.stringify({ event: 'test.loaded-modules', undici })}\n`);
  }
  return result;
};
