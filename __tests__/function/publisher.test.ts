import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as common from 'oci-common';
import * as streaming from 'oci-streaming';
import { StreamMessage } from '../../lib/contract';
import { PublishError } from '../../lambda-src/errors';
import type { LogSink } from '../../lib/runtime/logger';
import { systemClock } from '../../lib/runtime/clock';
import { classifyPublishFailure, EntryFailedError, NOT_FOUND_HINT, PutMessagesApi, StreamPublisher, UnexpectedResponseError } from '../../lambda-src/publisher';
import { ClaimCheckError } from '../../lib/runtime/errors';
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
  const logger: LogSink = { log: (level, event, fields = {}) => lines.push({ level, event, fields }) };
  return { logger, lines };
}

describe('StreamPublisher', () => {
  it('sends key and value base64-encoded and returns the ack', async () => {
    const { api, requests } = fakeApi([() => ok('0', 41)]);
    const publisher = new StreamPublisher(api, 'ocid1.stream.oc1..s', { policy: DEFAULT_RETRY_POLICY, clock: new FakeClock(), logger: recordingLogger().logger });
    const ack = await publisher.publish(message, null);
    expect(ack).toEqual({ streamId: 'ocid1.stream.oc1..s', partition: '0', offset: 41, attempts: 1 });
    expect(requests).toHaveLength(1);
    expect(requests[0].streamId).toBe('ocid1.stream.oc1..s');
    expect(requests[0].putMessagesDetails.messages).toEqual([
      { key: Buffer.from('ns/b/ü.txt').toString('base64'), value: Buffer.from('{"a":"é"}').toString('base64') },
    ]);
  });

  it('makes exactly one HTTP request per publisher attempt, even with SDK-wide retries switched on', async () => {
    // The real SDK client against a server that always answers 500 (a status the SDK's retrier retries).
    const seen: Array<{ method?: string; url?: string }> = [];
    const server = http.createServer((req, res) => {
      seen.push({ method: req.method, url: req.url });
      req.resume().on('end', () => {
        res.writeHead(500, { 'content-type': 'application/json', 'opc-request-id': `r${seen.length}` });
        res.end(JSON.stringify({ code: 'InternalServerError', message: 'always failing' }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    // What OCI_SDK_DEFAULT_RETRY_ENABLED=true or an application-wide default does: 3 SDK attempts for every call
    // that has no per-request configuration (here without the SDK's real backoff, to keep the test fast).
    const retrier = common.GenericRetrier as unknown as { DefaultRetryConfiguration: common.RetryConfiguration | null };
    const saved = retrier.DefaultRetryConfiguration;
    retrier.DefaultRetryConfiguration = {
      terminationStrategy: new common.MaxAttemptsTerminationStrategy(3),
      delayStrategy: new common.FixedTimeDelayStrategy(0),
    };
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined); // the SDK's retrier chatter
    try {
      const client = new streaming.StreamClient({} as common.AuthParams); // no provider: unsigned requests
      client.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 1, maxDelayMs: 1, maxAttempts: 2 };
      const { logger, lines } = recordingLogger();
      const publisher = new StreamPublisher(client, 'ocid1.stream.oc1..s', { policy, clock: systemClock, logger });
      const error = await publisher.publish(message, null).catch((e) => e);
      expect(error).toBeInstanceOf(PublishError);
      expect(error).toMatchObject({ attempts: 2, statusCode: 500, exhausted: true });
      expect(lines.map((l) => [l.event, l.fields.attempt, l.fields.statusCode])).toEqual([['claim-check.publish-retry', 1, 500]]);
      // Two publisher attempts, two PutMessages requests: the SDK retried none of them.
      expect(seen).toEqual([
        { method: 'POST', url: '/20180418/streams/ocid1.stream.oc1..s/messages' },
        { method: 'POST', url: '/20180418/streams/ocid1.stream.oc1..s/messages' },
      ]);
    } finally {
      warn.mockRestore();
      retrier.DefaultRetryConfiguration = saved;
      await new Promise((resolve) => server.close(resolve));
    }
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

  it.each([
    [400, 'InvalidParameter'],
    [401, 'NotAuthenticated'],
    [403, 'NotAuthorized'],
    [409, 'Conflict'],
  ])('fails without retrying on %s %s (any 4xx but 404/408/429)', async (status, code) => {
    const { api, requests } = fakeApi([() => { throw ociError(status, code); }]);
    const { logger, lines } = recordingLogger();
    const publisher = new StreamPublisher(api, 's', { policy: DEFAULT_RETRY_POLICY, clock: new FakeClock(), logger });
    const error = await publisher.publish(message, null).catch((e) => e);
    expect(error).toBeInstanceOf(PublishError);
    expect(error).toMatchObject({ statusCode: status, attempts: 1, exhausted: false });
    expect(error.message).not.toContain('IAM policy');
    expect(requests).toHaveLength(1);
    expect(lines).toEqual([]);
  });

  it('retries 404 NotAuthorizedOrNotFound (IAM policy still propagating) like a 429, publishing exactly once', async () => {
    const notYet = () => { throw ociError(404, 'NotAuthorizedOrNotFound'); };
    const { api, requests } = fakeApi([notYet, notYet, () => ok('1', 12)]);
    const { logger, lines } = recordingLogger();
    const clock = new FakeClock([0.5]);
    const publisher = new StreamPublisher(api, 's', { policy: DEFAULT_RETRY_POLICY, clock, logger });
    const ack = await publisher.publish(message, null, { claimId: 'c404' });
    expect(ack).toMatchObject({ partition: '1', offset: 12, attempts: 3 });
    expect(requests).toHaveLength(3);
    // The same jittered backoff as a throttle: 0.5 × 100 ms, then 0.5 × 200 ms.
    expect(clock.sleeps).toEqual([50, 100]);
    expect(lines.map((l) => [l.level, l.event, l.fields.attempt, l.fields.statusCode, l.fields.claimId])).toEqual([
      ['warn', 'claim-check.publish-retry', 1, 404, 'c404'],
      ['warn', 'claim-check.publish-retry', 2, 404, 'c404'],
    ]);
    expect(lines[0].fields.error).toBe('NotAuthorizedOrNotFound: NotAuthorizedOrNotFound message [opc-request-id req-1]');
  });

  it('gives up on a persistent 404 at the deadline, naming IAM propagation as the likely cause', async () => {
    const clock = new FakeClock([0.999]);
    const deadline = new Date(clock.now() + 5_000);
    const attempts: number[] = [];
    const api: PutMessagesApi = {
      async putMessages() {
        attempts.push(clock.now());
        clock.time += 20;
        throw ociError(404, 'NotAuthorizedOrNotFound');
      },
    };
    const { logger, lines } = recordingLogger();
    const publisher = new StreamPublisher(api, 's', { policy: DEFAULT_RETRY_POLICY, clock, logger });
    const error = await publisher.publish(message, deadline).catch((e) => e);
    expect(error).toBeInstanceOf(PublishError);
    expect(error).toMatchObject({ statusCode: 404, exhausted: true, attempts: attempts.length });
    expect(error.message).toMatch(
      /^Deadline reached after \d+ attempts: NotAuthorizedOrNotFound: .* \(HTTP 404\)\. Likely cause: the IAM policy .* has not propagated yet/,
    );
    expect(error.message).toContain('STREAM_OCID');
    // Bounded by Fn-Deadline (minus the safety margin): every attempt started before the budget ended.
    expect(attempts.length).toBeGreaterThan(2);
    expect(Math.max(...attempts)).toBeLessThan(deadline.getTime() - DEFAULT_RETRY_POLICY.deadlineSafetyMarginMs);
    expect(clock.now()).toBeLessThanOrEqual(deadline.getTime() - DEFAULT_RETRY_POLICY.deadlineSafetyMarginMs);
    // One retry line per failed attempt but the last, each with its attempt number and status.
    expect(lines.map((l) => [l.fields.attempt, l.fields.statusCode])).toEqual(attempts.slice(1).map((_, i) => [i + 1, 404]));
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
    [ociError(404, 'NotAuthorizedOrNotFound'), true, 404],
    [ociError(404, 'NotFound'), true, 404],
    [ociError(409, 'Conflict'), false, 409],
    [ociError(409, 'NotAuthorizedOrResourceAlreadyExists'), false, 409],
    // The shared rule (lib/runtime/retryability.ts): OCI's table says "Yes, with backoff" for IncorrectState.
    [ociError(409, 'IncorrectState'), true, 409],
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

  it('its own errors are ClaimCheckErrors that say they are retriable', () => {
    for (const error of [new EntryFailedError('TooManyRequests', null), new UnexpectedResponseError('no entry'), new AttemptTimeoutError(10)]) {
      expect(error).toBeInstanceOf(ClaimCheckError);
      expect(error.retriable).toBe(true);
    }
    expect(new EntryFailedError('TooManyRequests', null)).toMatchObject({ name: 'EntryFailedError', code: 'EntryFailed' });
  });

  it('carries the IAM propagation hint for a 404 only (for the final error, not each retry line)', () => {
    expect(classifyPublishFailure(ociError(404, 'NotAuthorizedOrNotFound')).hint).toBe(NOT_FOUND_HINT);
    expect(NOT_FOUND_HINT).toMatch(/IAM policy .* has not propagated yet/);
    for (const status of [400, 401, 403, 429, 500]) expect(classifyPublishFailure(ociError(status, 'X')).hint).toBeUndefined();
  });

  it('includes the service code and opc-request-id in the message', () => {
    expect(classifyPublishFailure(ociError(500, 'InternalServerError')).message).toBe(
      'InternalServerError: InternalServerError message [opc-request-id req-1]',
    );
  });
});
