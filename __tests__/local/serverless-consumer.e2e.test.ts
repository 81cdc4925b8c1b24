/**
 * The serverless path end to end on the local circuit: object events → the real publisher → the stream → the
 * Connector Hub emulator → the serverless consumer's function (the example handler, under the FDK, resource
 * principal auth) → Object Storage. Every file is processed exactly once: the test waits until the connector has
 * delivered (and the function acknowledged) everything on the stream, then counts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalCircuit } from '../../lib/local/circuit';
import { generateDemoFiles } from '../../lib/local/demo-files';
import { LocalServerlessConsumer } from '../../lib/local/handler-consumers';
import { OutcomeTracker } from '../../lib/local/outcome-tracker';
import { uploadFiles } from '../../lib/local/upload-files';
import { waitFor } from '../helpers/wait-for';

const EXAMPLE = join(__dirname, '..', '..', 'examples', 'handlers', 'record-size-and-sha256.ts');

describe('the serverless consumer on the local circuit', () => {
  test('every file processed exactly once; the connector acknowledged every claim on the stream', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'serverless-e2e-'));
    const circuit = await LocalCircuit.start({ dataDir, stackEnv: { CLAIMCHECK_PARTITIONS: '2' } });
    const tracker = new OutcomeTracker();
    const failures: string[] = [];
    const consumer = LocalServerlessConsumer.start({
      circuit,
      dataDir,
      entry: EXAMPLE,
      groupName: 'serverless-e2e',
      count: 1,
      batchSizeInNum: 4,
      onOutcome: (line) => tracker.record(line),
      onAbnormalExit: (message) => failures.push(message),
    });
    try {
      await consumer.ready;
      const files = generateDemoFiles(16);
      for (const file of files) tracker.uploadedSha.set(file.name, file.sha256);
      const uploaded = await uploadFiles(circuit, files);
      await waitFor(() => uploaded.every((name) => tracker.done(name)), { what: 'every file to have an outcome', timeoutMs: 90_000, state: () => tracker.summary(uploaded, circuit.publishedCount()) });
      // Drained: the connector's position is at the end of every partition, so no batch is left to come again.
      const ends = (): Record<string, number> => {
        const last: Record<string, number> = {};
        for (const m of circuit.streaming.readAll(circuit.streamId)) last[m.partition] = Math.max(last[m.partition] ?? -1, m.offset);
        return last;
      };
      await waitFor(() => JSON.stringify(consumer.deliveredPositions) === JSON.stringify(ends()), {
        what: 'the connector to acknowledge every message',
        timeoutMs: 30_000,
        state: () => ({ delivered: consumer.deliveredPositions, ends: ends(), stats: consumer.stats }),
      });
      expect(tracker.summary(uploaded, circuit.publishedCount())).toEqual({ uploaded: 16, filtered: 0, published: 16, processed: 16, skipped: 0, deadLettered: 0, lost: 0 });
      expect(tracker.duplicates()).toEqual([]);
      expect([...tracker.processedTimes.values()].every((times) => times === 1)).toBe(true);
      expect(tracker.checksumMismatches).toEqual([]);
      expect(consumer.stats.connector).toMatchObject({ failedInvocations: 0, delivered: 16 });
      expect(failures).toEqual([]);
    } finally {
      await consumer.stop();
      await circuit.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 150_000);
});
