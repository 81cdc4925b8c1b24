/**
 * Structured logs: one event name and a few fields per line, one level set for the whole product, namespaces per
 * component (`claim-check.published`, `claim-consumer.commit-failed`).
 *
 * - A `LogSink` is anything with `log(level, event, fields)`: what users pass as the consumer's `logger` option,
 *   what tests record into. Its shape is the public contract; it never has to know about namespaces.
 * - `namespaced(sink, 'claim-consumer')` is the `Logger` a component logs through: its events reach the sink as
 *   `claim-consumer.<event>`, and `child('x')` adds a level (`claim-consumer.x.<event>`).
 * - `jsonLinesLogger()` is the default sink: one JSON object per line (`{time, level, event, ...fields}`), which OCI
 *   Logging (for the function) and any log shipper (for consumers) index by field.
 */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export type LogFields = Record<string, unknown>;

/** Where log lines go. */
export interface LogSink {
  log(level: LogLevel, event: string, fields?: LogFields): void;
}

/** A sink bound to a namespace. */
export interface Logger extends LogSink {
  /** Dotted, e.g. `claim-consumer`; '' for none. */
  readonly namespace: string;
  /** A logger whose events are `<this namespace>.<namespace>.<event>`. */
  child(namespace: string): Logger;
}

export const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

/** True when `level` is `minimum` or more severe. */
export function isLevelEnabled(level: LogLevel, minimum: LogLevel): boolean {
  return LOG_LEVELS.indexOf(level) >= LOG_LEVELS.indexOf(minimum);
}

/** `sink` with every event prefixed by `namespace` and a dot. */
export function namespaced(sink: LogSink, namespace: string): Logger {
  const prefix = namespace === '' ? '' : `${namespace}.`;
  return {
    namespace,
    log: (level, event, fields) => sink.log(level, `${prefix}${event}`, fields),
    child: (child) => namespaced(sink, namespace === '' ? child : `${namespace}.${child}`),
  };
}

export interface JsonLinesLoggerOptions {
  /** Lines below this level are dropped. @default 'info' */
  level?: LogLevel;
  /** Where a line of each level goes. @default everything to stderr */
  streamFor?: (level: LogLevel) => { write(chunk: string): unknown };
  /** The `time` field. @default Date.now */
  now?: () => number;
}

/** One JSON object per line: `{"time":"<ISO 8601>","level":"warn","event":"...",...fields}`. */
export function jsonLinesLogger(options: JsonLinesLoggerOptions = {}): LogSink {
  const minimum = options.level ?? 'info';
  const streamFor = options.streamFor ?? (() => process.stderr);
  const now = options.now ?? Date.now;
  return {
    log(level, event, fields = {}) {
      if (!isLevelEnabled(level, minimum)) return;
      streamFor(level).write(`${JSON.stringify({ time: new Date(now()).toISOString(), level, event, ...fields })}\n`);
    },
  };
}

