/**
 * Errors the emulators answer with, in OCI's wire format: an HTTP status plus a JSON body `{"code","message"}`.
 *
 * The status/code pairs are OCI's common API error codes:
 * https://docs.oracle.com/iaas/Content/API/References/apierrors.htm
 * (401 NotAuthenticated, 404 NotAuthorizedOrNotFound, 429 TooManyRequests, 500 InternalServerError, ...).
 * The SDK's default retry condition keys on them (429 is retried only when the code is `TooManyRequests`), so
 * the exact spelling matters.
 */
import { ClaimCheckError } from '../../runtime/errors';
import { isRetryableStatus } from '../../runtime/retryability';

export class OciApiError extends ClaimCheckError {
  public constructor(
    public readonly status: number,
    code: string,
    message: string,
  ) {
    // Whether a client should retry this answer: the product's one rule, from the same OCI table.
    super(message, { code, retriable: isRetryableStatus(status, code) });
    this.name = 'OciApiError';
  }

  public toJSON(): { code: string; message: string } {
    return { code: this.code, message: this.message };
  }
}

/** OCI's generic NotAuthenticated message; the emulator appends why, which the real service does not say. */
const NOT_AUTHENTICATED_MESSAGE = 'The required information to complete authentication was not provided or was incorrect.';

export const apiErrors = {
  notAuthenticated: (why: string) => new OciApiError(401, 'NotAuthenticated', `${NOT_AUTHENTICATED_MESSAGE} (emulator: ${why})`),
  notAuthorizedOrNotFound: (what: string) =>
    new OciApiError(404, 'NotAuthorizedOrNotFound', `Authorization failed or requested resource not found: ${what}`),
  invalidParameter: (message: string) => new OciApiError(400, 'InvalidParameter', message),
  missingParameter: (name: string) => new OciApiError(400, 'MissingParameter', `Missing required parameter '${name}'`),
  cannotParseRequest: (message: string) => new OciApiError(400, 'CannotParseRequest', message),
  methodNotAllowed: (method: string) => new OciApiError(405, 'MethodNotAllowed', `Method ${method} is not allowed on this path`),
  tooManyRequests: () => new OciApiError(429, 'TooManyRequests', 'Too many requests for the tenancy (emulator fault injection)'),
  internalServerError: (message = 'Internal server error') => new OciApiError(500, 'InternalServerError', message),
};
