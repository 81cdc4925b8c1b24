import { backoffDelayMs } from '../../lib/runtime/backoff';

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
    expect(backoffDelayMs(10_000, { baseDelayMs: 100, maxDelayMs: Number.MAX_SAFE_INTEGER }, () => 0.5)).toBe(100 * 2 ** 29);
    expect(backoffDelayMs(0, policy, () => 0.5)).toBe(50);
    expect(backoffDelayMs(-3, policy, () => 0.5)).toBe(50);
  });

  it('random delays stay in [0, ceiling)', () => {
    for (let i = 0; i < 1000; i++) {
      const d = backoffDelayMs(3, policy);
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThan(400);
    }
  });
});
