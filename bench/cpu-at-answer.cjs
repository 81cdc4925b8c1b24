// Preloaded (--require) into a function process by bench/function.mjs: prints the process's CPU time (user + system)
// when its first HTTP response ends, i.e. at the first answer through the FDK socket.
const http = require('node:http');

const end = http.ServerResponse.prototype.end;
let reported = false;
http.ServerResponse.prototype.end = function (...args) {
  const result = end.apply(this, args);
  if (!reported) {
    reported = true;
    const { user, system } = process.cpuUsage();
    process.stderr.write(`\nCPU_AT_ANSWER_MS=${((user + system) / 1000).toFixed(1)}\n`);
  }
  return result;
};
