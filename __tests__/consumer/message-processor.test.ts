/**
 * One outcome per message, in bounded time: skips, retries, dead letters (including poison claims whose object
 * cannot be read), late deletes, handler timeouts, and the memory discipline of object bodies.
 */
import { Readable } from 'node:stream';
import { HandlerTimeoutError } from '../../lib/consumer';
import { BUCKET, drain, NS, publish, readAll, start, summary } from './harness';
import { claimMessage, makeClaim, ociError, rawMessage, sha256 } from './helpers';

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
    expect(summary(h.outcomes)).toEqual(
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
    const names = h.os.list(`${NS}/meta/dl/workers/`);
    const records = names.map((k) => JSON.parse(h.os.objects.get(k)!.data.toString()));
    expect(records).toHaveLength(2);
    const byOffset = Object.fromEntries(records.map((r) => [r.offset, r]));
    expect(byOffset[0]).toMatchObject({ reason: 'malformed-claim', claim: null, rawMessage: { key: 'k1', valueEncoding: 'json', value: { hello: 'world' } } });
    expect(byOffset[1]).toMatchObject({ reason: 'malformed-claim', rawMessage: { key: null, valueEncoding: 'base64', value: '3q2+7w==' } });
    // Named after the message's publish time and place in the stream.
    expect(names).toEqual([`${NS}/meta/dl/workers/20260314T120008000Z-p0-o0.json`, `${NS}/meta/dl/workers/20260314T120008000Z-p0-o1.json`]);
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
    expect(h.os.count('getObject', 'flaky')).toBe(3); // a fresh body per attempt
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
    expect(h.outcomes.find((o) => o.object?.name === 'stuck')).toMatchObject({
      status: 'dead-lettered',
      reason: 'handler-failed',
      attempts: 2,
      error: { name: 'HandlerTimeoutError', message: 'The handler did not finish within handlerTimeoutMs (30 ms)' },
    });
    expect(h.outcomes.find((o) => o.object?.name === 'fine')).toMatchObject({ status: 'processed' });
    expect(h.stream.committed).toBe(2);
  });
});

describe('poison claims reach an outcome in bounded time', () => {
  it.each([
    ['403 (a policy gap)', () => ociError(403, 'NotAuthorized')],
    ['404 BucketNotFound (bucket deleted, or no read permission)', () => ociError(404, 'BucketNotFound')],
    ['500 that outlasts the retries', () => ociError(500, 'InternalServerError')],
  ])('a lasting GetObject %s is dead-lettered as fetch-failed; the rest of the batch is processed and committed', async (_name, error) => {
    const h = start(async (_c, o) => void (await readAll(o!.body)), { maxAttempts: 3 }, (s, os) => {
      publish(s, os, 'before');
      publish(s, os, 'poison');
      publish(s, os, 'after');
      os.fail('getObject', ...Array.from({ length: 50 }, () => (r: unknown) => ((r as { objectName: string }).objectName === 'poison' ? error() : undefined)));
    });
    await drain(h, 3);
    expect(summary(h.outcomes).sort()).toEqual([
      ['after', 'processed', null],
      ['before', 'processed', null],
      ['poison', 'dead-lettered', 'fetch-failed'],
    ]);
    expect(h.outcomes.find((o) => o.object?.name === 'poison')).toMatchObject({ attempts: 3, error: { message: expect.stringContaining(String(error().message)) } });
    expect(h.os.count('getObject', 'poison')).toBe(3);
    expect(h.stream.commits).toEqual([3]);
    expect(h.consumer.stats).toMatchObject({ batchRetries: 0, fetchFailures: 3, deadLettered: 1 });
    const [dl] = h.os.list(`${NS}/meta/dl/workers/`);
    expect(JSON.parse(h.os.objects.get(dl)!.data.toString())).toMatchObject({ reason: 'fetch-failed', attempts: 3, claim: { subject: 'poison' } });
  });

  it('a transient GetObject failure is retried within the claim and processed once it clears', async () => {
    const h = start(async (_c, o) => void (await readAll(o!.body)), { maxAttempts: 3 }, (s, os) => {
      publish(s, os, 'a');
      const forA = (error: Error) => (r: unknown) => ((r as { objectName: string }).objectName === 'a' ? error : undefined);
      os.fail('getObject', forA(ociError(503)), forA({ code: 'ECONNRESET', message: 'reset' } as unknown as Error));
    });
    await drain(h, 1);
    expect(h.outcomes).toEqual([expect.objectContaining({ status: 'processed', attempts: 3 })]);
    expect(h.consumer.stats).toMatchObject({ batchRetries: 0, fetchFailures: 2 });
    expect(h.stream.commits).toEqual([1]);
  });

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
    expect(summary(h.outcomes)).toEqual([
      ['ok.txt', 'processed', null],
      ['ok.txt', 'skipped', 'duplicate'],
      ['forged', 'dead-lettered', 'bucket-not-allowed'],
    ]);
    expect(h.outcomes[1]).toMatchObject({ previous: 'processed' });
    expect(h.stream.commits).toEqual([2]);
    expect(h.stream.count('createGroupCursor')).toBe(2);
    expect(h.consumer.stats.batchRetries).toBe(1);
  });

  it('writing a dead letter is idempotent: a write retried after a lost answer finds its record (412) and succeeds', async () => {
    const h = start(async () => {
      throw new Error('always');
    }, { maxAttempts: 1 }, (s, os) => {
      publish(s, os, 'x');
      // The PUT lands, then its answer is lost: the SDK (or the redelivered batch) writes the same record again.
      const original = os.putObject.bind(os);
      let lost = false;
      os.putObject = async (r) => {
        const result = await original(r);
        if (!lost && r.objectName.startsWith('dl/')) {
          lost = true;
          await original(r); // the retry: 412, the record is already there
        }
        return result;
      };
    });
    await drain(h, 1);
    expect(h.outcomes[0]).toMatchObject({ status: 'dead-lettered', reason: 'handler-failed' });
    expect(h.os.list(`${NS}/meta/dl/workers/`)).toHaveLength(1);
  });
});

describe('deletes are checked like the rest', () => {
  it('passes undefined as the object for a delete whose object is gone, and never downloads it', async () => {
    const got: unknown[] = [];
    const h = start(async (claim, object) => void got.push([claim.data.eventType, object]), {}, (s) => {
      s.append(claimMessage(makeClaim({ namespace: NS, bucket: BUCKET, object: 'old.txt', action: 'deleteobject' }), 0));
    });
    await drain(h, 1);
    expect(got).toEqual([['com.oraclecloud.objectstorage.deleteobject', undefined]]);
    expect(h.os.count('getObject', 'old.txt')).toBe(0);
    expect(h.os.count('headObject', 'old.txt')).toBe(1);
    expect(h.outcomes[0]).toMatchObject({ status: 'processed' });
  });

  it('a late delete (the name was written again after it) is skipped as superseded', async () => {
    const handled: string[] = [];
    const h = start(async (claim, o) => {
      handled.push(`${claim.data.object}:${claim.data.eventType.split('.').pop()}`);
      if (o) await readAll(o.body);
    }, {}, (s, os) => {
      // create → delete → create happened; the claims arrive create, create, (late) delete.
      const first = publish(s, os, 'doc.txt', 'v1');
      os.objects.delete(`${NS}/${BUCKET}/doc.txt`);
      publish(s, os, 'doc.txt', 'v2');
      s.append(claimMessage(makeClaim({ namespace: NS, bucket: BUCKET, object: 'doc.txt', action: 'deleteobject', eventId: `delete-after-${first.data.etag}` }), 0));
    });
    await drain(h, 3);
    expect(summary(h.outcomes)).toEqual([
      ['doc.txt', 'skipped', 'superseded'],
      ['doc.txt', 'processed', null],
      ['doc.txt', 'skipped', 'superseded'],
    ]);
    expect(handled).toEqual(['doc.txt:createobject']);
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
