'use strict';
/**
 * The function image's entry point (ENTRYPOINT ["node", "start.cjs"], lib/oci/container-image.ts): runs the bundled
 * function, func.js, from V8's code cache.
 *
 * Why not Node's own compile cache (NODE_COMPILE_CACHE): it stores a module's code as V8 has it right after compiling
 * the file, and V8 compiles almost every function lazily, on its first call. For an esbuild bundle that is nearly all
 * of it: each package's body is a function run at load, and the first invocation (the SDK's request building and
 * signing, the FDK's request handling, our handler) runs functions nothing called before. Node 22's cache for the
 * 490 KB publisher holds 53 KB; every cold start compiled the rest from source. A cache made with
 * `script.createCachedData()` *after* the code has run holds every function compiled so far: the image build runs the
 * bundle once through this file with CLAIMCHECK_WRITE_CODE_CACHE=1 (the publisher answers one invocation against a
 * loopback stand-in, lambda-src/prime.ts), and the cache written at that run's exit is what each cold start reads.
 *
 * Never stale: V8 rejects a cache made by another V8 version or with other flags, but of the source it only compares
 * the length, so the cache file starts with the SHA-256 of the func.js it was made from, and a cache for other bytes
 * is not given to V8 at all. Either way the function compiles from source, as without a cache, and says so once on
 * stderr. No cache file is the same, silently (an image built without the step).
 *
 * Plain CommonJS on Node's built-ins only: it runs as is in the image, next to func.js (no bundling, no node_modules).
 */
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const { createHash } = require('node:crypto');

const BUNDLE = path.join(__dirname, 'func.js');
const CODE_CACHE = path.join(__dirname, 'func.js.code-cache');
/** Set by the image build's step: write the code cache when this run exits. */
const WRITE_CODE_CACHE_ENV = 'CLAIMCHECK_WRITE_CODE_CACHE';

/** The wrapper Node's CommonJS loader puts around a module, so func.js runs exactly as `node func.js` runs it. */
function wrap(source) {
  return `(function (exports, require, module, __filename, __dirname) { ${source}\n})`;
}

/** The cache file: the SHA-256 of the func.js bytes it was made from, then V8's data. */
const DIGEST_BYTES = 32;
const digestOf = (bytes) => createHash('sha256').update(bytes).digest();

/** V8's data for `bundleBytes`, or: undefined without a cache file, null when the file was made for other bytes. */
function readCodeCache(bundleBytes) {
  let file;
  try {
    file = fs.readFileSync(CODE_CACHE);
  } catch {
    return undefined;
  }
  if (file.length <= DIGEST_BYTES || !file.subarray(0, DIGEST_BYTES).equals(digestOf(bundleBytes))) return null;
  return file.subarray(DIGEST_BYTES);
}

function writeCodeCache(script, bundleBytes) {
  try {
    fs.writeFileSync(CODE_CACHE, Buffer.concat([digestOf(bundleBytes), script.createCachedData()]));
  } catch (error) {
    console.error(`start.cjs: could not write the code cache ${CODE_CACHE}: ${error && error.message}`);
  }
}

const writing = process.env[WRITE_CODE_CACHE_ENV] === '1';
const bundleBytes = fs.readFileSync(BUNDLE);
const cachedData = writing ? undefined : readCodeCache(bundleBytes);
const script = new vm.Script(wrap(bundleBytes.toString('utf8')), {
  filename: BUNDLE,
  cachedData: cachedData || undefined,
  // Node 21.7+: a dynamic import() inside func.js resolves as in a module loaded by require (esbuild's bundles have none).
  ...(vm.constants && vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER ? { importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER } : {}),
});
if (cachedData === null || (cachedData && script.cachedDataRejected)) {
  const why = cachedData === null ? 'was made for another func.js' : `was made by another Node (${process.version} here) or with other flags`;
  console.error(`start.cjs: the code cache ${path.basename(CODE_CACHE)} ${why}; starting without it`);
}
if (writing) process.once('exit', () => writeCodeCache(script, bundleBytes));

const bundleModule = { exports: {}, filename: BUNDLE, id: '.', loaded: false };
// This file's own require: func.js sits in the same directory, so it resolves every name as func.js's would.
// (module.createRequire would do the same, but on Node 22 it loads the ESM loader, ~1-3 ms of every cold start.)
script.runInThisContext()(bundleModule.exports, require, bundleModule, BUNDLE, __dirname);
bundleModule.loaded = true;
