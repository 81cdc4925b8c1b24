/**
 * The consumer's `logger` option: any sink of structured lines (lib/runtime/logger.ts). The consumer logs through it
 * in the `claim-consumer` namespace: a sink receives `claim-consumer.<event>`.
 */
import { jsonLinesLogger, LogSink } from '../runtime/logger';

export type { LogLevel } from '../runtime/logger';

/** The consumer's `logger` option: a sink that takes one structured event per call. */
export type ConsumerLogger = LogSink;

/** JSON lines on stderr, `info` and above. */
export const defaultLogger: ConsumerLogger = jsonLinesLogger({ level: 'info' });
