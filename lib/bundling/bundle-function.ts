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
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildSync, BuildOptions, Message } from 'esbuild';

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
}

export interface BundleFunctionResult {
  outFile: string;
  /** Hex SHA-256 of the bundle bytes (content hash for image tags / change detection). */
  sha256: string;
  bytes: number;
}

/** Optional requires of the SDK's dependencies, guarded by try/catch at runtime. */
export const OPTIONAL_EXTERNALS: readonly string[] = ['vertx', 'encoding'];

const PACKAGE_NAME = 'cdktf-oci-claim-check';

export function bundleFunction(options: BundleFunctionOptions): BundleFunctionResult {
  const generated = typeof options.entry === 'string' ? undefined : options.entry;
  const entry = generated ? generated.sourcefile : path.resolve(options.entry as string);
  const outFile = path.resolve(options.outFile);
  if (!generated && !fs.existsSync(entry)) {
    throw new Error(`Cannot bundle OCI function: entry ${entry} does not exist`);
  }
  const resolveDir = generated ? path.resolve(generated.resolveDir) : undefined;
  const buildOptions: BuildOptions = {
    absWorkingDir: resolveDir ? (findPackageRoot(resolveDir) ?? resolveDir) : findPackageRootOf(entry),
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
    define: options.define ?? {},
    logLevel: 'silent',
    write: false,
    outfile: outFile,
  };
  let contents: Uint8Array;
  try {
    const result = buildSync(buildOptions);
    const output = result.outputFiles?.find((f) => f.path === outFile);
    if (!output) throw new Error(`esbuild produced no output for ${outFile}`);
    contents = output.contents;
  } catch (error) {
    throw new Error(`Cannot bundle OCI function ${entry}: ${describeBuildError(error)}`);
  }
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, contents);
  return {
    outFile,
    sha256: createHash('sha256').update(contents).digest('hex'),
    bytes: contents.byteLength,
  };
}

/**
 * Absolute path of the function entry shipped with this package: `lambda-src/func.ts` (the TypeScript source is
 * published too, and is what esbuild bundles best), else the tsc output `dist/lambda-src/func.js`.
 * Works from source (`lib/bundling`, under jest/tsx) and compiled (`dist/lib/bundling`).
 */
export function defaultFunctionEntry(): string {
  const root = findPackageRoot(__dirname, (pkg) => pkg.name === PACKAGE_NAME);
  if (root === null) {
    throw new Error(`Cannot find the ${PACKAGE_NAME} package root above ${__dirname}`);
  }
  const candidates = [path.join(root, 'lambda-src', 'func.ts'), path.join(root, 'dist', 'lambda-src', 'func.js')];
  const found = candidates.find((file) => fs.existsSync(file));
  if (found === undefined) {
    throw new Error(`The function entry point is missing: none of ${candidates.join(', ')} exists`);
  }
  return found;
}

/** Nearest directory at or above `start` whose package.json satisfies `accept`; null at the filesystem root. */
export function findPackageRoot(start: string, accept: (pkg: { name?: string }) => boolean = () => true): string | null {
  let dir = path.resolve(start);
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      try {
        if (accept(JSON.parse(fs.readFileSync(manifest, 'utf8')))) return dir;
      } catch {
        // An unreadable package.json is not the one we are looking for; keep walking up.
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

function findPackageRootOf(entry: string): string {
  return findPackageRoot(path.dirname(entry)) ?? path.dirname(entry);
}

function describeBuildError(error: unknown): string {
  const errors = (error as { errors?: Message[] } | null)?.errors;
  if (Array.isArray(errors) && errors.length > 0) {
    return errors
      .map((m) => (m.location ? `${m.location.file}:${m.location.line}:${m.location.column}: ${m.text}` : m.text))
      .join('; ');
  }
  return error instanceof Error ? error.message : String(error);
}
