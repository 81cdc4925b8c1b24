// Preloaded (--require) into a function process by bench/function.mjs: prints the process's CPU time (user + system)
// when its first HTTP response ends, i.e. at the first answer through the FDK socket, and whether Node's bundled undici
// was loaded by then (the function must not load it: lambda-src/http-transport.ts; on Node 22 a careless replacement of
// the fetch globals loads it, 35 ms of the cold start).
const http = require('node:http');

const end = http.ServerResponse.prototype.end;
let reported = false;
http.ServerResponse.prototype.end = function (...args) {
  const result = end.apply(this, args);
  if (!reported) {
    reported = true;
    const { user, system } = process.cpuUsage();
    const undici = process.moduleLoadList.some((name) => name.includes('undici')) ? 1 : 0;
    process.stderr.write(`\nCPU_AT_ANSWER_MS=${((user + system) / 1000).toFixed(1)} UNDICI_LOADED=${undici}\n`);
  }
  return result;
};
