import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalCircuit } from './circuit';

/**
 * `claimcheck local`: the circuit of the sample stack, left running, with what a user needs to point the OCI
 * CLI/SDK or their own consumer at it. Stops on SIGINT/SIGTERM; state stays in the data dir.
 */
export async function runLocal(options: { dataDir?: string; port?: number; out?: NodeJS.WritableStream }): Promise<void> {
  const out = options.out ?? process.stdout;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'claimcheck-local-'));
  const circuit = await LocalCircuit.start({
    dataDir,
    objectStoragePort: options.port,
    streamingPort: options.port === undefined ? undefined : options.port + 1,
    onFunctionLog: (line) => process.stderr.write(`[function] ${line.text}\n`),
  });
  out.write(describeLocalCircuit(circuit, dataDir));
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await circuit.stop();
}

/** What `claimcheck local` prints: endpoints, names, credentials and copy-paste examples. */
export function describeLocalCircuit(circuit: LocalCircuit, dataDir: string): string {
  const c = circuit.credentials;
  return [
    'claim-check circuit running locally (Ctrl-C to stop; state stays in the data dir, a restart resumes)',
    `  data dir                ${dataDir}`,
    `  Object Storage          ${circuit.objectStorage.endpoint}`,
    `    namespace ${circuit.namespace}; bucket ${circuit.bucketName} (object events on); consumer state bucket ${circuit.stateBucketName}`,
    `  Streaming               ${circuit.streaming.endpoint}   (messages endpoint; the SDK adds /20180418)`,
    `    stream ${circuit.streamId}, ${circuit.topology.partitions} partitions`,
    `  Events rule             ${circuit.topology.rules.map((r) => r.displayName).join(', ')} -> the function bundle`,
    `  Credentials             every request must be signed with the local API key`,
    `    OCI config file       ${c.ociConfigFile}   (profile DEFAULT, region ${circuit.region})`,
    `    API key id            ${c.apiKeyId}`,
    `    resource principal    ${c.resourcePrincipalEnvFile}`,
    '',
    'Try it:',
    `  oci --config-file ${c.ociConfigFile} --endpoint ${circuit.objectStorage.endpoint} os object put -ns ${circuit.namespace} -bn ${circuit.bucketName} --file ./some-file`,
    // The SDK example uses the package's shared client: a plain `new ObjectStorageClient(...)` (oci-common 2.139.1)
    // gets 401 for object names with `'` (see lib/emulators/README.md, "Wire facts"), here as on OCI.
    "  SDK (TypeScript; the package's client signs every object name correctly, ' included):",
    "    import { ConfigFileAuthenticationDetailsProvider } from 'oci-common';",
    "    import { createObjectStorageClient } from 'cdktf-oci-claim-check/consumer';",
    `    const client = createObjectStorageClient(new ConfigFileAuthenticationDetailsProvider('${c.ociConfigFile}'), '${circuit.objectStorage.endpoint}');`,
    `    await client.putObject({ namespaceName: '${circuit.namespace}', bucketName: '${circuit.bucketName}', objectName: "it's here.txt", putObjectBody: 'hi', contentLength: 2 });`,
    `  Consumer: new ClaimCheckConsumer({ streamId: '${circuit.streamId}', messagesEndpoint: '${circuit.streaming.endpoint}', objectStorageEndpoint: '${circuit.objectStorage.endpoint}', ... })`,
    '',
  ].join('\n');
}
