/**
 * Exponential backoff with full jitter: delay = random() × min(maxDelay, baseDelay × 2^(failures−1))
 * (https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/). Time and randomness are injectable so
 * the consumer's retry behaviour can be tested without waiting.
 */

export interface BackoffPolicy {
  /** Ceiling of the first delay. */
  baseDelayMs: number;
  /** No delay is longer than this. */
  maxDelayMs: number;
}

export interface ConsumerClock {
  now(): number;
  /** Resolves after `ms`, or early (without rejecting) when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Uniform in [0, 1). */
  random(): number;
}

export const systemClock: ConsumerClock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      if (signal?.aborted || ms <= 0) {
        resolve();
        return;
      }
      const onAbort = (): void => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
  random: () => Math.random(),
};

/** The delay before retry number `failures` (1 = after the first failure). Always in [0, ceiling). */
export function backoffDelayMs(failures: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(0, failures - 1), 30);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
  return Math.floor(random() * ceiling);
}
