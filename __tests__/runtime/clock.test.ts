import { systemClock } from '../../lib/runtime/clock';

describe('systemClock', () => {
  it('sleep resolves after its time', async () => {
    const started = Date.now();
    await systemClock.sleep(30);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });

  it('sleep resolves early, without rejecting, when the signal aborts, and at once when it already is', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const sleeping = systemClock.sleep(10_000, controller.signal);
    setTimeout(() => controller.abort(new Error('stop')), 10);
    await expect(sleeping).resolves.toBeUndefined();
    expect(Date.now() - started).toBeLessThan(1_000);
    const again = Date.now();
    await systemClock.sleep(10_000, controller.signal);
    expect(Date.now() - again).toBeLessThan(100);
  });

  it('a sleep that ends leaves no listener on the signal', async () => {
    const controller = new AbortController();
    const removed = jest.spyOn(controller.signal, 'removeEventListener');
    await systemClock.sleep(5, controller.signal);
    expect(removed).toHaveBeenCalledWith('abort', expect.any(Function));
  });

  it('now is the wall clock; random is in [0, 1)', () => {
    expect(Math.abs(systemClock.now() - Date.now())).toBeLessThan(50);
    for (let i = 0; i < 100; i++) {
      const r = systemClock.random();
      expect(r).toBeGreaterThanOrEqual(0);
      expect(r).toBeLessThan(1);
    }
  });
});
