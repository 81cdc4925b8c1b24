/**
 * Bounded waits: an attempt with a timeout and an outside abort, "the work or a fallback once aborted", and
 * "the work or a fallback after a while". None of them cancels the work itself (a promise cannot be cancelled):
 * `withTimeout` aborts the signal it hands the attempt, and all of them stop waiting and swallow a late rejection
 * so it is not reported as unhandled.
 */
import { Clock, systemClock } from './clock';

export interface WithTimeoutOptions {
  /** The error the returned promise rejects with once `timeoutMs` has passed. */
  timeoutError: () => unknown;
  /** An outside abort: the returned promise rejects with its reason at once. @default none */
  signal?: AbortSignal;
  /** Whose time the timeout is measured in. @default systemClock */
  clock?: Pick<Clock, 'sleep'>;
}

/**
 * The reason withTimeout and withinMs give when they stop their own timer once the work settled (nobody reads it):
 * `abort()` without a reason builds a DOMException, a stack trace, every time.
 */
const SETTLED = Symbol('settled');

/**
 * Runs `attempt` with a deadline: past `timeoutMs`, or as soon as `options.signal` aborts, the attempt's signal
 * aborts and the returned promise rejects (with `timeoutError()`, or with the outside signal's reason), whether or
 * not the attempt honours its signal.
 */
export async function withTimeout<T>(timeoutMs: number, attempt: (signal: AbortSignal) => Promise<T>, options: WithTimeoutOptions): Promise<T> {
  const { signal: outer, clock = systemClock } = options;
  const abort = new AbortController();
  const timer = new AbortController();
  let onOuterAbort: (() => void) | undefined;
  const cut = new Promise<never>((_, reject) => {
    const fail = (reason: unknown): void => {
      abort.abort(reason);
      reject(reason);
    };
    void clock.sleep(timeoutMs, timer.signal).then(() => {
      if (!timer.signal.aborted) fail(options.timeoutError());
    });
    if (outer) {
      onOuterAbort = () => fail(outer.reason);
      if (outer.aborted) onOuterAbort();
      else outer.addEventListener('abort', onOuterAbort, { once: true });
    }
  });
  const running = (async () => attempt(abort.signal))();
  try {
    // The race handles both promises: a rejection that comes after it settled is not reported as unhandled.
    return await Promise.race([running, cut]);
  } finally {
    timer.abort(SETTLED);
    if (onOuterAbort) outer?.removeEventListener('abort', onOuterAbort);
  }
}

/** `work`'s result, or `fallback` once `signal` aborts (the work goes on in the background, its result unused). */
export async function unlessAborted<T, F>(work: Promise<T>, signal: AbortSignal, fallback: F): Promise<T | F> {
  work.catch(() => undefined);
  if (signal.aborted) return fallback;
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<F>((resolve) => {
    onAbort = () => resolve(fallback);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([work, aborted]);
  } finally {
    signal.removeEventListener('abort', onAbort!);
  }
}

/** `work`'s result, or `fallback` after `ms` (the work goes on in the background, its result unused). */
export async function withinMs<T, F>(work: Promise<T>, ms: number, fallback: F, clock: Pick<Clock, 'sleep'> = systemClock): Promise<T | F> {
  work.catch(() => undefined);
  const timer = new AbortController();
  try {
    return await Promise.race([work, clock.sleep(ms, timer.signal).then(() => fallback)]);
  } finally {
    timer.abort(SETTLED);
  }
}
