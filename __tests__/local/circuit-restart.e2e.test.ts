/**
 * The emulators (Object Storage, Streaming, Events) stop mid-run and come back on the same ports from their state
 * directories, while the function and the consumer processes keep running: nothing is lost.
 */
import { CircuitHarness } from '../helpers/circuit-harness';
import { uploadFiles } from '../../lib/local/upload-files';

describe('local circuit, emulator restart', () => {
  let h: CircuitHarness;
  beforeAll(async () => {
    h = await CircuitHarness.start({ partitions: 2 });
  });
  afterAll(async () => {
    await h?.close();
  });

  test('a restart of every emulator mid-run loses no object, event, claim check or consumer position', async () => {
    await Promise.all([h.startConsumer('fleet', 'fleet-1'), h.startConsumer('fleet', 'fleet-2')]);
    const tracker = h.tracker('fleet');
    const before = h.files(40, 'before');
    const after = h.files(20, 'after');
    for (const f of [...before, ...after]) tracker.uploadedSha.set(f.name, f.sha256);
    const slowReads = h.circuit.objectStorage.faults.add({ kind: 'latency', operation: 'GetObject', latencyMs: 40 });
    await uploadFiles(h.circuit, before);
    expect(slowReads).toBeTruthy();

    // Restart while claims are still flowing: some consumed, some not yet, some events maybe not yet delivered.
    const names = before.map((f) => f.name);
    while (names.filter((n) => tracker.done(n)).length < 5) await new Promise((r) => setTimeout(r, 20));
    const doneAtRestart = names.filter((n) => tracker.done(n)).length;
    expect(doneAtRestart).toBeLessThan(names.length);
    const claimsAtRestart = h.claimsOnStream().length;
    await h.circuit.restartEmulators(1000);

    // State survived: every uploaded object is still there, and the stream kept its messages.
    const listed = await listAll(h);
    for (const f of before) expect(listed).toContain(f.name);
    expect(h.claimsOnStream().length).toBeGreaterThanOrEqual(claimsAtRestart);

    await uploadFiles(h.circuit, after);
    const all = [...names, ...after.map((f) => f.name)];
    expect(await tracker.waitForAll(() => all, 60000)).toBe(true);
    expect(all.filter((n) => !tracker.processed(n)).map((n) => [n, tracker.skipped.get(n), tracker.deadLettered.get(n)])).toEqual([]);
    expect(tracker.checksumMismatches).toEqual([]);
    // Every upload became exactly one claim check: no event was lost or delivered twice across the restart.
    expect(h.claimsOnStream().map((c) => c.claim.data.object).sort()).toEqual([...all].sort());
    expect(h.abnormalExits).toEqual([]);
  });
});

async function listAll(h: CircuitHarness): Promise<string[]> {
  const { ObjectStorageClient } = await import('oci-objectstorage');
  const client = new ObjectStorageClient({ authenticationDetailsProvider: h.circuit.authProvider() });
  client.endpoint = h.circuit.objectStorage.endpoint;
  const names: string[] = [];
  let start: string | undefined;
  do {
    const page = await client.listObjects({ namespaceName: h.circuit.namespace, bucketName: h.circuit.bucketName, start, limit: 1000 });
    names.push(...page.listObjects.objects.map((o) => o.name));
    start = page.listObjects.nextStartWith;
  } while (start);
  client.close();
  return names;
}
