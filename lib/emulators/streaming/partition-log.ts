/**
 * One partition's messages, persisted as an append-only JSON-lines file (`{"offset","timestamp","key","value"}`,
 * key/value base64). Offsets start at 0 and increase by one. A torn last line (the process died mid-write) is cut
 * off when the file is opened again.
 *
 * Messages are read from the file, not kept in memory: what stays in memory is a sparse index (the byte position
 * and the latest timestamp so far of every `INDEX_STRIDE`-th message: 16 bytes per 256 messages) and a small cache
 * of the newest messages (at most `TAIL_CACHE_MESSAGES` and `TAIL_CACHE_BYTES`), which is where consumers that
 * keep up read. A partition of any length costs about the same memory.
 */
import { closeSync, existsSync, fstatSync, ftruncateSync, openSync, readSync, writeSync } from 'node:fs';

export interface StoredMessage {
  readonly partition: number;
  readonly offset: number;
  /** ISO-8601, UTC. */
  readonly timestamp: string;
  readonly key: Buffer | null;
  readonly value: Buffer;
}

/** Every this-many messages, the index records where the message starts in the file. */
export const INDEX_STRIDE = 256;
/** The newest messages kept in memory for reads (count and bytes of keys and values, whichever is reached first). */
export const TAIL_CACHE_MESSAGES = 1024;
export const TAIL_CACHE_BYTES = 4 * 1024 * 1024;
const READ_CHUNK_BYTES = 256 * 1024;

export class PartitionLog {
  public static open(file: string, partition: number): PartitionLog {
    const fd = openSync(file, existsSync(file) ? 'r+' : 'w+');
    const log = new PartitionLog(partition, fd);
    // Scan what is there: every whole, well-formed line with the next offset counts; the first that is not ends the log.
    const fileSize = fstatSync(fd).size;
    let valid = 0;
    let done = false;
    while (!done && valid < fileSize) {
      const chunk = readAt(fd, valid, READ_CHUNK_BYTES, fileSize);
      let start = 0;
      let newline: number;
      while ((newline = chunk.indexOf(0x0a, start)) >= 0) {
        const parsed = parseLine(chunk.toString('utf8', start, newline), partition, log.count);
        if (!parsed) {
          done = true;
          break;
        }
        log.indexed(parsed, valid + start);
        start = newline + 1;
      }
      if (!done && start === 0) {
        // No whole line in this chunk: a line longer than the chunk (a value near 1 MiB), or a torn last line.
        const line = readLineAt(fd, valid, fileSize);
        const parsed = line && parseLine(line.text, partition, log.count);
        if (line && parsed) {
          log.indexed(parsed, valid);
          start = line.bytes;
        } else {
          done = true;
        }
      }
      valid += start;
    }
    ftruncateSync(fd, valid);
    log.size = valid;
    return log;
  }

  /** Messages in the partition. */
  private count = 0;
  /** Bytes of whole lines in the file. */
  private size = 0;
  /** Byte position of message `i * INDEX_STRIDE`. */
  private positions = new Float64Array(64);
  /** Latest timestamp (ms) among messages 0 .. (i + 1) * INDEX_STRIDE - 1: never decreases with i. */
  private latestUpTo = new Float64Array(64);
  private readonly tail: StoredMessage[] = [];
  private tailBytes = 0;

  private constructor(
    public readonly partition: number,
    private fd: number | null,
  ) {}

  /** The offset the next message will get. */
  public get nextOffset(): number {
    return this.count;
  }

  /** Messages and bytes held in memory (the newest ones), for diagnostics and tests. */
  public get cached(): { messages: number; bytes: number; indexEntries: number } {
    return { messages: this.tail.length, bytes: this.tailBytes, indexEntries: Math.ceil(this.count / INDEX_STRIDE) };
  }

  /** Writes the batch to disk, then makes it readable; returns the stored messages. */
  public append(entries: ReadonlyArray<{ key: Buffer | null; value: Buffer }>, timestamp: string): StoredMessage[] {
    if (this.fd === null) throw new Error(`partition ${this.partition} is closed`);
    const stored = entries.map((entry, i) => ({
      partition: this.partition,
      offset: this.count + i,
      timestamp,
      key: entry.key,
      value: entry.value,
    }));
    const lines = stored.map((m) => Buffer.from(`${JSON.stringify({ offset: m.offset, timestamp, key: m.key?.toString('base64') ?? null, value: m.value.toString('base64') })}\n`, 'utf8'));
    const bytes = Buffer.concat(lines);
    writeSync(this.fd, bytes, 0, bytes.length, this.size);
    let position = this.size;
    stored.forEach((message, i) => {
      this.indexed(message, position);
      this.remember(message);
      position += lines[i].length;
    });
    this.size += bytes.length;
    return stored;
  }

  /** Up to `limit` messages starting at `fromOffset`. */
  public read(fromOffset: number, limit: number): StoredMessage[] {
    if (fromOffset >= this.count || limit <= 0) return [];
    const tailStart = this.count - this.tail.length;
    if (fromOffset >= tailStart) return this.tail.slice(fromOffset - tailStart, fromOffset - tailStart + limit);
    const out: StoredMessage[] = [];
    for (const message of this.messages(fromOffset)) {
      out.push(message);
      if (out.length >= limit) break;
    }
    return out;
  }

  /** Every message from `fromOffset` on, read from the file as they are iterated. */
  public *messages(fromOffset = 0): Generator<StoredMessage> {
    if (this.fd === null || fromOffset >= this.count) return;
    const first = Math.max(0, fromOffset);
    const block = Math.floor(first / INDEX_STRIDE);
    let offset = block * INDEX_STRIDE;
    let position = this.positions[block];
    const end = this.size;
    while (offset < this.count && position < end) {
      const chunk = readAt(this.fd, position, Math.min(end - position, READ_CHUNK_BYTES), end);
      let start = 0;
      let newline: number;
      while ((newline = chunk.indexOf(0x0a, start)) >= 0 && offset < this.count) {
        if (offset >= first) yield parseLine(chunk.toString('utf8', start, newline), this.partition, offset)!;
        offset++;
        start = newline + 1;
      }
      if (start === 0) {
        const line = readLineAt(this.fd, position, end)!;
        if (offset >= first) yield parseLine(line.text, this.partition, offset)!;
        offset++;
        start = line.bytes;
      }
      position += start;
    }
  }

  /** Every stored message (tests and diagnostics: this reads the whole partition into memory). */
  public all(): StoredMessage[] {
    return [...this.messages(0)];
  }

  /** The first offset whose timestamp is at or after `time` (the next offset when none is). */
  public firstOffsetAtOrAfter(time: number): number {
    const blocks = Math.ceil(this.count / INDEX_STRIDE);
    // The first block whose running latest timestamp reaches `time` holds the answer; every earlier message is older.
    let low = 0;
    let high = blocks;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.latestUpTo[middle] >= time) high = middle;
      else low = middle + 1;
    }
    if (low === blocks) return this.count;
    for (const message of this.messages(low * INDEX_STRIDE)) if (Date.parse(message.timestamp) >= time) return message.offset;
    return this.count;
  }

  public close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  /** Counts a message stored at `position` and indexes it. */
  private indexed(message: StoredMessage, position: number): void {
    const block = Math.floor(message.offset / INDEX_STRIDE);
    if (block >= this.positions.length) {
      this.positions = grow(this.positions);
      this.latestUpTo = grow(this.latestUpTo);
    }
    const time = Date.parse(message.timestamp);
    if (message.offset % INDEX_STRIDE === 0) {
      this.positions[block] = position;
      this.latestUpTo[block] = Math.max(block > 0 ? this.latestUpTo[block - 1] : Number.NEGATIVE_INFINITY, time);
    } else {
      this.latestUpTo[block] = Math.max(this.latestUpTo[block], time);
    }
    this.count = message.offset + 1;
  }

  private remember(message: StoredMessage): void {
    // A copy, so a cached value does not keep a larger pooled buffer alive.
    const cached = { ...message, key: message.key && Buffer.from(message.key), value: Buffer.from(message.value) };
    this.tail.push(cached);
    this.tailBytes += cached.value.length + (cached.key?.length ?? 0);
    while (this.tail.length > TAIL_CACHE_MESSAGES || (this.tailBytes > TAIL_CACHE_BYTES && this.tail.length > 1)) {
      const dropped = this.tail.shift()!;
      this.tailBytes -= dropped.value.length + (dropped.key?.length ?? 0);
    }
  }
}

function grow(array: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> {
  const bigger = new Float64Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

function readAt(fd: number, position: number, length: number, end: number): Buffer {
  const buffer = Buffer.allocUnsafe(Math.max(0, Math.min(length, end - position)));
  const read = readSync(fd, buffer, 0, buffer.length, position);
  return buffer.subarray(0, read);
}

/** The whole line starting at `position` (however long), or null when it has no line feed before `end`. */
function readLineAt(fd: number, position: number, end: number): { text: string; bytes: number } | null {
  let length = READ_CHUNK_BYTES;
  for (;;) {
    const chunk = readAt(fd, position, length, end);
    const newline = chunk.indexOf(0x0a);
    if (newline >= 0) return { text: chunk.toString('utf8', 0, newline), bytes: newline + 1 };
    if (position + chunk.length >= end) return null;
    length *= 2;
  }
}

function parseLine(line: string, partition: number, expectedOffset: number): StoredMessage | null {
  try {
    const raw = JSON.parse(line) as { offset: number; timestamp: string; key: string | null; value: string };
    if (raw.offset !== expectedOffset || typeof raw.value !== 'string') return null;
    return {
      partition,
      offset: raw.offset,
      timestamp: raw.timestamp,
      key: raw.key === null ? null : Buffer.from(raw.key, 'base64'),
      value: Buffer.from(raw.value, 'base64'),
    };
  } catch {
    return null;
  }
}
