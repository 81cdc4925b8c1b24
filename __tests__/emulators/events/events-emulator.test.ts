import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeliveryResult, EventsEmulator, parseRuleCondition } from '../../../lib/emulators/events';
import { objectEventsCondition } from '../../../lib';
import { waitFor } from '../../helpers/wait-for';

const context = { compartmentId: 'ocid1.compartment.oc1..aaaa' };
const condition = parseRuleCondition(objectEventsCondition('landing', ['createobject', 'updateobject', 'deleteobject']));
const change = (object: string, bucket = 'landing') => ({
  type: 'createobject' as const,
  namespace: 'ns',
  bucket,
  object,
  etag: `etag-${object}`,
  time: new Date(),
});

describe('EventsEmulator', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'events-emu-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  test('delivers each matching event once, in order; other buckets are not delivered', async () => {
    const received: any[] = [];
    const emulator = await EventsEmulator.start({
      dataDir,
      context,
      rules: [{ id: 'rule', condition, deliver: async (json) => (received.push(JSON.parse(json)), { delivered: true, retryable: false, detail: 'ok' }) }],
    });
    emulator.publish(change('a'));
    emulator.publish(change('b', 'other-bucket'));
    emulator.publish(change('c'));
    await emulator.drain(20000);
    expect(received.map((e) => e.data.resourceName)).toEqual(['a', 'c']);
    expect(emulator.stats).toEqual({ matched: 2, unmatched: 1, delivered: 2, retries: 0, rejected: 0, dropped: 0 });
    expect(readdirSync(join(dataDir, 'pending'))).toEqual([]);
    await emulator.stop();
  });

  test('retries a failing target until it accepts (at least once), keeps rejected events aside', async () => {
    let calls = 0;
    const outcomes: DeliveryResult[] = [
      { delivered: false, retryable: true, detail: '502' },
      { delivered: false, retryable: true, detail: 'socket hang up' },
      { delivered: true, retryable: false, detail: 'ok' },
      { delivered: false, retryable: false, detail: 'rejected: malformed' },
    ];
    const emulator = await EventsEmulator.start({
      dataDir,
      context,
      retryBaseMs: 5,
      rules: [{ id: 'rule', condition, deliver: async () => outcomes[calls++] }],
    });
    emulator.publish(change('a'));
    await emulator.drain(20000);
    expect(calls).toBe(3);
    emulator.publish(change('b'));
    await emulator.drain(20000);
    expect(emulator.stats).toMatchObject({ delivered: 1, retries: 2, rejected: 1 });
    expect(readdirSync(join(dataDir, 'rejected'))).toHaveLength(1);
    await emulator.stop();
  });

  test('a restart loses nothing: undelivered events are delivered by the next instance', async () => {
    const attempted = new Set<string>();
    const first = await EventsEmulator.start({
      dataDir,
      context,
      retryBaseMs: 60000,
      rules: [
        {
          id: 'rule',
          condition,
          deliver: async (json) => (attempted.add(JSON.parse(json).data.resourceName), { delivered: false, retryable: true, detail: 'down' }),
        },
      ],
    });
    first.publish(change('a'));
    first.publish(change('b'));
    // Both deliveries were tried and failed (not just queued) before the stop.
    await waitFor(() => attempted.size === 2, { what: 'a failed delivery attempt of both events', state: () => [...attempted] });
    await first.stop();
    expect(first.stats).toMatchObject({ matched: 2, delivered: 0 });
    expect(readdirSync(join(dataDir, 'pending'))).toHaveLength(2);

    const received: string[] = [];
    const second = await EventsEmulator.start({
      dataDir,
      context,
      rules: [{ id: 'rule', condition, deliver: async (json) => (received.push(JSON.parse(json).data.resourceName), { delivered: true, retryable: false, detail: 'ok' }) }],
    });
    await second.drain(20000);
    expect(received).toEqual(['a', 'b']);
    await second.stop();
  });

  test('a target that throws is retried', async () => {
    let calls = 0;
    const emulator = await EventsEmulator.start({
      dataDir,
      context,
      retryBaseMs: 5,
      rules: [{ id: 'rule', condition, deliver: async () => { if (calls++ === 0) throw new Error('ECONNREFUSED'); return { delivered: true, retryable: false, detail: 'ok' }; } }],
    });
    emulator.publish(change('a'));
    await emulator.drain(20000);
    expect(calls).toBe(2);
    await emulator.stop();
  });
});
