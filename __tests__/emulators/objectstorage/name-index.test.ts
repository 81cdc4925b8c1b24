/**
 * The Object Storage emulator's on-disk listing index (name-index.ts) against a plain sorted model: random puts,
 * overwrites and deletes with a tiny memtable (so runs are written, merged and tombstones dropped all the time),
 * listings from random start names, a clean reopen, and a crash (never closed) that must be rebuilt.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { BucketStore } from '../../../lib/emulators/objectstorage/bucket-store';
import { IndexedObject, NameIndex } from '../../../lib/emulators/objectstorage/name-index';
import { compareNames } from '../../../lib/emulators/objectstorage/object-names';

/** A deterministic generator (mulberry32), so a failure replays. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Awkward names on purpose: characters above U+FFFF (surrogate pairs) must sort after U+E000..U+FFFF, as in UTF-8.
const ALPHABET = ['a', 'b', 'z', '/', ' ', "'", 'é', '\uffee', '😀', '\ue000', '0'];
const nameFrom = (next: () => number) => Array.from({ length: 1 + Math.floor(next() * 4) }, () => ALPHABET[Math.floor(next() * ALPHABET.length)]).join('');
const objectOf = (name: string, version: number): IndexedObject => ({
  name,
  size: version,
  etag: `etag-${version}`,
  md5: `md5-${version}`,
  timeCreated: '2026-12-02T00:00:00.000Z',
  timeModified: new Date(Date.UTC(2026, 11, 2) + version).toISOString(),
});

function expectSameAsModel(index: NameIndex, model: Map<string, IndexedObject>, next: () => number): void {
  const sorted = [...model.values()].sort((a, b) => compareNames(a.name, b.name));
  expect([...index.from('')]).toEqual(sorted);
  expect(index.count).toBe(model.size);
  for (let i = 0; i < 5; i++) {
    const from = nameFrom(next);
    expect([from, [...index.from(from)]]).toEqual([from, sorted.filter((o) => compareNames(o.name, from) >= 0)]);
  }
}

describe('NameIndex', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'name-index-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test.each([1, 2, 3])('random changes match the sorted model, through flushes, merges and a clean reopen (seed %i)', (seed) => {
    const next = random(seed);
    const model = new Map<string, IndexedObject>();
    let index = NameIndex.open(dir, { memtableEntries: 3 });
    expect(index.needsRebuild).toBe(true);
    index.rebuild([]);
    for (let step = 1; step <= 600; step++) {
      const name = nameFrom(next);
      if (model.has(name) && next() < 0.4) {
        index.remove(name);
        model.delete(name);
      } else {
        const object = objectOf(name, step);
        index.set(object, !model.has(name));
        model.set(name, object);
      }
      if (step % 50 === 0) expectSameAsModel(index, model, next);
      if (step % 200 === 0) {
        index.close();
        index = NameIndex.open(dir, { memtableEntries: 3 });
        expect(index.needsRebuild).toBe(false);
        expectSameAsModel(index, model, next);
      }
    }
    // Size-tiered merging keeps the number of runs logarithmic.
    expect(index.memory.runs).toBeLessThanOrEqual(12);
    expect(index.memory.memtableEntries).toBeLessThan(3);
    index.close();
  });

  test('an index that was not closed (a crash) asks to be rebuilt, and the rebuild lists what it is given', () => {
    const first = NameIndex.open(dir, { memtableEntries: 2 });
    first.rebuild([]);
    for (let i = 0; i < 7; i++) first.set(objectOf(`n${i}`, i), true);
    // No close: the memtable's last entries are lost, the manifest says unclean.
    const reopened = NameIndex.open(dir, { memtableEntries: 2 });
    expect(reopened.needsRebuild).toBe(true);
    reopened.rebuild([objectOf('b', 2), objectOf('a', 1), objectOf('c', 3)]);
    expect([...reopened.from('')].map((o) => o.name)).toEqual(['a', 'b', 'c']);
    expect(reopened.count).toBe(3);
    reopened.close();
  });

  test('a bucket that crashed (its index never closed) lists every object after reopening, rebuilt from the metadata files', async () => {
    const store = BucketStore.open(dir, { name: 'b' }, { memtableEntries: 4 });
    const names = Array.from({ length: 25 }, (_, i) => `file-${String(i).padStart(2, '0')}`);
    for (const name of names) await store.write(name, Readable.from([Buffer.from(name)]), { attributes: { contentType: 'application/octet-stream', opcMeta: {} }, beforeCommit: () => undefined });
    store.delete('file-03');
    // No close(): as if the process died.
    const again = BucketStore.open(dir, { name: 'b' }, { memtableEntries: 4 });
    expect([...again.list()].map((o) => o.name)).toEqual(names.filter((n) => n !== 'file-03'));
    expect(again.objectCount).toBe(24);
    again.close();
  });
});
