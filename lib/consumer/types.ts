/**
 * The consumer's public vocabulary: what a handler receives, the outcome every message ends with, the counters and
 * the events. No behaviour lives here.
 */
import type { Readable } from 'node:stream';
import type { ClaimCheck } from '../contract';
import type { DeadLetterReason } from './dead-letter';
import type { ErrorInfo } from './errors';

/** A bucket by namespace and name (e.g. an entry of `allowedBuckets`). */
export interface BucketRef {
  namespace: string;
  bucket: string;
}

/** What the handler gets for a create/update claim: the object's content as a stream, plus its metadata. */
export interface ClaimObject {
  /**
   * The object's bytes, streamed from Object Storage as they arrive (never buffered by the consumer). Consume it
   * fully before the handler's promise settles: the consumer destroys a body that has not ended by then.
   */
  body: Readable;
  namespace: string;
  bucket: string;
  name: string;
  /** The object's current entity tag (equal to the claim's: a changed object is skipped as `superseded`). */
  etag: string;
  contentLength: number | null;
  contentType: string | null;
  /** Base64 MD5 of the content (absent for multipart uploads, see `multipartMd5`). */
  contentMd5: string | null;
  multipartMd5: string | null;
  /** User metadata (`opc-meta-*` headers, without the prefix). */
  metadata: Record<string, string>;
  versionId: string | null;
  storageTier: string | null;
}

/** What the handler gets besides the claim and the object: the attempt, where the claim was read, a signal. */
export interface HandlerContext {
  /** 1 for the first attempt. */
  attempt: number;
  maxAttempts: number;
  partition: string | null;
  offset: number;
  group: string;
  instance: string;
  /**
   * Aborted when the attempt runs past `handlerTimeoutMs` (reason: a HandlerTimeoutError) or when the consumer is
   * stopping and the stop grace period is over (reason: a ConsumerStoppingError). Pass it to whatever the handler
   * awaits (fetch, SDK calls, streams) so an abandoned attempt really stops.
   */
  signal: AbortSignal;
}

/**
 * Processes one claim. `object` is the fetched object for createobject/updateobject claims and `undefined` for
 * deleteobject claims (the object is gone; there is nothing to fetch). Throwing (or rejecting) counts as a failed
 * attempt: the consumer retries with backoff up to `maxAttempts` times, then dead-letters the claim.
 * Must be idempotent: delivery is at-least-once (see README).
 */
export type ClaimHandler = (claim: ClaimCheck, object: ClaimObject | undefined, context: HandlerContext) => Promise<void>;

/**
 * - `object-gone`: GetObject answered 404 (deleted since the claim was published);
 * - `superseded`: the object changed since (create/update: another etag; delete: the name exists again);
 * - `duplicate`: this group already decided this message or this object state (see `previous`);
 * - `own-record`: a claim for one of the consumer's own dead letters or state records.
 */
export type SkipReason = 'object-gone' | 'superseded' | 'duplicate' | 'own-record';

/**
 * What became of a duplicate's original: its outcome, or `committed` when the original lies before the group's
 * position in the stream and this instance only knows that the group decided it (read back from the stream).
 */
export type PreviousStatus = 'processed' | 'skipped' | 'dead-lettered' | 'committed';

export interface OutcomeBase {
  /** The claim id, null when the message was not a claim. */
  claimId: string | null;
  /** The object the claim refers to, when it parsed. */
  object: { namespace: string; bucket: string; name: string } | null;
  eventType: string | null;
  partition: string | null;
  offset: number;
  /** Handler attempts made. */
  attempts: number;
  durationMs: number;
}

/** How one claim ended: `processed`, `skipped` (with the reason) or `dead-lettered` (with the reason and where). */
export type ClaimOutcome =
  | (OutcomeBase & { status: 'processed' })
  | (OutcomeBase & { status: 'skipped'; reason: Exclude<SkipReason, 'duplicate'> })
  | (OutcomeBase & { status: 'skipped'; reason: 'duplicate'; previous: PreviousStatus })
  | (OutcomeBase & { status: 'dead-lettered'; reason: DeadLetterReason; error: ErrorInfo | null; location: string });

/** Counters of one consumer instance since it started (`consumer.stats`). */
export interface ConsumerStats {
  /** Messages taken from the stream (a redelivered message counts again). */
  received: number;
  processed: number;
  skipped: { objectGone: number; superseded: number; duplicate: number; ownRecord: number };
  deadLettered: number;
  /** Failed handler attempts (including the ones a later attempt recovered from). */
  handlerFailures: number;
  /** Failed object fetches (GetObject, or the HEAD of a delete check) that were not a 404/412 answer. */
  fetchFailures: number;
  commits: number;
  /** Batches not committed because a message had no outcome; they are delivered again. */
  batchRetries: number;
  /** Progress checkpoints written (per partition, for batches that had not been committed yet). */
  checkpoints: number;
  /** Progress checkpoints or per-claim markers that could not be written. */
  markerFailures: number;
  /** Heartbeats that failed (the reservation may lapse if they keep failing). */
  heartbeatFailures: number;
  /** Outcome/commit listeners that threw (the consumer carries on; see the `claim-consumer.listener-failed` log). */
  listenerFailures: number;
}

/** The events `ClaimCheckConsumer` emits (`consumer.on('outcome', ...)`), with their arguments. */
export interface ConsumerEvents {
  outcome: [ClaimOutcome];
  /** After a successful ConsumerCommit of a batch. */
  commit: [{ messages: number }];
  /** A batch was not committed and will be delivered again. */
  'batch-retry': [{ messages: number; unresolved: number; error: string }];
}
