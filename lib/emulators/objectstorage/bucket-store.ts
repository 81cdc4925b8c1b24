/**
 * One bucket on disk. Layout under `<dataDir>/objectstorage/<namespace>/<bucket>/`:
 *
 *   data/<uuid>             object bytes, one file per stored version, never rewritten
 *   objects/<sha256>.json   per object name: the current version's metadata (+ older versions when versioned)
 *   tmp/                    uploads in progress
 *
 * A PutObject streams the body into tmp/ (hashing as it goes; nothing is buffered whole), then commits by renaming
 * the file into data/ and atomically replacing the object's metadata file. A crash before the commit leaves only a
 * temp file; a crash after it leaves at worst an unreferenced data file. Both are swept when the bucket is opened.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { safeSegment, writeFileAtomic } from '../common/state-dir';
import { compareNames } from './object-names';

/** A bucket of the Object Storage emulator. */
export interface BucketConfig {
  readonly name: string;
  /** Keep previous versions and report `version-id`. @default false */
  readonly versioning?: boolean;
}

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
  public static open(namespaceDir: string, config: BucketConfig): BucketStore {
    const dir = join(namespaceDir, safeSegment(config.name));
    for (const sub of ['data', 'objects', 'tmp']) mkdirSync(join(dir, sub), { recursive: true });
    const bucket = new BucketStore(config.name, config.versioning === true, dir);
    bucket.load();
    return bucket;
  }

  private readonly records = new Map<string, ObjectRecord>();
  private sortedNames: string[] | null = null;

  private constructor(
    public readonly name: string,
    public readonly versioning: boolean,
    private readonly dir: string,
  ) {}

  /** The current version, or the one with `versionId`. */
  public get(name: string, versionId?: string): StoredObject | undefined {
    const record = this.records.get(name);
    if (!record) return undefined;
    if (versionId === undefined) return record.current ?? undefined;
    return [record.current, ...record.previous].find((v) => v?.versionId === versionId) ?? undefined;
  }

  public dataPath(stored: StoredObject): string {
    return join(this.dir, 'data', stored.dataFile);
  }

  /** Names of live objects in listing order. */
  public names(): string[] {
    if (!this.sortedNames) {
      this.sortedNames = [...this.records.values()].filter((r) => r.current !== null).map((r) => r.name).sort(compareNames);
    }
    return this.sortedNames;
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
      const record = this.records.get(name) ?? { name, current: null, previous: [] };
      const replaced = record.current;
      record.current = stored;
      if (replaced && this.versioning) record.previous.unshift(replaced);
      this.commit(record);
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
    const record = this.records.get(name);
    const target = this.get(name, versionId);
    if (!record || !target) return undefined;
    if (versionId === undefined && this.versioning) {
      record.previous.unshift(target);
      record.current = null;
      this.commit(record);
      return { deleted: target, markerVersionId: randomUUID() };
    }
    if (record.current === target) record.current = versionId === undefined ? null : (record.previous.shift() ?? null);
    else record.previous = record.previous.filter((v) => v !== target);
    this.commit(record);
    rmSync(this.dataPath(target), { force: true });
    return { deleted: target };
  }

  private commit(record: ObjectRecord): void {
    const file = this.metadataFile(record.name);
    if (record.current === null && record.previous.length === 0) {
      this.records.delete(record.name);
      rmSync(file, { force: true });
    } else {
      this.records.set(record.name, record);
      writeFileAtomic(file, JSON.stringify(record));
    }
    this.sortedNames = null;
  }

  private metadataFile(name: string): string {
    return join(this.dir, 'objects', `${createHash('sha256').update(name, 'utf8').digest('hex')}.json`);
  }

  private load(): void {
    const referenced = new Set<string>();
    for (const file of readdirSync(join(this.dir, 'objects'))) {
      if (!file.endsWith('.json')) {
        rmSync(join(this.dir, 'objects', file), { force: true }); // a temp file from an interrupted atomic write
        continue;
      }
      const record = JSON.parse(readFileSync(join(this.dir, 'objects', file), 'utf8')) as ObjectRecord;
      this.records.set(record.name, record);
      for (const version of [record.current, ...record.previous]) if (version) referenced.add(version.dataFile);
    }
    for (const file of readdirSync(join(this.dir, 'data'))) if (!referenced.has(file)) rmSync(join(this.dir, 'data', file), { force: true });
    const tmp = join(this.dir, 'tmp');
    if (existsSync(tmp)) for (const file of readdirSync(tmp)) rmSync(join(tmp, file), { force: true });
  }
}
