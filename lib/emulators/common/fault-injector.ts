/**
 * Fault injection: makes chosen calls fail the way OCI fails, so retry and back-off code can be tested against the
 * real SDK. Faults are switched at runtime, from code (`emulator.faults.add(...)`) or over HTTP
 * (`POST /_emulator/faults`, see admin-routes.ts).
 *
 * Kinds:
 * - `throttle`:  HTTP 429 `{"code":"TooManyRequests"}`. The SDK's default retry condition retries a 429 only with
 *                exactly that code.
 * - `error`:     HTTP 500 `{"code":"InternalServerError"}` (or another 5xx via `status`/`code`, e.g. 503
 *                ServiceUnavailable).
 * - `latency`:   the call is delayed by `latencyMs`, then served normally.
 * - `drop`:      the TCP connection is destroyed without a response; the client sees a network error.
 *
 * A fault applies to one operation (OCI's operation name, e.g. `PutMessages`, `GetObject`; case-insensitive) or to
 * all (`'*'` or omitted), and to the next `count` matching calls, or to each call with `probability`, or, with
 * neither, to every matching call until removed.
 */
import { randomUUID } from 'node:crypto';

/** A kind of fault: `throttle` (429), `error` (5xx), `latency` or `drop` (connection cut). */
export type FaultKind = 'throttle' | 'error' | 'latency' | 'drop';

/** A fault to inject: its kind, the operation it applies to, and how often. */
export interface FaultSpec {
  readonly kind: FaultKind;
  /** Operation name (e.g. `GetMessages`), or `'*'` / omitted for every operation. */
  readonly operation?: string;
  /** Apply to this many matching calls, then disappear. */
  readonly count?: number;
  /** Apply to each matching call with this probability (0..1). Combined with `count`, each hit uses up one. */
  readonly probability?: number;
  /** For `latency`: the added delay. */
  readonly latencyMs?: number;
  /** For `error`: the status to answer. @default 500 */
  readonly status?: number;
  /** For `error`: the service code. @default 'InternalServerError' (or 'ServiceUnavailable' for 503) */
  readonly code?: string;
}

/** A fault in force, with its id and how many calls it hit. */
export interface ActiveFault extends FaultSpec {
  readonly id: string;
  /** How many calls it has hit so far. */
  hits: number;
  /** Remaining calls when created with `count`. */
  remaining?: number;
}

/** What the server does with one call. `latencyMs` adds up over matching latency faults; `fail` is the first hit. */
export interface FaultDecision {
  latencyMs: number;
  fail?: { kind: 'throttle' | 'error' | 'drop'; status: number; code: string };
}

const KINDS: readonly FaultKind[] = ['throttle', 'error', 'latency', 'drop'];

/**
 * Makes chosen calls of an emulator fail the way OCI fails (`emulator.faults.add(...)` or
 * `POST /_emulator/faults`).
 */
export class FaultInjector {
  private readonly faults: ActiveFault[] = [];
  /** Every fault ever added, by id, hit counts kept after it ran out or was removed (see `hits`). */
  private readonly history = new Map<string, ActiveFault>();

  /** @param random source of randomness for `probability` faults (tests may pass a deterministic one). */
  public constructor(private readonly random: () => number = Math.random) {}

  /** Adds a fault; returns its id (for `remove`). Throws on an invalid spec. */
  public add(spec: FaultSpec): string {
    const fault: ActiveFault = { ...validateFaultSpec(spec), id: randomUUID(), hits: 0 };
    if (spec.count !== undefined) fault.remaining = spec.count;
    this.faults.push(fault);
    this.history.set(fault.id, fault);
    return fault.id;
  }

  /**
   * How many calls the fault `id` has hit so far, also after it ran out (`count`) or was removed: a test asserts
   * that each fault it added really fired. Throws for an id this injector never gave out.
   */
  public hits(id: string): number {
    const fault = this.history.get(id);
    if (!fault) throw new Error(`no fault with id ${id} was added to this injector`);
    return fault.hits;
  }

  public remove(id: string): boolean {
    const index = this.faults.findIndex((f) => f.id === id);
    if (index >= 0) this.faults.splice(index, 1);
    return index >= 0;
  }

  public clear(): void {
    this.faults.length = 0;
  }

  public list(): ActiveFault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  /** Decides what happens to one call of `operation`, using up counted faults that hit. */
  public decide(operation: string): FaultDecision {
    const decision: FaultDecision = { latencyMs: 0 };
    for (const fault of [...this.faults]) {
      if (!appliesTo(fault, operation)) continue;
      if (fault.kind !== 'latency' && decision.fail) continue;
      if (fault.probability !== undefined && this.random() >= fault.probability) continue;
      fault.hits++;
      if (fault.remaining !== undefined && --fault.remaining <= 0) this.remove(fault.id);
      if (fault.kind === 'latency') decision.latencyMs += fault.latencyMs ?? 0;
      else decision.fail = failureOf(fault);
    }
    return decision;
  }
}

function appliesTo(fault: FaultSpec, operation: string): boolean {
  return fault.operation === undefined || fault.operation === '*' || fault.operation.toLowerCase() === operation.toLowerCase();
}

function failureOf(fault: FaultSpec): NonNullable<FaultDecision['fail']> {
  switch (fault.kind) {
    case 'throttle':
      return { kind: 'throttle', status: 429, code: 'TooManyRequests' };
    case 'drop':
      return { kind: 'drop', status: 0, code: '' };
    default: {
      const status = fault.status ?? 500;
      return { kind: 'error', status, code: fault.code ?? (status === 503 ? 'ServiceUnavailable' : 'InternalServerError') };
    }
  }
}

/** Checks a spec from code or from the admin HTTP API; the message names the bad field. */
export function validateFaultSpec(spec: unknown): FaultSpec {
  if (typeof spec !== 'object' || spec === null) throw new Error('fault must be an object');
  const s = spec as Record<string, unknown>;
  if (!KINDS.includes(s.kind as FaultKind)) throw new Error(`fault.kind must be one of ${KINDS.join(', ')}; got ${JSON.stringify(s.kind)}`);
  if (s.operation !== undefined && (typeof s.operation !== 'string' || s.operation === '')) {
    throw new Error('fault.operation must be a non-empty string');
  }
  if (s.count !== undefined && !(Number.isInteger(s.count) && (s.count as number) > 0)) {
    throw new Error(`fault.count must be a positive integer; got ${JSON.stringify(s.count)}`);
  }
  if (s.probability !== undefined && !(typeof s.probability === 'number' && s.probability >= 0 && s.probability <= 1)) {
    throw new Error(`fault.probability must be between 0 and 1; got ${JSON.stringify(s.probability)}`);
  }
  if (s.kind === 'latency' && !(typeof s.latencyMs === 'number' && s.latencyMs >= 0)) {
    throw new Error('fault.latencyMs must be a number >= 0 for a latency fault');
  }
  if (s.status !== undefined && !(Number.isInteger(s.status) && (s.status as number) >= 400 && (s.status as number) <= 599)) {
    throw new Error(`fault.status must be an HTTP error status (400-599); got ${JSON.stringify(s.status)}`);
  }
  if (s.code !== undefined && typeof s.code !== 'string') throw new Error('fault.code must be a string');
  return s as unknown as FaultSpec;
}
