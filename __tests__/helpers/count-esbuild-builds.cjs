// Preloaded (--require) by a test: counts the bundlings esbuild runs in this process (its asynchronous `build` and
// `buildSync`, whoever loads esbuild), notes the GOMAXPROCS each esbuild process this thread spawns inherits (the
// asynchronous API's service; buildSync's runs from a worker thread) and the app's own at exit, and prints them as one
// JSON line on stderr at exit: {"build":N,"buildSync":M,"sourceBundle":K,"serviceGomaxprocs":[...],"gomaxprocsAtExit":...}.
// A build that keeps packages as requires (`packages: 'external'`: lib/bundling/source-bundle.ts, the library's own
// sources) counts as `sourceBundle`, not as `build`: `build` and `buildSync` count function bundles.
const Module = require('node:module');
const childProcess = require('node:child_process');
const counts = { build: 0, buildSync: 0, sourceBundle: 0, serviceGomaxprocs: [] };
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
            counts[args[0] && args[0].packages === 'external' ? 'sourceBundle' : name] += 1;
            return value(...args);
          };
        },
      }),
    );
  }
  return counted.get(loaded);
};
process.on('exit', () => process.stderr.write(`${JSON.stringify({ ...counts, gomaxprocsAtExit: process.env.GOMAXPROCS ?? null })}\n`));
