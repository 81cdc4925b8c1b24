/**
 * End-to-end: the REAL bundled function, run the way the Fn agent runs it (http-stream over a unix socket),
 * publishing with the real OCI SDK, signed with a resource principal, into the local Streaming emulator, which
 * verifies every request signature.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_RETRY_POLICY } from '../../lambda-src/retry';
import { createIssuerKeyPair, createLocalResourcePrincipal, IssuerKeyPair, StreamingEmulator } from '../../lib/emulators';
import { EntryFailureProxy } from '../helpers/fdk-entry-failure-proxy';
import { fixtureJson, fixtureText, REFERENCE_CREATE_CLAIM } from '../helpers/fdk-fixtures';
import { bundleFunctionForTest, FdkProcess, FdkResponse } from '../helpers/fdk-harness';

const STREAM_ID = 'ocid1.stream.oc1.iad.amaaaaaae2eclaimcheckstream';

let work: string;
let bundle: ReturnType<typeof bundleFunctionForTest>;
let emu: StreamingEmulator;
let issuer: IssuerKeyPair;
let env: Record<string, string>;
let fdk: FdkProcess;
let pid: number | undefined;

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'fdk-e2e-'));
  bundle = bundleFunctionForTest();
  issuer = createIssuerKeyPair();
  emu = await StreamingEmulator.start({
    streams: [{ id: STREAM_ID, name: 'claims', partitions: 3 }],
    port: 0,
    dataDir: path.join(work, 'streaming'),
    auth: { issuerPublicKey: issuer.publicKeyPem },
  });
  const principal = createLocalResourcePrincipal({ issuer, region: 'us-ashburn-1' });
  env = { ...principal.env, OCI_AUTH: 'resource_principal', STREAM_OCID: STREAM_ID, STREAM_ENDPOINT: emu.endpoint };
  fdk = await FdkProcess.start(bundle.outFile, env);
  pid = fdk.child.pid;
});

afterAll(async () => {
  await fdk?.stop();
  await emu?.stop();
  fs.rmSync(bundle.dir, { recursive: true, force: true });
  fs.rmSync(work, { recursive: true, force: true });
});

afterEach(() => {
  emu.faults.clear();
  // The one long-lived function process is still the same process, still serving (never crashed).
  expect({ alive: fdk.alive, pid: fdk.child.pid }).toEqual({ alive: true, pid });
});

interface Ack { status: 'published'; id: string; key: string; streamId: string; partition: string; offset: number }

function expectPublished(response: FdkResponse): Ack {
  expect({ status: response.status, contentType: response.headers['content-type'] }).toEqual({ status: 200, contentType: 'application/json' });
  const body = JSON.parse(response.body);
  expect(body).toEqual({
    status: 'published',
    id: expect.stringMatching(/^[0-9a-f]{64}$/),
    key: expect.any(String),
    streamId: STREAM_ID,
    partition: expect.stringMatching(/^[0-2]$/),
    offset: expect.any(Number),
  });
  return body;
}

function stored(ack: { partition: string; offset: number }) {
  const found = emu.readAll(STREAM_ID).filter((m) => m.partition === ack.partition && m.offset === ack.offset);
  expect(found).toHaveLength(1);
  return found[0];
}

const count = () => emu.readAll(STREAM_ID).length;
/** The log lines of one call; waits for its final outcome line (published/rejected/failed) to have arrived. */
async function logsOf(process: FdkProcess, callId: string, event: string) {
  const lines = await process.waitForEvents(
    (l) => l.callId === callId,
    (ls) => ls.some((l) => /^claim-check\.(published|rejected|failed)$/.test(String(l.event))),
  );
  return lines.filter((l) => l.event === event);
}
const logsFor = (callId: string, event: string) => logsOf(fdk, callId, event);

describe('publishing a real OCI event', () => {
  it('writes exactly the documented key and claim bytes for the reference createobject event', async () => {
    const before = count();
    const ack = expectPublished(await fdk.invoke(fixtureText('oci-createobject.json'), { callId: 'ref-create' }));
    const expectedClaim = REFERENCE_CREATE_CLAIM;
    const message = stored(ack);
    expect(message.key).toEqual(Buffer.from('exampletenantns/landing-bucket/incoming/2026/03/14/invoice-0001.pdf', 'utf8'));
    expect(message.value).toEqual(Buffer.from(JSON.stringify(expectedClaim), 'utf8'));
    expect(ack.id).toBe(expectedClaim.id);
    expect(ack.key).toBe('exampletenantns/landing-bucket/incoming/2026/03/14/invoice-0001.pdf');
    expect(count()).toBe(before + 1);
    expect(await logsFor('ref-create', 'claim-check.published')).toEqual([
      expect.objectContaining({ level: 'info', claimId: ack.id, partition: ack.partition, offset: ack.offset, attempts: 1 }),
    ]);
  });

  it('keeps an awkward object name byte for byte in the key and percent-encodes it in the URL', async () => {
    const ack = expectPublished(await fdk.invoke(fixtureText('oci-createobject-awkward-name.json')));
    const name = 'incoming/2026 03/Résumé – 日本語 100%+tax #1?.pdf';
    const url =
      'https://objectstorage.us-ashburn-1.oraclecloud.com/n/exampletenantns/b/landing-bucket/o/' +
      'incoming%2F2026%2003%2FR%C3%A9sum%C3%A9%20%E2%80%93%20%E6%97%A5%E6%9C%AC%E8%AA%9E%20100%25%2Btax%20%231%3F.pdf';
    const message = stored(ack);
    expect(message.key).toEqual(Buffer.from(`exampletenantns/landing-bucket/${name}`, 'utf8'));
    const claim = JSON.parse(message.value.toString('utf8'));
    expect([claim.subject, claim.data.object, claim.dataref, claim.data.objectUrl]).toEqual([name, name, url, url]);
    expect(message.value).toEqual(Buffer.from(JSON.stringify(claim), 'utf8'));
  });

  it('publishes CloudEvents 1.0 input, update and delete events', async () => {
    const ce = stored(expectPublished(await fdk.invoke(fixtureText('cloudevents-1.0-createobject.json'))));
    expect(JSON.parse(ce.value.toString('utf8')).data).toMatchObject({ object: 'batch/day 14/a+b.json', versionId: '11a2b3c4-d5e6-4f70-8192-a3b4c5d6e7f8' });
    const upd = stored(expectPublished(await fdk.invoke(fixtureText('oci-updateobject-versioned.json'))));
    expect(JSON.parse(upd.value.toString('utf8')).type).toBe('io.github.cdktf-oci-claim-check.objectstorage.updateobject.v1');
    const del = stored(expectPublished(await fdk.invoke(fixtureText('oci-deleteobject-legacy.json'))));
    expect(JSON.parse(del.value.toString('utf8')).data).toMatchObject({ eventType: 'com.oraclecloud.objectstorage.deleteobject', etag: null });
  });

  it('gives a redelivered event the same claim id and the same partition (consumers dedupe on it)', async () => {
    const first = expectPublished(await fdk.invoke(fixtureText('oci-updateobject-versioned.json')));
    const again = expectPublished(await fdk.invoke(fixtureText('oci-updateobject-versioned.json')));
    expect(again.id).toBe(first.id);
    expect(again.partition).toBe(first.partition);
    expect(again.offset).toBeGreaterThan(first.offset);
    expect(stored(again).value).toEqual(stored(first).value);
  });
  it('publishes without ever loading undici (the global fetch), through lib/runtime/node-http-fetch', async () => {
    const preload = path.join(__dirname, '..', 'helpers', 'report-loaded-modules.cjs');
    const own = await FdkProcess.start(bundle.outFile, { ...env, NODE_OPTIONS: `--require ${preload}` });
    try {
      expectPublished(await own.invoke(fixtureText('oci-createobject.json'), { callId: 'no-undici' }));
      const [report] = await own.waitForEvents((l) => l.event === 'test.loaded-modules');
      expect(report).toEqual({ event: 'test.loaded-modules', undici: [] });
    } finally {
      await own.stop();
    }
  });
});

describe('retries', () => {
  it('publishes exactly once after a 429', async () => {
    emu.faults.add({ kind: 'throttle', operation: 'PutMessages', count: 1 });
    const before = count();
    const ack = expectPublished(await fdk.invoke(fixtureText('oci-createobject.json'), { callId: 'throttled' }));
    expect(count()).toBe(before + 1);
    expect(stored(ack).key?.toString('utf8')).toBe('exampletenantns/landing-bucket/incoming/2026/03/14/invoice-0001.pdf');
    expect(await logsFor('throttled', 'claim-check.publish-retry')).toEqual([expect.objectContaining({ attempt: 1, statusCode: 429 })]);
    expect(await logsFor('throttled', 'claim-check.published')).toEqual([expect.objectContaining({ attempts: 2 })]);
  });

  it('publishes exactly once after a dropped connection', async () => {
    emu.faults.add({ kind: 'drop', operation: 'PutMessages', count: 1 });
    const before = count();
    expectPublished(await fdk.invoke(fixtureText('oci-createobject.json'), { callId: 'dropped' }));
    expect(count()).toBe(before + 1);
    expect(await logsFor('dropped', 'claim-check.publish-retry')).toEqual([expect.objectContaining({ statusCode: null, error: expect.stringContaining('Network error') })]);
  });

  it('publishes exactly once after a per-entry failure inside an HTTP 200', async () => {
    const proxy = await EntryFailureProxy.start(emu.endpoint);
    const viaProxy = await FdkProcess.start(bundle.outFile, { ...env, STREAM_ENDPOINT: proxy.endpoint });
    try {
      proxy.failNextPutMessagesEntries(1);
      const before = count();
      const ack = expectPublished(await viaProxy.invoke(fixtureText('oci-createobject.json'), { callId: 'entry-failure' }));
      expect(count()).toBe(before + 1);
      expect(proxy.putMessagesCalls).toBe(2);
      expect(stored(ack).value.toString('utf8')).toContain('"subject":"incoming/2026/03/14/invoice-0001.pdf"');
      expect(await logsOf(viaProxy, 'entry-failure', 'claim-check.publish-retry')).toEqual([
        expect.objectContaining({ error: 'Stream rejected the message: InternalServerError (injected per-entry failure)' }),
      ]);
    } finally {
      await viaProxy.stop();
      await proxy.stop();
    }
  });

  it('publishes exactly once after two 404 NotAuthorizedOrNotFound (a new IAM policy still propagating)', async () => {
    emu.faults.add({ kind: 'error', status: 404, code: 'NotAuthorizedOrNotFound', operation: 'PutMessages', count: 2 });
    const before = count();
    const ack = expectPublished(await fdk.invoke(fixtureText('oci-createobject.json'), { callId: 'iam-propagating' }));
    expect(count()).toBe(before + 1);
    expect(stored(ack).key?.toString('utf8')).toBe('exampletenantns/landing-bucket/incoming/2026/03/14/invoice-0001.pdf');
    expect(emu.faults.list()).toEqual([]); // both 404s were served
    expect(await logsFor('iam-propagating', 'claim-check.publish-retry')).toEqual([
      expect.objectContaining({ level: 'warn', attempt: 1, statusCode: 404, error: expect.stringMatching(/^NotAuthorizedOrNotFound: /) }),
      expect.objectContaining({ level: 'warn', attempt: 2, statusCode: 404, error: expect.stringMatching(/^NotAuthorizedOrNotFound: /) }),
    ]);
    expect(await logsFor('iam-propagating', 'claim-check.published')).toEqual([expect.objectContaining({ attempts: 3 })]);
  });

  /**
   * A persistent failure: the invocation must fail (502, so Events redelivers) within its Fn-Deadline, after
   * retrying for the budget that deadline gives it. Asserted on the function's own record of its budget and of when
   * it gave up, not on wall-clock windows: `budgetEndsAt` must be this call's Fn-Deadline minus the safety margin
   * (the 502 then reaches Fn before Fn kills the container), and the give-up must come no earlier than the last
   * moment a minimal attempt still fitted (it used its time). Both hold however loaded the machine is. That no
   * attempt or sleep runs past `budgetEndsAt` is the retry loop's logic, proved with a fake clock in retry.test.ts.
   */
  async function expectFailedAtBudgetEnd(callId: string, statusCode: number, detail: RegExp) {
    // Fn-Deadline has second precision (RFC 3339): a whole second at least 3 s ahead, so the header is exact.
    const deadline = new Date(Math.ceil((Date.now() + 3_000) / 1_000) * 1_000);
    const before = count();
    const response = await fdk.invoke(fixtureText('oci-createobject.json'), { callId, deadline });
    expect(response.status).toBe(502);
    expect(JSON.parse(response.body)).toEqual({ message: 'Exception in function, consult logs for details', detail: expect.stringMatching(detail) });
    const [failed] = await logsFor(callId, 'claim-check.failed');
    expect(failed).toMatchObject({
      level: 'error',
      reason: 'publish',
      statusCode,
      exhausted: true,
      budgetEndsAt: new Date(deadline.getTime() - DEFAULT_RETRY_POLICY.deadlineSafetyMarginMs).toISOString(),
    });
    expect(Date.parse(String(failed.time))).toBeGreaterThanOrEqual(Date.parse(String(failed.budgetEndsAt)) - DEFAULT_RETRY_POLICY.minAttemptMs);
    // Every failed attempt but the last was logged as a retry, with its number and status.
    const retries = await logsFor(callId, 'claim-check.publish-retry');
    expect(retries.map((l) => [l.attempt, l.statusCode])).toEqual(Array.from({ length: (failed.attempts as number) - 1 }, (_, i) => [i + 1, statusCode]));
    expect(count()).toBe(before);
    return failed;
  }

  it('fails the invocation (502) within its Fn-Deadline when the stream keeps answering 500, having used its budget', async () => {
    emu.faults.add({ kind: 'error', operation: 'PutMessages' });
    await expectFailedAtBudgetEnd('persistent-500', 500, /^PublishError: Deadline reached after \d+ attempts: InternalServerError/);
  });

  it('fails the invocation (502) within its Fn-Deadline on a persistent 404, naming IAM propagation as the likely cause', async () => {
    emu.faults.add({ kind: 'error', status: 404, code: 'NotAuthorizedOrNotFound', operation: 'PutMessages' });
    const failed = await expectFailedAtBudgetEnd(
      'persistent-404',
      404,
      /^PublishError: Deadline reached after \d+ attempts: NotAuthorizedOrNotFound: .*\(HTTP 404\)\. Likely cause: the IAM policy .* has not propagated yet/,
    );
    expect(failed.error).toContain('STREAM_OCID');
  });
});

describe('authentication', () => {
  it('signs requests: a function holding the wrong session key gets 401, logs it, answers 502 and keeps serving', async () => {
    const other = createLocalResourcePrincipal({ issuer, region: 'us-ashburn-1' });
    const wrongKey = await FdkProcess.start(bundle.outFile, { ...env, OCI_RESOURCE_PRINCIPAL_PRIVATE_PEM: other.env.OCI_RESOURCE_PRINCIPAL_PRIVATE_PEM });
    try {
      const before = count();
      const response = await wrongKey.invoke(fixtureText('oci-createobject.json'), { callId: 'wrong-key' });
      expect(response.status).toBe(502);
      expect(JSON.parse(response.body).detail).toMatch(/^PublishError: Non-retryable failure on attempt 1: .*\(HTTP 401\)$/);
      expect(await logsOf(wrongKey, 'wrong-key', 'claim-check.failed')).toEqual([
        expect.objectContaining({ reason: 'publish', statusCode: 401, attempts: 1, exhausted: false }),
      ]);
      expect(count()).toBe(before);
      expect(wrongKey.alive).toBe(true);
    } finally {
      await wrongKey.stop();
    }
  });

  it('answers 502 naming the missing variable when configuration is missing, and keeps serving', async () => {
    const { STREAM_OCID: _omit, ...withoutStream } = env;
    const misconfigured = await FdkProcess.start(bundle.outFile, withoutStream);
    try {
      for (const callId of ['no-config-1', 'no-config-2']) {
        const response = await misconfigured.invoke(fixtureText('oci-createobject.json'), { callId });
        expect(response.status).toBe(502);
        expect(JSON.parse(response.body).detail).toBe('ConfigError: Missing required configuration STREAM_OCID');
      }
      for (const callId of ['no-config-1', 'no-config-2']) {
        expect((await logsOf(misconfigured, callId, 'claim-check.failed')).map((l) => l.variable)).toEqual(['STREAM_OCID']);
      }
      expect(misconfigured.alive).toBe(true);
    } finally {
      await misconfigured.stop();
    }
  });
});

describe('bad input', () => {
  const missingBucket = () => {
    const raw = fixtureJson('oci-createobject.json');
    delete raw.data.additionalDetails.bucketName;
    raw.data.resourceId = '';
    return JSON.stringify(raw);
  };
  const oversize = () => {
    const raw = fixtureJson('oci-createobject.json');
    raw.data.resourceName = 'x'.repeat(300_000); // appears twice raw and twice in the URL: > 1 MiB claim
    raw.data.resourceId = `/n/exampletenantns/b/landing-bucket/o/${raw.data.resourceName}`;
    return JSON.stringify(raw);
  };

  it.each([
    ['malformed JSON', () => '{"eventType": "com.oraclecloud.objectstorage.createobject",', 'MalformedJson', null],
    ['empty body', () => '', 'MalformedJson', null],
    ['unknown event type', () => fixtureText('oci-createbucket-unsupported.json'), 'UnsupportedEventType', 'eventType'],
    ['missing bucket', missingBucket, 'MissingField', 'data.additionalDetails.bucketName'],
    ['oversize claim', oversize, 'ClaimTooLarge', 'data.resourceName'],
  ])('%s → 200 {status: rejected}, a warn log line, nothing published; the same process then publishes', async (what, body, code, field) => {
    const before = count();
    const callId = `bad-${what.replace(/\W+/g, '-')}`;
    const response = await fdk.invoke(body(), { callId });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ status: 'rejected', error: { code, message: expect.any(String), field } });
    expect(await logsFor(callId, 'claim-check.rejected')).toEqual([expect.objectContaining({ level: 'warn', code, field })]);
    expect(count()).toBe(before);
    expect(fdk.alive).toBe(true);

    expectPublished(await fdk.invoke(fixtureText('oci-createobject.json')));
    expect(count()).toBe(before + 1);
  });

  it('answers 422 through an HTTP trigger (Fn-Http-Status), still with the rejection body', async () => {
    const response = await fdk.invoke('nope', { headers: { 'Fn-Intent': 'httprequest', 'Fn-Http-Method': 'POST', 'Fn-Http-Request-Url': '/claim' } });
    expect(response.status).toBe(200);
    expect(response.headers['fn-http-status']).toBe('422');
    expect(JSON.parse(response.body).status).toBe('rejected');
  });
});
