/**
 * Where the function's image build context (Dockerfile, func.yaml, the bundled func.js) is written at synth time,
 * for the `TerraformAsset` that copies it into the cdktf output: a content-addressed cache under the project,
 *
 *   <project>/node_modules/.cache/cdktf-oci-claim-check/function-contexts/<sha256 of the files>/
 *
 * where <project> is the nearest directory at or above the working directory with a package.json (a directory with
 * none gets a private temp directory instead, removed when the process exits).
 *
 * Safe against other local users (CWE-377, predictable temp paths): nothing is written to a shared, predictable
 * path. The cache directories are created mode 0700 and, before use, checked to be real directories (not symbolic
 * links) owned by this user and writable by nobody else (node_modules/.cache, shared with other tools: not
 * world-writable); a context is written into a fresh private staging
 * directory with exclusive creates (O_EXCL: an existing file or planted link fails the write instead of being
 * followed) and renamed into place, so it is complete or absent; an existing context is used only when it holds
 * exactly the expected regular files with the expected content. The path never reaches the synthesized JSON (the
 * asset is named by its content), so synth output does not depend on where the cache is.
 *
 * The same checks guard the library's other private cache directories beside it (`privateCacheDirectory`), such as
 * the bundle cache (bundle-cache.ts, `bundles/`).
 */
import { randomBytes } from 'node:crypto';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, Stats, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const CACHE_NAME = 'cdktf-oci-claim-check';
const CONTEXTS = 'function-contexts';

export interface BuildContextCacheOptions {
  /** Where to look for the project (the nearest package.json at or above it). @default process.cwd() */
  readonly workingDirectory?: string;
}

/** The cache root for build contexts (not created). Undefined when no project encloses the working directory. */
export function projectCacheRoot(options: BuildContextCacheOptions = {}): string | undefined {
  return projectCacheDirectory(CONTEXTS, options);
}

/**
 * `<project>/node_modules/.cache/cdktf-oci-claim-check/<name>` (not created), for this library's caches (build
 * contexts, bundles). Undefined when no project encloses the working directory.
 */
export function projectCacheDirectory(name: string, options: BuildContextCacheOptions = {}): string | undefined {
  let dir = options.workingDirectory ?? process.cwd();
  for (;;) {
    if (isFile(join(dir, 'package.json'))) return join(dir, 'node_modules', '.cache', CACHE_NAME, name);
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * The private cache directory `name` (projectCacheDirectory), created and checked as the build contexts' is: a real
 * directory of this user, mode 0700, inside a node_modules/.cache that nobody else may write to; without a project,
 * a private temp directory (mkdtemp) removed when the process exits. Throws when the directory is not safe to use.
 */
export function privateCacheDirectory(name: string, options: BuildContextCacheOptions = {}): string {
  return ensureCacheRoot(name, options);
}

/**
 * Writes `files` (name → content) as a build context named by `hash` (their content hash), or reuses the one
 * already there; returns its directory. Throws when the cache directory is not safe to use (a symbolic link,
 * another owner, writable by others).
 */
export function writeBuildContext(files: Readonly<Record<string, string>>, hash: string, options: BuildContextCacheOptions = {}): string {
  if (!/^[0-9a-f]{16,}$/.test(hash)) throw new Error(`build context hash must be hex, got ${JSON.stringify(hash)}`);
  const root = ensureCacheRoot(CONTEXTS, options);
  const target = join(root, hash);
  for (let attempt = 0; attempt < 3; attempt++) {
    const existing = lstatOrUndefined(target);
    if (existing && holdsExactly(target, existing, files)) return target;
    if (existing) discard(root, target);
    const staging = mkdtempSync(join(root, '.staging-'));
    try {
      for (const [name, content] of Object.entries(files)) {
        if (name.includes('/') || name.startsWith('.')) throw new Error(`build context file name ${JSON.stringify(name)} is not a plain name`);
        writeFileSync(join(staging, name), content, { flag: 'wx', mode: 0o644 });
      }
      renameSync(staging, target);
      return target;
    } catch (error) {
      rmSync(staging, { recursive: true, force: true });
      // Another process renamed the same context into place first: check and use it on the next turn.
      if (!['EEXIST', 'ENOTEMPTY', 'EISDIR'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
    }
  }
  throw new Error(`could not write the function build context ${target}: it keeps changing under this process`);
}

/** Per cache name, the private temp directory used when no project encloses the working directory. */
const privateRoots = new Map<string, string>();

function ensureCacheRoot(name: string, options: BuildContextCacheOptions): string {
  const root = projectCacheDirectory(name, options);
  if (!root) {
    let dir = privateRoots.get(name);
    if (!dir) {
      // mkdtemp: a new directory with an unpredictable name, mode 0700.
      const created = mkdtempSync(join(tmpdir(), name === CONTEXTS ? 'claimcheck-fn-contexts-' : `claimcheck-${name}-`));
      privateRoots.set(name, created);
      process.once('exit', () => rmSync(created, { recursive: true, force: true }));
      dir = created;
    }
    return dir;
  }
  const cacheDir = dirname(dirname(root)); // node_modules/.cache: shared with other tools
  const ours = dirname(root); // node_modules/.cache/cdktf-oci-claim-check
  mkdirSync(dirname(cacheDir), { recursive: true }); // node_modules
  // Group write is as far as the project's node_modules is trusted anyway; world-writable is not.
  const purpose = name === CONTEXTS ? 'the function build context' : `the ${name} cache`;
  ensureDirectory(cacheDir, 0o755, 0o002, purpose);
  ensureDirectory(ours, 0o700, 0o077, purpose);
  ensureDirectory(root, 0o700, 0o077, purpose);
  return root;
}

/** Creates `dir` (one level) if missing, then insists it is a real directory of this user without `forbidden` mode bits. */
function ensureDirectory(dir: string, mode: number, forbidden: number, purpose: string): void {
  try {
    mkdirSync(dir, { mode });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const stats = lstatSync(dir);
  const problem = stats.isSymbolicLink()
    ? 'is a symbolic link'
    : !stats.isDirectory()
      ? 'is not a directory'
      : !ownedByMe(stats)
        ? `belongs to uid ${stats.uid}, not to this user`
        : (stats.mode & forbidden) !== 0
          ? `has mode ${(stats.mode & 0o777).toString(8)} (others may write to it)`
          : undefined;
  if (problem) {
    throw new Error(`Refusing to use ${dir} for ${purpose}: it ${problem}. Remove it (it is only a cache) and synth again.`);
  }
}

/** A real directory of this user, private, holding exactly `files` as regular files with that content. */
function holdsExactly(dir: string, stats: Stats, files: Readonly<Record<string, string>>): boolean {
  if (stats.isSymbolicLink() || !stats.isDirectory() || !ownedByMe(stats) || (stats.mode & 0o077) !== 0) return false;
  const names = Object.keys(files).sort();
  const present = readdirSync(dir).sort();
  if (present.join('\0') !== names.join('\0')) return false;
  return names.every((name) => {
    const file = lstatSync(join(dir, name));
    return file.isFile() && ownedByMe(file) && readFileSync(join(dir, name), 'utf8') === files[name];
  });
}

/** Moves a bad entry out of the way (a rename never follows a link) and deletes it. */
function discard(root: string, target: string): void {
  const aside = join(root, `.discard-${randomBytes(8).toString('hex')}`);
  try {
    renameSync(target, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  rmSync(aside, { recursive: true, force: true });
}

function ownedByMe(stats: Stats): boolean {
  return typeof process.getuid !== 'function' || stats.uid === process.getuid();
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function isFile(path: string): boolean {
  return lstatOrUndefined(path)?.isFile() === true;
}
