/**
 * Bundles the OCI Function (lambda-src/func.ts and its dependencies: the Fn FDK and the OCI SDK) into ONE
 * CommonJS file that runs with plain `node func.js` and no node_modules, for the function's container image.
 *
 * Called synchronously at synth time by the construct, so it uses esbuild's buildSync. Options are pinned so the
 * same sources give byte-identical output (and so the same image digest):
 * - platform node, format cjs, target node20: the FDK and SDK are CommonJS; node20 is the oldest runtime the
 *   bundle must run on (Node 20 locally, Node 22 on OCI Functions).
 * - no source map, and `absWorkingDir` = the package root: esbuild only ever writes paths relative to it (in
 *   non-minified comments), so no machine-specific absolute path can end up in the artifact.
 * - legalComments 'eof': the license comments esbuild recognises (/*! ... *\/, @license, @preserve) are kept, at
 *   the end of the single file that ships, so the image carries them without a second file to copy. ('none'
 *   would drop notices MIT/Apache licenses ask us to keep; 'external' would add a file the construct must copy.)
 * - `vertx` (es6-promise) and `encoding` (node-fetch) are optional requires inside try/catch in the SDK's
 *   dependencies; marking them external keeps the bundle deterministic and the try/catch handles their absence.
 * - `isomorphic-fetch` and `node-fetch` are aliased to the global fetch (shims/global-fetch.ts): the SDK sends with
 *   the global fetch on every Node the bundles run on, and the polyfills were a third of the function's bundle.
 * - In the publisher's bundle (`sdkShims`), `http-signature`, `jsonwebtoken`, `jssha` and `sshpk` are aliased to shims
 *   of what the SDK uses of them (`sign` with a key parsed once instead of at every request; `decode`; SHA-256 of
 *   text; PEM keys and certificates read by node:crypto): ~300 KB less to read and run at every cold start, and ~1 ms
 *   less CPU per signed request.
 *
 * Builds are cached (bundle-cache.ts): when the options, the esbuild version and every file the last identical build
 * read are unchanged, the output is taken from the project's private cache and esbuild is neither run nor loaded.
 * The compiled package also ships the publisher's bundle (shipped-bundle.ts, built by `npm run build`), taken before
 * the cache when it was built from what is installed. `CLAIMCHECK_FORCE_BUNDLING=1` (or `forceRebuild`) runs esbuild
 * anyway and replaces the cached output.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BuildOptions, BuildResult } from 'esbuild';
import { bundleCacheKey, readCachedBuild, writeCachedBundle } from './bundle-cache';
import { BuildContextCacheOptions, privateCacheDirectory } from './build-context-cache';
import { describeBuildError, findPackageRoot } from './build-helpers';
import { readShippedBundle, shippedBundleDirectory, writeShippedBundle } from './shipped-bundle';

export { findPackageRoot } from './build-helpers';

/**
 * An entry point written by the library rather than read from a file: the wrapper generated around a user's handler
 * (handler-entry.ts). Bundled from memory (esbuild `stdin`), so no temporary file, and no temporary path, is involved.
 */
export interface GeneratedEntry {
  /** The entry's TypeScript source. */
  readonly contents: string;
  /**
   * Where its imports resolve from; the package root above it is the bundle's working directory (the only base
   * of the paths esbuild writes).
   */
  readonly resolveDir: string;
  /** The name it goes by in messages, e.g. `consumer-fleet-entry.ts`. */
  readonly sourcefile: string;
}

export interface BundleFunctionOptions {
  /** The entry point: a file, e.g. defaultFunctionEntry(), or generated source. */
  entry: string | GeneratedEntry;
  /** Where to write the bundle (parent directories are created). */
  outFile: string;
  /** Default true. */
  minify?: boolean;
  /**
   * Extra compile-time constants (esbuild `define`). Not needed for production bundles; the function benchmark
   * uses it to build its no-client-reuse variant.
   */
  define?: Record<string, string>;
  /**
   * Reuse esbuild's output of an identical earlier build from the project's private cache (bundle-cache.ts): same
   * options, same esbuild version, same content of every file that build read. false: always run esbuild, store
   * nothing.
   * @default true
   */
  cache?: boolean;
  /**
   * Run esbuild even when the cache holds the build; its output is stored as the build's.
   * @default - true when the environment variable CLAIMCHECK_FORCE_BUNDLING is `1` or `true`
   */
  forceRebuild?: boolean;
  /**
   * Replace the OCI SDK's dependencies listed in `SDK_SHIMS` (http-signature, jsonwebtoken, jssha, sshpk) by the shims next to this file,
   * which give what the SDK uses of them and nothing more. Only for an entry whose every import of those packages is
   * the SDK's: a handler that uses http-signature, jsonwebtoken, jssha or sshpk itself needs the real ones.
   * @default - true for the publisher shipped with this package (`defaultFunctionEntry()`), false otherwise
   */
  sdkShims?: boolean;
}

export interface BundleFunctionResult {
  outFile: string;
  /** Hex SHA-256 of the bundle bytes (content hash for image tags / change detection). */
  sha256: string;
  bytes: number;
  /** True when the bundle came from the cache (esbuild did not run). */
  cached: boolean;
}

/** A bundle in memory (bundleFunctionContents). */
export interface BundledCode {
  readonly contents: Buffer;
  /** Hex SHA-256 of `contents`. */
  readonly sha256: string;
  /** True when it came from the cache (esbuild did not run). */
  readonly cached: boolean;
}

/**
 * What bundling uses from its surroundings; every field defaults to the real one. Tests inject a counting `build` or
 * another `esbuildVersion` to observe the cache.
 */
export interface Bundler {
  /** esbuild's `buildSync` (loaded only when a build runs). */
  readonly build?: (options: BuildOptions) => BuildResult;
  /** The esbuild version, part of the cache key. @default - the installed esbuild's package.json version */
  readonly esbuildVersion?: string;
  /** Where the project (and so its cache) is looked for. @default process.cwd() */
  readonly cache?: BuildContextCacheOptions;
  /** Read for CLAIMCHECK_FORCE_BUNDLING. @default process.env */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** The environment variable that makes every bundling run esbuild (`1` or `true`), like aws-cdk's forced bundling. */
export const FORCE_BUNDLING_ENV = 'CLAIMCHECK_FORCE_BUNDLING';

/** The cache directory's name under node_modules/.cache/cdktf-oci-claim-check. */
export const BUNDLE_CACHE_NAME = 'bundles';

/** Optional requires of the SDK's dependencies, guarded by try/catch at runtime. */
export const OPTIONAL_EXTERNALS: readonly string[] = ['vertx', 'encoding'];

/**
 * Packages replaced in every bundle by the global fetch (shims/global-fetch.ts says why that is the same behaviour on
 * Node 20+): drops node-fetch, whatwg-url and tr46 from the bundle and from every cold start.
 */
export const FETCH_POLYFILLS: readonly string[] = ['isomorphic-fetch', 'node-fetch'];

/**
 * Dependencies of the OCI SDK (oci-common 2.139.1) replaced, where `sdkShims` says so, by a shim of what the SDK uses
 * of them (shims/<name>.ts says what and why): ~300 KB of the publisher's bundle, and their loading at every cold start.
 */
export const SDK_SHIMS: readonly string[] = ['http-signature', 'jsonwebtoken', 'jssha', 'sshpk'];

const PACKAGE_NAME = 'cdktf-oci-claim-check';

export function bundleFunction(options: BundleFunctionOptions, bundler: Bundler = {}): BundleFunctionResult {
  const outFile = path.resolve(options.outFile);
  const bundled = bundleFunctionContents(options, bundler);
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, bundled.contents);
  return { outFile, sha256: bundled.sha256, bytes: bundled.contents.byteLength, cached: bundled.cached };
}

/** bundleFunction without writing the file: the bundle's bytes (`outFile` only names the output for esbuild). */
export function bundleFunctionContents(options: BundleFunctionOptions, bundler: Bundler = {}): BundledCode {
  const plan = planBundle(options, bundler);
  const ready = bundleWithoutBuilding(plan);
  if (ready) return ready;
  const buildStartedMs = Date.now();
  let result: BuildResult;
  try {
    result = (bundler.build ?? esbuildBuildSync)({ ...plan.buildOptions, metafile: true });
  } catch (error) {
    throw bundlingError(plan, error);
  }
  return keepBuild(plan, result, buildStartedMs);
}

/** What `prebundleFunctionContents` uses from its surroundings: Bundler's, with esbuild's asynchronous `build`. */
export interface AsyncBundler extends Omit<Bundler, 'build'> {
  /** esbuild's `build` (loaded only when a build runs). */
  readonly build?: (options: BuildOptions) => Promise<BuildResult>;
}

/**
 * Bundles like bundleFunctionContents, with esbuild's asynchronous API, and keeps the result for this process: the
 * construct's bundling of the same entry with the same options takes it without checking the cache again, even when
 * bundling is forced (`CLAIMCHECK_FORCE_BUNDLING=1`), since it was built in this process. A cache hit returns at once
 * and starts nothing. Rejects with the error the construct would throw. `prebundleFunction` is the app-facing form.
 */
export async function prebundleFunctionContents(options: BundleFunctionOptions, bundler: AsyncBundler = {}): Promise<BundledCode> {
  const plan = planBundle(options, bundler);
  let bundled = bundleWithoutBuilding(plan);
  if (!bundled) {
    const buildStartedMs = Date.now();
    let result: BuildResult;
    try {
      result = await (bundler.build ?? esbuildBuild)({ ...plan.buildOptions, metafile: true });
    } catch (error) {
      throw bundlingError(plan, error);
    }
    bundled = keepBuild(plan, result, buildStartedMs);
  }
  if (plan.key) preparedBundles.set(plan.key, bundled);
  return bundled;
}

/**
 * Starts bundling a function before the app loads its constructs, so that on a machine with two or more cores esbuild
 * runs in its own process while Node loads cdktf and this library; the construct then takes the bundle. Worth it in
 * the developer's loop: after an edit of the function, a synth otherwise waits for esbuild after everything loaded.
 * Unchanged sources are a cache hit and start nothing. Await the promise before constructing the stack (it rejects
 * with the bundling error the construct would throw). main.ts (the sample app) shows the order:
 *
 *   const bundled = prebundleFunction();            // the publisher shipped with this package
 *   const { App } = require('cdktf');               // then load cdktf and the constructs
 *   const { ClaimCheckPipeline } = require('cdktf-oci-claim-check');
 *   await bundled;                                  // before the first construct
 *
 * @param entry the function's entry, as given to `BundledFunctionCode`
 * @default - the claim-check publisher (`defaultFunctionEntry()`), what `ClaimCheckPipeline` deploys
 */
export async function prebundleFunction(entry: string | GeneratedEntry = defaultFunctionEntry()): Promise<void> {
  await prebundleFunctionContents({ entry, outFile: IN_MEMORY_BUNDLE_FILE });
}

/**
 * Builds the publisher's bundle and writes it, with what it was built from, as the bundle this package ships
 * (shipped-bundle.ts; `npm run build` runs it through scripts/ship-publisher-bundle.mjs, from the compiled package).
 * Returns where it was written and its size.
 */
export function shipPublisherBundle(dir?: string): { readonly dir: string; readonly bytes: number; readonly files: number; readonly packages: number } {
  const options: BundleFunctionOptions = { entry: defaultFunctionEntry(), outFile: IN_MEMORY_BUNDLE_FILE, cache: false };
  let inputs: string[] = [];
  const bundled = bundleFunctionContents(options, {
    build: (buildOptions) => {
      const result = esbuildBuildSync(buildOptions);
      inputs = Object.keys(result.metafile?.inputs ?? {});
      return result;
    },
  });
  const plan = planBundle(options, {});
  const target = dir ?? shippedBundleDirectory(plan.absWorkingDir);
  const record = writeShippedBundle(target, plan.absWorkingDir, plan.portableOptions!, inputs, bundled.contents, installedEsbuildVersion());
  return { dir: target, bytes: bundled.contents.byteLength, files: record.files.length, packages: record.packages.length };
}

/**
 * The name bundles made in memory go by (the construct's, and `prebundleFunction`'s): esbuild
 * needs an output name, nothing is written there, and it is not part of the cache key.
 */
export const IN_MEMORY_BUNDLE_FILE = path.join(os.tmpdir(), 'claimcheck-bundle.js');

/**
 * Bundles made by prebundleFunctionContents in this process, by cache key (the options, entry included). Kept
 * process-wide, under a registered symbol, so that every copy of this module in the process sees them: the sample
 * app starts the publisher's bundle through the sources and builds its stack from the source bundle's own copy of
 * this module (source-bundle.ts, main.ts).
 */
const PREPARED_BUNDLES = Symbol.for('cdktf-oci-claim-check.prepared-bundles');
const registry = globalThis as { [PREPARED_BUNDLES]?: Map<string, BundledCode> };
const preparedBundles: Map<string, BundledCode> = (registry[PREPARED_BUNDLES] ??= new Map<string, BundledCode>());

/** Forgets the bundles prebundleFunctionContents made in this process (tests that change the sources under them). */
export function clearPreparedBundles(): void {
  preparedBundles.clear();
}

/** One bundling, worked out: esbuild's options, and where its cached output is looked for. */
interface BundlePlan {
  /** The entry, as messages name it. */
  readonly entry: string;
  readonly outFile: string;
  readonly buildOptions: BuildOptions;
  readonly absWorkingDir: string;
  /** The generated entry's path as the metafile lists it (not a file: its source is part of the key). */
  readonly generatedInput?: string;
  /** The cache key; '' when the cache is not used. */
  readonly key: string;
  /** The options with paths relative to the working directory, for the shipped bundle; undefined for a generated entry. */
  readonly portableOptions?: string;
  readonly cacheDir: string;
  readonly force: boolean;
}

function planBundle(options: BundleFunctionOptions, bundler: Bundler | AsyncBundler): BundlePlan {
  const generated = typeof options.entry === 'string' ? undefined : options.entry;
  const entry = generated ? generated.sourcefile : path.resolve(options.entry as string);
  const outFile = path.resolve(options.outFile);
  if (!generated && !fs.existsSync(entry)) {
    throw new Error(`Cannot bundle OCI function: entry ${entry} does not exist`);
  }
  const resolveDir = generated ? path.resolve(generated.resolveDir) : undefined;
  const absWorkingDir = resolveDir ? (findPackageRoot(resolveDir) ?? resolveDir) : findPackageRootOf(entry);
  const buildOptions: BuildOptions = {
    absWorkingDir,
    ...(generated
      ? { stdin: { contents: generated.contents, resolveDir, sourcefile: generated.sourcefile, loader: 'ts' as const } }
      : { entryPoints: [entry] }),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minify: options.minify ?? true,
    sourcemap: false,
    legalComments: 'eof',
    charset: 'ascii',
    external: [...OPTIONAL_EXTERNALS],
    alias: {
      ...Object.fromEntries(FETCH_POLYFILLS.map((name) => [name, shimFile('global-fetch')])),
      ...((options.sdkShims ?? isDefaultFunctionEntry(entry)) ? Object.fromEntries(SDK_SHIMS.map((name) => [name, shimFile(name)])) : {}),
    },
    define: options.define ?? {},
    logLevel: 'silent',
    write: false,
    outfile: outFile,
  };
  const useCache = options.cache ?? true;
  const env = bundler.env ?? process.env;
  // The output does not depend on where it is written (outfile): only its directory's name could show, and no
  // option used here writes it. Everything else is in the key.
  const { outfile: _outfile, ...keyed } = buildOptions;
  const portable = (file: string) => path.relative(absWorkingDir, file).split(path.sep).join('/');
  return {
    entry,
    outFile,
    buildOptions,
    absWorkingDir,
    generatedInput: resolveDir && generated ? path.resolve(resolveDir, generated.sourcefile) : undefined,
    key: useCache ? bundleCacheKey(bundler.esbuildVersion ?? installedEsbuildVersion(), keyed) : '',
    portableOptions: generated
      ? undefined
      : JSON.stringify({
          ...keyed,
          absWorkingDir: '.',
          entryPoints: [portable(entry)],
          alias: Object.fromEntries(Object.entries(buildOptions.alias ?? {}).map(([name, file]) => [name, portable(file)])),
        }),
    cacheDir: useCache ? privateCacheDirectory(BUNDLE_CACHE_NAME, bundler.cache) : '',
    force: options.forceRebuild ?? /^(1|true)$/i.test(env[FORCE_BUNDLING_ENV] ?? ''),
  };
}

/** The bundle when esbuild need not run: made by prebundleFunctionContents in this process, or cached (unless forced). */
function bundleWithoutBuilding(plan: BundlePlan): BundledCode | undefined {
  if (!plan.key) return undefined;
  const prepared = preparedBundles.get(plan.key);
  if (prepared) return prepared;
  if (plan.force) return undefined;
  // The bundle this package shipped (shipped-bundle.ts), when it is what esbuild would make of the sources now.
  const shipped = plan.portableOptions !== undefined ? readShippedBundle(shippedBundleDirectory(plan.absWorkingDir), plan.absWorkingDir, plan.portableOptions) : undefined;
  if (shipped) return { contents: shipped.output, sha256: shipped.sha256, cached: true };
  const hit = readCachedBuild(plan.cacheDir, plan.key, plan.absWorkingDir);
  // The lookup checked the output against the hash its record holds: no need to hash it again.
  return hit ? { contents: hit.output, sha256: hit.sha256, cached: true } : undefined;
}

/** esbuild's result as a bundle, stored in the cache (when it is used) with the files the build read. */
function keepBuild(plan: BundlePlan, result: BuildResult, buildStartedMs: number): BundledCode {
  const output = result.outputFiles?.find((f) => f.path === plan.outFile);
  if (!output) throw bundlingError(plan, new Error(`esbuild produced no output for ${plan.outFile}`));
  const contents = Buffer.from(output.contents);
  // The generated entry is listed under its sourcefile name; its source is part of the key instead.
  const inputs = Object.keys(result.metafile?.inputs ?? {}).filter((input) => path.resolve(plan.absWorkingDir, input) !== plan.generatedInput);
  if (plan.key && inputs.length > 0) writeCachedBundle(plan.cacheDir, plan.key, plan.absWorkingDir, inputs, contents, buildStartedMs);
  return { contents, sha256: sha256Of(contents), cached: false };
}

function bundlingError(plan: BundlePlan, error: unknown): Error {
  return new Error(`Cannot bundle OCI function ${plan.entry}: ${describeBuildError(error)}`);
}

/** shims/<name>: the TypeScript source next to this file, or its compiled .js in dist. */
function shimFile(name: string): string {
  const candidates = ['.js', '.ts'].map((ext) => path.join(__dirname, 'shims', `${name}${ext}`));
  const found = candidates.find((file) => fs.existsSync(file));
  if (found === undefined) throw new Error(`The bundling shim is missing: none of ${candidates.join(', ')} exists`);
  return found;
}

/** esbuild's buildSync, loaded on first use (loading esbuild alone costs a synth tens of milliseconds). */
function esbuildBuildSync(options: BuildOptions): BuildResult {
  return (require('esbuild') as typeof import('esbuild')).buildSync(options);
}

/**
 * esbuild's build, loaded on first use. The asynchronous build runs while Node loads the app on its main thread, so
 * esbuild's service process (started by the first asynchronous call) is given one core fewer than the machine has:
 * on two cores its second thread took the core Node was loading the app on (a synth right after a function change,
 * 2 cores, median of 6: 982 ms → 944 ms). GOMAXPROCS is the Go runtime's limit on threads running Go code at once
 * (https://pkg.go.dev/runtime#hdr-Environment_Variables); a value the user set is kept, and the app's own environment
 * is left as it was. The synchronous build (the construct's) blocks Node anyway and keeps every core.
 */
function esbuildBuild(options: BuildOptions): Promise<BuildResult> {
  const esbuild = require('esbuild') as typeof import('esbuild');
  if (process.env.GOMAXPROCS !== undefined) return esbuild.build(options);
  process.env.GOMAXPROCS = String(Math.max(1, os.availableParallelism() - 1));
  try {
    return esbuild.build(options);
  } finally {
    delete process.env.GOMAXPROCS;
  }
}

/** The installed esbuild's version, read from its package.json without loading esbuild. */
function installedEsbuildVersion(): string {
  return (require('esbuild/package.json') as { version: string }).version;
}

function sha256Of(contents: Uint8Array): string {
  return createHash('sha256').update(contents).digest('hex');
}

/**
 * Absolute path of the function entry shipped with this package: `lambda-src/func.ts` (the TypeScript source is
 * published too, and is what esbuild bundles best), else the tsc output `dist/lambda-src/func.js`.
 * Works from source (`lib/bundling`, under jest/tsx) and compiled (`dist/lib/bundling`).
 */
export function defaultFunctionEntry(): string {
  const root = packageRoot();
  const candidates = [path.join(root, 'lambda-src', 'func.ts'), path.join(root, 'dist', 'lambda-src', 'func.js')];
  const found = candidates.find((file) => fs.existsSync(file));
  if (found === undefined) {
    throw new Error(`The function entry point is missing: none of ${candidates.join(', ')} exists`);
  }
  return found;
}

/**
 * The text of lambda-src/start.cjs, the function image's entry point, which runs the bundle with the V8 code cache
 * its build made (lib/oci/container-image.ts). Plain JavaScript, shipped and copied into the image as it is.
 */
export function functionImageLoaderSource(): string {
  const file = path.join(packageRoot(), 'lambda-src', 'start.cjs');
  if (!fs.existsSync(file)) throw new Error(`The function image's loader is missing: ${file} does not exist`);
  return fs.readFileSync(file, 'utf8');
}

/** This package's root, from source (`lib/bundling`) or compiled (`dist/lib/bundling`). */
function packageRoot(): string {
  const root = findPackageRoot(__dirname, (pkg) => pkg.name === PACKAGE_NAME);
  if (root === null) {
    throw new Error(`Cannot find the ${PACKAGE_NAME} package root above ${__dirname}`);
  }
  return root;
}

/** Whether `entry` is the publisher shipped with this package (false where that cannot be found). */
export function isDefaultFunctionEntry(entry: string): boolean {
  try {
    return entry === defaultFunctionEntry();
  } catch {
    return false;
  }
}

function findPackageRootOf(entry: string): string {
  return findPackageRoot(path.dirname(entry)) ?? path.dirname(entry);
}
