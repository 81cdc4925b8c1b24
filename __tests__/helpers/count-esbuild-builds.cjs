// Preloaded (--require) by a test: counts the bundlings esbuild runs in this process (its asynchronous `build` and
// `buildSync`, whoever loads esbuild) and prints them as one JSON line on stderr at exit: {"build":N,"buildSync":M}.
const Module = require('node:module');
const counts = { build: 0, buildSync: 0 };
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
process.on('exit', () => process.stderr.write(`${JSON.stringify(counts)}\n`));
