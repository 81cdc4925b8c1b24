/**
 * Reproducible randomness for tests: a small PRNG (mulberry32) from a 32-bit seed. A test takes its seed from an
 * environment variable when set (to replay a failure) and otherwise picks a fresh one, and names the seed in every
 * failure message.
 */
import { randomInt } from 'node:crypto';

export interface SeededRandom {
  readonly seed: number;
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
}

export function seededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { seed: seed >>> 0, next, int, pick: (items) => items[int(items.length)], chance: (p) => next() < p };
}

/** The seed in `process.env[variable]` (decimal), or a fresh random one. */
export function seedFrom(variable: string): number {
  const fromEnv = process.env[variable];
  if (fromEnv === undefined || fromEnv === '') return randomInt(0, 2 ** 32 - 1);
  if (!/^\d+$/.test(fromEnv) || Number(fromEnv) >= 2 ** 32) throw new Error(`${variable} must be a decimal 32-bit seed, got "${fromEnv}"`);
  return Number(fromEnv);
}
