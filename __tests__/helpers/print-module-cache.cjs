// Preloaded (--require) by a test: prints the paths in Node's CommonJS module cache, as one JSON line, at exit.
process.on('exit', () => process.stdout.write(`${JSON.stringify(Object.keys(require.cache))}\n`));
