/**
 * The reconciler's names for the product's shared runtime toolkit (lib/runtime: clock, backoff, the retry rule per
 * OCI status and code, reading SDK errors, the structured log sink), and the two pacers that are its own.
 */
import type { Clock } from '../runtime/clock';
import { jsonLinesLogger, LogSink, namespaced } from '../runtime/logger';

export { backoffDelayMs as backoffMs } from '../runtime/backoff';
export { systemClock as systemReconcilerClock } from '../runtime/clock';
export { errorMessage as describeError, httpStatusOf, serviceCodeOf } from '../runtime/errors';
/** Worth trying again: the shared rule (lib/runtime/retryability.ts). */
export { isRetryable as isTransient } from '../runtime/retryability';
export type { LogLevel as ReconcilerLogLevel } from '../runtime/logger';

/** Time as a dependency, so tests can pace and back off without waiting. */
export type ReconcilerClock = Clock;

/** Where the reconciler's structured lines go: one event name and a few fields (any LogSink). */
export type ReconcilerLogger = LogSink;

/** JSON lines on stderr, `warn` and above, as `claim-reconciler.<event>` (progress goes through `onProgress`). */
export const defaultReconcilerLogger: ReconcilerLogger = namespaced(jsonLinesLogger({ level: 'warn' }), 'claim-reconciler');

/**
 * Keeps calls at least `intervalMs` apart (a rate of 1000/intervalMs per second); 0 = no limit. `wait()` resolves
 * when the next call may be made and books that slot.
 */
export class Pacer {
  private next = 0;

  constructor(
    private readonly intervalMs: number,
    private readonly clock: ReconcilerClock,
  ) {}

  async wait(signal?: AbortSignal): Promise<void> {
    if (this.intervalMs <= 0) return;
    const now = this.clock.now();
    const at = Math.max(now, this.next);
    this.next = at + this.intervalMs;
    await this.clock.sleep(at - now, signal);
  }
}

/**
 * A byte budget per second (a token bucket refilled continuously, holding at most one second's worth); 0 = no limit.
 * `take(n)` waits until `n` bytes may be sent. A request larger than a second's budget waits for a full bucket and
 * then drives it negative, so the average rate still holds.
 */
export class BytePacer {
  private tokens: number;
  private last: number;

  constructor(
    private readonly bytesPerSecond: number,
    private readonly clock: ReconcilerClock,
  ) {
    this.tokens = bytesPerSecond;
    this.last = clock.now();
  }

  async take(bytes: number, signal?: AbortSignal): Promise<void> {
    if (this.bytesPerSecond <= 0) return;
    this.refill();
    const need = Math.min(bytes, this.bytesPerSecond);
    if (this.tokens < need) {
      await this.clock.sleep(Math.ceil(((need - this.tokens) * 1000) / this.bytesPerSecond), signal);
      this.refill();
    }
    this.tokens -= bytes;
  }

  private refill(): void {
    const now = this.clock.now();
    this.tokens = Math.min(this.bytesPerSecond, this.tokens + ((now - this.last) * this.bytesPerSecond) / 1000);
    this.last = now;
  }
}
