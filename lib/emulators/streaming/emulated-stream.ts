/**
 * A stream: its partitions (one PartitionLog each) and how a message finds its partition.
 *
 * OCI: "Messages with the same key are written to the same partition"; a message without a key goes to a
 * partition the service picks (PutMessages / Publishing Messages docs). The emulator hashes the key bytes
 * (SHA-256, first 4 bytes, modulo the partition count) so the mapping is stable across restarts; OCI's own hash
 * function is not documented, so only "same key → same partition" is guaranteed, not which partition. Keyless
 * messages are spread round-robin.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { safeSegment, writeFileAtomic } from '../common/state-dir';
import { PartitionLog, StoredMessage } from './partition-log';

/** A stream of the Streaming emulator. */
export interface StreamConfig {
  /** The stream OCID the SDK puts in the path. */
  readonly id: string;
  /** Reported as `stream` in GetMessages items. @default the id */
  readonly name?: string;
  /** Fixed for the stream's life, as in OCI. @default 1 */
  readonly partitions?: number;
}

export class EmulatedStream {
  public static open(streamsDir: string, config: StreamConfig): EmulatedStream {
    const partitionCount = config.partitions ?? 1;
    if (!Number.isInteger(partitionCount) || partitionCount < 1) throw new Error(`stream ${config.id}: partitions must be a positive integer`);
    const dir = join(streamsDir, safeSegment(config.id));
    mkdirSync(dir, { recursive: true });
    const metaFile = join(dir, 'stream.json');
    if (existsSync(metaFile)) {
      const stored = JSON.parse(readFileSync(metaFile, 'utf8')) as { partitions: number };
      if (stored.partitions !== partitionCount) {
        throw new Error(`stream ${config.id} was created with ${stored.partitions} partitions in this dataDir; OCI cannot change a stream's partition count (asked for ${partitionCount})`);
      }
    } else {
      writeFileAtomic(metaFile, JSON.stringify({ id: config.id, partitions: partitionCount }));
    }
    const partitions = Array.from({ length: partitionCount }, (_, p) => PartitionLog.open(join(dir, `partition-${p}.jsonl`), p));
    return new EmulatedStream(config.id, config.name ?? config.id, dir, partitions);
  }

  private roundRobin = 0;

  private constructor(
    public readonly id: string,
    public readonly name: string,
    /** Where the stream keeps its partitions and consumer groups. */
    public readonly dir: string,
    public readonly partitions: PartitionLog[],
  ) {}

  public partitionFor(key: Buffer | null): number {
    if (key === null) return this.roundRobin++ % this.partitions.length;
    return createHash('sha256').update(key).digest().readUInt32BE(0) % this.partitions.length;
  }

  public partition(p: number): PartitionLog {
    const log = this.partitions[p];
    if (!log) throw new RangeError(`stream ${this.id} has no partition ${p}`);
    return log;
  }

  /** All messages, by partition then offset (read from disk into one array: tests and diagnostics). */
  public readAll(): StoredMessage[] {
    return this.partitions.flatMap((p) => p.all());
  }

  /** Every message, by partition then offset, read from disk as it is iterated. */
  public *messages(): Generator<StoredMessage> {
    for (const partition of this.partitions) yield* partition.messages(0);
  }

  /** How many messages the stream holds (the partitions' next offsets, summed). */
  public messageCount(): number {
    return this.partitions.reduce((count, partition) => count + partition.nextOffset, 0);
  }

  public close(): void {
    this.partitions.forEach((p) => p.close());
  }
}
