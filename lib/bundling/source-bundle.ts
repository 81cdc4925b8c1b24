/**
 * Loads a TypeScript module and everything it imports from its own package as ONE esbuild bundle, kept in the
 * project's private cache by what it read (bundle-cache.ts): what the repository's `main.ts` does with the sample
 * stack, so that `cdktf synth` from the sources loads one JavaScript file instead of ~90 TypeScript modules.
 *
 * Why: under `node --import tsx` (what cdktf.json runs) every module costs its own resolution, file reads and tsx
 * transform-cache lookup, and with a cold transform cache (a fresh clone, a CI runner) its own transform, one module
 * at a time. The sample stack loads 87 of this library's modules (~1 MB of TypeScript, the generated bindings most of
 * it): ~50 ms of a 400 ms synth with tsx's cache warm, ~330 ms with it cold. One bundle is one file to read and
 * compile, and esbuild builds it in one go (~100 ms) when anything it read changed.
 *
 * What the bundle keeps as the sources have it:
 * - Packages (cdktf, constructs, esbuild, ...) stay `require`s (`packages: 'external'`), resolved from the entry's
 *   directory as its own imports would be: one cdktf, one constructs, shared with the app.
 * - `__dirname` and `__filename` are each module's own (a plugin declares them at the top of every module that uses
 *   them, on its first line, so line numbers do not move): the library finds its files (shims, lambda-src, schema)
 *   relative to them. esbuild asks the thread that started a build to run its plugins, so the build runs in a worker
 *   thread of its own: the app's main thread stays free to load cdktf meanwhile (main.ts does), instead of holding
 *   the build up each time esbuild waits for the plugin.
 * - A module `require`d lazily runs when first required (esbuild wraps it in a lazy initializer): optional parts
 *   such as the consumer fleet are in the file but not run by a synth that does not ask for them.
 * - Class and function names (`keepNames`, as tsx keeps them) and the target (this Node, as tsx's).
 * - Stack traces, when asked for (`sourceMap`, which main.ts sets with CLAIMCHECK_SYNTH_SOURCE_MAPS=1): an inline
 *   source map, which Node uses when source maps are enabled (as tsx enables them): frames then show the TypeScript
 *   files and lines. Without it they show the bundle's lines, named after the entry (`.<entry>.bundle.cjs`).
 *
 * The bundle is a second copy of the modules it contains: a module the app also loads through tsx is two modules
 * with their own state. main.ts loads only `prebundleFunction` outside the bundle, whose prepared bundles are kept
 * process-wide for that reason (bundle-function.ts).
 */
import Module from 'node:module';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { BuildOptions, Message } from 'esbuild';
import { bundleCacheKey, readCachedBuild, writeCachedBundle } from './bundle-cache';
import { BuildContextCacheOptions, privateCacheDirectory } from './build-context-cache';
import { describeBuildError, findPackageRoot } from './build-helpers';

/** The cache directory's name under node_modules/.cache/cdktf-oci-claim-check. */
export const SOURCE_BUNDLE_CACHE_NAME = 'source-bundles';

/** Bumped when what the plugin below does changes: part of the cache key. */
const MODULE_PATHS_PLUGIN = 'module-paths@1';

/** What loading a source bundle uses from its surroundings; every field defaults to the real one. */
export interface SourceBundler {
  /** The esbuild version, part of the cache key. @default - the installed esbuild's package.json version */
  readonly esbuildVersion?: string;
  /** Where the project (and so its cache) is looked for. @default process.cwd() */
  readonly cache?: BuildContextCacheOptions;
  /**
   * Give the bundle an inline source map, which Node uses when source maps are enabled: stack traces then show the
   * TypeScript files and lines. A build of its own (a map is a third of the bundle's size and of esbuild's work).
   * @default false
   */
  readonly sourceMap?: boolean;
  /**
   * The esbuild module the bundling worker loads, by path (tests give one that fails, to see the worker's failures
   * reported). @default - the installed esbuild, as this module resolves it
   */
  readonly esbuildModule?: string;
}

/** A bundle of sources, built or taken from the cache, not run yet. */
export interface SourceBundle {
  /** The bundle's JavaScript (CommonJS; with an inline source map when built with `sourceMap`). */
  readonly code: Buffer;
  /** The file name it runs as (never written: next to the entry, named after it). */
  readonly filename: string;
  /** True when it came from the cache (esbuild did not run). */
  readonly cached: boolean;
}

/**
 * Bundles `entry` (a TypeScript or JavaScript file) with the modules it imports from its package, or takes the bundle
 * from the cache when nothing it was built from changed. A cache hit resolves at once; a miss starts esbuild before
 * this returns (an app can go on with other work meanwhile: main.ts starts the publisher's bundle). Rejects with
 * esbuild's errors (file:line:column: text) when the sources do not build, as loading them would have failed.
 */
export async function buildSourceBundle(entry: string, bundler: SourceBundler = {}): Promise<SourceBundle> {
  const file = path.resolve(entry);
  const workingDirectory = findPackageRoot(path.dirname(file)) ?? path.dirname(file);
  const filename = path.join(path.dirname(file), `.${path.basename(file).replace(/\.[cm]?[jt]sx?$/, '')}.bundle.cjs`);
  const options: BuildOptions = {
    entryPoints: [file],
    absWorkingDir: workingDirectory,
    outfile: filename,
    bundle: true,
    write: false,
    platform: 'node',
    format: 'cjs',
    target: `node${process.versions.node}`,
    packages: 'external',
    keepNames: true,
    sourcemap: bundler.sourceMap ? 'inline' : false,
    sourcesContent: false,
    logLevel: 'silent',
  };
  const esbuildVersion = bundler.esbuildVersion ?? (require('esbuild/package.json') as { version: string }).version;
  const key = bundleCacheKey(esbuildVersion, { kind: 'source-bundle', plugins: [MODULE_PATHS_PLUGIN], ...options });
  const cacheDir = privateCacheDirectory(SOURCE_BUNDLE_CACHE_NAME, bundler.cache);
  const hit = readCachedBuild(cacheDir, key, workingDirectory);
  if (hit) return { code: hit.output, filename, cached: true };
  const startedMs = Date.now();
  let built: WorkerResult;
  try {
    built = await buildInWorker(options, bundler.esbuildModule ?? require.resolve('esbuild'));
  } catch (error) {
    throw new Error(`Cannot bundle ${file}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if ('errors' in built) throw new Error(`Cannot bundle ${file}: ${describeBuildError(built)}`);
  const code = Buffer.from(built.code);
  writeCachedBundle(cacheDir, key, workingDirectory, built.inputs, code, startedMs);
  return { code, filename, cached: false };
}

/**
 * Runs a source bundle as the CommonJS module it is named after (its `require` resolves packages from the entry's
 * directory up) and returns its exports. Each call runs it again: another copy of its modules.
 */
export function runSourceBundle<T = unknown>(bundle: SourceBundle): T {
  return runAsModule(bundle.code.toString('utf8'), bundle.filename) as T;
}

/** buildSourceBundle, then runSourceBundle: the entry module's exports. */
export async function loadSourceBundle<T = unknown>(entry: string, bundler: SourceBundler = {}): Promise<T> {
  return runSourceBundle<T>(await buildSourceBundle(entry, bundler));
}

/** Runs `source` as the CommonJS module `filename`: its `require` resolves packages from that file's directory up. */
function runAsModule(source: string, filename: string): unknown {
  const NodeModule = Module as unknown as {
    new (id: string, parent?: unknown): NodeJS.Module & { _compile(source: string, filename: string): void };
    _nodeModulePaths(dir: string): string[];
  };
  const loaded = new NodeModule(filename, module);
  loaded.filename = filename;
  loaded.paths = NodeModule._nodeModulePaths(path.dirname(filename));
  loaded._compile(source, filename);
  loaded.loaded = true;
  return loaded.exports;
}

/** What the worker posts back: the output and the inputs esbuild's metafile lists, or esbuild's errors. */
type WorkerResult = { readonly code: Uint8Array; readonly inputs: string[] } | { readonly errors: Message[] };

/**
 * Runs esbuild's build of `options` with the plugin below in a worker thread (WORKER_SOURCE), and resolves with what
 * it posts back. The worker starts without the app's loader hooks and preloads (`execArgv: []`): plain JavaScript,
 * the same from the sources and from the compiled package. Rejects when the worker throws (esbuild cannot be loaded)
 * or ends without answering (killed, out of memory, an exit in esbuild), saying which.
 */
function buildInWorker(options: BuildOptions, esbuildModule: string): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, execArgv: [], workerData: { options, esbuild: esbuildModule } });
    let settled = false;
    worker.once('message', (result: WorkerResult) => {
      settled = true;
      resolve(result);
    });
    worker.once('error', (error) => {
      settled = true;
      reject(new Error(`the bundling worker failed: ${error.message}`, { cause: error }));
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the bundling worker exited (code ${code}) before it answered`));
    });
  });
}

/**
 * The worker's code (in a string: it runs without tsx). The plugin gives each bundled module that uses `__dirname` or
 * `__filename` its own, declared at the start of its first line (line numbers and the source map stay as they are);
 * esbuild renames each module's declarations apart. A module that uses neither is loaded by esbuild itself (its
 * content does not cross over to the worker). The output's buffer is moved to the app's thread, not copied.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require(workerData.esbuild);
const modulePaths = {
  name: ${JSON.stringify(MODULE_PATHS_PLUGIN)},
  setup(build) {
    build.onLoad({ filter: /\\.[cm]?[jt]sx?$/ }, (args) => {
      const source = fs.readFileSync(args.path, 'utf8');
      if (!/\\b__(dirname|filename)\\b/.test(source)) return undefined;
      const loader = /\\.[cm]?tsx?$/.test(args.path) ? (args.path.endsWith('x') ? 'tsx' : 'ts') : args.path.endsWith('x') ? 'jsx' : 'js';
      const own = 'const __dirname = ' + JSON.stringify(path.dirname(args.path)) + ', __filename = ' + JSON.stringify(args.path) + '; ';
      // After a #! line, if any: it must stay first.
      const at = source.startsWith('#!') ? source.indexOf('\\n') + 1 : 0;
      return { contents: at > 0 ? source.slice(0, at) + own + source.slice(at) : own + source, loader };
    });
  },
};
esbuild.build({ ...workerData.options, metafile: true, plugins: [modulePaths] }).then(
  (result) => {
    const output = result.outputFiles.find((f) => f.path === workerData.options.outfile);
    if (!output) {
      parentPort.postMessage({ errors: [{ text: 'esbuild produced no output for ' + workerData.options.outfile }] });
    } else {
      const code = output.contents;
      parentPort.postMessage({ code, inputs: Object.keys(result.metafile.inputs) }, [code.buffer]);
    }
    return esbuild.stop();
  },
  (error) => {
    const errors = Array.isArray(error && error.errors) && error.errors.length > 0 ? error.errors : [{ text: String((error && error.message) || error) }];
    parentPort.postMessage({ errors: errors.map((m) => ({ text: m.text, location: m.location ? { file: m.location.file, line: m.location.line, column: m.location.column } : null })) });
    return esbuild.stop();
  },
);
`;
