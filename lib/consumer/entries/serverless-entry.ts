/**
 * The serverless consumer's function entry: what the generated entry calls with the user's handler module. A
 * service connector (Connector Hub) reads the stream and invokes this function with a batch of messages
 * (connector-hub-batch.ts); each message gets the consumer's own per-claim processing (lib/consumer
 * message-processor.ts: parse and allowlist, GetObject with if-match / HEAD for deletes, the handler with
 * `maxAttempts` and backoff, then a dead letter in the state bucket), so the handler runs exactly as in the fleet.
 *
 * What the invocation answers decides what the connector does next:
 * - every message got an outcome (processed, skipped or dead-lettered) → 200 with the counts; the connector moves
 *   on (data a function returns is ignored: D-SCHC, https://docs.oracle.com/en-us/iaas/Content/Logging/Concepts/connectors.htm);
 * - a message got none (the state bucket cannot be written, or the invocation's deadline came first) → the handler
 *   throws, the FDK answers 502, and the connector retries the batch under its retry policy (fnproject/fdk-go
 *   examples/connectorhub-streaming/README.md; a connector failing for a long time is deactivated). Handlers that
 *   already succeeded in that batch run again unless `dedupe` is `markers`.
 *
 * There is no consumer group: the connector keeps its own position in the stream. Poison claims never block it:
 * like in the fleet, they end as dead letters after `maxAttempts`.
 */
import * as fdk from '@fnproject/fdk';
import type { FnContext } from '@fnproject/fdk';
import { parseClaimMessage, RawStreamMessage } from '../../contract';
import { CONSUMER_CONFIG_KEYS } from '../../contract/consumer-config';
import { Clock, systemClock } from '../../runtime/clock';
import { errorMessage } from '../../runtime/errors';
import { lazyRetrying } from '../../runtime/lazy-retrying';
import { jsonLinesLogger, LogSink, namespaced } from '../../runtime/logger';
import { createAuthProvider, createObjectStorageClient, ObjectStorageApi } from '../clients';
import { BucketDeadLetterSink } from '../dead-letter';
import { ObjectStorageProcessedStore } from '../dedupe';
import { ConsumerStoppingError } from '../errors';
import { Interruption, MessageProcessor } from '../message-processor';
import { ConsumerSettings, settingsOf } from '../options';
import { zeroConsumerStats } from '../consumer-stats';
import type { ClaimHandler, ClaimOutcome, ConsumerStats } from '../types';
import { parseConnectorHubBatch, runInObjectOrder } from './connector-hub-batch';
import { readServerlessConfig, ServerlessEntryConfig } from './entry-config';
import { HandlerModule, resolveHandler } from './handler-module';
import { OutcomeReporter } from './outcome-report';

/** How long before the invocation's deadline the batch stops starting work, so the answer still gets out. */
export const SERVERLESS_DEADLINE_MARGIN_MS = 5_000;
/** When the FDK gives no deadline (it always does on OCI): the default function timeout. */
const DEFAULT_INVOCATION_MS = 30_000;
/** Claims in flight per invocation. */
const DEFAULT_CONCURRENCY = 4;

export interface ServerlessBatchResult {
  readonly messages: number;
  readonly processed: number;
  readonly skipped: number;
  readonly deadLettered: number;
}

export interface ServerlessEntryOptions {
  /** @default process.env (OCI passes the function's config as environment variables) */
  readonly env?: NodeJS.ProcessEnv;
  readonly logSink?: LogSink;
  readonly clock?: Clock;
  /** Tests: the Object Storage client. @default the SDK client, authenticated per `auth` */
  readonly objectStorage?: ObjectStorageApi;
}

/** Serves Connector Hub batches with the user's handler under the Fn FDK (the generated entry's only call). */
export function runServerlessEntry(module: HandlerModule, options: ServerlessEntryOptions = {}): void {
  // inputMode 'string': the batch is parsed here, so a body that is not a batch is named as such.
  fdk.handle(createServerlessHandler(module, options), { inputMode: 'string' });
}

interface Runtime {
  readonly config: ServerlessEntryConfig;
  readonly processor: (deadlineAt: number, report: (outcome: ClaimOutcome) => void) => { processor: MessageProcessor; interruption: Interruption; done(): void };
}

/** The FDK handler: one Connector Hub batch per call. */
export function createServerlessHandler(module: HandlerModule, options: ServerlessEntryOptions = {}): (input: string, ctx: FnContext) => Promise<ServerlessBatchResult> {
  const env = options.env ?? process.env;
  const clock = options.clock ?? systemClock;
  const log = namespaced(options.logSink ?? jsonLinesLogger({ level: 'info' }), 'claim-consumer-serverless');
  // Built on the first call, not at import (a configuration problem answers that call and is logged); a failed build
  // is tried again next time.
  const getRuntime = lazyRetrying(() => buildRuntime(module, env, clock, options, log.child('processor')));

  return async (input, ctx) => {
    const started = clock.now();
    let built: Runtime;
    try {
      built = await getRuntime();
    } catch (error) {
      log.log('error', 'invalid-configuration', { error: errorMessage(error) });
      throw error;
    }
    const messages = parseConnectorHubBatch(input);
    const deadlineAt = ctx.deadline && !Number.isNaN(ctx.deadline.getTime()) ? ctx.deadline.getTime() : started + DEFAULT_INVOCATION_MS;
    const tally = { processed: 0, skipped: 0, deadLettered: 0 };
    const { processor, interruption, done } = built.processor(deadlineAt, (outcome) => {
      if (outcome.status === 'processed') tally.processed++;
      else if (outcome.status === 'skipped') tally.skipped++;
      else tally.deadLettered++;
    });
    let failures: unknown[];
    try {
      failures = await runInObjectOrder(messages, objectOf, built.config.concurrency ?? DEFAULT_CONCURRENCY, (message) => processor.process(message, interruption));
    } finally {
      done();
    }
    const result: ServerlessBatchResult = { messages: messages.length, ...tally };
    if (failures.length > 0) {
      log.log('error', 'batch-failed', { ...result, unresolved: failures.length, error: errorMessage(failures[0]), durationMs: clock.now() - started });
      throw new Error(`${failures.length} of ${messages.length} claims got no outcome (the connector retries the batch): ${errorMessage(failures[0])}`);
    }
    log.log('info', 'batch-done', { ...result, durationMs: clock.now() - started });
    return result;
  };
}

/**
 * A handler still running when the invocation's deadline is near: abandoned like a fleet consumer's claims after the
 * stop grace period (the claim gets no outcome and the batch is retried), hence a ConsumerStoppingError.
 */
export class InvocationDeadlineError extends ConsumerStoppingError {
  constructor() {
    super(SERVERLESS_DEADLINE_MARGIN_MS);
    this.message = `The function invocation ends in ${SERVERLESS_DEADLINE_MARGIN_MS} ms: claims still in flight are abandoned (the batch is retried)`;
    this.name = 'InvocationDeadlineError';
  }
}

/** Claims of one object keep their order; anything that is not a claim stands alone. */
function objectOf(message: RawStreamMessage): string | null {
  const parsed = parseClaimMessage(message);
  return parsed.ok ? JSON.stringify([parsed.claim.data.namespace, parsed.claim.data.bucket, parsed.claim.data.object]) : null;
}

async function buildRuntime(module: HandlerModule, env: NodeJS.ProcessEnv, clock: Clock, options: ServerlessEntryOptions, logger: LogSink): Promise<Runtime> {
  const config = readServerlessConfig(env);
  const userHandler = resolveHandler(module);
  const instance = env.FN_FN_ID || 'serverless';
  const reporter = config.reportOutcomes ? new OutcomeReporter(instance) : undefined;
  const handler: ClaimHandler = reporter ? reporter.wrap(userHandler) : userHandler;
  const objectStorage =
    options.objectStorage ?? createObjectStorageClient(await createAuthProvider({ auth: config.auth }), config.objectStorageEndpoint);
  const { namespace, bucket } = config.stateBucket;
  const sink = new BucketDeadLetterSink(objectStorage, { kind: 'bucket', namespace, bucket });
  const ownPrefixes = [{ namespace, bucket, prefix: sink.prefix }];
  const markers = config.dedupe === 'markers' ? new ObjectStorageProcessedStore({ client: objectStorage, namespace, bucket, group: config.groupName }) : null;
  if (markers) ownPrefixes.push({ namespace, bucket, prefix: markers.markerPrefix });
  const streamId = env[CONSUMER_CONFIG_KEYS.streamId] || 'unknown-stream';
  const settings: ConsumerSettings = settingsOf({
    streamId,
    messagesEndpoint: 'https://unused.invalid',
    groupName: config.groupName,
    allowedBuckets: [config.bucket, ...config.moreBuckets],
    deadLetter: { kind: 'bucket', namespace, bucket },
    handler,
    maxAttempts: config.maxAttempts,
    handlerTimeoutMs: config.handlerTimeoutMs,
    retryBackoff: config.retryBackoff,
    logger,
    clock,
  });
  const counters: ConsumerStats = zeroConsumerStats();
  return {
    config,
    processor: (deadlineAt, report) => {
      // At the margin before the deadline: no new attempt starts, waits end, handlers in flight are aborted.
      const stop = new AbortController();
      const timer = setTimeout(() => stop.abort(new InvocationDeadlineError()), Math.max(0, deadlineAt - SERVERLESS_DEADLINE_MARGIN_MS - clock.now()));
      const processor = new MessageProcessor({
        objectStorage,
        sink,
        ledger: null,
        store: markers,
        ownPrefixes,
        isAllowed: (ns, b) => ns === config.bucket.namespace && b === config.bucket.bucket,
        handler,
        settings,
        streamId,
        groupName: config.groupName,
        instanceName: instance,
        counters,
        report: (outcome) => {
          report(outcome);
          reporter?.report(outcome);
        },
      });
      return {
        processor,
        interruption: { stopping: () => stop.signal.aborted, stopSignal: stop.signal, graceOver: stop.signal },
        done: () => clearTimeout(timer),
      };
    },
  };
}
