/**
 * The publisher's bundle, built when this package is built (`npm run build` runs scripts/ship-publisher-bundle.mjs)
 * and shipped in it, as aws-cdk-lib ships the handlers of its own custom resources already bundled: a team's synth
 * takes it instead of running esbuild, on a fresh clone or CI runner too (where the bundle cache is empty).
 *
 *   <package>/dist/publisher/func.js       the bundle (esbuild's output when the package was built)
 *   <package>/dist/publisher/bundle.json   what it was built from (ShippedRecord)
 *
 * It is taken only for a bundling that would read what it was made from:
 * - the same esbuild options, paths written relative to the package root (entry, shims, working directory): a synth
 *   from the repository's TypeScript (tsx, jest) aliases the shims' .ts files, not dist's .js, and never takes it;
 * - each file of this package the build read (lambda-src, lib/runtime, lib/contract, dist's shims) with the recorded
 *   SHA-256;
 * - each package the build read from node_modules (the SDK, the FDK, their dependencies) at the recorded version,
 *   looked up as Node resolves it: from the package root up for a top-level one, from the package that depends on it
 *   for a nested one (`oci-common>uuid`).
 * Not compared: the installed esbuild's version (the bundle is the build's output, not the local esbuild's), and a
 * package's files beyond its version (npm installs a version's published files; a patched package is not seen:
 * `CLAIMCHECK_FORCE_BUNDLING=1` bundles from the shipped sources against what is installed). A missing, unreadable
 * or altered record or bundle is no bundle, never an error: the caller bundles as it would without it.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** Bumped when the record's meaning changes. */
const FORMAT = 1;
const BUNDLE_FILE = 'func.js';
const RECORD_FILE = 'bundle.json';

/** What the shipped bundle was built from. */
interface ShippedRecord {
  readonly format: number;
  /** The esbuild options, paths relative to the package root (JSON). */
  readonly options: string;
  /** [path relative to the package root, SHA-256 of its content]. */
  readonly files: ReadonlyArray<readonly [string, string]>;
  /** [package chain, e.g. `oci-common` or `oci-common>uuid`, its version]. */
  readonly packages: ReadonlyArray<readonly [string, string]>;
  /** SHA-256 of the bundle. */
  readonly output: string;
  readonly esbuildVersion: string;
}

/** Where a package's shipped bundle lives. */
export function shippedBundleDirectory(packageRoot: string): string {
  return join(packageRoot, 'dist', 'publisher');
}

/**
 * The shipped bundle in `dir`, when it was built with `options` (portable, see header) from what `packageRoot` holds
 * now; undefined otherwise.
 */
export function readShippedBundle(dir: string, packageRoot: string, options: string): { readonly output: Buffer; readonly sha256: string } | undefined {
  const record = readRecord(join(dir, RECORD_FILE));
  if (!record || record.options !== options) return undefined;
  for (const [file, hash] of record.files) {
    if (hashOf(join(packageRoot, file)) !== hash) return undefined;
  }
  const resolved = new Map<string, string | undefined>();
  for (const [chain, version] of record.packages) {
    if (versionOf(packageDirectory(chain, packageRoot, resolved)) !== version) return undefined;
  }
  let output: Buffer;
  try {
    output = readFileSync(join(dir, BUNDLE_FILE));
  } catch {
    return undefined;
  }
  const sha256 = createHash('sha256').update(output).digest('hex');
  return sha256 === record.output ? { output, sha256 } : undefined;
}

/**
 * Writes `output`, built with `options` from `inputs` (esbuild's metafile inputs, relative to `packageRoot`, the
 * build's working directory), into `dir` as the shipped bundle. Throws when an input is neither a file of the
 * package nor one of a package in a node_modules Node would search from it.
 */
export function writeShippedBundle(dir: string, packageRoot: string, options: string, inputs: readonly string[], output: Uint8Array, esbuildVersion: string): ShippedRecord {
  const root = resolve(packageRoot);
  const files: Array<readonly [string, string]> = [];
  const packages = new Map<string, string>();
  for (const input of inputs) {
    const path = resolve(root, input);
    const owned = relative(root, path);
    if (!owned.startsWith('..') && !isAbsolute(owned) && !owned.split(sep).includes('node_modules')) {
      files.push([owned.split(sep).join('/'), hashOf(path) ?? fail(`cannot read ${path}`)]);
      continue;
    }
    const found = packageOf(path, root) ?? fail(`${input} is neither a file of the package at ${root} nor in a node_modules Node searches from it`);
    packages.set(found.chain, versionOf(found.directory) ?? fail(`no version in ${join(found.directory, 'package.json')}`));
  }
  const record: ShippedRecord = {
    format: FORMAT,
    options,
    files: files.sort((a, b) => a[0].localeCompare(b[0])),
    packages: [...packages].sort((a, b) => a[0].localeCompare(b[0])),
    output: createHash('sha256').update(output).digest('hex'),
    esbuildVersion,
  };
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, BUNDLE_FILE), output);
  writeFileSync(join(dir, RECORD_FILE), `${JSON.stringify(record, null, 1)}\n`);
  return record;
}

/**
 * The package holding `path`, as a chain of names from a node_modules Node searches from `root` (root's own, then
 * each parent's): `/x/node_modules/oci-common/node_modules/uuid/index.js` is `oci-common>uuid`.
 */
function packageOf(path: string, root: string): { chain: string; directory: string } | undefined {
  for (let dir = root; ; dir = dirname(dir)) {
    // esbuild names inputs by their real path: a symbolic link to a node_modules is searched as the directory it is.
    const modules = realPathOf(join(dir, 'node_modules'));
    const rest = relative(modules, path);
    if (!rest.startsWith('..') && !isAbsolute(rest)) {
      const parts = rest.split(sep);
      const chain: string[] = [];
      let directory = modules;
      for (let i = 0; i < parts.length - 1; ) {
        const name = parts[i].startsWith('@') ? `${parts[i]}/${parts[i + 1]}` : parts[i];
        chain.push(name);
        directory = join(directory, name);
        i += name.split('/').length;
        if (parts[i] !== 'node_modules') break;
        directory = join(directory, 'node_modules');
        i += 1;
      }
      return chain.length > 0 ? { chain: chain.join('>'), directory } : undefined;
    }
    if (dirname(dir) === dir) return undefined;
  }
}

/** The directory of package `chain`, resolved as Node would from `root` (each link from the one before). */
function packageDirectory(chain: string, root: string, resolved: Map<string, string | undefined>): string | undefined {
  if (resolved.has(chain)) return resolved.get(chain);
  const names = chain.split('>');
  const from = names.length === 1 ? root : packageDirectory(names.slice(0, -1).join('>'), root, resolved);
  let found: string | undefined;
  for (let dir = from; dir !== undefined; dir = dirname(dir) === dir ? undefined : dirname(dir)) {
    const candidate = join(dir, 'node_modules', names[names.length - 1]);
    if (existsSync(join(candidate, 'package.json'))) {
      found = candidate;
      break;
    }
  }
  resolved.set(chain, found);
  return found;
}

function realPathOf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function versionOf(directory: string | undefined): string | undefined {
  if (directory === undefined) return undefined;
  try {
    const version = (JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as { version?: unknown }).version;
    return typeof version === 'string' ? version : undefined;
  } catch {
    return undefined;
  }
}

function hashOf(path: string): string | undefined {
  try {
    return createHash('sha256').update(readFileSync(path)).digest('hex');
  } catch {
    return undefined;
  }
}

function readRecord(path: string): ShippedRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(path, 'utf8')) as ShippedRecord;
    const pairs = (list: unknown) => Array.isArray(list) && list.every((p) => Array.isArray(p) && p.length === 2 && p.every((s) => typeof s === 'string'));
    if (record.format !== FORMAT || typeof record.options !== 'string' || typeof record.output !== 'string' || !pairs(record.files) || !pairs(record.packages)) return undefined;
    return record;
  } catch {
    return undefined;
  }
}

function fail(message: string): never {
  throw new Error(`Cannot ship the publisher's bundle: ${message}`);
}
