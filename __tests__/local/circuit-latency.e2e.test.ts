/**
 * `serviceLatencyMs` (`claimcheck demo --service-latency`): every call to the emulated Object Storage and Streaming
 * waits that long before it is served, the function's PutMessages included, and nothing is lost on the way. What it
 * is for (containers side by side overlapping their waits) is a benchmark figure (bench/circuit.mjs), not a test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalCircuit } from '../../lib/local/circuit';
import { uploadFiles } from '../../lib/local/upload-files';
import { demoFileList } from '../../lib/local/demo-files';
import { waitFor } from '../helpers/wait-for';

const LATENCY_MS = 150;

describe('local circuit with a service latency', () => {
  let circuit: LocalCircuit;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'claimcheck-latency-'));
    circuit = await LocalCircuit.start({ dataDir, stackEnv: { CLAIMCHECK_PARTITIONS: '1' }, serviceLatencyMs: LATENCY_MS, functionConcurrency: 2 });
  });
  afterAll(async () => {
    await circuit?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('every Object Storage and Streaming call waits the latency, and each upload is still published once', async () => {
    const [storageFault] = circuit.objectStorage.faults.list();
    const [streamFault] = circuit.streaming.faults.list();
    for (const fault of [storageFault, streamFault]) expect(fault).toMatchObject({ kind: 'latency', operation: '*', latencyMs: LATENCY_MS });

    const files = demoFileList(3, 'latency/');
    const started = Date.now();
    await uploadFiles(circuit, files, { concurrency: 1 });
    // Three PutObject calls one after another, each held LATENCY_MS by the emulator before it answered.
    expect(Date.now() - started).toBeGreaterThanOrEqual(3 * LATENCY_MS);
    expect(circuit.objectStorage.faults.hits(storageFault.id)).toBeGreaterThanOrEqual(3);

    // The function's PutMessages went through the same wait: one claim per upload on the stream.
    await waitFor(() => circuit.streaming.faults.hits(streamFault.id) >= 3, { what: 'three PutMessages', timeoutMs: 30_000 });
    await waitFor(() => circuit.streaming.messageCount(circuit.streamId) === 3, { what: 'three claims on the stream', timeoutMs: 30_000 });
    const keys = circuit.streaming.readAll(circuit.streamId).map((m) => m.key?.toString('utf8'));
    expect(keys.sort()).toEqual(Array.from({ length: 3 }, (_, i) => `${circuit.namespace}/${circuit.bucketName}/${files.file(i).name}`).sort());
  });

  test('a negative latency is refused before anything starts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimcheck-latency-bad-'));
    try {
      await expect(LocalCircuit.start({ dataDir: join(dir, 'data'), serviceLatencyMs: -1 })).rejects.toThrow('serviceLatencyMs must be a number of milliseconds >= 0, got -1');
      await expect(LocalCircuit.start({ dataDir: join(dir, 'data'), serviceLatencyMs: Number.NaN })).rejects.toThrow('serviceLatencyMs must be a number of milliseconds >= 0, got NaN');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
