import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalCircuit } from './circuit';

/**
 * `claimcheck local`: the circuit of the sample stack, left running, with what a user needs to point the OCI
 * CLI/SDK or their own consumer at it. Stops on SIGINT/SIGTERM; state stays in the data dir.
 */
export async function runLocal(options: { dataDir?: string; out?: NodeJS.WritableStream }): Promise<void> {
  const out = options.out ?? process.stdout;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'claimcheck-local-'));
  const circuit = await LocalCircuit.start({
    dataDir,
    onFunctionLog: (line) => process.stderr.write(`[function] ${line.text}\n`),
  });
  const key = circuit.apiKey;
  out.write(
    [
      'claim-check circuit running locally (Ctrl-C to stop)',
      `  data dir                  ${dataDir}`,
      `  Object Storage endpoint   ${circuit.objectStorage.endpoint}`,
      `    namespace ${circuit.namespace}, bucket ${circuit.bucketName} (object events on), consumer state bucket ${circuit.stateBucketName}`,
      `  Streaming endpoint        ${circuit.streaming.endpoint}   (StreamClient.endpoint; the SDK adds /20180418)`,
      `    stream OCID ${circuit.streamId}, ${circuit.topology.partitions} partitions`,
      `  Events rule               ${circuit.topology.rules.map((r) => r.displayName).join(', ')} → the function bundle`,
      `  API key (requests must be signed):`,
      `    tenancy     ${key.tenancyId}`,
      `    user        ${key.userId}`,
      `    fingerprint ${key.fingerprint}`,
      `    private key ${join(dataDir, 'identity.json')} (apiKey.privateKeyPem)`,
      '',
    ].join('\n'),
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await circuit.stop();
}
