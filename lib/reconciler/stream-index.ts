/**
 * Builds the ClaimIndex from the stream's retained claims: every partition read with a plain partition cursor from
 * TRIM_HORIZON (never a group cursor: the reconciler must not move any group's position), GetMessages calls at
 * least `minGetIntervalMs` apart per partition, because Streaming allows "5 GET requests per second per consumer
 * group" per partition (Limits on Streaming Resources,
 * https://docs.oracle.com/iaas/Content/Streaming/Concepts/streamingoverview_topic-Limits_on_Streaming_Resources.htm),
 * and a reader that is not a group is paced as one. A partition is read up to the first message published after the
 * run started (or until it is exhausted), so a busy stream cannot keep the read going forever.
 *
 * Cursors: "Cursors expire five minutes after you receive them" (CreateCursor API reference); each one is used at
 * once and replaced by the `opc-next-cursor` of its answer.
 */
import { parseClaimMessage, RawStreamMessage, STREAMING_LIMITS } from '../contract';
import { ClaimIndex, objectStateHash } from './claim-index';
import type { ReconcilerStreamApi } from './clients';
import { countsForEveryGroup, GroupStarts } from './group-progress';
import { httpStatusOf, Pacer, ReconcilerClock } from './toolkit';

export interface StreamIndexStats {
  /** Messages read from the stream. */
  messages: number;
  /** Claims for the reconciled bucket whose object state went into the index. */
  indexed: number;
  /** Claims for the bucket that do not count for some group (before its decidedFrom). */
  notCounted: number;
}

/** How many partitions a stream has at most, when they are found by probing (pass `partitions` beyond that). */
const MAX_PROBED_PARTITIONS = 1024;

/**
 * The stream's partitions, "0" … "n-1": given, or found by creating TRIM_HORIZON cursors for 0, 1, 2, … until the
 * service refuses one as a bad request (400) or not found (404). The data plane has no call that lists partitions
 * (GetStream, which does, is a control-plane call needing another endpoint and permission).
 */
export async function streamPartitions(stream: ReconcilerStreamApi, streamId: string, partitions?: number): Promise<string[]> {
  if (partitions !== undefined) return Array.from({ length: partitions }, (_, i) => String(i));
  const found: string[] = [];
  for (let p = 0; p < MAX_PROBED_PARTITIONS; p++) {
    try {
      await stream.createCursor({ streamId, createCursorDetails: { partition: String(p), type: 'TRIM_HORIZON' as never } });
    } catch (e) {
      const status = httpStatusOf(e);
      if ((status === 400 || status === 404) && p > 0) return found;
      throw e;
    }
    found.push(String(p));
  }
  throw new Error(`The stream answers for more than ${MAX_PROBED_PARTITIONS} partitions; pass the partition count`);
}

export interface ReadStreamOptions {
  stream: ReconcilerStreamApi;
  streamId: string;
  partitions: readonly string[];
  namespace: string;
  bucket: string;
  groupStarts: GroupStarts;
  /** Messages published at or after this time end a partition's read. */
  until: number;
  getLimit: number;
  minGetIntervalMs: number;
  /** Partitions read at the same time. */
  concurrency: number;
  clock: ReconcilerClock;
  signal?: AbortSignal;
  onProgress?: (stats: StreamIndexStats) => void;
}

export async function readStreamIntoIndex(index: ClaimIndex, o: ReadStreamOptions): Promise<StreamIndexStats> {
  const stats: StreamIndexStats = { messages: 0, indexed: 0, notCounted: 0 };
  const limit = Math.min(o.getLimit, STREAMING_LIMITS.maxGetMessagesLimit);
  const queue = [...o.partitions];
  const worker = async (): Promise<void> => {
    for (let partition = queue.shift(); partition !== undefined; partition = queue.shift()) {
      const pacer = new Pacer(o.minGetIntervalMs, o.clock);
      let cursor = (await o.stream.createCursor({ streamId: o.streamId, createCursorDetails: { partition, type: 'TRIM_HORIZON' as never } })).cursor.value;
      for (let more = true; more && !o.signal?.aborted; ) {
        await pacer.wait(o.signal);
        const response = await o.stream.getMessages({ streamId: o.streamId, cursor, limit });
        const items = response.items ?? [];
        if (items.length === 0) break;
        for (const message of items) {
          stats.messages++;
          addClaim(index, message, partition, o, stats);
          if (publishedAt(message) >= o.until) more = false;
        }
        cursor = response.opcNextCursor;
        o.onProgress?.(stats);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(o.concurrency, o.partitions.length)) }, worker));
  return stats;
}

function addClaim(index: ClaimIndex, message: RawStreamMessage, partition: string, o: ReadStreamOptions, stats: StreamIndexStats): void {
  const parsed = parseClaimMessage(message);
  if (!parsed.ok) return; // not a claim: it claims nothing
  const { data } = parsed.claim;
  if (parsed.action === 'deleteobject' || data.etag === null || data.namespace !== o.namespace || data.bucket !== o.bucket) return;
  if (!countsForEveryGroup(o.groupStarts, message.partition ?? partition, message.offset)) {
    stats.notCounted++;
    return;
  }
  if (index.add(objectStateHash(data.namespace, data.bucket, data.object, data.etag))) stats.indexed++;
}

function publishedAt(message: RawStreamMessage): number {
  const time = message.timestamp instanceof Date ? message.timestamp.getTime() : Date.parse(String(message.timestamp ?? ''));
  return Number.isNaN(time) ? 0 : time;
}
