/**
 * A bucket's listing index on disk: the live objects' names in listing order (UTF-8 bytes) with what ListObjects can
 * show of each (size, etag, md5, times), so a bucket of any size lists without holding its names in memory.
 *
 * Layout under `<bucket dir>/index/`:
 *
 *   run-<n>.jsonl   sorted runs, one JSON array per line: `[name, size, etag, md5, timeCreated, timeModified]`, or
 *                   `[name]` for a name removed since an older run (a tombstone); newer runs win
 *   manifest.json   the runs, oldest first, the live object count, and whether the index was closed cleanly
 *
 * Changes go to a memtable (at most `memtableEntries` names) that is written out as a new run when full; runs of
 * similar size are merged (each entry is rewritten O(log n) times over the bucket's life). A listing merges the
 * memtable and the runs from its start name, finding that name in each run by a binary search over the file's
 * bytes: nothing per object stays in memory.
 *
 * The metadata files (`objects/<sha256>.json`) stay the truth: the manifest is marked unclean while the index is
 * open, so after a crash (the memtable lost) the index is rebuilt from them on the next open.
 */
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../common/state-dir';
import { compareNames } from './object-names';

/** What a listing shows of an object without reading its metadata file. */
export interface IndexedObject {
  readonly name: string;
  readonly size: number;
  readonly etag: string;
  readonly md5: string;
  readonly timeCreated: string;
  readonly timeModified: string;
}

export interface NameIndexOptions {
  /** Names changed since the last run was written, kept in memory. @default 4096 */
  readonly memtableEntries?: number;
}

interface Manifest {
  readonly version: 1;
  readonly runs: Array<{ file: string; entries: number }>;
  readonly count: number;
  readonly nextRun: number;
  readonly clean: boolean;
}

/** An entry, or a tombstone (null) for a name that is no longer live. */
type Change = IndexedObject | null;

const MANIFEST = 'manifest.json';
const READ_CHUNK_BYTES = 64 * 1024;
const WRITE_BUFFER_BYTES = 1024 * 1024;
/** A full rebuild sorts this many names at a time into runs, then merges them. */
const REBUILD_CHUNK = 50_000;

export class NameIndex {
  /**
   * Opens the index in `dir`. `needsRebuild` is true when it was not closed cleanly (or never existed): the caller
   * then feeds every live object to `rebuild()` before using it.
   */
  public static open(dir: string, options: NameIndexOptions = {}): NameIndex {
    mkdirSync(dir, { recursive: true });
    let manifest: Manifest | undefined;
    try {
      manifest = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as Manifest;
    } catch {
      manifest = undefined;
    }
    const usable = manifest !== undefined && manifest.version === 1 && manifest.clean && manifest.runs.every((run) => existsSync(join(dir, run.file)));
    const index = new NameIndex(dir, options.memtableEntries ?? 4096);
    if (usable) {
      index.runs = manifest!.runs.map((run) => RunFile.open(join(dir, run.file), run.entries));
      index.liveCount = manifest!.count;
      index.nextRun = manifest!.nextRun;
    } else {
      index.needsRebuild = true;
    }
    index.writeManifest(false);
    return index;
  }

  /** The index was not closed cleanly: `rebuild()` it from the metadata before use. */
  public needsRebuild = false;
  private runs: RunFile[] = [];
  private readonly memtable = new Map<string, Change>();
  private memtableSorted: Array<[string, Change]> | null = null;
  private liveCount = 0;
  private nextRun = 0;
  private closed = false;

  private constructor(
    private readonly dir: string,
    private readonly memtableEntries: number,
  ) {}

  /** Live objects. */
  public get count(): number {
    return this.liveCount;
  }

  /** What the index holds in memory: names in the memtable and runs open (nothing per object otherwise). */
  public get memory(): { memtableEntries: number; runs: number } {
    return { memtableEntries: this.memtable.size, runs: this.runs.length };
  }

  /** Replaces the index with `objects` (any order), e.g. every live object read from the metadata files. */
  public rebuild(objects: Iterable<IndexedObject>): void {
    for (const run of this.runs) run.close();
    this.runs = [];
    this.memtable.clear();
    this.memtableSorted = null;
    for (const file of readdirSync(this.dir)) if (file.startsWith('run-')) rmSync(join(this.dir, file), { force: true });
    let chunk: IndexedObject[] = [];
    let count = 0;
    const flushChunk = () => {
      chunk.sort((a, b) => compareNames(a.name, b.name));
      this.runs.push(this.writeRun(chunk.map((o) => [o.name, o] as [string, Change])));
      chunk = [];
    };
    for (const object of objects) {
      chunk.push(object);
      count++;
      if (chunk.length >= REBUILD_CHUNK) flushChunk();
    }
    if (chunk.length > 0) flushChunk();
    if (this.runs.length > 1) this.mergeNewest(this.runs.length);
    this.liveCount = count;
    this.needsRebuild = false;
    this.writeManifest(false);
  }

  /** `object` is live under its name; `created`: no live object had that name before. */
  public set(object: IndexedObject, created: boolean): void {
    this.change(object.name, object);
    if (created) this.liveCount++;
  }

  /** The live object `name` is gone. */
  public remove(name: string): void {
    this.change(name, null);
    this.liveCount--;
  }

  /** Live objects in listing order, from the first name at or after `from`. */
  public *from(from: string): Generator<IndexedObject> {
    const newestFirst = [this.memtableFrom(from), ...[...this.runs].reverse().map((run) => run.from(from))];
    for (const [, change] of mergeNewestFirst(newestFirst)) if (change) yield change;
  }

  /** Writes the memtable out and marks the index clean. */
  public close(): void {
    if (this.closed) return;
    this.flush();
    this.writeManifest(true);
    for (const run of this.runs) run.close();
    this.runs = [];
    this.closed = true;
  }

  private change(name: string, change: Change): void {
    if (this.closed) {
      // A write that committed after the emulator stopped (a request finishing late): rebuild on the next open.
      this.writeManifest(false);
      return;
    }
    this.memtable.set(name, change);
    this.memtableSorted = null;
    if (this.memtable.size >= this.memtableEntries) this.flush();
  }

  private *memtableFrom(from: string): Generator<[string, Change]> {
    if (!this.memtableSorted) this.memtableSorted = [...this.memtable].sort((a, b) => compareNames(a[0], b[0]));
    const sorted = this.memtableSorted;
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareNames(sorted[middle][0], from) < 0) low = middle + 1;
      else high = middle;
    }
    for (let i = low; i < sorted.length; i++) yield sorted[i];
  }

  private flush(): void {
    if (this.memtable.size === 0) return;
    const sorted = [...this.memtable].sort((a, b) => compareNames(a[0], b[0]));
    this.memtable.clear();
    this.memtableSorted = null;
    this.runs.push(this.writeRun(sorted));
    // Size-tiered: merge the newest run into the one before while it is at least half its size.
    while (this.runs.length >= 2 && this.runs[this.runs.length - 1].entries * 2 >= this.runs[this.runs.length - 2].entries) this.mergeNewest(2);
    this.writeManifest(false);
  }

  /** Merges the newest `n` runs into one; tombstones go when nothing older remains for them to hide. */
  private mergeNewest(n: number): void {
    const merging = this.runs.slice(-n);
    const keepTombstones = this.runs.length > n;
    const merged = this.writeRun(mergeRuns(merging.reverse()), keepTombstones);
    for (const run of merging) {
      run.close();
      rmSync(run.path, { force: true });
    }
    this.runs = [...this.runs.slice(0, -n), merged];
  }

  private writeRun(entries: Iterable<[string, Change]>, keepTombstones = true): RunFile {
    const file = `run-${String(this.nextRun++).padStart(8, '0')}.jsonl`;
    const path = join(this.dir, file);
    const fd = openSync(`${path}.tmp`, 'w');
    let buffered: string[] = [];
    let bufferedBytes = 0;
    let count = 0;
    const drain = () => {
      const bytes = Buffer.from(buffered.join(''), 'utf8');
      writeSync(fd, bytes);
      buffered = [];
      bufferedBytes = 0;
    };
    try {
      for (const [name, change] of entries) {
        if (!change && !keepTombstones) continue;
        const line = `${JSON.stringify(change ? [name, change.size, change.etag, change.md5, change.timeCreated, change.timeModified] : [name])}\n`;
        buffered.push(line);
        bufferedBytes += line.length;
        count++;
        if (bufferedBytes >= WRITE_BUFFER_BYTES) drain();
      }
      drain();
    } finally {
      closeSync(fd);
    }
    renameSync(`${path}.tmp`, path);
    return RunFile.open(path, count);
  }

  private writeManifest(clean: boolean): void {
    const manifest: Manifest = {
      version: 1,
      runs: this.runs.map((run) => ({ file: run.file, entries: run.entries })),
      count: this.liveCount,
      nextRun: this.nextRun,
      clean,
    };
    writeFileAtomic(join(this.dir, MANIFEST), JSON.stringify(manifest));
  }
}

/**
 * Merges sorted sources, newest first, in listing order: for a name in several, the newest source's entry (or
 * tombstone) is the one yielded and the older ones are skipped.
 */
function* mergeNewestFirst(sources: Array<Iterator<[string, Change]>>): Generator<[string, Change]> {
  const heads = sources.map((source) => source.next());
  for (;;) {
    let min = -1;
    for (let i = 0; i < heads.length; i++) {
      if (heads[i].done) continue;
      // Strictly smaller: on a tie the lower index, the newer source, stays.
      if (min < 0 || compareNames(heads[i].value![0], heads[min].value![0]) < 0) min = i;
    }
    if (min < 0) return;
    const entry = heads[min].value!;
    for (let i = 0; i < heads.length; i++) if (!heads[i].done && heads[i].value![0] === entry[0]) heads[i] = sources[i].next();
    yield entry;
  }
}

/** Merges whole runs, newest first (what a compaction writes). */
function mergeRuns(newestFirst: RunFile[]): Generator<[string, Change]> {
  return mergeNewestFirst(newestFirst.map((run) => run.from('')));
}

/** One sorted run on disk, read by position: a binary search over its bytes finds a name, then lines follow. */
class RunFile {
  public static open(path: string, entries: number): RunFile {
    const fd = openSync(path, 'r');
    return new RunFile(path, fd, fstatSync(fd).size, entries);
  }

  private constructor(
    public readonly path: string,
    private fd: number | null,
    private readonly size: number,
    public readonly entries: number,
  ) {}

  public get file(): string {
    return this.path.slice(this.path.lastIndexOf('/') + 1);
  }

  /** Entries from the first name at or after `from`. */
  public *from(from: string): Generator<[string, Change]> {
    let position = from === '' ? 0 : this.seek(from);
    while (this.fd !== null && position < this.size) {
      const chunk = this.read(position, READ_CHUNK_BYTES);
      let start = 0;
      let newline: number;
      while ((newline = chunk.indexOf(0x0a, start)) >= 0) {
        yield parseEntry(chunk.toString('utf8', start, newline));
        start = newline + 1;
      }
      if (start === 0) {
        const line = this.lineAt(position);
        yield parseEntry(line.text);
        start = line.bytes;
      }
      position += start;
    }
  }

  public close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  /**
   * The byte position of the first line whose name is at or after `key`. Invariant: every line starting before
   * `low` has a smaller name, every line starting at or after `high` a name at or after `key`.
   */
  private seek(key: string): number {
    let low = 0;
    let high = this.size;
    while (low < high) {
      const middle = Math.floor((low + high) / 2);
      const start = middle === low ? low : this.lineStartAtOrAfter(middle);
      if (start >= high) {
        // No line starts in [middle, high): the lines left to look at start in [low, middle), one after another
        // from `low` (always a line start). Scan them.
        for (let at = low; at < high; ) {
          const line = this.lineAt(at);
          if (compareNames(parseEntry(line.text)[0], key) >= 0) return at;
          at += line.bytes;
        }
        return high;
      }
      const line = this.lineAt(start);
      if (compareNames(parseEntry(line.text)[0], key) >= 0) high = start;
      else low = start + line.bytes;
    }
    return low;
  }

  private lineStartAtOrAfter(position: number): number {
    let at = position - 1;
    while (at < this.size) {
      const chunk = this.read(at, 4096);
      const newline = chunk.indexOf(0x0a);
      if (newline >= 0) return at + newline + 1;
      at += chunk.length;
    }
    return this.size;
  }

  private lineAt(position: number): { text: string; bytes: number } {
    let length = 4096;
    for (;;) {
      const chunk = this.read(position, length);
      const newline = chunk.indexOf(0x0a);
      if (newline >= 0) return { text: chunk.toString('utf8', 0, newline), bytes: newline + 1 };
      if (position + chunk.length >= this.size) throw new Error(`${this.path}: no line feed after byte ${position}`);
      length *= 2;
    }
  }

  private read(position: number, length: number): Buffer {
    const buffer = Buffer.allocUnsafe(Math.max(0, Math.min(length, this.size - position)));
    const read = readSync(this.fd!, buffer, 0, buffer.length, position);
    return buffer.subarray(0, read);
  }
}

function parseEntry(line: string): [string, Change] {
  const fields = JSON.parse(line) as [string, number?, string?, string?, string?, string?];
  const name = fields[0];
  if (fields.length === 1) return [name, null];
  return [name, { name, size: fields[1]!, etag: fields[2]!, md5: fields[3]!, timeCreated: fields[4]!, timeModified: fields[5]! }];
}
