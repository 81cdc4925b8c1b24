/**
 * The emulators (Object Storage, Streaming, Events) stop mid-run and come back on the same ports from their state
 * directories, while the function and the consumer processes keep running: nothing is lost.
 */
import { CircuitHarness, FAULT_ID, waitForOutcomes } from '../helpers/circuit-harness';
import { waitFor } from '../helpers/wait-for';
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
    expect(slowReads).toMatch(FAULT_ID);
    await uploadFiles(h.circuit, before);

    // Restart while claims are still flowing: some consumed, some not yet, some events maybe not yet delivered.
    const names = before.map((f) => f.name);
    await waitFor(() => names.filter((n) => tracker.done(n)).length >= 5, {
      timeoutMs: 30000,
      what: 'the first 5 of the uploads to be consumed before the restart',
      state: () => ({ done: names.filter((n) => tracker.done(n)).length, claimsOnStream: h.claimsOnStream().length }),
    });
    const doneAtRestart = names.filter((n) => tracker.done(n)).length;
    expect(doneAtRestart).toBeLessThan(names.length);
    // The slowed reads are what kept claims in flight: every file processed so far was read through the fault.
    const processedAtRestart = names.filter((n) => tracker.processedTimes.has(n)).length;
    expect(h.circuit.objectStorage.faults.hits(slowReads)).toBeGreaterThanOrEqual(processedAtRestart);
    expect(processedAtRestart).toBeGreaterThan(0);
    const claimsAtRestart = h.claimsOnStream().length;
    await h.circuit.restartEmulators(1000);

    // State survived: every uploaded object is still there, and the stream kept its messages.
    const listed = await listAll(h);
    for (const f of before) expect(listed).toContain(f.name);
    expect(h.claimsOnStream().length).toBeGreaterThanOrEqual(claimsAtRestart);

    await uploadFiles(h.circuit, after);
    const all = [...names, ...after.map((f) => f.name)];
    await waitForOutcomes(tracker, all, 60000);
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
