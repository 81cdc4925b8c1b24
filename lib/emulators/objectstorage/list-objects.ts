/**
 * ListObjects, per the API reference (https://docs.oracle.com/iaas/api/#/en/objectstorage/20160918/Object/ListObjects):
 *
 * - `prefix`: only names starting with it; `start`: names >= start; `end`: names < end; `startAfter`: names > it;
 * - `limit`: 1..1000, default 1000 (the documented maximum page size);
 * - `delimiter`: only `/` is supported; names with a `/` after the prefix are rolled up into `prefixes`
 *   (prefix + next segment + `/`), and each rolled-up prefix counts once against `limit`;
 * - `fields`: a comma-separated subset of name,size,etag,md5,timeCreated,timeModified,storageTier,archivalState;
 *   `name` is always returned, nothing else unless asked for;
 * - `nextStartWith`: present when the page is full and more names follow; pass it back as `start`.
 *
 * Response: `{"objects":[{name,...}], "prefixes":[...] (with a delimiter), "nextStartWith"?}`.
 */
import { apiErrors } from '../common/api-error';
import type { BucketStore } from './bucket-store';
import type { IndexedObject } from './name-index';
import { compareNames } from './object-names';

/** Most objects one ListObjects page returns (OCI: 1000). */
export const MAX_LIST_LIMIT = 1000;
const FIELDS = ['name', 'size', 'etag', 'md5', 'timeCreated', 'timeModified', 'storageTier', 'archivalState'] as const;
type Field = (typeof FIELDS)[number];

export interface ListObjectsQuery {
  prefix?: string;
  start?: string;
  end?: string;
  startAfter?: string;
  limit?: string;
  delimiter?: string;
  fields?: string;
}

/** One object of a ListObjects page, with the fields asked for. */
export interface ObjectSummary {
  name: string;
  size?: number;
  etag?: string;
  md5?: string;
  timeCreated?: string;
  timeModified?: string;
  storageTier?: string;
}

/** One ListObjects page: objects, prefixes (with a delimiter), and where the next page starts. */
export interface ListObjectsResult {
  objects: ObjectSummary[];
  prefixes?: string[];
  nextStartWith?: string;
}

export function listObjects(bucket: BucketStore, query: ListObjectsQuery): ListObjectsResult {
  const limit = parseLimit(query.limit);
  const fields = parseFields(query.fields);
  if (query.delimiter !== undefined && query.delimiter !== '/') throw apiErrors.invalidParameter("delimiter: only '/' is supported");
  const prefix = query.prefix ?? '';

  const objects: ObjectSummary[] = [];
  const prefixes: string[] = [];
  let nextStartWith: string | undefined;
  // Names with the prefix are one run in listing order, at or after the prefix itself: start at the latest bound.
  const from = [prefix, query.start ?? '', query.startAfter ?? ''].reduce((a, b) => (compareNames(a, b) >= 0 ? a : b));
  for (const object of bucket.list(from)) {
    const name = object.name;
    if (!name.startsWith(prefix)) break;
    if (query.start !== undefined && compareNames(name, query.start) < 0) continue;
    if (query.startAfter !== undefined && compareNames(name, query.startAfter) <= 0) continue;
    if (query.end !== undefined && compareNames(name, query.end) >= 0) break;
    const slash = query.delimiter ? name.indexOf('/', prefix.length) : -1;
    const rolledUp = slash >= 0 ? name.slice(0, slash + 1) : undefined;
    if (rolledUp !== undefined && prefixes[prefixes.length - 1] === rolledUp) continue;
    if (objects.length + prefixes.length >= limit) {
      nextStartWith = name;
      break;
    }
    if (rolledUp !== undefined) prefixes.push(rolledUp);
    else objects.push(summarize(object, fields));
  }
  return { objects, ...(query.delimiter ? { prefixes } : {}), ...(nextStartWith !== undefined ? { nextStartWith } : {}) };
}

function summarize(stored: IndexedObject, fields: Set<Field>): ObjectSummary {
  const summary: ObjectSummary = { name: stored.name };
  if (fields.has('size')) summary.size = stored.size;
  if (fields.has('etag')) summary.etag = stored.etag;
  if (fields.has('md5')) summary.md5 = stored.md5;
  if (fields.has('timeCreated')) summary.timeCreated = stored.timeCreated;
  if (fields.has('timeModified')) summary.timeModified = stored.timeModified;
  if (fields.has('storageTier')) summary.storageTier = 'Standard'; // the only tier the emulator has
  // archivalState only exists for Archive-tier objects, which the emulator does not have.
  return summary;
}

function parseLimit(value: string | undefined): number {
  if (value === undefined || value === '') return MAX_LIST_LIMIT;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIST_LIMIT) throw apiErrors.invalidParameter(`limit must be an integer from 1 to ${MAX_LIST_LIMIT}`);
  return limit;
}

function parseFields(value: string | undefined): Set<Field> {
  const requested = (value ?? 'name').split(',').map((f) => f.trim()).filter((f) => f !== '');
  for (const field of requested) {
    if (!FIELDS.includes(field as Field)) throw apiErrors.invalidParameter(`fields: unknown field '${field}'; allowed: ${FIELDS.join(',')}`);
  }
  return new Set(requested as Field[]);
}
