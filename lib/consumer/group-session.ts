/**
 * This instance's membership in the consumer group: the group cursor, the GET pacing, heartbeats and commits.
 *
 * The cursor chain (OCI Streaming, "Consumer groups" and the ConsumerHeartbeat/ConsumerCommit API reference): every
 * GetMessages, ConsumerHeartbeat and ConsumerCommit answers with a fresh cursor, and the next call must use the
 * newest one ("Each subsequent request should use the value returned in the previous response"). A cursor expires
 * 5 minutes after it was issued, so a batch that takes longer than that can only be committed with a cursor that a
 * heartbeat renewed. The session therefore keeps exactly one current cursor, replaces it with every answer, and
 * runs heartbeats and commits one at a time so neither uses a cursor the other already replaced. The cursor a
 * heartbeat returns still stands for the positions of the batch being processed: committing it commits that batch.
 */
import { backoffDelayMs } from '../runtime/backoff';
import { errorMessage, httpStatusOf } from '../runtime/errors';
import { isRetryable } from '../runtime/retryability';
import type { RawStreamMessage } from '../contract';
import type { StreamApi } from './clients';
import { ConsumerFatalError } from './errors';
import type { ConsumerSettings } from './options';

export interface GroupSessionOptions {
  stream: StreamApi;
  streamId: string;
  groupName: string;
  instanceName: string;
  settings: ConsumerSettings;
  /** Aborted by `stop()`: ends waits for the next GET and cursor re-creation. */
  stopSignal: AbortSignal;
  onHeartbeatFailure: () => void;
}

export class GroupSession {
  /** Bumped whenever a new group cursor is created: the partitions this instance holds may have changed. */
  generation = 0;
  private cursor: string | null = null;
  private lastGetAt = Number.NEGATIVE_INFINITY;
  private queue: Promise<unknown> = Promise.resolve();
  private lostBecause: string | null = null;

  constructor(private readonly o: GroupSessionOptions) {}

  get hasCursor(): boolean {
    return this.cursor !== null;
  }

  /** Why the group no longer accepts this instance's cursor (a heartbeat was refused), or null. */
  get lost(): string | null {
    return this.lostBecause;
  }

  /**
   * Joins the group with a new group cursor (resuming at the group's committed offsets). Transient failures are
   * retried with backoff until `stop()`; returns false when stopped first. Throws ConsumerFatalError when the
   * stream or the group refuses the instance for good (unknown stream, authentication or authorization).
   */
  async open(): Promise<boolean> {
    const { settings, stopSignal } = this.o;
    for (let failures = 0; !stopSignal.aborted; ) {
      try {
        const response = await this.o.stream.createGroupCursor({
          streamId: this.o.streamId,
          createGroupCursorDetails: {
            groupName: this.o.groupName,
            instanceName: this.o.instanceName,
            type: settings.initialPosition as never,
            commitOnGet: false,
            timeoutInMs: settings.groupCursorTimeoutMs,
          },
        });
        this.cursor = response.cursor.value;
        this.lostBecause = null;
        this.generation++;
        settings.logger.log('info', 'group-cursor', { stream: this.o.streamId, group: this.o.groupName, instance: this.o.instanceName });
        return true;
      } catch (e) {
        if (!isRetryable(e)) {
          throw new ConsumerFatalError(`Cannot create a group cursor on stream ${this.o.streamId} for group ${this.o.groupName}: ${errorMessage(e)}`, e);
        }
        failures++;
        settings.logger.log('warn', 'group-cursor-failed', { error: errorMessage(e), attempt: failures });
        await settings.clock.sleep(backoffDelayMs(failures, settings.backoff, settings.clock.random), stopSignal);
      }
    }
    return false;
  }

  /**
   * The next batch (possibly empty), paced to `minGetIntervalMs`. Returns null when GetMessages failed (an expired
   * or invalid cursor after a rebalance, or a failure the SDK's retries did not overcome): the cursor is dropped,
   * and the next `open()` resumes at the group's committed offsets, which is exactly where this instance stands.
   */
  async next(): Promise<RawStreamMessage[] | null> {
    const { settings, stopSignal } = this.o;
    const wait = this.lastGetAt + settings.minGetIntervalMs - settings.clock.now();
    if (wait > 0) await settings.clock.sleep(wait, stopSignal);
    if (stopSignal.aborted || this.cursor === null) return [];
    this.lastGetAt = settings.clock.now();
    try {
      const response = await this.serialized(() => this.o.stream.getMessages({ streamId: this.o.streamId, cursor: this.cursor!, limit: settings.batchLimit }));
      if (response.opcNextCursor) this.cursor = response.opcNextCursor;
      return response.items ?? [];
    } catch (e) {
      settings.logger.log('warn', 'get-messages-failed', { error: errorMessage(e), statusCode: httpStatusOf(e) });
      this.cursor = null;
      return null;
    }
  }

  /**
   * Heartbeats every third of the group cursor timeout while a batch is processed, each with the newest cursor;
   * a failed one is retried sooner (backoff, capped at the interval). A refused one (the cursor is invalid: the
   * reservation is gone) marks the session lost, so the batch stops starting new claims and is not committed.
   * `stop()` ends them and resolves when a heartbeat still in flight has settled.
   */
  startHeartbeats(): { stop(): Promise<void> } {
    const { settings } = this.o;
    const interval = Math.max(100, Math.floor(settings.groupCursorTimeoutMs / 3));
    let stopped = false;
    let failures = 0;
    let timer: NodeJS.Timeout | undefined;
    let beating: Promise<void> = Promise.resolve();
    const schedule = (delay: number): void => {
      if (stopped) return;
      timer = setTimeout(() => {
        beating = this.beat().then((ok) => {
          failures = ok ? 0 : failures + 1;
          schedule(ok ? interval : Math.min(interval, Math.max(50, backoffDelayMs(failures, settings.backoff, settings.clock.random))));
        });
      }, delay);
      timer.unref?.();
    };
    schedule(interval);
    return {
      stop: () => {
        stopped = true;
        clearTimeout(timer);
        return beating;
      },
    };
  }

  /** Commits the batch the current cursor stands for; on success continues from the cursor the commit returns. */
  async commit(): Promise<boolean> {
    const { settings } = this.o;
    for (let attempt = 1; attempt <= 3 && this.cursor !== null; attempt++) {
      try {
        const response = await this.serialized(() => this.o.stream.consumerCommit({ streamId: this.o.streamId, cursor: this.cursor! }));
        if (response.cursor?.value) this.cursor = response.cursor.value;
        return true;
      } catch (e) {
        settings.logger.log('warn', 'commit-failed', { error: errorMessage(e), statusCode: httpStatusOf(e), attempt });
        if (!isRetryable(e)) break;
        // Not cut short by stop(): the final commit of a stopping consumer is worth its short retries.
        if (attempt < 3) await settings.clock.sleep(Math.min(1_000, backoffDelayMs(attempt, settings.backoff, settings.clock.random)));
      }
    }
    this.cursor = null;
    return false;
  }

  /** Forgets the cursor: the next `open()` resumes at the group's committed offsets. */
  drop(): void {
    this.cursor = null;
  }

  private async beat(): Promise<boolean> {
    if (this.cursor === null || this.lostBecause !== null) return true;
    try {
      const response = await this.serialized(() => this.o.stream.consumerHeartbeat({ streamId: this.o.streamId, cursor: this.cursor! }));
      if (response.cursor?.value) this.cursor = response.cursor.value;
      return true;
    } catch (e) {
      this.o.onHeartbeatFailure();
      const refused = !isRetryable(e);
      this.o.settings.logger.log(refused ? 'error' : 'warn', 'heartbeat-failed', { error: errorMessage(e), statusCode: httpStatusOf(e), refused });
      if (refused) this.lostBecause = `heartbeat refused: ${errorMessage(e)}`;
      return refused; // a refused heartbeat is final for this cursor; only transient failures are retried sooner
    }
  }

  /** Runs cursor-using calls one at a time, each reading the cursor only when its turn comes. */
  private serialized<T>(call: () => Promise<T>): Promise<T> {
    const result = this.queue.then(call);
    this.queue = result.catch(() => undefined);
    return result;
  }
}
