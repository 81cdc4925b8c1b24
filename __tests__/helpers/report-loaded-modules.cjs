// Preloaded (NODE_OPTIONS=--require) into a function process by a test: when the process's first HTTP response has
// finished (Node's `http.server.response.finish` diagnostics channel), prints one structured log line naming whether
// Node's bundled undici (what the global fetch and Headers load on first touch) has been loaded, from
// process.moduleLoadList (Node's list of its internal modules loaded).
const diagnostics = require('node:diagnostics_channel');

const CHANNEL = 'http.server.response.finish';
function report() {
  diagnostics.unsubscribe(CHANNEL, report);
  const undici = process.moduleLoadList.filter((name) => /undici/.test(name));
  process.stdout.write(`${JSON.stringify({ event: 'test.loaded-modules', undici })}\n`);
}
diagnostics.subscribe(CHANNEL, report);
