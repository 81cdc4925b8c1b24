import { ClaimCheckError } from '../../lib/runtime/errors';
import { isRetryable } from '../../lib/runtime/retryability';
import {
  ConsumerFatalError,
  ConsumerStoppingError,
  errorInfo,
  fetchOutcomeOf,
  HandlerTimeoutError,
  isTransient,
  UnresolvedError,
} from '../../lib/consumer/errors';
import { ociError } from './helpers';

describe('fetchOutcomeOf: the GetObject answers that decide a claim (the consumer override of the retry rule)', () => {
  it('404 ObjectNotFound or body-less → object-gone; 412 → superseded', () => {
    expect(fetchOutcomeOf(ociError(404, 'ObjectNotFound'))).toBe('object-gone');
    expect(fetchOutcomeOf(ociError(404, 'None'))).toBe('object-gone');
    expect(fetchOutcomeOf(ociError(412, 'PreconditionFailed'))).toBe('superseded');
  });

  it('404 BucketNotFound (also what OCI says when read permission is missing) is not object-gone', () => {
    expect(fetchOutcomeOf(ociError(404, 'BucketNotFound'))).toBeNull();
  });

  it('other failures decide nothing', () => {
    for (const e of [ociError(500), ociError(429, 'TooManyRequests'), ociError(403, 'NotAuthorized'), { code: 'ECONNRESET', message: 'reset' }]) {
      expect(fetchOutcomeOf(e)).toBeNull();
    }
  });
});

describe('isTransient', () => {
  it('is the shared retry rule under its exported name', () => {
    expect(isTransient).toBe(isRetryable);
  });
});

describe('errorInfo', () => {
  it('names the error and keeps its stack; a thrown non-error is described by its type', () => {
    expect(errorInfo(new RangeError('bad'))).toMatchObject({ name: 'RangeError', message: 'bad', stack: expect.stringContaining('bad') });
    expect(errorInfo(ociError(503, 'ServiceUnavailable', 'try later'))).toMatchObject({ message: 'HTTP 503 ServiceUnavailable try later [opc-request-id req-1]' });
    expect(errorInfo(42)).toEqual({ name: 'number', message: '42' });
    expect(errorInfo({ code: 'ECONNRESET' })).toEqual({ name: 'Error', message: 'ECONNRESET' });
  });
});

describe('the consumer errors', () => {
  it.each([
    [new HandlerTimeoutError(30), 'HandlerTimeoutError', 'HandlerTimeout', true],
    [new ConsumerStoppingError(10), 'ConsumerStoppingError', 'ConsumerStopping', true],
    [new ConsumerFatalError('no stream', { statusCode: 404 }), 'ConsumerFatalError', 'ConsumerFatal', false],
    [new UnresolvedError('later'), 'UnresolvedError', 'Unresolved', true],
  ])('%s is a ClaimCheckError named %s, code %s, retriable %s', (error, name, code, retriable) => {
    expect(error).toBeInstanceOf(ClaimCheckError);
    expect(error).toMatchObject({ name, code, retriable });
  });

  it('ConsumerFatalError keeps its cause', () => {
    const cause = { statusCode: 404 };
    expect(new ConsumerFatalError('no stream', cause).cause).toBe(cause);
  });
});
