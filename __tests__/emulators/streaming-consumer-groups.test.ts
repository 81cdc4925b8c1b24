/**
 * Consumer groups through the real StreamClient: partition reservations, commits, heartbeats and rebalancing.
 */
import { StreamClient } from 'oci-streaming';
import { StreamingEmulator } from '../../lib/emulators/streaming';
import { apiKeyProvider, b64, failureOf, silenceSdkWarnings, tempDir, trusting } from './emulator-test-helpers';

const STREAM = 'ocid1.stream.oc1.iad.groups';

silenceSdkWarnings();

describe('StreamingEmulator consumer groups', () => {
  let data: ReturnType<typeof tempDir>;
  let emu: StreamingEmulator;
  let client: StreamClient;
  let now: number;

  beforeEach(async () => {
    data = tempDir('streaming-groups');
    now = Date.now();
    // A controllable clock makes instance timeouts deterministic.
    emu = await StreamingEmulator.start({ dataDir: data.dir, streams: [{ id: STREAM, partitions: 4 }], auth: trusting(), clock: () => now });
    client = new StreamClient({ authenticationDetailsProvider: apiKeyProvider() });
    client.endpoint = emu.endpoint;
  });
  afterEach(async () => {
    await emu.stop();
    data.remove();
  });

  /** Eight messages per partition, keyed so we know where each one went. */
  const fill = async () => {
    const result = await client.putMessages({
      streamId: STREAM,
      putMessagesDetails: { messages: Array.from({ length: 40 }, (_, i) => ({ key: b64(`key-${i % 10}`), value: b64(`m${i}`) })) },
    });
    expect(result.putMessagesResult.failures).toBe(0);
  };
  const join = async (instanceName: string, extra: Record<string, unknown> = {}) =>
    (
      await client.createGroupCursor({
        streamId: STREAM,
        createGroupCursorDetails: { groupName: 'workers', instanceName, type: 'TRIM_HORIZON' as never, commitOnGet: false, ...extra },
      })
    ).cursor.value;
  const get = async (cursor: string, limit?: number) => {
    const r = await client.getMessages({ streamId: STREAM, cursor, limit });
    return { partitions: new Set(r.items.map((m) => m.partition)), items: r.items, next: r.opcNextCursor! };
  };
  const group = async () => (await client.getGroup({ streamId: STREAM, groupName: 'workers' })).group;

  test('two instances split the partitions; each reads only its own', async () => {
    await fill();
    const a = await join('a');
    const b = await join('b');
    const readA = await get(a);
    const readB = await get(b);
    expect(readA.partitions.size).toBe(2);
    expect(readB.partitions.size).toBe(2);
    expect([...readA.partitions].some((p) => readB.partitions.has(p))).toBe(false);
    expect(readA.items.length + readB.items.length).toBe(40);

    const reservations = (await group()).reservations!;
    expect(reservations.map((r) => r.reservedInstance).sort()).toEqual(['a', 'a', 'b', 'b']);
    expect(reservations.every((r) => r.committedOffset === undefined)).toBe(true);
  });

  test('an instance beyond the partition count gets nothing', async () => {
    await fill();
    const cursors = await Promise.all(['i1', 'i2', 'i3', 'i4', 'i5'].map((i) => join(i)));
    const reads = await Promise.all(cursors.map((c) => get(c)));
    expect(reads.map((r) => r.partitions.size).sort()).toEqual([0, 1, 1, 1, 1]);
  });

  test('ConsumerCommit records offsets; a new instance takes over a timed-out one and continues from its commit', async () => {
    await fill();
    const a = await join('a', { timeoutInMs: 200 });
    await join('b', { timeoutInMs: 60_000 });
    const aPartitions = (await group()).reservations!.filter((r) => r.reservedInstance === 'a').map((r) => r.partition!);
    expect(aPartitions).toHaveLength(2);
    const first = await get(a, 6);
    expect(first.items).toHaveLength(6);
    await client.consumerCommit({ streamId: STREAM, cursor: first.next });
    const committedByA = new Map(first.items.map((m) => [m.partition, m.offset]));
    const afterCommit = await group();
    for (const r of afterCommit.reservations!.filter((x) => x.reservedInstance === 'a')) {
      if (committedByA.has(r.partition!)) expect(r.committedOffset).toBe(committedByA.get(r.partition!));
    }
    // A reads more but never commits it, then dies.
    const uncommitted = await get(first.next, 4);
    expect(uncommitted.items).toHaveLength(4);

    now += 250; // a's timeout passes; b (60 s timeout) is still live without calling
    const c = await join('c', { timeoutInMs: 60_000 });
    const reservations = (await group()).reservations!;
    expect(reservations.map((r) => r.reservedInstance).sort()).toEqual(['b', 'b', 'c', 'c']);

    // c resumes a's partitions right after a's last commit: the uncommitted batch is delivered again.
    const taken = await get(c);
    expect([...taken.partitions].sort()).toEqual([...aPartitions].sort());
    for (const p of aPartitions) {
      const firstOffset = Math.min(...taken.items.filter((m) => m.partition === p).map((m) => m.offset));
      expect(firstOffset).toBe((committedByA.get(p) ?? -1) + 1);
    }
    const redelivered = uncommitted.items.map((m) => `${m.partition}/${m.offset}`);
    expect(redelivered.every((id) => taken.items.some((m) => `${m.partition}/${m.offset}` === id))).toBe(true);
  });

  test('with commitOnGet, the next getMessages commits the previous batch', async () => {
    await fill();
    const only = await join('solo', { commitOnGet: true });
    const batch1 = await get(only, 5);
    expect((await group()).reservations!.every((r) => r.committedOffset === undefined)).toBe(true);
    const batch2 = await get(batch1.next, 5);
    const committed = (await group()).reservations!.filter((r) => r.committedOffset !== undefined);
    expect(committed.map((r) => [r.partition, r.committedOffset])).toEqual(
      [...new Set(batch1.items.map((m) => m.partition))].map((p) => [p, Math.max(...batch1.items.filter((m) => m.partition === p).map((m) => m.offset))]),
    );
    // A rejoining instance (same name, new cursor) resumes after batch1: batch2 was never committed, so it comes again.
    const resumeAt = new Map(committed.map((r) => [r.partition, r.committedOffset! + 1]));
    const again = await get(await join('solo'));
    for (const p of ['0', '1', '2', '3']) {
      const offsets = again.items.filter((m) => m.partition === p).map((m) => m.offset);
      expect(Math.min(...offsets)).toBe(resumeAt.get(p) ?? 0);
    }
    const ids = (items: typeof again.items) => items.map((m) => `${m.partition}/${m.offset}`);
    expect(ids(again.items)).toEqual(expect.arrayContaining(ids(batch2.items)));
  });

  test('reads rotate over the partitions an instance holds', async () => {
    await fill();
    let cursor = await join('solo');
    const firstPartitions: string[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await get(cursor, 1);
      firstPartitions.push(r.items[0].partition!);
      cursor = r.next;
    }
    expect(new Set(firstPartitions).size).toBe(4);
  });

  test('a heartbeat keeps reservations alive past the timeout; a joining instance takes half', async () => {
    await fill();
    const a = await join('a', { timeoutInMs: 1000 });
    for (let i = 0; i < 3; i++) {
      now += 600;
      await client.consumerHeartbeat({ streamId: STREAM, cursor: a });
    }
    expect((await group()).reservations!.every((r) => r.reservedInstance === 'a')).toBe(true);
    await join('b', { timeoutInMs: 1000 });
    const holders = (await group()).reservations!.map((r) => r.reservedInstance).sort();
    expect(holders).toEqual(['a', 'a', 'b', 'b']);
    // A's cursor now only reads its remaining partitions.
    const readA = await get(a);
    expect(readA.partitions.size).toBe(2);
  });

  test('a new group with LATEST starts at the end; an existing group ignores the type', async () => {
    await fill();
    const latest = await client.createGroupCursor({
      streamId: STREAM,
      createGroupCursorDetails: { groupName: 'tail', instanceName: 't', type: 'LATEST' as never },
    });
    expect((await get(latest.cursor.value)).items).toEqual([]);
    await fill();
    const again = await client.createGroupCursor({
      streamId: STREAM,
      createGroupCursorDetails: { groupName: 'tail', instanceName: 't', type: 'TRIM_HORIZON' as never },
    });
    expect((await get(again.cursor.value)).items).toHaveLength(40);
  });

  test('commit and heartbeat need a group cursor; unknown groups are 404', async () => {
    const partitionCursor = (await client.createCursor({ streamId: STREAM, createCursorDetails: { partition: '0', type: 'TRIM_HORIZON' as never } })).cursor.value;
    expect(await failureOf(client.consumerCommit({ streamId: STREAM, cursor: partitionCursor }))).toMatchObject({ statusCode: 400, serviceCode: 'InvalidParameter' });
    expect(await failureOf(client.getGroup({ streamId: STREAM, groupName: 'nobody' }))).toMatchObject({ statusCode: 404, serviceCode: 'NotAuthorizedOrNotFound' });
  });

  test('UpdateGroup moves the whole group back to TRIM_HORIZON', async () => {
    await fill();
    const cursor = await join('solo', { commitOnGet: true });
    const batch = await get(cursor);
    await get(batch.next); // commits everything
    await client.updateGroup({ streamId: STREAM, groupName: 'workers', updateGroupDetails: { type: 'TRIM_HORIZON' as never } });
    expect((await group()).reservations!.every((r) => r.committedOffset === undefined)).toBe(true);
    expect((await get(await join('solo'))).items).toHaveLength(40);
  });
});
