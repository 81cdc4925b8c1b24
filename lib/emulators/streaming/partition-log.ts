/**
 * One partition's messages: kept in memory for reads, persisted as an append-only JSON-lines file
 * (`{"offset","timestamp","key","value"}`, key/value base64). Offsets start at 0 and increase by one.
 * A torn last line (the process died mid-write) is cut off when the file is opened again.
 */
import { closeSync, existsSync, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs';

export interface StoredMessage {
  readonly partition: number;
  readonly offset: number;
  /** ISO-8601, UTC. */
  readonly timestamp: string;
  readonly key: Buffer | null;
  readonly value: Buffer;
}

export class PartitionLog {
  public static open(file: string, partition: number): PartitionLog {
    const messages: StoredMessage[] = [];
    let validBytes = 0;
    if (existsSync(file)) {
      const content = readFileSync(file);
      let lineStart = 0;
      for (let i = 0; i < content.length; i++) {
        if (content[i] !== 0x0a) continue;
        const line = content.subarray(lineStart, i).toString('utf8');
        const parsed = parseLine(line, partition, messages.length);
        if (!parsed) break;
        messages.push(parsed);
        lineStart = i + 1;
        validBytes = lineStart;
      }
    }
    const fd = openSync(file, existsSync(file) ? 'r+' : 'w+');
    ftruncateSync(fd, validBytes);
    return new PartitionLog(partition, fd, validBytes, messages);
  }

  private constructor(
    public readonly partition: number,
    private fd: number | null,
    private size: number,
    private readonly messages: StoredMessage[],
  ) {}

  /** The offset the next message will get. */
  public get nextOffset(): number {
    return this.messages.length;
  }

  /** Writes the batch to disk, then makes it readable; returns the stored messages. */
  public append(entries: ReadonlyArray<{ key: Buffer | null; value: Buffer }>, timestamp: string): StoredMessage[] {
    if (this.fd === null) throw new Error(`partition ${this.partition} is closed`);
    const stored = entries.map((entry, i) => ({
      partition: this.partition,
      offset: this.messages.length + i,
      timestamp,
      key: entry.key,
      value: entry.value,
    }));
    const lines = stored
      .map((m) => JSON.stringify({ offset: m.offset, timestamp, key: m.key?.toString('base64') ?? null, value: m.value.toString('base64') }) + '\n')
      .join('');
    const bytes = Buffer.from(lines, 'utf8');
    writeSync(this.fd, bytes, 0, bytes.length, this.size);
    this.size += bytes.length;
    this.messages.push(...stored);
    return stored;
  }

  /** Up to `limit` messages starting at `fromOffset`. */
  public read(fromOffset: number, limit: number): StoredMessage[] {
    return this.messages.slice(fromOffset, fromOffset + limit);
  }

  public all(): readonly StoredMessage[] {
    return this.messages;
  }

  /** The first offset whose timestamp is at or after `time` (the next offset when none is). */
  public firstOffsetAtOrAfter(time: number): number {
    const index = this.messages.findIndex((m) => Date.parse(m.timestamp) >= time);
    return index < 0 ? this.messages.length : index;
  }

  public close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
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
