/**
 * The reconciler end to end, through the real SDK and the emulators: the local circuit loses a fifth of its object
 * events (the Events emulator's dropShare), consumer processes in two groups process what reaches them, and
 * ClaimCheckReconciler passes bring in what the event path never delivered.
 */
import { CircuitHarness, processedExactlyOnce, waitForOutcomes } from '../helpers/circuit-harness';
import { waitFor } from '../helpers/wait-for';
import { uploadFiles } from '../../lib/local/upload-files';
import { ClaimCheckReconciler, ClaimCheckReconcilerOptions } from '../../lib/reconciler';

const GROUPS = ['thumbs', 'audit'];

describe('ClaimCheckReconciler end to end', () => {
  let h: CircuitHarness;
  beforeAll(async () => {
    h = await CircuitHarness.start({ partitions: 2, dropEvents: { share: 0.2, seed: 'reconcile-e2e' } });
    await Promise.all([h.startConsumer('thumbs', 'thumbs-1'), h.startConsumer('thumbs', 'thumbs-2'), h.startConsumer('audit', 'audit-1')]);
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  const reconciler = (options: Partial<ClaimCheckReconcilerOptions> = {}) =>
    new ClaimCheckReconciler({
      authenticationDetailsProvider: h.circuit.authProvider(),
      namespace: h.circuit.namespace,
      bucket: h.circuit.bucketName,
      streamId: h.circuit.streamId,
      messagesEndpoint: h.circuit.streaming.endpoint,
      objectStorageEndpoint: h.circuit.objectStorage.endpoint,
      groups: GROUPS,
      stateBucket: { bucket: h.circuit.stateBucketName },
      pagesPerSecond: 0,
      logger: { log: () => undefined },
      ...options,
    });
  const claimsFor = (prefix: string) => h.claimsOnStream().filter((c) => c.claim.data.object.startsWith(prefix));
  const expectUploaded = (files: ReturnType<CircuitHarness['files']>) => {
    for (const group of GROUPS) for (const f of files) h.tracker(group).uploadedSha.set(f.name, f.sha256);
  };
  /** The event path is done: nothing pending in Events, and every claim on the stream has an outcome in each group. */
  const eventPathDone = async (prefix: string) => {
    await h.circuit.events.drain(30_000);
    const claimed = [...new Set(claimsFor(prefix).map((c) => c.claim.data.object as string))];
    for (const group of GROUPS) await waitForOutcomes(h.tracker(group), claimed, 45_000);
    return claimed;
  };

  test('20 % of the events lost: after one pass every file is processed exactly once per group', async () => {
    const files = h.files(60, 'dropped');
    const names = files.map((f) => f.name);
    expectUploaded(files);
    const droppedBefore = h.circuit.events.stats.dropped;
    await uploadFiles(h.circuit, files);
    const claimed = await eventPathDone('dropped/');
    const lost = names.filter((name) => !claimed.includes(name));
    // The event path alone leaves files behind, exactly those whose events were lost.
    expect(lost.length).toBe(h.circuit.events.stats.dropped - droppedBefore);
    expect(lost.length).toBeGreaterThan(0);
    for (const group of GROUPS) expect(names.filter((name) => !h.tracker(group).done(name)).sort()).toEqual([...lost].sort());

    const result = await reconciler({ prefix: 'dropped/' }).run();
    expect(result).toMatchObject({ listed: 60, alreadyClaimed: 60 - lost.length, republished: lost.length, errors: 0, failure: null, skippedOutsideHorizon: 0, skippedOwnState: 0 });
    // The republished claims are marked, one per lost file.
    const reconciled = claimsFor('dropped/').filter((c) => c.claim.claimorigin === 'reconcile');
    expect(reconciled.map((c) => c.claim.data.object).sort()).toEqual([...lost].sort());

    for (const group of GROUPS) {
      await waitForOutcomes(h.tracker(group), names, 45_000);
      expect({ group, ...processedExactlyOnce(h.tracker(group), names) }).toEqual({ group, missing: [], duplicated: [] });
      expect(h.tracker(group).checksumMismatches).toEqual([]);
    }
    // A second pass finds nothing to do.
    expect(await reconciler({ prefix: 'dropped/' }).run()).toMatchObject({ listed: 60, alreadyClaimed: 60, republished: 0, errors: 0 });
  });

  test('objects that were there before the pipeline: a backfill brings them in, each processed once', async () => {
    const files = h.files(20, 'before');
    const names = files.map((f) => f.name);
    expectUploaded(files);
    h.circuit.setObjectEvents(false);
    try {
      await uploadFiles(h.circuit, files);
    } finally {
      h.circuit.setObjectEvents(true);
    }
    expect(claimsFor('before/')).toEqual([]);
    // An ordinary pass with a horizon after them leaves them alone (their claims would have aged out)...
    const horizon = await reconciler({ prefix: 'before/', since: new Date(Date.now() + 60_000) }).run();
    expect(horizon).toMatchObject({ listed: 20, skippedOutsideHorizon: 20, republished: 0 });
    // ...a backfill republishes everything regardless.
    const backfill = await reconciler({ prefix: 'before/', backfill: true }).run();
    expect(backfill).toMatchObject({ listed: 20, republished: 20, alreadyClaimed: 0, skippedOutsideHorizon: 0, errors: 0, since: null });
    expect(claimsFor('before/').map((c) => c.claim.claimorigin)).toEqual(Array(20).fill('backfill'));
    for (const group of GROUPS) {
      await waitForOutcomes(h.tracker(group), names, 45_000);
      expect({ group, ...processedExactlyOnce(h.tracker(group), names) }).toEqual({ group, missing: [], duplicated: [] });
    }
  });

  test('a pass running while the event path delivers the same objects: no file is processed twice', async () => {
    const files = h.files(40, 'race');
    const names = files.map((f) => f.name);
    expectUploaded(files);
    // Each PutMessages takes 100 ms, so the function's claims are still arriving while the pass lists.
    const slow = h.circuit.streaming.faults.add({ operation: 'PutMessages', kind: 'latency', latencyMs: 100 });
    try {
      await uploadFiles(h.circuit, files);
      await waitFor(() => claimsFor('race/').length >= 3, { timeoutMs: 30_000, what: 'the first claims of the race files' });
      const result = await reconciler({ prefix: 'race/' }).run();
      expect(result).toMatchObject({ listed: 40, errors: 0 });
      await eventPathDone('race/');
    } finally {
      h.circuit.streaming.faults.remove(slow);
    }
    // The race happened: some files got both the event path's claim and the reconciler's.
    const byObject = new Map<string, Set<string>>();
    for (const { claim } of claimsFor('race/')) byObject.set(claim.data.object, new Set([...(byObject.get(claim.data.object) ?? []), claim.claimorigin ?? 'event']));
    const both = [...byObject.values()].filter((origins) => origins.has('event') && origins.has('reconcile'));
    expect(both.length).toBeGreaterThan(0);
    for (const group of GROUPS) {
      await waitForOutcomes(h.tracker(group), names, 45_000);
      expect({ group, ...processedExactlyOnce(h.tracker(group), names) }).toEqual({ group, missing: [], duplicated: [] });
    }
    expect(h.abnormalExits).toEqual([]);
  });

  test("the pipeline's object filter: what the function leaves out is not republished", async () => {
    const files = h.files(10, 'filtered');
    h.circuit.setObjectEvents(false);
    try {
      await uploadFiles(h.circuit, files);
    } finally {
      h.circuit.setObjectEvents(true);
    }
    const result = await reconciler({ prefix: 'filtered/', dryRun: true, objectFilter: { exclude: [{ suffix: '.pdf' }, { suffix: '.png' }] } }).run();
    const excluded = files.filter((f) => f.name.endsWith('.pdf') || f.name.endsWith('.png')).length;
    expect(excluded).toBeGreaterThan(0);
    expect(result).toMatchObject({ listed: 10, skippedFiltered: excluded, republished: 10 - excluded, dryRun: true });
    expect(claimsFor('filtered/')).toEqual([]);
  });
});
