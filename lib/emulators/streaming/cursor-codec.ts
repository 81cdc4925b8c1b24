/**
 * Cursors: opaque strings to the client, self-describing to the emulator (base64url JSON), so they survive an
 * emulator restart like OCI's do. base64url matters: the SDK puts `cursor=` into the query string without
 * URL-encoding it (oci-common request-generator `stringify`), so a `+` or `/` would be mangled on the way.
 *
 * - partition cursor: where to read next in one partition;
 * - group cursor: a consumer group instance, plus where it has read to in each partition it holds. Each position
 *   carries the id of the reservation it was read under; after the partition moved to another instance (or back),
 *   the position is stale and the group's committed offset is used instead.
 *
 * Cursors expire five minutes after they are issued (see limits.ts).
 */
import { apiErrors } from '../common/api-error';

export interface PartitionCursor {
  readonly kind: 'partition';
  readonly streamId: string;
  readonly partition: number;
  /** Next offset to read. */
  readonly offset: number;
  readonly expiresAt: number;
}

export interface GroupPosition {
  readonly partition: number;
  /** Next offset to read in this partition. */
  readonly offset: number;
  /** The reservation this position was read under. */
  readonly reservation: string;
}

export interface GroupCursor {
  readonly kind: 'group';
  readonly streamId: string;
  readonly group: string;
  readonly instance: string;
  readonly commitOnGet: boolean;
  readonly timeoutMs: number;
  readonly positions: GroupPosition[];
  /** Which of the instance's partitions the next GetMessages serves first (spreads reads across partitions). */
  readonly rotation: number;
  readonly expiresAt: number;
}

export type Cursor = PartitionCursor | GroupCursor;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

/** Decodes and checks a cursor for `streamId`; 400 InvalidParameter when malformed, foreign or expired. */
export function decodeCursor(value: string | null, streamId: string, now = Date.now()): Cursor {
  if (!value) throw apiErrors.missingParameter('cursor');
  let cursor: Cursor;
  try {
    cursor = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Cursor;
  } catch {
    throw apiErrors.invalidParameter('The cursor is not valid');
  }
  if ((cursor?.kind !== 'partition' && cursor?.kind !== 'group') || typeof cursor.expiresAt !== 'number') {
    throw apiErrors.invalidParameter('The cursor is not valid');
  }
  if (cursor.streamId !== streamId) throw apiErrors.invalidParameter('The cursor belongs to another stream');
  // OCI's code for an expired cursor is UNCONFIRMED; 400 InvalidParameter is the emulator's choice.
  if (cursor.expiresAt <= now) throw apiErrors.invalidParameter('The cursor has expired (cursors are valid for 5 minutes); create a new one');
  return cursor;
}
