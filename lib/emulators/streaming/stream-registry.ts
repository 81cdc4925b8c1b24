/**
 * The emulator's streams and their consumer groups, loaded from dataDir at start. Unknown stream ids get OCI's
 * 404 NotAuthorizedOrNotFound (OCI does not tell "missing" from "not allowed").
 */
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { apiErrors, OciApiError } from '../common/api-error';
import { ConsumerGroup, StartType } from './consumer-group';
import { EmulatedStream, StreamConfig } from './emulated-stream';
import { MAX_CONSUMER_GROUPS_PER_STREAM } from './limits';

export class StreamRegistry {
  private readonly streams = new Map<string, EmulatedStream>();
  private readonly groups = new Map<EmulatedStream, Map<string, ConsumerGroup>>();

  public constructor(dataDir: string, configs: readonly StreamConfig[]) {
    const streamsDir = join(dataDir, 'streams');
    for (const config of configs) {
      if (this.streams.has(config.id)) throw new Error(`stream ${config.id} is configured twice`);
      const stream = EmulatedStream.open(streamsDir, config);
      this.streams.set(config.id, stream);
      this.groups.set(stream, new Map());
    }
  }

  public stream(streamId: string): EmulatedStream {
    const stream = this.streams.get(streamId);
    if (!stream) throw apiErrors.notAuthorizedOrNotFound(`stream ${streamId}`);
    return stream;
  }

  public has(streamId: string): boolean {
    return this.streams.has(streamId);
  }

  /** The group, created at `type` when new (CreateGroupCursor). */
  public groupForCursor(stream: EmulatedStream, name: string, type: StartType, time: number | undefined): ConsumerGroup {
    const existing = this.group(stream, name);
    if (existing) return existing;
    if (this.groupCount(stream) >= MAX_CONSUMER_GROUPS_PER_STREAM) {
      throw new OciApiError(400, 'LimitExceeded', `A stream can have at most ${MAX_CONSUMER_GROUPS_PER_STREAM} consumer groups`);
    }
    const group = ConsumerGroup.loadOrCreate(stream, name, type, time);
    this.groups.get(stream)!.set(name, group);
    return group;
  }

  /** An existing group (in memory or on disk), or undefined. */
  public group(stream: EmulatedStream, name: string): ConsumerGroup | undefined {
    const groups = this.groups.get(stream)!;
    let group = groups.get(name);
    if (!group) {
      group = ConsumerGroup.load(stream, name);
      if (group) groups.set(name, group);
    }
    return group;
  }

  public existingGroup(stream: EmulatedStream, name: string): ConsumerGroup {
    const group = this.group(stream, name);
    if (!group) throw apiErrors.notAuthorizedOrNotFound(`consumer group ${name} of stream ${stream.id}`);
    return group;
  }

  public all(): EmulatedStream[] {
    return [...this.streams.values()];
  }

  public close(): void {
    this.streams.forEach((s) => s.close());
  }

  private groupCount(stream: EmulatedStream): number {
    const dir = join(stream.dir, 'groups');
    return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).length : 0;
  }
}
