/**
 * ClaimCheckConsumer: reads claim checks from an OCI Streaming stream as a member of a consumer group, fetches each
 * referenced object as a stream and hands it to the user's handler, and commits the group's offsets only after
 * every message of a batch has a final outcome.
 *
 * Loop (one per consumer instance):
 *   CreateGroupCursor(commitOnGet=false) → GetMessages(cursor) → process the batch (≤ `concurrency` claims at a
 *   time, claims for the same object one after another in stream order, heartbeats while it runs) → when every
 *   message is processed / skipped / dead-lettered: ConsumerCommit(batch cursor) → continue from the returned
 *   cursor. If any message has no outcome (an infrastructure failure: Object Storage unreachable, dead-letter write
 *   failed, ...) nothing is committed; after a backoff the group cursor is recreated, which resumes at the group's
 *   committed offset, so the batch is delivered again (already-processed claims are then `duplicate`s).
 */
import { EventEmitter } from 'node:events';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeWebReadableStream } from 'node:stream/web';
import type * as common from 'oci-common';
import { backoffDelayMs, BackoffPolicy, ConsumerClock, systemClock } from './backoff';
import { ClaimCheck, decodeBase64Text, parseClaimMessage, RawStreamMessage } from './claim';
import {
  ConsumerAuthOptions,
  createAuthProvider,
  createObjectStorageClient,
  createStreamClient,
  GetObjectResult,
  ObjectStorageApi,
  PutMessagesApi,
  StreamApi,
} from './clients';
import {
  BucketDeadLetterSink,
  DeadLetterDestination,
  DeadLetterRawMessage,
  DeadLetterReason,
  DeadLetterRecord,
  DeadLetterSink,
  StreamDeadLetterSink,
} from './dead-letter';
import { dedupeKey, MemoryProcessedStore, ObjectStorageProcessedStore, ProcessedClaimStore } from './dedupe';
import { errorInfo, errorMessage, ErrorInfo, fetchOutcomeOf, httpStatusOf, isTransient } from './errors';

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

export interface HandlerContext {
  /** 1 for the first attempt. */
  attempt: number;
  maxAttempts: number;
  partition: string | null;
  offset: number;
  group: string;
  instance: string;
  /**
   * Aborted (with a HandlerTimeoutError as its reason) when the attempt runs past `handlerTimeoutMs`, or when the
   * consumer must give up on it. Pass it to whatever the handler awaits (fetch, SDK calls, streams) so a timed-out
   * attempt really stops before the retry starts.
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

export type SkipReason = 'object-gone' | 'superseded' | 'duplicate' | 'own-record';

interface OutcomeBase {
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

export type ClaimOutcome =
  | (OutcomeBase & { status: 'processed' })
  | (OutcomeBase & { status: 'skipped'; reason: SkipReason })
  | (OutcomeBase & { status: 'dead-lettered'; reason: DeadLetterReason; error: ErrorInfo | null; location: string });

export interface ConsumerStats {
  /** Messages taken from the stream (a redelivered message counts again). */
  received: number;
  processed: number;
  skipped: { objectGone: number; superseded: number; duplicate: number; ownRecord: number };
  deadLettered: number;
  /** Failed handler attempts (including the ones a later attempt recovered from). */
  handlerFailures: number;
  commits: number;
  /** Batches not committed because a message had no outcome; they are delivered again. */
  batchRetries: number;
  /** Processed claims whose dedupe marker could not be written (a later duplicate would be handled again). */
  markerFailures: number;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface ConsumerLogger {
  log(level: LogLevel, event: string, fields?: Record<string, unknown>): void;
}

/** JSON lines on stderr, `info` and above. */
export const defaultLogger: ConsumerLogger = {
  log(level, event, fields = {}) {
    if (level === 'debug') return;
    process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level, event, ...fields })}\n`);
  },
};

/** Where dedupe markers go, or an own store, or `false` (no dedupe; every delivery reaches the handler). */
export type DedupeOption = { kind: 'bucket'; namespace: string; bucket: string; prefix?: string } | { kind: 'memory' } | ProcessedClaimStore | false;

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
  handler: ClaimHandler;
  /** Claims processed at the same time (and so open object bodies) by this instance. @default 4 */
  concurrency?: number;
  /** Handler attempts per claim before it is dead-lettered as `handler-failed`. @default 5 */
  maxAttempts?: number;
  /**
   * Longest a handler attempt may take. Past it, `context.signal` aborts, the object body is destroyed and the
   * attempt counts as failed (HandlerTimeoutError), so one hung handler cannot hold its partition forever (the
   * heartbeats would otherwise keep the reservation alive indefinitely). @default 300000 (5 minutes)
   */
  handlerTimeoutMs?: number;
  /**
   * Backoff between attempts (exponential, full jitter), also used for infrastructure retries.
   * @default { baseDelayMs: 500, maxDelayMs: 30000 }
   */
  retryBackoff?: BackoffPolicy;
  /**
   * Where dead letters go: `{kind:'bucket', namespace, bucket, prefix?}` (one JSON object each, named
   * `<prefix><group>/<time>-<claim id or p<partition>-o<offset>>.json`, prefix default `claim-check/dead-letter/`),
   * `{kind:'stream', streamId, messagesEndpoint}` (one message each, key = the original key), or an own sink.
   */
  deadLetter: DeadLetterDestination | DeadLetterSink;
  /**
   * Duplicate suppression per consumer group.
   * @default - a bucket dead-letter destination's bucket, markers under `claim-check/processed/<group>/`;
   * required when the dead letters go elsewhere
   */
  dedupe?: DedupeOption;
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
  clock?: ConsumerClock;
}

export interface ConsumerEvents {
  outcome: [ClaimOutcome];
  /** After a successful ConsumerCommit of a batch. */
  commit: [{ messages: number }];
  /** A batch was not committed and will be delivered again. */
  'batch-retry': [{ messages: number; unresolved: number; error: string }];
}

/** A message that got no final outcome (infrastructure failure); its batch is not committed. */
class UnresolvedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnresolvedError';
  }
}

/** The failure of a handler attempt that ran past `handlerTimeoutMs`. */
export class HandlerTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`The handler did not finish within handlerTimeoutMs (${timeoutMs} ms)`);
    this.name = 'HandlerTimeoutError';
  }
}

/** Thrown by `run()` when the consumer cannot work at all (e.g. the stream does not exist, or auth is refused). */
export class ConsumerFatalError extends Error {
  constructor(message: string, readonly cause?: unknown) {
    super(message);
    this.name = 'ConsumerFatalError';
  }
}

interface Resolved {
  clients: { stream: StreamApi; objectStorage: ObjectStorageApi };
  sink: DeadLetterSink;
  store: ProcessedClaimStore | null;
  /** Object prefixes (per bucket) holding the consumer's own records; claims for them are skipped. */
  ownPrefixes: Array<BucketRef & { prefix: string }>;
}

const HEARTBEAT_FRACTION = 3;

export class ClaimCheckConsumer extends EventEmitter<ConsumerEvents> {
  readonly streamId: string;
  readonly groupName: string;
  readonly instanceName: string;
  private readonly options: ClaimCheckConsumerOptions;
  private readonly concurrency: number;
  private readonly maxAttempts: number;
  private readonly handlerTimeoutMs: number;
  private readonly backoff: BackoffPolicy;
  private readonly batchLimit: number;
  private readonly pollIntervalMs: number;
  private readonly minGetIntervalMs: number;
  private readonly groupCursorTimeoutMs: number;
  private readonly logger: ConsumerLogger;
  private readonly clock: ConsumerClock;
  private readonly allowed: Set<string>;
  private readonly counters: ConsumerStats = {
    received: 0,
    processed: 0,
    skipped: { objectGone: 0, superseded: 0, duplicate: 0, ownRecord: 0 },
    deadLettered: 0,
    handlerFailures: 0,
    commits: 0,
    batchRetries: 0,
    markerFailures: 0,
  };
  private resolved: Promise<Resolved> | null = null;
  private running: Promise<void> | null = null;
  private stopping = false;
  private readonly stopSignal = new AbortController();
  private lastGetAt = Number.NEGATIVE_INFINITY;

  constructor(options: ClaimCheckConsumerOptions) {
    super();
    validateOptions(options);
    this.options = options;
    this.streamId = options.streamId;
    this.groupName = options.groupName;
    this.instanceName = options.instanceName ?? `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
    this.concurrency = options.concurrency ?? 4;
    this.maxAttempts = options.maxAttempts ?? 5;
    this.handlerTimeoutMs = options.handlerTimeoutMs ?? 300_000;
    this.backoff = options.retryBackoff ?? { baseDelayMs: 500, maxDelayMs: 30_000 };
    this.batchLimit = options.batchLimit ?? 100;
    this.pollIntervalMs = options.pollIntervalMs ?? 1_000;
    this.minGetIntervalMs = options.minGetIntervalMs ?? 200;
    this.groupCursorTimeoutMs = options.groupCursorTimeoutMs ?? 30_000;
    this.logger = options.logger ?? defaultLogger;
    this.clock = options.clock ?? systemClock;
    this.allowed = new Set(options.allowedBuckets.map((b) => bucketKey(b.namespace, b.bucket)));
  }

  /** A snapshot of the counters. */
  get stats(): ConsumerStats {
    return { ...this.counters, skipped: { ...this.counters.skipped } };
  }

  /** True when `namespace`/`bucket` is in `allowedBuckets`. */
  isAllowed(namespace: string, bucket: string): boolean {
    return this.allowed.has(bucketKey(namespace, bucket));
  }

  /**
   * Consumes until `stop()` is called; resolves once the last batch is committed. Rejects with a
   * `ConsumerFatalError` when the group cursor cannot be created for a non-transient reason (unknown stream,
   * authentication or authorization refused).
   */
  run(): Promise<void> {
    if (this.running) return this.running;
    if (this.stopping) return Promise.resolve();
    this.running = this.loop();
    return this.running;
  }

  /**
   * Graceful shutdown: fetches no new batch, lets the batch in progress finish (every claim of it gets its outcome,
   * including pending handler retries), commits it, then resolves. Messages fetched but not started are not
   * committed and are delivered again to the group.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    this.stopSignal.abort();
    if (this.running) {
      try {
        await this.running;
      } catch {
        // run()'s caller sees the error.
      }
    }
  }

  /** True between `stop()` and the end of `run()`. */
  get isStopping(): boolean {
    return this.stopping;
  }

  private async loop(): Promise<void> {
    let resolved: Resolved;
    try {
      resolved = await this.resolve();
    } catch (e) {
      throw new ConsumerFatalError(`Cannot set up the OCI clients: ${errorMessage(e)}`, e);
    }
    let cursor: string | null = null;
    let failures = 0;
    let batchFailures = 0;
    while (!this.stopping) {
      if (cursor === null) {
        cursor = await this.createGroupCursor(resolved);
        if (cursor === null) break; // stopping
      }
      await this.throttleGet();
      if (this.stopping) break;
      let items: RawStreamMessage[];
      let next: string;
      try {
        const response = await resolved.clients.stream.getMessages({ streamId: this.streamId, cursor, limit: this.batchLimit });
        items = response.items ?? [];
        next = response.opcNextCursor;
      } catch (e) {
        // Invalid/expired cursor (the group rebalanced, or we were too slow) or a failure that survived the SDK's
        // retries. Everything before `cursor` is committed, so a new group cursor resumes exactly here.
        failures++;
        this.logger.log('warn', 'claim-consumer.get-messages-failed', { error: errorMessage(e), statusCode: httpStatusOf(e) });
        cursor = null;
        await this.clock.sleep(backoffDelayMs(failures, this.backoff, this.clock.random), this.stopSignal.signal);
        continue;
      }
      failures = 0;
      if (items.length === 0) {
        cursor = next || cursor;
        await this.clock.sleep(this.pollIntervalMs, this.stopSignal.signal);
        continue;
      }
      if (this.stopping) break; // not started: left uncommitted, the group gets them again
      const unresolved = await this.processBatch(resolved, items, next);
      if (unresolved.length > 0) {
        this.counters.batchRetries++;
        const error = unresolved[0].message;
        this.logger.log('warn', 'claim-consumer.batch-not-committed', { messages: items.length, unresolved: unresolved.length, error });
        this.emit('batch-retry', { messages: items.length, unresolved: unresolved.length, error });
        cursor = null;
        batchFailures++;
        // Aborted by stop(): stopping then simply leaves the batch to the group.
        await this.clock.sleep(backoffDelayMs(batchFailures, this.backoff, this.clock.random), this.stopSignal.signal);
        continue;
      }
      batchFailures = 0;
      cursor = await this.commit(resolved, next, items.length);
    }
  }

  /** Lazily builds clients, the dead-letter sink and the dedupe store (once). */
  private resolve(): Promise<Resolved> {
    this.resolved ??= this.build();
    return this.resolved;
  }

  private async build(): Promise<Resolved> {
    const o = this.options;
    const needsProvider =
      !o.clients?.stream || !o.clients?.objectStorage || (isStreamDestination(o.deadLetter) && !o.clients?.deadLetterStream);
    const provider = needsProvider ? await createAuthProvider(o) : null;
    const stream = o.clients?.stream ?? createStreamClient(provider!, o.messagesEndpoint, o.clientConfiguration);
    const objectStorage = o.clients?.objectStorage ?? createObjectStorageClient(provider!, o.objectStorageEndpoint, o.clientConfiguration);
    const ownPrefixes: Resolved['ownPrefixes'] = [];

    let sink: DeadLetterSink;
    if (isBucketDestination(o.deadLetter)) {
      const bucketSink = new BucketDeadLetterSink(objectStorage, o.deadLetter);
      ownPrefixes.push({ namespace: o.deadLetter.namespace, bucket: o.deadLetter.bucket, prefix: bucketSink.prefix });
      sink = bucketSink;
    } else if (isStreamDestination(o.deadLetter)) {
      const api = o.clients?.deadLetterStream ?? createStreamClient(provider!, o.deadLetter.messagesEndpoint, o.clientConfiguration);
      sink = new StreamDeadLetterSink(api, o.deadLetter, { clock: this.clock });
    } else {
      sink = o.deadLetter;
    }

    let store: ProcessedClaimStore | null;
    const dedupe = o.dedupe ?? defaultDedupe(o.deadLetter);
    if (dedupe === false) {
      store = null;
    } else if (isStoreInstance(dedupe)) {
      store = dedupe;
    } else if (dedupe.kind === 'memory') {
      store = new MemoryProcessedStore();
    } else {
      const markers = new ObjectStorageProcessedStore({ client: objectStorage, namespace: dedupe.namespace, bucket: dedupe.bucket, prefix: dedupe.prefix, group: this.groupName });
      ownPrefixes.push({ namespace: dedupe.namespace, bucket: dedupe.bucket, prefix: markers.markerPrefix });
      store = markers;
    }
    return { clients: { stream, objectStorage }, sink, store, ownPrefixes };
  }

  private async createGroupCursor(resolved: Resolved): Promise<string | null> {
    for (let failures = 0; !this.stopping; ) {
      try {
        const response = await resolved.clients.stream.createGroupCursor({
          streamId: this.streamId,
          createGroupCursorDetails: {
            groupName: this.groupName,
            instanceName: this.instanceName,
            type: (this.options.initialPosition ?? 'TRIM_HORIZON') as never,
            commitOnGet: false,
            timeoutInMs: this.groupCursorTimeoutMs,
          },
        });
        this.logger.log('info', 'claim-consumer.group-cursor', { stream: this.streamId, group: this.groupName, instance: this.instanceName });
        return response.cursor.value;
      } catch (e) {
        if (!isTransient(e)) {
          throw new ConsumerFatalError(`Cannot create a group cursor on stream ${this.streamId} for group ${this.groupName}: ${errorMessage(e)}`, e);
        }
        failures++;
        this.logger.log('warn', 'claim-consumer.group-cursor-failed', { error: errorMessage(e), attempt: failures });
        await this.clock.sleep(backoffDelayMs(failures, this.backoff, this.clock.random), this.stopSignal.signal);
      }
    }
    return null;
  }

  private async throttleGet(): Promise<void> {
    const wait = this.lastGetAt + this.minGetIntervalMs - this.clock.now();
    if (wait > 0) await this.clock.sleep(wait, this.stopSignal.signal);
    this.lastGetAt = this.clock.now();
  }

  /** Commits the batch; returns the cursor to continue from, or null to recreate the group cursor. */
  private async commit(resolved: Resolved, cursor: string, messages: number): Promise<string | null> {
    for (let attempt = 1; attempt <= 3; attempt++) {
      try {
        const response = await resolved.clients.stream.consumerCommit({ streamId: this.streamId, cursor });
        this.counters.commits++;
        this.emit('commit', { messages });
        this.logger.log('debug', 'claim-consumer.committed', { messages });
        return response.cursor?.value ?? cursor;
      } catch (e) {
        this.logger.log('warn', 'claim-consumer.commit-failed', { error: errorMessage(e), statusCode: httpStatusOf(e), attempt });
        if (!isTransient(e)) break;
        if (attempt < 3) await this.clock.sleep(backoffDelayMs(attempt, this.backoff, this.clock.random));
      }
    }
    // The partitions may have moved to another instance, which then gets this batch again: every claim of it
    // already has its outcome (processed ones are marked), so the redelivery is cheap.
    return null;
  }

  /**
   * Processes every message of a batch, at most `concurrency` at a time; messages for the same object run in
   * stream order, one after another (so a create and a later delete of one object are handled in that order, and a
   * duplicate sees the marker its twin wrote). Returns the errors of messages left without an outcome.
   */
  private async processBatch(resolved: Resolved, items: RawStreamMessage[], cursor: string): Promise<UnresolvedError[]> {
    const groups = new Map<string, RawStreamMessage[]>();
    items.forEach((message, index) => {
      const groupKey = decodeBase64Text(message.key) ?? `#${index}`;
      const group = groups.get(groupKey);
      if (group) group.push(message);
      else groups.set(groupKey, [message]);
    });
    const queue = [...groups.values()];
    const unresolved: UnresolvedError[] = [];
    const heartbeat = this.startHeartbeat(resolved, cursor);
    try {
      const worker = async (): Promise<void> => {
        for (let group = queue.shift(); group; group = queue.shift()) {
          for (const message of group) {
            try {
              await this.processMessage(resolved, message);
            } catch (e) {
              unresolved.push(e instanceof UnresolvedError ? e : new UnresolvedError(errorMessage(e)));
            }
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(this.concurrency, queue.length) }, worker));
    } finally {
      heartbeat.stop();
    }
    return unresolved;
  }

  /** Heartbeats keep the group's reservation of our partitions while a long batch is processed. */
  private startHeartbeat(resolved: Resolved, cursor: string): { stop(): void } {
    const interval = Math.max(100, Math.floor(this.groupCursorTimeoutMs / HEARTBEAT_FRACTION));
    let inFlight = false;
    const timer = setInterval(() => {
      if (inFlight) return;
      inFlight = true;
      resolved.clients.stream
        .consumerHeartbeat({ streamId: this.streamId, cursor })
        .catch((e: unknown) => this.logger.log('warn', 'claim-consumer.heartbeat-failed', { error: errorMessage(e), statusCode: httpStatusOf(e) }))
        .finally(() => {
          inFlight = false;
        });
    }, interval);
    timer.unref?.();
    return { stop: () => clearInterval(timer) };
  }

  /** Gives one message its outcome; throws UnresolvedError when it cannot (the batch is then not committed). */
  private async processMessage(resolved: Resolved, message: RawStreamMessage): Promise<void> {
    const started = this.clock.now();
    this.counters.received++;
    const partition = message.partition !== undefined && message.partition !== null ? String(message.partition) : null;
    const base = (claim: ClaimCheck | null, attempts: number): OutcomeBase => ({
      claimId: claim?.id ?? null,
      object: claim ? { namespace: claim.data.namespace, bucket: claim.data.bucket, name: claim.data.object } : null,
      eventType: claim?.data.eventType ?? null,
      partition,
      offset: message.offset,
      attempts,
      durationMs: this.clock.now() - started,
    });

    const parsed = parseClaimMessage(message);
    if (!parsed.ok) {
      const error = { name: 'MalformedClaim', message: parsed.error };
      await this.deadLetter(resolved, message, null, 'malformed-claim', error, 0, base);
      return;
    }
    const claim = parsed.claim;
    const { namespace, bucket, object } = claim.data;
    if (!this.isAllowed(namespace, bucket)) {
      const error = { name: 'BucketNotAllowed', message: `The claim refers to /n/${namespace}/b/${bucket}, which is not in allowedBuckets` };
      await this.deadLetter(resolved, message, claim, 'bucket-not-allowed', error, 0, base);
      return;
    }
    if (resolved.ownPrefixes.some((p) => p.namespace === namespace && p.bucket === bucket && object.startsWith(p.prefix))) {
      // Our own dead letter or marker landed in a watched bucket and came back as a claim.
      this.finish({ ...base(claim, 0), status: 'skipped', reason: 'own-record' });
      return;
    }

    const key = resolved.store ? dedupeKey(claim) : null;
    if (resolved.store && key !== null) {
      const store = resolved.store;
      const seen = await this.infrastructure(`dedupe check for ${describeClaim(claim)}`, () => store.has(key));
      if (seen) {
        this.finish({ ...base(claim, 0), status: 'skipped', reason: 'duplicate' });
        return;
      }
    }

    const isDelete = parsed.action === 'deleteobject';
    let lastError: unknown = null;
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      let body: Readable | null = null;
      let objectArg: ClaimObject | undefined;
      if (!isDelete) {
        const fetched = await this.fetch(resolved, claim);
        if (fetched.kind === 'skip') {
          this.finish({ ...base(claim, attempt - 1), status: 'skipped', reason: fetched.reason });
          return;
        }
        objectArg = fetched.object;
        body = fetched.object.body;
      }
      try {
        await withTimeout(this.handlerTimeoutMs, (signal) =>
          this.options.handler(claim, objectArg, {
            attempt,
            maxAttempts: this.maxAttempts,
            partition,
            offset: message.offset,
            group: this.groupName,
            instance: this.instanceName,
            signal,
          }),
        );
        lastError = null;
      } catch (e) {
        lastError = e ?? new Error('Handler rejected without a reason');
      } finally {
        // Never leave a response body open: it would hold the connection (and its buffers) until GC.
        if (body && !body.readableEnded && !body.destroyed) body.destroy();
      }
      if (lastError === null) {
        if (resolved.store && key !== null) await this.mark(resolved.store, key, claim);
        this.finish({ ...base(claim, attempt), status: 'processed' });
        return;
      }
      this.counters.handlerFailures++;
      this.logger.log(attempt < this.maxAttempts ? 'warn' : 'error', 'claim-consumer.handler-failed', {
        claimId: claim.id,
        object: describeClaim(claim),
        attempt,
        maxAttempts: this.maxAttempts,
        error: errorMessage(lastError),
      });
      if (attempt < this.maxAttempts) await this.clock.sleep(backoffDelayMs(attempt, this.backoff, this.clock.random));
    }
    await this.deadLetter(resolved, message, claim, 'handler-failed', errorInfo(lastError), this.maxAttempts, base);
  }

  /** GetObject with `if-match: <claim etag>`: 404 → object-gone, 412 (or another etag) → superseded. */
  private async fetch(resolved: Resolved, claim: ClaimCheck): Promise<{ kind: 'object'; object: ClaimObject } | { kind: 'skip'; reason: SkipReason }> {
    const { namespace, bucket, object, etag } = claim.data;
    let response: GetObjectResult;
    try {
      response = await this.infrastructure(
        `GetObject ${describeClaim(claim)}`,
        () => resolved.clients.objectStorage.getObject({ namespaceName: namespace, bucketName: bucket, objectName: object, ifMatch: etag ?? undefined }),
        (e) => fetchOutcomeOf(e) !== null,
      );
    } catch (e) {
      const outcome = fetchOutcomeOf(e);
      if (outcome !== null) return { kind: 'skip', reason: outcome };
      throw e;
    }
    const body = toReadable(response.value);
    if (etag !== null && response.eTag !== undefined && response.eTag !== etag) {
      // A server that ignores if-match: compare ourselves.
      body.destroy();
      return { kind: 'skip', reason: 'superseded' };
    }
    // A stream error before the handler reads must not become an uncaught 'error' event; readers still see it.
    body.on('error', () => undefined);
    return {
      kind: 'object',
      object: {
        body,
        namespace,
        bucket,
        name: object,
        etag: response.eTag ?? etag ?? '',
        contentLength: typeof response.contentLength === 'number' && Number.isFinite(response.contentLength) ? response.contentLength : null,
        contentType: response.contentType ?? null,
        contentMd5: response.contentMd5 ?? null,
        multipartMd5: response.opcMultipartMd5 ?? null,
        metadata: userMetadata(response.opcMeta),
        versionId: response.versionId ?? null,
        storageTier: response.storageTier ?? null,
      },
    };
  }

  private async mark(store: ProcessedClaimStore, key: string, claim: ClaimCheck): Promise<void> {
    try {
      await store.markProcessed(key, {
        claimId: claim.id,
        namespace: claim.data.namespace,
        bucket: claim.data.bucket,
        object: claim.data.object,
        etag: claim.data.etag,
        eventType: claim.data.eventType,
        group: this.groupName,
        instance: this.instanceName,
        time: new Date(this.clock.now()).toISOString(),
      });
    } catch (e) {
      // The handler succeeded: redoing the whole batch for a missing marker would run it again for sure, while
      // committing only risks it for a later duplicate of this one claim. Commit, but say so loudly.
      this.counters.markerFailures++;
      this.logger.log('error', 'claim-consumer.marker-failed', { claimId: claim.id, object: describeClaim(claim), error: errorMessage(e) });
    }
  }

  /**
   * Runs an infrastructure call (dedupe check, GetObject) with up to `maxAttempts` tries and backoff on transient
   * failures (on top of the SDK's own retries); a final failure leaves the message unresolved. Errors for which
   * `isDecisive` is true (404/412 of GetObject) are rethrown at once.
   */
  private async infrastructure<T>(what: string, call: () => Promise<T>, isDecisive: (e: unknown) => boolean = () => false): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await call();
      } catch (e) {
        if (isDecisive(e)) throw e;
        this.logger.log('warn', 'claim-consumer.infrastructure-failed', { what, attempt, error: errorMessage(e), statusCode: httpStatusOf(e) });
        if (!isTransient(e) || attempt >= this.maxAttempts) throw new UnresolvedError(`${what} failed: ${errorMessage(e)}`);
        await this.clock.sleep(backoffDelayMs(attempt, this.backoff, this.clock.random));
      }
    }
  }

  private async deadLetter(
    resolved: Resolved,
    message: RawStreamMessage,
    claim: ClaimCheck | null,
    reason: DeadLetterReason,
    error: ErrorInfo | null,
    attempts: number,
    base: (claim: ClaimCheck | null, attempts: number) => OutcomeBase,
  ): Promise<void> {
    const record: DeadLetterRecord = {
      claim,
      rawMessage: rawMessageOf(message),
      reason,
      error,
      attempts,
      consumer: { group: this.groupName, instance: this.instanceName },
      time: new Date(this.clock.now()).toISOString(),
      stream: message.stream ?? this.streamId,
      partition: message.partition !== undefined && message.partition !== null ? String(message.partition) : null,
      offset: message.offset,
    };
    let location: string;
    try {
      location = await resolved.sink.write(record);
    } catch (e) {
      this.logger.log('error', 'claim-consumer.dead-letter-failed', { reason, offset: message.offset, error: errorMessage(e) });
      throw new UnresolvedError(`Dead-letter write failed (${reason}, offset ${message.offset}): ${errorMessage(e)}`);
    }
    this.logger.log('warn', 'claim-consumer.dead-lettered', { reason, claimId: claim?.id ?? null, offset: message.offset, location, error: error?.message });
    this.finish({ ...base(claim, attempts), status: 'dead-lettered', reason, error, location });
  }

  private finish(outcome: ClaimOutcome): void {
    const c = this.counters;
    if (outcome.status === 'processed') c.processed++;
    else if (outcome.status === 'dead-lettered') c.deadLettered++;
    else if (outcome.reason === 'object-gone') c.skipped.objectGone++;
    else if (outcome.reason === 'superseded') c.skipped.superseded++;
    else if (outcome.reason === 'duplicate') c.skipped.duplicate++;
    else c.skipped.ownRecord++;
    this.logger.log('debug', 'claim-consumer.outcome', { ...outcome });
    this.emit('outcome', outcome);
  }
}

function validateOptions(o: ClaimCheckConsumerOptions): void {
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
  positiveInt('handlerTimeoutMs', o.handlerTimeoutMs, 2_147_483_647); // setTimeout's limit
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
    problems.push('dedupe is required when dead letters do not go to a bucket ({kind: "bucket", ...}, {kind: "memory"}, a ProcessedClaimStore, or false)');
  }
  if (problems.length > 0) throw new Error(`Invalid ClaimCheckConsumer options: ${problems.join('; ')}`);
}

/**
 * Runs `attempt` with a deadline: past `timeoutMs` its signal aborts and the returned promise rejects with a
 * HandlerTimeoutError, whether or not the attempt honours the signal (a late rejection is swallowed, not left
 * unhandled).
 */
async function withTimeout(timeoutMs: number, attempt: (signal: AbortSignal) => Promise<void>): Promise<void> {
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new HandlerTimeoutError(timeoutMs);
      abort.abort(error);
      reject(error);
    }, timeoutMs);
  });
  const running = (async () => attempt(abort.signal))();
  running.catch(() => undefined);
  try {
    await Promise.race([running, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

function defaultDedupe(deadLetter: ClaimCheckConsumerOptions['deadLetter']): DedupeOption {
  if (isBucketDestination(deadLetter)) return { kind: 'bucket', namespace: deadLetter.namespace, bucket: deadLetter.bucket, prefix: 'claim-check/' };
  throw new Error('dedupe is required when dead letters do not go to a bucket');
}

function isBucketDestination(d: unknown): d is DeadLetterDestination & { kind: 'bucket' } {
  return typeof d === 'object' && d !== null && (d as { kind?: unknown }).kind === 'bucket';
}

function isStreamDestination(d: unknown): d is DeadLetterDestination & { kind: 'stream' } {
  return typeof d === 'object' && d !== null && (d as { kind?: unknown }).kind === 'stream';
}

function isStoreInstance(d: DedupeOption): d is ProcessedClaimStore {
  return typeof d === 'object' && d !== null && typeof (d as ProcessedClaimStore).has === 'function';
}

function bucketKey(namespace: string, bucket: string): string {
  return JSON.stringify([namespace, bucket]);
}

function describeClaim(claim: ClaimCheck): string {
  return `/n/${claim.data.namespace}/b/${claim.data.bucket}/o/${claim.data.object}`;
}

function rawMessageOf(message: RawStreamMessage): DeadLetterRawMessage {
  const key = decodeBase64Text(message.key);
  const text = decodeBase64Text(message.value);
  if (text !== null) {
    try {
      return { key, valueEncoding: 'json', value: JSON.parse(text) };
    } catch {
      // not JSON
    }
  }
  return { key, valueEncoding: 'base64', value: message.value ?? null };
}

/**
 * `opc-meta-*` headers without the prefix. The SDK (2.139.1) returns GetObject's `opcMeta` with the prefixed header
 * names as keys (`{'opc-meta-source': ...}`), although PutObject takes bare keys; accept both.
 */
export function userMetadata(opcMeta: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(opcMeta ?? {})) out[key.toLowerCase().startsWith('opc-meta-') ? key.slice('opc-meta-'.length) : key] = value;
  return out;
}

/** The SDK hands out a web ReadableStream (native fetch) or, with a custom agent, a Node Readable. */
export function toReadable(value: unknown): Readable {
  if (value instanceof Readable) return value;
  if (value && typeof (value as { getReader?: unknown }).getReader === 'function') {
    return Readable.fromWeb(value as NodeWebReadableStream<Uint8Array>);
  }
  if (typeof value === 'string' || value instanceof Uint8Array) return Readable.from([Buffer.from(value)]);
  if (value === undefined || value === null) return Readable.from([]);
  throw new TypeError(`Unexpected GetObject body type: ${Object.prototype.toString.call(value)}`);
}
