/**
 * Per-claim stores of decided object states (the opt-in `dedupe: {kind: 'markers'}`, or your own store): on top of
 * the consumer's progress checkpoints and window (claim-ledger.ts), they remember every object state a group
 * decided for as long as they keep it, at the price of a lookup and a write per claim.
 *
 * Protocol (see README "Delivery guarantees"): `has(key)` before fetching the object; `markProcessed(key)` after
 * the claim was processed or dead-lettered. A crash between the two leaves no marker, so the claim is handled
 * again: handlers must be idempotent.
 */
import { createHash } from 'node:crypto';
import type { ClaimCheck } from '../contract';
import type { ObjectStorageApi } from './clients';
import { putJsonIfVersion } from '../runtime/conditional-put';
import { httpStatusOf } from '../runtime/errors';

/**
 * A per-claim store of decided object states (your own, as the `dedupe` option): checked before a claim is fetched,
 * written after it was processed or dead-lettered.
 */
export interface ProcessedClaimStore {
  /** True when a claim with this key was processed (by any consumer of the group). */
  has(key: string): Promise<boolean>;
  /**
   * Remembers that the claim was processed. Must succeed (not throw) when the key is already marked: two consumers
   * may race after a partition moved between them.
   */
  markProcessed(key: string, details?: ProcessedDetails): Promise<void>;
}

/** Optional context a store may keep with its marker (the Object Storage store writes it as the marker's body). */
export interface ProcessedDetails {
  claimId: string;
  namespace: string;
  bucket: string;
  object: string;
  etag: string | null;
  eventType: string;
  group: string;
  instance: string;
  time: string;
  /** What the group made of the claim. */
  status?: 'processed' | 'dead-lettered';
}

/**
 * The dedupe key: SHA-256 (hex) of the object state a claim describes, encoded as a JSON array so that `/` inside
 * object names cannot make two states collide.
 * - create/update claims: `[namespace, bucket, object, etag]`. The event type is left out on purpose: an etag names
 *   one version of the content, so a createobject and an updateobject claim (or a reconcile's claim) for the same
 *   etag describe the same file version, which a group processes once.
 * - delete claims carry no etag: `[namespace, bucket, object, "deleted", claim id]` (the id is deterministic per
 *   source event), so a redelivered delete is a duplicate but deleting the same name again later is not.
 */
export function dedupeKey(claim: ClaimCheck): string {
  const { namespace, bucket, object, etag, eventType } = claim.data;
  const state = eventType.endsWith('.deleteobject') || etag === null ? [namespace, bucket, object, 'deleted', claim.id] : [namespace, bucket, object, etag];
  return createHash('sha256').update(JSON.stringify(state), 'utf8').digest('hex');
}

/**
 * In-process store: dedupes within one consumer process only (tests, single-instance deployments, or together
 * with idempotent handlers). Keeps at most `maxEntries` keys, forgetting the oldest first.
 */
export class MemoryProcessedStore implements ProcessedClaimStore {
  private readonly keys = new Set<string>();
  private readonly maxEntries: number;

  /** @param options.maxEntries @default 100000 */
  constructor(options: { maxEntries?: number } = {}) {
    this.maxEntries = options.maxEntries ?? 100_000;
    if (!Number.isInteger(this.maxEntries) || this.maxEntries < 1) throw new RangeError('maxEntries must be a positive integer');
  }

  async has(key: string): Promise<boolean> {
    return this.keys.has(key);
  }

  async markProcessed(key: string): Promise<void> {
    if (this.keys.has(key)) return;
    this.keys.add(key);
    if (this.keys.size > this.maxEntries) {
      const oldest = this.keys.values().next().value as string;
      this.keys.delete(oldest);
    }
  }

  get size(): number {
    return this.keys.size;
  }
}

/** Options of `ObjectStorageProcessedStore`. */
export interface ObjectStorageProcessedStoreOptions {
  /** The Object Storage client the markers are read and written with. */
  client: ObjectStorageApi;
  /** Object Storage namespace of the markers' bucket. */
  namespace: string;
  /** The markers' bucket (usually the pipeline's consumer state bucket). */
  bucket: string;
  /** Markers are named `<prefix>processed/<group>/<key>`. @default 'claim-check/' */
  prefix?: string;
  /** The consumer group: markers are per group (another group processes the same claims independently). */
  group: string;
}

/**
 * Durable store shared by every consumer of the group: one small marker object per processed claim, named
 * `<prefix>processed/<group>/<key>`. `has` is a HEAD (404 → not processed); `markProcessed` is a PUT with
 * `if-none-match: *` (create-only), where 412 means another consumer already marked it, which is fine.
 * Markers are only needed while a duplicate can still arrive (the stream's retention, at most 7 days): add an
 * Object Storage lifecycle rule deleting `<prefix>processed/` objects after a few days.
 */
export class ObjectStorageProcessedStore implements ProcessedClaimStore {
  readonly namespace: string;
  readonly bucket: string;
  readonly prefix: string;
  readonly group: string;
  private readonly client: ObjectStorageApi;

  constructor(options: ObjectStorageProcessedStoreOptions) {
    this.client = options.client;
    this.namespace = options.namespace;
    this.bucket = options.bucket;
    this.prefix = options.prefix ?? 'claim-check/';
    this.group = options.group;
  }

  /** Where all markers of this group live (the consumer ignores claims for objects under it). */
  get markerPrefix(): string {
    return `${this.prefix}processed/`;
  }

  objectName(key: string): string {
    return `${this.markerPrefix}${this.group}/${key}`;
  }

  async has(key: string): Promise<boolean> {
    try {
      await this.client.headObject({ namespaceName: this.namespace, bucketName: this.bucket, objectName: this.objectName(key) });
      return true;
    } catch (e) {
      if (httpStatusOf(e) === 404) return false;
      throw e;
    }
  }

  async markProcessed(key: string, details?: ProcessedDetails): Promise<void> {
    const target = { namespaceName: this.namespace, bucketName: this.bucket, objectName: this.objectName(key) };
    // Create-only: null (412) means the claim was already marked.
    await putJsonIfVersion(this.client, target, JSON.stringify({ key, ...details }), null);
  }
}
