/**
 * The scheduled reconciler's function entry: what `ClaimCheckScheduledReconciler` bundles (through a generated entry
 * that calls `runScheduledReconcilerEntry()`) and OCI Resource Scheduler invokes on its schedule. One invocation is
 * one time-boxed `ClaimCheckReconciler` pass per source bucket of the pipeline:
 *
 *   budget = the invocation's time (the FDK's deadline, capped by the function's timeout) − a margin
 *            (lib/contract/reconciler-config.ts, `reconcileMarginMs`: 10 %, 2 to 30 s)
 *   sources in the pipeline's order, those with an unfinished position first (so a large bucket cannot starve the
 *   others: the one cut short last time goes first next time)
 *   each: `run({signal})` with the budget's signal → stops at a page boundary with its position saved in the consumer
 *         state bucket; the next invocation resumes there
 *
 * With backfill on, a source whose backfill has not finished yet (no `done` position record for the backfill run) gets
 * a backfill pass instead: every object republished once (claimorigin `backfill`), over as many invocations as it
 * takes; afterwards it is reconciled like the others. The invocation answers a per-source summary, and fails (the FDK
 * answers 502, the detached invocation counts as failed) when a pass failed; the next one starts where it stopped.
 */
import * as fdk from '@fnproject/fdk';
import type { FnContext } from '@fnproject/fdk';
import { reconcileMarginMs } from '../../contract/reconciler-config';
import { Clock, systemClock } from '../../runtime/clock';
import { errorMessage } from '../../runtime/errors';
import { lazyRetrying } from '../../runtime/lazy-retrying';
import { jsonLinesLogger, Logger, LogSink, namespaced } from '../../runtime/logger';
import { buildReconcilerClients, createReconcilerAuthProvider, ReconcilerObjectStorageApi, ReconcilerStreamApi } from '../clients';
import { BucketPositionStore, RunIdentity, sameRun } from '../position-store';
import { ClaimCheckReconciler, DEFAULT_STATE_PREFIX, positionObjectName, ReconcileResult } from '../reconciler';
import { readScheduledReconcilerConfig, ReconcileSource, ScheduledReconcilerConfig } from './entry-config';

export interface ScheduledEntryOptions {
  /** @default process.env (OCI passes the function's config as environment variables) */
  readonly env?: NodeJS.ProcessEnv;
  readonly logSink?: LogSink;
  readonly clock?: Clock;
  /** Tests and custom transports: the SDK clients and the objects' region. @default built from `auth` */
  readonly clients?: { readonly objectStorage: ReconcilerObjectStorageApi; readonly stream: ReconcilerStreamApi; readonly region: string };
}

/** What one source got in one invocation. */
export interface SourcePass {
  readonly namespace: string;
  readonly bucket: string;
  /** `not-reached`: the budget ran out before this source's turn (it goes first next time only if it was cut short). */
  readonly mode: 'reconcile' | 'backfill' | 'not-reached';
  readonly result?: Pick<
    ReconcileResult,
    'listed' | 'alreadyClaimed' | 'republished' | 'skippedFiltered' | 'skippedOutsideHorizon' | 'errors' | 'resumedAfter' | 'stopped' | 'failure'
  >;
}

/** The invocation's answer. */
export interface ScheduledRunResult {
  /** Milliseconds the passes were given (the invocation's time less the margin). */
  readonly budgetMs: number;
  readonly durationMs: number;
  readonly sources: readonly SourcePass[];
}

/** Serves Resource Scheduler's invocations under the Fn FDK (the generated entry's only call). */
export function runScheduledReconcilerEntry(options: ScheduledEntryOptions = {}): void {
  // The payload is not used: every invocation does the same, whoever sends it.
  fdk.handle(createScheduledReconcilerHandler(options), { inputMode: 'string' });
}

interface Runtime {
  readonly config: ScheduledReconcilerConfig;
  readonly clients: { readonly objectStorage: ReconcilerObjectStorageApi; readonly stream: ReconcilerStreamApi };
  readonly region: string;
}

interface PlannedPass {
  readonly source: ReconcileSource;
  readonly mode: 'reconcile' | 'backfill';
  readonly unfinished: boolean;
}

/** The FDK handler: one time-boxed round over the sources per call. */
export function createScheduledReconcilerHandler(options: ScheduledEntryOptions = {}): (input: string, ctx: FnContext) => Promise<ScheduledRunResult> {
  const env = options.env ?? process.env;
  const clock = options.clock ?? systemClock;
  const sink = options.logSink ?? jsonLinesLogger({ level: 'info' });
  const log = namespaced(sink, 'claim-reconciler-scheduled');
  // Built on the first call and kept while the container is warm (a configuration problem answers that call and is
  // logged); a failed build is tried again.
  const getRuntime = lazyRetrying(() => buildRuntime(env, options));

  return async (_input, ctx) => {
    const started = clock.now();
    let built: Runtime;
    try {
      built = await getRuntime();
    } catch (error) {
      log.log('error', 'invalid-configuration', { error: errorMessage(error) });
      throw error;
    }
    const { config } = built;
    const fdkDeadline = ctx?.deadline instanceof Date && !Number.isNaN(ctx.deadline.getTime()) ? ctx.deadline.getTime() : Infinity;
    const invocationMs = Math.max(0, Math.min(fdkDeadline, started + config.timeoutMs) - started);
    const marginMs = reconcileMarginMs(invocationMs);
    const budgetMs = invocationMs - marginMs;
    const signal = AbortSignal.timeout(Math.max(1, budgetMs));

    const sources: SourcePass[] = [];
    const failures: string[] = [];
    let plan: PlannedPass[];
    try {
      plan = await planPasses(config, built.clients.objectStorage);
    } catch (error) {
      log.log('error', 'plan-failed', { error: errorMessage(error) });
      throw new Error(`Cannot read the reconciler's positions in ${config.stateBucket.bucket}: ${errorMessage(error)}`);
    }
    for (const step of plan) {
      const { namespace, bucket } = step.source;
      if (budgetMs <= 0 || signal.aborted) {
        sources.push({ namespace, bucket, mode: 'not-reached' });
        continue;
      }
      const result = await passFor(step, built, marginMs, namespaced(sink, 'claim-reconciler')).run({ signal });
      const summary = {
        listed: result.listed,
        alreadyClaimed: result.alreadyClaimed,
        republished: result.republished,
        skippedFiltered: result.skippedFiltered,
        skippedOutsideHorizon: result.skippedOutsideHorizon,
        errors: result.errors,
        resumedAfter: result.resumedAfter,
        stopped: result.stopped,
        failure: result.failure,
      };
      sources.push({ namespace, bucket, mode: step.mode, result: summary });
      if (result.failure !== null) failures.push(`${bucket}: ${result.failure}`);
      logPass(log, step, summary, result);
    }
    const answer: ScheduledRunResult = { budgetMs: Math.max(0, budgetMs), durationMs: clock.now() - started, sources };
    log.log(failures.length > 0 ? 'error' : 'info', 'invocation-done', { ...answer });
    if (failures.length > 0) throw new Error(`Reconcile failed (the next invocation starts where it stopped): ${failures.join('; ')}`);
    return answer;
  };
}

function logPass(log: Logger, step: PlannedPass, summary: NonNullable<SourcePass['result']>, result: ReconcileResult): void {
  const fields = { bucket: step.source.bucket, mode: step.mode, ...summary };
  if (result.stopped && result.listed === 0 && step.mode === 'reconcile') {
    // Stopped before the first page: reading the stream took the whole budget. Every invocation would do the same.
    log.log('warn', 'stopped-before-listing', { ...fields, claimsIndexed: result.claimsIndexed, hint: 'the stream holds more claims than one invocation can read: raise the function timeout or reconcile this bucket from the CLI' });
  } else {
    log.log('info', 'pass-done', fields);
  }
}

function passFor(step: PlannedPass, runtime: Runtime, marginMs: number, logger: LogSink): ClaimCheckReconciler {
  const { config } = runtime;
  return new ClaimCheckReconciler({
    namespace: step.source.namespace,
    bucket: step.source.bucket,
    objectFilter: step.source.objectFilter,
    streamId: config.streamId,
    messagesEndpoint: config.messagesEndpoint,
    clients: runtime.clients,
    region: runtime.region,
    groups: config.groups.length > 0 ? [...config.groups] : undefined,
    stateBucket: { namespace: config.stateBucket.namespace, bucket: config.stateBucket.bucket },
    backfill: step.mode === 'backfill',
    streamRetentionHours: config.retentionHours,
    partitions: config.partitions,
    pagesPerSecond: config.pagesPerSecond,
    pageSize: config.pageSize,
    // The page in flight when the budget ends must still be published within the margin; past that the pass fails
    // with its position before the page, and the next invocation publishes it.
    publishRetryTimeoutMs: Math.max(1_000, Math.floor(marginMs / 2)),
    logger,
  });
}

/** Identity of a source's pass, as the reconciler names its position record. */
function runOf(config: ScheduledReconcilerConfig, source: ReconcileSource, backfill: boolean): RunIdentity {
  return { namespace: source.namespace, bucket: source.bucket, prefix: '', groups: [...config.groups], backfill };
}

/**
 * What each source gets this time, and in which order: a backfill until one has finished (with backfill on), else a
 * reconcile; sources whose pass was cut short first, then the rest in the pipeline's order.
 */
async function planPasses(config: ScheduledReconcilerConfig, objectStorage: ReconcilerObjectStorageApi): Promise<PlannedPass[]> {
  const state = config.stateBucket;
  const recordOf = async (run: RunIdentity) => {
    const store = new BucketPositionStore({ client: objectStorage, namespace: state.namespace, bucket: state.bucket, objectName: positionObjectName(DEFAULT_STATE_PREFIX, run) });
    const { record } = await store.load();
    return record !== null && sameRun(record.run, run) ? record : null;
  };
  const plan: PlannedPass[] = [];
  for (const source of config.sources) {
    if (source.namespace === state.namespace && source.bucket === state.bucket) {
      // No positions there (they would raise object events): always a plain pass from the start.
      plan.push({ source, mode: 'reconcile', unfinished: false });
      continue;
    }
    let mode: PlannedPass['mode'] = 'reconcile';
    let record = null;
    if (config.backfill) {
      record = await recordOf(runOf(config, source, true));
      if (!record?.done) mode = 'backfill';
    }
    if (mode === 'reconcile') record = await recordOf(runOf(config, source, false));
    plan.push({ source, mode, unfinished: record !== null && !record.done });
  }
  return [...plan.filter((p) => p.unfinished), ...plan.filter((p) => !p.unfinished)];
}

async function buildRuntime(env: NodeJS.ProcessEnv, options: ScheduledEntryOptions): Promise<Runtime> {
  const config = readScheduledReconcilerConfig(env);
  if (options.clients) return { config, clients: options.clients, region: config.region ?? options.clients.region };
  const provider = await createReconcilerAuthProvider({ auth: config.auth });
  const built = buildReconcilerClients(provider, { objectStorageEndpoint: config.objectStorageEndpoint, messagesEndpoint: config.messagesEndpoint });
  const region = config.region ?? built.region;
  if (region === null) {
    built.close();
    throw new Error("The principal has no region and CLAIMCHECK_RECONCILE_REGION is not set (it goes into the claims' objectUrl)");
  }
  // Kept for the container's life (warm invocations reuse them); the process ends with the container.
  return { config, clients: built, region };
}
