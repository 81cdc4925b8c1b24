/**
 * The names of pending deliveries that wait on disk only, in the order they were recorded: an append-only file of
 * lines, read from the front. The Events emulator keeps a bounded number of deliveries per rule in memory; the rest
 * are named here, so a backlog of any size costs no memory. The pending files themselves stay the durable truth:
 * this log is rebuilt from them on every start (it is truncated when opened), and emptied whenever it has been read
 * to its end.
 */
import { closeSync, ftruncateSync, openSync, readSync, writeSync } from 'node:fs';

const READ_CHUNK_BYTES = 64 * 1024;

export class SpillLog {
  private fd: number | null;
  private writePosition = 0;
  private readPosition = 0;
  private lines = 0;

  public constructor(file: string) {
    this.fd = openSync(file, 'w+');
  }

  /** Names written and not taken yet. */
  public get size(): number {
    return this.lines;
  }

  public append(name: string): void {
    if (this.fd === null) throw new Error('spill log is closed');
    if (name.includes('\n')) throw new Error(`a spilled name cannot contain a line feed: ${JSON.stringify(name)}`);
    const bytes = Buffer.from(`${name}\n`, 'utf8');
    writeSync(this.fd, bytes, 0, bytes.length, this.writePosition);
    this.writePosition += bytes.length;
    this.lines++;
  }

  /** Takes up to `max` names from the front, oldest first. */
  public take(max: number): string[] {
    const taken: string[] = [];
    let chunkBytes = READ_CHUNK_BYTES;
    while (this.fd !== null && taken.length < max && this.readPosition < this.writePosition) {
      const length = Math.min(chunkBytes, this.writePosition - this.readPosition);
      const buffer = Buffer.alloc(length);
      const read = readSync(this.fd, buffer, 0, length, this.readPosition);
      let start = 0;
      let newline: number;
      while (taken.length < max && (newline = buffer.indexOf(0x0a, start)) >= 0 && newline < read) {
        taken.push(buffer.toString('utf8', start, newline));
        start = newline + 1;
      }
      // Only whole lines are consumed; a line cut by the chunk's end is read again, with a larger chunk if needed.
      if (start === 0) chunkBytes *= 2;
      this.readPosition += start;
    }
    this.lines -= taken.length;
    if (this.lines === 0 && this.fd !== null) {
      ftruncateSync(this.fd, 0);
      this.readPosition = 0;
      this.writePosition = 0;
    }
    return taken;
  }

  public close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}
