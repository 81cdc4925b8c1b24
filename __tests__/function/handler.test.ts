import type { FnContext } from '@fnproject/fdk';
import type * as streaming from 'oci-streaming';
import { ConfigError, PublishError } from '../../lambda-src/errors';
import { createHandler } from '../../lambda-src/handler';
import type { LogSink } from '../../lib/runtime/logger';
import { PutMessagesApi } from '../../lambda-src/publisher';
import { DEFAULT_RETRY_POLICY } from '../../lambda-src/retry';
import { defaultDeps, resetRuntime, RuntimeDeps } from '../../lambda-src/runtime';
import { FakeClock } from '../helpers/fdk-fake-clock';
import { fixtureText } from '../helpers/fdk-fixtures';

const CONFIG = { STREAM_OCID: 'ocid1.stream.oc1.iad.s', STREAM_ENDPOINT: 'http://127.0.0.1:1', OCI_REGION: 'us-ashburn-1' };

function fakeCtx(config: Record<string, string>, headers: Record<string, string> = {}): FnContext & { responseHeaders: Record<string, string[]> } {
  const responseHeaders: Record<string, string[]> = {};
  const all: Record<string, string> = { 'Fn-Call-Id': 'call-1', 'Fn-Deadline': new Date(Date.now() + 30_000).toISOString(), ...headers };
  const ctx = {
    config: { ...config },
    deadline: new Date(Date.parse(all['Fn-Deadline'])),
    callID: all['Fn-Call-Id'],
    headers: Object.fromEntries(Object.entries(all).map(([k, v]) => [k, [v]])),
    getHeader: (k: string) => all[k] ?? null,
    setResponseHeader: (k: string, ...v: string[]) => { responseHeaders[k] = v; },
    responseContentType: 'application/json',
    httpGateway: { requestURL: null, method: null, set statusCode(s: number) { responseHeaders['Fn-Http-Status'] = [String(s)]; } },
    responseHeaders,
  };
  return ctx as unknown as FnContext & { responseHeaders: Record<string, string[]> };
}

function setup(answers: Array<() => unknown>) {
  const lines: Array<{ level: string; event: string; fields: Record<string, unknown> }> = [];
  const logger: LogSink = { log: (level, event, fields = {}) => lines.push({ level, event, fields }) };
  const requests: streaming.requests.PutMessagesRequest[] = [];
  const api: PutMessagesApi = {
    async putMessages(request) {
      requests.push(request);
      return (answers.shift() ?? (() => { throw new Error('no answer'); }))() as streaming.responses.PutMessagesResponse;
    },
  };
  const createApi = jest.fn(async () => ({ api, region: null }));
  const deps: RuntimeDeps = { logger, clock: new FakeClock(), createApi };
  return { handler: createHandler(deps), lines, requests, createApi };
}

const ok = (offset: number) => () => ({ putMessagesResult: { failures: 0, entries: [{ partition: '0', offset }] } });

beforeEach(() => resetRuntime());

describe('handler', () => {
  it("reads its configuration from deps.environment when given (production: process.env itself), else from ctx.config", async () => {
    expect(defaultDeps.environment?.()).toBe(process.env);
    const fromCtx = { ...CONFIG, STREAM_OCID: 'ocid1.stream.oc1.iad.fromctx' };
    const withEnvironment = setup([ok(7)]);
    const viaDeps = createHandler({
      logger: { log: () => undefined },
      clock: new FakeClock(),
      createApi: withEnvironment.createApi,
      environment: () => ({ ...CONFIG, STREAM_OCID: 'ocid1.stream.oc1.iad.fromdeps' }),
    });
    // ctx.config names another stream: the deps' environment wins.
    await expect(viaDeps(fixtureText('oci-createobject.json'), fakeCtx(fromCtx))).resolves.toMatchObject({ status: 'published', streamId: 'ocid1.stream.oc1.iad.fromdeps', offset: 7 });
    resetRuntime();
    const withoutEnvironment = setup([ok(8)]);
    await expect(withoutEnvironment.handler(fixtureText('oci-createobject.json'), fakeCtx(fromCtx))).resolves.toMatchObject({ status: 'published', streamId: 'ocid1.stream.oc1.iad.fromctx', offset: 8 });
    expect([...withEnvironment.requests, ...withoutEnvironment.requests].map((r) => r.streamId)).toEqual(['ocid1.stream.oc1.iad.fromdeps', 'ocid1.stream.oc1.iad.fromctx']);
  });

  it('publishes and answers with the ack, logging one info line', async () => {
    const { handler, lines, requests } = setup([ok(12)]);
    const response = await handler(fixtureText('oci-createobject.json'), fakeCtx(CONFIG));
    expect(response).toEqual({
      status: 'published',
      id: expect.stringMatching(/^[0-9a-f]{64}$/),
      key: 'exampletenantns/landing-bucket/incoming/2026/03/14/invoice-0001.pdf',
      streamId: 'ocid1.stream.oc1.iad.s',
      partition: '0',
      offset: 12,
    });
    const sent = JSON.parse(Buffer.from(requests[0].putMessagesDetails.messages[0].value, 'base64').toString('utf8'));
    expect(sent.id).toBe((response as { id: string }).id);
    expect(sent.data.region).toBe('us-ashburn-1');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'info', event: 'claim-check.published', fields: { callId: 'call-1', offset: 12, attempts: 1, sourceEventId: '5b3f2c1e-8d4a-4f6b-9c2e-1a7d3e9f0b42' } });
  });

  it('acknowledges an object the bucket\'s filter excludes: filtered, an info line, nothing published', async () => {
    const { handler, lines, requests, createApi } = setup([ok(5)]);
    // The fixture's object is incoming/2026/03/14/invoice-0001.pdf in landing-bucket.
    const excludePdf = JSON.stringify({ 'landing-bucket': { include: [{ prefix: 'incoming/' }], exclude: [{ suffix: '.pdf' }] } });
    const response = await handler(fixtureText('oci-createobject.json'), fakeCtx({ ...CONFIG, OBJECT_FILTERS: excludePdf }));
    expect(response).toEqual({ status: 'filtered', bucket: 'landing-bucket', object: 'incoming/2026/03/14/invoice-0001.pdf' });
    expect(requests).toHaveLength(0);
    expect(createApi).not.toHaveBeenCalled();
    expect(lines).toEqual([expect.objectContaining({ level: 'info', event: 'claim-check.filtered', fields: expect.objectContaining({ bucket: 'landing-bucket' }) })]);
    // Another bucket's filter, or a matching one, lets it through.
    const otherBucket = JSON.stringify({ elsewhere: { include: [{ prefix: 'nothing/' }] } });
    expect(await handler(fixtureText('oci-createobject.json'), fakeCtx({ ...CONFIG, OBJECT_FILTERS: otherBucket }))).toMatchObject({ status: 'published' });
  });

  it('creates the clients once and reuses them across invocations', async () => {
    const { handler, createApi } = setup([ok(1), ok(2), ok(3)]);
    for (let i = 0; i < 3; i++) await handler(fixtureText('oci-createobject.json'), fakeCtx(CONFIG));
    expect(createApi).toHaveBeenCalledTimes(1);
  });

  it('rejects bad input with a 200 body (no retry), a warn line, and no publish', async () => {
    const { handler, lines, requests } = setup([]);
    const ctx = fakeCtx(CONFIG);
    const response = await handler('{"eventType": "com.oraclecloud.objectstorage.createbucket", "data": {}}', ctx);
    expect(response).toEqual({
      status: 'rejected',
      error: { code: 'UnsupportedEventType', message: expect.stringContaining('createbucket'), field: 'eventType' },
    });
    expect(requests).toHaveLength(0);
    expect(ctx.responseHeaders['Fn-Http-Status']).toBeUndefined();
    expect(lines).toEqual([expect.objectContaining({ level: 'warn', event: 'claim-check.rejected', fields: expect.objectContaining({ code: 'UnsupportedEventType', field: 'eventType' }) })]);
  });

  it('marks a rejection 422 when invoked through an HTTP trigger', async () => {
    const { handler } = setup([]);
    const ctx = fakeCtx(CONFIG, { 'Fn-Intent': 'httprequest', 'Fn-Http-Method': 'POST' });
    await handler('not json', ctx);
    expect(ctx.responseHeaders['Fn-Http-Status']).toEqual(['422']);
  });

  it('fails (throws → FDK 502) on missing configuration, naming the variable', async () => {
    const { handler, lines } = setup([]);
    const error = await handler(fixtureText('oci-createobject.json'), fakeCtx({ STREAM_ENDPOINT: 'http://x' })).catch((e) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect(String(error)).toBe('ConfigError: Missing required configuration STREAM_OCID');
    expect(lines[0]).toMatchObject({ level: 'error', event: 'claim-check.failed', fields: { reason: 'config', variable: 'STREAM_OCID' } });
  });

  it('fails when no region can be determined, naming OCI_REGION', async () => {
    const { handler } = setup([]);
    const error = await handler(fixtureText('oci-createobject.json'), fakeCtx({ STREAM_OCID: 's', STREAM_ENDPOINT: 'http://x' })).catch((e) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.variable).toBe('OCI_REGION');
  });

  it('fails (throws) when the stream refuses the request, logging the budget it had from Fn-Deadline', async () => {
    const unauthenticated = () => { throw Object.assign(new Error('NotAuthenticated'), { statusCode: 401 }); };
    const { handler, lines } = setup([unauthenticated]);
    const ctx = fakeCtx(CONFIG);
    const error = await handler(fixtureText('oci-createobject.json'), ctx).catch((e) => e);
    expect(error).toBeInstanceOf(PublishError);
    expect(lines.at(-1)).toMatchObject({
      level: 'error',
      event: 'claim-check.failed',
      fields: {
        reason: 'publish',
        statusCode: 401,
        attempts: 1,
        exhausted: false,
        budgetEndsAt: new Date(ctx.deadline!.getTime() - DEFAULT_RETRY_POLICY.deadlineSafetyMarginMs).toISOString(),
      },
    });
  });
});
