import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { FUNCTION_CONFIG_KEYS, matchesObjectFilter, ObjectFilter, parseObjectFiltersByBucket } from '../contract';
import { ClaimCheckReconciler, ReconcileResult } from '../reconciler';
import { LocalCircuit } from './circuit';
import { ConsumeCommand, ConsumerProcess, sameProgramConsumeCommand } from './consumer-process';
import { DemoFile, demoFileList, directoryFileList } from './demo-files';
import { handlerConsumers, LocalConsumer } from './handler-consumers';
import { describeStackSource } from './local-command';
import { DemoSummary, OutcomeTracker } from './outcome-tracker';
import { uploadFiles } from './upload-files';
import { CircuitStackSource, StackSourceError } from './user-app';

export type { DemoSummary } from './outcome-tracker';

export interface DemoOptions {
  /** Number of generated files (ignored with `fromDir`). */
  readonly files: number;
  /** Upload every file under this directory instead, named by its relative path. */
  readonly fromDir?: string;
  /** Consumer processes in the group. */
  readonly consumers: number;
  /** Print the summary as one JSON line at the end. */
  readonly json: boolean;
  /** Keep state here (and leave it); default a temp dir removed at the end. */
  readonly dataDir?: string;
  /** Give up waiting for outcomes after this long (the missing files count as lost). */
  readonly timeoutSeconds: number;
  /** How to start a consumer process. @default this program with `consume` */
  readonly consumeCommand?: ConsumeCommand;
  /** Where the human summary and the JSON line go. @default process.stdout */
  readonly out?: NodeJS.WritableStream;
  /** Where progress goes. @default process.stderr */
  readonly progress?: NodeJS.WritableStream;
  /** Lose this share (0..1) of the object events (the same files each run), then reconcile. */
  readonly dropEvents?: number;
  /** Put this many files (`preloaded/…`) in the bucket before the pipeline starts: they raise no events. */
  readonly preload?: number;
  /** Reconcile as a backfill (every object republished). */
  readonly backfill?: boolean;
  /**
   * A claim handler file: the consumers run it the way `ClaimCheckConsumerFleet` deploys it (the fleet's bundled
   * entry, `consumers` processes) or, with `serverless`, the way `ClaimCheckServerlessConsumer` does (its function
   * under the FDK, fed by the Connector Hub emulator). lib/local/handler-consumers.ts.
   */
  readonly consumerEntry?: string;
  readonly serverless?: boolean;
  /**
   * Synthesize the sample stack with this object filter (`objectFilters`): uploads it excludes are counted as
   * `filtered` and must not be processed.
   */
  readonly objectFilter?: ObjectFilter;
  /** Function containers side by side (`--function-concurrency`). @default DEFAULT_FUNCTION_CONCURRENCY (lib/local/circuit.ts) */
  readonly functionConcurrency?: number;
  /**
   * Every call to the emulated Object Storage and Streaming waits this long first (`--service-latency`), as a call
   * to a region does: what `functionConcurrency` and `consumers` gain where calls wait rather than compute.
   * @default 0 (LocalCircuitOptions.serviceLatencyMs)
   */
  readonly serviceLatencyMs?: number;
  /**
   * The stack: the package's sample stack (default), or one pipeline of the team's own cdktf app (`--app`, or the
   * cdktf.json of the current directory; lib/local/user-app.ts). The sample stack's variables (CLAIMCHECK_PARTITIONS,
   * CLAIMCHECK_OBJECT_FILTERS) are in the app's environment too; what counts is what its stack synthesizes.
   */
  readonly stack?: CircuitStackSource;
}

const CONSUMER_GROUP = 'claimcheck-demo';
/** Which events `--drop-events` loses depends on this seed and the object names only. */
const DROP_SEED = 'claimcheck-demo';

/**
 * `claimcheck demo`: the whole circuit on this machine. Uploads files through the real Object Storage SDK,
 * lets the events emulator invoke the real function bundle, which publishes claim checks to the streaming
 * emulator, where K consumer processes (one consumer group) fetch and verify every object. A file is lost when
 * no consumer reached a final outcome for it (processed, skipped or dead-lettered) before the timeout.
 *
 * With `dropEvents`, `preload` or `backfill` the event path is not enough on its own: once it is done (every event
 * delivered or lost, every claim on the stream decided) the demo says how many files are still pending, runs the
 * reconciler (lib/reconciler) for its consumer group, and then waits for every file.
 */
export async function runDemo(options: DemoOptions): Promise<DemoSummary> {
  const out = options.out ?? process.stdout;
  const progress = options.progress ?? process.stderr;
  // Made (or read) one at a time as they are uploaded: the demo holds names, not contents.
  const files = options.fromDir ? directoryFileList(options.fromDir) : demoFileList(options.files);
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'claimcheck-demo-'));
  // At least one partition per consumer, or the extra consumers idle.
  const stackEnv = {
    ...process.env,
    CLAIMCHECK_PARTITIONS: process.env.CLAIMCHECK_PARTITIONS || String(Math.max(2, options.consumers)),
    ...(options.objectFilter ? { CLAIMCHECK_OBJECT_FILTERS: JSON.stringify(options.objectFilter) } : {}),
  };

  const latency = options.serviceLatencyMs ? `, every service call ${options.serviceLatencyMs} ms` : '';
  progress.write(`claimcheck demo: ${files.length} files, ${options.consumers} consumers${latency}, state in ${dataDir}\n`);
  if (options.stack?.kind === 'app') progress.write(`synthesizing your app: ${options.stack.command} (${options.stack.origin})\n`);
  const dropShare = options.dropEvents ?? 0;
  const circuit = await LocalCircuit.start({
    dataDir,
    stackEnv,
    dropEvents: dropShare > 0 ? { share: dropShare, seed: DROP_SEED } : undefined,
    functionConcurrency: options.functionConcurrency,
    serviceLatencyMs: options.serviceLatencyMs,
    stack: options.stack,
    onSynthOutput: (chunk) => progress.write(chunk.replace(/^(?=.)/gm, '[synth] ')),
  });
  const reconcile = dropShare > 0 || (options.preload ?? 0) > 0 || options.backfill === true;
  const preloaded = demoFileList(options.preload ?? 0, 'preloaded/');
  const tracker = new OutcomeTracker();
  const consumers: LocalConsumer[] = Array.from(
    { length: options.consumerEntry ? 0 : options.consumers },
    (_, i) =>
      new ConsumerProcess({
        circuit,
        groupName: CONSUMER_GROUP,
        instanceName: `consumer-${i + 1}`,
        command: options.consumeCommand ?? sameProgramConsumeCommand(),
        onOutcome: (line) => tracker.record(line),
        onAbnormalExit: (message) => progress.write(`${message}\n`),
      }),
  );
  try {
    progress.write(`stack ${describeStackSource(circuit)}: bucket ${circuit.bucketName}, ${circuit.topology.partitions} partitions\n`);
    checkObjectFilterApplied(circuit, options.objectFilter);
    if (circuit.topology.partitions < options.consumers) {
      progress.write(`the stream has ${circuit.topology.partitions} partitions: ${options.consumers - circuit.topology.partitions} of the ${options.consumers} consumers will idle\n`);
    }
    if (options.consumerEntry) {
      // The team's own handler, run as the fleet (or the serverless consumer) would run it.
      consumers.push(
        ...handlerConsumers({
          circuit,
          dataDir,
          entry: options.consumerEntry,
          serverless: options.serverless,
          groupName: CONSUMER_GROUP,
          count: options.consumers,
          onOutcome: (line) => tracker.record(line),
          onAbnormalExit: (message) => progress.write(`${message}\n`),
        }),
      );
    }
    const deadline = Date.now() + options.timeoutSeconds * 1000;
    // Each file's SHA-256 is noted right before its upload, when its content is made (or read).
    const noteSha = (file: DemoFile) => tracker.uploadedSha.set(file.name, file.sha256);
    let preloadedNames: string[] = [];
    if (preloaded.length > 0) {
      // Before the pipeline: the bucket's object events are not on yet, so these files raise none.
      circuit.setObjectEvents(false);
      preloadedNames = await uploadFiles(circuit, preloaded, { onUploading: noteSha });
      circuit.setObjectEvents(true);
      progress.write(`preloaded ${preloaded.length} files before the pipeline started (no object events)\n`);
    }
    await Promise.all(consumers.map((c) => c.ready));
    const uploaded = [...preloadedNames, ...(await uploadFiles(circuit, files, { onUploading: noteSha }))];
    // What the stack's object filter excludes never becomes a claim: not expected, counted as filtered.
    const bucketFilter = objectFilterOf(circuit);
    const excluded = new Set(uploaded.filter((name) => !matchesObjectFilter(name, bucketFilter)));
    const expected = uploaded.filter((name) => !excluded.has(name));
    if (excluded.size > 0) progress.write(`${excluded.size} of ${uploaded.length} uploads are excluded by the object filter: no claim expected for them\n`);
    const report = (pending: number) => {
      const s = tracker.summary(uploaded, circuit.publishedCount(), excluded);
      progress.write(
        `uploaded ${s.uploaded}  filtered ${s.filtered}  published ${s.published}  processed ${s.processed}  skipped ${s.skipped}  dead-lettered ${s.deadLettered}  pending ${pending}\n`,
      );
    };
    let reconciled: ReconcileResult | undefined;
    let pendingAfterEvents = 0;
    if (reconcile) {
      // The event path first: every event delivered (or lost), every claim on the stream decided.
      await circuit.events.drain(Math.max(1, deadline - Date.now()));
      // Every event delivered (or lost): the claims on the stream are all there is from the event path.
      const claimed = claimedNames(circuit);
      await tracker.waitForAll(() => claimed, Math.max(0, deadline - Date.now()), report);
      pendingAfterEvents = expected.filter((name) => !tracker.done(name)).length;
      progress.write(
        `after the event path: ${pendingAfterEvents} of ${expected.length} files pending ` +
          `(${circuit.events.stats.dropped} object events lost, ${preloaded.length} files preloaded without events); reconciling\n`,
      );
      reconciled = await new ClaimCheckReconciler({
        authenticationDetailsProvider: circuit.authProvider(),
        namespace: circuit.namespace,
        bucket: circuit.bucketName,
        streamId: circuit.streamId,
        messagesEndpoint: circuit.streaming.endpoint,
        objectStorageEndpoint: circuit.objectStorage.endpoint,
        region: circuit.region,
        partitions: circuit.topology.partitions,
        groups: [CONSUMER_GROUP],
        stateBucket: { bucket: circuit.stateBucketName },
        backfill: options.backfill === true,
        ...(bucketFilter ? { objectFilter: bucketFilter } : {}),
      }).run();
      progress.write(
        `reconcile: listed ${reconciled.listed}, already claimed ${reconciled.alreadyClaimed}, republished ${reconciled.republished}, errors ${reconciled.errors}` +
          `${reconciled.failure ? ` (failed: ${reconciled.failure})` : ''}\n`,
      );
    }
    const finished = await tracker.waitForAll(() => expected, Math.max(0, deadline - Date.now()), report);
    const summary = tracker.summary(uploaded, circuit.publishedCount(), excluded);
    if (!finished) progress.write(`timed out after ${options.timeoutSeconds} s\n`);
    out.write(humanSummary(summary, tracker, circuit, reconciled && { result: reconciled, pendingAfterEvents }));
    if (options.json) out.write(`${JSON.stringify(summary)}\n`);
    return summary;
  } finally {
    await Promise.all(consumers.map((c) => c.stop()));
    await circuit.stop();
    if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * `--object-filter` sets the sample stack's CLAIMCHECK_OBJECT_FILTERS; a team's app may not read it. The demo counts
 * by the filter the stack applies, so a different one is refused rather than silently ignored.
 */
function checkObjectFilterApplied(circuit: LocalCircuit, wanted: ObjectFilter | undefined): void {
  if (wanted === undefined) return;
  const applied = objectFilterOf(circuit);
  if (!isDeepStrictEqual(JSON.parse(JSON.stringify(applied ?? null)), JSON.parse(JSON.stringify(wanted)))) {
    throw new StackSourceError(
      `--object-filter is the sample stack's CLAIMCHECK_OBJECT_FILTERS, and the stack that ran applies ${applied ? JSON.stringify(applied) : 'no filter'} ` +
        `to ${circuit.bucketName}: set objectFilters on your ClaimCheckPipeline instead (the demo counts by what the stack applies)`,
    );
  }
}

/** The synthesized stack's object filter for the circuit's bucket (the function's OBJECT_FILTERS), if any. */
function objectFilterOf(circuit: LocalCircuit): ObjectFilter | undefined {
  const text = circuit.topology.functionConfig[FUNCTION_CONFIG_KEYS.objectFilters];
  return text ? parseObjectFiltersByBucket(text)[circuit.bucketName] : undefined;
}

/** Objects that have a claim on the stream so far. */
function claimedNames(circuit: LocalCircuit): string[] {
  const names = new Set<string>();
  for (const message of circuit.streaming.messages(circuit.streamId)) {
    try {
      const object = JSON.parse(message.value.toString('utf8'))?.data?.object;
      if (typeof object === 'string') names.add(object);
    } catch {
      // not a claim
    }
  }
  return [...names];
}

function humanSummary(
  summary: DemoSummary,
  tracker: OutcomeTracker,
  circuit: LocalCircuit,
  reconciled?: { result: ReconcileResult; pendingAfterEvents: number },
): string {
  const lines = [
    '',
    'claim-check demo summary',
    `  uploaded       ${summary.uploaded}`,
    `  filtered       ${summary.filtered} (excluded by the object filter: no claim)`,
    `  published      ${summary.published} claim checks on the stream`,
    `  processed      ${summary.processed}`,
    `  skipped        ${summary.skipped}`,
    `  dead-lettered  ${summary.deadLettered}`,
    `  lost           ${summary.lost}`,
    `  (processed twice: ${tracker.duplicates().length}; checksum mismatches: ${tracker.checksumMismatches.length}; ` +
      `function invocations: ${circuit.fn.invocations} in ${circuit.fn.containers.length} containers, restarts: ${circuit.fn.restarts}; events retried: ${circuit.events.stats.retries})`,
    ...(reconciled
      ? [
          `  events lost    ${circuit.events.stats.dropped} (on purpose); ${reconciled.pendingAfterEvents} files pending after the event path`,
          `  reconciled     ${reconciled.result.republished} claims republished${reconciled.result.backfill ? ' (backfill)' : ''}, ` +
            `${reconciled.result.alreadyClaimed} already claimed, of ${reconciled.result.listed} listed`,
        ]
      : []),
    '',
  ];
  return lines.join('\n');
}
