/**
 * Dead letters: messages the consumer gives up on (not a claim check, pointing outside `allowedBuckets`, an object
 * that could not be fetched, or a handler that kept failing). Each is written, with everything needed to replay or
 * investigate it, to a bucket (one JSON object per dead letter) or to another stream. A sink that cannot write
 * throws, and the consumer then does NOT commit the batch, so nothing is lost: the batch is delivered again.
 * Writing is idempotent in a bucket: the name is derived from the message's place in the stream, so a write
 * retried after a lost answer, or the same message dead-lettered again after a redelivery, finds its record there.
 */
import * as common from 'oci-common';
import type { ClaimCheck } from '../contract';
import type { ObjectStorageApi, PutMessagesApi } from './clients';
import { backoffDelayMs, BackoffPolicy } from '../runtime/backoff';
import { Clock, systemClock } from '../runtime/clock';
import { putJsonIfVersion } from '../runtime/conditional-put';
import { isRetryable } from '../runtime/retryability';
import type { ErrorInfo } from './errors';

/**
 * - `bucket-not-allowed`: the claim points outside `allowedBuckets`; never fetched.
 * - `malformed-claim`: not a claim check v1.
 * - `fetch-failed`: the object could not be read (e.g. 403/BucketNotFound from a missing policy, or Object Storage
 *   failing) in `maxAttempts` attempts.
 * - `handler-failed`: the handler failed `maxAttempts` times.
 */
export type DeadLetterReason = 'bucket-not-allowed' | 'malformed-claim' | 'fetch-failed' | 'handler-failed';

/** The original message: its key as text, and its value as JSON when it is JSON, else base64. */
export interface DeadLetterRawMessage {
  key: string | null;
  valueEncoding: 'json' | 'base64';
  value: unknown;
}

/**
 * What is written for a claim that was dead-lettered: the claim (or the raw message), why, the last error, where it
 * was read.
 */
export interface DeadLetterRecord {
  /** The claim when the message parsed as one (also for bucket-not-allowed), else null. */
  claim: ClaimCheck | null;
  rawMessage: DeadLetterRawMessage;
  reason: DeadLetterReason;
  /** For fetch-failed and handler-failed: the last error. */
  error: ErrorInfo | null;
  /** Handler attempts made (0 when the handler was never called). */
  attempts: number;
  consumer: { group: string; instance: string };
  /** When the message was dead-lettered (ISO 8601). */
  time: string;
  /** When the message was published to the stream (ISO 8601), if the stream said. */
  messageTime: string | null;
  stream: string;
  partition: string | null;
  offset: number;
}

/** Where dead letters go: `BucketDeadLetterSink`, `StreamDeadLetterSink`, or your own. */
export interface DeadLetterSink {
  /** Writes the record; resolves with where it went (for logs and outcome events). Throws if it could not. */
  write(record: DeadLetterRecord): Promise<string>;
}

/** Dead letters as JSON objects in a bucket (usually the pipeline's consumer state bucket). */
export interface BucketDeadLetterDestination {
  kind: 'bucket';
  namespace: string;
  bucket: string;
  /**
   * Dead letters are named `<prefix><group>/<message time>-p<partition>-o<offset>[-<claim id>].json`.
   * @default 'claim-check/dead-letter/'
   */
  prefix?: string;
}

/** Dead letters as messages on another stream. */
export interface StreamDeadLetterDestination {
  kind: 'stream';
  streamId: string;
  /** The stream pool's messages endpoint (`https://cell-1.streaming.<region>.oci.oraclecloud.com`). */
  messagesEndpoint: string;
}

/** The consumer's `deadLetter` option: a bucket or a stream. */
export type DeadLetterDestination = BucketDeadLetterDestination | StreamDeadLetterDestination;

/** Where dead letters go in a bucket when no `prefix` is given. */
export const DEFAULT_DEAD_LETTER_PREFIX = 'claim-check/dead-letter/';

/** `2024-01-02T03:04:05.678Z` → `20240102T030405678Z` (sortable, no characters that need care in names). */
export function compactTime(iso: string): string {
  return iso.replace(/[-:.]/g, '');
}

/**
 * `<prefix><group>/<message time>-p<partition>-o<offset>[-<claim id>].json`: sortable by when the message was
 * published, and a function of the message alone (not of when or by whom it was dead-lettered), so the same message
 * always maps to the same record.
 */
export function deadLetterObjectName(prefix: string, record: DeadLetterRecord): string {
  const time = record.messageTime !== null && !Number.isNaN(Date.parse(record.messageTime)) ? compactTime(new Date(record.messageTime).toISOString()) : 'unknown-time';
  const claim = record.claim ? `-${record.claim.id}` : '';
  return `${prefix}${record.consumer.group}/${time}-p${record.partition ?? 'unknown'}-o${record.offset}${claim}.json`;
}

/** Writes each dead letter as one JSON object in a bucket, never overwriting one (`if-none-match: *`). */
export class BucketDeadLetterSink implements DeadLetterSink {
  readonly prefix: string;

  constructor(private readonly client: ObjectStorageApi, readonly destination: BucketDeadLetterDestination) {
    this.prefix = destination.prefix ?? DEFAULT_DEAD_LETTER_PREFIX;
  }

  async write(record: DeadLetterRecord): Promise<string> {
    const body = JSON.stringify(record, null, 2);
    const objectName = deadLetterObjectName(this.prefix, record);
    const location = `oci://${this.destination.bucket}@${this.destination.namespace}/${objectName}`;
    // Create-only. Null (412): the record exists, an earlier write of this very message (a retry whose answer was lost,
    // or the same message dead-lettered before its batch was delivered again). One message, one record.
    await putJsonIfVersion(this.client, { namespaceName: this.destination.namespace, bucketName: this.destination.bucket, objectName }, body, null);
    return location;
  }
}

/** Options of `StreamDeadLetterSink`. */
export interface StreamDeadLetterOptions {
  /** Attempts per record (PutMessages is not retried by the SDK). @default 5 */
  maxAttempts?: number;
  /** @default { baseDelayMs: 200, maxDelayMs: 5000 } */
  backoff?: BackoffPolicy;
  /** The clock the retries wait on. @default systemClock */
  clock?: Clock;
}

/** OCI Streaming takes at most 1 MiB per message (key + value) and per request. */
const MAX_MESSAGE_BYTES = 1024 * 1024;
const ONE_ATTEMPT: common.RetryConfiguration = { terminationStrategy: new common.MaxAttemptsTerminationStrategy(1) };

/** Writes dead letters as messages on a stream (key: the original message key), retrying with backoff. */
export class StreamDeadLetterSink implements DeadLetterSink {
  private readonly maxAttempts: number;
  private readonly backoff: BackoffPolicy;
  private readonly clock: Clock;

  constructor(private readonly client: PutMessagesApi, readonly destination: StreamDeadLetterDestination, options: StreamDeadLetterOptions = {}) {
    this.maxAttempts = options.maxAttempts ?? 5;
    this.backoff = options.backoff ?? { baseDelayMs: 200, maxDelayMs: 5_000 };
    this.clock = options.clock ?? systemClock;
  }

  async write(record: DeadLetterRecord): Promise<string> {
    const key = Buffer.from(record.rawMessage.key ?? record.claim?.id ?? `p${record.partition}-o${record.offset}`, 'utf8').subarray(0, 256);
    const value = encodeWithinLimit(record, MAX_MESSAGE_BYTES - key.length);
    let lastError = '';
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      try {
        const response = await this.client.putMessages({
          streamId: this.destination.streamId,
          putMessagesDetails: { messages: [{ key: key.toString('base64'), value: value.toString('base64') }] },
          retryConfiguration: ONE_ATTEMPT,
        });
        const entry = response.putMessagesResult?.entries?.[0];
        // HTTP 200 can still carry a per-entry failure (e.g. throttled partition).
        if (entry && !entry.error && entry.offset !== undefined && entry.offset !== null) {
          return `stream:${this.destination.streamId}/${entry.partition}/${entry.offset}`;
        }
        lastError = entry?.error ? `${entry.error}: ${entry.errorMessage ?? ''}` : 'PutMessages returned no entry';
      } catch (e) {
        lastError = (e as { message?: string }).message ?? String(e);
        // The shared rule (lib/runtime/retryability.ts): a lasting 4xx (bad request, auth, a 409 Conflict) ends here.
        if (!isRetryable(e)) break;
      }
      if (attempt < this.maxAttempts) await this.clock.sleep(backoffDelayMs(attempt, this.backoff, () => this.clock.random()));
    }
    throw new Error(`Could not write the dead letter to stream ${this.destination.streamId}: ${lastError}`);
  }
}

/** JSON of the record; if it exceeds the limit, the raw message value is dropped (the claim, if any, is kept). */
export function encodeWithinLimit(record: DeadLetterRecord, maxBytes: number): Buffer {
  const full = Buffer.from(JSON.stringify(record), 'utf8');
  if (full.length <= maxBytes) return full;
  const trimmed = {
    ...record,
    rawMessage: { ...record.rawMessage, value: null, truncated: true },
    error: record.error ? { ...record.error, stack: undefined } : null,
  };
  const smaller = Buffer.from(JSON.stringify(trimmed), 'utf8');
  if (smaller.length <= maxBytes) return smaller;
  return Buffer.from(JSON.stringify({ ...trimmed, claim: null, claimTruncated: true }), 'utf8');
}
