/**
 * The Streaming emulator's partition log (partition-log.ts) reads from its file, through a sparse index and a tail
 * cache: checked against a plain array of what was appended, for reads from every region (cached tail, indexed
 * blocks, block boundaries), values longer than one read chunk, time lookups, a reopen, and a torn last line.
 */
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INDEX_STRIDE, PartitionLog, TAIL_CACHE_MESSAGES } from '../../lib/emulators/streaming/partition-log';

interface Appended {
  readonly key: Buffer | null;
  readonly value: Buffer;
  readonly timestamp: string;
}

const view = (m: { offset: number; key: Buffer | null; value: Buffer; timestamp: string }) => [m.offset, m.key?.toString('hex') ?? null, m.value.toString('hex'), m.timestamp];

describe('PartitionLog', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'partition-log-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('reads from any offset match what was appended, before and after a reopen; time lookups find the first message at or after', () => {
    const file = join(dir, 'p0.jsonl');
    let log = PartitionLog.open(file, 0);
    const model: Appended[] = [];
    // Enough messages to leave the tail cache behind several index blocks; some values longer than a read chunk.
    const total = TAIL_CACHE_MESSAGES + 3 * INDEX_STRIDE + 17;
    for (let i = 0; i < total; ) {
      const batch = Array.from({ length: 1 + (i % 7) }, (_, j) => {
        const n = i + j;
        const size = n % 97 === 0 ? 300 * 1024 : 20 + (n % 50);
        return { key: n % 3 === 0 ? null : Buffer.from(`k${n}`), value: Buffer.alloc(size, n % 251) };
      });
      const timestamp = new Date(Date.UTC(2026, 11, 2) + Math.floor(i / 10) * 1000).toISOString();
      const stored = log.append(batch, timestamp);
      expect(stored.map((m) => m.offset)).toEqual(batch.map((_, j) => i + j));
      for (const entry of batch) model.push({ ...entry, timestamp });
      i += batch.length;
    }
    const expected = (from: number, limit: number) => model.slice(from, from + limit).map((m, j) => view({ offset: from + j, ...m }));
    const check = (l: PartitionLog) => {
      expect(l.nextOffset).toBe(model.length);
      for (const from of [0, 1, INDEX_STRIDE - 1, INDEX_STRIDE, INDEX_STRIDE + 1, 2 * INDEX_STRIDE + 5, model.length - TAIL_CACHE_MESSAGES - 1, model.length - 3, model.length, model.length + 5]) {
        expect([from, l.read(from, 40).map(view)]).toEqual([from, expected(from, 40)]);
      }
      expect(l.all().length).toBe(model.length);
      for (const probe of [0, 5, 50, 123, Math.floor(model.length / 10)]) {
        const time = Date.UTC(2026, 11, 2) + probe * 1000;
        const first = model.findIndex((m) => Date.parse(m.timestamp) >= time);
        expect([probe, l.firstOffsetAtOrAfter(time)]).toEqual([probe, first < 0 ? model.length : first]);
      }
    };
    check(log);
    log.close();
    log = PartitionLog.open(file, 0);
    // After a reopen nothing is cached: every read comes from the file through the index.
    check(log);
    log.close();
  });

  test('a torn last line is cut off when the file is opened again, and the next append takes its offset', () => {
    const file = join(dir, 'p1.jsonl');
    const log = PartitionLog.open(file, 1);
    log.append([{ key: null, value: Buffer.from('one') }, { key: null, value: Buffer.from('two') }], '2026-12-02T00:00:00.000Z');
    log.close();
    appendFileSync(file, '{"offset":2,"timestamp":"2026-12-02T00:00:01.000Z","key":null,"val');
    const reopened = PartitionLog.open(file, 1);
    expect(reopened.nextOffset).toBe(2);
    const [three] = reopened.append([{ key: null, value: Buffer.from('three') }], '2026-12-02T00:00:02.000Z');
    expect(three.offset).toBe(2);
    expect(reopened.all().map((m) => m.value.toString())).toEqual(['one', 'two', 'three']);
    reopened.close();
  });
});
