import type { Clock } from '../../lib/runtime/clock';
import { unlessAborted, withinMs, withTimeout } from '../../lib/runtime/deadline';

class Timeout extends Error {}
const never = <T>() => new Promise<T>(() => undefined);

describe('withTimeout', () => {
  it('returns the attempt result when it settles in time, and its rejection as is', async () => {
    await expect(withTimeout(1_000, async () => 'ok', { timeoutError: () => new Timeout() })).resolves.toBe('ok');
    const boom = new Error('boom');
    await expect(withTimeout(1_000, async () => { throw boom; }, { timeoutError: () => new Timeout() })).rejects.toBe(boom);
    await expect(withTimeout(1_000, () => { throw boom; }, { timeoutError: () => new Timeout() })).rejects.toBe(boom);
  });

  it('rejects with timeoutError() past the timeout and aborts the attempt signal with it, even if the attempt ignores it', async () => {
    let seen: AbortSignal | undefined;
    const started = Date.now();
    const error = await withTimeout(30, (signal) => { seen = signal; return never(); }, { timeoutError: () => new Timeout('late') }).catch((e) => e);
    expect(error).toBeInstanceOf(Timeout);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    expect(seen?.aborted).toBe(true);
    expect(seen?.reason).toBe(error);
  });

  it('rejects with the outside reason as soon as the outside signal aborts (or at once if it already has)', async () => {
    const outer = new AbortController();
    const reason = new Error('stopping');
    let seen: AbortSignal | undefined;
    const running = withTimeout(10_000, (signal) => { seen = signal; return never(); }, { signal: outer.signal, timeoutError: () => new Timeout() });
    setTimeout(() => outer.abort(reason), 5);
    await expect(running).rejects.toBe(reason);
    expect(seen?.reason).toBe(reason);
    await expect(withTimeout(10_000, never, { signal: outer.signal, timeoutError: () => new Timeout() })).rejects.toBe(reason);
  });

  it('a rejection that comes after the timeout changes nothing, and no listener is left on the outside signal', async () => {
    const outer = new AbortController();
    const removed = jest.spyOn(outer.signal, 'removeEventListener');
    const late = withTimeout(10, () => new Promise((_, reject) => setTimeout(() => reject(new Error('late')), 30)), {
      signal: outer.signal,
      timeoutError: () => new Timeout(),
    });
    await expect(late).rejects.toBeInstanceOf(Timeout);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(removed).toHaveBeenCalledWith('abort', expect.any(Function));
  });

  it('measures the timeout with the given clock, and cancels the clock timer once the attempt settled', async () => {
    const timers: Array<{ ms: number; signal?: AbortSignal; fire: () => void }> = [];
    const clock: Pick<Clock, 'sleep'> = {
      sleep: (ms, signal) => new Promise<void>((resolve) => timers.push({ ms, signal, fire: resolve })),
    };
    const hanging = withTimeout(5_000, never, { clock, timeoutError: () => new Timeout('virtual') });
    await Promise.resolve();
    expect(timers.map((t) => t.ms)).toEqual([5_000]);
    timers[0].fire();
    await expect(hanging).rejects.toBeInstanceOf(Timeout);

    await expect(withTimeout(5_000, async () => 1, { clock, timeoutError: () => new Timeout() })).resolves.toBe(1);
    expect(timers[1].signal?.aborted).toBe(true);
    timers[1].fire(); // a timer that fires after its attempt settled changes nothing
  });
});

describe('unlessAborted', () => {
  it("is the work's result, or the fallback once the signal aborts", async () => {
    const signal = new AbortController();
    await expect(unlessAborted(Promise.resolve(1), signal.signal, 'gave up')).resolves.toBe(1);
    const waiting = unlessAborted(never<number>(), signal.signal, 'gave up');
    signal.abort();
    await expect(waiting).resolves.toBe('gave up');
    await expect(unlessAborted(Promise.reject(new Error('ignored')), signal.signal, 'gave up')).resolves.toBe('gave up');
  });
});

describe('withinMs', () => {
  it("is the work's result, or the fallback after ms", async () => {
    await expect(withinMs(Promise.resolve('done'), 1_000, 'slow')).resolves.toBe('done');
    const started = Date.now();
    await expect(withinMs(never(), 20, 'slow')).resolves.toBe('slow');
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
  });

  it('passes the rejection of work that fails in time', async () => {
    await expect(withinMs(Promise.reject(new Error('no')), 1_000, 'slow')).rejects.toThrow('no');
  });
});
