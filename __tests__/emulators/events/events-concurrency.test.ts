/**
 * The Events emulator delivering to several function containers at once (`concurrency`), with memory bounded by
 * `maxInMemoryPerRule` however large the backlog: still at least once, per rule, and durable across a restart.
 * Targets here hold each call until the test releases it, so every wait is on an event, never on a guessed time.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeliveryResult, EventsEmulator, parseRuleCondition } from '../../../lib/emulators/events';
import { objectEventsCondition } from '../../../lib';
import { waitFor } from '../../helpers/wait-for';

const context = { compartmentId: 'ocid1.compartment.oc1..aaaa' };
const landing = parseRuleCondition(objectEventsCondition('landing', ['createobject']));
const change = (object: string, bucket = 'landing') => ({ type: 'createobject' as const, namespace: 'ns', bucket, object, etag: `etag-${object}`, time: new Date() });
const OK: DeliveryResult = { delivered: true, retryable: false, detail: 'ok' };
const DOWN: DeliveryResult = { delivered: false, retryable: true, detail: 'HTTP 502' };

/** A target whose calls wait until released; counts calls in flight and the most seen at once. */
class HeldTarget {
  readonly calls: string[] = [];
  readonly accepted: string[] = [];
  inFlight = 0;
  maxInFlight = 0;
  private held: Array<{ object: string; resolve: (result: DeliveryResult) => void }> = [];

  constructor(private readonly answer: (object: string, attempt: number) => DeliveryResult = () => OK) {}

  readonly deliver = (json: string): Promise<DeliveryResult> => {
    const object = JSON.parse(json).data.resourceName as string;
    this.calls.push(object);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    return new Promise<DeliveryResult>((resolve) => this.held.push({ object, resolve })).then((result) => {
      this.inFlight--;
      if (result.delivered) this.accepted.push(object);
      return result;
    });
  };

  get waiting(): number {
    return this.held.length;
  }

  /** Answers every held call (with `answer`, or the target's own rule). */
  releaseAll(answer?: DeliveryResult): void {
    for (const call of this.held.splice(0)) {
      const attempt = this.calls.filter((o) => o === call.object).length;
      call.resolve(answer ?? this.answer(call.object, attempt));
    }
  }

  /** Releases held calls as they come until `done()` holds. */
  async releaseUntil(done: () => boolean, what: string): Promise<void> {
    await waitFor(
      () => {
        this.releaseAll();
        return done();
      },
      { what, timeoutMs: 30_000, state: () => ({ calls: this.calls.length, accepted: this.accepted.length, held: this.held.length }) },
    );
  }
}

const counts = (names: readonly string[]) => names.reduce((m, n) => m.set(n, (m.get(n) ?? 0) + 1), new Map<string, number>());

describe('EventsEmulator concurrency', () => {
  let dataDir: string;
  const started: EventsEmulator[] = [];
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'events-concurrency-'));
  });
  afterEach(async () => {
    for (const emulator of started.splice(0)) await emulator.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const start = async (options: Partial<Parameters<typeof EventsEmulator.start>[0]> & Pick<Parameters<typeof EventsEmulator.start>[0], 'rules'>) => {
    const emulator = await EventsEmulator.start({ dataDir, context, retryBaseMs: 5, retryMaxMs: 20, ...options });
    started.push(emulator);
    return emulator;
  };

  test('up to `concurrency` calls are in flight at once, never more; every event is accepted exactly once', async () => {
    const target = new HeldTarget();
    const emulator = await start({ concurrency: 4, rules: [{ id: 'rule', condition: landing, deliver: target.deliver }] });
    const names = Array.from({ length: 30 }, (_, i) => `f/${i}`);
    for (const name of names) emulator.publish(change(name));

    // Four calls are started and held; a fifth is not, while they are.
    await waitFor(() => target.waiting === 4, { what: 'four calls in flight', state: () => target.waiting });
    expect(emulator.inFlight).toBe(4);
    await new Promise((resolve) => setImmediate(resolve));
    expect(target.calls).toHaveLength(4);

    await target.releaseUntil(() => target.accepted.length === names.length, 'every event accepted');
    await emulator.drain(10_000);
    expect(target.maxInFlight).toBe(4);
    expect([...counts(target.accepted).entries()].sort()).toEqual(names.map((n) => [n, 1]).sort());
    expect(emulator.stats).toMatchObject({ matched: 30, delivered: 30, retries: 0 });
    expect(readdirSync(join(dataDir, 'pending'))).toEqual([]);
  });

  test('failed deliveries are retried while others go on, until each is accepted; order is not kept', async () => {
    // Every third object fails its first two attempts (a 502), the rest are accepted at once.
    const target = new HeldTarget((object, attempt) => (Number(object.split('/')[1]) % 3 === 0 && attempt <= 2 ? DOWN : OK));
    const emulator = await start({ concurrency: 3, rules: [{ id: 'rule', condition: landing, deliver: target.deliver }] });
    const names = Array.from({ length: 12 }, (_, i) => `r/${i}`);
    for (const name of names) emulator.publish(change(name));

    await target.releaseUntil(() => target.accepted.length === names.length, 'every event accepted after its retries');
    await emulator.drain(10_000);
    const failing = names.filter((n) => Number(n.split('/')[1]) % 3 === 0);
    expect(emulator.stats).toMatchObject({ delivered: 12, retries: failing.length * 2, rejected: 0 });
    expect([...counts(target.calls).entries()].sort()).toEqual(names.map((n) => [n, failing.includes(n) ? 3 : 1]).sort());
    expect(new Set(target.accepted)).toEqual(new Set(names));
    expect(target.maxInFlight).toBeLessThanOrEqual(3);
  });

  test('each rule has its own deliveries and its own calls in flight: a failing rule does not hold up another', async () => {
    const all = parseRuleCondition(objectEventsCondition('*', ['createobject']));
    const broken = new HeldTarget(() => DOWN);
    const working = new HeldTarget();
    const emulator = await start({
      concurrency: 2,
      retryBaseMs: 60_000,
      retryMaxMs: 60_000,
      rules: [
        { id: 'broken', condition: landing, deliver: broken.deliver },
        { id: 'working', condition: all, deliver: working.deliver },
      ],
    });
    const names = Array.from({ length: 8 }, (_, i) => `p/${i}`);
    for (const name of names) emulator.publish(change(name));
    emulator.publish(change('elsewhere', 'other'));

    // The working rule gets every event (both buckets) while the broken one fails and waits for its retries.
    await working.releaseUntil(() => working.accepted.length === 9, 'the working rule to accept every event');
    await broken.releaseUntil(() => emulator.stats.retries >= 8, 'the broken rule to fail each of its events once');
    expect(new Set(working.accepted)).toEqual(new Set([...names, 'elsewhere']));
    expect(broken.accepted).toEqual([]);
    expect(broken.maxInFlight).toBeLessThanOrEqual(2);
    expect(working.maxInFlight).toBeLessThanOrEqual(2);
    // Still owed to the broken rule, on disk.
    expect(emulator.pending).toBe(8);
    expect(readdirSync(join(dataDir, 'pending')).filter((f) => f.endsWith('-broken.json'))).toHaveLength(8);
  });

  test('memory holds at most `maxInMemoryPerRule` deliveries however large the backlog; the rest wait on disk and all arrive once', async () => {
    const target = new HeldTarget();
    const emulator = await start({ concurrency: 3, maxInMemoryPerRule: 20, rules: [{ id: 'rule', condition: landing, deliver: target.deliver }] });
    const names = Array.from({ length: 600 }, (_, i) => `m/${i}`);
    for (const name of names) emulator.publish(change(name));
    await waitFor(() => target.waiting === 3, { what: 'three calls in flight' });

    // 600 owed, 20 in memory (3 of them in flight), the other 580 named in the spill log only.
    expect(emulator.pending).toBe(600);
    expect(emulator.inMemory).toBe(20);
    expect(readdirSync(join(dataDir, 'pending')).filter((f) => f.endsWith('.json'))).toHaveLength(600);

    let mostHeld = 0;
    await target.releaseUntil(() => {
      mostHeld = Math.max(mostHeld, emulator.inMemory);
      return target.accepted.length === names.length;
    }, 'every event accepted');
    await emulator.drain(10_000);
    expect(mostHeld).toBeLessThanOrEqual(20);
    expect(emulator.inMemory).toBe(0);
    expect([...counts(target.accepted).values()].every((n) => n === 1)).toBe(true);
    expect(new Set(target.accepted)).toEqual(new Set(names));
  });

  test('a restart with a backlog larger than memory holds delivers every event once, concurrently', async () => {
    const first = new HeldTarget();
    const emulator = await start({ concurrency: 2, maxInMemoryPerRule: 10, rules: [{ id: 'rule', condition: landing, deliver: first.deliver }] });
    const names = Array.from({ length: 200 }, (_, i) => `b/${i}`);
    for (const name of names) emulator.publish(change(name));
    await waitFor(() => first.waiting === 2, { what: 'two calls in flight' });
    // Stopped with two calls in flight: they fail (retryable), everything stays pending on disk.
    const stopping = emulator.stop();
    first.releaseAll(DOWN);
    await stopping;
    started.splice(0);
    expect(readdirSync(join(dataDir, 'pending')).filter((f) => f.endsWith('.json'))).toHaveLength(200);

    const second = new HeldTarget();
    const again = await start({ concurrency: 4, maxInMemoryPerRule: 10, rules: [{ id: 'rule', condition: landing, deliver: second.deliver }] });
    expect(again.pending).toBe(200);
    expect(again.inMemory).toBeLessThanOrEqual(10);
    await second.releaseUntil(() => second.accepted.length === names.length, 'every event accepted after the restart');
    await again.drain(10_000);
    expect(second.maxInFlight).toBe(4);
    expect([...counts(second.accepted).values()].every((n) => n === 1)).toBe(true);
    expect(new Set(second.accepted)).toEqual(new Set(names));
  });

  test('concurrency and maxInMemoryPerRule are checked', async () => {
    const rules = [{ id: 'rule', condition: landing, deliver: async () => OK }];
    await expect(EventsEmulator.start({ dataDir, context, rules, concurrency: 0 })).rejects.toThrow(/concurrency must be an integer >= 1/);
    await expect(EventsEmulator.start({ dataDir, context, rules, concurrency: 1.5 })).rejects.toThrow(/concurrency must be an integer >= 1/);
    await expect(EventsEmulator.start({ dataDir, context, rules, concurrency: 4, maxInMemoryPerRule: 3 })).rejects.toThrow(/maxInMemoryPerRule must be an integer >= concurrency \(4\)/);
  });
});
