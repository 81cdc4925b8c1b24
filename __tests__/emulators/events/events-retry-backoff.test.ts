import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventsEmulator, parseRuleCondition } from '../../../lib/emulators/events';
import { objectEventsCondition } from '../../../lib';
import { waitFor } from '../../helpers/wait-for';

const context = { compartmentId: 'ocid1.compartment.oc1..aaaa' };
const condition = parseRuleCondition(objectEventsCondition('landing', ['createobject']));
const change = { type: 'createobject' as const, namespace: 'ns', bucket: 'landing', object: 'a', etag: 'etag-a', time: new Date() };

/** Redeliveries are spaced by the product's backoff (lib/runtime/backoff.ts), drawn with the injected clock's random(). */
describe('EventsEmulator retry backoff', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'events-backoff-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  async function start(random: () => number): Promise<{ emulator: EventsEmulator; calls: number[] }> {
    const calls: number[] = [];
    const emulator = await EventsEmulator.start({
      dataDir,
      context,
      retryBaseMs: 60_000,
      retryMaxMs: 60_000,
      clock: { now: () => Date.now(), random },
      rules: [{ id: 'rule', condition, deliver: async () => (calls.push(Date.now()), { delivered: calls.length === 3, retryable: true, detail: 'x' }) }],
    });
    emulator.publish(change);
    return { emulator, calls };
  }

  it('a draw of 0 retries at once, however large the ceiling', async () => {
    const random = jest.fn(() => 0);
    const { emulator, calls } = await start(random);
    try {
      await waitFor(() => calls.length >= 3, { what: 'the third attempt', timeoutMs: 5_000 });
      expect(random).toHaveBeenCalledTimes(2);
    } finally {
      await emulator.stop();
    }
  });

  it('a draw near 1 waits close to the ceiling (60 s here): no second attempt soon', async () => {
    const { emulator, calls } = await start(() => 0.99);
    try {
      await waitFor(() => calls.length >= 1, { what: 'the first attempt', timeoutMs: 5_000 });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(calls).toHaveLength(1);
      expect(emulator.pending).toBe(1);
    } finally {
      await emulator.stop();
    }
  });
});
