/**
 * One bucket on disk. Layout under `<dataDir>/objectstorage/<namespace>/<bucket>/`:
 *
 *   data/<uuid>             object bytes, one file per stored version, never rewritten
 *   objects/<sha256>.json   per object name: the current version's metadata (+ older versions when versioned)
 *   index/                  the live names in listing order, with what ListObjects shows (name-index.ts)
 *   tmp/                    uploads in progress
 *
 * Nothing per object is held in memory: metadata is read from its file when asked for (the most recently used
 * `RECORD_CACHE_ENTRIES` are cached), listings come from the index on disk.
 *
 * A PutObject streams the body into tmp/ (hashing as it goes; nothing is buffered whole), then commits by renaming
 * the file into data/ and atomically replacing the object's metadata file. A crash before the commit leaves only a
 * temp file; a crash after it leaves at worst an unreferenced data file. Both are swept when the bucket is opened;
 * after a crash (the index was not closed cleanly) the index is rebuilt from the metadata files too.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, opendirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { safeSegment, writeFileAtomic } from '../common/state-dir';
import { IndexedObject, NameIndex, NameIndexOptions } from './name-index';

/** A bucket of the Object Storage emulator. */
export interface BucketConfig {
  readonly name: string;
  /** Keep previous versions and report `version-id`. @default false */
  readonly versioning?: boolean;
}

/** Metadata records kept in memory, most recently used first. */
export const RECORD_CACHE_ENTRIES = 1024;

/** The metadata of one stored version of an object. */
export interface StoredObject {
  readonly name: string;
  readonly size: number;
  /** Base64 MD5 of the bytes. */
  readonly md5: string;
  /** A fresh UUID per write (OCI ETags are opaque; use md5 for content). */
  readonly etag: string;
  readonly versionId?: string;
  /** ISO-8601. A write creates a new object, so both times are the write's. */
  readonly timeCreated: string;
  readonly timeModified: string;
  readonly contentType: string;
  readonly contentLanguage?: string;
  readonly contentEncoding?: string;
  readonly contentDisposition?: string;
  readonly cacheControl?: string;
  readonly opcMeta: Record<string, string>;
  readonly storageTier: 'Standard';
  /** File name under data/. */
  readonly dataFile: string;
}

interface ObjectRecord {
  readonly name: string;
  /** null: deleted in a versioned bucket (a delete marker), older versions remain. */
  current: StoredObject | null;
  /** Older versions, newest first (versioned buckets only). */
  previous: StoredObject[];
}

export type ObjectAttributes = Pick<StoredObject, 'contentType' | 'contentLanguage' | 'contentEncoding' | 'contentDisposition' | 'cacheControl' | 'opcMeta'>;

export interface WriteOptions {
  readonly attributes: ObjectAttributes;
  /** Runs after the bytes are on disk, before the commit: integrity and precondition checks; throw to abort. */
  readonly beforeCommit: (written: { size: number; md5: string; sha256: string }, current: StoredObject | undefined) => void;
}

export interface WriteResult {
  readonly stored: StoredObject;
  /** There was no (live) object of that name before. */
  readonly created: boolean;
}

export class BucketStore {
  public static open(namespaceDir: string, config: BucketConfig, indexOptions: NameIndexOptions = {}): BucketStore {
    const dir = join(namespaceDir, safeSegment(config.name));
    for (const sub of ['data', 'objects', 'tmp']) mkdirSync(join(dir, sub), { recursive: true });
    const bucket = new BucketStore(config.name, config.versioning === true, dir, NameIndex.open(join(dir, 'index'), indexOptions));
    bucket.load();
    return bucket;
  }

  /** Metadata records read lately (a Map's order is insertion order: the first is the least recently used). */
  private readonly records = new Map<string, ObjectRecord>();

  private constructor(
    public readonly name: string,
    public readonly versioning: boolean,
    private readonly dir: string,
    private readonly index: NameIndex,
  ) {}

  /** Live objects. */
  public get objectCount(): number {
    return this.index.count;
  }

  /** What the bucket holds in memory (bounded whatever the number of objects): cached records and the index's memtable. */
  public get memory(): { cachedRecords: number; indexMemtableEntries: number; indexRuns: number } {
    const index = this.index.memory;
    return { cachedRecords: this.records.size, indexMemtableEntries: index.memtableEntries, indexRuns: index.runs };
  }

  /** Writes what is in memory out (the index's memtable) and marks the index clean for the next open. */
  public close(): void {
    this.index.close();
  }

  /** The current version, or the one with `versionId`. */
  public get(name: string, versionId?: string): StoredObject | undefined {
    const record = this.record(name);
    if (!record) return undefined;
    if (versionId === undefined) return record.current ?? undefined;
    return [record.current, ...record.previous].find((v) => v?.versionId === versionId) ?? undefined;
  }

  public dataPath(stored: StoredObject): string {
    return join(this.dir, 'data', stored.dataFile);
  }

  /** Live objects in listing order (UTF-8 bytes of the name), from the first name at or after `from`, read from disk. */
  public list(from = ''): Generator<IndexedObject> {
    return this.index.from(from);
  }

  /** Streams `body` to disk, runs the checks, then commits it as the object's new current version. */
  public async write(name: string, body: Readable, options: WriteOptions): Promise<WriteResult> {
    const dataFile = randomUUID();
    const temp = join(this.dir, 'tmp', dataFile);
    const md5 = createHash('md5');
    const sha256 = createHash('sha256');
    let size = 0;
    const hasher = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        md5.update(chunk);
        sha256.update(chunk);
        size += chunk.length;
        callback(null, chunk);
      },
    });
    try {
      await pipeline(body, hasher, createWriteStream(temp));
      const written = { size, md5: md5.digest('base64'), sha256: sha256.digest('base64') };
      // Synchronous from here to the end: no other request can slip in between the checks and the commit.
      const before = this.get(name);
      options.beforeCommit(written, before);
      const now = new Date().toISOString();
      const stored: StoredObject = {
        name,
        size: written.size,
        md5: written.md5,
        etag: randomUUID(),
        ...(this.versioning ? { versionId: randomUUID() } : {}),
        timeCreated: now,
        timeModified: now,
        ...options.attributes,
        storageTier: 'Standard',
        dataFile,
      };
      renameSync(temp, join(this.dir, 'data', dataFile));
      const record = this.record(name) ?? { name, current: null, previous: [] };
      const replaced = record.current;
      record.current = stored;
      if (replaced && this.versioning) record.previous.unshift(replaced);
      this.commit(record, replaced !== null);
      if (replaced && !this.versioning) rmSync(this.dataPath(replaced), { force: true });
      return { stored, created: before === undefined };
    } finally {
      rmSync(temp, { force: true });
    }
  }

  /**
   * Deletes the current version (a versioned bucket keeps it as a previous version behind a delete marker) or,
   * with `versionId`, that version for good. Returns what was deleted and, for a marker, its version id.
   */
  public delete(name: string, versionId?: string): { deleted: StoredObject; markerVersionId?: string } | undefined {
    const record = this.record(name);
    const target = this.get(name, versionId);
    if (!record || !target) return undefined;
    const wasLive = record.current !== null;
    if (versionId === undefined && this.versioning) {
      record.previous.unshift(target);
      record.current = null;
      this.commit(record, wasLive);
      return { deleted: target, markerVersionId: randomUUID() };
    }
    if (record.current === target) record.current = versionId === undefined ? null : (record.previous.shift() ?? null);
    else record.previous = record.previous.filter((v) => v !== target);
    this.commit(record, wasLive);
    rmSync(this.dataPath(target), { force: true });
    return { deleted: target };
  }

  /** Writes the record's metadata file, then the index: `wasLive`, whether the name had a live object before. */
  private commit(record: ObjectRecord, wasLive: boolean): void {
    const file = this.metadataFile(record.name);
    this.records.delete(record.name);
    if (record.current === null && record.previous.length === 0) {
      rmSync(file, { force: true });
    } else {
      writeFileAtomic(file, JSON.stringify(record));
      this.cache(record);
    }
    if (record.current !== null) this.index.set(indexed(record.current), !wasLive);
    else if (wasLive) this.index.remove(record.name);
  }

  /** The name's metadata (cached, or read from its file), or undefined when it has none. */
  private record(name: string): ObjectRecord | undefined {
    const cached = this.records.get(name);
    if (cached) {
      // Most recently used goes last.
      this.records.delete(name);
      this.records.set(name, cached);
      return cached;
    }
    let text: string;
    try {
      text = readFileSync(this.metadataFile(name), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    const record = JSON.parse(text) as ObjectRecord;
    this.cache(record);
    return record;
  }

  private cache(record: ObjectRecord): void {
    this.records.set(record.name, record);
    if (this.records.size > RECORD_CACHE_ENTRIES) this.records.delete(this.records.keys().next().value as string);
  }

  private metadataFile(name: string): string {
    return join(this.dir, 'objects', `${createHash('sha256').update(name, 'utf8').digest('hex')}.json`);
  }

  /**
   * Sweeps what a crash can leave behind: uploads in progress, torn metadata temp files and data files no metadata
   * refers to (every metadata file is read for that, as on every open). When the index was not closed cleanly,
   * it is rebuilt from the same metadata.
   */
  private load(): void {
    const tmp = join(this.dir, 'tmp');
    if (existsSync(tmp)) for (const file of readdirSync(tmp)) rmSync(join(tmp, file), { force: true });
    const rebuild = this.index.needsRebuild;
    const referenced = new Set<string>();
    const live: IndexedObject[] = [];
    const objectsDir = join(this.dir, 'objects');
    const dir = opendirSync(objectsDir);
    try {
      for (let entry = dir.readSync(); entry !== null; entry = dir.readSync()) {
        const file = entry.name;
        if (!file.endsWith('.json')) {
          rmSync(join(objectsDir, file), { force: true }); // a temp file from an interrupted atomic write
          continue;
        }
        const record = JSON.parse(readFileSync(join(objectsDir, file), 'utf8')) as ObjectRecord;
        for (const version of [record.current, ...record.previous]) if (version) referenced.add(version.dataFile);
        if (rebuild && record.current) live.push(indexed(record.current));
      }
    } finally {
      dir.closeSync();
    }
    if (rebuild) this.index.rebuild(live);
    for (const file of readdirSync(join(this.dir, 'data'))) if (!referenced.has(file)) rmSync(join(this.dir, 'data', file), { force: true });
  }
}

function indexed(stored: StoredObject): IndexedObject {
  return { name: stored.name, size: stored.size, etag: stored.etag, md5: stored.md5, timeCreated: stored.timeCreated, timeModified: stored.timeModified };
}
