import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalCircuit } from './circuit';
import type { CircuitStackSource } from './user-app';

/**
 * `claimcheck local`: the circuit of the sample stack, or of one pipeline of the team's own app (`stack`), left
 * running, with what a user needs to point the OCI CLI/SDK or their own consumer at it. Stops on SIGINT/SIGTERM;
 * state stays in the data dir.
 */
export async function runLocal(options: {
  dataDir?: string;
  port?: number;
  out?: NodeJS.WritableStream;
  stack?: CircuitStackSource;
  /** Function containers side by side (`--function-concurrency`). */
  functionConcurrency?: number;
}): Promise<void> {
  const out = options.out ?? process.stdout;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'claimcheck-local-'));
  if (options.stack?.kind === 'app') process.stderr.write(`claimcheck local: synthesizing your app: ${options.stack.command} (${options.stack.origin})\n`);
  const circuit = await LocalCircuit.start({
    dataDir,
    objectStoragePort: options.port,
    streamingPort: options.port === undefined ? undefined : options.port + 1,
    onFunctionLog: (line) => process.stderr.write(`[function] ${line.text}\n`),
    stack: options.stack,
    functionConcurrency: options.functionConcurrency,
    onSynthOutput: (chunk) => process.stderr.write(chunk.replace(/^(?=.)/gm, '[synth] ')),
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
  const stateBucket = circuit.topology.stateBucketName;
  return [
    'claim-check circuit running locally (Ctrl-C to stop; state stays in the data dir, a restart resumes)',
    `  stack                   ${describeStackSource(circuit)}`,
    `  data dir                ${dataDir}`,
    `  Object Storage          ${circuit.objectStorage.endpoint}`,
    `    namespace ${circuit.namespace}; bucket ${circuit.bucketName} (object events on); consumer state bucket ${stateBucket ?? 'none (createConsumerStateBucket: false)'}`,
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

/** `claimcheck-sample, pipeline Files (the package's sample stack)`, or the team's stack and where it came from. */
export function describeStackSource(circuit: Pick<LocalCircuit, 'topology' | 'stackSource'>): string {
  const source = circuit.stackSource;
  const { stackName, pipelinePath } = circuit.topology;
  const pipeline = stackName && pipelinePath.startsWith(`${stackName}/`) ? pipelinePath.slice(stackName.length + 1) : pipelinePath;
  const what = `${stackName ?? '(unnamed stack)'}, pipeline ${pipeline}`;
  return source.kind === 'sample' ? `${what} (the package's sample stack)` : `${what} (your app: ${source.command}, from ${source.origin})`;
}
