/**
 * ClaimCheckConsumer: reads claim checks from an OCI Streaming stream as a member of a consumer group, fetches each
 * referenced object as a stream and hands it to the user's handler, and commits the group's offsets only after
 * every message of a batch has a final outcome. See lib/consumer/README.md for the delivery guarantees.
 *
 * The loop: join the group (GroupSession) → GetMessages → run the batch (batch-runner: per-object order,
 * concurrency, heartbeats; message-processor: one outcome per message) → ConsumerCommit with the newest cursor →
 * next batch. A batch with a message left without an outcome is not committed: its progress is checkpointed
 * (ClaimLedger), the cursor is dropped, and the group delivers the batch again, where decided messages are skipped.
 */
import { EventEmitter } from 'node:events';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { backoffDelayMs } from '../runtime/backoff';
import { unlessAborted, withinMs } from '../runtime/deadline';
import { errorMessage } from '../runtime/errors';
import { runBatch } from './batch-runner';
import { ConsumerFatalError, ConsumerStoppingError } from './errors';
import { GroupSession } from './group-session';
import type { Interruption } from './message-processor';
import { MessageProcessor } from './message-processor';
import { ClaimCheckConsumerOptions, ConsumerSettings, settingsOf, validateOptions } from './options';
import { buildResources, ConsumerResources } from './resources';
import { zeroConsumerStats } from './consumer-stats';
import type { ClaimOutcome, ConsumerEvents, ConsumerStats } from './types';

/** The final checkpoint and commit of a stopping consumer get at most this long. */
const FINAL_WRITE_MS = 5_000;

export class ClaimCheckConsumer extends EventEmitter<ConsumerEvents> {
  readonly streamId: string;
  readonly groupName: string;
  readonly instanceName: string;
  private readonly options: ClaimCheckConsumerOptions;
  private readonly settings: ConsumerSettings;
  private readonly allowed: Set<string>;
  private readonly counters: ConsumerStats = zeroConsumerStats();
  private running: Promise<void> | null = null;
  private stopping = false;
  private readonly stopController = new AbortController();
  private readonly graceController = new AbortController();
  private graceTimer: NodeJS.Timeout | undefined;

  constructor(options: ClaimCheckConsumerOptions) {
    super();
    validateOptions(options);
    this.options = options;
    this.settings = settingsOf(options);
    this.streamId = options.streamId;
    this.groupName = options.groupName;
    this.instanceName = options.instanceName ?? `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
    this.allowed = new Set(options.allowedBuckets.map((b) => bucketKey(b.namespace, b.bucket)));
  }

  /** A snapshot of the counters. */
  get stats(): ConsumerStats {
    return { ...this.counters, skipped: { ...this.counters.skipped } };
  }

  /** True when `namespace`/`bucket` is in `allowedBuckets`. */
  isAllowed(namespace: string, bucket: string): boolean {
    return this.allowed.has(bucketKey(namespace, bucket));
  }

  /**
   * Consumes until `stop()` is called. Rejects with a `ConsumerFatalError` when the group cursor cannot be created
   * for a non-transient reason (unknown stream, authentication or authorization refused).
   */
  run(): Promise<void> {
    if (this.running) return this.running;
    if (this.stopping) return Promise.resolve();
    this.running = this.loop();
    return this.running;
  }

  /**
   * Graceful shutdown in bounded time: fetches nothing more and starts no claim; claims in flight get `stopGraceMs`
   * to finish, then their handler's signal aborts and they are left to the group (delivered again). The batch is
   * committed when every claim of it has an outcome; otherwise what was finished is checkpointed, so whoever gets
   * the batch next skips it. Resolves within `stopGraceMs` plus at most 5 s.
   */
  async stop(): Promise<void> {
    if (!this.stopping) {
      this.stopping = true;
      this.stopController.abort();
      this.graceTimer = setTimeout(() => this.graceController.abort(new ConsumerStoppingError(this.settings.stopGraceMs)), this.settings.stopGraceMs);
      this.graceTimer.unref?.();
    }
    if (this.running) {
      try {
        await this.running;
      } catch {
        // run()'s caller sees the error.
      }
    }
    clearTimeout(this.graceTimer);
  }

  /** True between `stop()` and the end of `run()`. */
  get isStopping(): boolean {
    return this.stopping;
  }

  private async loop(): Promise<void> {
    let resources: ConsumerResources;
    try {
      resources = await buildResources(this.options, this.settings, { group: this.groupName, instance: this.instanceName }, this.counters);
    } catch (e) {
      throw new ConsumerFatalError(`Cannot set up the OCI clients: ${errorMessage(e)}`, e);
    }
    const { settings } = this;
    const stopSignal = this.stopController.signal;
    const session = new GroupSession({
      stream: resources.stream,
      streamId: this.streamId,
      groupName: this.groupName,
      instanceName: this.instanceName,
      settings,
      stopSignal,
      onHeartbeatFailure: () => void this.counters.heartbeatFailures++,
    });
    const processor = new MessageProcessor({
      objectStorage: resources.objectStorage,
      sink: resources.sink,
      ledger: resources.ledger,
      store: resources.store,
      ownPrefixes: resources.ownPrefixes,
      isAllowed: (namespace, bucket) => this.isAllowed(namespace, bucket),
      handler: this.options.handler,
      settings,
      streamId: this.streamId,
      groupName: this.groupName,
      instanceName: this.instanceName,
      counters: this.counters,
      report: (outcome) => this.report(outcome),
    });
    const interruption: Interruption = { stopping: () => this.stopping, stopSignal, graceOver: this.graceController.signal };
    let getFailures = 0;
    let batchFailures = 0;
    // The last cursor or messages request: stop() stops waiting for it at once, and waits for it to settle before
    // the consumer reports itself stopped.
    let lastRead: Promise<unknown> = Promise.resolve();
    try {
      while (!this.stopping) {
        if (!session.hasCursor) {
          const opening = session.open();
          lastRead = opening;
          if (!(await unlessAborted(opening, stopSignal, false))) break;
        }
        const reading = session.next();
        lastRead = reading;
        const items = await unlessAborted(reading, stopSignal, [] as const);
        if (this.stopping) break; // anything fetched is left to the group
        if (items === null) {
          getFailures++;
          await settings.clock.sleep(backoffDelayMs(getFailures, settings.backoff, settings.clock.random), stopSignal);
          continue;
        }
        getFailures = 0;
        if (items.length === 0) {
          await settings.clock.sleep(settings.pollIntervalMs, stopSignal);
          continue;
        }
        const unresolved = await runBatch(items, { processor, ledger: resources.ledger, session, concurrency: settings.concurrency }, interruption);
        if (unresolved.length === 0 && !session.lost) {
          batchFailures = 0;
          const committed = this.stopping ? await withinMs(session.commit(), FINAL_WRITE_MS, false) : await session.commit();
          if (committed) {
            resources.ledger?.committed(items);
            this.counters.commits++;
            this.emitSafely('commit', { messages: items.length });
            settings.logger.log('debug', 'committed', { messages: items.length });
            continue;
          }
          // Every claim has its outcome: the ledger's checkpoint lets whoever gets the batch again skip them.
          await this.checkpoint(resources);
          session.drop();
          continue;
        }
        const error = unresolved[0]?.message ?? session.lost ?? 'unknown';
        await this.checkpoint(resources);
        session.drop();
        if (this.stopping) break;
        this.counters.batchRetries++;
        batchFailures++;
        settings.logger.log('warn', 'batch-not-committed', { messages: items.length, unresolved: unresolved.length, error });
        this.emitSafely('batch-retry', { messages: items.length, unresolved: unresolved.length, error });
        await settings.clock.sleep(backoffDelayMs(batchFailures, settings.backoff, settings.clock.random), stopSignal);
      }
    } finally {
      // A read that stop() cut short is still on the wire (the SDK cannot cancel a call): give it the final writes'
      // bound to settle, so stop() leaves no request of this consumer behind (its answer is not used: the group hands
      // those messages out again). A read that already settled costs nothing here.
      await withinMs(lastRead, FINAL_WRITE_MS, undefined);
      resources.ledger?.close();
    }
  }

  /** Writes pending checkpoints (bounded while stopping: the process may be about to exit). */
  private async checkpoint(resources: ConsumerResources): Promise<void> {
    if (!resources.ledger) return;
    if (this.stopping) await withinMs(resources.ledger.flush(), FINAL_WRITE_MS, undefined);
    else await resources.ledger.flush();
  }

  private report(outcome: ClaimOutcome): void {
    const c = this.counters;
    if (outcome.status === 'processed') c.processed++;
    else if (outcome.status === 'dead-lettered') c.deadLettered++;
    else if (outcome.reason === 'object-gone') c.skipped.objectGone++;
    else if (outcome.reason === 'superseded') c.skipped.superseded++;
    else if (outcome.reason === 'duplicate') c.skipped.duplicate++;
    else c.skipped.ownRecord++;
    this.settings.logger.log('debug', 'outcome', { ...outcome });
    this.emitSafely('outcome', outcome);
  }

  /**
   * Calls each listener on its own: a listener that throws is logged and counted, and changes nothing (the outcome
   * stands, the commit stands, the other listeners still run).
   */
  private emitSafely<K extends keyof ConsumerEvents>(event: K, ...args: ConsumerEvents[K]): void {
    // rawListeners: a `once` listener's wrapper removes itself when called, as with emit().
    for (const listener of this.rawListeners(event) as Array<(...a: ConsumerEvents[K]) => unknown>) {
      try {
        listener.apply(this, args);
      } catch (e) {
        this.counters.listenerFailures++;
        this.settings.logger.log('error', 'listener-failed', { event, error: errorMessage(e) });
      }
    }
  }
}

function bucketKey(namespace: string, bucket: string): string {
  return JSON.stringify([namespace, bucket]);
}
