/**
 * The consuming side of the Streaming API: CreateCursor, CreateGroupCursor, GetMessages, ConsumerCommit,
 * ConsumerHeartbeat, GetGroup, UpdateGroup. Pure functions of the registry and a clock, so the routes stay thin.
 *
 * API reference: https://docs.oracle.com/iaas/api/#/en/streaming/20180418/
 * Consumer groups: https://docs.oracle.com/iaas/Content/Streaming/Tasks/using_consumer_groups.htm
 */
import { randomUUID } from 'node:crypto';
import { apiErrors } from '../common/api-error';
import type { StartType } from './consumer-group';
import { Cursor, decodeCursor, encodeCursor, GroupCursor, GroupPosition } from './cursor-codec';
import type { EmulatedStream } from './emulated-stream';
import { CURSOR_TTL_MS, DEFAULT_INSTANCE_TIMEOUT_MS, MAX_GET_MESSAGES_LIMIT } from './limits';
import type { StoredMessage } from './partition-log';
import type { StreamRegistry } from './stream-registry';

/** GetMessages item, as on the wire. */
export interface WireMessage {
  stream: string;
  partition: string;
  key: string | null;
  value: string;
  offset: number;
  timestamp: string;
}

const CURSOR_TYPES = ['AFTER_OFFSET', 'AT_OFFSET', 'AT_TIME', 'LATEST', 'TRIM_HORIZON'] as const;
const GROUP_START_TYPES: readonly StartType[] = ['AT_TIME', 'LATEST', 'TRIM_HORIZON'];

/** CreateCursor `{partition, type, offset?, time?}` → a partition cursor, resolved to an offset now. */
export function createCursor(stream: EmulatedStream, details: Record<string, unknown>, now: number, ttlMs = CURSOR_TTL_MS): string {
  const partition = parsePartition(details.partition, stream);
  const type = details.type as (typeof CURSOR_TYPES)[number];
  if (!CURSOR_TYPES.includes(type)) throw apiErrors.invalidParameter(`type must be one of ${CURSOR_TYPES.join(', ')}`);
  const log = stream.partition(partition);
  let offset: number;
  switch (type) {
    case 'TRIM_HORIZON':
      offset = 0;
      break;
    case 'LATEST':
      offset = log.nextOffset;
      break;
    case 'AT_TIME':
      offset = log.firstOffsetAtOrAfter(parseTime(details.time));
      break;
    default: {
      const requested = details.offset;
      if (!Number.isInteger(requested) || (requested as number) < 0) throw apiErrors.invalidParameter(`offset is required for ${type} and must be a non-negative integer`);
      offset = type === 'AT_OFFSET' ? (requested as number) : (requested as number) + 1;
      // Emulator choice: a position past the end of the partition is refused rather than waited for.
      if (offset > log.nextOffset) throw apiErrors.invalidParameter(`offset ${requested} is beyond the end of partition ${partition} (next offset ${log.nextOffset})`);
    }
  }
  return encodeCursor({ kind: 'partition', streamId: stream.id, partition, offset, expiresAt: now + ttlMs });
}

/** CreateGroupCursor: joins (or creates) the group; the cursor reads from the group's committed offsets. */
export function createGroupCursor(registry: StreamRegistry, stream: EmulatedStream, details: Record<string, unknown>, now: number, ttlMs = CURSOR_TTL_MS): string {
  const groupName = details.groupName;
  if (typeof groupName !== 'string' || groupName === '') throw apiErrors.missingParameter('groupName');
  const type = details.type as StartType;
  if (!GROUP_START_TYPES.includes(type)) throw apiErrors.invalidParameter(`type must be one of ${GROUP_START_TYPES.join(', ')}`);
  const instance = details.instanceName === undefined || details.instanceName === null ? randomUUID() : details.instanceName;
  if (typeof instance !== 'string' || instance === '') throw apiErrors.invalidParameter('instanceName must be a non-empty string');
  const timeoutMs = details.timeoutInMs ?? DEFAULT_INSTANCE_TIMEOUT_MS;
  if (!Number.isInteger(timeoutMs) || (timeoutMs as number) <= 0) throw apiErrors.invalidParameter('timeoutInMs must be a positive integer');
  const group = registry.groupForCursor(stream, groupName, type, type === 'AT_TIME' ? parseTime(details.time) : undefined);
  group.touch(instance, timeoutMs as number, now);
  return encodeCursor({
    kind: 'group',
    streamId: stream.id,
    group: groupName,
    instance,
    commitOnGet: details.commitOnGet !== false, // OCI's default is commit-on-get
    timeoutMs: timeoutMs as number,
    positions: [],
    rotation: 0,
    expiresAt: now + ttlMs,
  });
}

export interface GetMessagesResult {
  messages: WireMessage[];
  nextCursor: string;
}

export function getMessages(
  registry: StreamRegistry,
  stream: EmulatedStream,
  cursorValue: string | null,
  limitValue: string | null,
  now: number,
  ttlMs = CURSOR_TTL_MS,
): GetMessagesResult {
  const cursor = decodeCursor(cursorValue, stream.id, now);
  const limit = parseLimit(limitValue);
  if (cursor.kind === 'partition') {
    const stored = stream.partition(cursor.partition).read(cursor.offset, limit);
    const offset = cursor.offset + stored.length;
    return {
      messages: stored.map((m) => toWire(stream, m)),
      nextCursor: encodeCursor({ ...cursor, offset, expiresAt: now + ttlMs }),
    };
  }

  const group = registry.existingGroup(stream, cursor.group);
  // Commit-on-get: asking for the next batch acknowledges the batch this cursor came with.
  if (cursor.commitOnGet) group.commit(cursor.instance, cursor.positions);
  group.touch(cursor.instance, cursor.timeoutMs, now);
  const held = group.reservedBy(cursor.instance);
  const positions: GroupPosition[] = held.map(({ partition, reservation }) => {
    const known = cursor.positions.find((p) => p.partition === partition && p.reservation === reservation);
    return { partition, reservation, offset: known ? known.offset : group.resumeOffset(partition) };
  });

  // Start with a different partition each call so one busy partition cannot starve the others.
  const messages: WireMessage[] = [];
  const rotation = positions.length === 0 ? 0 : cursor.rotation % positions.length;
  const order = [...positions.slice(rotation), ...positions.slice(0, rotation)];
  const readTo = new Map<number, number>();
  for (const position of order) {
    if (messages.length >= limit) break;
    const stored = stream.partition(position.partition).read(position.offset, limit - messages.length);
    messages.push(...stored.map((m) => toWire(stream, m)));
    readTo.set(position.partition, position.offset + stored.length);
  }
  const nextPositions = positions.map((p) => ({ ...p, offset: readTo.get(p.partition) ?? p.offset }));
  const next: GroupCursor = { ...cursor, positions: nextPositions, rotation: rotation + 1, expiresAt: now + ttlMs };
  return { messages, nextCursor: encodeCursor(next) };
}

/** ConsumerCommit: commits the cursor's positions, extends the instance's reservations, returns the cursor. */
export function consumerCommit(registry: StreamRegistry, stream: EmulatedStream, cursorValue: string | null, now: number, ttlMs = CURSOR_TTL_MS): string {
  const cursor = groupCursorOf(decodeCursor(cursorValue, stream.id, now));
  const group = registry.existingGroup(stream, cursor.group);
  group.commit(cursor.instance, cursor.positions);
  group.touch(cursor.instance, cursor.timeoutMs, now);
  return encodeCursor({ ...cursor, expiresAt: now + ttlMs });
}

/** ConsumerHeartbeat: keeps the instance (and its reservations) alive, returns the cursor. */
export function consumerHeartbeat(registry: StreamRegistry, stream: EmulatedStream, cursorValue: string | null, now: number, ttlMs = CURSOR_TTL_MS): string {
  const cursor = groupCursorOf(decodeCursor(cursorValue, stream.id, now));
  registry.existingGroup(stream, cursor.group).touch(cursor.instance, cursor.timeoutMs, now);
  return encodeCursor({ ...cursor, expiresAt: now + ttlMs });
}

/** UpdateGroup `{type, time?}`: moves the group's position for all its instances. */
export function updateGroup(registry: StreamRegistry, stream: EmulatedStream, groupName: string, details: Record<string, unknown>, now: number): void {
  const type = (details.type ?? 'TRIM_HORIZON') as StartType;
  if (!GROUP_START_TYPES.includes(type)) throw apiErrors.invalidParameter(`type must be one of ${GROUP_START_TYPES.join(', ')}`);
  registry.existingGroup(stream, groupName).reset(type, type === 'AT_TIME' ? parseTime(details.time) : undefined, now);
}

function groupCursorOf(cursor: Cursor): GroupCursor {
  if (cursor.kind !== 'group') throw apiErrors.invalidParameter('This operation needs a group cursor (from CreateGroupCursor)');
  return cursor;
}

function toWire(stream: EmulatedStream, m: StoredMessage): WireMessage {
  return {
    stream: stream.name,
    partition: String(m.partition),
    key: m.key === null ? null : m.key.toString('base64'),
    value: m.value.toString('base64'),
    offset: m.offset,
    timestamp: m.timestamp,
  };
}

function parsePartition(value: unknown, stream: EmulatedStream): number {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !/^\d+$/.test(text)) throw apiErrors.invalidParameter('partition is required (a partition number as a string, e.g. "0")');
  const partition = Number(text);
  if (partition >= stream.partitions.length) throw apiErrors.invalidParameter(`partition ${partition} does not exist; the stream has ${stream.partitions.length}`);
  return partition;
}

function parseLimit(value: string | null): number {
  if (value === null || value === '') return MAX_GET_MESSAGES_LIMIT;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_GET_MESSAGES_LIMIT) throw apiErrors.invalidParameter(`limit must be an integer from 1 to ${MAX_GET_MESSAGES_LIMIT}`);
  return limit;
}

function parseTime(value: unknown): number {
  const time = typeof value === 'string' || typeof value === 'number' ? new Date(value).getTime() : NaN;
  if (Number.isNaN(time)) throw apiErrors.invalidParameter('time is required for AT_TIME and must be an RFC 3339 timestamp');
  return time;
}
