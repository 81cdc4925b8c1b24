/**
 * The group session: the cursor chain (every call uses the newest cursor), heartbeats during long batches, commits,
 * GET pacing and what happens when the group refuses the instance.
 */
import { GroupSession } from '../../lib/consumer/group-session';
import { settingsOf } from '../../lib/consumer/options';
import type { StreamApi } from '../../lib/consumer/clients';
import { drain, publish, readAll, start } from './harness';
import { FakeStream, memoryLogger, ociError, silentLogger, waitFor } from './helpers';

describe('cursor chain', () => {
  it('a batch that outlasts many heartbeats is committed once, with the cursor the last heartbeat returned', async () => {
    // The fake accepts only the newest cursor it issued, like a chain where each answer replaces the cursor: a
    // heartbeat or commit with a stale cursor fails (as an expired one would after 5 minutes).
    let heartbeatsDuringHandler = 0;
    const h = start(async (_c, o) => {
      await readAll(o!.body);
      await waitFor(() => h.stream.count('consumerHeartbeat') >= 4, 10_000, 'four heartbeats during the handler');
      heartbeatsDuringHandler = h.stream.count('consumerHeartbeat');
    }, { groupCursorTimeoutMs: 300 }, (s, os) => void publish(s, os, 'slow'));
    await drain(h, 1);
    expect(heartbeatsDuringHandler).toBeGreaterThanOrEqual(4);
    expect(h.consumer.stats).toMatchObject({ processed: 1, commits: 1, heartbeatFailures: 0, batchRetries: 0 });
    expect(h.stream.commits).toEqual([1]);
    expect(h.stream.count('createGroupCursor')).toBe(1);
    // Each heartbeat and the commit used the cursor of the answer just before it.
    const chain = h.stream.calls.filter((c) => c.cursor && !c.cursor.startsWith('p'));
    const serials = chain.map((c) => Number(c.cursor!.split(':')[2]));
    for (let i = 1; i < serials.length; i++) expect(serials[i]).toBe(serials[i - 1] + 1);
  });

  it('a commit waits for a heartbeat in flight and uses the cursor it returns', async () => {
    const calls: string[] = [];
    let releaseHeartbeat!: () => void;
    const heartbeatGate = new Promise<void>((r) => (releaseHeartbeat = r));
    const stream: StreamApi = {
      createGroupCursor: async () => ({ cursor: { value: 'c0' } }),
      createCursor: async () => ({ cursor: { value: 'p' } }),
      getMessages: async () => ({ items: [], opcNextCursor: 'c1' }),
      consumerHeartbeat: async (r) => {
        calls.push(`heartbeat:${r.cursor}`);
        await heartbeatGate;
        return { cursor: { value: 'c2' } };
      },
      consumerCommit: async (r) => {
        calls.push(`commit:${r.cursor}`);
        return { cursor: { value: 'c3' } };
      },
    };
    const settings = settingsOf({ ...baseOptions(), groupCursorTimeoutMs: 300, logger: silentLogger });
    const session = new GroupSession({ stream, streamId: 's', groupName: 'g', instanceName: 'i', settings, stopSignal: new AbortController().signal, onHeartbeatFailure: () => undefined });
    await session.open();
    await session.next();
    const beats = session.startHeartbeats();
    await waitFor(() => calls.length === 1, 5_000, 'a heartbeat in flight');
    const committing = session.commit();
    await new Promise((r) => setImmediate(r));
    expect(calls).toEqual(['heartbeat:c1']); // the commit has not gone out with c1
    releaseHeartbeat();
    expect(await committing).toBe(true);
    beats.stop();
    expect(calls).toEqual(['heartbeat:c1', 'commit:c2']);
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

  it('a refused heartbeat (the reservation is gone) starts no further claim and does not commit; finished claims are checkpointed', async () => {
    const logger = memoryLogger();
    const handled: string[] = [];
    let refuse = true;
    const h = start(async (claim, o) => {
      await readAll(o!.body);
      handled.push(claim.data.object);
      if (claim.data.object === 'a') await waitFor(() => h.consumer.stats.heartbeatFailures >= 1, 5_000, 'a refused heartbeat');
    }, { groupCursorTimeoutMs: 300, concurrency: 1, logger }, (s, os) => {
      publish(s, os, 'a');
      publish(s, os, 'b');
      s.fail('consumerHeartbeat', () => (refuse ? ((refuse = false), ociError(400, 'InvalidParameter', 'cursor is invalid')) : undefined));
    });
    // First pass: a finishes, b is not started (the partitions may belong to someone else now); nothing committed.
    // Second pass (new cursor, same batch): a is recognised from the checkpoint, b is processed.
    await drain(h, 3);
    expect(handled).toEqual(['a', 'b']);
    expect(h.outcomes.map((o) => [o.object?.name, o.status, 'reason' in o ? o.reason : null])).toEqual([
      ['a', 'processed', null],
      ['a', 'skipped', 'duplicate'],
      ['b', 'processed', null],
    ]);
    expect(h.stream.commits).toEqual([2]);
    expect(logger.lines.find((l) => l.event === 'claim-consumer.heartbeat-failed')?.fields).toMatchObject({ refused: true, statusCode: 400 });
  });
});

describe('GET pacing', () => {
  it('spaces GetMessages by minGetIntervalMs (5 GET/s per partition per group), measured on the consumer clock', async () => {
    // A virtual clock: sleeping moves time forward, so the spacing is exact whatever the machine's load.
    let now = 0;
    const clock = {
      now: () => now,
      random: () => 0.5,
      sleep: async (ms: number, signal?: AbortSignal) => {
        if (signal?.aborted) return;
        now += Math.max(0, ms);
        await new Promise((r) => setImmediate(r));
      },
    };
    const stream = new FakeStream();
    const getTimes: number[] = [];
    const original = stream.getMessages.bind(stream);
    stream.getMessages = async (r) => {
      if (!r.cursor.startsWith('p')) getTimes.push(now);
      return original(r);
    };
    const h = start(async () => undefined, { pollIntervalMs: 0, minGetIntervalMs: 200, clock }, undefined, { stream });
    await waitFor(() => getTimes.length >= 6, 5_000, 'six GetMessages');
    await h.consumer.stop();
    await h.run;
    const gaps = getTimes.slice(1, 6).map((t, i) => t - getTimes[i]);
    expect(gaps).toEqual([200, 200, 200, 200, 200]);
  });
});

function baseOptions() {
  return {
    streamId: 's',
    messagesEndpoint: 'http://x',
    groupName: 'g',
    allowedBuckets: [{ namespace: 'n', bucket: 'b' }],
    deadLetter: { kind: 'bucket' as const, namespace: 'n', bucket: 'dl' },
    handler: async () => undefined,
  };
}
