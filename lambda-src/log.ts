/**
 * One JSON object per line on stdout/stderr: OCI Functions ships both streams to OCI Logging, where JSON lines
 * are searchable by field. Errors go to stderr so they stand out even in plain-text log viewers.
 */
export type LogLevel = 'info' | 'warn' | 'error';

export type LogFields = Record<string, unknown>;

export interface Logger {
  log(level: LogLevel, event: string, fields?: LogFields): void;
}

export const consoleLogger: Logger = {
  log(level, event, fields = {}) {
    const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...fields });
    if (level === 'info') process.stdout.write(`${line}\n`);
    else process.stderr.write(`${line}\n`);
  },
};
