/**
 * A team's own handler on the local circuit (`claimcheck demo --consumer-entry path/to/handler.ts`), run the way the
 * constructs deploy it:
 *
 * - fleet (default): the handler bundled with the fleet's generated entry, exactly the `main.js` the
 *   `ClaimCheckConsumerFleet` image runs (lib/bundling/handler-entry.ts), as K consumer processes with the
 *   environment the construct gives each container, a resource principal of type `computecontainerinstance` minted
 *   by the local identity (verified by the emulators like the real one), and the outcome lines the demo counts;
 * - serverless (`--serverless`): the handler bundled with the serverless consumer's generated entry, under the Fn
 *   FDK like the publisher (lib/local/fdk-process.ts), fed by the Connector Hub emulator
 *   (lib/emulators/connector-hub) reading the stream.
 *
 * The configuration keys are the ones the constructs write (lib/contract/consumer-config.ts); only the endpoints
 * (local emulators) and the demo's faster polling differ.
 */
import { join } from 'node:path';
import { bundleHandlerEntry } from '../bundling/handler-entry';
import { CONSUMER_CONFIG_KEYS as K } from '../contract/consumer-config';
import { createLocalResourcePrincipal } from '../emulators/common/resource-principal';
import { ConnectorHubEmulator } from '../emulators/connector-hub';
import { loadOrCreateLocalIdentity, LOCAL_REGION, LOCAL_TENANCY } from '../emulators/local-identity';
import { withTimeout } from '../runtime/deadline';
import type { LocalCircuit } from './circuit';
import { ConsumerProcess } from './consumer-process';
import type { DemoOutcomeLine } from './demo-consumer';
import { FdkProcess, LogLine } from './fdk-process';

/** What the demo needs of a consumer: it is up, and it stops. */
export interface LocalConsumer {
  readonly ready: Promise<void>;
  stop(): Promise<void>;
}

export interface HandlerConsumersOptions {
  readonly circuit: LocalCircuit;
  /** The circuit's data dir (its local identity is in `<dataDir>/identity`); bundles go under it too. */
  readonly dataDir: string;
  /** The handler file. */
  readonly entry: string;
  readonly groupName: string;
  /** Fleet replicas (consumer processes). */
  readonly count: number;
  readonly onOutcome: (line: DemoOutcomeLine) => void;
  readonly onAbnormalExit?: (message: string) => void;
  /** Serverless: messages per invocation. @default 10 */
  readonly batchSizeInNum?: number;
  /** Serverless: seconds a batch waits to fill. @default 1 (the service default is larger; the demo is short) */
  readonly batchTimeInSec?: number;
}

/** The demo's tuning on top of the constructs' configuration: the demo-consumer's values, for a quick demo. */
const DEMO_TUNING = {
  [K.pollIntervalMs]: '200',
  [K.groupCursorTimeoutMs]: '5000',
  [K.retryBaseMs]: '100',
  [K.retryMaxMs]: '2000',
};

/** The configuration both constructs write, with the circuit's values. */
function commonConfig(circuit: LocalCircuit, groupName: string): Record<string, string> {
  return {
    [K.bucketNamespace]: circuit.namespace,
    [K.bucketName]: circuit.bucketName,
    [K.stateBucketNamespace]: circuit.namespace,
    [K.stateBucketName]: circuit.stateBucketName,
    [K.groupName]: groupName,
    [K.auth]: 'resource_principal',
    [K.objectStorageEndpoint]: circuit.objectStorage.endpoint,
    [K.reportOutcomes]: '1',
  };
}

/** A resource principal for a local resource of `resourceType`, as files (the way OCI mounts them). */
function resourcePrincipalEnv(o: HandlerConsumersOptions, resourceType: string, resourceId: string): Record<string, string> {
  const identity = loadOrCreateLocalIdentity(join(o.dataDir, 'identity'));
  return createLocalResourcePrincipal({
    issuerKey: identity.issuer,
    tenancyId: LOCAL_TENANCY,
    compartmentId: o.circuit.topology.compartmentId,
    resourceId,
    resourceType,
    region: LOCAL_REGION,
    ttlSeconds: 24 * 3600,
    writeToDirectory: join(o.dataDir, 'identity', `rp-${resourceId.split('.').pop()}`),
  }).env;
}

/**
 * K processes running the fleet's bundled entry (`node main.js`), one consumer group: what the fleet's replicas are.
 */
export function startFleetEntryConsumers(o: HandlerConsumersOptions): ConsumerProcess[] {
  const bundle = join(o.dataDir, 'consumer-entry', 'fleet', 'main.js');
  bundleHandlerEntry(o.entry, 'fleet', bundle);
  return Array.from({ length: o.count }, (_, i) => {
    const instanceName = `replica-${i + 1}`;
    return new ConsumerProcess({
      circuit: o.circuit,
      groupName: o.groupName,
      instanceName,
      command: { command: process.execPath, args: [bundle] },
      env: {
        ...commonConfig(o.circuit, o.groupName),
        [K.streamId]: o.circuit.streamId,
        [K.messagesEndpoint]: o.circuit.streaming.endpoint,
        [K.instanceName]: instanceName,
        ...DEMO_TUNING,
        ...resourcePrincipalEnv(o, 'computecontainerinstance', `ocid1.computecontainerinstance.oc1.iad.localreplica${i + 1}`),
      },
      onOutcome: o.onOutcome,
      onAbnormalExit: o.onAbnormalExit,
    });
  });
}

/** The serverless consumer's function, locally: its bundle under the FDK, fed batches by the Connector Hub emulator. */
export class LocalServerlessConsumer implements LocalConsumer {
  public static start(o: HandlerConsumersOptions): LocalServerlessConsumer {
    return new LocalServerlessConsumer(o);
  }

  public readonly ready: Promise<void>;
  private connector?: ConnectorHubEmulator;
  private readonly invoker: FunctionInvoker;

  private constructor(o: HandlerConsumersOptions) {
    const bundle = join(o.dataDir, 'consumer-entry', 'serverless', 'func.js');
    bundleHandlerEntry(o.entry, 'serverless', bundle);
    const functionId = 'ocid1.fnfunc.oc1.iad.localserverlessconsumer';
    this.invoker = new FunctionInvoker(
      bundle,
      {
        ...commonConfig(o.circuit, o.groupName),
        [K.streamId]: o.circuit.streamId,
        ...resourcePrincipalEnv(o, 'fnfunc', functionId),
        FN_APP_NAME: 'claimcheck-local',
        FN_FN_NAME: 'serverless-consumer',
        FN_FN_ID: functionId,
        FN_TYPE: 'sync',
      },
      (line) => {
        if (line.stream !== 'stdout' || line.json?.type !== 'outcome') return;
        o.onOutcome(line.json as unknown as DemoOutcomeLine);
      },
      (message) => o.onAbnormalExit?.(message),
    );
    this.ready = this.invoker.start().then(() => {
      this.connector = ConnectorHubEmulator.start({
        dataDir: join(o.dataDir, 'connector-hub'),
        streamId: o.circuit.streamId,
        streamName: 'claims',
        partitions: o.circuit.topology.partitions,
        messagesEndpoint: o.circuit.streaming.endpoint,
        authenticationDetailsProvider: o.circuit.authProvider(),
        batchSizeInNum: o.batchSizeInNum ?? 10,
        batchTimeInSec: o.batchTimeInSec ?? 1,
        retryBaseMs: 100,
        retryMaxMs: 2000,
        invoke: (batch) => this.invoker.invoke(batch),
        onInvocation: (event) => {
          if (event.status !== 200) o.onAbnormalExit?.(`serverless consumer: batch of ${event.messages} (partition ${event.partition}) failed: ${event.detail}`);
        },
      });
    });
    this.ready.catch(() => undefined);
  }

  public get stats() {
    return { connector: this.connector?.stats, invocations: this.invoker.invocations };
  }

  /** The last offset the connector delivered (and the function acknowledged), per partition. */
  public get deliveredPositions(): Readonly<Record<string, number>> {
    return this.connector?.deliveredPositions ?? {};
  }

  /** Stops reading, then the function (a call in flight is cut, not waited for), then waits for the connector. */
  public async stop(): Promise<void> {
    const connector = this.connector?.stop();
    await this.invoker.stop();
    await connector;
  }
}

/**
 * One function container: the bundle under the FDK, one call at a time, a call past its deadline kills the
 * process (as Fn does), and a dead process is started again on the next call.
 */
class FunctionInvoker {
  public invocations = 0;
  private process?: FdkProcess;
  private starting?: Promise<FdkProcess>;
  private stopped = false;

  constructor(
    private readonly bundle: string,
    private readonly env: Record<string, string>,
    private readonly onLog: (line: LogLine) => void,
    private readonly onCrash: (message: string) => void,
    /** The function's timeout (the construct's default). */
    private readonly timeoutMs = 300_000,
  ) {}

  public async start(): Promise<void> {
    await this.ensure();
  }

  public async invoke(body: string): Promise<{ status: number; body: string }> {
    if (this.stopped) return { status: 503, body: 'stopped' };
    const fn = await this.ensure();
    this.invocations++;
    const deadline = new Date(Date.now() + this.timeoutMs);
    try {
      const response = await withTimeout(this.timeoutMs, (signal) => fn.invoke(body, { deadline, signal }), { timeoutError: () => new Error('Timed out') });
      return { status: response.status, body: response.body };
    } catch (error) {
      await fn.kill();
      return { status: 504, body: (error as Error).message };
    }
  }

  public async stop(): Promise<void> {
    this.stopped = true;
    await this.starting?.catch(() => undefined);
    await this.process?.stop();
  }

  private async ensure(): Promise<FdkProcess> {
    if (this.process?.alive) return this.process;
    if (this.process && !this.process.alive) this.onCrash(`serverless consumer function exited (${JSON.stringify(this.process.exitInfo)}); starting a new one`);
    this.starting ??= FdkProcess.start(this.bundle, this.env).then((fn) => {
      fn.onLog = this.onLog;
      this.process = fn;
      this.starting = undefined;
      return fn;
    });
    this.starting.catch(() => (this.starting = undefined));
    return this.starting;
  }
}

/** The demo's consumers for `--consumer-entry`: the fleet's processes, or the serverless consumer. */
export function handlerConsumers(o: HandlerConsumersOptions & { readonly serverless?: boolean }): LocalConsumer[] {
  return o.serverless ? [LocalServerlessConsumer.start(o)] : startFleetEntryConsumers(o);
}
