import { backoffDelayMs, systemClock } from '../../lib/consumer/backoff';
import { errorInfo, errorMessage, fetchOutcomeOf, isTransient } from '../../lib/consumer/errors';
import { ociError } from './helpers';

describe('backoffDelayMs (exponential, full jitter)', () => {
  const policy = { baseDelayMs: 100, maxDelayMs: 1_000 };

  it('draws uniformly below a ceiling that doubles per failure up to the cap', () => {
    const almostOne = () => 0.999999;
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelayMs(n, policy, almostOne))).toEqual([99, 199, 399, 799, 999, 999]);
    expect(backoffDelayMs(3, policy, () => 0)).toBe(0);
    expect(backoffDelayMs(3, policy, () => 0.5)).toBe(200);
  });

  it('stays finite and capped for huge failure counts and treats failures < 1 as the first', () => {
    expect(backoffDelayMs(10_000, policy, () => 0.5)).toBe(500);
    expect(backoffDelayMs(0, policy, () => 0.5)).toBe(50);
  });

  it('random delays stay in [0, ceiling)', () => {
    for (let i = 0; i < 1000; i++) {
      const d = backoffDelayMs(3, policy);
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThan(400);
    }
  });
});

describe('systemClock.sleep', () => {
  it('resolves early, without rejecting, when the signal aborts', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const sleeping = systemClock.sleep(10_000, controller.signal);
    setTimeout(() => controller.abort(), 10);
    await sleeping;
    expect(Date.now() - started).toBeLessThan(1_000);
    await systemClock.sleep(10_000, controller.signal); // already aborted: immediate
  });
});

describe('error classification', () => {
  it('GetObject: 404 ObjectNotFound or body-less → object-gone; 412 → superseded', () => {
    expect(fetchOutcomeOf(ociError(404, 'ObjectNotFound'))).toBe('object-gone');
    expect(fetchOutcomeOf(ociError(404, 'None'))).toBe('object-gone');
    expect(fetchOutcomeOf(ociError(412, 'PreconditionFailed'))).toBe('superseded');
  });

  it('404 BucketNotFound (also what OCI says when read permission is missing) is not object-gone', () => {
    expect(fetchOutcomeOf(ociError(404, 'BucketNotFound'))).toBeNull();
  });

  it('other failures decide nothing', () => {
    for (const e of [ociError(500), ociError(429, 'TooManyRequests'), ociError(403, 'NotAuthorized'), { code: 'ECONNRESET', message: 'reset' }]) {
      expect(fetchOutcomeOf(e)).toBeNull();
    }
  });

  it('transient: network errors, 408, 409, 429, 5xx; not other 4xx', () => {
    expect(isTransient({ code: 'ECONNREFUSED', message: 'fetch failed' })).toBe(true);
    for (const s of [408, 409, 429, 500, 502, 503, 504]) expect(isTransient(ociError(s))).toBe(true);
    for (const s of [400, 401, 403, 404, 412]) expect(isTransient(ociError(s))).toBe(false);
  });

  it('messages name the status, service code and request id', () => {
    expect(errorMessage(ociError(503, 'ServiceUnavailable', 'try later'))).toBe('HTTP 503 ServiceUnavailable try later [opc-request-id req-1]');
    expect(errorMessage(ociError(404, 'None', 'Not found'))).toBe('HTTP 404 Not found [opc-request-id req-1]');
    expect(errorMessage({ code: 'ECONNRESET', message: 'socket hang up' })).toBe('ECONNRESET socket hang up');
    expect(errorMessage(new TypeError('boom'))).toBe('boom');
    expect(errorMessage('plain')).toBe('plain');
    expect(errorInfo(new RangeError('bad'))).toMatchObject({ name: 'RangeError', message: 'bad', stack: expect.stringContaining('bad') });
    expect(errorInfo(42)).toEqual({ name: 'number', message: '42' });
  });
});
