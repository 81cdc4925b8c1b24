/**
 * Deadline-bounded retry with the product's exponential backoff and full jitter (lib/runtime/backoff.ts).
 *
 * Why bounded by the deadline and not by an attempt count: a claim that is not acknowledged must fail the
 * invocation so OCI Events redelivers the event, and Fn kills the container at `Fn-Deadline`. So we keep trying
 * while time remains (minus a margin to send the 502 ourselves), and stop early only on a non-retryable error or
 * when the optional attempt cap (PUBLISH_MAX_ATTEMPTS) is reached. Time and randomness are injected for tests.
 * The backoff, the clock and the attempt timeout are the shared runtime toolkit (lib/runtime); what is the
 * function's own is the budget: Fn-Deadline, the safety margin, and PublishError.
 */
import { backoffDelayMs, BackoffPolicy } from '../lib/runtime/backoff';
import type { Clock } from '../lib/runtime/clock';
import { withTimeout } from '../lib/runtime/deadline';
import { ClaimCheckError } from '../lib/runtime/errors';
import { PublishError } from './errors';

export interface RetryPolicy extends BackoffPolicy {
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
      const value = await withTimeout(timeoutMs, () => attempt(attempts, timeoutMs), {
        timeoutError: () => new AttemptTimeoutError(timeoutMs),
        clock,
      });
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

/** An attempt that did not settle within its timeout (code `AttemptTimeout`, retriable). */
export class AttemptTimeoutError extends ClaimCheckError {
  constructor(readonly timeoutMs: number) {
    super(`Attempt timed out after ${timeoutMs} ms`, { code: 'AttemptTimeout', retriable: true });
    this.name = 'AttemptTimeoutError';
  }
}
