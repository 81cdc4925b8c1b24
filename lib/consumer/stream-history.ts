/**
 * Reads a partition's recent past straight from the stream (a plain partition cursor, not the group's), to learn
 * which object states the group already decided before this instance took the partition over: every message
 * below the group's committed position has its outcome. Bounded by the dedupe window; plain cursors do not count
 * against the group's 5 GET/s per partition (Streaming limits page).
 */
import type { RawStreamMessage } from '../contract';
import type { StreamApi } from './clients';
import { httpStatusOf } from '../runtime/errors';

/** GetMessages answers at most this many messages per call (GetMessages API reference: "up to 10000"). */
const MAX_LIMIT = 10_000;

/**
 * Calls `visit` for each message of `partition` with `from <= offset < to`, in order. When `from` is no longer
 * retained (the cursor is refused), reads from the oldest retained message instead.
 */
export async function readPartitionRange(
  stream: StreamApi,
  streamId: string,
  partition: string,
  from: number,
  to: number,
  visit: (message: RawStreamMessage) => void,
): Promise<void> {
  if (to <= from) return;
  let cursor: string;
  try {
    cursor = (await stream.createCursor({ streamId, createCursorDetails: { partition, type: 'AT_OFFSET' as never, offset: from } })).cursor.value;
  } catch (e) {
    if (httpStatusOf(e) !== 400) throw e;
    cursor = (await stream.createCursor({ streamId, createCursorDetails: { partition, type: 'TRIM_HORIZON' as never } })).cursor.value;
  }
  for (let last = from - 1; last < to - 1; ) {
    const response = await stream.getMessages({ streamId, cursor, limit: Math.min(MAX_LIMIT, Math.max(1, to - 1 - last)) });
    const items = response.items ?? [];
    if (items.length === 0) return;
    for (const message of items) {
      if (message.offset >= to) return;
      if (message.offset >= from) visit(message);
      last = message.offset;
    }
    cursor = response.opcNextCursor;
  }
}
