/**
 * What the stream says is claimed, in as little memory as a bucket of millions of objects allows: a set of
 * 64-bit truncated hashes of object states, in one open-addressing table of typed arrays (linear probing, grown
 * ×2 past 70 % load), so a retained claim costs 8 bytes per slot, 11.4 to 22.9 bytes at the load factors the table
 * runs at, and no JavaScript object per claim.
 *
 * The object state is the consumers' dedupe key, `[namespace, bucket, object, etag]` as a JSON array hashed with
 * SHA-256 (lib/consumer/dedupe.ts `dedupeKey`), of which the first 8 bytes are kept. Two different states share a
 * truncated hash with probability about (claims × listed objects) / 2^64: 5 × 10^-6 for ten million of each. Such a
 * collision makes one object look claimed when it is not (it is then not republished by that run).
 */
import { createHash } from 'node:crypto';

const MAX_LOAD = 0.7;
const INITIAL_CAPACITY = 1024;

/** The 64-bit truncated object-state hash as two unsigned 32-bit halves. */
export interface StateHash {
  readonly hi: number;
  readonly lo: number;
}

/** SHA-256 of `[namespace, bucket, object, etag]` (JSON), truncated to 64 bits. */
export function objectStateHash(namespace: string, bucket: string, object: string, etag: string): StateHash {
  const digest = createHash('sha256').update(JSON.stringify([namespace, bucket, object, etag]), 'utf8').digest();
  // 0/0 marks an empty slot; the one state hashing to it is moved to 0/1 (one more collision in 2^64).
  const hi = digest.readUInt32BE(0);
  const lo = digest.readUInt32BE(4);
  return hi === 0 && lo === 0 ? { hi: 0, lo: 1 } : { hi, lo };
}

/** The set of object states the stream holds claims for, as 8-byte truncated hashes in one open-addressing table. */
export class ClaimIndex {
  private slots: Uint32Array;
  private capacity: number;
  private count = 0;

  constructor(initialCapacity = INITIAL_CAPACITY) {
    this.capacity = 2 ** Math.ceil(Math.log2(Math.max(16, initialCapacity)));
    this.slots = new Uint32Array(this.capacity * 2);
  }

  /** Object states in the index. */
  get size(): number {
    return this.count;
  }

  /** Bytes the table holds (what a retained claim costs: `bytes / size`). */
  get bytes(): number {
    return this.slots.byteLength;
  }

  /** Adds a state; false when it was there already. */
  add(hash: StateHash): boolean {
    if ((this.count + 1) / this.capacity > MAX_LOAD) this.grow();
    return this.insert(this.slots, this.capacity, hash.hi, hash.lo);
  }

  has(hash: StateHash): boolean {
    const mask = this.capacity - 1;
    for (let i = hash.lo & mask; ; i = (i + 1) & mask) {
      const hi = this.slots[2 * i];
      const lo = this.slots[2 * i + 1];
      if (hi === 0 && lo === 0) return false;
      if (hi === hash.hi && lo === hash.lo) return true;
    }
  }

  private insert(slots: Uint32Array, capacity: number, hi: number, lo: number): boolean {
    const mask = capacity - 1;
    for (let i = lo & mask; ; i = (i + 1) & mask) {
      const h = slots[2 * i];
      const l = slots[2 * i + 1];
      if (h === 0 && l === 0) {
        slots[2 * i] = hi;
        slots[2 * i + 1] = lo;
        if (slots === this.slots) this.count++;
        return true;
      }
      if (h === hi && l === lo) return false;
    }
  }

  private grow(): void {
    const capacity = this.capacity * 2;
    const slots = new Uint32Array(capacity * 2);
    for (let i = 0; i < this.capacity; i++) {
      const hi = this.slots[2 * i];
      const lo = this.slots[2 * i + 1];
      if (hi !== 0 || lo !== 0) this.insert(slots, capacity, hi, lo);
    }
    this.slots = slots;
    this.capacity = capacity;
  }
}
