/**
 * Publishes the reconciler's claims to the stream, never dropping one: PutMessages requests of at most 1 MiB of
 * keys and values ("The maximum size of any single request is 1 MB. A request's size is the sum of its keys and
 * messages after they've been decoded from Base64", Limits on Streaming Resources,
 * https://docs.oracle.com/iaas/Content/Streaming/Concepts/streamingoverview_topic-Limits_on_Streaming_Resources.htm,
 * STREAMING_LIMITS in lib/contract), paced to `bytesPerSecond` (a partition takes "a total data write rate of 1 MB
 * per second", same page, and the event path writes to the same partitions).
 *
 * PutMessages answers HTTP 200 even when entries failed: each entry is `{partition, offset}` or `{error,
 * errorMessage}` (PutMessages API reference, https://docs.oracle.com/iaas/api/#/en/streaming/20180418/Message/PutMessages).
 * Failed entries are sent again (only they), a throttled or failed request again as a whole, with exponential
 * backoff and full jitter, until `retryTimeoutMs` has passed without success; then `publish` throws and the caller
 * must not move its position past these claims.
 */
import * as common from 'oci-common';
import { STREAMING_LIMITS, StreamMessage } from '../contract';
import { ClaimCheckError } from '../runtime/errors';
import type { ReconcilerStreamApi } from './clients';
import { backoffMs, BytePacer, describeError, isTransient, ReconcilerClock, ReconcilerLogger } from './toolkit';

/** The SDK makes one attempt at PutMessages anyway; pinning it keeps a global SDK retry default from doubling ours. */
const ONE_ATTEMPT: common.RetryConfiguration = { terminationStrategy: new common.MaxAttemptsTerminationStrategy(1) };

export interface ClaimPublisherOptions {
  stream: ReconcilerStreamApi;
  streamId: string;
  bytesPerSecond: number;
  retryTimeoutMs: number;
  backoff: { baseDelayMs: number; maxDelayMs: number };
  clock: ReconcilerClock;
  logger: ReconcilerLogger;
  /** Request size limit (keys + values). @default STREAMING_LIMITS.maxRequestBytes */
  maxRequestBytes?: number;
}

/**
 * The claims could not all be published in time; none of the batch may be considered published. Code
 * `PublishFailed`; retriable when only the retry budget ran out (a later pass may succeed), not when PutMessages
 * refused the request.
 */
export class PublishFailedError extends ClaimCheckError {
  constructor(message: string, readonly unpublished: number, retriable = false) {
    super(message, { code: 'PublishFailed', retriable });
    this.name = 'PublishFailedError';
  }
}

export class ClaimPublisher {
  private readonly pacer: BytePacer;
  /** Requests sent (including retries), entries retried. */
  readonly stats = { requests: 0, retriedEntries: 0, failedRequests: 0 };

  constructor(private readonly o: ClaimPublisherOptions) {
    this.pacer = new BytePacer(o.bytesPerSecond, o.clock);
  }

  /** Publishes every message (in batches of at most maxRequestBytes), or throws PublishFailedError. */
  async publish(messages: readonly StreamMessage[], signal?: AbortSignal): Promise<void> {
    for (const batch of batches(messages, this.o.maxRequestBytes ?? STREAMING_LIMITS.maxRequestBytes)) await this.publishBatch(batch, signal);
  }

  private async publishBatch(batch: readonly StreamMessage[], signal?: AbortSignal): Promise<void> {
    const giveUpAt = this.o.clock.now() + this.o.retryTimeoutMs;
    let pending = [...batch];
    for (let failures = 0; ; ) {
      await this.pacer.take(sizeOf(pending), signal);
      let lastProblem: string;
      try {
        this.stats.requests++;
        const response = await this.o.stream.putMessages({
          streamId: this.o.streamId,
          putMessagesDetails: { messages: pending.map((m) => ({ key: m.key.toString('base64'), value: m.value.toString('base64') })) },
          retryConfiguration: ONE_ATTEMPT,
        });
        const entries = response.putMessagesResult.entries ?? [];
        if (entries.length !== pending.length) {
          // Nothing says which ones landed: send them all again (consumers dedupe a claim that arrives twice).
          lastProblem = `PutMessages answered ${entries.length} entries for ${pending.length} messages`;
        } else {
          const failed = pending.filter((_, i) => entries[i].error !== undefined && entries[i].error !== null);
          if (failed.length === 0) return;
          const first = entries.find((e) => e.error)!;
          lastProblem = `${failed.length} of ${pending.length} entries failed: ${first.error}${first.errorMessage ? ` (${first.errorMessage})` : ''}`;
          this.stats.retriedEntries += failed.length;
          pending = failed;
        }
      } catch (e) {
        if (!isTransient(e)) throw new PublishFailedError(`PutMessages refused: ${describeError(e)}`, pending.length);
        lastProblem = describeError(e);
      }
      failures++;
      this.stats.failedRequests++;
      const delay = backoffMs(failures, this.o.backoff, () => this.o.clock.random());
      if (this.o.clock.now() + delay > giveUpAt || signal?.aborted) {
        throw new PublishFailedError(`Claims not published after ${failures} attempts: ${lastProblem}`, pending.length, true);
      }
      this.o.logger.log('warn', 'publish-retry', { attempt: failures, messages: pending.length, problem: lastProblem, delayMs: delay });
      await this.o.clock.sleep(delay, signal);
    }
  }
}

/** Splits messages into requests of at most `maxBytes` of keys and values (a message alone is always under it). */
export function batches(messages: readonly StreamMessage[], maxBytes: number): StreamMessage[][] {
  const out: StreamMessage[][] = [];
  let current: StreamMessage[] = [];
  let bytes = 0;
  for (const message of messages) {
    const size = message.key.length + message.value.length;
    if (current.length > 0 && bytes + size > maxBytes) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(message);
    bytes += size;
  }
  if (current.length > 0) out.push(current);
  return out;
}

function sizeOf(messages: readonly StreamMessage[]): number {
  return messages.reduce((sum, m) => sum + m.key.length + m.value.length, 0);
}
