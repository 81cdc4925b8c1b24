/**
 * `claimcheck reconcile`: one ClaimCheckReconciler pass, against the local circuit (`--data DIR` of a running
 * `claimcheck local --data DIR`, whose circuit.json says where everything is) or against OCI (`--stream-id`,
 * `--messages-endpoint`, `--bucket`, with an API key profile from `--config-file`/`--profile`).
 *
 * Exit status: 0 nothing was (or, with --dry-run, would be) republished; 3 something was; 1 the run failed, an
 * object could not be handled, or it was stopped early (SIGINT/SIGTERM; run it again to resume); 2 a bad command
 * line (bin/claimcheck.ts).
 */
import * as common from 'oci-common';
import { ClaimCheckReconciler, ClaimCheckReconcilerOptions, FilePositionStore, ReconcileProgress, ReconcileResult } from '../reconciler';
import { newObjectStorageClient } from '../runtime/oci-sdk-clients';
import { readCircuitDescriptor } from './circuit-descriptor';

export const RECONCILE_EXIT = { nothingRepublished: 0, failed: 1, republished: 3 } as const;

export interface ReconcileCommandOptions {
  /** Local mode: the circuit's data dir. */
  readonly dataDir?: string;
  /** OCI mode. */
  readonly oci?: {
    readonly configFile?: string;
    readonly profile?: string;
    readonly streamId: string;
    readonly messagesEndpoint: string;
    readonly bucket: string;
    readonly namespace?: string;
    readonly stateBucket?: string;
    readonly objectStorageEndpoint?: string;
    readonly region?: string;
  };
  readonly groups: readonly string[];
  readonly prefix?: string;
  readonly since?: Date;
  readonly retentionHours?: number;
  readonly dryRun: boolean;
  readonly backfill: boolean;
  readonly json: boolean;
  readonly partitions?: number;
  readonly positionFile?: string;
  readonly pageSize?: number;
  readonly pagesPerSecond?: number;
  readonly out?: NodeJS.WritableStream;
  readonly err?: NodeJS.WritableStream;
  /** Stops the run at the next page boundary (the CLI wires SIGINT/SIGTERM to it). */
  readonly signal?: AbortSignal;
}

export async function runReconcileCommand(options: ReconcileCommandOptions): Promise<number> {
  const out = options.out ?? process.stdout;
  const err = options.err ?? process.stderr;
  const target = options.dataDir !== undefined ? await localTarget(options.dataDir) : await ociTarget(options.oci!);
  let latest: ReconcileProgress | null = null;
  const started = Date.now();
  // A progress line on stderr once a second, from the first second on (short runs print none).
  const ticker = setInterval(() => {
    if (latest) err.write(`${progressLine(latest, Date.now() - started)}\n`);
  }, 1000);
  ticker.unref();
  let result: ReconcileResult;
  try {
    const reconciler = new ClaimCheckReconciler({
      ...target,
      groups: [...options.groups],
      prefix: options.prefix,
      since: options.since,
      streamRetentionHours: options.retentionHours ?? target.streamRetentionHours,
      dryRun: options.dryRun,
      backfill: options.backfill,
      partitions: options.partitions ?? target.partitions,
      pageSize: options.pageSize,
      pagesPerSecond: options.pagesPerSecond,
      ...(options.positionFile !== undefined ? { position: new FilePositionStore(options.positionFile) } : {}),
      onProgress: (p) => (latest = p),
    });
    result = await reconciler.run({ signal: options.signal });
  } finally {
    clearInterval(ticker);
  }
  if (options.json) out.write(`${JSON.stringify(result)}\n`);
  else out.write(humanSummary(result));
  if (result.failure !== null || result.errors > 0 || result.stopped) return RECONCILE_EXIT.failed;
  return result.republished > 0 ? RECONCILE_EXIT.republished : RECONCILE_EXIT.nothingRepublished;
}

type Target = Pick<
  ClaimCheckReconcilerOptions,
  'authenticationDetailsProvider' | 'namespace' | 'bucket' | 'streamId' | 'messagesEndpoint' | 'objectStorageEndpoint' | 'stateBucket' | 'region' | 'partitions' | 'streamRetentionHours'
>;

async function localTarget(dataDir: string): Promise<Target> {
  const circuit = readCircuitDescriptor(dataDir);
  // Fail fast when nothing listens there (the SDK would retry a refused connection for half a minute).
  for (const endpoint of [circuit.objectStorageEndpoint, circuit.messagesEndpoint]) {
    try {
      const response = await fetch(`${endpoint}/_emulator/health`, { signal: AbortSignal.timeout(3000) });
      await response.body?.cancel();
    } catch (e) {
      throw new Error(`The local circuit of ${dataDir} does not answer at ${endpoint} (${(e as Error).message}); is \`claimcheck local --data ${dataDir}\` running?`);
    }
  }
  return {
    authenticationDetailsProvider: new common.ConfigFileAuthenticationDetailsProvider(circuit.ociConfigFile, 'DEFAULT'),
    namespace: circuit.namespace,
    bucket: circuit.bucket,
    streamId: circuit.streamId,
    messagesEndpoint: circuit.messagesEndpoint,
    objectStorageEndpoint: circuit.objectStorageEndpoint,
    stateBucket: { bucket: circuit.stateBucket },
    region: circuit.region,
    partitions: circuit.partitions,
    streamRetentionHours: circuit.retentionInHours,
  };
}

async function ociTarget(oci: NonNullable<ReconcileCommandOptions['oci']>): Promise<Target> {
  const provider = new common.ConfigFileAuthenticationDetailsProvider(oci.configFile, oci.profile);
  let namespace = oci.namespace;
  if (namespace === undefined) {
    // GetNamespace: the tenancy's Object Storage namespace, through the shared client (lib/runtime).
    const client = newObjectStorageClient(provider, { endpoint: oci.objectStorageEndpoint });
    try {
      namespace = (await client.getNamespace({})).value;
    } finally {
      client.close();
    }
  }
  return {
    authenticationDetailsProvider: provider,
    namespace,
    bucket: oci.bucket,
    streamId: oci.streamId,
    messagesEndpoint: oci.messagesEndpoint,
    objectStorageEndpoint: oci.objectStorageEndpoint,
    stateBucket: oci.stateBucket !== undefined ? { bucket: oci.stateBucket } : undefined,
    region: oci.region,
  };
}

function progressLine(p: ReconcileProgress, elapsedMs: number): string {
  const seconds = Math.round(elapsedMs / 1000);
  if (p.phase === 'index') return `reconcile ${seconds}s: reading the stream, ${p.messagesRead} messages, ${p.claimsIndexed} object states claimed`;
  return (
    `reconcile ${seconds}s: listed ${p.listed}  already claimed ${p.alreadyClaimed}  republished ${p.republished}  ` +
    `own state ${p.skippedOwnState}  outside horizon ${p.skippedOutsideHorizon}  errors ${p.errors}`
  );
}

function humanSummary(r: ReconcileResult): string {
  const lines = [
    `claim-check reconcile${r.dryRun ? ' (dry run: nothing published)' : ''}${r.backfill ? ' (backfill)' : ''}`,
    `  listed                 ${r.listed}${r.resumedAfter !== null ? ` (resumed after ${JSON.stringify(r.resumedAfter)})` : ''}`,
    `  already claimed        ${r.alreadyClaimed}   (${r.claimsIndexed} object states claimed on ${r.partitions} partitions)`,
    `  ${r.dryRun ? 'would republish' : 'republished    '}        ${r.republished}`,
    `  skipped (own state)    ${r.skippedOwnState}`,
    `  skipped (before ${r.since ?? 'any horizon'})  ${r.skippedOutsideHorizon}`,
    `  errors                 ${r.errors}`,
    ...(r.failure !== null ? [`  failed: ${r.failure}`] : []),
    ...r.problems.map((p) => `  problem: ${p}`),
    ...(r.stopped ? ['  stopped early: run the same command again to resume'] : []),
    '',
  ];
  return lines.join('\n');
}
