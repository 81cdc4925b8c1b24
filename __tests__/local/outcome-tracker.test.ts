import { OutcomeTracker } from '../../lib/local/outcome-tracker';
import type { DemoOutcomeLine } from '../../lib/local/demo-consumer';

const line = (object: string, status: DemoOutcomeLine['status'], extra: Partial<DemoOutcomeLine> = {}): DemoOutcomeLine => ({
  type: 'outcome',
  instance: 'c1',
  status,
  reason: status === 'processed' ? null : 'handler-failed',
  previous: null,
  object,
  eventType: 'com.oraclecloud.objectstorage.createobject',
  sha256: null,
  ...extra,
});

describe('OutcomeTracker', () => {
  test('each uploaded object counts once: processed over dead-lettered over skipped; unreported ones are lost', () => {
    const t = new OutcomeTracker();
    t.record(line('a', 'dead-lettered'));
    t.record(line('a', 'processed')); // a redelivery succeeded after an earlier dead letter
    t.record(line('b', 'skipped', { reason: 'object-gone' }));
    t.record(line('b', 'dead-lettered'));
    t.record(line('c', 'skipped', { reason: 'superseded' }));
    t.record(line('d', 'skipped', { reason: 'duplicate', previous: 'processed' })); // the group's checkpoint: processed by an instance that died
    t.record(line('f', 'skipped', { reason: 'duplicate', previous: 'skipped' })); // a duplicate of a skip is a skip
    t.record(line('x', 'processed')); // not uploaded in this run: not counted
    expect(t.summary(['a', 'b', 'c', 'd', 'e', 'f'], 7)).toEqual({ uploaded: 6, filtered: 0, published: 7, processed: 2, skipped: 2, deadLettered: 1, lost: 1 });
    // Uploads the object filter excludes are filtered unless processed anyway (then the bug shows as processed).
    t.record(line('g', 'processed'));
    expect(t.summary(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'], 7, new Set(['e', 'g', 'h']))).toEqual({
      uploaded: 8,
      filtered: 2,
      published: 7,
      processed: 3,
      skipped: 2,
      deadLettered: 1,
      lost: 0,
    });
    expect(['a', 'b', 'c', 'd', 'e', 'f'].map((n) => t.done(n))).toEqual([true, true, true, true, false, true]);
  });

  test('delete claims are not files; duplicates and checksum mismatches (a different hash or none) are listed', () => {
    const t = new OutcomeTracker();
    t.uploadedSha.set('a', 'aaa');
    t.uploadedSha.set('b', 'bbb');
    t.uploadedSha.set('c', 'ccc');
    t.record(line('a', 'processed', { sha256: 'aaa' }));
    t.record(line('a', 'processed', { sha256: 'bbb', instance: 'c2' }));
    t.record(line('b', 'processed')); // processed, but no hash reported: not verified
    t.record(line('c', 'processed', { sha256: 'ccc' }));
    t.record(line('x', 'processed')); // not uploaded by us: nothing to compare with
    t.record(line('gone', 'dead-lettered', { eventType: 'com.oraclecloud.objectstorage.deleteobject' }));
    t.record(line('gone', 'processed', { eventType: 'com.oraclecloud.objectstorage.deleteobject' }));
    t.record(line('gone', 'skipped', { eventType: 'com.oraclecloud.objectstorage.deleteobject' }));
    expect(t.duplicates()).toEqual(['a']);
    expect(t.checksumMismatches).toEqual(['a', 'b']);
    expect(t.processedBy.get('a')).toBe('c2');
    expect(t.done('gone')).toBe(false);
    expect([...t.deleteOutcomes]).toEqual([['gone', 'processed']]);
  });

  test('waitForAll resolves true once every name is done, false at the timeout, and reports progress', async () => {
    const t = new OutcomeTracker();
    const reports: number[] = [];
    setTimeout(() => t.record(line('a', 'processed')), 30);
    expect(await t.waitForAll(() => ['a'], 5000, (pending) => reports.push(pending))).toBe(true);
    expect(reports[0]).toBe(1);
    expect(reports[reports.length - 1]).toBe(0);
    expect(await t.waitForAll(() => ['a', 'never'], 150)).toBe(false);
  });
});
