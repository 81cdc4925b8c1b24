import { PublishError } from '../../lambda-src/errors';
import {
  AttemptFailure,
  budgetEndMs,
  DEFAULT_RETRY_POLICY,
  retryUntilDeadline,
  RetryPolicy,
} from '../../lambda-src/retry';
import { FakeClock } from '../helpers/fdk-fake-clock';

const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1_000, deadlineSafetyMarginMs: 500, minAttemptMs: 50 };
const retryable = (message = 'HTTP 500'): AttemptFailure => ({ retryable: true, statusCode: 500, message });
const classify = (e: unknown): AttemptFailure => e as AttemptFailure;

describe('budgetEndMs', () => {
  it('is the deadline minus the safety margin, or now + default budget without a (valid) deadline', () => {
    expect(budgetEndMs(new Date(10_000), policy, 0)).toBe(9_500);
    expect(budgetEndMs(null, policy, 1_000)).toBe(1_000 + policy.defaultBudgetMs);
    expect(budgetEndMs(new Date('not a date'), policy, 1_000)).toBe(1_000 + policy.defaultBudgetMs);
  });
});

describe('retryUntilDeadline', () => {
  it('returns the first success with the attempt count, sleeping a jittered backoff between attempts', async () => {
    const clock = new FakeClock([0.5]);
    let calls = 0;
    const result = await retryUntilDeadline(async () => {
      calls += 1;
      if (calls < 3) throw retryable();
      return 'ack';
    }, { policy, clock, deadline: new Date(clock.now() + 10_000), classify });
    expect(result).toEqual({ value: 'ack', attempts: 3 });
    expect(clock.sleeps).toEqual([50, 100]);
  });

  it('stops at once on a non-retryable failure', async () => {
    const clock = new FakeClock();
    let calls = 0;
    const error = await retryUntilDeadline(async () => {
      calls += 1;
      throw { retryable: false, statusCode: 401, message: 'NotAuthenticated' } satisfies AttemptFailure;
    }, { policy, clock, deadline: new Date(clock.now() + 10_000), classify }).catch((e) => e);
    expect(calls).toBe(1);
    expect(error).toBeInstanceOf(PublishError);
    expect(error).toMatchObject({ attempts: 1, exhausted: false, statusCode: 401, budgetEnd: new Date(1_000_000 + 10_000 - 500) });
    expect(error.message).toContain('NotAuthenticated (HTTP 401)');
  });

  it('keeps retrying until the budget is spent, never sleeping past the last useful moment', async () => {
    const clock = new FakeClock([0.999]);
    const start = clock.now();
    const deadline = new Date(start + 5_000);
    const onRetry = jest.fn();
    const error = await retryUntilDeadline(async () => {
      clock.time += 30; // each attempt takes 30 ms
      throw retryable();
    }, { policy, clock, deadline, classify, onRetry }).catch((e) => e);
    expect(error).toBeInstanceOf(PublishError);
    expect(error.exhausted).toBe(true);
    const end = start + 5_000 - policy.deadlineSafetyMarginMs;
    expect(error.budgetEnd).toEqual(new Date(end));
    // It used the budget: gave up only when less than one minimal attempt fitted before the end…
    expect(clock.now()).toBeLessThanOrEqual(end);
    expect(end - clock.now()).toBeLessThan(policy.minAttemptMs);
    // …after many attempts, and every sleep respected the cap.
    expect(error.attempts).toBeGreaterThan(6);
    expect(Math.max(...clock.sleeps)).toBeLessThanOrEqual(policy.maxDelayMs);
    expect(onRetry).toHaveBeenCalledTimes(error.attempts - 1);
  });

  it("names the last failure's hint (a likely cause) in the final error, whichever way the retries end", async () => {
    const hinted: AttemptFailure = { retryable: true, statusCode: 404, message: 'NotAuthorizedOrNotFound', hint: 'Likely cause: X' };
    const onRetry = jest.fn();
    const capped = await retryUntilDeadline(async () => {
      throw hinted;
    }, { policy: { ...policy, maxAttempts: 2 }, clock: new FakeClock(), deadline: null, classify, onRetry }).catch((e) => e);
    expect(capped.message).toBe('Gave up after 2 attempts (PUBLISH_MAX_ATTEMPTS): NotAuthorizedOrNotFound (HTTP 404). Likely cause: X');
    expect(onRetry).toHaveBeenCalledWith(expect.objectContaining({ attempt: 1, failure: hinted }));

    const clock = new FakeClock();
    const timedOut = await retryUntilDeadline(async () => {
      clock.time += 400;
      throw hinted;
    }, { policy, clock, deadline: new Date(clock.now() + 2_000), classify }).catch((e) => e);
    expect(timedOut.message).toMatch(/^Deadline reached after \d+ attempts: NotAuthorizedOrNotFound \(HTTP 404\)\. Likely cause: X$/);
    expect(timedOut).toMatchObject({ exhausted: true, statusCode: 404 });
  });

  it('honours PUBLISH_MAX_ATTEMPTS', async () => {
    const clock = new FakeClock();
    let calls = 0;
    const error = await retryUntilDeadline(async () => {
      calls += 1;
      throw retryable();
    }, { policy: { ...policy, maxAttempts: 3 }, clock, deadline: new Date(clock.now() + 60_000), classify }).catch((e) => e);
    expect(calls).toBe(3);
    expect(error.message).toContain('Gave up after 3 attempts (PUBLISH_MAX_ATTEMPTS)');
  });

  it('abandons a hanging attempt at its timeout and retries', async () => {
    const clock = new FakeClock();
    let calls = 0;
    const seenTimeouts: number[] = [];
    const result = await retryUntilDeadline((_n, timeoutMs) => {
      calls += 1;
      seenTimeouts.push(timeoutMs);
      return calls === 1 ? new Promise<string>(() => undefined) : Promise.resolve('ack');
    }, {
      policy: { ...policy, attemptTimeoutMs: 2_000 },
      clock,
      deadline: new Date(clock.now() + 10_000),
      classify: (e) => ({ retryable: true, statusCode: null, message: (e as Error).message }),
    });
    expect(result).toEqual({ value: 'ack', attempts: 2 });
    expect(seenTimeouts[0]).toBe(2_000);
  });

  it('caps an attempt timeout at the remaining budget', async () => {
    const clock = new FakeClock();
    const seen: number[] = [];
    await retryUntilDeadline(async (_n, timeoutMs) => {
      seen.push(timeoutMs);
      return 1;
    }, { policy, clock, deadline: new Date(clock.now() + 1_700), classify });
    expect(seen).toEqual([1_200]);
  });

  it('does not attempt at all when the deadline has already passed', async () => {
    const clock = new FakeClock();
    const attempt = jest.fn();
    const error = await retryUntilDeadline(attempt, { policy, clock, deadline: new Date(clock.now() - 1), classify }).catch((e) => e);
    expect(attempt).not.toHaveBeenCalled();
    expect(error).toMatchObject({ attempts: 0, exhausted: true });
  });
});
