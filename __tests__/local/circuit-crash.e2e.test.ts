/** A consumer process killed with SIGKILL mid-run: its partitions move to the survivor and no file is lost. */
import { CircuitHarness, waitForOutcomes } from '../helpers/circuit-harness';
import { waitFor } from '../helpers/wait-for';
import { uploadFiles } from '../../lib/local/upload-files';

describe('local circuit, consumer crash', () => {
  let h: CircuitHarness;
  beforeAll(async () => {
    h = await CircuitHarness.start({ partitions: 2 });
  });
  afterAll(async () => {
    await h?.close();
  });

  test('a consumer killed with SIGKILL mid-run: every file is still processed', async () => {
    const [doomed] = await Promise.all([h.startConsumer('fleet', 'doomed'), h.startConsumer('fleet', 'survivor')]);
    // Slow object reads down so the kill lands while claims are in flight.
    h.circuit.objectStorage.faults.add({ kind: 'latency', operation: 'GetObject', latencyMs: 60 });
    const files = h.files(80, 'crash');
    const names = files.map((f) => f.name);
    const tracker = h.tracker('fleet');
    for (const f of files) tracker.uploadedSha.set(f.name, f.sha256);
    await uploadFiles(h.circuit, files);

    // Kill once the doomed instance has done some, but not all, of its work.
    await waitFor(() => [...tracker.processedBy.values()].filter((i) => i === 'doomed').length >= 3, {
      timeoutMs: 30000,
      what: 'the doomed consumer to process 3 files before the kill',
      state: () => Object.fromEntries(['doomed', 'survivor'].map((i) => [i, [...tracker.processedBy.values()].filter((by) => by === i).length])),
    });
    expect(names.filter((n) => tracker.done(n)).length).toBeLessThan(names.length);
    doomed.kill('SIGKILL');
    expect(await doomed.exited).toEqual({ code: null, signal: 'SIGKILL' });
    const processedAtKill = names.filter((n) => tracker.done(n)).length;

    // The survivor gets the dead instance's partitions once its reservation times out (5 s in the demo consumer).
    await waitForOutcomes(tracker, names, 60000);
    expect(names.filter((n) => !tracker.processed(n)).map((n) => [n, tracker.skipped.get(n), tracker.deadLettered.get(n)])).toEqual([]);
    // Claims the doomed instance finished and checkpointed, but never reported or committed, are recognised from
    // the group's checkpoint, not redone; at most its in-flight claims (concurrency 4) can be in that state.
    const markedByTheDead = names.filter((n) => !tracker.processedTimes.has(n) && tracker.skipped.get(n) === 'duplicate');
    expect(markedByTheDead.length).toBeLessThanOrEqual(4);
    expect(tracker.checksumMismatches).toEqual([]);
    expect(tracker.deadLettered.size).toBe(0);
    // Work after the kill was done by the survivor.
    const bySurvivor = names.filter((n) => tracker.processedBy.get(n) === 'survivor').length;
    expect(bySurvivor + markedByTheDead.length).toBeGreaterThanOrEqual(names.length - processedAtKill);
  });
});
