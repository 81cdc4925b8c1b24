/**
 * Decoding and validation of one Streaming message into a claim check (schema/claim-check.v1.schema.json).
 *
 * The consumer never trusts a message: anything that is not a well-formed, self-consistent v1 claim is
 * `malformed-claim` and goes to the dead letter; it is never fetched. Validation follows the JSON Schema (required
 * attributes, consts, enums, patterns, `data` without extra fields, an etag on create/update) and adds the
 * consistency checks the schema cannot express: `source` names the same bucket as `data`, `subject` is
 * `data.object`, the `type` action matches `data.eventType`, `dataref` equals `data.objectUrl`, and that URL's
 * path points at `data`'s object. The object is always fetched by (namespace, bucket, object) with the consumer's
 * own client, never through the URL in the message.
 */
import { ClaimCheck, CLAIM_CHECK_SCHEMA_ID, CLAIM_ORIGINS, CLAIM_TYPE_PREFIX } from './claim';
import { actionOfEventType, isObjectAction, OCI_OBJECT_EVENT_TYPE_PREFIX, ObjectAction } from './object-events';
import { isRfc3339DateTime } from './rfc3339';

/** A message as GetMessages returns it (key and value base64; `timestamp` a string despite the SDK's `Date` type). */
export interface RawStreamMessage {
  stream?: string;
  partition?: string;
  key?: string | null;
  value: string;
  offset: number;
  timestamp?: Date | string;
}

/** A stream message that is a valid claim check (`parseClaimMessage`). */
export interface ParsedClaim {
  ok: true;
  claim: ClaimCheck;
  action: ObjectAction;
  /** The message key as UTF-8 text (null when the message had none). */
  key: string | null;
}

/** A stream message that is not a valid claim check (`parseClaimMessage`), with the reason. */
export interface MalformedClaim {
  ok: false;
  /** Why the message is not a claim check; goes into the dead letter's `error`. */
  error: string;
  key: string | null;
  /** The decoded value when it is JSON (even if not a claim), else undefined. */
  json?: unknown;
}

const ID_PATTERN = /^[0-9a-f]{64}$/;
const SOURCE_PATTERN = /^\/n\/([^/]+)\/b\/([^/]+)$/;
const REGION_PATTERN = /^[a-z0-9-]+$/;
const DATAREF_PATTERN = /^https:\/\/objectstorage\.[a-z0-9-]+\.[a-z0-9.-]+\/n\/[^/]+\/b\/[^/]+\/o\/[^/]+$/;
const TOP_LEVEL_REQUIRED = ['specversion', 'id', 'source', 'type', 'subject', 'datacontenttype', 'dataschema', 'dataref', 'data'];
const DATA_FIELDS = ['namespace', 'bucket', 'object', 'etag', 'versionId', 'eventType', 'eventTime', 'region', 'objectUrl'];

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** base64 → UTF-8 text; null when the bytes are not valid UTF-8. */
export function decodeBase64Text(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  try {
    return utf8.decode(Buffer.from(value, 'base64'));
  } catch {
    return null;
  }
}

/** Decodes and validates one message. Never throws. */
export function parseClaimMessage(message: Pick<RawStreamMessage, 'key' | 'value'>): ParsedClaim | MalformedClaim {
  const key = decodeBase64Text(message.key);
  if (typeof message.value !== 'string' || message.value === '') {
    return { ok: false, key, error: 'Message has no value' };
  }
  const text = decodeBase64Text(message.value);
  if (text === null) return { ok: false, key, error: 'Message value is not UTF-8 text' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, key, error: `Message value is not JSON: ${(e as Error).message}` };
  }
  const problem = claimProblem(json);
  if (problem !== null) return { ok: false, key, json, error: problem };
  const claim = json as ClaimCheck;
  return { ok: true, claim, key, action: actionOfEventType(claim.data.eventType) as ObjectAction };
}

/** Validates an already-parsed value; returns what is wrong with it, or null for a valid v1 claim check. */
export function claimProblem(value: unknown): string | null {
  if (!isObject(value)) return `Expected a JSON object, got ${describe(value)}`;
  for (const name of TOP_LEVEL_REQUIRED) {
    if (!(name in value)) return `Not a claim-check v1 event: missing "${name}"`;
  }
  if (value.specversion !== '1.0') return `Unsupported specversion ${show(value.specversion)}; expected "1.0"`;
  if (value.dataschema !== CLAIM_CHECK_SCHEMA_ID) {
    return `Unsupported dataschema ${show(value.dataschema)}; expected "${CLAIM_CHECK_SCHEMA_ID}"`;
  }
  if (typeof value.type !== 'string' || !value.type.startsWith(CLAIM_TYPE_PREFIX) || !value.type.endsWith('.v1')) {
    return `Unsupported type ${show(value.type)}; expected "${CLAIM_TYPE_PREFIX}<action>.v1"`;
  }
  const typeAction = value.type.slice(CLAIM_TYPE_PREFIX.length, -'.v1'.length);
  if (!isObjectAction(typeAction)) return `Unknown action in type ${show(value.type)}`;
  if (typeof value.id !== 'string' || !ID_PATTERN.test(value.id)) return `"id" must be 64 lowercase hex digits, got ${show(value.id)}`;
  if (value.datacontenttype !== 'application/json') return `"datacontenttype" must be "application/json", got ${show(value.datacontenttype)}`;
  if (typeof value.subject !== 'string' || value.subject === '') return `"subject" must be a non-empty string`;
  if ('time' in value && !isRfc3339DateTime(value.time)) {
    return `"time" must be an RFC 3339 date-time, got ${show(value.time)}`;
  }
  if (typeof value.dataref !== 'string' || !DATAREF_PATTERN.test(value.dataref)) return `"dataref" is not an Object Storage object URL: ${show(value.dataref)}`;
  if ('claimorigin' in value && !(CLAIM_ORIGINS as readonly unknown[]).includes(value.claimorigin)) {
    return `"claimorigin" must be one of ${CLAIM_ORIGINS.join(', ')} when present, got ${show(value.claimorigin)}`;
  }
  const source = typeof value.source === 'string' ? SOURCE_PATTERN.exec(value.source) : null;
  if (!source) return `"source" must be /n/<namespace>/b/<bucket>, got ${show(value.source)}`;

  const data = value.data;
  if (!isObject(data)) return `"data" must be an object, got ${describe(data)}`;
  for (const name of DATA_FIELDS) {
    if (!(name in data)) return `Not a claim-check v1 event: missing "data.${name}"`;
  }
  const extra = Object.keys(data).filter((k) => !DATA_FIELDS.includes(k));
  if (extra.length > 0) return `Unexpected field(s) in "data": ${extra.join(', ')} (a changed "data" would be a new claim version)`;
  for (const name of ['namespace', 'bucket', 'object'] as const) {
    if (typeof data[name] !== 'string' || data[name] === '') return `"data.${name}" must be a non-empty string`;
  }
  if (typeof data.eventType !== 'string' || !data.eventType.startsWith(OCI_OBJECT_EVENT_TYPE_PREFIX)) {
    return `"data.eventType" must be a com.oraclecloud.objectstorage.* event type, got ${show(data.eventType)}`;
  }
  const action = actionOfEventType(data.eventType);
  if (action === null) return `Unknown "data.eventType" ${show(data.eventType)}`;
  if (action !== typeAction) return `"type" (${typeAction}) and "data.eventType" (${action}) disagree`;
  if (action === 'deleteobject') {
    if (data.etag !== null && typeof data.etag !== 'string') return `"data.etag" must be a string or null`;
  } else if (typeof data.etag !== 'string' || data.etag === '') {
    return `A ${action} claim must carry "data.etag"`;
  }
  if (data.versionId !== null && typeof data.versionId !== 'string') return `"data.versionId" must be a string or null`;
  if (data.eventTime !== null && !isRfc3339DateTime(data.eventTime)) {
    return `"data.eventTime" must be an RFC 3339 date-time or null, got ${show(data.eventTime)}`;
  }
  if (typeof data.region !== 'string' || !REGION_PATTERN.test(data.region)) return `"data.region" is not a region id: ${show(data.region)}`;
  if (typeof data.objectUrl !== 'string') return `"data.objectUrl" must be a string`;

  // Consistency: every place that names the object must name the same one.
  if (source[1] !== data.namespace || source[2] !== data.bucket) {
    return `"source" (${value.source}) does not match data.namespace/data.bucket (/n/${data.namespace}/b/${data.bucket})`;
  }
  if (value.subject !== data.object) return `"subject" does not match "data.object"`;
  if (value.dataref !== data.objectUrl) return `"dataref" does not match "data.objectUrl"`;
  const expectedPath = `/n/${encodeURIComponent(data.namespace)}/b/${encodeURIComponent(data.bucket)}/o/${encodeURIComponent(data.object)}`;
  let urlPath: string;
  try {
    urlPath = new URL(data.objectUrl).pathname;
  } catch {
    return `"data.objectUrl" is not a URL`;
  }
  if (urlPath !== expectedPath) return `"data.objectUrl" points at ${urlPath}, not at the object in "data" (${expectedPath})`;
  return null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
}
