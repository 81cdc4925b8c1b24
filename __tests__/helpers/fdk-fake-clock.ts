import type { Clock } from '../../lib/runtime/clock';

/**
 * Virtual time for retry tests. A plain `sleep(ms)` (a backoff delay) advances the clock instantly and is recorded
 * in `sleeps`. A sleep with a signal is an attempt timer (lib/runtime/deadline.ts `withTimeout`): it advances the
 * clock by its duration and fires only if it was not aborted by the next macrotask (i.e. the attempt hangs).
 */
export class FakeClock implements Clock {
  time = 1_000_000;
  readonly sleeps: number[] = [];
  constructor(private readonly randomValues: number[] = [0.5]) {}

  now(): number {
    return this.time;
  }

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (!signal) {
      this.sleeps.push(ms);
      this.time += ms;
      return;
    }
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (!signal.aborted) this.time += ms;
  }

  random(): number {
    const value = this.randomValues.length > 1 ? this.randomValues.shift()! : this.randomValues[0];
    return value;
  }
}
