/**
 * Injected 429s and 500s on the stream (the function's PutMessages, the consumers' reads and commits) and on object
 * reads (GetObject for files, HeadObject for delete claims): retries absorb them and nothing is lost.
 *
 * The faults are deterministic schedules, not probabilities: each hits the first `count` calls of its operation
 * after it is added (two faults on one operation take turns in the order added), and every operation is called
 * more often than that here, so each fault fires exactly `count` times, on every run.
 */
import type { FaultSpec } from '../../lib/emulators/common';
import { newObjectStorageClient } from '../../lib/runtime/oci-sdk-clients';
import { uploadFiles } from '../../lib/local/upload-files';
import { CircuitHarness, FAULT_ID, waitForOutcomes } from '../helpers/circuit-harness';
import { waitFor } from '../helpers/wait-for';

describe('local circuit, throttling and server errors', () => {
  let h: CircuitHarness;
  beforeAll(async () => {
    h = await CircuitHarness.start({ partitions: 2 });
  });
  afterAll(async () => {
    await h?.close();
  });

  test('429/500 on PutMessages, GetMessages, ConsumerCommit, GetObject and 503 on HeadObject: every file and delete processed', async () => {
    await Promise.all([h.startConsumer('fleet', 'fleet-1'), h.startConsumer('fleet', 'fleet-2')]);
    const { streaming, objectStorage } = h.circuit;
    const schedule: Array<['streaming' | 'objectStorage', FaultSpec & { count: number }]> = [
      ['streaming', { kind: 'throttle', operation: 'PutMessages', count: 3 }],
      ['streaming', { kind: 'error', operation: 'PutMessages', count: 2 }],
      ['streaming', { kind: 'throttle', operation: 'GetMessages', count: 3 }],
      ['streaming', { kind: 'error', operation: 'GetMessages', count: 2 }],
      // A failed commit is retried (3 attempts), so one commit is enough for both hits.
      ['streaming', { kind: 'error', operation: 'ConsumerCommit', count: 2 }],
      ['objectStorage', { kind: 'throttle', operation: 'GetObject', count: 3 }],
      ['objectStorage', { kind: 'error', operation: 'GetObject', count: 2 }],
      // HeadObject is how a consumer checks a delete claim (is the name gone, or written again since?).
      ['objectStorage', { kind: 'error', operation: 'HeadObject', status: 503, count: 2 }],
    ];
    const injectors = { streaming: streaming.faults, objectStorage: objectStorage.faults };
    const faults = schedule.map(([service, spec]) => ({ service, spec, id: injectors[service].add(spec) }));

    const files = h.files(40, 'faults');
    const names = files.map((f) => f.name);
    const tracker = h.tracker('fleet');
    for (const f of files) tracker.uploadedSha.set(f.name, f.sha256);
    await uploadFiles(h.circuit, files);
    await waitForOutcomes(tracker, names, 60000);

    // Deletes of processed files: delete claims, which the consumers check with HeadObject.
    const deleted = names.slice(0, 4);
    const client = newObjectStorageClient(h.circuit.authProvider(), { endpoint: objectStorage.endpoint });
    try {
      for (const name of deleted) await client.deleteObject({ namespaceName: h.circuit.namespace, bucketName: h.circuit.bucketName, objectName: name });
    } finally {
      client.close();
    }
    await waitFor(() => deleted.every((name) => tracker.deleteOutcomes.has(name)), {
      timeoutMs: 60000,
      what: 'an outcome for each of the 4 delete claims',
      state: () => Object.fromEntries(tracker.deleteOutcomes),
    });
    expect(deleted.map((name) => [name, tracker.deleteOutcomes.get(name)])).toEqual(deleted.map((name) => [name, 'processed']));

    // Every fault fired exactly as scheduled, on both services and on both sides of the stream.
    expect(faults.map(({ service, spec, id }) => [spec.operation, spec.kind, FAULT_ID.test(id), injectors[service].hits(id)])).toEqual(
      schedule.map(([, spec]) => [spec.operation, spec.kind, true, spec.count]),
    );

    expect(names.filter((n) => !tracker.processed(n)).map((n) => [n, tracker.skipped.get(n), tracker.deadLettered.get(n)])).toEqual([]);
    expect(tracker.checksumMismatches).toEqual([]);
    // One claim per upload and per delete despite retried PutMessages: the function retries only unacknowledged entries.
    const claims = h.claimsOnStream().map((c) => `${c.claim.data.eventType.split('.').pop()} ${c.claim.data.object}`);
    expect(claims.sort()).toEqual([...names.map((n) => `createobject ${n}`), ...deleted.map((n) => `deleteobject ${n}`)].sort());
    expect(h.abnormalExits).toEqual([]);
  });
});
