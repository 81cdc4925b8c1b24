/**
 * Where a reconcile run keeps its listing position, so a run that is killed resumes where it stopped instead of
 * listing the bucket again from the start: the last object name whose page was fully handled (every claim of it
 * acknowledged by the stream), written after every page. A finished run marks the record `done`, and the next run
 * starts from the beginning.
 *
 * - `BucketPositionStore`: one small JSON object in the consumer state bucket,
 *   `<prefix>reconcile/<bucket>/<run id>.json`, written with `if-match` on the version read (or `if-none-match: *`
 *   for the first write), so two runs of the same reconcile at once fail instead of overwriting each other.
 * - `FilePositionStore`: a local file (the CLI without a state bucket), replaced atomically (write + rename).
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Readable } from 'node:stream';
import { putJsonIfVersion } from '../runtime/conditional-put';
import { ClaimCheckError } from '../runtime/errors';
import type { ReconcilerObjectStorageApi } from './clients';
import { httpStatusOf, serviceCodeOf } from './toolkit';

/** The `format` of a saved listing position. */
export const POSITION_FORMAT = 'claim-check-reconcile-position/v1';

/** What identifies a reconcile: a saved position is only resumed by a run with the same one. */
export interface RunIdentity {
  namespace: string;
  bucket: string;
  prefix: string;
  groups: string[];
  backfill: boolean;
}

/** A reconcile run's saved listing position, written after every page. */
export interface PositionRecord {
  format: typeof POSITION_FORMAT;
  run: RunIdentity;
  /** The last object name of the last page fully handled; null before the first page. */
  after: string | null;
  done: boolean;
  startedAt: string;
  updatedAt: string;
}

/** Another run wrote the position since this one read it (code `PositionConflict`; not retriable while it runs). */
export class PositionConflictError extends ClaimCheckError {
  constructor(where: string) {
    super(`Another reconcile run wrote its position (${where}) since this run read it: two runs of the same reconcile must not overlap`, {
      code: 'PositionConflict',
      retriable: false,
    });
    this.name = 'PositionConflictError';
  }
}

/** Where a reconcile run keeps its listing position: `BucketPositionStore`, `FilePositionStore`, or your own. */
export interface PositionStore {
  /** Where it is kept, for messages. */
  readonly where: string;
  load(): Promise<{ record: PositionRecord | null; version: string | null; problem?: string }>;
  /** Writes if `version` is still current (null: only if there is none); returns the new version. */
  save(record: PositionRecord, version: string | null): Promise<string>;
}

/** The position as one JSON object in a bucket (the consumer state bucket), written with `if-match`. */
export class BucketPositionStore implements PositionStore {
  constructor(
    private readonly o: { client: ReconcilerObjectStorageApi; namespace: string; bucket: string; objectName: string },
  ) {}

  get where(): string {
    return `/n/${this.o.namespace}/b/${this.o.bucket}/o/${this.o.objectName}`;
  }

  async load(): Promise<{ record: PositionRecord | null; version: string | null; problem?: string }> {
    let response;
    try {
      response = await this.o.client.getObject({ namespaceName: this.o.namespace, bucketName: this.o.bucket, objectName: this.o.objectName });
    } catch (e) {
      // No record yet; a missing bucket (or no permission to read it) is an error, never "no record".
      if (httpStatusOf(e) === 404 && serviceCodeOf(e) !== 'BucketNotFound') return { record: null, version: null };
      throw e;
    }
    const text = await readText(response.value);
    const parsed = parsePosition(text);
    return typeof parsed === 'string' ? { record: null, version: response.eTag, problem: parsed } : { record: parsed, version: response.eTag };
  }

  async save(record: PositionRecord, version: string | null): Promise<string> {
    const body = JSON.stringify(record);
    const target = { namespaceName: this.o.namespace, bucketName: this.o.bucket, objectName: this.o.objectName };
    const eTag = await putJsonIfVersion(this.o.client, target, body, version);
    if (eTag === null) throw new PositionConflictError(this.where);
    return eTag;
  }
}

/** The position as a local file, replaced atomically. */
export class FilePositionStore implements PositionStore {
  constructor(private readonly path: string) {}

  get where(): string {
    return this.path;
  }

  async load(): Promise<{ record: PositionRecord | null; version: string | null; problem?: string }> {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { record: null, version: null };
      throw e;
    }
    const parsed = parsePosition(text);
    // A local file has one writer at a time by convention; its version is its content.
    return typeof parsed === 'string' ? { record: null, version: text, problem: parsed } : { record: parsed, version: text };
  }

  async save(record: PositionRecord): Promise<string> {
    const text = JSON.stringify(record);
    mkdirSync(dirname(this.path), { recursive: true });
    const temp = `${this.path}.${randomUUID()}.tmp`;
    try {
      writeFileSync(temp, text);
      renameSync(temp, this.path);
    } finally {
      rmSync(temp, { force: true });
    }
    return text;
  }
}

/** The record, or what is wrong with it (a record that cannot be read is started over, never trusted). */
export function parsePosition(text: string): PositionRecord | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return `not JSON: ${(e as Error).message}`;
  }
  const r = value as Partial<PositionRecord> | null;
  if (r?.format !== POSITION_FORMAT) return `not a ${POSITION_FORMAT} record`;
  if (!(r.after === null || typeof r.after === 'string') || typeof r.done !== 'boolean' || typeof r.run !== 'object' || r.run === null) {
    return 'fields missing or of the wrong type';
  }
  return r as PositionRecord;
}

export function sameRun(a: RunIdentity, b: RunIdentity): boolean {
  return JSON.stringify(normalized(a)) === JSON.stringify(normalized(b));
}

function normalized(run: RunIdentity): unknown[] {
  return [run.namespace, run.bucket, run.prefix, [...run.groups].sort(), run.backfill];
}

async function readText(value: unknown): Promise<string> {
  if (typeof value === 'string') return value;
  if (value instanceof Uint8Array) return Buffer.from(value).toString('utf8');
  if (value === null || value === undefined) return '';
  const chunks: Buffer[] = [];
  const readable = value instanceof Readable ? value : Readable.fromWeb(value as never);
  for await (const chunk of readable) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks).toString('utf8');
}
