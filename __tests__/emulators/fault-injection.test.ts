/**
 * Fault injection, as the real SDK experiences it: throttling, server errors, dropped connections and latency,
 * switched from code and over the admin HTTP API.
 */
import { ObjectStorageClient } from 'oci-objectstorage';
import { StreamClient } from 'oci-streaming';
import { FaultInjector } from '../../lib/emulators/common';
import { ObjectStorageEmulator } from '../../lib/emulators/objectstorage';
import { StreamingEmulator } from '../../lib/emulators/streaming';
import { apiKeyProvider, b64, failureOf, fastRetry, noCircuitBreaker, noRetry, silenceSdkWarnings, tempDir, trusting } from './emulator-test-helpers';

const STREAM = 'ocid1.stream.oc1.iad.faults';

silenceSdkWarnings();

describe('fault injection', () => {
  let data: ReturnType<typeof tempDir>;
  let emu: StreamingEmulator;
  let client: StreamClient;

  beforeEach(async () => {
    data = tempDir('faults');
    emu = await StreamingEmulator.start({ dataDir: data.dir, streams: [{ id: STREAM, partitions: 1 }], auth: trusting() });
    client = new StreamClient({ authenticationDetailsProvider: apiKeyProvider() });
    client.endpoint = emu.endpoint;
    await client.putMessages({ streamId: STREAM, putMessagesDetails: { messages: [{ value: b64('m0') }] } });
  });
  afterEach(async () => {
    await emu.stop();
    data.remove();
  });

  const cursor = async () => (await client.createCursor({ streamId: STREAM, createCursorDetails: { partition: '0', type: 'TRIM_HORIZON' as never } })).cursor.value;
  const put = (extra: Record<string, unknown> = {}) =>
    client.putMessages({ streamId: STREAM, putMessagesDetails: { messages: [{ value: b64('x') }] }, ...extra });

  test('429 TooManyRequests on GetMessages is retried by the SDK default retry policy, then succeeds', async () => {
    const c = await cursor();
    emu.faults.add({ operation: 'GetMessages', kind: 'throttle', count: 1 });
    const started = Date.now();
    const response = await client.getMessages({ streamId: STREAM, cursor: c });
    expect(response.items.map((m) => Buffer.from(m.value, 'base64').toString())).toEqual(['m0']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000); // the default back-off starts at 1 s (+ jitter)
    expect(emu.faults.list()).toEqual([]);
  });

  test('PutMessages makes a single attempt by default: the 429 surfaces to the caller', async () => {
    const id = emu.faults.add({ operation: 'putmessages', kind: 'throttle', count: 2 });
    const failure = await failureOf(put());
    expect(failure).toMatchObject({ statusCode: 429, serviceCode: 'TooManyRequests' });
    expect(emu.faults.list()).toEqual([expect.objectContaining({ id, hits: 1, remaining: 1 })]);
    // Opting into retries for PutMessages rides through the remaining fault.
    expect((await put(fastRetry(3))).putMessagesResult.failures).toBe(0);
    expect(emu.faults.list()).toEqual([]);
  });

  test('500 InternalServerError (and other 5xx codes) surface without retries and are retried with them', async () => {
    emu.faults.add({ operation: 'CreateCursor', kind: 'error', count: 1 });
    expect(await failureOf(client.createCursor({ streamId: STREAM, createCursorDetails: { partition: '0', type: 'LATEST' as never }, ...noRetry }))).toMatchObject({
      statusCode: 500,
      serviceCode: 'InternalServerError',
    });
    emu.faults.add({ operation: 'CreateCursor', kind: 'error', status: 503, count: 2 });
    expect(await failureOf(client.createCursor({ streamId: STREAM, createCursorDetails: { partition: '0', type: 'LATEST' as never }, ...noRetry }))).toMatchObject({
      statusCode: 503,
      serviceCode: 'ServiceUnavailable',
    });
    const recovered = await client.createCursor({ streamId: STREAM, createCursorDetails: { partition: '0', type: 'LATEST' as never }, ...fastRetry(3) });
    expect(recovered.cursor.value).toBeTruthy();
  });

  test('a dropped connection is a network error: retried for GetMessages, surfaced for PutMessages', async () => {
    const c = await cursor();
    emu.faults.add({ operation: 'GetMessages', kind: 'drop', count: 1 });
    expect((await client.getMessages({ streamId: STREAM, cursor: c, ...fastRetry(3) })).items).toHaveLength(1);

    emu.faults.add({ operation: 'PutMessages', kind: 'drop', count: 1 });
    const failure = await failureOf(put());
    expect(failure.statusCode).toBeUndefined();
    expect(failure.message).toMatch(/fetch failed|socket|other side closed/i);
    expect(emu.readAll(STREAM)).toHaveLength(1); // nothing written
  });

  test('latency delays the call, then serves it', async () => {
    emu.faults.add({ operation: 'GetMessages', kind: 'latency', latencyMs: 300, count: 1 });
    const c = await cursor();
    const started = Date.now();
    expect((await client.getMessages({ streamId: STREAM, cursor: c })).items).toHaveLength(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  test('faults for all operations, and by probability', async () => {
    const all = emu.faults.add({ kind: 'error' });
    expect(await failureOf(put())).toMatchObject({ statusCode: 500 });
    expect(await failureOf(client.getGroup({ streamId: STREAM, groupName: 'g', ...noRetry }))).toMatchObject({ statusCode: 500 });
    emu.faults.remove(all);

    const injector = new FaultInjector(() => 0.5);
    injector.add({ kind: 'throttle', probability: 0.4 });
    expect(injector.decide('PutMessages').fail).toBeUndefined();
    injector.add({ kind: 'error', probability: 0.6 });
    expect(injector.decide('PutMessages').fail).toMatchObject({ status: 500, code: 'InternalServerError' });
    expect(() => injector.add({ kind: 'throttle', probability: 2 })).toThrow(/probability/);
    expect(() => injector.add({ kind: 'explode' as never })).toThrow(/kind/);
  });

  test('hits stay readable after a counted fault ran out or a fault was removed', () => {
    const injector = new FaultInjector(() => 0);
    const counted = injector.add({ kind: 'throttle', operation: 'GetMessages', count: 2 });
    const removed = injector.add({ kind: 'latency', operation: 'PutMessages', latencyMs: 1 });
    expect([1, 2, 3].map(() => injector.decide('GetMessages').fail?.status)).toEqual([429, 429, undefined]);
    injector.decide('PutMessages');
    injector.remove(removed);
    expect(injector.list()).toEqual([]);
    expect([injector.hits(counted), injector.hits(removed)]).toEqual([2, 1]);
    expect(() => injector.hits('no-such-id')).toThrow(/no fault with id no-such-id/);
  });

  test('the admin HTTP API switches faults and reports health', async () => {
    const health = await (await fetch(`${emu.endpoint}/_emulator/health`)).json();
    expect(health).toMatchObject({ status: 'ok', service: 'streaming', streams: [{ id: STREAM, partitions: 1 }] });

    const added = await fetch(`${emu.endpoint}/_emulator/faults`, {
      method: 'POST',
      body: JSON.stringify([{ operation: 'PutMessages', kind: 'throttle', count: 1 }, { operation: 'GetMessages', kind: 'latency', latencyMs: 1 }]),
    });
    expect(added.status).toBe(200);
    const { ids } = await added.json();
    expect(ids).toHaveLength(2);
    const listed = await (await fetch(`${emu.endpoint}/_emulator/faults`)).json();
    expect(listed.faults.map((f: { kind: string }) => f.kind)).toEqual(['throttle', 'latency']);
    expect(await failureOf(put())).toMatchObject({ statusCode: 429, serviceCode: 'TooManyRequests' });

    expect((await fetch(`${emu.endpoint}/_emulator/faults/${ids[1]}`, { method: 'DELETE' })).status).toBe(204);
    expect((await fetch(`${emu.endpoint}/_emulator/faults/${ids[1]}`, { method: 'DELETE' })).status).toBe(404);
    const invalid = await fetch(`${emu.endpoint}/_emulator/faults`, { method: 'POST', body: JSON.stringify({ kind: 'throttle', count: -1 }) });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ code: 'InvalidParameter', message: expect.stringContaining('count') });
    await fetch(`${emu.endpoint}/_emulator/faults`, { method: 'POST', body: JSON.stringify({ kind: 'error' }) });
    expect((await fetch(`${emu.endpoint}/_emulator/faults`, { method: 'DELETE' })).status).toBe(204);
    expect(emu.faults.list()).toEqual([]);
  });

  test('Object Storage: faults hit its operations; every response carries opc-request-id', async () => {
    const dir = tempDir('faults-os');
    const os = await ObjectStorageEmulator.start({ dataDir: dir.dir, namespace: 'ns', buckets: ['b'], auth: trusting() });
    try {
      const osClient = new ObjectStorageClient({ authenticationDetailsProvider: apiKeyProvider() }, noCircuitBreaker);
      osClient.endpoint = os.endpoint;
      os.faults.add({ operation: 'GetObject', kind: 'throttle', count: 1 });
      await osClient.putObject({ namespaceName: 'ns', bucketName: 'b', objectName: 'o', putObjectBody: 'x', contentLength: 1 });
      const failure = await failureOf(osClient.getObject({ namespaceName: 'ns', bucketName: 'b', objectName: 'o', ...noRetry }));
      expect(failure).toMatchObject({ statusCode: 429, serviceCode: 'TooManyRequests' });
      const ok = await osClient.getObject({ namespaceName: 'ns', bucketName: 'b', objectName: 'o' });
      expect(ok.opcRequestId).toMatch(/\S+/);
      const raw = await fetch(`${os.endpoint}/n/`);
      expect(raw.status).toBe(401);
      expect(raw.headers.get('opc-request-id')).toMatch(/^[0-9A-F]{32}$/);
    } finally {
      await os.stop();
      dir.remove();
    }
  });
});
