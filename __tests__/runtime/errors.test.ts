import * as common from 'oci-common';
import { ClaimCheckError, errorMessage, httpStatusOf, serviceCodeOf } from '../../lib/runtime/errors';

const ociError = (status: number, code: string, message = `${code} message`) =>
  new common.OciError(status, code, message, 'req-1', 'Stream', 'op', '', '', '');

describe('ClaimCheckError', () => {
  it('is an Error with a code, a retriable flag and an optional cause', () => {
    const cause = new Error('under');
    const error = new ClaimCheckError('it failed', { code: 'Thing', retriable: true, cause });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'ClaimCheckError', message: 'it failed', code: 'Thing', retriable: true, cause });
    expect(new ClaimCheckError('x', { code: 'Y', retriable: false })).not.toHaveProperty('cause');
  });

  it('is the base of every product error class (subclasses name themselves)', () => {
    class Sub extends ClaimCheckError {
      constructor() {
        super('sub', { code: 'Sub', retriable: false });
        this.name = 'Sub';
      }
    }
    const sub = new Sub();
    expect(sub).toBeInstanceOf(ClaimCheckError);
    expect(`${sub}`).toBe('Sub: sub');
  });
});

describe('reading SDK errors', () => {
  it('httpStatusOf: the status of an HTTP error answer; null for network errors and non-errors', () => {
    expect(httpStatusOf(ociError(404, 'NotAuthorizedOrNotFound'))).toBe(404);
    expect(httpStatusOf({ code: 'ECONNRESET', message: 'reset' })).toBeNull();
    expect(httpStatusOf({ statusCode: -1 })).toBeNull();
    expect(httpStatusOf({ statusCode: '500' })).toBeNull();
    expect(httpStatusOf(null)).toBeNull();
    expect(httpStatusOf(undefined)).toBeNull();
  });

  it('serviceCodeOf: the OCI code, null for "None" (a body-less answer) and for none', () => {
    expect(serviceCodeOf(ociError(409, 'IncorrectState'))).toBe('IncorrectState');
    expect(serviceCodeOf(ociError(404, 'None'))).toBeNull();
    expect(serviceCodeOf({ serviceCode: '' })).toBeNull();
    expect(serviceCodeOf({ code: 'ECONNRESET' })).toBeNull();
    expect(serviceCodeOf(null)).toBeNull();
  });
});

describe('errorMessage', () => {
  it('names the status, service code, message and request id (the consumer format, the default)', () => {
    expect(errorMessage(ociError(503, 'ServiceUnavailable', 'try later'))).toBe('HTTP 503 ServiceUnavailable try later [opc-request-id req-1]');
    expect(errorMessage(ociError(404, 'None', 'Not found'))).toBe('HTTP 404 Not found [opc-request-id req-1]');
    expect(errorMessage({ code: 'ECONNRESET', message: 'socket hang up' })).toBe('ECONNRESET socket hang up');
    expect(errorMessage(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBe('connect ECONNREFUSED');
    expect(errorMessage(new TypeError('boom'))).toBe('boom');
    expect(errorMessage(new RangeError(''))).toBe('RangeError');
    expect(errorMessage('plain')).toBe('plain');
    expect(errorMessage({})).toBe('[object Object]');
  });

  it('in the function format leaves the status out and puts a colon after the code', () => {
    const fn = { withStatus: false, separator: ': ' };
    expect(errorMessage(ociError(500, 'InternalServerError'), fn)).toBe('InternalServerError: InternalServerError message [opc-request-id req-1]');
    expect(errorMessage({ code: 'ECONNREFUSED', message: 'fetch failed' }, fn)).toBe('ECONNREFUSED: fetch failed');
    expect(errorMessage(Object.assign(new Error('connect refused'), { code: 'ECONNREFUSED' }), fn)).toBe('ECONNREFUSED: connect refused');
    expect(errorMessage(new TypeError('fetch failed'), fn)).toBe('fetch failed');
  });
});
