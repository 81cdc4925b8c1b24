/**
 * esbuild's output kept by what it was built from, so that a synth whose function sources did not change skips
 * esbuild (and does not even load it). Content-addressed, in this library's private cache (build-context-cache.ts):
 *
 *   <project>/node_modules/.cache/cdktf-oci-claim-check/bundles/<key>/<build>.json   the record
 *   <project>/node_modules/.cache/cdktf-oci-claim-check/bundles/<key>/<build>.js     esbuild's output
 *
 * - `<key>`: SHA-256 of the cache format, the esbuild version and the build options (entry, working directory,
 *   generated entry source, define, minify, target, ...): anything that changes there is another key.
 * - The record lists what the build read: every input esbuild's metafile names (paths relative to the working
 *   directory) with the SHA-256 of its content, plus the files that steer how esbuild resolves and transforms them
 *   (`package.json`, `tsconfig.json`, `jsconfig.json` in each input's directory and above), each with its content
 *   hash or as absent. A lookup hashes those files again: all equal is a hit (the output, whose SHA-256 the record
 *   also holds, is checked and returned); any difference, a missing input or a config file that appeared is a miss,
 *   and the caller runs esbuild and stores a new record next to the old ones (the newest few are kept per key).
 *   A file whose status is what the record noted (device, inode, size, modification and change times: the change
 *   time moves with every write and cannot be set back, so a write that restores size and modification time is
 *   still seen) is not read again: its recorded hash stands, as git trusts its index. A status is noted only for a
 *   file last changed at least 2 s before the build started (a write in the same clock tick would not move it);
 *   the others are hashed at every lookup.
 *   Not seen: a new file that changes how an existing import resolves without any listed file changing (say an
 *   `x.ts` added beside an imported `x.js`); `CLAIMCHECK_FORCE_BUNDLING=1` rebuilds. The inputs are hashed after the
 *   build (only then are they known): a build with an input modified during it, or less than 2 s before it started
 *   (coarse file timestamps), is not stored, since the content hashed now may not be the content esbuild read.
 *   The next bundling builds again.
 * - Concurrent synths: every file is written under a fresh temporary name with an exclusive create and renamed into
 *   place (rename is atomic), output first, record last, so a reader sees a complete record and output or none; two
 *   writers of the same build write the same bytes. A record or output that is unreadable, malformed or does not
 *   match its hash is a miss, never an error.
 */
import { createHash, randomBytes } from 'node:crypto';
import { lstatSync, mkdirSync, Stats, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';

/** Bumped when the record's meaning changes, so older records are never read as newer ones. */
const FORMAT = 2;
/** Records kept per key: the newest, by use. */
const KEEP_PER_KEY = 8;
/** Temporary files older than this are left-overs of a process that died mid-write. */
const STALE_TEMP_MS = 60 * 60 * 1000;
/** An input modified less than this before the build started is not vouched for by its hash after the build. */
const RECENT_WRITE_MS = 2000;
/** The files besides the inputs that change what esbuild makes of them. */
const CONFIG_FILES = ['package.json', 'tsconfig.json', 'jsconfig.json'];

/** A build as the cache knows it. */
interface BuildRecord {
  readonly format: number;
  readonly key: string;
  /**
   * [path relative to the working directory, SHA-256 of its content or null for absent, the file's status when it
   * was hashed (statusOf) or null when it is not to be trusted].
   */
  readonly files: ReadonlyArray<readonly [string, string | null, string | null]>;
  /** SHA-256 of the output. */
  readonly output: string;
  readonly bytes: number;
}

/** The cache key of a build: what decides esbuild's output besides the files it reads. */
export function bundleCacheKey(esbuildVersion: string, options: unknown): string {
  return sha256(JSON.stringify({ format: FORMAT, esbuildVersion, options }));
}

/**
 * The output of the build `key` when every file its record lists still has the recorded content; undefined
 * otherwise. `workingDirectory` is the build's (the base of the metafile's paths).
 */
export function readCachedBundle(cacheDir: string, key: string, workingDirectory: string, hashFile: (path: string) => string | null = fileHash): Buffer | undefined {
  return readCachedBuild(cacheDir, key, workingDirectory, hashFile)?.output;
}

/** readCachedBundle, with the output's SHA-256 (hex) that the lookup checked it against. */
export function readCachedBuild(
  cacheDir: string,
  key: string,
  workingDirectory: string,
  hashFile: (path: string) => string | null = fileHash,
): { readonly output: Buffer; readonly sha256: string } | undefined {
  const dir = join(cacheDir, key);
  const hashes = new Map<string, string | null>();
  for (const name of recordsNewestFirst(dir)) {
    const record = readRecord(join(dir, name), key);
    if (!record) continue;
    const current = record.files.every(([file, hash, status]) => {
      const path = resolve(workingDirectory, file);
      if (!hashes.has(path)) {
        const stats = statSync(path, { throwIfNoEntry: false });
        if (!stats?.isFile()) hashes.set(path, null);
        else if (status !== null && statusOf(stats) === status) return hash !== null;
        else hashes.set(path, hashFile(path));
      }
      return hashes.get(path) === hash;
    });
    if (!current) continue;
    const output = readOrUndefined(join(dir, name.replace(/\.json$/, '.js')));
    if (!output || output.length !== record.bytes || sha256(output) !== record.output) continue;
    touch(join(dir, name));
    return { output, sha256: record.output };
  }
  return undefined;
}

/**
 * Stores `output` as the build `key` that read `inputs` (the keys of esbuild's metafile `inputs`, relative to
 * `workingDirectory`, less a generated entry, whose source is part of the key). Returns false, storing nothing, when
 * an input is not a file the cache can hash again.
 */
export function writeCachedBundle(
  cacheDir: string,
  key: string,
  workingDirectory: string,
  inputs: readonly string[],
  output: Uint8Array,
  buildStartedMs: number,
): boolean {
  const files = new Map<string, readonly [string | null, string | null]>();
  const directories = new Set<string>();
  const noted = (path: string): readonly [string | null, string | null] => {
    const hash = fileHash(path);
    // The status after the read: a write between the two moves the change time, so the status is not trusted.
    const stats = statSync(path, { throwIfNoEntry: false });
    const settled = stats?.isFile() && hash !== null && Math.max(stats.mtimeMs, stats.ctimeMs) <= buildStartedMs - RECENT_WRITE_MS;
    return [hash, settled && stats ? statusOf(stats) : null];
  };
  for (const input of inputs) {
    if (input === '<stdin>') continue;
    if (/^[a-z][\w-]*:/i.test(input) && !isAbsolute(input)) return false; // another esbuild namespace
    const path = resolve(workingDirectory, input);
    const stats = statSync(path, { throwIfNoEntry: false });
    // A file written while esbuild ran (or just before: coarse timestamps) may hold other content than esbuild read:
    // its hash now could vouch for an output made from the old one. Not stored; the next bundling builds again.
    if (!stats?.isFile() || stats.mtimeMs > buildStartedMs - RECENT_WRITE_MS) return false;
    files.set(path, noted(path));
    directories.add(dirname(path));
  }
  const visited = new Set<string>();
  for (const directory of directories) {
    for (let dir = directory; !visited.has(dir); dir = dirname(dir)) {
      visited.add(dir);
      for (const name of CONFIG_FILES) {
        const path = join(dir, name);
        if (!files.has(path)) files.set(path, noted(path));
      }
      if (dirname(dir) === dir) break;
    }
  }
  const record: BuildRecord = {
    format: FORMAT,
    key,
    files: [...files].map(([path, [hash, status]]) => [relativeTo(workingDirectory, path), hash, status] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    output: sha256(output),
    bytes: output.byteLength,
  };
  const build = sha256(JSON.stringify(record));
  const dir = join(cacheDir, key);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeAtomically(join(dir, `${build}.js`), output);
  writeAtomically(join(dir, `${build}.json`), JSON.stringify(record));
  prune(dir);
  return true;
}

function writeAtomically(path: string, data: string | Uint8Array): void {
  const temp = join(dirname(path), `.tmp-${randomBytes(8).toString('hex')}`);
  writeFileSync(temp, data, { flag: 'wx', mode: 0o600 });
  try {
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** Keeps the newest KEEP_PER_KEY records of a key (and their outputs); removes temp files left by dead writers. */
function prune(dir: string): void {
  const now = Date.now();
  for (const name of safeReaddir(dir)) {
    if (name.startsWith('.tmp-') && now - mtimeMs(join(dir, name)) > STALE_TEMP_MS) rmSync(join(dir, name), { force: true });
  }
  for (const name of recordsNewestFirst(dir).slice(KEEP_PER_KEY)) {
    rmSync(join(dir, name), { force: true });
    rmSync(join(dir, name.replace(/\.json$/, '.js')), { force: true });
  }
}

function recordsNewestFirst(dir: string): string[] {
  return safeReaddir(dir)
    .filter((name) => /^[0-9a-f]{64}\.json$/.test(name))
    .map((name) => ({ name, at: mtimeMs(join(dir, name)) }))
    .sort((a, b) => b.at - a.at)
    .map(({ name }) => name);
}

function readRecord(path: string, key: string): BuildRecord | undefined {
  const text = readOrUndefined(path);
  if (!text) return undefined;
  try {
    const record = JSON.parse(text.toString('utf8')) as BuildRecord;
    const wellFormed =
      record.format === FORMAT &&
      record.key === key &&
      Array.isArray(record.files) &&
      record.files.every(
        (entry) => Array.isArray(entry) && entry.length === 3 && typeof entry[0] === 'string' && (typeof entry[1] === 'string' || entry[1] === null) && (typeof entry[2] === 'string' || entry[2] === null),
      ) &&
      typeof record.output === 'string' &&
      typeof record.bytes === 'number';
    return wellFormed ? record : undefined;
  } catch {
    return undefined;
  }
}

/** What a file's status says of its content: any write changes it (the change time cannot be set back). */
function statusOf(stats: Stats): string {
  return `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}`;
}

/** SHA-256 of a regular file's content; null when there is no such file (no exception thrown for it: most are absent). */
function fileHash(path: string): string | null {
  if (!statSync(path, { throwIfNoEntry: false })?.isFile()) return null;
  try {
    return sha256(readFileSync(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return null;
    throw error;
  }
}

function readOrUndefined(path: string): Buffer | undefined {
  try {
    return lstatSync(path).isFile() ? readFileSync(path) : undefined;
  } catch {
    return undefined;
  }
}

function touch(path: string): void {
  try {
    const now = new Date();
    utimesSync(path, now, now);
  } catch {
    // Only the pruning order depends on it.
  }
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function mtimeMs(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

/** `path` relative to `base` with forward slashes (a record reads the same on every machine layout below `base`). */
function relativeTo(base: string, path: string): string {
  return relative(base, path).split('\\').join('/');
}

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
