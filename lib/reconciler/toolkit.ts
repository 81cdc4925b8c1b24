/**
 * The few helpers the reconciler needs: a clock, exponential backoff with full jitter, reading SDK errors, a
 * structured log sink. Kept tiny and private on purpose: lib/runtime/ is growing the product's shared toolkit
 * (clock, backoff, errors, logger); once that is committed the reconciler should switch to it and this file go.
 */

/** Time as a dependency, so tests can pace and back off without waiting. */
export interface ReconcilerClock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms` (at once when `ms <= 0`), or early when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Uniform in [0, 1). */
  random(): number;
}

export const systemReconcilerClock: ReconcilerClock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      if (ms <= 0 || signal?.aborted) return resolve();
      const done = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal?.addEventListener('abort', done, { once: true });
    }),
  random: () => Math.random(),
};

/** Delay before retry number `failures` (1 = after the first failure): random() × min(max, base × 2^(failures−1)). */
export function backoffMs(failures: number, policy: { baseDelayMs: number; maxDelayMs: number }, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(Math.max(0, failures - 1), 30));
  return Math.floor(random() * ceiling);
}

/** The HTTP status of an OCI SDK error (`OciError.statusCode`), or null when there was no answer at all. */
export function httpStatusOf(error: unknown): number | null {
  const status = (error as { statusCode?: unknown } | null | undefined)?.statusCode;
  return typeof status === 'number' && status >= 100 ? status : null;
}

/** The OCI service code of an SDK error, or null (also for the "None" of body-less answers). */
export function serviceCodeOf(error: unknown): string | null {
  const code = (error as { serviceCode?: unknown } | null | undefined)?.serviceCode;
  return typeof code === 'string' && code !== '' && code !== 'None' ? code : null;
}

/** Worth trying again: no answer at all (network), throttling (429), a timeout (408), a conflict (409) or a 5xx. */
export function isTransient(error: unknown): boolean {
  const status = httpStatusOf(error);
  return status === null || status === 429 || status === 408 || status === 409 || status >= 500;
}

/** One line for an error: status, service code, message, opc-request-id. */
export function describeError(error: unknown): string {
  if (error && typeof error === 'object') {
    const { message, code, opcRequestId } = error as Record<string, unknown>;
    const status = httpStatusOf(error);
    const parts = [
      status !== null ? `HTTP ${status}` : null,
      serviceCodeOf(error) ?? (typeof code === 'string' && code !== '' ? code : null),
      typeof message === 'string' && message !== '' ? message : null,
    ].filter((p): p is string => p !== null);
    const text = parts.join(' ') || String(error);
    return typeof opcRequestId === 'string' && opcRequestId !== '' ? `${text} [opc-request-id ${opcRequestId}]` : text;
  }
  return String(error);
}

export type ReconcilerLogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Where the reconciler's structured lines go: one event name (`claim-reconciler.<event>`) and a few fields. */
export interface ReconcilerLogger {
  log(level: ReconcilerLogLevel, event: string, fields?: Record<string, unknown>): void;
}

/** JSON lines on stderr, `warn` and above (progress is reported through `onProgress`, not the log). */
export const defaultReconcilerLogger: ReconcilerLogger = {
  log(level, event, fields = {}) {
    if (level === 'debug' || level === 'info') return;
    process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level, event: `claim-reconciler.${event}`, ...fields })}\n`);
  },
};

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
