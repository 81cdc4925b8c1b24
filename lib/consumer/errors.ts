/**
 * What an OCI SDK failure means to the consumer. The SDK throws an `OciError` (`statusCode`, `serviceCode`,
 * `message`, `opcRequestId`) for HTTP errors and a plain `{code, message}` object when the request never got an
 * answer (connection refused/reset, timeout). A body-less error (HEAD 404) has `serviceCode` "None".
 */

export function httpStatusOf(error: unknown): number | null {
  const status = (error as { statusCode?: unknown } | null | undefined)?.statusCode;
  return typeof status === 'number' && status >= 100 ? status : null;
}

export function serviceCodeOf(error: unknown): string | null {
  const code = (error as { serviceCode?: unknown } | null | undefined)?.serviceCode;
  return typeof code === 'string' && code !== '' && code !== 'None' ? code : null;
}

/** One line describing an error, including the service code and opc-request-id when there are some. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error && httpStatusOf(error) === null && !('serviceCode' in error)) return error.message || error.name;
  if (error && typeof error === 'object') {
    const { message, code, opcRequestId } = error as Record<string, unknown>;
    const status = httpStatusOf(error);
    const parts = [
      status !== null ? `HTTP ${status}` : null,
      serviceCodeOf(error) ?? (typeof code === 'string' ? code : null),
      typeof message === 'string' && message !== '' ? message : null,
    ].filter((p): p is string => p !== null);
    const text = parts.join(' ') || String(error);
    return typeof opcRequestId === 'string' && opcRequestId !== '' ? `${text} [opc-request-id ${opcRequestId}]` : text;
  }
  return String(error);
}

/** Worth retrying: no answer at all, throttling, timeouts, conflicts and server errors. */
export function isTransient(error: unknown): boolean {
  const status = httpStatusOf(error);
  return status === null || status === 429 || status === 408 || status === 409 || status >= 500;
}

/**
 * GetObject failures that decide a claim's outcome, as opposed to infrastructure failures:
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

/** The failure of a handler attempt that ran past `handlerTimeoutMs`. */
export class HandlerTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`The handler did not finish within handlerTimeoutMs (${timeoutMs} ms)`);
    this.name = 'HandlerTimeoutError';
  }
}

/** The reason of a handler's `signal` when the consumer stops and the stop grace period is over. */
export class ConsumerStoppingError extends Error {
  constructor(readonly graceMs: number) {
    super(`The consumer is stopping and the stop grace period (${graceMs} ms) is over`);
    this.name = 'ConsumerStoppingError';
  }
}

/** Thrown by `run()` when the consumer cannot work at all (e.g. the stream does not exist, or auth is refused). */
export class ConsumerFatalError extends Error {
  constructor(message: string, readonly cause?: unknown) {
    super(message);
    this.name = 'ConsumerFatalError';
  }
}

/**
 * A message that got no final outcome: the consumer's own state could not be read or written, a dead letter could
 * not be written, or the consumer is stopping. Its batch is not committed, so the group delivers it again.
 */
export class UnresolvedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnresolvedError';
  }
}
