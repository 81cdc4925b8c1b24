/** Reading a partition's past with a plain cursor: exactly the asked range, even when its start aged out. */
import type { RawStreamMessage, StreamApi } from '../../lib/consumer';
import { readPartitionRange } from '../../lib/consumer/stream-history';
import { ociError } from './helpers';

/** One partition whose messages before `retainedFrom` have aged out (AT_OFFSET below it is refused with 400). */
function partition(total: number, retainedFrom = 0, pageSize = 3): StreamApi & { gets: number } {
  const messages: RawStreamMessage[] = Array.from({ length: total }, (_, offset) => ({ partition: '0', offset, key: null, value: '' })).slice(retainedFrom);
  const api = {
    gets: 0,
    createGroupCursor: async () => ({ cursor: { value: '' } }),
    consumerCommit: async () => ({ cursor: { value: '' } }),
    consumerHeartbeat: async () => ({ cursor: { value: '' } }),
    createCursor: async (r: { createCursorDetails: { type: string; offset?: number } }) => {
      const d = r.createCursorDetails;
      if (d.type === 'AT_OFFSET' && (d.offset ?? 0) < retainedFrom) throw ociError(400, 'InvalidParameter', 'offset not retained');
      return { cursor: { value: String(d.type === 'AT_OFFSET' ? d.offset : retainedFrom) } };
    },
    getMessages: async (r: { cursor: string; limit?: number }) => {
      api.gets++;
      const from = Number(r.cursor);
      const items = messages.filter((m) => m.offset >= from).slice(0, Math.min(pageSize, r.limit ?? pageSize));
      return { items, opcNextCursor: String(items.length ? items[items.length - 1].offset + 1 : from) };
    },
  };
  return api as never;
}

describe('readPartitionRange', () => {
  it('visits exactly [from, to), in order, page by page', async () => {
    const api = partition(20);
    const seen: number[] = [];
    await readPartitionRange(api, 's', '0', 5, 12, (m) => seen.push(m.offset));
    expect(seen).toEqual([5, 6, 7, 8, 9, 10, 11]);
    expect(api.gets).toBe(3);
  });

  it('starts at the oldest retained message when `from` aged out', async () => {
    const seen: number[] = [];
    await readPartitionRange(partition(20, 8), 's', '0', 2, 11, (m) => seen.push(m.offset));
    expect(seen).toEqual([8, 9, 10]);
  });

  it('stops at the end of the partition, and reads nothing for an empty range', async () => {
    const api = partition(4);
    const seen: number[] = [];
    await readPartitionRange(api, 's', '0', 1, 100, (m) => seen.push(m.offset));
    expect(seen).toEqual([1, 2, 3]);
    const before = api.gets;
    await readPartitionRange(api, 's', '0', 7, 7, () => seen.push(-1));
    expect(api.gets).toBe(before);
  });
});
