/**
 * Duplicates, and what the group remembers to suppress them: the same message delivered again (progress
 * checkpoints of uncommitted batches) and the same object state in another message (the per-partition window,
 * warmed from the stream's past), plus the opt-in per-claim markers.
 */
import { ClaimLedger } from '../../lib/consumer/claim-ledger';
import { BucketProgressStore } from '../../lib/consumer/progress-store';
import type { RawStreamMessage } from '../../lib/consumer';
import { BUCKET, drain, NS, publish, readAll, start, summary } from './harness';
import { claimMessage, FakeObjectStorage, FakeStream, makeClaim, memoryLogger, ociError, silentLogger, waitFor } from './helpers';

describe('the same object state published twice', () => {
  it('is processed once, also within one batch', async () => {
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
    expect(summary(h.outcomes).filter(([, , reason]) => reason === 'duplicate')).toEqual([['twice.txt', 'skipped', 'duplicate']]);
    expect(h.outcomes.find((o) => o.status === 'skipped')).toMatchObject({ previous: 'processed', offset: 1 });
  });

  it('an update claim for the etag a create claim already covered is the same file version: processed once', async () => {
    const handled: string[] = [];
    const h = start(async (claim) => void handled.push(claim.data.eventType), {}, (s, os) => {
      const etag = os.put(NS, BUCKET, 'v.txt', 'same bytes');
      s.append(claimMessage(makeClaim({ namespace: NS, bucket: BUCKET, object: 'v.txt', etag, eventId: 'e1' }), 0));
      s.append(claimMessage(makeClaim({ namespace: NS, bucket: BUCKET, object: 'v.txt', etag, eventId: 'e2', action: 'updateobject' }), 0));
    });
    await drain(h, 2);
    expect(handled).toEqual(['com.oraclecloud.objectstorage.createobject']);
  });

  it('is recognised by another instance after a takeover: it reads the partition before the group position back from the stream', async () => {
    const stream = new FakeStream();
    const os = new FakeObjectStorage();
    const first = start(async (_c, o) => void (await readAll(o!.body)), { instanceName: 'w1' }, (s, o) => void publish(s, o, 'a'), { stream, os });
    await drain(first, 1);
    // The publish is repeated after the group committed the original (a retried publish, an event delivered twice).
    stream.append(stream.messages[0]);
    const handled: string[] = [];
    const second = start(async (c) => void handled.push(c.data.object), { instanceName: 'w2' }, undefined, { stream, os });
    await drain(second, 1);
    expect(handled).toEqual([]);
    expect(second.outcomes[0]).toMatchObject({ status: 'skipped', reason: 'duplicate', previous: 'committed', offset: 1 });
    expect(stream.calls.filter((c) => c.op === 'createCursor')).toHaveLength(1);
  });

  it('a new group that starts at LATEST takes nothing before its start as decided: a re-publication of an old state is processed', async () => {
    const stream = new FakeStream();
    const os = new FakeObjectStorage();
    publish(stream, os, 'old.txt');
    publish(stream, os, 'older.txt');
    stream.committed = 2; // the new group's start (LATEST): it never saw offsets 0 and 1
    stream.append(stream.messages[0]); // e.g. a reconcile republishes old.txt for the groups that did not process it
    const handled: string[] = [];
    const h = start(async (c) => void handled.push(c.data.object), { initialPosition: 'LATEST' }, undefined, { stream, os });
    await drain(h, 1);
    expect(handled).toEqual(['old.txt']);
    expect(stream.count('createCursor')).toBe(0); // nothing to read back: the group's decisions begin at offset 2
    expect(JSON.parse(os.get(NS, 'meta', 'cc/progress/workers/0.json')!.data.toString())).toMatchObject({ decidedFrom: 2 });
  });

  it('beyond the window (dedupeWindow messages back) it is processed again: the documented limit', async () => {
    const stream = new FakeStream();
    const os = new FakeObjectStorage();
    const first = start(async () => undefined, {}, (s, o) => {
      publish(s, o, 'a');
      publish(s, o, 'b');
      publish(s, o, 'c');
    }, { stream, os });
    await drain(first, 3);
    stream.append(stream.messages[0]);
    const handled: string[] = [];
    const second = start(async (c) => void handled.push(c.data.object), { instanceName: 'w2', dedupeWindow: 2 }, undefined, { stream, os });
    await drain(second, 1);
    expect(handled).toEqual(['a']);
  });

  it('with dedupe: false every delivery reaches the handler and no state is read or written', async () => {
    let calls = 0;
    const h = start(async () => void calls++, { dedupe: false }, (s, os) => {
      const claim = publish(s, os, 'twice.txt');
      s.append(claimMessage(claim, 0));
    });
    await drain(h, 2);
    expect(calls).toBe(2);
    expect(h.os.count('headObject')).toBe(0);
    expect(h.os.count('putObject')).toBe(0);
    expect(h.stream.count('createCursor')).toBe(0);
  });

  it('markers: a duplicate far outside the window is still recognised through the per-claim marker objects', async () => {
    const stream = new FakeStream();
    const os = new FakeObjectStorage();
    const markers = { kind: 'markers' as const, namespace: NS, bucket: 'meta', prefix: 'cc/' };
    const first = start(async () => undefined, { dedupe: markers }, (s, o) => {
      publish(s, o, 'a');
      publish(s, o, 'b');
    }, { stream, os });
    await drain(first, 2);
    expect(os.list(`${NS}/meta/cc/processed/workers/`)).toHaveLength(2);
    stream.append(stream.messages[0]);
    const handled: string[] = [];
    const second = start(async (c) => void handled.push(c.data.object), { instanceName: 'w2', dedupe: markers, dedupeWindow: 1 }, undefined, { stream, os });
    await drain(second, 1);
    expect(handled).toEqual([]);
    expect(second.outcomes[0]).toMatchObject({ status: 'skipped', reason: 'duplicate' });
  });
});

describe('the same message delivered again', () => {
  it('a refused commit: the batch comes again and every claim of it is a duplicate', async () => {
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
    expect(summary(h.outcomes).slice(2)).toEqual([
      ['a', 'skipped', 'duplicate'],
      ['b', 'skipped', 'duplicate'],
    ]);
    expect(h.stream.commits).toEqual([2]);
    // The partition's first record, then the checkpoint the failed commit wrote for whoever gets the batch next.
    expect(h.consumer.stats.checkpoints).toBe(2);
    expect(h.os.calls.filter((c) => c.op === 'putObject').map((c) => c.name)).toEqual(['cc/progress/workers/0.json', 'cc/progress/workers/0.json']);
  });

  it('a crash before the commit: the next instance skips the offsets the checkpoint lists and handles the rest', async () => {
    const stream = new FakeStream();
    const os = new FakeObjectStorage();
    for (const name of ['a', 'b', 'c']) publish(stream, os, name);
    // What a crashed instance left: offsets 0 and 1 decided, nothing committed.
    os.put(NS, 'meta', 'cc/progress/workers/0.json', JSON.stringify({
      format: 'claim-check-progress/v1',
      entries: [
        { offset: 0, key: null, status: 'processed' },
        { offset: 1, key: null, status: 'dead-lettered' },
      ],
    }));
    const handled: string[] = [];
    const h = start(async (c) => void handled.push(c.data.object), {}, undefined, { stream, os });
    await drain(h, 3);
    expect(handled).toEqual(['c']);
    expect(h.outcomes.slice(0, 2)).toEqual([
      expect.objectContaining({ offset: 0, status: 'skipped', reason: 'duplicate', previous: 'processed' }),
      expect.objectContaining({ offset: 1, status: 'skipped', reason: 'duplicate', previous: 'dead-lettered' }),
    ]);
  });

  it('while a long batch runs, finished claims are checkpointed every checkpointIntervalMs; a committed batch is never written', async () => {
    let checkpointSeen: Array<{ offset: number; status: string }> = [];
    const h = start(async (claim, o) => {
      await readAll(o!.body);
      if (claim.data.object === 'slow') {
        const entries = () => JSON.parse(h.os.get(NS, 'meta', 'cc/progress/workers/0.json')?.data.toString() ?? '{"entries":[]}').entries;
        await waitFor(() => entries().length > 0, 5_000, 'a checkpoint during the batch');
        checkpointSeen = entries();
      }
    }, { checkpointIntervalMs: 20, concurrency: 1 }, (s, os) => {
      publish(s, os, 'a');
      publish(s, os, 'b');
      publish(s, os, 'slow');
    });
    await drain(h, 3);
    expect(checkpointSeen.map((e) => [e.offset, e.status])).toEqual([
      [0, 'processed'],
      [1, 'processed'],
    ]);
    expect(h.stream.commits).toEqual([3]);
    const writes = h.os.count('putObject', 'cc/progress/workers/0.json');
    expect(writes).toBeGreaterThanOrEqual(1);
    // Another batch after the commit: no checkpoint write (the commit is the record).
    publish(h.stream, h.os, 'later');
    const more = start(async () => undefined, { instanceName: 'w1' }, undefined, { stream: h.stream, os: h.os });
    await drain(more, 1);
    expect(h.os.count('putObject', 'cc/progress/workers/0.json')).toBe(writes);
  });

  it('an unreadable checkpoint is logged and read as empty (at worst duplicates), never a partition stopped for good', async () => {
    const logger = memoryLogger();
    const h = start(async () => undefined, { logger }, (s, os) => {
      publish(s, os, 'a');
      os.put(NS, 'meta', 'cc/progress/workers/0.json', 'not json at all');
    });
    await drain(h, 1);
    expect(summary(h.outcomes)).toEqual([['a', 'processed', null]]);
    expect(logger.lines.find((l) => l.event === 'claim-consumer.checkpoint-unreadable')?.fields).toMatchObject({ partition: '0', problem: expect.stringMatching(/is not JSON/) });
  });

  it('skips claims for its own dead letters and state records that came back through the bucket events', async () => {
    const h = start(async () => undefined, { allowedBuckets: [{ namespace: NS, bucket: 'meta' }] }, (s, os) => {
      publish(s, os, 'dl/workers/x.json', '{}', 'meta');
      publish(s, os, 'cc/progress/other-group/7.json', '{}', 'meta');
      publish(s, os, 'cc/reconcile/landing/0123456789abcdef.json', '{}', 'meta');
    });
    await drain(h, 3);
    expect(h.outcomes.map((o) => 'reason' in o && o.reason)).toEqual(['own-record', 'own-record', 'own-record']);
    expect(h.os.calls.filter((c) => c.op === 'getObject' && (c.name.startsWith('dl/') || c.name.includes('other-group')))).toEqual([]);
    expect(h.consumer.stats.skipped.ownRecord).toBe(3);
  });
});

describe('ClaimLedger', () => {
  const message = (offset: number, partition = '0'): RawStreamMessage => ({ partition, offset, key: null, value: '' });

  function ledger(store: BucketProgressStore | null, windowSize = 100) {
    return new ClaimLedger({
      store,
      history: null,
      keyOf: () => null,
      windowSize,
      checkpointIntervalMs: 1_000_000,
      logger: silentLogger,
      onCheckpoint: () => undefined,
      onCheckpointFailure: () => undefined,
    });
  }

  it('keeps at most windowSize object states per partition, forgetting the oldest', async () => {
    const l = ledger(null, 2);
    await l.prepare([message(0), message(1), message(2)], 1);
    l.record(message(0), 'k0', 'processed');
    l.record(message(1), 'k1', 'processed');
    l.record(message(2), 'k2', 'skipped');
    l.committed([message(0), message(1), message(2)]);
    expect([l.previous(message(9), 'k0'), l.previous(message(9), 'k1'), l.previous(message(9), 'k2')]).toEqual([null, 'processed', 'skipped']);
  });

  it('two instances writing one checkpoint: the one that loses the race merges the other\'s entries and writes the union', async () => {
    const os = new FakeObjectStorage();
    const store = (instance: string) => new BucketProgressStore({ client: os, namespace: NS, bucket: 'meta', group: 'g', instance, streamId: 's' });
    const a = ledger(store('a'));
    const b = ledger(store('b'));
    await a.prepare([message(5), message(6)], 1);
    await b.prepare([message(5), message(6)], 1);
    b.record(message(5), 'k5', 'processed');
    await b.flush();
    a.record(message(6), 'k6', 'dead-lettered');
    await a.flush(); // 412 on if-none-match: reload, merge, write again
    const record = JSON.parse(os.get(NS, 'meta', 'claim-check/progress/g/0.json')!.data.toString());
    expect(record.entries).toEqual([
      { offset: 5, key: 'k5', status: 'processed' },
      { offset: 6, key: 'k6', status: 'dead-lettered' },
    ]);
    expect(os.calls.filter((c) => c.op === 'putObject').map((c) => [c.ifNoneMatch ?? null, c.ifMatch ?? null])).toEqual([
      ['*', null], // a: the partition's first record (decidedFrom 5)
      [null, 'etag-1'], // b: its entry, over the version it loaded
      [null, 'etag-1'], // a: its entry over the version it knew: 412, someone wrote in between
      [null, 'etag-2'], // a: the union, over b's version
    ]);
    expect(record.decidedFrom).toBe(5);
  });

  it('a checkpoint that cannot be read fails prepare (the batch is not processed), never reads as empty', async () => {
    const os = new FakeObjectStorage();
    os.fail('getObject', ociError(404, 'BucketNotFound'));
    const l = ledger(new BucketProgressStore({ client: os, namespace: NS, bucket: 'gone', group: 'g', instance: 'i', streamId: 's' }));
    await expect(l.prepare([message(0)], 1)).rejects.toMatchObject({ statusCode: 404, serviceCode: 'BucketNotFound' });
  });
});
