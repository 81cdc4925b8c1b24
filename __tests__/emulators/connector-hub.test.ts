/**
 * The Connector Hub emulator against the Streaming emulator (signed requests): batches of at most the batch size,
 * in offset order per partition, each message delivered once; a failed invocation is retried with the same batch
 * and the position moves only after a success; a restart resumes from the saved position.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as common from 'oci-common';
import * as streaming from 'oci-streaming';
import { ConnectorHubEmulator, ConnectorHubStreamItem, createApiKey, StreamingEmulator, TargetResponse } from '../../lib/emulators';
import { waitFor } from '../helpers/wait-for';

const STREAM = 'ocid1.stream.oc1.iad.connectorhubtests';

describe('ConnectorHubEmulator', () => {
  const key = createApiKey();
  const provider = new common.SimpleAuthenticationDetailsProvider(key.tenancyId, key.userId, key.fingerprint, key.privateKeyPem, null, common.Region.US_ASHBURN_1);
  let st: StreamingEmulator;
  let dir: string;
  let client: streaming.StreamClient;
  const connectors: ConnectorHubEmulator[] = [];

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'connector-hub-'));
    st = await StreamingEmulator.start({ streams: [{ id: STREAM, name: 'claims', partitions: 2 }], auth: { apiKeys: { [key.keyId]: key.publicKeyPem } }, dataDir: join(dir, 'st') });
    client = new streaming.StreamClient({ authenticationDetailsProvider: provider });
    client.endpoint = st.endpoint;
  });
  afterEach(async () => {
    await Promise.all(connectors.splice(0).map((c) => c.stop()));
    client.close();
    await st.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Puts messages `m<i>` with keys spreading them over the partitions. */
  const put = async (from: number, count: number, size = 10) => {
    const messages = Array.from({ length: count }, (_, i) => ({
      key: Buffer.from(`k${(from + i) % 5}`).toString('base64'),
      value: Buffer.from(`m${from + i}`.padEnd(size, '.')).toString('base64'),
    }));
    await client.putMessages({ streamId: STREAM, putMessagesDetails: { messages } });
  };

  const connect = (invoke: (batch: ConnectorHubStreamItem[]) => TargetResponse | Promise<TargetResponse>, options: { batchSizeInNum?: number; batchSizeInKbs?: number; batchTimeInSec?: number } = {}) => {
    const connector = ConnectorHubEmulator.start({
      dataDir: join(dir, 'connector'),
      streamId: STREAM,
      streamName: 'claims',
      partitions: 2,
      messagesEndpoint: st.endpoint,
      authenticationDetailsProvider: provider,
      batchSizeInNum: options.batchSizeInKbs === undefined ? (options.batchSizeInNum ?? 3) : undefined,
      batchSizeInKbs: options.batchSizeInKbs,
      batchTimeInSec: options.batchTimeInSec ?? 1,
      retryBaseMs: 10,
      retryMaxMs: 50,
      pollIntervalMs: 20,
      invoke: async (json) => invoke(JSON.parse(json) as ConnectorHubStreamItem[]),
    });
    connectors.push(connector);
    return connector;
  };

  const values = (items: ConnectorHubStreamItem[]) => items.map((item) => Buffer.from(item.value, 'base64').toString('utf8').replace(/\.+$/, ''));

  test('delivers every message once, in batches of at most batchSizeInNum, in offset order per partition, in the Connector Hub format', async () => {
    await put(0, 20);
    const batches: ConnectorHubStreamItem[][] = [];
    const connector = connect((batch) => {
      batches.push(batch);
      return { status: 200, body: '{}' };
    });
    await waitFor(() => connector.stats.delivered === 20, { what: '20 messages delivered', state: () => connector.stats });
    const delivered = batches.flat();
    expect(values(delivered).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `m${i}`).sort());
    expect(Math.max(...batches.map((b) => b.length))).toBeLessThanOrEqual(3);
    for (const partition of ['0', '1']) {
      const offsets = delivered.filter((item) => item.partition === partition).map((item) => item.offset);
      expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
      expect(new Set(offsets).size).toBe(offsets.length);
    }
    expect(batches.every((batch) => new Set(batch.map((item) => item.partition)).size === 1)).toBe(true);
    expect(delivered[0]).toEqual({ stream: 'claims', partition: expect.stringMatching(/^[01]$/), key: expect.any(String), value: expect.any(String), offset: expect.any(Number), timestamp: expect.any(Number) });
    expect(Math.abs(delivered[0].timestamp - Date.now())).toBeLessThan(60_000);
  });

  test('a failed invocation is retried with the same batch; the position moves only after a success', async () => {
    await put(0, 6);
    const calls: Array<{ first: number; partition: string; status: number }> = [];
    let failuresLeft = 2;
    const connector = connect((batch) => {
      const fail = batch[0].partition === '0' && failuresLeft-- > 0;
      calls.push({ first: batch[0].offset, partition: batch[0].partition, status: fail ? 502 : 200 });
      return { status: fail ? 502 : 200, body: fail ? '{"message":"Exception in function"}' : '{}' };
    });
    await waitFor(() => connector.stats.delivered === 6, { what: '6 messages delivered', state: () => connector.stats });
    const partition0 = calls.filter((c) => c.partition === '0');
    expect(partition0.slice(0, 3).map((c) => [c.first, c.status])).toEqual([
      [0, 502],
      [0, 502],
      [0, 200],
    ]);
    expect(connector.stats).toMatchObject({ failedInvocations: 2, delivered: 6 });
  });

  test('a restart resumes after the last delivered offset of each partition', async () => {
    await put(0, 8);
    const seen: string[] = [];
    const first = connect((batch) => {
      seen.push(...values(batch));
      return { status: 200, body: '{}' };
    });
    await waitFor(() => first.stats.delivered === 8, { what: 'the first 8 delivered' });
    await first.stop();
    connectors.splice(connectors.indexOf(first), 1);
    expect(first.deliveredPositions).toEqual({ '0': expect.any(Number), '1': expect.any(Number) });
    await put(8, 4);
    const second = connect((batch) => {
      seen.push(...values(batch));
      return { status: 200, body: '{}' };
    });
    await waitFor(() => second.stats.delivered === 4, { what: 'the next 4 delivered' });
    expect(seen.sort()).toEqual(Array.from({ length: 12 }, (_, i) => `m${i}`).sort());
  });

  test('a batch that does not fill up waits batchTimeInSec; batchSizeInKbs bounds the payload', async () => {
    const deliveredAt: number[] = [];
    const timed = connect(
      () => {
        deliveredAt.push(Date.now());
        return { status: 200, body: '{}' };
      },
      { batchSizeInNum: 10, batchTimeInSec: 1 },
    );
    const putAt = Date.now();
    await put(0, 1);
    await waitFor(() => timed.stats.delivered === 1, { what: 'the lone message delivered' });
    expect(deliveredAt[0] - putAt).toBeGreaterThanOrEqual(900);
    await timed.stop();
    connectors.splice(0);

    rmSync(join(dir, 'connector'), { recursive: true, force: true });
    const sizes: number[] = [];
    const bounded = connect(
      (batch) => {
        sizes.push(Buffer.byteLength(JSON.stringify(batch)));
        return { status: 200, body: '{}' };
      },
      { batchSizeInKbs: 1 },
    );
    await put(1, 6, 400); // ~600 bytes per element once base64 and wrapped: one or two per 1 KB batch
    await waitFor(() => bounded.stats.delivered === 7, { what: 'all delivered', state: () => bounded.stats });
    expect(Math.max(...sizes)).toBeLessThanOrEqual(1024);
  });
});
