/**
 * `circuit.stop()` always returns, even with a function call in flight: here the real function keeps retrying a
 * PutMessages that answers 500, which it would do until its deadline (the stack's function timeout). Stopping kills
 * that call instead of waiting for it, and the event stays pending on disk, to be delivered after the next start.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalCircuit } from '../../lib/local/circuit';
import { FunctionLogs, processExists, withDeadline } from '../helpers/function-logs';

test('circuit.stop() kills a call in flight instead of waiting for it; the event stays pending for the next start', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'claimcheck-stop-'));
  const logs = new FunctionLogs();
  const circuit = await LocalCircuit.start({ dataDir, stackEnv: { CLAIMCHECK_PARTITIONS: '1' }, onFunctionLog: logs.onLog });
  try {
    circuit.streaming.faults.add({ kind: 'error', operation: 'PutMessages' });
    const pid = circuit.fn.pid!;
    const object = 'stop/in-flight.txt';
    circuit.events.publish({ type: 'createobject', namespace: circuit.namespace, bucket: circuit.bucketName, object, etag: 'etag-1', time: new Date() });
    // The call is in flight: the function has already retried once and keeps going.
    await logs.waitFor('a publish retry', (l) => l.event === 'claim-check.publish-retry' && l.object === object);

    await withDeadline(circuit.stop(), 15_000, 'circuit.stop() did not return while a call was in flight');

    // Killed, not finished: the call never reached an outcome, and its process is gone.
    expect(logs.lines.filter((l) => /^claim-check\.(published|rejected|failed)$/.test(String(l.event)))).toEqual([]);
    expect(processExists(pid)).toBe(false);
    // The delivery was not lost: it is still pending on disk.
    expect(readdirSync(join(dataDir, 'events', 'pending')).filter((name) => name.endsWith('.json'))).toHaveLength(1);
  } finally {
    await circuit.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
