/**
 * Injected 429s and 500s on the stream (the function's PutMessages, the consumers' reads and commits) and on object
 * reads: retries absorb them and no file is lost.
 */
import { CircuitHarness } from '../helpers/circuit-harness';
import { uploadFiles } from '../../lib/local/upload-files';

describe('local circuit, throttling and server errors', () => {
  let h: CircuitHarness;
  beforeAll(async () => {
    h = await CircuitHarness.start({ partitions: 2 });
  });
  afterAll(async () => {
    await h?.close();
  });

  test('429/500 on PutMessages, GetMessages, ConsumerCommit, GetObject and HeadObject: every file processed', async () => {
    await Promise.all([h.startConsumer('fleet', 'fleet-1'), h.startConsumer('fleet', 'fleet-2')]);
    const { streaming, objectStorage } = h.circuit;
    const faults = [
      streaming.faults.add({ kind: 'throttle', operation: 'PutMessages', probability: 0.2 }),
      streaming.faults.add({ kind: 'error', operation: 'PutMessages', probability: 0.1 }),
      streaming.faults.add({ kind: 'throttle', operation: 'GetMessages', probability: 0.2 }),
      streaming.faults.add({ kind: 'error', operation: 'GetMessages', probability: 0.1 }),
      streaming.faults.add({ kind: 'error', operation: 'ConsumerCommit', probability: 0.2 }),
      objectStorage.faults.add({ kind: 'throttle', operation: 'GetObject', probability: 0.2 }),
      objectStorage.faults.add({ kind: 'error', operation: 'GetObject', probability: 0.1 }),
      objectStorage.faults.add({ kind: 'error', operation: 'HeadObject', status: 503, probability: 0.1 }),
    ];
    const files = h.files(40, 'faults');
    const names = files.map((f) => f.name);
    const tracker = h.tracker('fleet');
    for (const f of files) tracker.uploadedSha.set(f.name, f.sha256);
    await uploadFiles(h.circuit, files);

    expect(await tracker.waitForAll(() => names, 60000)).toBe(true);
    // The faults really fired, on both services and on both sides of the stream.
    const hits = Object.fromEntries([...streaming.faults.list(), ...objectStorage.faults.list()].map((f) => [`${f.operation}/${f.kind}/${f.status ?? ''}`, f.hits]));
    for (const id of faults) expect(id).toBeTruthy();
    expect(hits['PutMessages/throttle/']).toBeGreaterThan(0);
    expect(hits['GetMessages/throttle/']).toBeGreaterThan(0);
    expect(hits['GetObject/throttle/'] + hits['GetObject/error/']).toBeGreaterThan(0);

    expect(names.filter((n) => !tracker.processed(n)).map((n) => [n, tracker.skipped.get(n), tracker.deadLettered.get(n)])).toEqual([]);
    expect(tracker.checksumMismatches).toEqual([]);
    // One claim per upload despite retried PutMessages: the function retries only unacknowledged entries.
    expect(h.claimsOnStream().map((c) => c.claim.data.object).sort()).toEqual([...names].sort());
    expect(h.abnormalExits).toEqual([]);
  });
});
