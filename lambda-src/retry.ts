/**
 * Deadline-bounded retry with exponential backoff and full jitter
 * (delay = random() × min(maxDelay, baseDelay × 2^(failures−1)); see
 * https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/).
 *
 * Why bounded by the deadline and not by an attempt count: a claim that is not acknowledged must fail the
 * invocation so OCI Events redelivers the event, and Fn kills the container at `Fn-Deadline`. So we keep trying
 * while time remains (minus a margin to send the 502 ourselves), and stop early only on a non-retryable error or
 * when the optional attempt cap (PUBLISH_MAX_ATTEMPTS) is reached. Time and randomness are injected for tests.
 */
import { PublishError } from './errors';

export interface RetryPolicy {
  baseDelayMs: number;
  maxDelayMs: number;
  /** Upper bound on attempts; null = as many as the deadline allows. */
  maxAttempts: number | null;
  /** Each attempt is abandoned after this long (or when the budget ends, if sooner). */
  attemptTimeoutMs: number;
  /** Do not start an attempt with less time than this left. */
  minAttemptMs: number;
  /** Stop this long before `Fn-Deadline` so the failure response reaches Fn before it kills the container. */
  deadlineSafetyMarginMs: number;
  /** Budget used when the request has no `Fn-Deadline` (OCI's default function timeout is 30 s). */
  defaultBudgetMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  baseDelayMs: 100,
  maxDelayMs: 2_000,
  maxAttempts: null,
  attemptTimeoutMs: 10_000,
  minAttemptMs: 200,
  deadlineSafetyMarginMs: 1_000,
  defaultBudgetMs: 30_000,
};

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
  /** A cancellable timer (attempt timeouts must not keep a finished invocation's timers alive). */
  timer(ms: number): { expired: Promise<void>; cancel(): void };
  /** Uniform in [0, 1). */
  random(): number;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  timer: (ms) => {
    let handle: NodeJS.Timeout | undefined;
    const expired = new Promise<void>((resolve) => {
      handle = setTimeout(resolve, ms);
    });
    return { expired, cancel: () => clearTimeout(handle) };
  },
  random: () => Math.random(),
};

/** What went wrong in one attempt, as far as retrying is concerned. */
export interface AttemptFailure {
  retryable: boolean;
  /** HTTP status when there was one (per-entry failures and network errors have none). */
  statusCode: number | null;
  message: string;
  /**
   * A likely cause to name in the final error if the retries end on this failure (not in each retry log line),
   * e.g. IAM policy propagation for a 404 from PutMessages.
   */
  hint?: string;
}

export interface RetryOptions {
  policy: RetryPolicy;
  clock: Clock;
  /** `Fn-Deadline`; null or invalid → now + defaultBudgetMs. */
  deadline: Date | null;
  classify(error: unknown): AttemptFailure;
  onRetry?(info: { attempt: number; delayMs: number; failure: AttemptFailure }): void;
}

/** Full-jitter backoff before retry number `failures` (1 = after the first failure). */
export function backoffDelayMs(failures: number, policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, failures - 1));
  return Math.floor(random() * ceiling);
}

/** The moment we must stop trying, in epoch ms. */
export function budgetEndMs(deadline: Date | null, policy: RetryPolicy, now: number): number {
  const deadlineMs = deadline?.getTime();
  if (deadlineMs === undefined || Number.isNaN(deadlineMs)) return now + policy.defaultBudgetMs;
  return deadlineMs - policy.deadlineSafetyMarginMs;
}

/**
 * Runs `attempt(n, timeoutMs)` until it resolves. Throws PublishError when a failure is not retryable, the attempt
 * cap is reached, or the budget is spent. Each attempt is raced against its timeout; a timed-out attempt counts
 * as a retryable failure (its request may still land: delivery is at-least-once, consumers dedupe on the id).
 */
export async function retryUntilDeadline<T>(
  attempt: (attemptNumber: number, timeoutMs: number) => Promise<T>,
  options: RetryOptions,
): Promise<{ value: T; attempts: number }> {
  const { policy, clock } = options;
  const end = budgetEndMs(options.deadline, policy, clock.now());
  let attempts = 0;
  for (;;) {
    const remaining = end - clock.now();
    if (attempts === 0 && remaining <= 0) {
      throw new PublishError('No time left before the invocation deadline; nothing was attempted', 0, true, null, new Date(end));
    }
    attempts += 1;
    let failure: AttemptFailure;
    try {
      const timeoutMs = Math.max(1, Math.min(policy.attemptTimeoutMs, remaining));
      const value = await withTimeout(attempt(attempts, timeoutMs), timeoutMs, clock);
      return { value, attempts };
    } catch (error) {
      failure = options.classify(error);
    }
    const describeLast =
      `${failure.message}${failure.statusCode !== null ? ` (HTTP ${failure.statusCode})` : ''}${failure.hint ? `. ${failure.hint}` : ''}`;
    if (!failure.retryable) {
      throw new PublishError(`Non-retryable failure on attempt ${attempts}: ${describeLast}`, attempts, false, failure.statusCode, new Date(end));
    }
    if (policy.maxAttempts !== null && attempts >= policy.maxAttempts) {
      throw new PublishError(`Gave up after ${attempts} attempts (PUBLISH_MAX_ATTEMPTS): ${describeLast}`, attempts, true, failure.statusCode, new Date(end));
    }
    // Never sleep past the point where one more attempt still fits: that would be giving up early.
    const room = end - clock.now() - policy.minAttemptMs;
    if (room < 0) {
      throw new PublishError(`Deadline reached after ${attempts} attempts: ${describeLast}`, attempts, true, failure.statusCode, new Date(end));
    }
    const delayMs = Math.min(backoffDelayMs(attempts, policy, () => clock.random()), room);
    options.onRetry?.({ attempt: attempts, delayMs, failure });
    await clock.sleep(delayMs);
  }
}

export class AttemptTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`Attempt timed out after ${timeoutMs} ms`);
    this.name = 'AttemptTimeoutError';
  }
}

async function withTimeout<T>(work: Promise<T>, timeoutMs: number, clock: Clock): Promise<T> {
  const timer = clock.timer(timeoutMs);
  const timedOut = timer.expired.then(() => {
    throw new AttemptTimeoutError(timeoutMs);
  });
  try {
    return await Promise.race([work, timedOut]);
  } finally {
    timer.cancel();
  }
}
