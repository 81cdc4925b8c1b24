/**
 * ClaimCheckConsumer's loop against in-memory fakes: the commit-after-batch protocol, stop in bounded time, events
 * whose listeners cannot break anything, and fatal errors.
 */
import { ClaimCheckConsumer, ConsumerStoppingError, runUntilSignal } from '../../lib/consumer';
import { drain, publish, readAll, start, summary } from './harness';
import { ociError, silentLogger, waitFor } from './helpers';
import { withDeadline } from '../helpers/wait-for';

describe('processing and committing', () => {
  it('hands each object to the handler as a stream and commits once per batch', async () => {
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
    // GetObject pinned to the claim's etag; a committed batch writes no state (no HEAD, no marker, no checkpoint):
    // the only write is the partition's first record when the group first reads it (where its decisions begin).
    expect(h.os.calls.filter((c) => c.op === 'getObject' && c.bucket === 'landing').every((c) => c.ifMatch !== undefined)).toBe(true);
    expect(h.os.count('headObject')).toBe(0);
    expect(h.os.calls.filter((c) => c.op === 'putObject').map((c) => c.name)).toEqual(['cc/progress/workers/0.json']);
    expect(JSON.parse(h.os.get('testns', 'meta', 'cc/progress/workers/0.json')!.data.toString())).toMatchObject({ decidedFrom: 0, entries: [] });
  });

  it('commits with the newest cursor, then continues from the cursor the commit returned', async () => {
    const h = start(async (_c, o) => void (await readAll(o!.body)), { batchLimit: 2 }, (s, os) => {
      for (let i = 0; i < 5; i++) publish(s, os, `f${i}`);
    });
    await drain(h, 5);
    expect(h.stream.commits).toEqual([2, 4, 5]);
    // The fake accepts only the newest cursor issued: each call here used the one the previous answer carried.
    expect(h.stream.groupOps().slice(0, 7)).toEqual([
      'createGroupCursor:',
      'getMessages:g0:0',
      'consumerCommit:g0:2',
      'getMessages:g0:2',
      'consumerCommit:g0:4',
      'getMessages:g0:4',
      'consumerCommit:g0:5',
    ]);
    expect(h.stream.count('createGroupCursor')).toBe(1);
  });

  it('does not commit before every message of the batch has an outcome', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let commitsWhileSlowPending = -1;
    const h = start(async (claim, o) => {
      await readAll(o!.body);
      if (claim.data.object === 'slow') {
        await waitFor(() => h.outcomes.length === 2, 5_000, 'the two fast claims');
        commitsWhileSlowPending = h.stream.count('consumerCommit');
        await gate;
      }
    }, {}, (s, os) => {
      publish(s, os, 'fast-1');
      publish(s, os, 'slow');
      publish(s, os, 'fast-2');
    });
    await waitFor(() => commitsWhileSlowPending >= 0, 5_000, 'the slow handler to see the fast outcomes');
    expect(commitsWhileSlowPending).toBe(0);
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
});

describe('events', () => {
  it('a listener that throws changes nothing: the outcome stands, the batch commits once, other listeners run', async () => {
    const later: string[] = [];
    const h = start(async () => undefined, {}, (s, os) => {
      publish(s, os, 'a');
      publish(s, os, 'b');
    });
    h.consumer.on('outcome', () => {
      throw new Error('listener bug');
    });
    h.consumer.on('outcome', (o) => void later.push(o.object!.name));
    h.consumer.on('commit', () => {
      throw new Error('commit listener bug');
    });
    await drain(h, 2);
    expect(summary(h.outcomes)).toEqual([
      ['a', 'processed', null],
      ['b', 'processed', null],
    ]);
    expect(later).toEqual(['a', 'b']);
    expect(h.stream.commits).toEqual([2]);
    expect(h.consumer.stats).toMatchObject({ processed: 2, batchRetries: 0, commits: 1, listenerFailures: 3 });
  });

  it('once() listeners fire once', async () => {
    const seen: string[] = [];
    const h = start(async () => undefined, {}, (s, os) => {
      publish(s, os, 'a');
      publish(s, os, 'b');
    });
    h.consumer.once('outcome', (o) => void seen.push(o.object!.name));
    await drain(h, 2);
    expect(seen).toEqual(['a']);
  });
});

describe('stop in bounded time', () => {
  it('stop() lets claims in flight finish within the grace period, commits the batch, and fetches nothing more', async () => {
    let started = 0;
    let finished = 0;
    const h = start(async (_c, o) => {
      started++;
      await readAll(o!.body);
      await new Promise((r) => setTimeout(r, 20));
      finished++;
    }, { concurrency: 4, batchLimit: 4 }, (s, os) => {
      for (let i = 0; i < 8; i++) publish(s, os, `f${i}`);
    });
    await waitFor(() => started === 4, 5_000, 'four claims in flight');
    await h.consumer.stop();
    expect(h.consumer.isStopping).toBe(true);
    await h.run;
    expect(finished).toBe(4);
    expect(h.stream.commits).toEqual([4]);
    expect(h.stream.count('getMessages')).toBe(1);
  });

  it('claims not started when stop() comes are left to the group; finished ones are checkpointed, not committed', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const handled: string[] = [];
    const h = start(async (claim, o) => {
      await readAll(o!.body);
      handled.push(claim.data.object);
      if (claim.data.object === 'f1') await gate;
    }, { concurrency: 1, batchLimit: 10 }, (s, os) => {
      for (let i = 0; i < 6; i++) publish(s, os, `f${i}`);
    });
    await waitFor(() => handled.includes('f1') && handled.includes('f0'), 5_000, 'f0 done and f1 in flight');
    const stopping = h.consumer.stop();
    release();
    await stopping;
    await h.run;
    expect(h.stream.commits).toEqual([]);
    // What finished is in the partition's checkpoint, for whoever reads the batch next.
    const checkpoint = JSON.parse(h.os.get('testns', 'meta', 'cc/progress/workers/0.json')!.data.toString());
    expect(checkpoint.entries.map((e: { offset: number; status: string }) => [e.offset, e.status])).toEqual(
      h.outcomes.map((o) => [o.offset, o.status]).sort((a, b) => (a[0] as number) - (b[0] as number)),
    );
    expect(checkpoint.entries.map((e: { offset: number }) => e.offset)).toEqual([0, 1]);
    expect(handled).toEqual(['f0', 'f1']);
  });

  it('a handler that ignores its signal is abandoned when the grace period ends; stop() returns and the claim is left to the group', async () => {
    let signalReason: unknown;
    const h = start(async (_claim, _o, ctx) => {
      ctx.signal.addEventListener('abort', () => (signalReason = ctx.signal.reason));
      await new Promise(() => undefined); // a 10-minute transcode that never looks at its signal
    }, { stopGraceMs: 50, handlerTimeoutMs: 600_000 }, (s, os) => void publish(s, os, 'huge.mov'));
    await waitFor(() => h.consumer.stats.received === 1, 5_000, 'the claim to start');
    const before = Date.now();
    await h.consumer.stop();
    await h.run;
    expect(Date.now() - before).toBeLessThan(5_000); // bounded by the grace period, not by the handler
    expect(signalReason).toBeInstanceOf(ConsumerStoppingError);
    expect(h.outcomes).toEqual([]);
    expect(h.stream.commits).toEqual([]);
    expect(h.consumer.stats).toMatchObject({ handlerFailures: 0, deadLettered: 0 });
  });

  it('a backoff between attempts wakes on stop(); no further attempt starts', async () => {
    let attempts = 0;
    const h = start(async () => {
      attempts++;
      throw new Error('fails');
    }, { maxAttempts: 5, retryBackoff: { baseDelayMs: 3_600_000, maxDelayMs: 3_600_000 }, clock: undefined }, (s, os) => void publish(s, os, 'a'));
    await waitFor(() => attempts === 1, 5_000, 'the first attempt');
    await h.consumer.stop();
    await h.run;
    expect(attempts).toBe(1);
    expect(h.outcomes).toEqual([]);
    expect(h.stream.commits).toEqual([]);
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

describe('fatal errors', () => {
  it('rejects run() with ConsumerFatalError when the group cursor cannot be created (e.g. unknown stream)', async () => {
    const h = start(async () => undefined, {}, (s) => s.fail('createGroupCursor', ociError(404, 'NotAuthorizedOrNotFound')));
    await expect(h.run).rejects.toMatchObject({ name: 'ConsumerFatalError', message: expect.stringMatching(/NotAuthorizedOrNotFound/) });
    await h.consumer.stop();
  });

  it('decides a 409 on the group cursor by its code (the shared retry rule): IncorrectState is retried, Conflict is fatal', async () => {
    const busy = start(async () => undefined, {}, (s, os) => {
      s.fail('createGroupCursor', ociError(409, 'IncorrectState'));
      publish(s, os, 'a');
    });
    await drain(busy, 1);
    expect(busy.stream.count('createGroupCursor')).toBe(2);

    const conflict = start(async () => undefined, {}, (s) => s.fail('createGroupCursor', ociError(409, 'Conflict')));
    await expect(withDeadline(conflict.run, { what: 'run() to reject on a 409 Conflict', timeoutMs: 5_000 })).rejects.toMatchObject({
      name: 'ConsumerFatalError',
      code: 'ConsumerFatal',
      retriable: false,
    });
    await conflict.consumer.stop();
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
});
