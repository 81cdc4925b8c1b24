/**
 * Waiting in tests without sleeping for a guessed time: `waitFor` polls a condition until it holds or a deadline
 * passes, `withDeadline` bounds a promise. Either fails with a message that says what never happened (and, with
 * `state`, what things looked like at the deadline), instead of a bare test timeout. Deadlines are generous: they
 * only decide how long a broken run takes to fail, never whether a working one passes.
 */
export interface WaitOptions {
  /** What is awaited, completing "timed out after N ms waiting for ...". */
  readonly what: string;
  /** @default 20000 */
  readonly timeoutMs?: number;
  /** @default 10 */
  readonly intervalMs?: number;
  /** Describes the current state, appended to the failure message. */
  readonly state?: () => unknown;
}

type Truthy<T> = Exclude<T, false | null | undefined | 0 | ''>;

/** Resolves with the first truthy value of `probe` (awaited); rejects at the deadline. */
export async function waitFor<T>(probe: () => T | Promise<T>, options: WaitOptions): Promise<Truthy<T>> {
  const timeoutMs = options.timeoutMs ?? 20000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as Truthy<T>;
    if (Date.now() >= deadline) throw new Error(timedOut(timeoutMs, options));
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 10));
  }
}

/** `promise`, or a rejection naming `what` if it has not settled within `timeoutMs`. */
export async function withDeadline<T>(promise: Promise<T>, options: Omit<WaitOptions, 'intervalMs'>): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 20000;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(timedOut(timeoutMs, options))), timeoutMs);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

function timedOut(timeoutMs: number, options: Omit<WaitOptions, 'intervalMs'>): string {
  const state = options.state ? `; at the deadline: ${describe(options.state())}` : '';
  return `timed out after ${timeoutMs} ms waiting for ${options.what}${state}`;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
