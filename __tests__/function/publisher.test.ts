import * as common from 'oci-common';
import type * as streaming from 'oci-streaming';
import { StreamMessage } from '../../lambda-src/claim-check';
import { PublishError } from '../../lambda-src/errors';
import { Logger } from '../../lambda-src/log';
import { classifyPublishFailure, EntryFailedError, PutMessagesApi, StreamPublisher } from '../../lambda-src/publisher';
import { AttemptTimeoutError, DEFAULT_RETRY_POLICY } from '../../lambda-src/retry';
import { FakeClock } from '../helpers/fdk-fake-clock';

const message: StreamMessage = { keyText: 'ns/b/ü.txt', key: Buffer.from('ns/b/ü.txt'), value: Buffer.from('{"a":"é"}') };
const ok = (partition: string, offset: number) => ({ putMessagesResult: { failures: 0, entries: [{ partition, offset }] } }) as unknown as streaming.responses.PutMessagesResponse;
const entryFailure = () =>
  ({ putMessagesResult: { failures: 1, entries: [{ error: 'TooManyRequests', errorMessage: 'partition throttled' }] } }) as unknown as streaming.responses.PutMessagesResponse;
const ociError = (status: number, code: string) => new common.OciError(status, code, `${code} message`, 'req-1', 'Stream', 'putMessages', '', '', '');

function fakeApi(answers: Array<() => streaming.responses.PutMessagesResponse>) {
  const requests: streaming.requests.PutMessagesRequest[] = [];
  const api: PutMessagesApi = {
    async putMessages(request) {
      requests.push(request);
      const next = answers.shift();
      if (!next) throw new Error('unexpected extra call');
      return next();
    },
  };
  return { api, requests };
}

function recordingLogger() {
  const lines: Array<{ level: string; event: string; fields: Record<string, unknown> }> = [];
  const logger: Logger = { log: (level, event, fields = {}) => lines.push({ level, event, fields }) };
  return { logger, lines };
}

describe('StreamPublisher', () => {
  it('sends key and value base64-encoded, one attempt per SDK call, and returns the ack', async () => {
    const { api, requests } = fakeApi([() => ok('0', 41)]);
    const publisher = new StreamPublisher(api, 'ocid1.stream.oc1..s', { policy: DEFAULT_RETRY_POLICY, clock: new FakeClock(), logger: recordingLogger().logger });
    const ack = await publisher.publish(message, null);
    expect(ack).toEqual({ streamId: 'ocid1.stream.oc1..s', partition: '0', offset: 41, attempts: 1 });
    expect(requests).toHaveLength(1);
    expect(requests[0].streamId).toBe('ocid1.stream.oc1..s');
    expect(requests[0].putMessagesDetails.messages).toEqual([
      { key: Buffer.from('ns/b/ü.txt').toString('base64'), value: Buffer.from('{"a":"é"}').toString('base64') },
    ]);
    expect(requests[0].retryConfiguration?.terminationStrategy).toBeInstanceOf(common.MaxAttemptsTerminationStrategy);
  });

  it('retries a per-entry failure inside a 200 and a 429, publishing exactly once', async () => {
    const { api, requests } = fakeApi([() => entryFailure(), () => { throw ociError(429, 'TooManyRequests'); }, () => ok('2', 7)]);
    const { logger, lines } = recordingLogger();
    const publisher = new StreamPublisher(api, 's', { policy: DEFAULT_RETRY_POLICY, clock: new FakeClock(), logger });
    const ack = await publisher.publish(message, null, { claimId: 'c1' });
    expect(ack).toMatchObject({ partition: '2', offset: 7, attempts: 3 });
    expect(requests).toHaveLength(3);
    expect(lines.map((l) => [l.event, l.fields.attempt, l.fields.statusCode])).toEqual([
      ['claim-check.publish-retry', 1, null],
      ['claim-check.publish-retry', 2, 429],
    ]);
    expect(lines[0].fields).toMatchObject({ claimId: 'c1', error: 'Stream rejected the message: TooManyRequests (partition throttled)' });
  });

  it('fails without retrying on 401/404', async () => {
    for (const status of [401, 404]) {
      const { api, requests } = fakeApi([() => { throw ociError(status, 'NotAuthenticated'); }]);
      const publisher = new StreamPublisher(api, 's', { policy: DEFAULT_RETRY_POLICY, clock: new FakeClock(), logger: recordingLogger().logger });
      const error = await publisher.publish(message, null).catch((e) => e);
      expect(error).toBeInstanceOf(PublishError);
      expect(error.statusCode).toBe(status);
      expect(requests).toHaveLength(1);
    }
  });

  it('treats a 200 without partition/offset as unacknowledged', async () => {
    const weird = () => ({ putMessagesResult: { failures: 0, entries: [{}] } }) as unknown as streaming.responses.PutMessagesResponse;
    const { api } = fakeApi([weird, () => ok('1', 3)]);
    const publisher = new StreamPublisher(api, 's', { policy: DEFAULT_RETRY_POLICY, clock: new FakeClock(), logger: recordingLogger().logger });
    expect(await publisher.publish(message, null)).toMatchObject({ partition: '1', offset: 3, attempts: 2 });
  });
});

describe('classifyPublishFailure', () => {
  it.each([
    [ociError(429, 'TooManyRequests'), true, 429],
    [ociError(500, 'InternalServerError'), true, 500],
    [ociError(503, 'ServiceUnavailable'), true, 503],
    [ociError(408, 'RequestTimeout'), true, 408],
    [ociError(400, 'InvalidParameter'), false, 400],
    [ociError(401, 'NotAuthenticated'), false, 401],
    [ociError(403, 'NotAuthorized'), false, 403],
    [ociError(404, 'NotAuthorizedOrNotFound'), false, 404],
    [ociError(409, 'Conflict'), false, 409],
  ])('%s → retryable=%s', (error, retryable, statusCode) => {
    expect(classifyPublishFailure(error)).toMatchObject({ retryable, statusCode });
  });

  it('retries network errors (the SDK throws a plain {code, message} object), timeouts and entry failures', () => {
    expect(classifyPublishFailure({ code: 'ECONNREFUSED', message: 'fetch failed' })).toEqual({
      retryable: true, statusCode: null, message: 'Network error: ECONNREFUSED: fetch failed',
    });
    expect(classifyPublishFailure(new TypeError('fetch failed')).retryable).toBe(true);
    expect(classifyPublishFailure(new AttemptTimeoutError(10)).retryable).toBe(true);
    expect(classifyPublishFailure(new EntryFailedError('InternalServerError', null)).retryable).toBe(true);
  });

  it('includes the service code and opc-request-id in the message', () => {
    expect(classifyPublishFailure(ociError(500, 'InternalServerError')).message).toBe(
      'InternalServerError: InternalServerError message [opc-request-id req-1]',
    );
  });
});
