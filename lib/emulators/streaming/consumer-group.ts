/**
 * A consumer group, as OCI Streaming describes it
 * (https://docs.oracle.com/iaas/Content/Streaming/Tasks/using_consumer_groups.htm):
 *
 * - created by the first CreateGroupCursor; its `type` (TRIM_HORIZON, AT_TIME, LATEST) sets where it starts and
 *   is ignored for an existing group, whose committed offsets are used instead;
 * - each partition is reserved by at most one live instance; instances beyond the partition count get nothing;
 * - an instance is live while it calls (CreateGroupCursor, GetMessages, ConsumerCommit, ConsumerHeartbeat)
 *   within its `timeoutInMs`; the group is rebalanced when an instance joins or times out;
 * - commits record, per partition, where the group resumes (committed offset + 1).
 *
 * Rebalancing is evaluated lazily on every group call (no timers), keeps existing reservations where it can, and
 * moves only what is needed to give each live instance floor(P/n) or ceil(P/n) partitions. A moved partition gets
 * a new reservation id, which makes the previous holder's cursor positions for it stale.
 *
 * Committed offsets and the start positions persist in `<stream dir>/groups/<group>.json`; instances and
 * reservations are in memory (after a restart, instances rejoin on their next call).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { safeSegment, writeFileAtomic } from '../common/state-dir';
import type { EmulatedStream } from './emulated-stream';
import type { GroupPosition } from './cursor-codec';

export type StartType = 'TRIM_HORIZON' | 'AT_TIME' | 'LATEST';

interface Instance {
  readonly name: string;
  timeoutMs: number;
  lastSeen: number;
}

interface Reservation {
  readonly instance: string;
  /** Unique per assignment; a cursor position read under another id is stale. */
  readonly id: string;
}

interface PersistedGroup {
  readonly groupName: string;
  readonly createdAt: string;
  /** Where each partition starts when nothing was committed. */
  startOffsets: number[];
  /** Per partition: the next offset to read, or null when nothing was committed. */
  committed: Array<number | null>;
}

/** OCI's Group model (GetGroup). */
export interface GroupDescription {
  streamId: string;
  groupName: string;
  reservations: Array<{ partition: string; committedOffset?: number; reservedInstance?: string; timeReservedUntil?: string }>;
}

export class ConsumerGroup {
  /** Loads the group from disk, or creates it starting at `type`. */
  public static loadOrCreate(stream: EmulatedStream, name: string, type: StartType, time: number | undefined): ConsumerGroup {
    const file = ConsumerGroup.fileFor(stream, name);
    if (existsSync(file)) return new ConsumerGroup(stream, file, JSON.parse(readFileSync(file, 'utf8')) as PersistedGroup);
    const state: PersistedGroup = {
      groupName: name,
      createdAt: new Date().toISOString(),
      startOffsets: startOffsetsFor(stream, type, time),
      committed: stream.partitions.map(() => null),
    };
    const group = new ConsumerGroup(stream, file, state);
    group.persist();
    return group;
  }

  /** Loads a group that exists on disk, or returns undefined. */
  public static load(stream: EmulatedStream, name: string): ConsumerGroup | undefined {
    const file = ConsumerGroup.fileFor(stream, name);
    return existsSync(file) ? new ConsumerGroup(stream, file, JSON.parse(readFileSync(file, 'utf8')) as PersistedGroup) : undefined;
  }

  public static exists(stream: EmulatedStream, name: string): boolean {
    return existsSync(ConsumerGroup.fileFor(stream, name));
  }

  private static fileFor(stream: EmulatedStream, name: string): string {
    return join(stream.dir, 'groups', `${safeSegment(name)}.json`);
  }

  private readonly instances = new Map<string, Instance>();
  private readonly reservations: Array<Reservation | null>;

  private constructor(
    private readonly stream: EmulatedStream,
    private readonly file: string,
    private readonly state: PersistedGroup,
  ) {
    this.reservations = stream.partitions.map(() => null);
  }

  public get name(): string {
    return this.state.groupName;
  }

  /** Registers or refreshes an instance (it called), then rebalances. */
  public touch(instance: string, timeoutMs: number, now: number): void {
    const existing = this.instances.get(instance);
    if (existing) {
      existing.lastSeen = now;
      existing.timeoutMs = timeoutMs;
    } else {
      this.instances.set(instance, { name: instance, timeoutMs, lastSeen: now });
    }
    this.rebalance(now);
  }

  /** Drops instances that timed out and balances partitions over the live ones. */
  public rebalance(now: number): void {
    for (const instance of [...this.instances.values()]) {
      if (instance.lastSeen + instance.timeoutMs < now) this.instances.delete(instance.name);
    }
    const held = new Map<string, number[]>([...this.instances.keys()].map((name) => [name, []]));
    this.reservations.forEach((reservation, p) => {
      if (reservation && held.has(reservation.instance)) held.get(reservation.instance)!.push(p);
      else this.reservations[p] = null;
    });
    if (held.size === 0) return;

    // The instances holding the most keep the larger share, so as few partitions as possible move.
    const order = [...held.keys()].sort((a, b) => held.get(b)!.length - held.get(a)!.length || a.localeCompare(b));
    const base = Math.floor(this.reservations.length / order.length);
    const extra = this.reservations.length % order.length;
    const quota = new Map(order.map((name, i) => [name, base + (i < extra ? 1 : 0)]));

    for (const name of order) {
      const partitions = held.get(name)!;
      while (partitions.length > quota.get(name)!) this.reservations[partitions.pop()!] = null;
    }
    const free = this.reservations.flatMap((r, p) => (r === null ? [p] : []));
    for (const name of order) {
      const partitions = held.get(name)!;
      while (partitions.length < quota.get(name)! && free.length > 0) {
        const p = free.shift()!;
        this.reservations[p] = { instance: name, id: randomBytes(6).toString('hex') };
        partitions.push(p);
      }
    }
  }

  /** The partitions `instance` holds, ascending, with their reservation ids. */
  public reservedBy(instance: string): Array<{ partition: number; reservation: string }> {
    return this.reservations.flatMap((r, partition) => (r?.instance === instance ? [{ partition, reservation: r.id }] : []));
  }

  /** Where the group resumes reading `partition`. */
  public resumeOffset(partition: number): number {
    return this.state.committed[partition] ?? this.state.startOffsets[partition];
  }

  /**
   * Commits the positions `instance` read under reservations it still holds; positions in partitions it lost
   * are ignored (the new holder re-reads from the last commit: at-least-once). Persists when anything changed.
   */
  public commit(instance: string, positions: readonly GroupPosition[]): void {
    let changed = false;
    for (const position of positions) {
      const reservation = this.reservations[position.partition];
      if (reservation?.instance !== instance || reservation.id !== position.reservation) continue;
      // Committing where the group already resumes is no progress (e.g. a partition the batch did not touch).
      if (this.resumeOffset(position.partition) === position.offset) continue;
      this.state.committed[position.partition] = position.offset;
      changed = true;
    }
    if (changed) this.persist();
  }

  /**
   * UpdateGroup: moves the whole group to `type`, dropping committed offsets, and revokes every reservation so
   * instances continue from the new position.
   */
  public reset(type: StartType, time: number | undefined, now: number): void {
    this.state.startOffsets = startOffsetsFor(this.stream, type, time);
    this.state.committed = this.stream.partitions.map(() => null);
    this.reservations.fill(null);
    this.persist();
    this.rebalance(now);
  }

  public describe(now: number): GroupDescription {
    this.rebalance(now);
    return {
      streamId: this.stream.id,
      groupName: this.state.groupName,
      reservations: this.reservations.map((reservation, p) => {
        const committed = this.state.committed[p];
        const holder = reservation ? this.instances.get(reservation.instance) : undefined;
        return {
          partition: String(p),
          ...(committed !== null ? { committedOffset: committed - 1 } : {}),
          ...(holder ? { reservedInstance: holder.name, timeReservedUntil: new Date(holder.lastSeen + holder.timeoutMs).toISOString() } : {}),
        };
      }),
    };
  }

  private persist(): void {
    writeFileAtomic(this.file, JSON.stringify(this.state, null, 2));
  }
}

function startOffsetsFor(stream: EmulatedStream, type: StartType, time: number | undefined): number[] {
  return stream.partitions.map((log) => {
    if (type === 'LATEST') return log.nextOffset;
    if (type === 'AT_TIME') return log.firstOffsetAtOrAfter(time ?? 0);
    return 0;
  });
}
