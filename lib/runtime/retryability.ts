/**
 * The one retryability rule for OCI errors: is trying the same request again (after a backoff) worth it?
 *
 * Source: OCI's API error table, "Common Errors Returned by All Services", with its Retry column
 * (https://docs.oracle.com/iaas/Content/API/References/apierrors.htm, revision "Updated 2024-06-20"), which agrees
 * with the SDK's own default retry condition (oci-common 2.139.1 `DefaultRetryCondition`: 409 IncorrectState,
 * 429 TooManyRequests, 500/502/503/504 and no status). Rows the table does not list are marked so.
 *
 * A later revision of the same page marks 400 RelatedResourceNotAuthorizedOrNotFound, 401 NotAuthenticated and
 * 404 NotAuthorizedOrNotFound "Yes, with backoff" (IAM changes are eventually consistent). The rule keeps them
 * final: a wrong OCID or a missing policy would otherwise be retried by every caller; a caller that knows it races
 * a fresh policy (the function right after a deploy) says so with an override (`retryRule`).
 *
 * Order of the checks: a `ClaimCheckError` answers for itself (`retriable`); an error without an HTTP status is a
 * network error (no answer, or the answer was cut) and is retried; otherwise the row for (status, service code),
 * then the row for the status, then the class: other 4xx final, other 5xx retried.
 */
import { ClaimCheckError, httpStatusOf, serviceCodeOf } from './errors';

/** One row of the rule: an HTTP status, optionally narrowed to one OCI service code. */
export interface RetryRow {
  readonly status: number;
  /** Only for this service code; without it, the row covers every code of the status not listed on its own. */
  readonly code?: string;
  readonly retry: boolean;
  /** Why: the table's words, or the reason a row departs from it. */
  readonly why: string;
}

/** OCI's API error table, row by row (the codes of a status that share an answer are listed in `why`). */
export const OCI_RETRYABILITY: readonly RetryRow[] = [
  { status: 400, retry: false, why: 'CannotParseRequest, InvalidParameter, LimitExceeded, MissingParameter, QuotaExceeded, RelatedResourceNotAuthorizedOrNotFound (table: No)' },
  { status: 401, retry: false, why: 'NotAuthenticated: wrong credentials or signature (table: No)' },
  { status: 403, retry: false, why: 'NotAllowed, NotAuthorized, SignUpRequired (table: No)' },
  { status: 404, retry: false, why: 'InvalidParameter, NotAuthorizedOrNotFound, NotFound, NamespaceNotFound; Object Storage BucketNotFound, ObjectNotFound (table: No)' },
  { status: 405, retry: false, why: 'MethodNotAllowed (table: No)' },
  // RFC 9110 section 15.5.9: the server closed an idle request; the client may repeat it.
  { status: 408, retry: true, why: 'Request Timeout: not in the table; RFC 9110 lets the client repeat the request' },
  { status: 409, code: 'IncorrectState', retry: true, why: 'the resource will reach the state the request needs (table: Yes, with backoff)' },
  { status: 409, code: 'ExternalServerIncorrectState', retry: true, why: 'a server behind the service is in a transient state (table: Yes, with backoff)' },
  // Not an OCI common code: by its name a lost race with another writer; the state it conflicts with is transient.
  { status: 409, code: 'ConcurrentModification', retry: true, why: 'not in the table: another writer changed the resource at the same moment' },
  // "Conflict: ... This state is not transient." A 409 with no code, or a code the table does not list, likewise.
  { status: 409, retry: false, why: 'Conflict, InvalidatedRetryToken, ResourceLocked, NotAuthorizedOrResourceAlreadyExists (table: No)' },
  { status: 412, retry: false, why: 'NoEtagMatch; Object Storage IfMatchFailed, IfNoneMatchFailed: the precondition fails again (table: No)' },
  { status: 413, retry: false, why: 'PayloadTooLarge (table: No)' },
  { status: 422, retry: false, why: 'UnprocessableEntity (table: No)' },
  { status: 429, retry: true, why: 'TooManyRequests: throttled (table: Yes, with backoff)' },
  { status: 431, retry: false, why: 'RequestHeaderFieldsTooLarge (table: No)' },
  { status: 500, retry: true, why: 'InternalServerError (table: Yes, with backoff)' },
  // The one departure from the table: every caller retried a 501 before this rule existed (within its attempt cap or
  // deadline), and the rule was written not to change behaviour where the callers agreed.
  { status: 501, retry: true, why: 'MethodNotImplemented (table: No); kept retryable like any 5xx' },
  { status: 502, retry: true, why: 'Bad Gateway: not in the table; the SDK retries it' },
  { status: 503, retry: true, why: 'ServiceUnavailable, ExternalServerUnreachable, ExternalServerTimeout, ExternalServerInvalidResponse (table: Yes, with backoff)' },
  { status: 504, retry: true, why: 'Gateway Timeout: not in the table; the SDK retries it' },
];

export type RetryRule = (error: unknown) => boolean;

/**
 * A caller's deliberate departure from the shared rule, checked before it. `why` is required: an override is a
 * decision a reader must be able to find.
 */
export type RetryOverride = RetryRow;

/** The shared rule for an HTTP status (null: no answer) and service code. */
export function isRetryableStatus(status: number | null, code: string | null, overrides: readonly RetryOverride[] = []): boolean {
  if (status === null) return true;
  const row = findRow(overrides, status, code) ?? findRow(OCI_RETRYABILITY, status, code);
  if (row) return row.retry;
  return status >= 500;
}

/** The shared rule with `overrides` on top. */
export function retryRule(overrides: readonly RetryOverride[] = []): RetryRule {
  return (error) => {
    if (error instanceof ClaimCheckError) return error.retriable;
    return isRetryableStatus(httpStatusOf(error), serviceCodeOf(error), overrides);
  };
}

/** The shared rule: worth retrying with backoff. */
export const isRetryable: RetryRule = retryRule();

function findRow(rows: readonly RetryRow[], status: number, code: string | null): RetryRow | undefined {
  return rows.find((r) => r.status === status && r.code !== undefined && r.code === code) ?? rows.find((r) => r.status === status && r.code === undefined);
}
