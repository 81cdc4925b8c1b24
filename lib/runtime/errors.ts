/**
 * The product's error base class, and reading the errors the OCI SDK throws.
 *
 * The SDK (oci-common 2.139.1) throws an `OciError` (`statusCode`, `serviceCode`, `message`, `opcRequestId`) for an
 * HTTP error answer, and a plain `{code, message}` object when the request got no answer at all (connection
 * refused or reset, DNS, timeout). A body-less error answer (a HEAD 404) has `serviceCode` "None".
 */

/**
 * Every error the product throws on purpose extends this: `code` names the failure for programs (an OCI service code
 * for the emulators' API errors, a short name otherwise), `retriable` says whether trying the same thing again later
 * can succeed (the shared retry rule, `isRetryable`, reads it before anything else).
 *
 * Subclasses set `name` themselves, as a string: the function is minified by esbuild, which renames classes.
 */
export class ClaimCheckError extends Error {
  readonly code: string;
  readonly retriable: boolean;

  constructor(message: string, options: { code: string; retriable: boolean; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ClaimCheckError';
    this.code = options.code;
    this.retriable = options.retriable;
  }
}

/** The HTTP status of an SDK error, or null when there was no answer (network error) or it is not an SDK error. */
export function httpStatusOf(error: unknown): number | null {
  const status = (error as { statusCode?: unknown } | null | undefined)?.statusCode;
  return typeof status === 'number' && status >= 100 ? status : null;
}

/** The OCI service code of an SDK error (`NotAuthorizedOrNotFound`, `IncorrectState`, ...), or null (also for "None"). */
export function serviceCodeOf(error: unknown): string | null {
  const code = (error as { serviceCode?: unknown } | null | undefined)?.serviceCode;
  return typeof code === 'string' && code !== '' && code !== 'None' ? code : null;
}

export interface ErrorMessageOptions {
  /**
   * Start with `HTTP <status>` when there is one, and describe a plain `Error` by its message alone.
   * Off, the status is left to the caller and a plain `Error`'s `code` is named too (the function's log format).
   * @default true
   */
  withStatus?: boolean;
  /** Between the code and the message. @default ' ' */
  separator?: string;
}

/**
 * One line describing an error: its status, service code (or network error code) and message, and the
 * opc-request-id when there is one (what Oracle support asks for).
 * - consumer format (the default): `HTTP 503 ServiceUnavailable try later [opc-request-id x]`
 * - function format (`{withStatus: false, separator: ': '}`): `ServiceUnavailable: try later [opc-request-id x]`
 */
export function errorMessage(error: unknown, options: ErrorMessageOptions = {}): string {
  const withStatus = options.withStatus ?? true;
  if (withStatus && error instanceof Error && httpStatusOf(error) === null && !('serviceCode' in error)) return error.message || error.name;
  if (error && typeof error === 'object') {
    const { message, code, opcRequestId } = error as Record<string, unknown>;
    const status = withStatus ? httpStatusOf(error) : null;
    const what = [serviceCodeOf(error) ?? nonEmpty(code), nonEmpty(message)].filter((p) => p !== null).join(options.separator ?? ' ');
    const text = [status !== null ? `HTTP ${status}` : '', what].filter((p) => p !== '').join(' ') || String(error);
    return typeof opcRequestId === 'string' && opcRequestId !== '' ? `${text} [opc-request-id ${opcRequestId}]` : text;
  }
  return String(error);
}

function nonEmpty(value: unknown): string | null {
  return typeof value === 'string' && value !== '' && value !== 'None' ? value : null;
}
