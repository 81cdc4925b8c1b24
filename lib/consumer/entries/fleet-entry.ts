/**
 * The fleet's container entry: what the generated entry calls with the user's handler module. It reads the
 * configuration the construct put in the environment (entry-config.ts), builds a `ClaimCheckConsumer` with
 * resource-principal authentication (Container Instances give each container the instance's resource principal,
 * version 2.2, unless `is_resource_principal_disabled`:
 * https://registry.terraform.io/providers/oracle/oci/latest/docs/resources/container_instances_container_instance;
 * the SDK's `ResourcePrincipalAuthenticationDetailsProvider` reads OCI_RESOURCE_PRINCIPAL_VERSION=2.2, _RPST,
 * _PRIVATE_PEM and _REGION, oci-common lib/auth/resource-principal-authentication-details-provider.js), runs it with
 * `runUntilSignal` and exits once it has stopped:
 *
 * - SIGTERM/SIGINT → `consumer.stop()`: claims in flight get `stopGraceMs`, the batch is committed or checkpointed
 *   (≤ 5 s more), then the process exits 0. The container's graceful shutdown timeout is built to cover exactly that
 *   (`gracefulShutdownSeconds`, lib/contract/consumer-config.ts); a timer exits the process at that bound anyway.
 * - A consumer that cannot start (`ConsumerFatalError`: authorization refused, unknown stream) is retried with
 *   backoff for `startupRetrySeconds` (default 600): the replica's dynamic group matches the instances by OCID, so
 *   it and its policies are created after them, and IAM takes effect after a while. Then the process exits 1 and
 *   the restart policy takes over.
 * - Invalid configuration or a handler module without a handler: exit 2 at once, the problem on stderr.
 * - The health endpoint (when configured) answers while the consumer runs (health-server.ts).
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { CONSUMER_EXIT_MARGIN_MS, CONSUMER_FINAL_WRITE_MS } from '../../contract/consumer-config';
import { backoffDelayMs } from '../../runtime/backoff';
import { systemClock } from '../../runtime/clock';
import { errorMessage } from '../../runtime/errors';
import { jsonLinesLogger, LogSink, namespaced } from '../../runtime/logger';
import { ClaimCheckConsumer } from '../consumer';
import { ConsumerFatalError } from '../errors';
import { runUntilSignal } from '../run-until-signal';
import type { ClaimHandler } from '../types';
import { EntryConfigError, FleetEntryConfig, readFleetConfig } from './entry-config';
import { HandlerModule, resolveHandler } from './handler-module';
import { HealthServer, HealthState } from './health-server';
import { OutcomeReporter } from './outcome-report';

export interface FleetEntryOptions {
  /** @default process.env */
  readonly env?: NodeJS.ProcessEnv;
  /** Where the entry's own log lines go (JSON lines). @default stderr */
  readonly logSink?: LogSink;
  /** Called with the exit code once the consumer has stopped. @default process.exit */
  readonly exit?: (code: number) => void;
}

/** Runs the fleet consumer until a signal, then exits (the generated entry's only call). */
export function runFleetEntry(module: HandlerModule, options: FleetEntryOptions = {}): Promise<void> {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  return runFleetConsumer(module, options).then(exit, (error: unknown) => {
    process.stderr.write(`${JSON.stringify({ level: 'error', event: 'claim-consumer-entry.crashed', error: errorMessage(error) })}\n`);
    exit(1);
  });
}

/** The same, resolving with the exit code instead of exiting. */
export async function runFleetConsumer(module: HandlerModule, options: FleetEntryOptions = {}): Promise<number> {
  const log = namespaced(options.logSink ?? jsonLinesLogger({ level: 'info' }), 'claim-consumer-entry');
  let config: FleetEntryConfig;
  let handler: ClaimHandler;
  try {
    config = readFleetConfig(options.env ?? process.env);
    handler = resolveHandler(module);
  } catch (error) {
    log.log('error', 'invalid-configuration', { error: errorMessage(error), problems: error instanceof EntryConfigError ? error.problems : undefined });
    return 2;
  }
  const instance = config.instanceName ?? `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  const reporter = config.reportOutcomes ? new OutcomeReporter(instance) : undefined;

  let state: HealthState = 'starting';
  let consumer: ClaimCheckConsumer | undefined;
  const health = config.health
    ? await HealthServer.start(config.health.port, config.health.path, () => ({ state, instance, received: consumer?.stats.received ?? 0 }))
    : undefined;

  // A signal while waiting between start attempts ends the wait (nothing is in flight then).
  const signalled = new AbortController();
  const onSignal = (signal: NodeJS.Signals): void => {
    if (signalled.signal.aborted) return;
    state = 'stopping';
    log.log('info', 'stopping', { signal, instance });
    signalled.abort();
    // The consumer's own bound (stopGraceMs + 5 s) makes this a backstop, never the normal way out.
    const boundMs = (config.stopGraceMs ?? 10_000) + CONSUMER_FINAL_WRITE_MS + CONSUMER_EXIT_MARGIN_MS / 2;
    setTimeout(() => {
      log.log('error', 'stop-deadline-passed', { instance, boundMs });
      process.exit(1);
    }, boundMs).unref();
  };

  const startedAt = Date.now();
  let failures = 0;
  try {
    for (;;) {
      consumer = new ClaimCheckConsumer({
        streamId: config.streamId,
        messagesEndpoint: config.messagesEndpoint,
        groupName: config.groupName,
        instanceName: instance,
        auth: config.auth,
        objectStorageEndpoint: config.objectStorageEndpoint,
        allowedBuckets: [config.bucket, ...config.moreBuckets],
        deadLetter: { kind: 'bucket', namespace: config.stateBucket.namespace, bucket: config.stateBucket.bucket },
        handler: reporter ? reporter.wrap(handler) : handler,
        concurrency: config.concurrency,
        maxAttempts: config.maxAttempts,
        handlerTimeoutMs: config.handlerTimeoutMs,
        stopGraceMs: config.stopGraceMs,
        pollIntervalMs: config.pollIntervalMs,
        groupCursorTimeoutMs: config.groupCursorTimeoutMs,
        retryBackoff: config.retryBackoff,
      });
      if (reporter) consumer.on('outcome', (outcome) => reporter.report(outcome));
      // runUntilSignal takes SIGTERM/SIGINT before it returns: only then is the start announced, so whoever waits
      // for "starting" (a supervisor, a test) and then signals is never met by the default action (death by signal).
      const running = runUntilSignal(consumer, { onSignal });
      if (failures === 0) {
        log.log('info', 'starting', { instance, group: config.groupName, stream: config.streamId });
        reporter?.ready();
      }
      state = signalled.signal.aborted ? 'stopping' : 'running';
      try {
        await running;
        log.log('info', 'stopped', { instance, stats: consumer.stats });
        return 0;
      } catch (error) {
        if (!(error instanceof ConsumerFatalError) || signalled.signal.aborted) throw error;
        failures++;
        const elapsedMs = Date.now() - startedAt;
        if (elapsedMs >= config.startupRetryMs) {
          state = 'failed';
          log.log('error', 'cannot-start', { instance, attempts: failures, error: errorMessage(error) });
          return 1;
        }
        const delayMs = Math.min(backoffDelayMs(failures, { baseDelayMs: 2_000, maxDelayMs: 30_000 }), config.startupRetryMs - elapsedMs);
        state = 'starting';
        log.log('warn', 'start-failed', { instance, attempt: failures, retryInMs: Math.round(delayMs), error: errorMessage(error) });
        const listeners = (['SIGTERM', 'SIGINT'] as const).map((s) => [s, () => onSignal(s)] as const);
        for (const [s, l] of listeners) process.once(s, l);
        await systemClock.sleep(delayMs, signalled.signal);
        for (const [s, l] of listeners) process.removeListener(s, l);
        if (signalled.signal.aborted) return 0;
      }
    }
  } catch (error) {
    if (signalled.signal.aborted) {
      log.log('info', 'stopped', { instance, error: errorMessage(error) });
      return 0;
    }
    throw error;
  } finally {
    await health?.close();
  }
}
