import type { Clock } from '../../lambda-src/retry';

/**
 * Virtual time for retry tests: `sleep(ms)` advances the clock instantly; an attempt timer advances it by its
 * duration and fires only if the attempt has not settled by the next macrotask (i.e. the attempt hangs).
 */
export class FakeClock implements Clock {
  time = 1_000_000;
  readonly sleeps: number[] = [];
  constructor(private readonly randomValues: number[] = [0.5]) {}

  now(): number {
    return this.time;
  }

  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.time += ms;
  }

  timer(ms: number): { expired: Promise<void>; cancel(): void } {
    let cancelled = false;
    const expired = new Promise<void>((resolve) => {
      setImmediate(() => {
        if (cancelled) return;
        this.time += ms;
        resolve();
      });
    });
    return { expired, cancel: () => { cancelled = true; } };
  }

  random(): number {
    const value = this.randomValues.length > 1 ? this.randomValues.shift()! : this.randomValues[0];
    return value;
  }
}
