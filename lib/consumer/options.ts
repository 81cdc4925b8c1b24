/** The consumer's options, their defaults, and the check that names every bad one at construction time. */
import type * as common from 'oci-common';
import type { BackoffPolicy } from '../runtime/backoff';
import { Clock, systemClock } from '../runtime/clock';
import { Logger, namespaced } from '../runtime/logger';
import type { ConsumerAuthOptions, ObjectStorageApi, PutMessagesApi, StreamApi } from './clients';
import type { DeadLetterDestination, DeadLetterSink } from './dead-letter';
import type { ProcessedClaimStore } from './dedupe';
import { ConsumerLogger, defaultLogger } from './logger';
import type { BucketRef, ClaimHandler } from './types';

/**
 * What the group remembers so that a claim is handled once:
 * - `{kind: 'bucket', namespace, bucket, prefix?}` (the default, in the dead-letter bucket): progress checkpoints of
 *   uncommitted batches, one small object per partition, written only while a batch is not committed yet, plus an
 *   in-memory window of recent object states per partition (warmed from the stream itself);
 * - `{kind: 'memory'}`: the same window and progress, in this process only;
 * - `{kind: 'markers', namespace, bucket, prefix?}`: the bucket kind plus one marker object per claim (a HEAD and a
 *   create-only PUT per claim): duplicates are recognised beyond the window, for as long as the markers are kept;
 * - a `ProcessedClaimStore`: the memory kind plus your own per-claim store;
 * - `false`: no dedupe; every delivery reaches the handler.
 */
export type DedupeOption =
  | { kind: 'bucket'; namespace: string; bucket: string; prefix?: string }
  | { kind: 'memory' }
  | { kind: 'markers'; namespace: string; bucket: string; prefix?: string }
  | ProcessedClaimStore
  | false;

export interface ClaimCheckConsumerOptions extends ConsumerAuthOptions {
  /** OCID of the claim-check stream. */
  streamId: string;
  /** The stream pool's messages endpoint, e.g. `https://cell-1.streaming.us-ashburn-1.oci.oraclecloud.com`. */
  messagesEndpoint: string;
  /** Consumer group: instances with the same group share the partitions and the committed offsets. */
  groupName: string;
  /**
   * This instance's name within the group; must be unique among the group's live instances.
   * @default `<hostname>-<pid>-<random hex>`
   */
  instanceName?: string;
  /**
   * Object Storage endpoint, e.g. for a local emulator or a dedicated endpoint.
   * @default - derived by the SDK from the authentication provider's region
   */
  objectStorageEndpoint?: string;
  /** Passed to both SDK clients (retry policy, circuit breaker, HTTP options). @default - SDK defaults */
  clientConfiguration?: common.ClientConfiguration;
  /**
   * The only buckets the consumer fetches from. A claim pointing anywhere else (forged or misrouted) is
   * dead-lettered with reason `bucket-not-allowed` and never fetched. Required, non-empty.
   */
  allowedBuckets: BucketRef[];
  /**
   * Called once per claim (attempt) with the claim, the object (null for a delete) and the context; a rejection
   * is retried up to `maxAttempts`, then dead-lettered.
   */
  handler: ClaimHandler;
  /** Claims processed at the same time (and so open object bodies) by this instance. @default 4 */
  concurrency?: number;
  /**
   * Attempts per claim (each attempt fetches the object and runs the handler) before it is dead-lettered as
   * `handler-failed` or `fetch-failed`. @default 5
   */
  maxAttempts?: number;
  /**
   * Longest a handler attempt may take. Past it, `context.signal` aborts, the object body is destroyed and the
   * attempt counts as failed (HandlerTimeoutError). Any length works: heartbeats keep the partitions and the cursor
   * alive however long a batch takes. @default 300000 (5 minutes)
   */
  handlerTimeoutMs?: number;
  /**
   * After `stop()` (or SIGTERM through `runUntilSignal`): how long in-flight handlers may still run before their
   * signal aborts and the consumer stops waiting for them. Unfinished claims are left to the group (delivered
   * again); `stop()` returns within this plus at most 5 s for the final checkpoint and commit, so keep it well under
   * the orchestrator's grace period (Kubernetes: 30 s). @default 10000
   */
  stopGraceMs?: number;
  /**
   * Backoff between attempts (exponential, full jitter), also used for infrastructure retries.
   * @default { baseDelayMs: 500, maxDelayMs: 30000 }
   */
  retryBackoff?: BackoffPolicy;
  /**
   * Where dead letters go: `{kind:'bucket', namespace, bucket, prefix?}` (one JSON object each, named
   * `<prefix><group>/<message time>-p<partition>-o<offset>.json`, prefix default `claim-check/dead-letter/`),
   * `{kind:'stream', streamId, messagesEndpoint}` (one message each, key = the original key), or an own sink.
   */
  deadLetter: DeadLetterDestination | DeadLetterSink;
  /**
   * Duplicate suppression per consumer group (see {@link DedupeOption}).
   * @default - a bucket dead-letter destination's bucket, records under `claim-check/`; required when the dead
   * letters go elsewhere
   */
  dedupe?: DedupeOption;
  /**
   * Recent object states remembered per partition to recognise a claim published twice (for example a function
   * retry after a lost acknowledgement, or a reconcile racing the event). When this instance takes a partition over,
   * it reads up to this many messages before the group's position back from the stream. @default 10000
   */
  dedupeWindow?: number;
  /**
   * While a batch is not committed yet, the outcomes reached so far are checkpointed at most this often (one small
   * object per partition), so a crash redoes at most this much finished work. Committed batches cost nothing.
   * @default 1000
   */
  checkpointIntervalMs?: number;
  /** GetMessages `limit` (1..10000). @default 100 */
  batchLimit?: number;
  /** Wait after an empty GetMessages. @default 1000 */
  pollIntervalMs?: number;
  /**
   * Minimum time between two GetMessages of this instance: OCI Streaming allows 5 GET/s per partition per consumer
   * group, and a group cursor reads all partitions assigned to the instance. @default 200
   */
  minGetIntervalMs?: number;
  /**
   * The group cursor's `timeoutInMs`: an instance that neither reads, commits nor heartbeats for this long loses its
   * partitions to the others. Heartbeats are sent every third of it while a batch is being processed. @default 30000
   */
  groupCursorTimeoutMs?: number;
  /** Where a new group starts (ignored when the group already exists). @default 'TRIM_HORIZON' */
  initialPosition?: 'TRIM_HORIZON' | 'LATEST';
  /** @default JSON lines on stderr (info and above) */
  logger?: ConsumerLogger;
  /** Pre-built clients (tests, custom transports). @default - SDK clients built from the auth options */
  clients?: { stream?: StreamApi; objectStorage?: ObjectStorageApi; deadLetterStream?: PutMessagesApi };
  /** @default the system clock */
  clock?: Clock;
}

/** Every option with its default applied. */
export interface ConsumerSettings {
  concurrency: number;
  maxAttempts: number;
  handlerTimeoutMs: number;
  stopGraceMs: number;
  backoff: BackoffPolicy;
  dedupeWindow: number;
  checkpointIntervalMs: number;
  batchLimit: number;
  pollIntervalMs: number;
  minGetIntervalMs: number;
  groupCursorTimeoutMs: number;
  initialPosition: 'TRIM_HORIZON' | 'LATEST';
  /** The `logger` option in the `claim-consumer` namespace. */
  logger: Logger;
  clock: Clock;
}

export function settingsOf(o: ClaimCheckConsumerOptions): ConsumerSettings {
  return {
    concurrency: o.concurrency ?? 4,
    maxAttempts: o.maxAttempts ?? 5,
    handlerTimeoutMs: o.handlerTimeoutMs ?? 300_000,
    stopGraceMs: o.stopGraceMs ?? 10_000,
    backoff: o.retryBackoff ?? { baseDelayMs: 500, maxDelayMs: 30_000 },
    dedupeWindow: o.dedupeWindow ?? 10_000,
    checkpointIntervalMs: o.checkpointIntervalMs ?? 1_000,
    batchLimit: o.batchLimit ?? 100,
    pollIntervalMs: o.pollIntervalMs ?? 1_000,
    minGetIntervalMs: o.minGetIntervalMs ?? 200,
    groupCursorTimeoutMs: o.groupCursorTimeoutMs ?? 30_000,
    initialPosition: o.initialPosition ?? 'TRIM_HORIZON',
    logger: namespaced(o.logger ?? defaultLogger, 'claim-consumer'),
    clock: o.clock ?? systemClock,
  };
}

/** setTimeout's limit: longer delays fire at once. */
const MAX_TIMER_MS = 2_147_483_647;

export function validateOptions(o: ClaimCheckConsumerOptions): void {
  const problems: string[] = [];
  for (const name of ['streamId', 'messagesEndpoint', 'groupName'] as const) {
    if (typeof o[name] !== 'string' || o[name] === '') problems.push(`${name} is required`);
  }
  if (typeof o.handler !== 'function') problems.push('handler must be a function');
  if (!Array.isArray(o.allowedBuckets) || o.allowedBuckets.length === 0) {
    problems.push('allowedBuckets must list at least one {namespace, bucket}');
  } else if (o.allowedBuckets.some((b) => !b || !b.namespace || !b.bucket)) {
    problems.push('every allowedBuckets entry needs namespace and bucket');
  }
  const positiveInt = (name: string, value: number | undefined, max = Number.MAX_SAFE_INTEGER): void => {
    if (value !== undefined && (!Number.isInteger(value) || value < 1 || value > max)) problems.push(`${name} must be an integer in 1..${max}`);
  };
  positiveInt('concurrency', o.concurrency);
  positiveInt('maxAttempts', o.maxAttempts);
  positiveInt('handlerTimeoutMs', o.handlerTimeoutMs, MAX_TIMER_MS);
  positiveInt('stopGraceMs', o.stopGraceMs, MAX_TIMER_MS);
  positiveInt('dedupeWindow', o.dedupeWindow, 1_000_000);
  positiveInt('checkpointIntervalMs', o.checkpointIntervalMs, MAX_TIMER_MS);
  positiveInt('batchLimit', o.batchLimit, 10_000);
  positiveInt('groupCursorTimeoutMs', o.groupCursorTimeoutMs);
  for (const name of ['pollIntervalMs', 'minGetIntervalMs'] as const) {
    const v = o[name];
    if (v !== undefined && (!Number.isFinite(v) || v < 0)) problems.push(`${name} must be >= 0`);
  }
  if (!o.deadLetter) problems.push('deadLetter is required ({kind: "bucket" | "stream", ...} or a DeadLetterSink)');
  else if (!isBucketDestination(o.deadLetter) && !isStreamDestination(o.deadLetter) && typeof (o.deadLetter as DeadLetterSink).write !== 'function') {
    problems.push('deadLetter must be {kind: "bucket", namespace, bucket}, {kind: "stream", streamId, messagesEndpoint} or a DeadLetterSink');
  }
  if (o.dedupe === undefined && o.deadLetter && !isBucketDestination(o.deadLetter)) {
    problems.push('dedupe is required when dead letters do not go to a bucket ({kind: "bucket" | "markers", ...}, {kind: "memory"}, a ProcessedClaimStore, or false)');
  }
  if (o.dedupe !== undefined && o.dedupe !== false && !isStoreInstance(o.dedupe)) {
    const d = o.dedupe as { kind?: unknown; namespace?: unknown; bucket?: unknown };
    if (d.kind === 'bucket' || d.kind === 'markers') {
      if (!d.namespace || !d.bucket) problems.push(`dedupe {kind: "${d.kind}"} needs namespace and bucket`);
    } else if (d.kind !== 'memory') {
      problems.push('dedupe must be {kind: "bucket" | "markers", namespace, bucket}, {kind: "memory"}, a ProcessedClaimStore, or false');
    }
  }
  if (problems.length > 0) throw new Error(`Invalid ClaimCheckConsumer options: ${problems.join('; ')}`);
}

export function isBucketDestination(d: unknown): d is DeadLetterDestination & { kind: 'bucket' } {
  return typeof d === 'object' && d !== null && (d as { kind?: unknown }).kind === 'bucket';
}

export function isStreamDestination(d: unknown): d is DeadLetterDestination & { kind: 'stream' } {
  return typeof d === 'object' && d !== null && (d as { kind?: unknown }).kind === 'stream';
}

export function isStoreInstance(d: unknown): d is ProcessedClaimStore {
  return typeof d === 'object' && d !== null && typeof (d as ProcessedClaimStore).has === 'function';
}
