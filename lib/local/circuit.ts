import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as common from 'oci-common';
import { synthSampleApp, SAMPLE_STACK_NAME } from '../../main';
import { bundleFunction, defaultFunctionEntry } from '../bundling/bundle-function';
import { createLocalResourcePrincipal, LocalApiKey } from '../emulators/common';
import { EventsEmulator } from '../emulators/events';
import { ObjectStorageEmulator } from '../emulators/objectstorage';
import { StreamingEmulator } from '../emulators/streaming';
import { FunctionRunner } from './function-runner';
import { LogLine } from './fdk-process';
import { readStackTopology, StackTopology } from './stack-topology';
import {
  identityAuthOptions,
  LocalCredentialFiles,
  LocalIdentity,
  loadOrCreateLocalIdentity,
  LOCAL_REGION,
  LOCAL_TENANCY,
  writeCredentialFiles,
} from '../emulators/local-identity';

/** The Object Storage namespace of the local tenancy. */
export const LOCAL_NAMESPACE = 'localtenancy';
export { LOCAL_REGION, LOCAL_TENANCY };
/** OCID of the local stream (there is one stream, like in the sample stack). */
export const LOCAL_STREAM_ID = 'ocid1.stream.oc1.iad.localclaimcheckstream';
export const LOCAL_FUNCTION_ID = 'ocid1.fnfunc.oc1.iad.localclaimcheckpublisher';

export interface LocalCircuitOptions {
  /** Where everything is kept (synth output, emulator state, keys); a restart with the same dir resumes. */
  readonly dataDir: string;
  /** Environment for the sample stack (e.g. CLAIMCHECK_PARTITIONS). @default process.env */
  readonly stackEnv?: NodeJS.ProcessEnv;
  /** Fixed ports (0 = any free one). */
  readonly objectStoragePort?: number;
  readonly streamingPort?: number;
  /** Receives the function's log lines. */
  readonly onFunctionLog?: (line: LogLine) => void;
}

/**
 * The whole pattern on one machine: the sample stack is synthesized, and what it would deploy runs locally,
 * each part speaking OCI's wire format so the real SDK code paths run unchanged:
 *
 *   Object Storage emulator --object change--> Events emulator (the stack's rule condition)
 *     --FDK unix socket--> the real function bundle (Resource Principal auth) --PutMessages--> Streaming emulator
 *
 * Every request is signed and verified: clients use a throwaway API key, the function a throwaway Resource
 * Principal token minted by the local identity.
 */
export class LocalCircuit {
  public static async start(options: LocalCircuitOptions): Promise<LocalCircuit> {
    mkdirSync(options.dataDir, { recursive: true });
    const topology = synthesizeTopology(options.dataDir, options.stackEnv ?? process.env);
    const identityDir = join(options.dataDir, 'identity');
    const identity = loadOrCreateLocalIdentity(identityDir);
    const credentials = writeCredentialFiles(identityDir, identity, { compartmentId: topology.compartmentId });
    const auth = identityAuthOptions(identity);

    const objectStorage = await ObjectStorageEmulator.start({
      dataDir: join(options.dataDir, 'objectstorage'),
      port: options.objectStoragePort ?? 0,
      namespace: LOCAL_NAMESPACE,
      buckets: [topology.bucketName, ...topology.otherBucketNames].map((name) => ({ name })),
      auth,
    });
    const streaming = await StreamingEmulator.start({
      dataDir: join(options.dataDir, 'streaming'),
      port: options.streamingPort ?? 0,
      streams: [{ id: LOCAL_STREAM_ID, name: 'claims', partitions: topology.partitions }],
      auth,
    });

    const bundlePath = join(options.dataDir, 'function', 'func.js');
    bundleFunction({ entry: defaultFunctionEntry(), outFile: bundlePath });
    const principal = createLocalResourcePrincipal({
      issuerKey: identity.issuer,
      tenancyId: LOCAL_TENANCY,
      compartmentId: topology.compartmentId,
      resourceId: LOCAL_FUNCTION_ID,
      region: LOCAL_REGION,
      ttlSeconds: 24 * 3600,
    });
    const fn = new FunctionRunner({
      bundlePath,
      timeoutSeconds: topology.functionTimeoutSeconds,
      onLog: options.onFunctionLog,
      // The function's config as the stack synthesizes it, with the values Terraform would resolve.
      env: {
        ...principal.env,
        ...resolvedFunctionConfig(topology, { STREAM_OCID: LOCAL_STREAM_ID, STREAM_ENDPOINT: streaming.endpoint }),
        FN_APP_NAME: 'claimcheck-local',
        FN_FN_NAME: 'publisher',
        FN_FN_ID: LOCAL_FUNCTION_ID,
        FN_MEMORY: String(topology.functionMemoryMb),
        FN_TYPE: 'sync',
      },
    });

    const events = await EventsEmulator.start({
      dataDir: join(options.dataDir, 'events'),
      context: { compartmentId: topology.compartmentId },
      rules: topology.rules.map((rule) => ({ id: rule.id, condition: rule.condition, deliver: fn.deliver })),
    });
    objectStorage.onObjectChange((change) => events.publish(change));
    await fn.start();
    return new LocalCircuit(topology, identity, credentials, objectStorage, streaming, events, fn);
  }

  private constructor(
    public readonly topology: StackTopology,
    private readonly identity: LocalIdentity,
    /** The identity written out as an OCI config file, API key PEM and resource principal files. */
    public readonly credentials: LocalCredentialFiles,
    public readonly objectStorage: ObjectStorageEmulator,
    public readonly streaming: StreamingEmulator,
    public readonly events: EventsEmulator,
    public readonly fn: FunctionRunner,
  ) {}

  public readonly namespace = LOCAL_NAMESPACE;
  public readonly streamId = LOCAL_STREAM_ID;
  public readonly region = LOCAL_REGION;

  public get bucketName(): string {
    return this.topology.bucketName;
  }

  /**
   * The stack's consumer state bucket (no object events) for the consumers' dead letters and dedupe markers.
   * Throws when the stack was synthesized with `createConsumerStateBucket: false`.
   */
  public get stateBucketName(): string {
    const name = this.topology.otherBucketNames.find((other) => other.endsWith('-consumer-state'));
    if (!name) throw new Error('The synthesized stack has no consumer state bucket (createConsumerStateBucket is false)');
    return name;
  }

  /** The throwaway API key clients sign with (registered with every emulator). */
  public get apiKey(): LocalApiKey {
    return this.identity.apiKey;
  }

  /** An SDK authentication provider for that key. */
  public authProvider(): common.AuthenticationDetailsProvider {
    const key = this.identity.apiKey;
    return new common.SimpleAuthenticationDetailsProvider(
      key.tenancyId,
      key.userId,
      key.fingerprint,
      key.privateKeyPem,
      null,
      common.Region.fromRegionId(LOCAL_REGION),
    );
  }

  /** Claim checks on the stream so far. */
  public publishedCount(): number {
    return this.streaming.readAll(LOCAL_STREAM_ID).length;
  }

  public async stop(): Promise<void> {
    await this.events.stop();
    await this.fn.stop();
    await Promise.all([this.objectStorage.stop(), this.streaming.stop()]);
  }
}

function synthesizeTopology(dataDir: string, env: NodeJS.ProcessEnv): StackTopology {
  const outdir = join(dataDir, 'cdktf.out');
  synthSampleApp(outdir, env);
  const json = JSON.parse(readFileSync(join(outdir, 'stacks', SAMPLE_STACK_NAME, 'cdk.tf.json'), 'utf8'));
  return readStackTopology(json);
}

/**
 * The function config with Terraform references replaced by the local values: every key the stack sets must be
 * resolvable here, so a config key added to the construct cannot silently go missing locally.
 */
export function resolvedFunctionConfig(topology: StackTopology, values: Record<string, string>): Record<string, string> {
  const config: Record<string, string> = {};
  for (const [key, value] of Object.entries(topology.functionConfig)) {
    if (!value.includes('${')) config[key] = value;
    else if (key in values) config[key] = values[key];
    else throw new Error(`The function config ${key} = ${value} has no local value`);
  }
  return config;
}
