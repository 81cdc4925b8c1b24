/**
 * ClaimCheckConsumer against in-memory fakes: outcome classification, the commit-after-batch protocol, retries,
 * dedupe, dead letters, memory discipline (body destruction, concurrency) and graceful shutdown.
 */
import { Readable } from 'node:stream';
import { ClaimCheckConsumer, ClaimCheckConsumerOptions, ClaimHandler, ClaimOutcome, HandlerTimeoutError, MemoryProcessedStore, runUntilSignal } from '../../lib/consumer';
import type { ClaimCheck } from '../../lib/consumer';
import { claimMessage, FakeObjectStorage, FakeStream, fastClock, makeClaim, memoryLogger, ociError, rawMessage, sha256, silentLogger, waitFor } from './helpers';

const NS = 'testns';
const BUCKET = 'landing';

interface Harness {
  stream: FakeStream;
  os: FakeObjectStorage;
  consumer: ClaimCheckConsumer;
  outcomes: ClaimOutcome[];
  clock: ReturnType<typeof fastClock>;
  run: Promise<void>;
}

function start(handler: ClaimHandler, options: Partial<ClaimCheckConsumerOptions> = {}, setup?: (s: FakeStream, os: FakeObjectStorage) => void): Harness {
  const stream = new FakeStream();
  const os = new FakeObjectStorage();
  setup?.(stream, os);
  const clock = fastClock();
  const consumer = new ClaimCheckConsumer({
    streamId: 'ocid1.stream.oc1.iad.test',
    messagesEndpoint: 'http://unused',
    groupName: 'workers',
    instanceName: 'w1',
    allowedBuckets: [{ namespace: NS, bucket: BUCKET }],
    deadLetter: { kind: 'bucket', namespace: NS, bucket: 'meta', prefix: 'dl/' },
    dedupe: { kind: 'bucket', namespace: NS, bucket: 'meta', prefix: 'cc/' },
    handler,
    clients: { stream, objectStorage: os },
    clock,
    logger: silentLogger,
    pollIntervalMs: 5,
    minGetIntervalMs: 0,
    ...options,
  });
  const outcomes: ClaimOutcome[] = [];
  consumer.on('outcome', (o) => outcomes.push(o));
  const run = consumer.run();
  return { stream, os, consumer, outcomes, clock, run };
}

/** Puts the object and appends its claim; returns the claim. */
function publish(stream: FakeStream, os: FakeObjectStorage, name: string, content: string | Buffer = `content of ${name}`, bucket = BUCKET): ClaimCheck {
  const etag = os.put(NS, bucket, name, content);
  const claim = makeClaim({ namespace: NS, bucket, object: name, etag });
  stream.append(claimMessage(claim, 0));
  return claim;
}

async function drain(h: Harness, outcomes: number): Promise<void> {
  await waitFor(() => h.outcomes.length >= outcomes, 10_000, `${outcomes} outcomes (have ${h.outcomes.length})`);
  await waitFor(() => h.stream.committed === h.stream.messages.length, 10_000, 'commit of everything');
  await h.consumer.stop();
  await h.run;
}

const readAll = async (body: Readable): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const c of body) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
};

describe('processing and committing', () => {
  it('hands each object to the handler as a stream, marks it processed and commits once per batch', async () => {
    const seen: Array<{ name: string; text: string; etag: string; length: number | null }> = [];
    const h = start(async (claim, object) => {
      seen.push({ name: claim.data.object, text: (await readAll(object!.body)).toString(), etag: object!.etag, length: object!.contentLength });
    }, { batchLimit: 10 }, (s, os) => {
      for (let i = 0; i < 3; i++) publish(s, os, `in/file-${i}.txt`);
    });
    await drain(h, 3);
    expect(seen.map((s) => s.name).sort()).toEqual(['in/file-0.txt', 'in/file-1.txt', 'in/file-2.txt']);
    expect(seen[0].text).toBe(`content of ${seen[0].name}`);
    expect(seen[0].length).toBe(seen[0].text.length);
    expect(h.outcomes.every((o) => o.status === 'processed' && o.attempts === 1)).toBe(true);
    expect(h.stream.commits).toEqual([3]);
    expect(h.consumer.stats).toMatchObject({ received: 3, processed: 3, commits: 1, deadLettered: 0 });
    // GetObject pinned to the claim's etag; one marker per claim.
    expect(h.os.calls.filter((c) => c.op === 'getObject').every((c) => c.ifMatch !== undefined)).toBe(true);
    expect(h.os.list(`${NS}/meta/cc/processed/workers/`)).toHaveLength(3);
  });

  it('commits with the cursor GetMessages returned for the batch, then continues from the commit response', async () => {
    const h = start(async (_c, o) => void (await readAll(o!.body)), { batchLimit: 2 }, (s, os) => {
      for (let i = 0; i < 5; i++) publish(s, os, `f${i}`);
    });
    await drain(h, 5);
    expect(h.stream.commits).toEqual([2, 4, 5]);
    const ops = h.stream.calls.filter((c) => c.op !== 'consumerHeartbeat').map((c) => `${c.op}:${c.cursor ?? ''}`);
    expect(ops.slice(0, 7)).toEqual([
      'createGroupCursor:',
      'getMessages:g0:0',
      'consumerCommit:g0:2',
      'getMessages:g0:2',
      'consumerCommit:g0:4',
      'getMessages:g0:4',
      'consumerCommit:g0:5',
    ]);
  });

  it('does not commit before every message of the batch has an outcome', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const h = start(async (claim, o) => {
      await readAll(o!.body);
      if (claim.data.object === 'slow') await gate;
    }, {}, (s, os) => {
      publish(s, os, 'fast-1');
      publish(s, os, 'slow');
      publish(s, os, 'fast-2');
    });
    await waitFor(() => h.outcomes.length === 2);
    await new Promise((r) => setTimeout(r, 30));
    expect(h.stream.count('consumerCommit')).toBe(0);
    release();
    await drain(h, 3);
    expect(h.stream.commits).toEqual([3]);
  });

  it('does not commit empty polls and waits pollIntervalMs between them', async () => {
    const h = start(async () => undefined, { pollIntervalMs: 7 });
    await waitFor(() => h.stream.count('getMessages') >= 3);
    await h.consumer.stop();
    await h.run;
    expect(h.stream.count('consumerCommit')).toBe(0);
    expect(h.clock.sleeps.filter((ms) => ms === 7).length).toBeGreaterThanOrEqual(2);
  });

  it('spaces GetMessages by minGetIntervalMs (5 GET/s per partition per group)', async () => {
    const h = start(async () => undefined, { pollIntervalMs: 0, minGetIntervalMs: 200, clock: undefined });
    await new Promise((r) => setTimeout(r, 1_100));
    await h.consumer.stop();
    await h.run;
    const gets = h.stream.calls.filter((c) => c.op === 'getMessages');
    expect(gets.length).toBeLessThanOrEqual(6);
    for (let i = 1; i < gets.length; i++) expect(gets[i].at - gets[i - 1].at).toBeGreaterThanOrEqual(195);
  });
});

describe('outcomes', () => {
  it('skips object-gone (404) and superseded (412 on if-match) without calling the handler', async () => {
    const handled: string[] = [];
    const h = start(async (claim, o) => {
      handled.push(claim.data.object);
      await readAll(o!.body);
    }, {}, (s, os) => {
      publish(s, os, 'deleted-later');
      os.objects.delete(`${NS}/${BUCKET}/deleted-later`);
      publish(s, os, 'overwritten');
      os.put(NS, BUCKET, 'overwritten', 'v2');
      publish(s, os, 'fine');
    });
    await drain(h, 3);
    expect(handled).toEqual(['fine']);
    expect(h.outcomes.map((o) => [o.object?.name, o.status, 'reason' in o ? o.reason : null])).toEqual(
      expect.arrayContaining([
        ['deleted-later', 'skipped', 'object-gone'],
        ['overwritten', 'skipped', 'superseded'],
        ['fine', 'processed', null],
      ]),
    );
    expect(h.consumer.stats.skipped).toMatchObject({ objectGone: 1, superseded: 1 });
  });

  it('treats a different etag as superseded even when the server ignores if-match', async () => {
    const h = start(async () => undefined, {}, (s, os) => {
      publish(s, os, 'x');
      os.put(NS, BUCKET, 'x', 'new');
      const original = os.getObject.bind(os);
      os.getObject = (r) => original({ ...r, ifMatch: undefined });
    });
    await drain(h, 1);
    expect(h.outcomes[0]).toMatchObject({ status: 'skipped', reason: 'superseded' });
  });

  it('dead-letters a claim for a bucket outside allowedBuckets without ever fetching it', async () => {
    const h = start(async () => undefined, {}, (s, os) => {
      publish(s, os, 'secret.pdf', 'top secret', 'payroll');
    });
    await drain(h, 1);
    expect(h.outcomes[0]).toMatchObject({ status: 'dead-lettered', reason: 'bucket-not-allowed', attempts: 0 });
    expect(h.os.calls.filter((c) => c.bucket === 'payroll')).toEqual([]);
    const [dl] = h.os.list(`${NS}/meta/dl/workers/`);
    const record = JSON.parse(h.os.objects.get(dl)!.data.toString());
    expect(record).toMatchObject({ reason: 'bucket-not-allowed', attempts: 0, consumer: { group: 'workers', instance: 'w1' }, partition: '0', offset: 0 });
    expect(record.claim.data.bucket).toBe('payroll');
    expect(record.error.message).toMatch(/not in allowedBuckets/);
    expect(h.stream.commits).toEqual([1]);
  });

  it('dead-letters malformed messages with the raw value (JSON as JSON, other bytes as base64)', async () => {
    const h = start(async () => undefined, {}, (s) => {
      s.append(rawMessage('{"hello":"world"}', 0, 'k1'));
      s.append(rawMessage(Buffer.from([0xde, 0xad, 0xbe, 0xef]), 0, null));
    });
    await drain(h, 2);
    const records = h.os.list(`${NS}/meta/dl/workers/`).map((k) => JSON.parse(h.os.objects.get(k)!.data.toString()));
    expect(records).toHaveLength(2);
    const byOffset = Object.fromEntries(records.map((r) => [r.offset, r]));
    expect(byOffset[0]).toMatchObject({ reason: 'malformed-claim', claim: null, rawMessage: { key: 'k1', valueEncoding: 'json', value: { hello: 'world' } } });
    expect(byOffset[1]).toMatchObject({ reason: 'malformed-claim', rawMessage: { key: null, valueEncoding: 'base64', value: '3q2+7w==' } });
    expect(h.os.list(`${NS}/meta/dl/workers/`)[0]).toMatch(/-p0-o\d\.json$/);
  });

  it('retries a failing handler with backoff and processes the claim once it succeeds', async () => {
    let calls = 0;
    const attempts: number[] = [];
    const h = start(async (_c, o, ctx) => {
      calls++;
      attempts.push(ctx.attempt);
      await readAll(o!.body);
      if (calls <= 2) throw new Error(`transient ${calls}`);
    }, { maxAttempts: 5, retryBackoff: { baseDelayMs: 100, maxDelayMs: 1000 } }, (s, os) => void publish(s, os, 'flaky'));
    await drain(h, 1);
    expect(attempts).toEqual([1, 2, 3]);
    expect(h.outcomes[0]).toMatchObject({ status: 'processed', attempts: 3 });
    expect(h.consumer.stats).toMatchObject({ processed: 1, handlerFailures: 2, deadLettered: 0 });
    expect(h.clock.sleeps).toEqual(expect.arrayContaining([50, 100])); // random()=0.5 × ceilings 100, 200
    expect(h.os.count('getObject')).toBe(3); // a fresh body per attempt
  });

  it('dead-letters after maxAttempts with the last error and the attempt count', async () => {
    const h = start(async (_c, _o, ctx) => {
      throw new TypeError(`always fails (attempt ${ctx.attempt})`);
    }, { maxAttempts: 3 }, (s, os) => void publish(s, os, 'poison'));
    await drain(h, 1);
    expect(h.outcomes[0]).toMatchObject({ status: 'dead-lettered', reason: 'handler-failed', attempts: 3, error: { name: 'TypeError', message: 'always fails (attempt 3)' } });
    const [dl] = h.os.list(`${NS}/meta/dl/workers/`);
    const record = JSON.parse(h.os.objects.get(dl)!.data.toString());
    expect(record).toMatchObject({ reason: 'handler-failed', attempts: 3, error: { name: 'TypeError', message: 'always fails (attempt 3)' } });
    expect(record.error.stack).toContain('always fails');
    expect(h.consumer.stats).toMatchObject({ handlerFailures: 3, deadLettered: 1, processed: 0 });
    expect(h.os.list(`${NS}/meta/cc/processed/`)).toEqual([]);
  });

  it('times out a hung handler: its signal aborts, the body is destroyed, the attempt fails and the next one runs', async () => {
    const seen: Array<{ attempt: number; aborted: unknown; bodyDestroyed: boolean }> = [];
    const h = start(async (_c, object, ctx) => {
      if (ctx.attempt === 1) {
        // Hangs until aborted, then reports what it saw.
        await new Promise<void>((resolve) => ctx.signal.addEventListener('abort', () => resolve()));
        setImmediate(() => seen.push({ attempt: 1, aborted: ctx.signal.reason, bodyDestroyed: object!.body.destroyed }));
        return;
      }
      seen.push({ attempt: ctx.attempt, aborted: ctx.signal.aborted, bodyDestroyed: false });
      await readAll(object!.body);
    }, { handlerTimeoutMs: 40, maxAttempts: 3 }, (s, os) => void publish(s, os, 'slow'));
    await drain(h, 1);
    expect(h.outcomes[0]).toMatchObject({ status: 'processed', attempts: 2 });
    expect(seen).toHaveLength(2);
    expect(seen.find((x) => x.attempt === 1)).toEqual({ attempt: 1, aborted: expect.any(HandlerTimeoutError), bodyDestroyed: true });
    expect(seen.find((x) => x.attempt === 2)).toEqual({ attempt: 2, aborted: false, bodyDestroyed: false });
    expect(h.consumer.stats).toMatchObject({ handlerFailures: 1, processed: 1 });
  });

  it('a handler that ignores its signal and never settles is dead-lettered as timed out; the batch still commits', async () => {
    const h = start(async (claim) => {
      if (claim.data.object === 'stuck') await new Promise(() => undefined);
    }, { handlerTimeoutMs: 30, maxAttempts: 2 }, (s, os) => {
      publish(s, os, 'stuck');
      publish(s, os, 'fine');
    });
    await drain(h, 2);
    const stuck = h.outcomes.find((o) => o.object?.name === 'stuck');
    expect(stuck).toMatchObject({
      status: 'dead-lettered',
      reason: 'handler-failed',
      attempts: 2,
      error: { name: 'HandlerTimeoutError', message: 'The handler did not finish within handlerTimeoutMs (30 ms)' },
    });
    expect(h.outcomes.find((o) => o.object?.name === 'fine')).toMatchObject({ status: 'processed' });
    expect(h.stream.committed).toBe(2);
  });

  it('passes undefined as the object for delete claims and never fetches', async () => {
    const got: unknown[] = [];
    const h = start(async (claim, object) => void got.push([claim.data.eventType, object]), {}, (s) => {
      s.append(claimMessage(makeClaim({ namespace: NS, bucket: BUCKET, object: 'old.txt', action: 'deleteobject' }), 0));
    });
    await drain(h, 1);
    expect(got).toEqual([['com.oraclecloud.objectstorage.deleteobject', undefined]]);
    expect(h.os.count('getObject')).toBe(0);
    expect(h.outcomes[0]).toMatchObject({ status: 'processed' });
  });

  it('processes a claim published twice only once (duplicate), also within one batch', async () => {
    const handled: string[] = [];
    const h = start(async (claim, o) => {
      handled.push(claim.data.object);
      await readAll(o!.body);
    }, {}, (s, os) => {
      const claim = publish(s, os, 'twice.txt');
      s.append(claimMessage(claim, 0)); // the function published it again
      publish(s, os, 'other.txt');
    });
    await drain(h, 3);
    expect(handled.sort()).toEqual(['other.txt', 'twice.txt']);
    expect(h.outcomes.filter((o) => o.status === 'skipped' && o.reason === 'duplicate')).toHaveLength(1);
    expect(h.consumer.stats.skipped.duplicate).toBe(1);
  });

  it('remembers processed claims across consumers of the group through the marker objects', async () => {
    const first = start(async (_c, o) => void (await readAll(o!.body)), {}, (s, os) => void publish(s, os, 'a'));
    await drain(first, 1);
    // A second consumer, sharing the bucket, gets the same claim again (e.g. re-published).
    const handled: string[] = [];
    const second = start(async (c) => void handled.push(c.data.object), {}, (s, os) => {
      for (const [k, v] of first.os.objects) os.objects.set(k, v);
      s.append(first.stream.messages[0]);
    });
    await drain(second, 1);
    expect(handled).toEqual([]);
    expect(second.outcomes[0]).toMatchObject({ status: 'skipped', reason: 'duplicate' });
  });

  it('with dedupe: false every delivery reaches the handler', async () => {
    let calls = 0;
    const h = start(async () => void calls++, { dedupe: false }, (s, os) => {
      const claim = publish(s, os, 'twice.txt');
      s.append(claimMessage(claim, 0));
    });
    await drain(h, 2);
    expect(calls).toBe(2);
    expect(h.os.count('headObject')).toBe(0);
  });

  it('skips claims for its own dead letters and markers that came back through the bucket events', async () => {
    const h = start(async () => undefined, { allowedBuckets: [{ namespace: NS, bucket: 'meta' }] }, (s, os) => {
      publish(s, os, 'dl/workers/x.json', '{}', 'meta');
      publish(s, os, 'cc/processed/workers/abc', '{}', 'meta');
    });
    await drain(h, 2);
    expect(h.outcomes.map((o) => 'reason' in o && o.reason)).toEqual(['own-record', 'own-record']);
    expect(h.os.count('getObject')).toBe(0);
    expect(h.consumer.stats.skipped.ownRecord).toBe(2);
  });

  it('keeps claims for the same object in stream order, and runs different objects in parallel up to concurrency', async () => {
    let inFlight = 0;
    let peak = 0;
    const order: string[] = [];
    const h = start(async (claim, o) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      order.push(`${claim.data.object}:${claim.data.eventType.split('.').pop()}`);
      if (o) await readAll(o.body);
      inFlight--;
    }, { concurrency: 3, batchLimit: 100, dedupe: new MemoryProcessedStore() }, (s, os) => {
      for (let i = 0; i < 10; i++) publish(s, os, `obj-${i}`);
      s.append(claimMessage(makeClaim({ namespace: NS, bucket: BUCKET, object: 'obj-0', action: 'deleteobject', eventId: 'd0' }), 0));
    });
    await drain(h, 11);
    expect(peak).toBe(3);
    expect(order.indexOf('obj-0:createobject')).toBeLessThan(order.indexOf('obj-0:deleteobject'));
  });
});

describe('memory discipline', () => {
  it('destroys a body the handler did not consume, and never holds more than concurrency bodies', async () => {
    const bodies: Readable[] = [];
    let open = 0;
    let peakOpen = 0;
    const h = start(async (_c, o) => {
      bodies.push(o!.body);
      open++;
      peakOpen = Math.max(peakOpen, open);
      await new Promise((r) => setTimeout(r, 2));
      open--;
      // returns without reading
    }, { concurrency: 2 }, (s, os) => {
      for (let i = 0; i < 6; i++) publish(s, os, `big-${i}`, Buffer.alloc(1024 * 1024, i));
    });
    await drain(h, 6);
    expect(bodies.every((b) => b.destroyed)).toBe(true);
    expect(peakOpen).toBeLessThanOrEqual(2);
  });

  it('streams in chunks: the first chunk reaches the handler before the rest is produced', async () => {
    let firstChunkSeenAt = -1;
    let pulled = 0;
    const h = start(async (_c, o) => {
      o!.body.once('data', () => (firstChunkSeenAt = pulled));
      const digest = sha256(await readAll(o!.body));
      expect(digest).toBe(sha256(Buffer.alloc(4 * 1024 * 1024, 7)));
    }, {}, (s, os) => {
      publish(s, os, 'large', Buffer.alloc(4 * 1024 * 1024, 7));
      const original = os.getObject.bind(os);
      os.getObject = async (r) => {
        const res = await original(r);
        const reader = (res.value as ReadableStream<Uint8Array>).getReader();
        res.value = new ReadableStream<Uint8Array>({
          async pull(controller) {
            const { done, value } = await reader.read();
            if (done) controller.close();
            else {
              pulled++;
              controller.enqueue(value);
            }
          },
        });
        return res;
      };
    });
    await drain(h, 1);
    expect(firstChunkSeenAt).toBeGreaterThan(0);
    expect(firstChunkSeenAt).toBeLessThan(20); // 64 KiB chunks: far fewer than the 64 chunks of the object
  });
});

describe('infrastructure failures: nothing is lost', () => {
  it('a failing dead-letter write leaves the batch uncommitted; it is delivered again and then dead-lettered', async () => {
    const batchRetries: unknown[] = [];
    const h = start(async () => undefined, {}, (s, os) => {
      publish(s, os, 'ok.txt');
      publish(s, os, 'forged', 'x', 'elsewhere');
      os.fail('putObject', (r) => ((r as { objectName: string }).objectName.startsWith('dl/') ? ociError(403, 'NotAuthorized') : undefined));
    });
    h.consumer.on('batch-retry', (e) => batchRetries.push(e));
    await drain(h, 3);
    expect(batchRetries).toEqual([{ messages: 2, unresolved: 1, error: expect.stringMatching(/Dead-letter write failed/) }]);
    // First delivery: ok.txt processed, forged unresolved. Second: ok.txt duplicate, forged dead-lettered.
    const seen = h.outcomes.map((o) => `${o.object?.name}:${o.status}`);
    expect(seen[0]).toBe('ok.txt:processed');
    expect(seen.slice(1).sort()).toEqual(['forged:dead-lettered', 'ok.txt:skipped']);
    expect(h.stream.commits).toEqual([2]);
    expect(h.stream.count('createGroupCursor')).toBe(2);
    expect(h.consumer.stats.batchRetries).toBe(1);
  });

  it('retries transient GetObject failures; a persistent one leaves the batch uncommitted', async () => {
    const h = start(async (_c, o) => void (await readAll(o!.body)), { maxAttempts: 3 }, (s, os) => {
      publish(s, os, 'a');
      os.fail('getObject', ociError(503), ociError(500), { code: 'ECONNRESET', message: 'reset' } as unknown as Error, ociError(500));
    });
    await drain(h, 1);
    expect(h.outcomes).toEqual([expect.objectContaining({ status: 'processed' })]);
    expect(h.consumer.stats.batchRetries).toBe(1);
    expect(h.stream.commits).toEqual([1]);
  });

  it('a 404 BucketNotFound (missing read permission) is not object-gone: the batch is not committed', async () => {
    const logger = memoryLogger();
    const h = start(async () => undefined, { logger }, (s, os) => {
      publish(s, os, 'a');
      os.fail('getObject', ociError(404, 'BucketNotFound'));
    });
    await drain(h, 1);
    expect(h.outcomes).toEqual([expect.objectContaining({ status: 'processed' })]);
    expect(h.consumer.stats.skipped.objectGone).toBe(0);
    expect(logger.lines.some((l) => l.event === 'claim-consumer.batch-not-committed')).toBe(true);
  });

  it('a failed marker write after a successful handler still commits (and is counted)', async () => {
    const h = start(async () => undefined, {}, (s, os) => {
      publish(s, os, 'a');
      os.fail('putObject', ociError(400, 'InvalidParameter'));
    });
    await drain(h, 1);
    expect(h.outcomes[0]).toMatchObject({ status: 'processed' });
    expect(h.consumer.stats.markerFailures).toBe(1);
    expect(h.stream.commits).toEqual([1]);
  });

  it('recreates the group cursor when GetMessages fails (e.g. expired cursor after a rebalance)', async () => {
    const h = start(async () => undefined, {}, (s, os) => {
      publish(s, os, 'a');
      s.fail('getMessages', ociError(500), ociError(400, 'InvalidParameter', 'cursor expired'));
    });
    await drain(h, 1);
    expect(h.stream.count('createGroupCursor')).toBe(3);
    expect(h.stream.commits).toEqual([1]);
  });

  it('recreates the cursor when the commit is refused; the redelivered batch is all duplicates', async () => {
    let calls = 0;
    const h = start(async () => void calls++, {}, (s, os) => {
      publish(s, os, 'a');
      publish(s, os, 'b');
      s.fail('consumerCommit', () => {
        s.invalidate();
        return ociError(400, 'InvalidParameter', 'cursor expired');
      });
    });
    await drain(h, 4);
    expect(calls).toBe(2);
    expect(h.outcomes.filter((o) => o.status === 'skipped')).toHaveLength(2);
    expect(h.stream.commits).toEqual([2]);
  });

  it('rejects run() with ConsumerFatalError when the group cursor cannot be created (e.g. unknown stream)', async () => {
    const h = start(async () => undefined, {}, (s) => s.fail('createGroupCursor', ociError(404, 'NotAuthorizedOrNotFound')));
    await expect(h.run).rejects.toMatchObject({ name: 'ConsumerFatalError', message: expect.stringMatching(/NotAuthorizedOrNotFound/) });
    await h.consumer.stop();
  });

  it('rejects run() with ConsumerFatalError when the credentials cannot be built', async () => {
    const consumer = new ClaimCheckConsumer({
      streamId: 's',
      messagesEndpoint: 'http://127.0.0.1:9',
      groupName: 'g',
      allowedBuckets: [{ namespace: 'n', bucket: 'b' }],
      deadLetter: { kind: 'bucket', namespace: 'n', bucket: 'dl' },
      handler: async () => undefined,
      auth: 'config_file',
      configFile: '/nonexistent/oci/config',
      logger: silentLogger,
    });
    await expect(consumer.run()).rejects.toMatchObject({ name: 'ConsumerFatalError', message: expect.stringMatching(/Cannot set up the OCI clients/) });
  });

  it('retries a transient createGroupCursor failure', async () => {
    const h = start(async () => undefined, {}, (s, os) => {
      publish(s, os, 'a');
      s.fail('createGroupCursor', ociError(503), ociError(429, 'TooManyRequests'));
    });
    await drain(h, 1);
    expect(h.stream.count('createGroupCursor')).toBe(3);
  });

  it('heartbeats while a long batch is processed', async () => {
    const h = start(async () => new Promise((r) => setTimeout(r, 450)), { groupCursorTimeoutMs: 300 }, (s, os) => void publish(s, os, 'slow'));
    await drain(h, 1);
    expect(h.stream.count('consumerHeartbeat')).toBeGreaterThanOrEqual(2);
    expect(h.stream.calls.find((c) => c.op === 'consumerHeartbeat')!.cursor).toBe('g0:1');
  });
});

describe('graceful shutdown', () => {
  it('stop() lets the batch in progress finish, commits it, and fetches nothing more', async () => {
    let started = 0;
    let finished = 0;
    let stopPromise: Promise<void> | undefined;
    const h = start(async (_c, o) => {
      started++;
      await readAll(o!.body);
      await new Promise((r) => setTimeout(r, 20));
      finished++;
    }, { concurrency: 2, batchLimit: 4 }, (s, os) => {
      for (let i = 0; i < 8; i++) publish(s, os, `f${i}`);
    });
    await waitFor(() => started >= 1);
    stopPromise = h.consumer.stop();
    expect(h.consumer.isStopping).toBe(true);
    await stopPromise;
    await h.run;
    expect(finished).toBe(4);
    expect(h.stream.commits).toEqual([4]);
    expect(h.stream.count('getMessages')).toBe(1);

    // A new consumer of the group continues after the committed batch: no redelivery.
    const names: string[] = [];
    const next = start(async (c) => void names.push(c.data.object), {}, (s, os) => {
      for (const m of h.stream.messages) s.messages.push(m);
      s.committed = h.stream.committed;
      for (const [k, v] of h.os.objects) os.objects.set(k, v);
    });
    await drain(next, 4);
    expect(names.sort()).toEqual(['f4', 'f5', 'f6', 'f7']);
  });

  it('stop() before run() or twice is harmless', async () => {
    const h = start(async () => undefined);
    await Promise.all([h.consumer.stop(), h.consumer.stop()]);
    await h.run;
    await h.consumer.stop();
  });

  it('runUntilSignal stops the consumer on SIGTERM and removes its listeners', async () => {
    const before = process.listenerCount('SIGTERM');
    const h = start(async () => undefined);
    let stopped = false;
    const fake = {
      run: () => h.run,
      stop: async () => {
        await h.consumer.stop();
        stopped = true;
      },
    };
    const signals: string[] = [];
    const running = runUntilSignal(fake, { onSignal: (s) => signals.push(s) });
    expect(process.listenerCount('SIGTERM')).toBe(before + 1);
    process.emit('SIGTERM', 'SIGTERM');
    await running;
    expect(stopped).toBe(true);
    expect(signals).toEqual(['SIGTERM']);
    expect(process.listenerCount('SIGTERM')).toBe(before);
  });
});

describe('options', () => {
  const valid = (): ClaimCheckConsumerOptions => ({
    streamId: 's',
    messagesEndpoint: 'http://x',
    groupName: 'g',
    allowedBuckets: [{ namespace: 'n', bucket: 'b' }],
    deadLetter: { kind: 'bucket', namespace: 'n', bucket: 'dl' },
    handler: async () => undefined,
  });

  it('requires allowedBuckets, deadLetter and sane numbers, naming every problem', () => {
    expect(() => new ClaimCheckConsumer({ streamId: 's', messagesEndpoint: 'e', groupName: 'g', allowedBuckets: [{ namespace: 'n', bucket: 'b' }], deadLetter: { kind: 'bucket', namespace: 'n', bucket: 'b' }, handler: async () => undefined, handlerTimeoutMs: 0 })).toThrow(/handlerTimeoutMs must be an integer in 1\.\.2147483647/);
    expect(() => new ClaimCheckConsumer({ ...valid(), allowedBuckets: [] })).toThrow(/allowedBuckets must list at least one/);
    expect(() => new ClaimCheckConsumer({ ...valid(), allowedBuckets: [{ namespace: 'n', bucket: '' }] })).toThrow(/namespace and bucket/);
    expect(() => new ClaimCheckConsumer({ ...valid(), deadLetter: undefined as never })).toThrow(/deadLetter is required/);
    expect(() => new ClaimCheckConsumer({ ...valid(), concurrency: 0, batchLimit: 20_000, pollIntervalMs: -1 })).toThrow(
      /concurrency must be an integer in 1\.\.\d+; batchLimit must be an integer in 1\.\.10000; pollIntervalMs must be >= 0/,
    );
  });

  it('requires an explicit dedupe choice when dead letters go to a stream', () => {
    const options = { ...valid(), deadLetter: { kind: 'stream' as const, streamId: 'dlq', messagesEndpoint: 'http://x' } };
    expect(() => new ClaimCheckConsumer(options)).toThrow(/dedupe is required/);
    expect(() => new ClaimCheckConsumer({ ...options, dedupe: { kind: 'memory' } })).not.toThrow();
  });

  it('defaults: instance name hostname-pid-random, allowlist lookups', () => {
    const consumer = new ClaimCheckConsumer(valid());
    expect(consumer.instanceName).toMatch(new RegExp(`-${process.pid}-[0-9a-f]{6}$`));
    expect(consumer.isAllowed('n', 'b')).toBe(true);
    expect(consumer.isAllowed('n', 'dl')).toBe(false);
    expect(consumer.isAllowed('x', 'b')).toBe(false);
    expect(consumer.stats).toEqual({
      received: 0,
      processed: 0,
      skipped: { objectGone: 0, superseded: 0, duplicate: 0, ownRecord: 0 },
      deadLettered: 0,
      handlerFailures: 0,
      commits: 0,
      batchRetries: 0,
      markerFailures: 0,
    });
  });
});
