/** Bounded waits: a handler attempt with a timeout and an outside abort, and "whichever comes first". */
import { HandlerTimeoutError } from './errors';

/**
 * Runs `attempt` with a deadline: past `timeoutMs`, or as soon as `outer` aborts, its signal aborts and the returned
 * promise rejects (with a HandlerTimeoutError, or with `outer`'s reason), whether or not the attempt honours the
 * signal (a late rejection is swallowed, not left unhandled).
 */
export async function withTimeout(timeoutMs: number, outer: AbortSignal, attempt: (signal: AbortSignal) => Promise<void>): Promise<void> {
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let onOuterAbort: (() => void) | undefined;
  const cut = new Promise<never>((_, reject) => {
    const fail = (reason: unknown): void => {
      abort.abort(reason);
      reject(reason);
    };
    timer = setTimeout(() => fail(new HandlerTimeoutError(timeoutMs)), timeoutMs);
    onOuterAbort = () => fail(outer.reason);
    if (outer.aborted) onOuterAbort();
    else outer.addEventListener('abort', onOuterAbort, { once: true });
  });
  const running = (async () => attempt(abort.signal))();
  running.catch(() => undefined);
  try {
    await Promise.race([running, cut]);
  } finally {
    clearTimeout(timer);
    if (onOuterAbort) outer.removeEventListener('abort', onOuterAbort);
  }
}

/** `work`'s result, or `fallback` once `signal` aborts (the work goes on in the background, its result unused). */
export async function unlessAborted<T, F>(work: Promise<T>, signal: AbortSignal, fallback: F): Promise<T | F> {
  if (signal.aborted) {
    work.catch(() => undefined);
    return fallback;
  }
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<F>((resolve) => {
    onAbort = () => resolve(fallback);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  work.catch(() => undefined);
  try {
    return await Promise.race([work, aborted]);
  } finally {
    signal.removeEventListener('abort', onAbort!);
  }
}

/** `work`'s result, or `fallback` after `ms` (the work goes on in the background, its result unused). */
export async function withinMs<T, F>(work: Promise<T>, ms: number, fallback: F): Promise<T | F> {
  let timer: NodeJS.Timeout | undefined;
  work.catch(() => undefined);
  try {
    return await Promise.race([work, new Promise<F>((resolve) => (timer = setTimeout(() => resolve(fallback), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
