import * as common from 'oci-common';
import { ClaimCheckError } from '../../lib/runtime/errors';
import { isRetryable, isRetryableStatus, OCI_RETRYABILITY, retryRule } from '../../lib/runtime/retryability';

/** An error exactly as the SDK throws it for an HTTP error answer. */
const ociError = (status: number, code: string) => new common.OciError(status, code, `${code} message`, 'req-1', 'Stream', 'op', '', '', '');

describe('the retry rule, per OCI status and service code (docs.oracle.com/iaas/Content/API/References/apierrors.htm)', () => {
  it.each([
    // 400: the request itself is wrong
    [400, 'CannotParseRequest', false],
    [400, 'InvalidParameter', false],
    [400, 'LimitExceeded', false],
    [400, 'MissingParameter', false],
    [400, 'QuotaExceeded', false],
    [400, 'RelatedResourceNotAuthorizedOrNotFound', false],
    [401, 'NotAuthenticated', false],
    [403, 'NotAllowed', false],
    [403, 'NotAuthorized', false],
    [403, 'SignUpRequired', false],
    [404, 'InvalidParameter', false],
    [404, 'NotAuthorizedOrNotFound', false],
    [404, 'NotFound', false],
    [404, 'NamespaceNotFound', false],
    [404, 'BucketNotFound', false],
    [404, 'ObjectNotFound', false],
    [405, 'MethodNotAllowed', false],
    [408, 'RequestTimeout', true],
    // 409: by code
    [409, 'IncorrectState', true],
    [409, 'ExternalServerIncorrectState', true],
    [409, 'ConcurrentModification', true],
    [409, 'Conflict', false],
    [409, 'InvalidatedRetryToken', false],
    [409, 'ResourceLocked', false],
    [409, 'NotAuthorizedOrResourceAlreadyExists', false],
    [409, 'None', false],
    [409, 'SomethingNew', false],
    [412, 'NoEtagMatch', false],
    [412, 'IfMatchFailed', false],
    [413, 'PayloadTooLarge', false],
    [416, 'InvalidRange', false],
    [422, 'UnprocessableEntity', false],
    [429, 'TooManyRequests', true],
    [429, 'None', true],
    [431, 'RequestHeaderFieldsTooLarge', false],
    [500, 'InternalServerError', true],
    [501, 'MethodNotImplemented', true],
    [502, 'None', true],
    [503, 'ServiceUnavailable', true],
    [503, 'ExternalServerUnreachable', true],
    [503, 'ExternalServerTimeout', true],
    [503, 'ExternalServerInvalidResponse', true],
    [504, 'None', true],
    [507, 'None', true],
    [418, 'Teapot', false],
    [302, 'None', false],
  ])('%i %s → retry %s', (status, code, retry) => {
    expect(isRetryable(ociError(status, code))).toBe(retry);
    expect(isRetryableStatus(status, code === 'None' ? null : code)).toBe(retry);
  });

  it('retries errors without an HTTP status: the request got no answer (the SDK throws a plain {code, message})', () => {
    expect(isRetryable({ code: 'ECONNREFUSED', message: 'fetch failed' })).toBe(true);
    expect(isRetryable(new TypeError('fetch failed'))).toBe(true);
    expect(isRetryable({ statusCode: -1, message: 'timeout' })).toBe(true);
    expect(isRetryableStatus(null, null)).toBe(true);
  });

  it('lets a ClaimCheckError answer for itself, whatever it carries', () => {
    expect(isRetryable(Object.assign(new ClaimCheckError('x', { code: 'X', retriable: false }), { statusCode: 503 }))).toBe(false);
    expect(isRetryable(new ClaimCheckError('x', { code: 'X', retriable: true }))).toBe(true);
  });

  it('documents every row, and names the rows the table does not list', () => {
    for (const row of OCI_RETRYABILITY) expect(row.why.length).toBeGreaterThan(10);
    for (const status of [408, 502, 504]) expect(OCI_RETRYABILITY.find((r) => r.status === status)?.why).toMatch(/not in the table/);
    expect(OCI_RETRYABILITY.find((r) => r.status === 501)?.why).toMatch(/table: No/);
  });
});

describe('retryRule: a caller override on top of the shared rule', () => {
  const rule = retryRule([
    { status: 404, retry: true, why: 'test: a resource that appears shortly' },
    { status: 503, code: 'ExternalServerTimeout', retry: false, why: 'test: one code of a status' },
  ]);

  it('decides the overridden status, or only the overridden code of it', () => {
    expect(rule(ociError(404, 'NotAuthorizedOrNotFound'))).toBe(true);
    expect(rule(ociError(404, 'NotFound'))).toBe(true);
    expect(rule(ociError(503, 'ExternalServerTimeout'))).toBe(false);
    expect(rule(ociError(503, 'ServiceUnavailable'))).toBe(true);
  });

  it('leaves everything else to the shared rule', () => {
    expect(rule(ociError(409, 'IncorrectState'))).toBe(true);
    expect(rule(ociError(409, 'Conflict'))).toBe(false);
    expect(rule(ociError(401, 'NotAuthenticated'))).toBe(false);
    expect(rule({ code: 'ECONNRESET' })).toBe(true);
    expect(isRetryable(ociError(404, 'NotAuthorizedOrNotFound'))).toBe(false);
  });
});
