/**
 * Gives one message its final outcome, in bounded time:
 *
 *   parse → allowlist → own record? → decided before (ledger, per-claim store)? → up to `maxAttempts` attempts of
 *   [look at the object (GetObject if-match etag; HEAD for a delete) → handler] with backoff → dead letter
 *
 * A failed fetch and a failed handler both use up an attempt, so a poison claim (403 from a policy gap, a bucket
 * deleted since, a handler that always throws) is dead-lettered with its last error and the partition moves on.
 * The only ways to end without an outcome (UnresolvedError: the batch is not committed and is delivered again) are
 * the consumer's own state failing (a dead letter or a dedupe lookup that cannot be done) and stopping.
 */
import type { Readable } from 'node:stream';
import { backoffDelayMs } from '../runtime/backoff';
import { withTimeout } from '../runtime/deadline';
import { errorMessage, httpStatusOf } from '../runtime/errors';
import { isRetryable } from '../runtime/retryability';
import { ClaimCheck, parseClaimMessage, RawStreamMessage } from '../contract';
import type { ClaimLedger } from './claim-ledger';
import type { ObjectStorageApi } from './clients';
import { deadLetterRecordOf } from './dead-letter-record';
import type { DeadLetterReason, DeadLetterSink } from './dead-letter';
import { dedupeKey, ProcessedClaimStore } from './dedupe';
import { ConsumerStoppingError, errorInfo, ErrorInfo, HandlerTimeoutError, UnresolvedError } from './errors';
import { deleteClaimState, fetchClaimObject } from './object-fetcher';
import type { ConsumerSettings } from './options';
import type { BucketRef, ClaimHandler, ClaimObject, ClaimOutcome, ConsumerStats, OutcomeBase, PreviousStatus } from './types';

export interface MessageProcessorOptions {
  objectStorage: ObjectStorageApi;
  sink: DeadLetterSink;
  /** Null with `dedupe: false`: every delivery reaches the handler. */
  ledger: ClaimLedger | null;
  /** The opt-in per-claim store (markers or your own). */
  store: ProcessedClaimStore | null;
  /** Object prefixes (per bucket) holding the consumer's own records; claims for them are skipped. */
  ownPrefixes: ReadonlyArray<BucketRef & { prefix: string }>;
  isAllowed(namespace: string, bucket: string): boolean;
  handler: ClaimHandler;
  settings: ConsumerSettings;
  streamId: string;
  groupName: string;
  instanceName: string;
  counters: ConsumerStats;
  /** Counts and announces an outcome. */
  report(outcome: ClaimOutcome): void;
}

/** How the processing of one message may be cut short. */
export interface Interruption {
  /** True once `stop()` was called: no new attempt starts; waits between attempts end at once. */
  stopping(): boolean;
  /** Aborted by `stop()`: wakes the sleeps between attempts. */
  stopSignal: AbortSignal;
  /** Aborted when the stop grace period is over: in-flight handlers are abandoned. */
  graceOver: AbortSignal;
}

type Attempt = { kind: 'done' } | { kind: 'failed'; reason: 'fetch-failed' | 'handler-failed'; error: unknown };

export class MessageProcessor {
  constructor(private readonly o: MessageProcessorOptions) {}

  /** Resolves once the message has its outcome; throws UnresolvedError when it cannot get one now. */
  async process(message: RawStreamMessage, interruption: Interruption): Promise<void> {
    const { o } = this;
    const started = o.settings.clock.now();
    o.counters.received++;
    const partition = message.partition !== undefined && message.partition !== null ? String(message.partition) : null;
    const base = (claim: ClaimCheck | null, attempts: number): OutcomeBase => ({
      claimId: claim?.id ?? null,
      object: claim ? { namespace: claim.data.namespace, bucket: claim.data.bucket, name: claim.data.object } : null,
      eventType: claim?.data.eventType ?? null,
      partition,
      offset: message.offset,
      attempts,
      durationMs: o.settings.clock.now() - started,
    });
    const conclude = (outcome: ClaimOutcome, key: string | null): void => {
      const status: PreviousStatus = outcome.status === 'skipped' && outcome.reason === 'duplicate' ? outcome.previous : outcome.status;
      o.ledger?.record(message, key, status);
      o.report(outcome);
    };

    const parsed = parseClaimMessage(message);
    if (!parsed.ok) {
      const previous = o.ledger?.previous(message, null) ?? null;
      if (previous !== null) return conclude({ ...base(null, 0), status: 'skipped', reason: 'duplicate', previous }, null);
      const location = await this.deadLetter(message, null, 'malformed-claim', { name: 'MalformedClaim', message: parsed.error }, 0);
      return conclude({ ...base(null, 0), status: 'dead-lettered', reason: 'malformed-claim', error: { name: 'MalformedClaim', message: parsed.error }, location }, null);
    }
    const claim = parsed.claim;
    const key = dedupeKey(claim);
    const { namespace, bucket, object } = claim.data;
    const previous = o.ledger?.previous(message, key) ?? null;
    if (previous !== null) return conclude({ ...base(claim, 0), status: 'skipped', reason: 'duplicate', previous }, key);

    if (!o.isAllowed(namespace, bucket)) {
      const error = { name: 'BucketNotAllowed', message: `The claim refers to /n/${namespace}/b/${bucket}, which is not in allowedBuckets` };
      const location = await this.deadLetter(message, claim, 'bucket-not-allowed', error, 0);
      return conclude({ ...base(claim, 0), status: 'dead-lettered', reason: 'bucket-not-allowed', error, location }, key);
    }
    if (o.ownPrefixes.some((p) => p.namespace === namespace && p.bucket === bucket && object.startsWith(p.prefix))) {
      // Our own dead letter or state record landed in a watched bucket and came back as a claim.
      return conclude({ ...base(claim, 0), status: 'skipped', reason: 'own-record' }, key);
    }
    if (o.store && (await this.lookup(o.store, key, claim, interruption))) {
      return conclude({ ...base(claim, 0), status: 'skipped', reason: 'duplicate', previous: 'processed' }, key);
    }

    let last: Attempt = { kind: 'done' };
    for (let attempt = 1; attempt <= o.settings.maxAttempts; attempt++) {
      if (attempt > 1 && interruption.stopping()) throw new UnresolvedError(`Stopped before attempt ${attempt} of ${describeClaim(claim)}`);
      const result = await this.attempt(claim, message, partition, attempt, parsed.action === 'deleteobject', interruption);
      if ('status' in result) return conclude({ ...base(claim, attempt - 1), status: 'skipped', reason: result.status }, key);
      last = result;
      if (result.kind === 'done') {
        await this.mark(claim, key, 'processed');
        return conclude({ ...base(claim, attempt), status: 'processed' }, key);
      }
      if (attempt < o.settings.maxAttempts) {
        await o.settings.clock.sleep(backoffDelayMs(attempt, o.settings.backoff, o.settings.clock.random), interruption.stopSignal);
      }
    }
    if (last.kind !== 'failed') throw new Error('unreachable: no attempt was made');
    const error = errorInfo(last.error);
    const location = await this.deadLetter(message, claim, last.reason, error, o.settings.maxAttempts);
    await this.mark(claim, key, 'dead-lettered');
    return conclude({ ...base(claim, o.settings.maxAttempts), status: 'dead-lettered', reason: last.reason, error, location }, key);
  }

  /** One attempt: look at the object, then run the handler. */
  private async attempt(
    claim: ClaimCheck,
    message: RawStreamMessage,
    partition: string | null,
    attempt: number,
    isDelete: boolean,
    interruption: Interruption,
  ): Promise<Attempt | { status: 'object-gone' | 'superseded' }> {
    const { o } = this;
    let object: ClaimObject | undefined;
    try {
      if (isDelete) {
        if ((await deleteClaimState(o.objectStorage, claim)) === 'superseded') return { status: 'superseded' };
      } else {
        const fetched = await fetchClaimObject(o.objectStorage, claim);
        if (fetched.kind === 'skip') return { status: fetched.reason };
        object = fetched.object;
      }
    } catch (e) {
      o.counters.fetchFailures++;
      this.logFailure('fetch-failed', claim, attempt, e);
      return { kind: 'failed', reason: 'fetch-failed', error: e };
    }
    const body: Readable | undefined = object?.body;
    try {
      const { handlerTimeoutMs, maxAttempts } = o.settings;
      await withTimeout(
        handlerTimeoutMs,
        (signal) => o.handler(claim, object, { attempt, maxAttempts, partition, offset: message.offset, group: o.groupName, instance: o.instanceName, signal }),
        { signal: interruption.graceOver, timeoutError: () => new HandlerTimeoutError(handlerTimeoutMs) },
      );
      return { kind: 'done' };
    } catch (e) {
      if (e instanceof ConsumerStoppingError) throw new UnresolvedError(`Abandoned ${describeClaim(claim)}: ${e.message}`);
      o.counters.handlerFailures++;
      this.logFailure('handler-failed', claim, attempt, e ?? new Error('Handler rejected without a reason'));
      return { kind: 'failed', reason: 'handler-failed', error: e ?? new Error('Handler rejected without a reason') };
    } finally {
      // Never leave a response body open: it would hold the connection (and its buffers) until GC.
      if (body && !body.readableEnded && !body.destroyed) body.destroy();
    }
  }

  private logFailure(event: string, claim: ClaimCheck, attempt: number, error: unknown): void {
    const { maxAttempts } = this.o.settings;
    this.o.settings.logger.log(attempt < maxAttempts ? 'warn' : 'error', event, {
      claimId: claim.id,
      object: describeClaim(claim),
      attempt,
      maxAttempts,
      error: errorMessage(error),
      statusCode: httpStatusOf(error),
    });
  }

  /** The per-claim store's answer, retried on transient failures; a lasting failure leaves the message unresolved. */
  private async lookup(store: ProcessedClaimStore, key: string, claim: ClaimCheck, interruption: Interruption): Promise<boolean> {
    const { settings } = this.o;
    for (let attempt = 1; ; attempt++) {
      try {
        return await store.has(key);
      } catch (e) {
        settings.logger.log('warn', 'dedupe-check-failed', { object: describeClaim(claim), attempt, error: errorMessage(e) });
        if (!isRetryable(e) || attempt >= settings.maxAttempts || interruption.stopping()) {
          throw new UnresolvedError(`Dedupe check for ${describeClaim(claim)} failed: ${errorMessage(e)}`);
        }
        await settings.clock.sleep(backoffDelayMs(attempt, settings.backoff, settings.clock.random), interruption.stopSignal);
      }
    }
  }

  private async mark(claim: ClaimCheck, key: string, status: 'processed' | 'dead-lettered'): Promise<void> {
    const { o } = this;
    if (!o.store) return;
    try {
      await o.store.markProcessed(key, {
        claimId: claim.id,
        namespace: claim.data.namespace,
        bucket: claim.data.bucket,
        object: claim.data.object,
        etag: claim.data.etag,
        eventType: claim.data.eventType,
        group: o.groupName,
        instance: o.instanceName,
        time: new Date(o.settings.clock.now()).toISOString(),
        status,
      });
    } catch (e) {
      // The outcome stands (the ledger has it for this batch): redoing the batch for a missing marker would run the
      // handler again for sure, while going on only risks it for a later duplicate of this one claim.
      o.counters.markerFailures++;
      o.settings.logger.log('error', 'marker-failed', { claimId: claim.id, object: describeClaim(claim), error: errorMessage(e) });
    }
  }

  private async deadLetter(message: RawStreamMessage, claim: ClaimCheck | null, reason: DeadLetterReason, error: ErrorInfo | null, attempts: number): Promise<string> {
    const { o } = this;
    const record = deadLetterRecordOf(message, claim, reason, error, attempts, {
      group: o.groupName,
      instance: o.instanceName,
      streamId: o.streamId,
      now: o.settings.clock.now(),
    });
    try {
      const location = await o.sink.write(record);
      o.settings.logger.log('warn', 'dead-lettered', { reason, claimId: claim?.id ?? null, offset: message.offset, location, error: error?.message });
      return location;
    } catch (e) {
      o.settings.logger.log('error', 'dead-letter-failed', { reason, offset: message.offset, error: errorMessage(e) });
      throw new UnresolvedError(`Dead-letter write failed (${reason}, offset ${message.offset}): ${errorMessage(e)}`);
    }
  }
}

export function describeClaim(claim: ClaimCheck): string {
  return `/n/${claim.data.namespace}/b/${claim.data.bucket}/o/${claim.data.object}`;
}
