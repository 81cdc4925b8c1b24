/** The reconciler's parts on their own: the claim index, PutMessages batching and retries, pacing. */
import { createHash } from 'node:crypto';
import { encodeClaimMessage, buildClaimCheck, STREAMING_LIMITS, StreamMessage } from '../../lib/contract';
import { ClaimIndex, objectStateHash } from '../../lib/reconciler';
import { batches, ClaimPublisher, PublishFailedError } from '../../lib/reconciler/claim-publisher';
import { countsForEveryGroup, NOTHING_COUNTS } from '../../lib/reconciler/group-progress';
import { BytePacer, Pacer, ReconcilerClock } from '../../lib/reconciler/toolkit';

/** A clock whose sleeps advance time at once, recording them. */
function fakeClock(): ReconcilerClock & { slept: number[] } {
  let now = 1_000_000;
  const slept: number[] = [];
  return { slept, now: () => now, sleep: async (ms) => void (slept.push(ms), (now += Math.max(0, ms))), random: () => 0.5 };
}

const quietLogger = { log: () => undefined };
const location = { region: 'us-ashburn-1', realmDomain: 'oraclecloud.com' };
function message(i: number, nameBytes = 10): StreamMessage {
  const object = `${String(i).padStart(6, '0')}${'x'.repeat(nameBytes)}`;
  const claim = buildClaimCheck(
    { eventType: 'com.oraclecloud.objectstorage.createobject', action: 'createobject', eventId: null, eventTime: null, namespace: 'ns', bucket: 'b', object, etag: `e${i}`, versionId: null },
    location,
    { origin: 'reconcile' },
  );
  return encodeClaimMessage(claim);
}

describe('ClaimIndex', () => {
  test('holds the states added (through several growths) and nothing else; a state added twice counts once', () => {
    const index = new ClaimIndex(16);
    const states = Array.from({ length: 50_000 }, (_, i) => objectStateHash('ns', 'b', `o/${i}`, `etag-${i}`));
    expect(states.filter((s) => !index.add(s))).toEqual([]);
    expect(index.add(states[7])).toBe(false);
    expect(index.size).toBe(50_000);
    expect(states.every((s) => index.has(s))).toBe(true);
    // Same names, other etags: other states (an object changed since its claim).
    const others = Array.from({ length: 50_000 }, (_, i) => objectStateHash('ns', 'b', `o/${i}`, `etag-${i}-v2`));
    expect(others.filter((s) => index.has(s))).toEqual([]);
    // 8 bytes per slot at most 70 % full: at most about 23 bytes per state.
    expect(index.bytes / index.size).toBeLessThan(8 / 0.35);
  });

  test("the hash is the consumers' object state: SHA-256 of [namespace, bucket, object, etag], first 8 bytes", () => {
    const digest = createHash('sha256').update(JSON.stringify(['ns', 'b', 'a/b c', 'etag']), 'utf8').digest();
    expect(objectStateHash('ns', 'b', 'a/b c', 'etag')).toEqual({ hi: digest.readUInt32BE(0), lo: digest.readUInt32BE(4) });
    // `/` inside names cannot make two states collide (the JSON array keeps the parts apart).
    expect(objectStateHash('ns', 'b', 'x/y', 'e')).not.toEqual(objectStateHash('ns', 'b/x', 'y', 'e'));
  });
});

describe('group starts', () => {
  const starts = new Map([
    ['g1', new Map<string, number | null>([['0', 10], ['1', null]])],
    ['g2', new Map<string, number | null>([['0', 5], ['1', NOTHING_COUNTS]])],
  ]);
  test('a claim counts when it is at or after every group\'s decidedFrom; no record or no decidedFrom: it counts', () => {
    expect(countsForEveryGroup(starts, '0', 9)).toBe(false); // before g1 began reading partition 0
    expect(countsForEveryGroup(starts, '0', 10)).toBe(true);
    expect(countsForEveryGroup(starts, '1', 0)).toBe(false); // g2's record of partition 1 is unreadable
    expect(countsForEveryGroup(starts, '2', 0)).toBe(true); // nobody read partition 2 yet: it is ahead of them
    expect(countsForEveryGroup(new Map(), '0', 0)).toBe(true); // no groups: every retained claim counts
  });
});

describe('PutMessages batches', () => {
  test('no request over 1 MiB of keys and values, every message once, in order', () => {
    const messages = Array.from({ length: 3000 }, (_, i) => message(i, 300));
    const split = batches(messages, STREAMING_LIMITS.maxRequestBytes);
    expect(split.length).toBeGreaterThan(1);
    for (const batch of split) expect(batch.reduce((n, m) => n + m.key.length + m.value.length, 0)).toBeLessThanOrEqual(1024 * 1024);
    expect(split.flat()).toEqual(messages);
  });
});

describe('ClaimPublisher', () => {
  const publisher = (putMessages: (request: any) => Promise<any>, clock = fakeClock(), retryTimeoutMs = 60_000) =>
    new ClaimPublisher({ stream: { putMessages } as any, streamId: 's', bytesPerSecond: 0, retryTimeoutMs, backoff: { baseDelayMs: 100, maxDelayMs: 1000 }, clock, logger: quietLogger });
  const ok = (request: any) => ({ putMessagesResult: { failures: 0, entries: request.putMessagesDetails.messages.map((_: unknown, i: number) => ({ partition: '0', offset: i })) } });

  test('sends failed entries again, and only them, until each is acknowledged', async () => {
    const sent: string[][] = [];
    let call = 0;
    const p = publisher(async (request) => {
      const keys = request.putMessagesDetails.messages.map((m: any) => Buffer.from(m.key, 'base64').toString());
      sent.push(keys);
      if (call++ === 0) {
        return { putMessagesResult: { failures: 1, entries: keys.map((_: string, i: number) => (i === 1 ? { error: 'Throttled', errorMessage: 'slow down' } : { partition: '0', offset: i })) } };
      }
      return ok(request);
    });
    await p.publish([message(1), message(2), message(3)]);
    expect(sent.map((keys) => keys.length)).toEqual([3, 1]);
    expect(sent[1][0]).toBe(sent[0][1]);
    expect(p.stats).toMatchObject({ retriedEntries: 1, failedRequests: 1 });
  });

  test('retries throttled and failed requests whole; refuses to go on after a 4xx that retrying cannot fix', async () => {
    let calls = 0;
    const flaky = publisher(async (request) => {
      calls++;
      if (calls === 1) throw Object.assign(new Error('Too many requests'), { statusCode: 429, serviceCode: 'TooManyRequests' });
      if (calls === 2) throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
      return ok(request);
    });
    await flaky.publish([message(1)]);
    expect(calls).toBe(3);
    const refused = publisher(async () => {
      throw Object.assign(new Error('Not authorized'), { statusCode: 404, serviceCode: 'NotAuthorizedOrNotFound' });
    });
    await expect(refused.publish([message(1)])).rejects.toThrow(PublishFailedError);
  });

  test('gives up (throws, so the caller keeps its position) once the retry time is used up', async () => {
    const clock = fakeClock();
    const down = publisher(async () => {
      throw Object.assign(new Error('Service Unavailable'), { statusCode: 503 });
    }, clock, 5_000);
    await expect(down.publish([message(1)])).rejects.toThrow(/Claims not published after \d+ attempts: HTTP 503/);
    expect(clock.slept.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(5_000);
  });
});

describe('pacing', () => {
  test('Pacer keeps calls an interval apart', async () => {
    const clock = fakeClock();
    const pacer = new Pacer(250, clock);
    const start = clock.now();
    for (let i = 0; i < 5; i++) await pacer.wait();
    expect(clock.now() - start).toBe(1000);
  });

  test('BytePacer holds the average rate', async () => {
    const clock = fakeClock();
    const pacer = new BytePacer(1000, clock);
    const start = clock.now();
    for (let i = 0; i < 10; i++) await pacer.take(500);
    // 5000 bytes at 1000/s with a full first second: about 4 s.
    expect(clock.now() - start).toBeGreaterThanOrEqual(3900);
    expect(clock.now() - start).toBeLessThanOrEqual(4100);
  });
});
