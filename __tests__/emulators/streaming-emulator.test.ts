/**
 * The Streaming emulator through the real OCI SDK StreamClient, every request signed with a throwaway API key.
 */
import { StreamClient } from 'oci-streaming';
import { StreamingEmulator } from '../../lib/emulators/streaming';
import { apiKeyProvider, b64, failureOf, silenceSdkWarnings, tempDir, trusting, unb64 } from './emulator-test-helpers';

const STREAM = 'ocid1.stream.oc1.iad.teststream';
const OTHER = 'ocid1.stream.oc1.iad.single';

silenceSdkWarnings();

describe('StreamingEmulator', () => {
  let data: ReturnType<typeof tempDir>;
  let emu: StreamingEmulator;
  let client: StreamClient;

  const start = async () => {
    emu = await StreamingEmulator.start({
      dataDir: data.dir,
      streams: [
        { id: STREAM, name: 'claims', partitions: 4 },
        { id: OTHER, name: 'single', partitions: 1 },
      ],
      auth: trusting(),
    });
    client = new StreamClient({ authenticationDetailsProvider: apiKeyProvider() });
    client.endpoint = emu.endpoint;
  };

  beforeEach(async () => {
    data = tempDir('streaming-emu');
    await start();
  });
  afterEach(async () => {
    await emu.stop();
    data.remove();
  });

  const put = (messages: Array<{ key?: string | Buffer | null; value: string | Buffer }>, streamId = STREAM) =>
    client.putMessages({
      streamId,
      putMessagesDetails: { messages: messages.map((m) => ({ key: m.key == null ? undefined : b64(m.key), value: b64(m.value) })) },
    });
  const cursorAt = async (partition: string, type: string, extra: Record<string, unknown> = {}, streamId = STREAM) =>
    (await client.createCursor({ streamId, createCursorDetails: { partition, type: type as never, ...extra } })).cursor.value;

  test('putMessages → getMessages returns the exact key and value bytes, partitions and offsets', async () => {
    const binary = Buffer.from([0x00, 0xff, 0xfe, 0x80, 0x0a, 0x22]);
    const put1 = await put([{ key: 'k1', value: '{"claim":1}' }, { key: binary, value: binary }, { value: 'no key' }], OTHER);
    expect(put1.putMessagesResult.failures).toBe(0);
    expect(put1.putMessagesResult.entries.map((e) => [e.partition, e.offset])).toEqual([
      ['0', 0],
      ['0', 1],
      ['0', 2],
    ]);
    expect(Number.isNaN(Date.parse(String(put1.putMessagesResult.entries[0].timestamp)))).toBe(false);

    const read = await client.getMessages({ streamId: OTHER, cursor: await cursorAt('0', 'TRIM_HORIZON', {}, OTHER) });
    expect(read.items.map((m) => [m.stream, m.partition, m.offset])).toEqual([
      ['single', '0', 0],
      ['single', '0', 1],
      ['single', '0', 2],
    ]);
    expect(unb64(read.items[0].key!).toString()).toBe('k1');
    expect(unb64(read.items[0].value).toString()).toBe('{"claim":1}');
    expect(unb64(read.items[1].key!)).toEqual(binary);
    expect(unb64(read.items[1].value)).toEqual(binary);
    expect(read.items[2].key).toBeNull();
    expect(read.opcNextCursor).toMatch(/^[A-Za-z0-9_-]+$/); // URL-safe: the SDK does not encode query values

    const next = await client.getMessages({ streamId: OTHER, cursor: read.opcNextCursor! });
    expect(next.items).toEqual([]);
    expect(emu.readAll(OTHER).map((m) => [m.partition, m.offset, m.key?.toString('hex') ?? null, m.value.toString('hex')])).toEqual([
      ['0', 0, Buffer.from('k1').toString('hex'), Buffer.from('{"claim":1}').toString('hex')],
      ['0', 1, binary.toString('hex'), binary.toString('hex')],
      ['0', 2, null, Buffer.from('no key').toString('hex')],
    ]);
  });

  test('the same key always lands in the same partition; keyless messages are spread', async () => {
    const keys = Array.from({ length: 12 }, (_, i) => `object-${i}.pdf`);
    const first = await put(keys.map((key) => ({ key, value: `v1 ${key}` })));
    const second = await put(keys.map((key) => ({ key, value: `v2 ${key}` })));
    const partitionsFirst = first.putMessagesResult.entries.map((e) => e.partition);
    expect(second.putMessagesResult.entries.map((e) => e.partition)).toEqual(partitionsFirst);
    expect(new Set(partitionsFirst).size).toBeGreaterThan(1);

    const keyless = await put(Array.from({ length: 8 }, (_, i) => ({ value: `k${i}` })));
    expect(new Set(keyless.putMessagesResult.entries.map((e) => e.partition))).toEqual(new Set(['0', '1', '2', '3']));
  });

  test('an oversize message or key fails as an entry; the rest of the batch is written', async () => {
    const tooBig = Buffer.alloc(1024 * 1024 + 1, 0x61);
    const result = await put([{ key: 'ok', value: 'small' }, { key: 'big', value: tooBig }, { key: 'x'.repeat(257), value: 'long key' }], OTHER);
    expect(result.putMessagesResult.failures).toBe(2);
    const [ok, big, longKey] = result.putMessagesResult.entries;
    expect(ok).toMatchObject({ partition: '0', offset: 0 });
    expect(big).toEqual({ error: 'MessageTooLarge', errorMessage: expect.stringContaining('1048577 bytes') });
    expect(longKey).toEqual({ error: 'KeyTooLarge', errorMessage: expect.stringContaining('257 bytes') });
    expect(emu.readAll(OTHER).map((m) => m.value.toString())).toEqual(['small']);

    // Exactly at the limits is fine.
    const atLimit = await put([{ key: 'k'.repeat(256), value: Buffer.alloc(1024 * 1024 - 256, 0x62) }], OTHER);
    expect(atLimit.putMessagesResult.failures).toBe(0);
  });

  test('a request over 1 MiB in total is rejected whole with 400 InvalidParameter', async () => {
    const half = Buffer.alloc(600 * 1024, 0x63);
    const failure = await failureOf(put([{ value: half }, { value: half }], OTHER));
    expect(failure).toMatchObject({ statusCode: 400, serviceCode: 'InvalidParameter' });
    expect(failure.message).toContain('1 MiB');
    expect(emu.readAll(OTHER)).toEqual([]);
  });

  test('cursor types: TRIM_HORIZON, AT_OFFSET, AFTER_OFFSET, AT_TIME, LATEST', async () => {
    await put(['a', 'b', 'c'].map((value) => ({ value })), OTHER);
    await new Promise((r) => setTimeout(r, 15));
    const between = new Date();
    await new Promise((r) => setTimeout(r, 15));
    await put(['d', 'e'].map((value) => ({ value })), OTHER);
    const values = async (cursor: string) => (await client.getMessages({ streamId: OTHER, cursor })).items.map((m) => unb64(m.value).toString());

    expect(await values(await cursorAt('0', 'TRIM_HORIZON', {}, OTHER))).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(await values(await cursorAt('0', 'AT_OFFSET', { offset: 1 }, OTHER))).toEqual(['b', 'c', 'd', 'e']);
    expect(await values(await cursorAt('0', 'AFTER_OFFSET', { offset: 1 }, OTHER))).toEqual(['c', 'd', 'e']);
    expect(await values(await cursorAt('0', 'AT_TIME', { time: between }, OTHER))).toEqual(['d', 'e']);
    const latest = await cursorAt('0', 'LATEST', {}, OTHER);
    expect(await values(latest)).toEqual([]);
    await put([{ value: 'f' }], OTHER);
    expect(await values(latest)).toEqual(['f']);

    expect(await failureOf(cursorAt('0', 'AT_OFFSET', { offset: 99 }, OTHER))).toMatchObject({ statusCode: 400, serviceCode: 'InvalidParameter' });
    expect(await failureOf(cursorAt('7', 'TRIM_HORIZON', {}, OTHER))).toMatchObject({ statusCode: 400, serviceCode: 'InvalidParameter' });
  });

  test('getMessages honours limit and continues from opc-next-cursor', async () => {
    await put(Array.from({ length: 5 }, (_, i) => ({ value: `m${i}` })), OTHER);
    let cursor = await cursorAt('0', 'TRIM_HORIZON', {}, OTHER);
    const batches: string[][] = [];
    for (let i = 0; i < 3; i++) {
      const page = await client.getMessages({ streamId: OTHER, cursor, limit: 2 });
      batches.push(page.items.map((m) => unb64(m.value).toString()));
      cursor = page.opcNextCursor!;
    }
    expect(batches).toEqual([['m0', 'm1'], ['m2', 'm3'], ['m4']]);
    expect(await failureOf(client.getMessages({ streamId: OTHER, cursor, limit: 10001 }))).toMatchObject({ statusCode: 400, serviceCode: 'InvalidParameter' });
  });

  test('malformed, foreign and expired cursors are 400 InvalidParameter', async () => {
    expect(await failureOf(client.getMessages({ streamId: OTHER, cursor: 'not-a-cursor' }))).toMatchObject({ statusCode: 400, serviceCode: 'InvalidParameter' });
    const foreign = await cursorAt('0', 'TRIM_HORIZON');
    expect(await failureOf(client.getMessages({ streamId: OTHER, cursor: foreign }))).toMatchObject({ statusCode: 400, serviceCode: 'InvalidParameter' });

    await emu.stop();
    let now = Date.now();
    emu = await StreamingEmulator.start({ dataDir: data.dir, streams: [{ id: OTHER, partitions: 1 }], auth: trusting(), clock: () => now });
    client.endpoint = emu.endpoint;
    const cursor = await cursorAt('0', 'TRIM_HORIZON', {}, OTHER);
    now += 5 * 60 * 1000 + 1;
    const expired = await failureOf(client.getMessages({ streamId: OTHER, cursor }));
    expect(expired).toMatchObject({ statusCode: 400, serviceCode: 'InvalidParameter' });
    expect(expired.message).toContain('expired');
  });

  test('an unknown stream is 404 NotAuthorizedOrNotFound', async () => {
    const failure = await failureOf(put([{ value: 'x' }], 'ocid1.stream.oc1.iad.nope'));
    expect(failure).toMatchObject({ statusCode: 404, serviceCode: 'NotAuthorizedOrNotFound' });
  });

  test('messages, committed offsets and old cursors survive stop + start with the same dataDir', async () => {
    await put([{ key: 'a', value: 'one' }, { key: 'b', value: 'two' }], OTHER);
    const group = await client.createGroupCursor({
      streamId: OTHER,
      createGroupCursorDetails: { groupName: 'g', instanceName: 'i1', type: 'TRIM_HORIZON' as never, commitOnGet: false },
    });
    const batch = await client.getMessages({ streamId: OTHER, cursor: group.cursor.value });
    expect(batch.items).toHaveLength(2);
    await client.consumerCommit({ streamId: OTHER, cursor: batch.opcNextCursor! });
    const plainCursor = await cursorAt('0', 'AT_OFFSET', { offset: 1 }, OTHER);

    await emu.stop();
    await start();

    expect(emu.readAll(OTHER).map((m) => [m.offset, m.key!.toString(), m.value.toString()])).toEqual([
      [0, 'a', 'one'],
      [1, 'b', 'two'],
    ]);
    expect((await client.getMessages({ streamId: OTHER, cursor: plainCursor })).items.map((m) => unb64(m.value).toString())).toEqual(['two']);
    const put3 = await put([{ value: 'three' }], OTHER);
    expect(put3.putMessagesResult.entries[0]).toMatchObject({ partition: '0', offset: 2 });

    const rejoined = await client.createGroupCursor({
      streamId: OTHER,
      createGroupCursorDetails: { groupName: 'g', instanceName: 'i1', type: 'LATEST' as never },
    });
    const resumed = await client.getMessages({ streamId: OTHER, cursor: rejoined.cursor.value });
    expect(resumed.items.map((m) => unb64(m.value).toString())).toEqual(['three']);
  });

  test('a restart with another partition count for an existing stream is refused', async () => {
    await emu.stop();
    await expect(StreamingEmulator.start({ dataDir: data.dir, streams: [{ id: OTHER, partitions: 3 }], auth: trusting() })).rejects.toThrow(
      /created with 1 partitions/,
    );
    await start();
  });
});
