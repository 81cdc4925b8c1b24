/**
 * Connector Hub, locally: one service connector with a Streaming source and a Functions target, the way
 * `ClaimCheckServerlessConsumer` deploys it. What it does, and where each behaviour comes from:
 *
 * - It reads the stream with its own position per partition (a plain cursor, no consumer group), starting at
 *   `cursor` (`TRIM_HORIZON` or `LATEST`, the provider's `source.cursor.kind`: oci-operations-facts §4) the first time.
 * - It hands the function a JSON list of messages per invocation, `{stream, partition, key, value (base64), offset,
 *   timestamp (epoch ms)}` (fnproject/fdk-go fn-events/connectorhub_stream.go), at most `batchSizeInNum` messages or
 *   `batchSizeInKbs` kilobytes, and never more than 6 MB (D-SCHC,
 *   https://docs.oracle.com/en-us/iaas/Content/Logging/Concepts/connectors.htm); a batch that does not fill up is sent
 *   `batchTimeInSec` after its first message arrived.
 * - Invocations are synchronous and sequential (D-SCHC): per partition, one at a time, in offset order; partitions
 *   run side by side (how the service spreads partitions is not documented: the emulator's choice).
 * - It advances only after success: the position is saved (in `<dataDir>/positions.json`) once the function
 *   answered 2xx; any other answer (a 502 from a handler that threw, a timeout, a crash) is retried with backoff,
 *   the same batch, for as long as it fails. The service deactivates a connector that keeps failing; the retry
 *   schedule and the deactivation point are not documented (oci-operations-facts, "could not verify"), so the
 *   emulator never gives up and counts the failures instead.
 * - What the function returns is ignored (D-SCHC).
 *
 * Nothing here is the service's code: it is the documented contract, enough for a handler and its function entry
 * to be tested the way they will run.
 */
import { join } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import type * as common from 'oci-common';
import type * as streaming from 'oci-streaming';
import { backoffDelayMs } from '../../runtime/backoff';
import { Clock, systemClock } from '../../runtime/clock';
import { errorMessage } from '../../runtime/errors';
import { newStreamClient } from '../../runtime/stream-client';
import { writeFileAtomic } from '../common/state-dir';

/** The most one invocation carries (D-SCHC). */
export const CONNECTOR_MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;
/** GetMessages answers at most this many messages (GetMessages API reference). */
const MAX_GET_LIMIT = 10_000;

/** What the function answered. */
export interface TargetResponse {
  readonly status: number;
  readonly body: string;
}

/** Options of `ConnectorHubEmulator`: the stream it reads, the function it invokes, the batching. */
export interface ConnectorHubEmulatorOptions {
  /** Where the connector keeps its position per partition, so a restart resumes where it was. */
  readonly dataDir: string;
  /** OCID of the source stream. */
  readonly streamId: string;
  /** The `stream` field of each message. @default streamId (the service sends the stream's name) */
  readonly streamName?: string;
  /** Partitions of the stream (`0` .. `partitions - 1`). */
  readonly partitions: number;
  /** The stream pool's messages endpoint. */
  readonly messagesEndpoint: string;
  /** How the connector authenticates to Streaming (locally: an API key the emulator trusts). */
  readonly authenticationDetailsProvider: common.AuthenticationDetailsProvider;
  /** Where a partition without a saved position starts. @default 'TRIM_HORIZON' */
  readonly cursor?: 'TRIM_HORIZON' | 'LATEST';
  /** Messages per invocation. Not with `batchSizeInKbs`. @default 10 (the console's suggestion) */
  readonly batchSizeInNum?: number;
  /** Kilobytes per invocation (JSON payload). Not with `batchSizeInNum`. */
  readonly batchSizeInKbs?: number;
  /** How long a batch that is not full waits for more messages. @default 5 (the console's suggestion) */
  readonly batchTimeInSec?: number;
  /** Invokes the target function with one batch (the JSON list). */
  readonly invoke: (batchJson: string) => Promise<TargetResponse>;
  /** @default 200 */
  readonly retryBaseMs?: number;
  /** @default 5000 */
  readonly retryMaxMs?: number;
  /** Wait after GetMessages returned nothing. @default 200 */
  readonly pollIntervalMs?: number;
  /** The clock batch timers and retries wait on (tests). @default systemClock */
  readonly clock?: Clock;
  /** Called after every invocation. */
  readonly onInvocation?: (event: { partition: string; messages: number; firstOffset: number; lastOffset: number; status: number | null; detail: string }) => void;
}

/** Counters of a running `ConnectorHubEmulator`. */
export interface ConnectorHubStats {
  /** Invocations of the function, failed ones included. */
  invocations: number;
  /** Invocations that did not answer 2xx (each retried). */
  failedInvocations: number;
  /** Messages delivered (acknowledged by a 2xx). */
  delivered: number;
  /** GetMessages / CreateCursor calls that failed (retried from the saved position). */
  readFailures: number;
}

/** One element of the invocation body. */
export interface ConnectorHubStreamItem {
  readonly stream: string;
  readonly partition: string;
  readonly key: string | null;
  readonly value: string;
  readonly offset: number;
  readonly timestamp: number;
}

/**
 * Connector Hub, locally: one service connector from a stream to a function, in batches, advancing per
 * partition only after the function answered 2xx.
 */
export class ConnectorHubEmulator {
  public static start(options: ConnectorHubEmulatorOptions): ConnectorHubEmulator {
    if (options.batchSizeInNum !== undefined && options.batchSizeInKbs !== undefined) throw new Error('batchSizeInNum and batchSizeInKbs go one or the other');
    const emulator = new ConnectorHubEmulator(options);
    emulator.loops = Array.from({ length: options.partitions }, (_, p) => emulator.runPartition(String(p)));
    return emulator;
  }

  public readonly stats: ConnectorHubStats = { invocations: 0, failedInvocations: 0, delivered: 0, readFailures: 0 };
  private readonly clock: Clock;
  private readonly stopController = new AbortController();
  private readonly positionsFile: string;
  private readonly positions: Record<string, number>;
  private loops: Promise<void>[] = [];
  private readonly client: streaming.StreamClient;

  private constructor(private readonly options: ConnectorHubEmulatorOptions) {
    this.clock = options.clock ?? systemClock;
    this.positionsFile = join(options.dataDir, 'positions.json');
    this.positions = existsSync(this.positionsFile) ? (JSON.parse(readFileSync(this.positionsFile, 'utf8')) as Record<string, number>) : {};
    this.client = newStreamClient(options.authenticationDetailsProvider, options.messagesEndpoint);
  }

  /** The last delivered offset per partition (absent: nothing delivered yet). */
  public get deliveredPositions(): Readonly<Record<string, number>> {
    return { ...this.positions };
  }

  /** Stops reading and invoking; an invocation in flight is waited for (the invoker decides how long it may take). */
  public async stop(): Promise<void> {
    this.stopController.abort();
    await Promise.all(this.loops);
    this.client.close();
  }

  private get stopped(): boolean {
    return this.stopController.signal.aborted;
  }

  private async runPartition(partition: string): Promise<void> {
    const o = this.options;
    const maxMessages = o.batchSizeInKbs !== undefined ? MAX_GET_LIMIT : (o.batchSizeInNum ?? 10);
    const maxBytes = Math.min(CONNECTOR_MAX_PAYLOAD_BYTES, o.batchSizeInKbs !== undefined ? o.batchSizeInKbs * 1024 : CONNECTOR_MAX_PAYLOAD_BYTES);
    const batchTimeMs = (o.batchTimeInSec ?? 5) * 1000;
    let cursor: string | null = null;
    let pending: ConnectorHubStreamItem[] = [];
    let firstPendingAt = 0;
    let readFailures = 0;
    let deliveryFailures = 0;
    while (!this.stopped) {
      // Read until the batch is full (or nothing more is there).
      let fetched = 0;
      if (pending.length < maxMessages) {
        try {
          cursor ??= await this.createCursor(partition);
          const response = await this.client.getMessages({ streamId: o.streamId, cursor, limit: Math.min(MAX_GET_LIMIT, maxMessages - pending.length) });
          cursor = response.opcNextCursor;
          readFailures = 0;
          for (const message of response.items ?? []) {
            if (pending.length === 0) firstPendingAt = this.clock.now();
            pending.push(itemOf(message, o.streamName ?? o.streamId, partition));
            fetched++;
          }
        } catch (error) {
          // A refused or expired cursor, or the stream unreachable: start again from what was delivered.
          this.stats.readFailures++;
          readFailures++;
          cursor = null;
          pending = [];
          await this.clock.sleep(this.backoff(readFailures), this.stopController.signal);
          continue;
        }
      }
      const batch = takeBatch(pending, maxMessages, maxBytes);
      const full = batch.length < pending.length || batch.length >= maxMessages || bytesOf(pending) >= maxBytes;
      const due = pending.length > 0 && this.clock.now() - firstPendingAt >= batchTimeMs;
      if (batch.length === 0 || (!full && !due)) {
        if (fetched === 0) await this.clock.sleep(Math.min(o.pollIntervalMs ?? 200, pending.length ? Math.max(1, batchTimeMs - (this.clock.now() - firstPendingAt)) : Infinity), this.stopController.signal);
        continue;
      }
      const delivered = await this.invoke(partition, batch);
      if (!delivered) {
        deliveryFailures++;
        await this.clock.sleep(this.backoff(deliveryFailures), this.stopController.signal);
        continue;
      }
      deliveryFailures = 0;
      this.positions[partition] = batch[batch.length - 1].offset;
      writeFileAtomic(this.positionsFile, JSON.stringify(this.positions));
      this.stats.delivered += batch.length;
      pending = pending.slice(batch.length);
      if (pending.length > 0) firstPendingAt = this.clock.now();
    }
  }

  private async createCursor(partition: string): Promise<string> {
    const o = this.options;
    const saved = this.positions[partition];
    const details =
      saved === undefined ? { partition, type: (o.cursor ?? 'TRIM_HORIZON') as never } : { partition, type: 'AFTER_OFFSET' as never, offset: saved };
    return (await this.client.createCursor({ streamId: o.streamId, createCursorDetails: details })).cursor.value;
  }

  /** One invocation; true when the function answered 2xx. */
  private async invoke(partition: string, batch: ConnectorHubStreamItem[]): Promise<boolean> {
    this.stats.invocations++;
    let status: number | null = null;
    let detail: string;
    try {
      const response = await this.options.invoke(JSON.stringify(batch));
      status = response.status;
      detail = response.body.slice(0, 500);
    } catch (error) {
      detail = errorMessage(error);
    }
    const ok = status !== null && status >= 200 && status < 300;
    if (!ok) this.stats.failedInvocations++;
    this.options.onInvocation?.({ partition, messages: batch.length, firstOffset: batch[0].offset, lastOffset: batch[batch.length - 1].offset, status, detail });
    return ok;
  }

  private backoff(failures: number): number {
    return backoffDelayMs(failures, { baseDelayMs: this.options.retryBaseMs ?? 200, maxDelayMs: this.options.retryMaxMs ?? 5000 }, this.clock.random);
  }
}

function itemOf(message: streaming.models.Message, stream: string, partition: string): ConnectorHubStreamItem {
  const timestamp = Date.parse(String(message.timestamp));
  return {
    stream,
    partition: message.partition ?? partition,
    key: message.key ?? null,
    value: message.value,
    offset: message.offset,
    timestamp: Number.isNaN(timestamp) ? 0 : timestamp,
  };
}

/** The longest prefix of `pending` within the count and byte limits (at least one message, if any). */
function takeBatch(pending: ConnectorHubStreamItem[], maxMessages: number, maxBytes: number): ConnectorHubStreamItem[] {
  let bytes = 2; // []
  let count = 0;
  for (const item of pending) {
    const size = Buffer.byteLength(JSON.stringify(item)) + 1;
    if (count >= maxMessages || (count > 0 && bytes + size > maxBytes)) break;
    bytes += size;
    count++;
  }
  return pending.slice(0, count);
}

function bytesOf(items: ConnectorHubStreamItem[]): number {
  return items.reduce((total, item) => total + Buffer.byteLength(JSON.stringify(item)) + 1, 2);
}
