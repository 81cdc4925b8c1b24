import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { backoffDelayMs } from '../../runtime/backoff';
import { Clock, systemClock } from '../../runtime/clock';
import { errorMessage } from '../../runtime/errors';
import { matchesCondition, RuleCondition } from './condition-matcher';
import { ObjectChange, objectEvent, ObjectEventContext } from './object-event';

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

interface PendingDelivery {
  readonly file: string;
  readonly ruleId: string;
  readonly event: Record<string, unknown>;
  attempts: number;
  notBefore: number;
}

/**
 * The Events service, locally: turns object changes into OCI object events, matches them against the rules'
 * conditions and delivers each match to its target at least once. Every delivery is written to
 * `<dataDir>/pending/` before it is attempted and removed only once the target accepted it (or rejected it as
 * bad input, which retrying cannot fix; those are kept in `<dataDir>/rejected/`), so neither a failing function
 * nor a restart of the emulator loses an event. Deliveries to one rule are sequential, like one Fn container
 * that takes one request at a time.
 */
export class EventsEmulator {
  public static async start(options: EventsEmulatorOptions): Promise<EventsEmulator> {
    const share = options.dropShare ?? 0;
    if (!(typeof share === 'number' && share >= 0 && share <= 1)) throw new Error(`dropShare must be a number from 0 to 1; got ${JSON.stringify(options.dropShare)}`);
    const emulator = new EventsEmulator(options);
    emulator.loadPending();
    emulator.schedule(0);
    return emulator;
  }

  public readonly stats: EventsStats = { matched: 0, unmatched: 0, delivered: 0, retries: 0, rejected: 0, dropped: 0 };
  private readonly pendingDir: string;
  private readonly rejectedDir: string;
  private readonly queue: PendingDelivery[] = [];
  private readonly rules: Map<string, EmulatedRule>;
  private readonly clock: Pick<Clock, 'now' | 'random'>;
  private sequence = 0;
  private timer?: NodeJS.Timeout;
  private running = false;
  private stopped = false;
  private idleWaiters: Array<() => void> = [];

  private constructor(private readonly options: EventsEmulatorOptions) {
    this.pendingDir = join(options.dataDir, 'pending');
    this.rejectedDir = join(options.dataDir, 'rejected');
    mkdirSync(this.pendingDir, { recursive: true });
    mkdirSync(this.rejectedDir, { recursive: true });
    this.rules = new Map(options.rules.map((rule) => [rule.id, rule]));
    this.clock = options.clock ?? systemClock;
  }

  /** Number of deliveries not yet accepted by their target. */
  public get pending(): number {
    return this.queue.length;
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
    this.schedule(0);
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
    if (this.queue.length === 0 && !this.running) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`events still pending after ${timeoutMs} ms: ${this.queue.length}`)), timeoutMs);
      this.idleWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Stops delivering; pending deliveries stay on disk for the next start. */
  public async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    while (this.running) await new Promise((r) => setTimeout(r, 10));
  }

  private enqueue(ruleId: string, event: Record<string, unknown>): void {
    const name = `${this.clock.now().toString().padStart(15, '0')}-${String(this.sequence++).padStart(9, '0')}-${ruleId}.json`;
    const file = join(this.pendingDir, name);
    writeFileSync(`${file}.tmp`, JSON.stringify({ ruleId, event }));
    renameSync(`${file}.tmp`, file);
    this.queue.push({ file, ruleId, event, attempts: 0, notBefore: 0 });
  }

  private loadPending(): void {
    for (const name of readdirSync(this.pendingDir).filter((n) => n.endsWith('.json')).sort()) {
      const file = join(this.pendingDir, name);
      const { ruleId, event } = JSON.parse(readFileSync(file, 'utf8'));
      this.queue.push({ file, ruleId, event, attempts: 0, notBefore: 0 });
      this.sequence++;
    }
  }

  private schedule(delayMs: number): void {
    if (this.stopped || this.running) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.work(), delayMs);
  }

  private async work(): Promise<void> {
    if (this.stopped || this.running) return;
    this.running = true;
    try {
      while (!this.stopped) {
        const now = this.clock.now();
        const next = this.queue.find((d) => d.notBefore <= now);
        if (!next) break;
        await this.attempt(next);
      }
    } finally {
      this.running = false;
    }
    if (this.queue.length === 0) {
      const waiters = this.idleWaiters.splice(0);
      waiters.forEach((w) => w());
    } else if (!this.stopped) {
      this.schedule(Math.max(0, Math.min(...this.queue.map((d) => d.notBefore)) - this.clock.now()));
    }
  }

  private async attempt(delivery: PendingDelivery): Promise<void> {
    const rule = this.rules.get(delivery.ruleId);
    let result: DeliveryResult;
    if (!rule) {
      result = { delivered: false, retryable: false, detail: `rule ${delivery.ruleId} no longer exists` };
    } else {
      try {
        result = await rule.deliver(JSON.stringify(delivery.event));
      } catch (error) {
        result = { delivered: false, retryable: true, detail: errorMessage(error) };
      }
    }
    delivery.attempts++;
    if (result.delivered) {
      this.stats.delivered++;
      this.remove(delivery);
    } else if (!result.retryable) {
      this.stats.rejected++;
      writeFileSync(
        join(this.rejectedDir, `${delivery.file.split('/').pop()}`),
        JSON.stringify({ ...delivery, file: undefined, detail: result.detail }, null, 2),
      );
      this.remove(delivery);
    } else {
      this.stats.retries++;
      const backoff = { baseDelayMs: this.options.retryBaseMs ?? 200, maxDelayMs: this.options.retryMaxMs ?? 5000 };
      delivery.notBefore = this.clock.now() + backoffDelayMs(delivery.attempts, backoff, () => this.clock.random());
    }
  }

  private remove(delivery: PendingDelivery): void {
    rmSync(delivery.file, { force: true });
    this.queue.splice(this.queue.indexOf(delivery), 1);
  }
}
