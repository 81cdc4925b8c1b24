/**
 * Where a consumer group checkpoints the outcomes of a batch it has not committed yet: one small JSON object per
 * partition, `<prefix>progress/<group>/<partition>.json`, overwritten with optimistic concurrency (`if-match` on the
 * etag last seen, `if-none-match: *` for the first write), so two instances that both believe they hold a partition
 * never overwrite each other's entries: the loser reloads, merges and writes again.
 *
 * Only outcomes above the group's committed position matter (below it the group itself remembers), so a record
 * holds at most the uncommitted part of one or two batches, and a committed batch needs no write at all. The record
 * also says from which offset on the group has decided the partition (`decidedFrom`, written once, when the first
 * instance of the group reads the partition), so that history read back from the stream is only trusted there.
 */
import type { ObjectStorageApi } from './clients';
import { putJsonIfVersion } from '../runtime/conditional-put';
import { httpStatusOf, serviceCodeOf } from '../runtime/errors';
import { toReadable } from './object-fetcher';
import type { PreviousStatus } from './types';

/** One decided message: its offset, its object-state key (null for a message that is no claim), what it became. */
export interface LedgerEntry {
  offset: number;
  key: string | null;
  status: PreviousStatus;
}

/** What a partition's checkpoint holds. */
export interface PartitionCheckpoint {
  /**
   * The group has decided every message of the partition from this offset up to its committed position (set by the
   * first instance that read the partition for the group). Messages before it may predate the group (a group that
   * started at LATEST, say), so only those from here on may be taken as decided.
   */
  decidedFrom: number | null;
  /** Outcomes above the committed position, of a batch that was not committed (yet). */
  entries: LedgerEntry[];
}

/** Where a consumer group checkpoints the outcomes of a batch it has not committed yet (one record per partition). */
export interface ProgressStore {
  /**
   * The partition's checkpoint and a version token for the next write; `version` null when there is none yet.
   * A record that exists but cannot be understood comes back empty with `problem` saying why (it is then
   * overwritten by the next write): losing it costs at most duplicates, while refusing it would stop the partition.
   */
  load(partition: string): Promise<PartitionCheckpoint & { version: string | null; problem?: string }>;
  /**
   * Writes the checkpoint if `version` is still the current one (null: only if none exists). Returns the new
   * version, or 'conflict' when someone else wrote in between (reload, merge, retry).
   */
  save(partition: string, checkpoint: PartitionCheckpoint, version: string | null): Promise<string | 'conflict'>;
}

/** Options of `BucketProgressStore`. */
export interface BucketProgressStoreOptions {
  /** The Object Storage client the records are read and written with. */
  client: ObjectStorageApi;
  /** Object Storage namespace of the records' bucket. */
  namespace: string;
  /** The records' bucket (the pipeline's consumer state bucket). */
  bucket: string;
  /** Records are named `<prefix>progress/<group>/<partition>.json`. @default 'claim-check/' */
  prefix?: string;
  /** The consumer group: records are per group and partition. */
  group: string;
  /** Written into each record, for whoever reads it by hand. */
  instance: string;
  /** OCID of the stream, written into each record. */
  streamId: string;
}

const FORMAT = 'claim-check-progress/v1';

/**
 * Progress records as JSON objects in a bucket, `<prefix>progress/<group>/<partition>.json`, written with
 * `if-match` / `if-none-match: *` so two instances never overwrite each other.
 */
export class BucketProgressStore implements ProgressStore {
  readonly prefix: string;

  constructor(private readonly o: BucketProgressStoreOptions) {
    this.prefix = o.prefix ?? 'claim-check/';
  }

  /** Where every group's progress records live (the consumer ignores claims for objects under it). */
  get recordPrefix(): string {
    return `${this.prefix}progress/`;
  }

  objectName(partition: string): string {
    return `${this.recordPrefix}${this.o.group}/${partition}.json`;
  }

  async load(partition: string): Promise<PartitionCheckpoint & { version: string | null; problem?: string }> {
    let response;
    try {
      response = await this.o.client.getObject({ namespaceName: this.o.namespace, bucketName: this.o.bucket, objectName: this.objectName(partition) });
    } catch (e) {
      // A missing record is an empty one; a missing bucket (or no read permission) is a failure, never "empty".
      if (httpStatusOf(e) === 404 && serviceCodeOf(e) !== 'BucketNotFound') return { decidedFrom: null, entries: [], version: null };
      throw e;
    }
    const text = await readAllText(response.value);
    try {
      return { ...parseRecord(text, this.objectName(partition)), version: response.eTag };
    } catch (e) {
      return { decidedFrom: null, entries: [], version: response.eTag, problem: (e as Error).message };
    }
  }

  async save(partition: string, checkpoint: PartitionCheckpoint, version: string | null): Promise<string | 'conflict'> {
    const body = JSON.stringify({
      format: FORMAT,
      stream: this.o.streamId,
      group: this.o.group,
      partition,
      writtenBy: this.o.instance,
      time: new Date().toISOString(),
      decidedFrom: checkpoint.decidedFrom,
      entries: checkpoint.entries,
    });
    const target = { namespaceName: this.o.namespace, bucketName: this.o.bucket, objectName: this.objectName(partition) };
    return (await putJsonIfVersion(this.o.client, target, body, version)) ?? 'conflict';
  }
}

function parseRecord(text: string, name: string): PartitionCheckpoint {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new Error(`Progress record ${name} is not JSON: ${(e as Error).message}`);
  }
  const record = parsed as { format?: unknown; entries?: unknown; decidedFrom?: unknown };
  if (record?.format !== FORMAT || !Array.isArray(record.entries)) throw new Error(`Progress record ${name} is not a ${FORMAT} record`);
  const decidedFrom = Number.isInteger(record.decidedFrom) && (record.decidedFrom as number) >= 0 ? (record.decidedFrom as number) : null;
  const entries = record.entries.filter(
    (e): e is LedgerEntry =>
      typeof e === 'object' && e !== null && Number.isInteger(e.offset) && (e.key === null || typeof e.key === 'string') && typeof e.status === 'string',
  );
  return { decidedFrom, entries };
}

async function readAllText(value: unknown): Promise<string> {
  if (typeof value === 'string') return value;
  if (value instanceof Uint8Array) return Buffer.from(value).toString('utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of toReadable(value)) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks).toString('utf8');
}
