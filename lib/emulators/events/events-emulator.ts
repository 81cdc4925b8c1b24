import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { backoffDelayMs } from '../../runtime/backoff';
import { Clock, systemClock } from '../../runtime/clock';
import { errorMessage } from '../../runtime/errors';
import { matchesCondition, RuleCondition } from './condition-matcher';
import { ObjectChange, objectEvent, ObjectEventContext } from './object-event';
import { SpillLog } from './spill-log';

/** What happened when an event was handed to a rule's target. */
export interface DeliveryResult {
  /** The target accepted the event; it will not be sent again. */
  readonly delivered: boolean;
  /** When not delivered: whether trying again can help (a crash or a 5xx can; a rejected event cannot). */
  readonly retryable: boolean;
  readonly detail: string;
}

/** A rule: a condition and the target its matching events go to (the FDK invoker of the function, locally). */
export interface EmulatedRule {
  readonly id: string;
  readonly condition: RuleCondition;
  readonly deliver: (eventJson: string) => Promise<DeliveryResult>;
}

/** Options of `EventsEmulator`: its rules, what goes into the events, retries and lost events. */
export interface EventsEmulatorOptions {
  /** Where undelivered events are kept, so a restart loses nothing. */
  readonly dataDir: string;
  /** The rules: each a condition and the target its matching events are delivered to. */
  readonly rules: EmulatedRule[];
  /** Compartment and bucket ids written into the events. */
  readonly context: ObjectEventContext;
  /**
   * Ceiling of the first retry delay; it doubles per failed attempt up to `retryMaxMs`, and each delay is drawn
   * below it (the product's backoff, lib/runtime/backoff.ts). @default 200
   */
  readonly retryBaseMs?: number;
  /** @default 5000 */
  readonly retryMaxMs?: number;
  /**
   * Fault injection: the share (0..1) of matched object events that are lost, never delivered, as if Events had
   * not called the function (or had given up on it: OCI documents no retry policy for function actions). Which
   * events are lost is decided by a hash of `dropSeed`, the event type and the object's namespace, bucket and name,
   * so the same files are lost in every run with the same seed. @default 0
   */
  readonly dropShare?: number;
  /** @default 'claimcheck' */
  readonly dropSeed?: string;
  /** `now()` orders and times the deliveries, `random()` draws the retry delays. @default the system clock */
  readonly clock?: Pick<Clock, 'now' | 'random'>;
  /**
   * How many deliveries to one rule may be in flight at once: the containers its function runs side by side. OCI
   * Functions answers a call that arrives while every container is busy by starting another one (one call per
   * container at a time); 1 is one container taking one event after another. Events to one rule are then started
   * in the order they were recorded but may finish (and be retried) in any order: OCI does not document an order
   * for Events deliveries either. @default 1
   */
  readonly concurrency?: number;
  /**
   * How many deliveries per rule are held in memory (waiting, in flight or waiting for a retry); the rest wait on
   * disk only, named in a spill log, and are taken in as these finish. Memory stays bounded however large the
   * backlog grows. Later events are not held up by failing ones unless this many of the rule's deliveries are
   * failing at once. At least `concurrency`. @default 1000
   */
  readonly maxInMemoryPerRule?: number;
}

/** Counters of a running `EventsEmulator`. */
export interface EventsStats {
  matched: number;
  unmatched: number;
  delivered: number;
  retries: number;
  rejected: number;
  /** Matched events lost on purpose (`dropShare`). */
  dropped: number;
}

/** A delivery held in memory: its pending file (under `<dataDir>/pending/`) and its retry state. */
interface Delivery {
  readonly name: string;
  attempts: number;
  notBefore: number;
}

/** One rule's deliveries: at most `maxInMemoryPerRule` in memory, the rest named in its spill log. */
interface Lane {
  readonly ruleId: string;
  /** Not attempted yet, oldest first. */
  readonly ready: Delivery[];
  /** Failed and waiting for their retry, soonest first. */
  readonly waiting: Delivery[];
  inFlight: number;
  readonly spill: SpillLog;
}

const PENDING_NAME = /^\d+-\d+-(.+)\.json$/;

/**
 * The Events service, locally: turns object changes into OCI object events, matches them against the rules'
 * conditions and delivers each match to its target at least once. Every delivery is written to
 * `<dataDir>/pending/` before it is attempted and removed only once the target accepted it (or rejected it as
 * bad input, which retrying cannot fix; those are kept in `<dataDir>/rejected/`), so neither a failing function
 * nor a restart of the emulator loses an event. Each rule has up to `concurrency` deliveries in flight, like that
 * many Fn containers that take one request at a time each; a rule's deliveries beyond `maxInMemoryPerRule` wait on
 * disk only, so memory does not grow with the backlog or with the number of events delivered.
 */
export class EventsEmulator {
  public static async start(options: EventsEmulatorOptions): Promise<EventsEmulator> {
    const share = options.dropShare ?? 0;
    if (!(typeof share === 'number' && share >= 0 && share <= 1)) throw new Error(`dropShare must be a number from 0 to 1; got ${JSON.stringify(options.dropShare)}`);
    const concurrency = options.concurrency ?? 1;
    if (!(Number.isInteger(concurrency) && concurrency >= 1)) throw new Error(`concurrency must be an integer >= 1; got ${JSON.stringify(options.concurrency)}`);
    const window = options.maxInMemoryPerRule ?? Math.max(1000, concurrency);
    if (!(Number.isInteger(window) && window >= concurrency)) {
      throw new Error(`maxInMemoryPerRule must be an integer >= concurrency (${concurrency}); got ${JSON.stringify(options.maxInMemoryPerRule)}`);
    }
    const emulator = new EventsEmulator(options, concurrency, window);
    emulator.loadPending();
    emulator.schedulePump();
    return emulator;
  }

  public readonly stats: EventsStats = { matched: 0, unmatched: 0, delivered: 0, retries: 0, rejected: 0, dropped: 0 };
  private readonly pendingDir: string;
  private readonly rejectedDir: string;
  private readonly spillDir: string;
  private readonly lanes = new Map<string, Lane>();
  private readonly rules: Map<string, EmulatedRule>;
  private readonly clock: Pick<Clock, 'now' | 'random'>;
  private sequence = 0;
  private timer?: NodeJS.Timeout;
  private pumpScheduled = false;
  private inFlightTotal = 0;
  private stopped = false;
  private idleWaiters: Array<() => void> = [];
  private settledWaiters: Array<() => void> = [];

  private constructor(
    private readonly options: EventsEmulatorOptions,
    /** Deliveries in flight per rule. */
    public readonly concurrency: number,
    /** Deliveries held in memory per rule. */
    public readonly maxInMemoryPerRule: number,
  ) {
    this.pendingDir = join(options.dataDir, 'pending');
    this.rejectedDir = join(options.dataDir, 'rejected');
    this.spillDir = join(options.dataDir, 'spill');
    mkdirSync(this.pendingDir, { recursive: true });
    mkdirSync(this.rejectedDir, { recursive: true });
    // Rebuilt from the pending files on every start.
    rmSync(this.spillDir, { recursive: true, force: true });
    mkdirSync(this.spillDir, { recursive: true });
    this.rules = new Map(options.rules.map((rule) => [rule.id, rule]));
    this.clock = options.clock ?? systemClock;
  }

  /** Number of deliveries not yet accepted by their target (in memory, in flight or waiting on disk). */
  public get pending(): number {
    let pending = 0;
    for (const lane of this.lanes.values()) pending += lane.ready.length + lane.waiting.length + lane.inFlight + lane.spill.size;
    return pending;
  }

  /** Deliveries held in memory (waiting, in flight or waiting for a retry): at most `maxInMemoryPerRule` per rule. */
  public get inMemory(): number {
    let held = 0;
    for (const lane of this.lanes.values()) held += lane.ready.length + lane.waiting.length + lane.inFlight;
    return held;
  }

  /** Deliveries in flight now (at most `concurrency` per rule). */
  public get inFlight(): number {
    return this.inFlightTotal;
  }

  /** Records an object change: one durable delivery per matching rule. */
  public publish(change: ObjectChange): void {
    const event = objectEvent(change, this.options.context);
    let matched = false;
    const dropped = this.dropped(change);
    for (const rule of this.rules.values()) {
      if (!matchesCondition(event, rule.condition)) continue;
      matched = true;
      if (dropped) this.stats.dropped++;
      else this.enqueue(rule.id, event);
    }
    if (matched) this.stats.matched++;
    else this.stats.unmatched++;
    this.schedulePump();
  }

  /** Whether `dropShare` loses the event of this change (deterministic per seed, event type and object). */
  private dropped(change: ObjectChange): boolean {
    const share = this.options.dropShare ?? 0;
    if (share <= 0) return false;
    const identity = JSON.stringify([this.options.dropSeed ?? 'claimcheck', change.type, change.namespace, change.bucket, change.object]);
    return createHash('sha256').update(identity, 'utf8').digest().readUInt32BE(0) / 2 ** 32 < share;
  }

  /** Resolves once every delivery so far was accepted or rejected (or rejects after `timeoutMs`). */
  public async drain(timeoutMs = 30000): Promise<void> {
    if (this.idle()) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`events still pending after ${timeoutMs} ms: ${this.pending}`)), timeoutMs);
      this.idleWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Stops delivering and waits for the deliveries in flight to settle; pending deliveries stay on disk for the next start. */
  public async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.inFlightTotal > 0) await new Promise<void>((resolve) => this.settledWaiters.push(resolve));
    for (const lane of this.lanes.values()) lane.spill.close();
  }

  private lane(ruleId: string): Lane {
    let lane = this.lanes.get(ruleId);
    if (!lane) {
      lane = { ruleId, ready: [], waiting: [], inFlight: 0, spill: new SpillLog(join(this.spillDir, `${this.lanes.size}.log`)) };
      this.lanes.set(ruleId, lane);
    }
    return lane;
  }

  private enqueue(ruleId: string, event: Record<string, unknown>): void {
    const name = `${this.clock.now().toString().padStart(15, '0')}-${String(this.sequence++).padStart(9, '0')}-${ruleId}.json`;
    const file = join(this.pendingDir, name);
    writeFileSync(`${file}.tmp`, JSON.stringify({ ruleId, event }));
    renameSync(`${file}.tmp`, file);
    this.hold(this.lane(ruleId), name);
  }

  /** In memory while the rule has room and nothing older waits on disk; otherwise named in the spill log. */
  private hold(lane: Lane, name: string): void {
    if (lane.spill.size === 0 && this.held(lane) < this.maxInMemoryPerRule) lane.ready.push({ name, attempts: 0, notBefore: 0 });
    else lane.spill.append(name);
  }

  private held(lane: Lane): number {
    return lane.ready.length + lane.waiting.length + lane.inFlight;
  }

  private loadPending(): void {
    for (const name of readdirSync(this.pendingDir).filter((n) => n.endsWith('.json')).sort()) {
      const ruleId = PENDING_NAME.exec(name)?.[1] ?? (JSON.parse(readFileSync(join(this.pendingDir, name), 'utf8')) as { ruleId: string }).ruleId;
      this.hold(this.lane(ruleId), name);
      this.sequence++;
    }
  }

  private idle(): boolean {
    for (const lane of this.lanes.values()) if (lane.ready.length + lane.waiting.length + lane.inFlight + lane.spill.size > 0) return false;
    return true;
  }

  private schedulePump(): void {
    if (this.stopped || this.pumpScheduled) return;
    this.pumpScheduled = true;
    setImmediate(() => {
      this.pumpScheduled = false;
      this.pump();
    });
  }

  /** Starts what may start now (due retries first, then the oldest waiting), and sets a timer for the next retry. */
  private pump(): void {
    if (this.stopped) return;
    const now = this.clock.now();
    let wakeAt = Number.POSITIVE_INFINITY;
    for (const lane of this.lanes.values()) {
      while (lane.inFlight < this.concurrency) {
        let next: Delivery | undefined;
        if (lane.waiting.length > 0 && lane.waiting[0].notBefore <= now) next = lane.waiting.shift();
        else {
          if (lane.ready.length === 0) this.refill(lane);
          next = lane.ready.shift();
        }
        if (!next) break;
        this.launch(lane, next);
      }
      if (lane.inFlight < this.concurrency && lane.waiting.length > 0) wakeAt = Math.min(wakeAt, lane.waiting[0].notBefore);
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (wakeAt !== Number.POSITIVE_INFINITY) this.timer = setTimeout(() => this.pump(), Math.max(0, wakeAt - now));
    if (this.idle()) this.idleWaiters.splice(0).forEach((resolve) => resolve());
  }

  /** Takes deliveries named in the spill log into memory, as many as the rule has room for. */
  private refill(lane: Lane): void {
    const room = this.maxInMemoryPerRule - this.held(lane);
    if (lane.spill.size === 0 || room <= 0) return;
    for (const name of lane.spill.take(room)) lane.ready.push({ name, attempts: 0, notBefore: 0 });
  }

  private launch(lane: Lane, delivery: Delivery): void {
    lane.inFlight++;
    this.inFlightTotal++;
    void this.attempt(lane, delivery).finally(() => {
      lane.inFlight--;
      this.inFlightTotal--;
      if (this.inFlightTotal === 0) this.settledWaiters.splice(0).forEach((resolve) => resolve());
      this.pump();
    });
  }

  private async attempt(lane: Lane, delivery: Delivery): Promise<void> {
    const file = join(this.pendingDir, delivery.name);
    const rule = this.rules.get(lane.ruleId);
    let event: Record<string, unknown> | undefined;
    let result: DeliveryResult | undefined;
    try {
      event = (JSON.parse(readFileSync(file, 'utf8')) as { event: Record<string, unknown> }).event;
    } catch (error) {
      result = { delivered: false, retryable: false, detail: `pending delivery unreadable: ${errorMessage(error)}` };
    }
    if (!result && !rule) result = { delivered: false, retryable: false, detail: `rule ${lane.ruleId} no longer exists` };
    if (!result) {
      try {
        result = await rule!.deliver(JSON.stringify(event));
      } catch (error) {
        result = { delivered: false, retryable: true, detail: errorMessage(error) };
      }
    }
    delivery.attempts++;
    if (result.delivered) {
      this.stats.delivered++;
      rmSync(file, { force: true });
    } else if (!result.retryable) {
      this.stats.rejected++;
      writeFileSync(
        join(this.rejectedDir, delivery.name),
        JSON.stringify({ ruleId: lane.ruleId, event, attempts: delivery.attempts, notBefore: delivery.notBefore, detail: result.detail }, null, 2),
      );
      rmSync(file, { force: true });
    } else {
      this.stats.retries++;
      const backoff = { baseDelayMs: this.options.retryBaseMs ?? 200, maxDelayMs: this.options.retryMaxMs ?? 5000 };
      delivery.notBefore = this.clock.now() + backoffDelayMs(delivery.attempts, backoff, () => this.clock.random());
      insertByNotBefore(lane.waiting, delivery);
    }
  }
}

/** Inserts keeping `waiting` ordered by `notBefore` (stable: after the ones due at the same moment). */
function insertByNotBefore(waiting: Delivery[], delivery: Delivery): void {
  let low = 0;
  let high = waiting.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (waiting[middle].notBefore <= delivery.notBefore) low = middle + 1;
    else high = middle;
  }
  waiting.splice(low, 0, delivery);
}
