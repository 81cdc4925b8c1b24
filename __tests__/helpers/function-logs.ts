/**
 * Event-driven waits for tests that run the function as a real process: its structured log lines as they arrive,
 * a deadline guard for a promise, and whether a pid still exists.
 */
import type { LogLine } from '../../lib/local/fdk-process';

/** Collects the function's structured log lines and resolves waits on them as lines arrive (no polling). */
export class FunctionLogs {
  readonly lines: Array<Record<string, unknown>> = [];
  private waiters: Array<{ match: (l: Record<string, unknown>) => boolean; resolve: (l: Record<string, unknown>) => void }> = [];

  readonly onLog = (line: LogLine): void => {
    if (!line.json) return;
    this.lines.push(line.json);
    this.waiters = this.waiters.filter((w) => (w.match(line.json!) ? (w.resolve(line.json!), false) : true));
  };

  /** The first line matching, now or when it arrives; rejects after `timeoutMs` with `what` in the message. */
  waitFor(what: string, match: (l: Record<string, unknown>) => boolean, timeoutMs = 15_000): Promise<Record<string, unknown>> {
    const seen = this.lines.find(match);
    if (seen) return Promise.resolve(seen);
    return withDeadline(new Promise((resolve) => this.waiters.push({ match, resolve })), timeoutMs, `no log line: ${what}`);
  }
}

/** Resolves with `work`, or rejects with `message` if it has not settled within `timeoutMs` (a guard, not a measurement). */
export async function withDeadline<T>(work: Promise<T>, timeoutMs: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${message} (within ${timeoutMs} ms)`)), timeoutMs);
  });
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}

export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
