/**
 * The whole circuit end to end, under normal running: real SDK uploads → Object Storage emulator → Events emulator
 * (the rule condition read from the synthesized sample stack) → the real function bundle over the FDK socket →
 * Streaming emulator → consumer processes (real SDK, signed requests) in two consumer groups.
 */
import { CircuitHarness, processedExactlyOnce, waitForOutcomes } from '../helpers/circuit-harness';
import { uploadFiles } from '../../lib/local/upload-files';

describe('local circuit, normal running', () => {
  let h: CircuitHarness;
  beforeAll(async () => {
    h = await CircuitHarness.start({ partitions: 2 });
  });
  afterAll(async () => {
    await h?.close();
  });

  test('every uploaded file is published once and processed exactly once per consumer group', async () => {
    await Promise.all([h.startConsumer('main', 'main-1'), h.startConsumer('main', 'main-2'), h.startConsumer('audit', 'audit-1')]);
    const files = h.files(40, 'normal');
    for (const group of ['main', 'audit']) for (const f of files) h.tracker(group).uploadedSha.set(f.name, f.sha256);

    const uploaded = await uploadFiles(h.circuit, files);
    const names = files.map((f) => f.name);
    expect(uploaded.sort()).toEqual([...names].sort());
    await waitForOutcomes(h.tracker('main'), names, 45000);
    await waitForOutcomes(h.tracker('audit'), names, 45000);

    // One claim check per upload, keyed namespace/bucket/object, pointing at the landing bucket.
    const claims = h.claimsOnStream();
    expect(claims).toHaveLength(40);
    expect(claims.map((c) => c.claim.data.object).sort()).toEqual([...names].sort());
    for (const { key, claim } of claims) {
      expect(key).toBe(`${h.circuit.namespace}/${h.circuit.bucketName}/${claim.data.object}`);
      expect(claim.data).toMatchObject({ namespace: h.circuit.namespace, bucket: h.circuit.bucketName, eventType: 'com.oraclecloud.objectstorage.createobject' });
    }
    for (const group of ['main', 'audit']) {
      const tracker = h.tracker(group);
      expect(processedExactlyOnce(tracker, names)).toEqual({ missing: [], duplicated: [] });
      // Each processed file came with the hash of what its consumer read, equal to the upload's.
      expect(tracker.checksumMismatches).toEqual([]);
      expect(tracker.deadLettered.size + tracker.skipped.size).toBe(0);
    }
    // The group's partitions were shared: both instances of "main" did work.
    expect(new Set(h.tracker('main').processedBy.values())).toEqual(new Set(['main-1', 'main-2']));
    expect(h.circuit.fn.invocations).toBe(40);
    expect(h.abnormalExits).toEqual([]);
  });

  test('the synthesized rule condition decides what reaches the function: other buckets never do, deletes do', async () => {
    const invocationsBefore = h.circuit.fn.invocations;
    const idsBefore = new Set(h.claimsOnStream().map((c) => c.claim.id));
    const unmatchedBefore = h.circuit.events.stats.unmatched;

    // The consumer state bucket emits no events and is not in the rule's condition.
    const strays = h.files(3, 'stray');
    await uploadFiles(h.circuit, strays, { bucket: h.circuit.stateBucketName });
    expect(h.circuit.events.stats.unmatched).toBeGreaterThanOrEqual(unmatchedBefore + 3);

    // A delete in the landing bucket matches (deleteobject is in the condition) and becomes a claim check.
    const [victim] = h.files(1, 'normal');
    const client = new (await import('oci-objectstorage')).ObjectStorageClient({ authenticationDetailsProvider: h.circuit.authProvider() });
    client.endpoint = h.circuit.objectStorage.endpoint;
    await client.deleteObject({ namespaceName: h.circuit.namespace, bucketName: h.circuit.bucketName, objectName: victim.name });
    client.close();
    await h.circuit.events.drain(20000);

    const newClaims = h.claimsOnStream().filter((c) => !idsBefore.has(c.claim.id));
    expect(newClaims.map((c) => [c.claim.data.bucket, c.claim.data.object, c.claim.data.eventType])).toEqual([
      [h.circuit.bucketName, victim.name, 'com.oraclecloud.objectstorage.deleteobject'],
    ]);
    expect(h.circuit.fn.invocations).toBe(invocationsBefore + 1);
    expect(h.claimsOnStream().some((c) => c.claim.data.bucket === h.circuit.stateBucketName)).toBe(false);
  });
});
