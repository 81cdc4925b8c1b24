/**
 * ClaimCheckConsumer end to end against the local OCI emulators (lib/emulators), through the real OCI SDK with
 * real request signing (a throwaway API key registered with both emulators). Claims are built with the function's
 * own claim builder (lambda-src/claim-check.ts), so the wire format is the real one.
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import { Readable } from 'node:stream';
import * as common from 'oci-common';
import * as objectstorage from 'oci-objectstorage';
import * as streaming from 'oci-streaming';
import { ClaimCheck, encodeClaimMessage } from '../../lambda-src/claim-check';
import { apiKeyFingerprint, ObjectStorageEmulator, StreamingEmulator } from '../../lib/emulators';
import { ClaimCheckConsumer, ClaimCheckConsumerOptions, ClaimOutcome, ConsumerLogger, DeadLetterRecord } from '../../lib/consumer';
import { makeClaim, sha256, waitFor } from './helpers';

jest.setTimeout(60_000);

const NS = 'testns';
const STREAM = 'ocid1.stream.oc1.iad.claimchecks';
const DLQ_STREAM = 'ocid1.stream.oc1.iad.deadletters';
const TENANCY = 'ocid1.tenancy.oc1..consumertests';
const USER = 'ocid1.user.oc1..consumertests';

// A throwaway RSA key; keyId = <tenancy>/<user>/<fingerprint>.
const { privateKey, publicKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});
const FINGERPRINT = apiKeyFingerprint(publicKey);
const provider = new common.SimpleAuthenticationDetailsProvider(TENANCY, USER, FINGERPRINT, privateKey, null, common.Region.US_ASHBURN_1);
const auth = { apiKeys: { [`${TENANCY}/${USER}/${FINGERPRINT}`]: publicKey } };

/** SDK retries with short delays, so fault tests do not wait 1 s, 2 s, 4 s…; no circuit breaker in tests. */
function fastSdk(maxAttempts = 3): common.ClientConfiguration {
  return {
    retryConfiguration: {
      terminationStrategy: new common.MaxAttemptsTerminationStrategy(maxAttempts),
      delayStrategy: new common.FixedTimeDelayStrategy(0.02),
    },
    circuitBreaker: { noCircuit: true } as common.CircuitBreaker,
  };
}

let os: ObjectStorageEmulator;
let st: StreamingEmulator;
let osClient: objectstorage.ObjectStorageClient;
let streamClient: streaming.StreamClient;
const running: ClaimCheckConsumer[] = [];

beforeEach(async () => {
  os = await ObjectStorageEmulator.start({ namespace: NS, buckets: ['landing', 'payroll', 'ops'], auth });
  st = await StreamingEmulator.start({ streams: [{ id: STREAM, name: 'claimchecks', partitions: 4 }, { id: DLQ_STREAM, name: 'deadletters' }], auth });
  osClient = new objectstorage.ObjectStorageClient({ authenticationDetailsProvider: provider }, fastSdk());
  osClient.endpoint = os.endpoint;
  streamClient = new streaming.StreamClient({ authenticationDetailsProvider: provider }, fastSdk());
  streamClient.endpoint = st.endpoint;
  // The SDK's retrier console.warns every non-2xx answer (also the expected 404 of a dedupe check).
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((c) => c.stop()));
  await st.stop();
  await os.stop();
  jest.restoreAllMocks();
});

async function putObject(name: string, data: Buffer | string, bucket = 'landing'): Promise<string> {
  const body = Buffer.from(data);
  const response = await osClient.putObject({
    namespaceName: NS,
    bucketName: bucket,
    objectName: name,
    putObjectBody: Readable.from([body]),
    contentLength: body.length,
    contentType: 'application/octet-stream',
    opcMeta: { source: 'test' },
  });
  return response.eTag;
}

/** Publishes claims the way the function does (key namespace/bucket/object, CloudEvents JSON value). */
async function publish(...claims: ClaimCheck[]): Promise<void> {
  const messages = claims.map((claim) => {
    const m = encodeClaimMessage(claim);
    return { key: m.key.toString('base64'), value: m.value.toString('base64') };
  });
  const response = await streamClient.putMessages({ streamId: STREAM, putMessagesDetails: { messages } });
  expect(response.putMessagesResult.failures).toBe(0);
}

/** Uploads the object, then publishes its claim (create, with the etag the upload returned). */
async function upload(name: string, data: Buffer | string = `content of ${name}`, bucket = 'landing'): Promise<ClaimCheck> {
  const etag = await putObject(name, data, bucket);
  const claim = makeClaim({ namespace: NS, bucket, object: name, etag, eventId: `evt-${name}-${etag}` });
  await publish(claim);
  return claim;
}

async function getJson<T>(bucket: string, name: string): Promise<T> {
  const response = await osClient.getObject({ namespaceName: NS, bucketName: bucket, objectName: name });
  const chunks: Buffer[] = [];
  for await (const chunk of Readable.fromWeb(response.value as never)) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as T;
}

async function list(bucket: string, prefix: string): Promise<string[]> {
  const response = await osClient.listObjects({ namespaceName: NS, bucketName: bucket, prefix });
  return response.listObjects.objects.map((o) => o.name);
}

interface Started {
  consumer: ClaimCheckConsumer;
  outcomes: ClaimOutcome[];
  events: string[];
  run: Promise<void>;
}

/** Starts a consumer with test-friendly timings; resolves once it holds a group cursor. */
async function startConsumer(options: Partial<ClaimCheckConsumerOptions> & Pick<ClaimCheckConsumerOptions, 'handler'>): Promise<Started> {
  const events: string[] = [];
  const logger: ConsumerLogger = { log: (_level, event) => void events.push(event) };
  const consumer = new ClaimCheckConsumer({
    streamId: STREAM,
    messagesEndpoint: st.endpoint,
    groupName: 'workers',
    authenticationDetailsProvider: provider,
    objectStorageEndpoint: os.endpoint,
    clientConfiguration: fastSdk(),
    allowedBuckets: [{ namespace: NS, bucket: 'landing' }],
    deadLetter: { kind: 'bucket', namespace: NS, bucket: 'ops' },
    pollIntervalMs: 20,
    minGetIntervalMs: 20,
    retryBackoff: { baseDelayMs: 20, maxDelayMs: 200 },
    logger,
    ...options,
  });
  running.push(consumer);
  const outcomes: ClaimOutcome[] = [];
  consumer.on('outcome', (o) => outcomes.push(o));
  const run = consumer.run();
  run.catch(() => undefined);
  await waitFor(() => events.includes('claim-consumer.group-cursor'), 10_000, 'group cursor');
  return { consumer, outcomes, events, run };
}

async function consumeBody(body: Readable): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of body) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The group's committed position per partition (GetGroup), as "next offset to read". */
async function committedOffsets(group = 'workers'): Promise<Record<string, number>> {
  const response = await streamClient.getGroup({ streamId: STREAM, groupName: group });
  return Object.fromEntries(response.group.reservations!.map((r) => [r.partition!, r.committedOffset === undefined ? 0 : r.committedOffset + 1]));
}

/** Polls GetGroup until the group's committed offsets reach the end of every partition. */
async function waitUntilCommitted(timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const committed = await committedOffsets();
    if (JSON.stringify(committed) === JSON.stringify(endOffsets())) return;
    if (Date.now() > deadline) throw new Error(`not committed: ${JSON.stringify(committed)} vs ${JSON.stringify(endOffsets())}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function endOffsets(): Record<string, number> {
  const ends: Record<string, number> = { '0': 0, '1': 0, '2': 0, '3': 0 };
  for (const m of st.readAll(STREAM)) ends[m.partition] = Math.max(ends[m.partition], m.offset + 1);
  return ends;
}

describe('ClaimCheckConsumer against the OCI emulators (real SDK, signed requests)', () => {
  it('two consumers of one group process every object exactly once and commit everything', async () => {
    const handled = new Map<string, number>();
    const handler = async (claim: ClaimCheck, object: { body: Readable; metadata: Record<string, string> } | undefined) => {
      expect(object!.metadata).toEqual({ source: 'test' });
      expect(await consumeBody(object!.body)).toBe(sha256(`content of ${claim.data.object}`));
      handled.set(claim.data.object, (handled.get(claim.data.object) ?? 0) + 1);
    };
    const a = await startConsumer({ instanceName: 'a', handler, batchLimit: 10 });
    const b = await startConsumer({ instanceName: 'b', handler, batchLimit: 10 });
    const names = Array.from({ length: 40 }, (_, i) => `in/file-${String(i).padStart(2, '0')}.txt`);
    for (const name of names) await upload(name);

    await waitFor(() => a.outcomes.length + b.outcomes.length >= 40, 30_000, 'all outcomes');
    await waitUntilCommitted();
    await Promise.all([a.consumer.stop(), b.consumer.stop()]);

    expect([...handled.keys()].sort()).toEqual(names);
    expect([...handled.values()].every((n) => n === 1)).toBe(true);
    expect(a.consumer.stats.processed).toBeGreaterThan(0);
    expect(b.consumer.stats.processed).toBeGreaterThan(0);
    expect(a.consumer.stats.processed + b.consumer.stats.processed).toBe(40);
    expect(await committedOffsets()).toEqual(endOffsets());
    expect(await list('ops', 'claim-check/processed/workers/')).toHaveLength(40);

    // A new consumer of the group gets nothing again.
    const c = await startConsumer({ instanceName: 'c', handler });
    await new Promise((r) => setTimeout(r, 300));
    expect(c.consumer.stats.received).toBe(0);
  });

  it('a handler failing twice then succeeding processes the claim once', async () => {
    let calls = 0;
    const claim = await upload('flaky.csv');
    const s = await startConsumer({
      handler: async (_claim, object) => {
        calls++;
        await consumeBody(object!.body);
        if (calls <= 2) throw new Error(`transient failure ${calls}`);
      },
    });
    await waitFor(() => s.outcomes.length === 1 && s.consumer.stats.commits === 1);
    expect(calls).toBe(3);
    expect(s.outcomes[0]).toMatchObject({ status: 'processed', attempts: 3, claimId: claim.id });
    expect(s.consumer.stats).toMatchObject({ processed: 1, handlerFailures: 2, deadLettered: 0 });
    expect(await list('ops', 'claim-check/dead-letter/')).toEqual([]);
  });

  it('an always-failing handler is dead-lettered after maxAttempts, with the error in the dead letter', async () => {
    const claim = await upload('poison.json', '{"not":"what the handler wants"}');
    const s = await startConsumer({
      maxAttempts: 3,
      handler: async (_claim, object) => {
        await consumeBody(object!.body);
        throw new SyntaxError('unexpected token in poison.json');
      },
    });
    await waitFor(() => s.outcomes.length === 1 && s.consumer.stats.commits === 1);
    expect(s.outcomes[0]).toMatchObject({ status: 'dead-lettered', reason: 'handler-failed', attempts: 3 });
    const [name] = await list('ops', 'claim-check/dead-letter/workers/');
    expect(name).toMatch(new RegExp(`^claim-check/dead-letter/workers/\\d{8}T\\d{9}Z-${claim.id}\\.json$`));
    const record = await getJson<DeadLetterRecord>('ops', name);
    expect(record).toMatchObject({
      reason: 'handler-failed',
      attempts: 3,
      error: { name: 'SyntaxError', message: 'unexpected token in poison.json' },
      claim: { id: claim.id, data: { object: 'poison.json' } },
      rawMessage: { key: `${NS}/landing/poison.json`, valueEncoding: 'json' },
      consumer: { group: 'workers' },
      stream: 'claimchecks',
      offset: 0,
    });
    expect(await list('ops', 'claim-check/processed/')).toEqual([]);
  });

  it('a forged claim for another bucket is dead-lettered bucket-not-allowed and never fetched', async () => {
    const getObjectCalls = os.faults.add({ kind: 'latency', operation: 'GetObject', latencyMs: 0 }); // counts calls
    await upload('secret-salaries.xlsx', 'confidential', 'payroll'); // exists: a fetch would succeed
    await upload('legit.txt');
    const handled: string[] = [];
    const s = await startConsumer({
      handler: async (claim, object) => {
        await consumeBody(object!.body);
        handled.push(claim.data.object);
      },
    });
    await waitFor(() => s.outcomes.length === 2 && s.consumer.stats.commits >= 1);
    expect(handled).toEqual(['legit.txt']);
    const forged = s.outcomes.find((o) => o.object?.bucket === 'payroll')!;
    expect(forged).toMatchObject({ status: 'dead-lettered', reason: 'bucket-not-allowed', attempts: 0 });
    expect(os.faults.list().find((f) => f.id === getObjectCalls)!.hits).toBe(1); // only legit.txt's GetObject
    const [name] = await list('ops', 'claim-check/dead-letter/workers/');
    expect(await getJson<DeadLetterRecord>('ops', name)).toMatchObject({ reason: 'bucket-not-allowed', claim: { data: { bucket: 'payroll' } }, attempts: 0 });
  });

  it('an object deleted before processing is skipped as object-gone', async () => {
    await upload('short-lived.tmp');
    await osClient.deleteObject({ namespaceName: NS, bucketName: 'landing', objectName: 'short-lived.tmp' });
    const handler = jest.fn(async () => undefined);
    const s = await startConsumer({ handler });
    await waitFor(() => s.outcomes.length === 1 && s.consumer.stats.commits === 1);
    expect(s.outcomes[0]).toMatchObject({ status: 'skipped', reason: 'object-gone' });
    expect(handler).not.toHaveBeenCalled();
  });

  it('an object overwritten since its claim is skipped as superseded; the newer claim is processed', async () => {
    const first = await upload('report.pdf', 'version 1');
    const etag2 = await putObject('report.pdf', 'version 2');
    await publish(makeClaim({ namespace: NS, bucket: 'landing', object: 'report.pdf', etag: etag2, action: 'updateobject', eventId: 'evt-v2' }));
    const seen: string[] = [];
    const s = await startConsumer({ handler: async (_claim, object) => void seen.push(await consumeBody(object!.body)) });
    await waitFor(() => s.outcomes.length === 2 && s.consumer.stats.commits >= 1);
    expect(first.data.etag).not.toBe(etag2);
    expect(s.outcomes.map((o) => o.status + ('reason' in o ? `:${o.reason}` : ''))).toEqual(['skipped:superseded', 'processed']);
    expect(seen).toEqual([sha256('version 2')]);
  });

  it('the same claim published twice is processed once (duplicate)', async () => {
    const claim = await upload('twice.txt');
    await publish(claim); // e.g. OCI Events redelivered the event and the function published again
    const handler = jest.fn(async (_c: ClaimCheck, o?: { body: Readable }) => void (await consumeBody(o!.body)));
    const s = await startConsumer({ handler });
    await waitFor(() => s.outcomes.length === 2 && s.consumer.stats.commits >= 1);
    expect(handler).toHaveBeenCalledTimes(1);
    expect(s.outcomes.map((o) => o.status + ('reason' in o ? `:${o.reason}` : ''))).toEqual(['processed', 'skipped:duplicate']);

    // Also across restarts: a new consumer of the group skips a later re-publication via the marker object.
    await s.consumer.stop();
    await publish(claim);
    const again = await startConsumer({ instanceName: 'again', handler });
    await waitFor(() => again.outcomes.length === 1);
    expect(again.outcomes[0]).toMatchObject({ status: 'skipped', reason: 'duplicate' });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('streams a 2 MB object to a slow handler without buffering it', async () => {
    const data = Buffer.alloc(2 * 1024 * 1024);
    for (let i = 0; i < data.length; i += 4) data.writeUInt32LE((i * 2654435761) >>> 0, i);
    await upload('big.bin', data);
    let digest = '';
    let chunks = 0;
    let maxBuffered = 0;
    let contentLength: number | null = null;
    const s = await startConsumer({
      handler: async (_claim, object) => {
        contentLength = object!.contentLength;
        const hash = createHash('sha256');
        for await (const chunk of object!.body) {
          chunks++;
          hash.update(chunk as Buffer);
          maxBuffered = Math.max(maxBuffered, object!.body.readableLength);
          await new Promise((r) => setTimeout(r, 2)); // a slow reader
        }
        digest = hash.digest('hex');
      },
    });
    await waitFor(() => s.outcomes.length === 1, 30_000);
    expect(s.outcomes[0]).toMatchObject({ status: 'processed' });
    expect(digest).toBe(sha256(data));
    expect(contentLength).toBe(data.length);
    expect(chunks).toBeGreaterThan(8); // arrived in pieces…
    expect(maxBuffered).toBeLessThan(512 * 1024); // …and never piled up in the consumer
  });

  it('injected 429s, 500s and dropped connections on GetMessages, GetObject and HeadObject lose nothing', async () => {
    const names = Array.from({ length: 12 }, (_, i) => `faulty/${i}.dat`);
    for (const name of names) await upload(name);
    st.faults.add({ kind: 'throttle', operation: 'GetMessages', count: 4 });
    st.faults.add({ kind: 'error', operation: 'GetMessages', count: 3 });
    os.faults.add({ kind: 'throttle', operation: 'GetObject', count: 4 });
    os.faults.add({ kind: 'error', operation: 'GetObject', status: 500, count: 5 });
    os.faults.add({ kind: 'drop', operation: 'GetObject', count: 2 });
    os.faults.add({ kind: 'error', operation: 'HeadObject', status: 503, count: 3 });
    st.faults.add({ kind: 'error', operation: 'ConsumerCommit', status: 500, count: 2 });
    const handled = new Map<string, number>();
    const s = await startConsumer({
      clientConfiguration: fastSdk(2), // the SDK gives up early, so the consumer's own retries are exercised too
      maxAttempts: 3,
      handler: async (claim, object) => {
        expect(await consumeBody(object!.body)).toBe(sha256(`content of ${claim.data.object}`));
        handled.set(claim.data.object, (handled.get(claim.data.object) ?? 0) + 1);
      },
    });
    await waitFor(() => handled.size === names.length, 30_000, 'all objects handled');
    await waitUntilCommitted();
    await s.consumer.stop();
    expect([...handled.keys()].sort()).toEqual([...names].sort());
    expect([...handled.values()].every((n) => n === 1)).toBe(true);
    expect(s.consumer.stats.deadLettered).toBe(0);
    expect(await committedOffsets()).toEqual(endOffsets());
    expect(st.faults.list()).toEqual([]); // every injected fault was hit
    expect(os.faults.list()).toEqual([]);
  });

  it('stop() mid-run finishes in-flight work and commits; a new consumer of the group gets no redelivery', async () => {
    const names = Array.from({ length: 24 }, (_, i) => `batch/${i}.txt`);
    for (const name of names) await upload(name);
    const firstHandled: string[] = [];
    const first = await startConsumer({
      instanceName: 'first',
      // A stopped instance keeps its partitions until this timeout passes (there is no "leave group" call).
      groupCursorTimeoutMs: 1_000,
      batchLimit: 8,
      concurrency: 2,
      handler: async (claim, object) => {
        await consumeBody(object!.body);
        await new Promise((r) => setTimeout(r, 25));
        firstHandled.push(claim.data.object);
      },
    });
    await waitFor(() => firstHandled.length >= 3);
    await first.consumer.stop();
    const stats = first.consumer.stats;
    expect(stats.processed).toBe(firstHandled.length);
    expect(stats.commits).toBeGreaterThanOrEqual(1);
    expect(stats.received).toBe(stats.processed); // every message taken was finished before stop() resolved

    const secondHandled: string[] = [];
    const second = await startConsumer({
      instanceName: 'second',
      handler: async (claim, object) => {
        await consumeBody(object!.body);
        secondHandled.push(claim.data.object);
      },
    });
    await waitFor(() => second.outcomes.length >= names.length - firstHandled.length, 20_000);
    await new Promise((r) => setTimeout(r, 200));
    await second.consumer.stop();
    expect(second.consumer.stats.received).toBe(names.length - firstHandled.length); // nothing committed came back
    expect(second.consumer.stats.skipped.duplicate).toBe(0);
    expect([...firstHandled, ...secondHandled].sort()).toEqual([...names].sort());
    expect(await committedOffsets()).toEqual(endOffsets());
  });

  it('dead letters can go to a stream (PutMessages, checked per entry)', async () => {
    await upload('x.txt', 'x', 'payroll');
    const s = await startConsumer({
      handler: async () => undefined,
      deadLetter: { kind: 'stream', streamId: DLQ_STREAM, messagesEndpoint: st.endpoint },
      dedupe: { kind: 'memory' },
    });
    await waitFor(() => s.outcomes.length === 1 && s.consumer.stats.commits === 1);
    expect(s.outcomes[0]).toMatchObject({ status: 'dead-lettered', reason: 'bucket-not-allowed', location: expect.stringMatching(/^stream:ocid1\.stream\.oc1\.iad\.deadletters\/0\/0$/) });
    const [message] = st.readAll(DLQ_STREAM);
    expect(message.key!.toString()).toBe(`${NS}/payroll/x.txt`);
    expect(JSON.parse(message.value.toString())).toMatchObject({ reason: 'bucket-not-allowed', claim: { data: { object: 'x.txt' } } });
  });

  it('an unknown stream makes run() fail fast with ConsumerFatalError', async () => {
    const consumer = new ClaimCheckConsumer({
      streamId: 'ocid1.stream.oc1.iad.nosuchstream',
      messagesEndpoint: st.endpoint,
      groupName: 'workers',
      authenticationDetailsProvider: provider,
      objectStorageEndpoint: os.endpoint,
      clientConfiguration: fastSdk(),
      allowedBuckets: [{ namespace: NS, bucket: 'landing' }],
      deadLetter: { kind: 'bucket', namespace: NS, bucket: 'ops' },
      handler: async () => undefined,
      logger: { log: () => undefined },
    });
    await expect(consumer.run()).rejects.toMatchObject({ name: 'ConsumerFatalError', message: expect.stringMatching(/404/) });
  });
});
