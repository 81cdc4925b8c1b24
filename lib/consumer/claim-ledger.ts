/**
 * What this consumer group already decided, per partition, so that no message and no object state is handled
 * twice. Two kinds of duplicate exist, and each is caught where it is cheap:
 *
 * 1. The same message again (a batch delivered again after a crash, a failed commit, a stop or a rebalance). Its
 *    offset is above the group's committed position. While a batch is not committed, the outcomes reached so far
 *    are kept in memory and checkpointed to the progress store at most every `checkpointIntervalMs`; whoever reads
 *    the partition next loads the checkpoint and skips those offsets. A committed batch costs no write at all.
 * 2. The same object state in another message (the function retried a publish whose acknowledgement was lost, an
 *    event was delivered twice, a reconcile raced the event). All claims of one object share a message key, hence a
 *    partition, so a window of the partition's recent object states catches it: filled as outcomes are reached,
 *    from loaded checkpoints, and, when this instance takes a partition over, from the stream itself: the messages
 *    between where the group began reading the partition (`decidedFrom`, recorded by its first reader) and the
 *    group's position, all decided by the group. Nothing before `decidedFrom` is trusted: a group that started at
 *    LATEST never saw it.
 */
import type { RawStreamMessage } from '../contract';
import type { StreamApi } from './clients';
import { errorMessage } from '../runtime/errors';
import type { LogSink } from '../runtime/logger';
import type { LedgerEntry, ProgressStore } from './progress-store';
import { readPartitionRange } from './stream-history';
import type { PreviousStatus } from './types';

export interface ClaimLedgerOptions {
  /** Durable checkpoints; null keeps them in this process only. */
  store: ProgressStore | null;
  /** For reading a partition's past; null skips it (no warm window after a takeover). */
  history: { stream: StreamApi; streamId: string } | null;
  /** The object-state key of a message (null when it is not a claim). */
  keyOf: (message: RawStreamMessage) => string | null;
  windowSize: number;
  checkpointIntervalMs: number;
  logger: LogSink;
  onCheckpoint: () => void;
  onCheckpointFailure: () => void;
}

interface PartitionState {
  /** The session generation the checkpoint was last loaded in. */
  loadedIn: number;
  /** The offset the stream should give next if nobody else touched the partition meanwhile. */
  expectedNext: number | null;
  /** Outcomes above the group's committed position. */
  readonly done: Map<number, LedgerEntry>;
  /** `done` has entries the store does not have yet. */
  dirty: boolean;
  /** The store's version of the checkpoint (undefined: never loaded). */
  version: string | null | undefined;
  /** From this offset on, the group has decided every message below its position (null: not known yet). */
  decidedFrom: number | null;
  /** Recent object states, oldest first, at most `windowSize`. */
  readonly window: Map<string, PreviousStatus>;
  saving: Promise<void> | null;
}

const SAVE_ATTEMPTS = 3;

export class ClaimLedger {
  private readonly partitions = new Map<string, PartitionState>();
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(private readonly o: ClaimLedgerOptions) {}

  /**
   * Before a batch is processed: for every partition this instance (re)acquired (a new group cursor, or the batch
   * does not continue where the last one ended), loads the partition's checkpoint and reads the part of its past
   * the window lacks. Throws when that fails: the batch must then not be processed.
   */
  async prepare(items: readonly RawStreamMessage[], generation: number): Promise<void> {
    const first = new Map<string, number>();
    const last = new Map<string, number>();
    for (const m of items) {
      const p = partitionOf(m);
      if (!first.has(p)) first.set(p, m.offset);
      last.set(p, m.offset);
    }
    await Promise.all(
      [...first].map(async ([partition, resumeAt]) => {
        const state = this.state(partition);
        if (state.loadedIn !== generation || state.expectedNext !== resumeAt) {
          await this.load(partition, state, resumeAt);
          if (state.decidedFrom === null) {
            // The first reader of this partition for the group (as far as anyone recorded): what lies before the
            // group's position may never have been decided by it (a group that started at LATEST), so from here on.
            state.decidedFrom = resumeAt;
            if (this.o.store) await this.save(partition, state, true);
          }
          const historyFrom = Math.max(0, state.decidedFrom, resumeAt - this.o.windowSize, state.expectedNext ?? 0);
          await this.readHistory(partition, state, historyFrom, resumeAt);
          state.loadedIn = generation;
        }
        state.expectedNext = last.get(partition)! + 1;
      }),
    );
  }

  /** What the group made of this message (same offset) or of its object state (same key) before, or null. */
  previous(message: RawStreamMessage, key: string | null): PreviousStatus | null {
    const state = this.partitions.get(partitionOf(message));
    if (!state) return null;
    return state.done.get(message.offset)?.status ?? (key !== null ? state.window.get(key) ?? null : null);
  }

  /** Remembers a message's final outcome; checkpointed later if its batch is not committed by then. */
  record(message: RawStreamMessage, key: string | null, status: PreviousStatus): void {
    const state = this.state(partitionOf(message));
    state.done.set(message.offset, { offset: message.offset, key, status });
    if (key !== null) this.remember(state, key, status);
    if (this.o.store && !this.closed) {
      state.dirty = true;
      this.timer ??= setTimeout(() => {
        this.timer = undefined;
        void this.flush();
      }, this.o.checkpointIntervalMs);
      this.timer.unref?.();
    }
  }

  /** The batch was committed: the group remembers its offsets now, no checkpoint is needed for them. */
  committed(items: readonly RawStreamMessage[]): void {
    const through = new Map<string, number>();
    for (const m of items) through.set(partitionOf(m), Math.max(through.get(partitionOf(m)) ?? -1, m.offset));
    for (const [partition, offset] of through) {
      const state = this.partitions.get(partition);
      if (!state) continue;
      for (const done of state.done.keys()) if (done <= offset) state.done.delete(done);
      if (state.done.size === 0) state.dirty = false;
    }
  }

  /** Writes every pending checkpoint now (a stop, or a batch that will not be committed). Never throws. */
  async flush(): Promise<void> {
    if (!this.o.store) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    await Promise.all([...this.partitions].map(([partition, state]) => this.save(partition, state)));
  }

  /** No more checkpoints after this (the consumer stopped); outcomes still arriving stay in memory. */
  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private state(partition: string): PartitionState {
    let state = this.partitions.get(partition);
    if (!state) {
      state = { loadedIn: -1, expectedNext: null, done: new Map(), dirty: false, version: undefined, decidedFrom: null, window: new Map(), saving: null };
      this.partitions.set(partition, state);
    }
    return state;
  }

  private remember(state: PartitionState, key: string, status: PreviousStatus): void {
    state.window.delete(key); // re-insert as the newest
    state.window.set(key, status);
    if (state.window.size > this.o.windowSize) state.window.delete(state.window.keys().next().value as string);
  }

  /** Loads the checkpoint; keeps what lies at or above the group's position, merged with what is known here. */
  private async load(partition: string, state: PartitionState, resumeAt: number): Promise<void> {
    for (const offset of state.done.keys()) if (offset < resumeAt) state.done.delete(offset);
    if (!this.o.store) return;
    const { entries, version, problem, decidedFrom } = await this.o.store.load(partition);
    if (problem) this.o.logger.log('error', 'checkpoint-unreadable', { partition, problem });
    state.version = version;
    if (decidedFrom !== null) state.decidedFrom = state.decidedFrom === null ? decidedFrom : Math.min(state.decidedFrom, decidedFrom);
    for (const entry of entries) {
      if (entry.offset < resumeAt) continue;
      if (!state.done.has(entry.offset)) state.done.set(entry.offset, entry);
      if (entry.key !== null) this.remember(state, entry.key, entry.status);
    }
  }

  private async readHistory(partition: string, state: PartitionState, from: number, to: number): Promise<void> {
    if (!this.o.history || from >= to) return;
    await readPartitionRange(this.o.history.stream, this.o.history.streamId, partition, from, to, (message) => {
      const key = this.o.keyOf(message);
      if (key !== null && !state.window.has(key)) this.remember(state, key, 'committed');
    });
  }

  /** Writes the partition's checkpoint when it has unsaved entries (or `force`: the first record of a partition). */
  private save(partition: string, state: PartitionState, force = false): Promise<void> {
    const store = this.o.store;
    if (!store || (!state.dirty && !force)) return state.saving ?? Promise.resolve();
    const previous = state.saving ?? Promise.resolve();
    const saving = previous.then(async () => {
      if (!state.dirty && !force) return;
      state.dirty = false;
      try {
        for (let attempt = 1; ; attempt++) {
          // After a conflict: take in everything the other writer recorded (it knew its own resume point).
          if (state.version === undefined) await this.load(partition, state, Number.NEGATIVE_INFINITY);
          const entries = [...state.done.values()].sort((a, b) => a.offset - b.offset);
          const result = await store.save(partition, { decidedFrom: state.decidedFrom, entries }, state.version ?? null);
          if (result !== 'conflict') {
            state.version = result;
            this.o.onCheckpoint();
            return;
          }
          // Someone else wrote this partition's checkpoint: take their entries in and write the union.
          this.o.logger.log('warn', 'checkpoint-conflict', { partition, attempt });
          if (attempt >= SAVE_ATTEMPTS) throw new Error(`the checkpoint of partition ${partition} kept changing under this instance`);
          state.version = undefined;
        }
      } catch (e) {
        state.dirty = true;
        this.o.onCheckpointFailure();
        this.o.logger.log('error', 'checkpoint-failed', { partition, error: errorMessage(e) });
      }
    });
    const tracked: Promise<void> = saving.finally(() => {
      if (state.saving === tracked) state.saving = null;
    });
    state.saving = tracked;
    return tracked;
  }
}

function partitionOf(message: RawStreamMessage): string {
  return message.partition !== undefined && message.partition !== null ? String(message.partition) : '0';
}
