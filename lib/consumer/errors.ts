/**
 * What an OCI SDK failure means to the consumer, and the consumer's own errors. Reading SDK errors, the retry rule
 * and the error base class are the shared runtime toolkit (lib/runtime): the consumer adds the outcomes a GetObject
 * failure can decide, and the serialisable form of an error for dead letters.
 */
import { ClaimCheckError, errorMessage, httpStatusOf, serviceCodeOf } from '../runtime/errors';
import { isRetryable } from '../runtime/retryability';

/**
 * Worth retrying with backoff: the shared rule (lib/runtime/retryability.ts, per OCI status and service code), under
 * the name the consumer has always exported.
 */
export const isTransient: (error: unknown) => boolean = isRetryable;

/**
 * GetObject failures that decide a claim's outcome, as opposed to infrastructure failures. This is the consumer's
 * override of the retry rule for reading a claim's object: these answers are final for the request, but they are not
 * failures of the claim, so they use up no attempt and lead to no dead letter.
 * - 404 ObjectNotFound (or a body-less 404): the object was deleted after the claim was published → `object-gone`.
 *   A 404 `BucketNotFound` is NOT object-gone: OCI answers it both for a missing bucket and for a principal
 *   without read permission, so treating it as "gone" would silently skip every claim of a misconfigured consumer.
 * - 412 (our `if-match: <claim etag>` failed): the object was overwritten since → `superseded`.
 */
export function fetchOutcomeOf(error: unknown): 'object-gone' | 'superseded' | null {
  const status = httpStatusOf(error);
  if (status === 412) return 'superseded';
  if (status === 404 && serviceCodeOf(error) !== 'BucketNotFound') return 'object-gone';
  return null;
}

/** The serialisable form of an error for dead letters and events. */
export interface ErrorInfo {
  name: string;
  message: string;
  stack?: string;
}

export function errorInfo(error: unknown): ErrorInfo {
  if (error instanceof Error) {
    return { name: error.name, message: errorMessage(error), ...(error.stack ? { stack: error.stack } : {}) };
  }
  return { name: typeof error === 'object' && error !== null ? 'Error' : typeof error, message: errorMessage(error) };
}

/** The failure of a handler attempt that ran past `handlerTimeoutMs` (code `HandlerTimeout`; the claim is retried). */
export class HandlerTimeoutError extends ClaimCheckError {
  constructor(readonly timeoutMs: number) {
    super(`The handler did not finish within handlerTimeoutMs (${timeoutMs} ms)`, { code: 'HandlerTimeout', retriable: true });
    this.name = 'HandlerTimeoutError';
  }
}

/**
 * The reason of a handler's `signal` when the consumer stops and the stop grace period is over (code
 * `ConsumerStopping`; retriable: the claim is left to the group, which delivers it again).
 */
export class ConsumerStoppingError extends ClaimCheckError {
  constructor(readonly graceMs: number) {
    super(`The consumer is stopping and the stop grace period (${graceMs} ms) is over`, { code: 'ConsumerStopping', retriable: true });
    this.name = 'ConsumerStoppingError';
  }
}

/**
 * Thrown by `run()` when the consumer cannot work at all (e.g. the stream does not exist, or auth is refused).
 * Code `ConsumerFatal`; not retriable: running again without a fix fails the same way.
 */
export class ConsumerFatalError extends ClaimCheckError {
  declare readonly cause?: unknown;

  constructor(message: string, cause?: unknown) {
    super(message, { code: 'ConsumerFatal', retriable: false, cause });
    this.name = 'ConsumerFatalError';
  }
}

/**
 * A message that got no final outcome: the consumer's own state could not be read or written, a dead letter could
 * not be written, or the consumer is stopping. Its batch is not committed, so the group delivers it again (code
 * `Unresolved`, retriable).
 */
export class UnresolvedError extends ClaimCheckError {
  constructor(message: string) {
    super(message, { code: 'Unresolved', retriable: true });
    this.name = 'UnresolvedError';
  }
}
