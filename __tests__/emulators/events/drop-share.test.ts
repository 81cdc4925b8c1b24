/** The Events emulator's `dropShare`: a deterministic share of lost events, the fault the reconciler exists for. */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventsEmulator, parseRuleCondition } from '../../../lib/emulators/events';
import { objectEventsCondition } from '../../../lib';

const context = { compartmentId: 'ocid1.compartment.oc1..aaaa' };
const condition = parseRuleCondition(objectEventsCondition('landing', ['createobject', 'updateobject', 'deleteobject']));
const change = (object: string, bucket = 'landing') => ({ type: 'createobject' as const, namespace: 'ns', bucket, object, etag: `etag-${object}`, time: new Date() });
const NAMES = Array.from({ length: 1000 }, (_, i) => `files/${i}.txt`);

describe('EventsEmulator dropShare', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  /** Publishes NAMES (and one change in another bucket) and returns what was delivered, once everything drained. */
  async function deliveredWith(options: { dropShare?: number; dropSeed?: string }) {
    const dataDir = mkdtempSync(join(tmpdir(), 'events-drop-'));
    dirs.push(dataDir);
    const delivered: string[] = [];
    const emulator = await EventsEmulator.start({
      dataDir,
      context,
      ...options,
      rules: [{ id: 'rule', condition, deliver: async (json) => (delivered.push(JSON.parse(json).data.resourceName), { delivered: true, retryable: false, detail: 'ok' }) }],
    });
    for (const name of NAMES) emulator.publish(change(name));
    emulator.publish(change('elsewhere', 'other-bucket'));
    await emulator.drain(20000);
    await emulator.stop();
    expect(readdirSync(join(dataDir, 'pending'))).toEqual([]);
    return { delivered, stats: { ...emulator.stats } };
  }

  test('loses about the share asked for, counts it, and delivers the rest once', async () => {
    const { delivered, stats } = await deliveredWith({ dropShare: 0.2, dropSeed: 'a' });
    expect(stats.dropped).toBeGreaterThan(150);
    expect(stats.dropped).toBeLessThan(250);
    expect(stats).toEqual({ matched: 1000, unmatched: 1, delivered: 1000 - stats.dropped, retries: 0, rejected: 0, dropped: stats.dropped });
    expect(new Set(delivered).size).toBe(delivered.length);
  });

  test('is deterministic per seed and object: the same seed loses the same files, another seed others', async () => {
    const first = await deliveredWith({ dropShare: 0.2, dropSeed: 'a' });
    const again = await deliveredWith({ dropShare: 0.2, dropSeed: 'a' });
    const other = await deliveredWith({ dropShare: 0.2, dropSeed: 'b' });
    expect(again.delivered).toEqual(first.delivered);
    expect(other.delivered).not.toEqual(first.delivered);
  });

  test('0 loses nothing, 1 loses every matched event; anything outside 0..1 is refused', async () => {
    expect((await deliveredWith({ dropShare: 0 })).stats).toMatchObject({ delivered: 1000, dropped: 0 });
    expect((await deliveredWith({ dropShare: 1 })).stats).toMatchObject({ matched: 1000, delivered: 0, dropped: 1000 });
    for (const bad of [-0.1, 1.5, Number.NaN]) {
      await expect(EventsEmulator.start({ dataDir: mkdtempSync(join(tmpdir(), 'events-drop-')), context, rules: [], dropShare: bad })).rejects.toThrow(/dropShare must be a number from 0 to 1/);
    }
  });
});
