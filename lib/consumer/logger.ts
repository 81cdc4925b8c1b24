/** The consumer's structured log: one event name and a few fields per line. */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface ConsumerLogger {
  log(level: LogLevel, event: string, fields?: Record<string, unknown>): void;
}

/** JSON lines on stderr, `info` and above. */
export const defaultLogger: ConsumerLogger = {
  log(level, event, fields = {}) {
    if (level === 'debug') return;
    process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level, event, ...fields })}\n`);
  },
};
