// Preloaded (--require) by a test: counts the bundlings esbuild runs in this process (its asynchronous `build` and
// `buildSync`, whoever loads esbuild), notes the GOMAXPROCS each esbuild process this thread spawns inherits (the
// asynchronous API's service; buildSync's runs from a worker thread) and the app's own at exit, and prints them as one
// JSON line on stderr at exit: {"build":N,"buildSync":M,"serviceGomaxprocs":[...],"gomaxprocsAtExit":...}.
const Module = require('node:module');
const childProcess = require('node:child_process');
const counts = { build: 0, buildSync: 0, serviceGomaxprocs: [] };
const spawn = childProcess.spawn;
childProcess.spawn = function (command, ...rest) {
  // No `env` option: the child inherits process.env as it is at this call.
  if (/esbuild/.test(String(command))) counts.serviceGomaxprocs.push(process.env.GOMAXPROCS ?? null);
  return spawn.call(this, command, ...rest);
};
const counted = new Map();
const load = Module._load;
Module._load = function (request, ...rest) {
  const loaded = load.call(this, request, ...rest);
  if (request !== 'esbuild') return loaded;
  if (!counted.has(loaded)) {
    counted.set(
      loaded,
      new Proxy(loaded, {
        get(target, name) {
          const value = Reflect.get(target, name);
          if (name !== 'build' && name !== 'buildSync') return value;
          return (...args) => {
            counts[name] += 1;
            return value(...args);
          };
        },
      }),
    );
  }
  return counted.get(loaded);
};
process.on('exit', () => process.stderr.write(`${JSON.stringify({ ...counts, gomaxprocsAtExit: process.env.GOMAXPROCS ?? null })}\n`));
