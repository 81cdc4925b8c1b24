/**
 * The claim-check contract: what the publisher function, the reconciler, the consumer, the emulators and the
 * constructs agree on (the claim's format and identity, object event types, the message key, Streaming limits, the
 * function's configuration keys). It imports nothing of the product, and only Node built-ins.
 */
export * from './claim';
export * from './claim-parse';
export * from './function-config';
export * from './object-events';
export * from './object-filter';
export * from './rfc3339';
export * from './streaming-limits';
