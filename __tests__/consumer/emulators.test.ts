/**
 * ClaimCheckConsumer end to end against the local OCI emulators (lib/emulators), through the real OCI SDK with
 * real request signing (a throwaway API key registered with both emulators).
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { ClaimCheck } from '../../lib/contract';
import { ClaimCheckConsumer, DeadLetterRecord } from '../../lib/consumer';
import { consumeBody, DLQ_STREAM, fastSdk, NS, provider, recording, useEmulatorEnv } from './emulator-env';
import { makeClaim, sha256, waitFor } from './helpers';

jest.setTimeout(60_000);

const env = useEmulatorEnv();
const { putObject, publish, upload, getJson, list, startConsumer, committedOffsets, waitUntilCommitted, endOffsets } = env;

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
    // No per-claim state: one record per partition (where the group's decisions begin, plus the outcomes of a batch
    // that ran longer than checkpointIntervalMs, if one did), no markers.
    const records = await list('ops', 'claim-check/');
    expect(records).toEqual(['0', '1', '2', '3'].map((p) => `claim-check/progress/workers/${p}.json`));
    for (const name of records) expect(await getJson(`ops`, name)).toMatchObject({ decidedFrom: 0 });

    // A new consumer of the group gets nothing again: after two polls of all four partitions, nothing arrived.
    const calls: string[] = [];
    const c = await startConsumer({ instanceName: 'c', handler, clients: { stream: recording(env.streamClient, calls) } });
    await waitFor(() => calls.filter((op) => op === 'getMessages').length >= 2, 10_000, 'two polls by the new consumer');
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
    expect(name).toMatch(new RegExp(`^claim-check/dead-letter/workers/\\d{8}T\\d{9}Z-p\\d-o0-${claim.id}\\.json$`));
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
  });

  it('a forged claim for another bucket is dead-lettered bucket-not-allowed and never fetched', async () => {
    await upload('secret-salaries.xlsx', 'confidential', 'payroll'); // exists: a fetch would succeed
    await upload('legit.txt');
    const handled: string[] = [];
    const calls: string[] = [];
    const s = await startConsumer({
      clients: { objectStorage: recording(env.osClient, calls) },
      handler: async (claim, object) => {
        await consumeBody(object!.body);
        handled.push(claim.data.object);
      },
    });
    await waitFor(() => s.outcomes.length === 2 && s.consumer.stats.commits >= 1);
    expect(handled).toEqual(['legit.txt']);
    const forged = s.outcomes.find((o) => o.object?.bucket === 'payroll')!;
    expect(forged).toMatchObject({ status: 'dead-lettered', reason: 'bucket-not-allowed', attempts: 0 });
    expect(calls.filter((c) => c.includes('payroll'))).toEqual([]); // never fetched, not even a HEAD
    expect(calls.filter((c) => c.startsWith('getObject landing/'))).toEqual(['getObject landing/legit.txt']);
    const [name] = await list('ops', 'claim-check/dead-letter/workers/');
    expect(await getJson<DeadLetterRecord>('ops', name)).toMatchObject({ reason: 'bucket-not-allowed', claim: { data: { bucket: 'payroll' } }, attempts: 0 });
  });

  it('an object deleted before processing is skipped as object-gone', async () => {
    await upload('short-lived.tmp');
    await env.osClient.deleteObject({ namespaceName: NS, bucketName: 'landing', objectName: 'short-lived.tmp' });
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

    // Also across restarts: a new consumer of the group recognises a later re-publication from the stream's past.
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
    // A delete claim: its check is a HeadObject (the name must be absent for the delete to be current).
    await publish(makeClaim({ namespace: NS, bucket: 'landing', object: 'faulty/deleted.dat', action: 'deleteobject', eventId: 'evt-delete' }));
    const deletes: string[] = [];
    env.st.faults.add({ kind: 'throttle', operation: 'GetMessages', count: 4 });
    env.st.faults.add({ kind: 'error', operation: 'GetMessages', count: 3 });
    env.os.faults.add({ kind: 'throttle', operation: 'GetObject', count: 4 });
    env.os.faults.add({ kind: 'error', operation: 'GetObject', status: 500, count: 5 });
    env.os.faults.add({ kind: 'drop', operation: 'GetObject', count: 2 });
    env.os.faults.add({ kind: 'error', operation: 'HeadObject', status: 503, count: 3 });
    env.st.faults.add({ kind: 'error', operation: 'ConsumerCommit', status: 500, count: 2 });
    const handled = new Map<string, number>();
    const s = await startConsumer({
      clientConfiguration: fastSdk(2), // the SDK gives up early, so the consumer's own retries are exercised too
      // 2 SDK tries × 6 attempts = 12 consecutive failures to dead-letter a claim: more than all faults together.
      maxAttempts: 6,
      handler: async (claim, object) => {
        if (!object) return void deletes.push(claim.data.object);
        expect(await consumeBody(object.body)).toBe(sha256(`content of ${claim.data.object}`));
        handled.set(claim.data.object, (handled.get(claim.data.object) ?? 0) + 1);
      },
    });
    await waitFor(() => handled.size === names.length && deletes.length === 1, 30_000, 'all objects handled');
    await waitUntilCommitted();
    await s.consumer.stop();
    expect([...handled.keys()].sort()).toEqual([...names].sort());
    expect([...handled.values()].every((n) => n === 1)).toBe(true);
    expect(deletes).toEqual(['faulty/deleted.dat']);
    expect(s.consumer.stats.deadLettered).toBe(0);
    expect(await committedOffsets()).toEqual(endOffsets());
    expect(env.st.faults.list()).toEqual([]); // every injected fault was hit
    expect(env.os.faults.list()).toEqual([]);
  });

  it('stop() mid-run: in-flight claims finish, the rest is left; the next consumer handles exactly what was not done', async () => {
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
    expect(stats.processed).toBeLessThan(names.length);

    const secondHandled: string[] = [];
    const second = await startConsumer({
      instanceName: 'second',
      handler: async (claim, object) => {
        await consumeBody(object!.body);
        secondHandled.push(claim.data.object);
      },
    });
    await waitFor(() => firstHandled.length + secondHandled.length >= names.length, 20_000, 'every name handled');
    await waitUntilCommitted();
    await second.consumer.stop();
    // No name twice: what the first finished is either committed or in its checkpoint (then a duplicate here).
    expect([...firstHandled, ...secondHandled].sort()).toEqual([...names].sort());
    expect(second.outcomes.filter((o) => o.status === 'skipped').every((o) => 'reason' in o && o.reason === 'duplicate')).toBe(true);
    expect(await committedOffsets()).toEqual(endOffsets());
  });

  it('stop() during a slow read waits for its answer (bounded): no request of the consumer is left in flight', async () => {
    let started = 0;
    const answered: number[] = [];
    // The env's StreamClient, counting GetMessages calls and when each was answered.
    const stream = new Proxy(env.streamClient, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (prop !== 'getMessages' || typeof value !== 'function') return value;
        return async (request: unknown) => {
          started++;
          try {
            return await value.call(target, request);
          } finally {
            answered.push(Date.now());
          }
        };
      },
    });
    const s = await startConsumer({ handler: async () => undefined, clients: { stream } });
    // From now on every read takes 400 ms at the service; stop while one is on the wire.
    env.st.faults.add({ operation: 'GetMessages', kind: 'latency', latencyMs: 400 });
    const before = started;
    await waitFor(() => started > before, 5_000, 'a slow read sent');
    const stopCalled = Date.now();
    await s.consumer.stop();
    const stopped = Date.now();
    expect(answered).toHaveLength(started);
    expect(Math.max(...answered)).toBeLessThanOrEqual(stopped);
    // Bounded by the final writes' 5 s, whatever the read does.
    expect(stopped - stopCalled).toBeLessThan(5_000);
    expect(s.consumer.stats.received).toBe(0);
  });

  it('dead letters can go to a stream (PutMessages, checked per entry)', async () => {
    await upload('x.txt', 'x', 'payroll');
    const s = await startConsumer({
      handler: async () => undefined,
      deadLetter: { kind: 'stream', streamId: DLQ_STREAM, messagesEndpoint: env.st.endpoint },
      dedupe: { kind: 'memory' },
    });
    await waitFor(() => s.outcomes.length === 1 && s.consumer.stats.commits === 1);
    expect(s.outcomes[0]).toMatchObject({ status: 'dead-lettered', reason: 'bucket-not-allowed', location: expect.stringMatching(/^stream:ocid1\.stream\.oc1\.iad\.deadletters\/0\/0$/) });
    const [message] = env.st.readAll(DLQ_STREAM);
    expect(message.key!.toString()).toBe(`${NS}/payroll/x.txt`);
    expect(JSON.parse(message.value.toString())).toMatchObject({ reason: 'bucket-not-allowed', claim: { data: { object: 'x.txt' } } });
  });

  it('an unknown stream makes run() fail fast with ConsumerFatalError', async () => {
    const consumer = new ClaimCheckConsumer({
      streamId: 'ocid1.stream.oc1.iad.nosuchstream',
      messagesEndpoint: env.st.endpoint,
      groupName: 'workers',
      authenticationDetailsProvider: provider,
      objectStorageEndpoint: env.os.endpoint,
      clientConfiguration: fastSdk(),
      allowedBuckets: [{ namespace: NS, bucket: 'landing' }],
      deadLetter: { kind: 'bucket', namespace: NS, bucket: 'ops' },
      handler: async () => undefined,
      logger: { log: () => undefined },
    });
    await expect(consumer.run()).rejects.toMatchObject({ name: 'ConsumerFatalError', message: expect.stringMatching(/404/) });
  });
});
