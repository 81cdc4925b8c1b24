import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as common from 'oci-common';
import { synthSampleApp, SAMPLE_STACK_NAME } from '../sample/claim-check-sample-stack';
import { bundleFunction, defaultFunctionEntry } from '../bundling/bundle-function';
import { FUNCTION_CONFIG_KEYS } from '../contract';
import type { FaultInjector, LocalApiKey } from '../emulators/common';
import { EventsEmulator } from '../emulators/events';
import { ObjectStorageEmulator } from '../emulators/objectstorage';
import { StreamingEmulator } from '../emulators/streaming';
import { systemClock } from '../runtime/clock';
import { writeCircuitDescriptor } from './circuit-descriptor';
import { FunctionPool } from './function-pool';
import { LogLine } from './fdk-process';
import { readStackTopology, StackTopology } from './stack-topology';
import { CircuitStackSource, StackSourceError, synthesizeUserApp } from './user-app';
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
/** Function containers the local circuit runs side by side unless told otherwise (`--function-concurrency`). */
export const DEFAULT_FUNCTION_CONCURRENCY = 4;

export interface LocalCircuitOptions {
  /** Where everything is kept (synth output, emulator state, keys); a restart with the same dir resumes. */
  readonly dataDir: string;
  /** Environment for the sample stack (e.g. CLAIMCHECK_PARTITIONS), or for the app's synth command. @default process.env */
  readonly stackEnv?: NodeJS.ProcessEnv;
  /**
   * The stack to run: the package's sample stack, or one pipeline of a team's own cdktf app, synthesized into the
   * data dir (lib/local/user-app.ts). @default { kind: 'sample' }
   */
  readonly stack?: CircuitStackSource;
  /** What the app's synth command prints (stdout and stderr). */
  readonly onSynthOutput?: (chunk: string) => void;
  /** Fixed ports (0 = any free one). */
  readonly objectStoragePort?: number;
  readonly streamingPort?: number;
  /** Receives the function's log lines. */
  readonly onFunctionLog?: (line: LogLine) => void;
  /**
   * Lose this share (0..1) of the object events, deterministically per seed and object (the Events emulator's
   * `dropShare`): what the reconciler is for. @default none
   */
  readonly dropEvents?: { readonly share: number; readonly seed?: string };
  /**
   * Function containers side by side, each taking one call at a time (as Fn does), sharing the bundle and config;
   * the Events emulator delivers up to this many events per rule at once. @default DEFAULT_FUNCTION_CONCURRENCY
   */
  readonly functionConcurrency?: number;
  /**
   * Every call to the emulated Object Storage and Streaming waits this long before it is served (a `latency` fault on
   * every operation, lib/emulators/common/fault-injector.ts), as a call across a network to a region does. On one
   * machine the emulators answer at once, so the circuit is bound by its cores and more function containers only
   * share them; with the services' round trips in, containers side by side overlap their waits, as they do in OCI.
   * @default 0
   */
  readonly serviceLatencyMs?: number;
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
    const latency = options.serviceLatencyMs ?? 0;
    if (!Number.isFinite(latency) || latency < 0) throw new Error(`serviceLatencyMs must be a number of milliseconds >= 0, got ${latency}`);
    mkdirSync(options.dataDir, { recursive: true });
    const topology = await synthesizeTopology(options);
    const identityDir = join(options.dataDir, 'identity');
    const identity = loadOrCreateLocalIdentity(identityDir);
    const credentials = writeCredentialFiles(identityDir, identity, { compartmentId: topology.compartmentId, resourceId: LOCAL_FUNCTION_ID });
    const circuit = new LocalCircuit(options, topology, identity, credentials);
    await circuit.startServices(options.objectStoragePort ?? 0, options.streamingPort ?? 0);
    return circuit;
  }

  public readonly namespace = LOCAL_NAMESPACE;
  public readonly streamId = LOCAL_STREAM_ID;
  public readonly region = LOCAL_REGION;
  private services?: { objectStorage: ObjectStorageEmulator; streaming: StreamingEmulator; events: EventsEmulator };
  private runner?: FunctionPool;
  private objectEvents = true;

  private constructor(
    private readonly options: LocalCircuitOptions,
    public readonly topology: StackTopology,
    private readonly identity: LocalIdentity,
    /** The identity written out as an OCI config file, API key PEM and resource principal files. */
    public readonly credentials: LocalCredentialFiles,
  ) {}

  public get objectStorage(): ObjectStorageEmulator {
    return this.running().objectStorage;
  }

  public get streaming(): StreamingEmulator {
    return this.running().streaming;
  }

  public get events(): EventsEmulator {
    return this.running().events;
  }

  /** The function's containers (each restarted by its runner if it dies). */
  public get fn(): FunctionPool {
    if (!this.runner) throw new Error('The local circuit is not running');
    return this.runner;
  }

  public get bucketName(): string {
    return this.topology.bucketName;
  }

  /**
   * The stack's consumer state bucket (no object events) for the consumers' dead letters and dedupe markers.
   * Throws when the stack was synthesized with `createConsumerStateBucket: false`.
   */
  public get stateBucketName(): string {
    const name = this.topology.stateBucketName;
    if (!name) throw new Error(`The pipeline ${this.topology.pipelinePath} has no consumer state bucket (createConsumerStateBucket is false)`);
    return name;
  }

  /** Where the stack came from: the package's sample stack, or a team's app (`--app`, cdktf.json). */
  public get stackSource(): CircuitStackSource {
    return this.options.stack ?? { kind: 'sample' };
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

  /**
   * Turns the bucket's object events off (false) and on again: objects written meanwhile raise no event at all,
   * like objects that were in the bucket before the pipeline existed (`claimcheck demo --preload`).
   */
  public setObjectEvents(enabled: boolean): void {
    this.objectEvents = enabled;
  }

  /** Claim checks on the stream so far (counted, not read). */
  public publishedCount(): number {
    return this.streaming.messageCount(LOCAL_STREAM_ID);
  }

  /**
   * Stops the three emulators (Object Storage, Streaming, Events) as a crash would leave them, waits
   * `downtimeMs` and starts them again on the same ports from the same state directories. The function and any
   * consumer keep running and see refused connections meanwhile. Used to show that a restart loses nothing.
   */
  public async restartEmulators(downtimeMs = 0): Promise<void> {
    const { objectStorage, streaming } = this.running();
    const ports = [objectStorage.port, streaming.port] as const;
    await this.stopServices();
    await systemClock.sleep(downtimeMs);
    await this.startServices(...ports);
  }

  /**
   * Stops everything, and always returns: the function runner is stopped first (in parallel), which kills a call
   * in flight, so the Events emulator's delivery returns at once (a retryable failure: the event stays pending on
   * disk for the next start) instead of `events.stop()` waiting for a call that may be wedged.
   */
  public async stop(): Promise<void> {
    const runner = this.runner;
    this.runner = undefined;
    await Promise.all([runner?.stop(), this.stopServices()]);
  }

  private running() {
    if (!this.services) throw new Error('The local circuit is not running');
    return this.services;
  }

  private async startServices(objectStoragePort: number, streamingPort: number): Promise<void> {
    const { dataDir } = this.options;
    const auth = identityAuthOptions(this.identity);
    const objectStorage = await ObjectStorageEmulator.start({
      dataDir: join(dataDir, 'objectstorage'),
      port: objectStoragePort,
      namespace: LOCAL_NAMESPACE,
      buckets: [...new Set([...this.topology.sourceBucketNames, ...this.topology.otherBucketNames])].map((name) => ({ name })),
      auth,
    });
    let streaming: StreamingEmulator;
    try {
      streaming = await StreamingEmulator.start({
        dataDir: join(dataDir, 'streaming'),
        port: streamingPort,
        streams: [{ id: LOCAL_STREAM_ID, name: 'claims', partitions: this.topology.partitions }],
        auth,
      });
    } catch (error) {
      await objectStorage.stop();
      throw error;
    }
    let events: EventsEmulator | undefined;
    try {
      const fn = this.runner ?? (this.runner = this.createFunctionRunner(streaming.endpoint));
      const started = await EventsEmulator.start({
        dataDir: join(dataDir, 'events'),
        context: { compartmentId: this.topology.compartmentId },
        rules: this.topology.rules.map((rule) => ({ id: rule.id, condition: rule.condition, deliver: fn.deliver })),
        dropShare: this.options.dropEvents?.share,
        dropSeed: this.options.dropEvents?.seed,
        concurrency: fn.containers.length,
      });
      events = started;
      objectStorage.onObjectChange((change) => {
        if (this.objectEvents) started.publish(change);
      });
      addServiceLatency([objectStorage.faults, streaming.faults], this.options.serviceLatencyMs ?? 0);
      await fn.start();
      this.services = { objectStorage, streaming, events: started };
      // Where a client finds this circuit (`claimcheck reconcile --data DIR`).
      writeCircuitDescriptor(dataDir, this);
    } catch (error) {
      // Leave nothing listening behind a failed start (e.g. the function bundle does not build).
      await events?.stop();
      await this.runner?.stop();
      this.runner = undefined;
      await Promise.all([objectStorage.stop(), streaming.stop()]);
      throw error;
    }
  }

  private async stopServices(): Promise<void> {
    if (!this.services) return;
    const { objectStorage, streaming, events } = this.services;
    this.services = undefined;
    await events.stop();
    await Promise.all([objectStorage.stop(), streaming.stop()]);
  }

  /** The bundle under the FDK with the config the stack synthesizes and a local Resource Principal, in N containers. */
  private createFunctionRunner(streamingEndpoint: string): FunctionPool {
    const bundlePath = join(this.options.dataDir, 'function', 'func.js');
    bundleFunction({ entry: defaultFunctionEntry(), outFile: bundlePath });
    return new FunctionPool({
      containers: this.options.functionConcurrency ?? DEFAULT_FUNCTION_CONCURRENCY,
      bundlePath,
      timeoutSeconds: this.topology.functionTimeoutSeconds,
      onLog: this.options.onFunctionLog,
      // The function's config as the stack synthesizes it, with the values Terraform would resolve.
      env: {
        // The function's Resource Principal: token and key files, as OCI Functions mounts them.
        ...this.credentials.resourcePrincipalEnv,
        ...resolvedFunctionConfig(this.topology, { [FUNCTION_CONFIG_KEYS.streamId]: LOCAL_STREAM_ID, [FUNCTION_CONFIG_KEYS.streamEndpoint]: streamingEndpoint }),
        FN_APP_NAME: 'claimcheck-local',
        FN_FN_NAME: 'publisher',
        FN_FN_ID: LOCAL_FUNCTION_ID,
        FN_MEMORY: String(this.topology.functionMemoryMb),
        FN_TYPE: 'sync',
      },
    });
  }
}

/** Synthesizes the sample stack, or runs the team's app (`options.stack`), into the data dir and reads the pipeline. */
async function synthesizeTopology(options: LocalCircuitOptions): Promise<StackTopology> {
  const outdir = join(options.dataDir, 'cdktf.out');
  const env = options.stackEnv ?? process.env;
  if (options.stack?.kind === 'app') {
    const stack = await synthesizeUserApp(options.stack, { outdir, env, onOutput: options.onSynthOutput });
    try {
      return readStackTopology(stack.json, { pipeline: options.stack.pipeline });
    } catch (error) {
      throw new StackSourceError(`${(error as Error).message} (${stack.file})`);
    }
  }
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

/** `serviceLatencyMs`: one latency fault on every operation of each emulator (none for 0). */
function addServiceLatency(injectors: FaultInjector[], latencyMs: number): void {
  if (latencyMs === 0) return;
  for (const faults of injectors) faults.add({ kind: 'latency', operation: '*', latencyMs });
}
