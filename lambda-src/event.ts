/**
 * Parses the body an OCI Events rule delivers to the function into the few facts a claim check needs.
 *
 * Two envelopes are accepted:
 * - OCI Events' own CloudEvents-0.1-style envelope (`eventType`, `eventID`, `eventTime`, `data`), which is what an
 *   Events rule with a Functions action sends. Envelope reference:
 *   https://docs.cloud.oracle.com/iaas/Content/Events/Reference/eventenvelopereference.htm
 * - A CloudEvents 1.0 structured-mode JSON event (`specversion: "1.0"`, `type`, `id`, `time`, `data`) carrying the
 *   same `data`, for callers that re-wrap OCI events as CloudEvents 1.0.
 *
 * Lenient where OCI is known to vary (casing of `source`, absent tag keys, absent `versionId`, absent `eTag` on
 * deletes, extra fields), strict where a wrong claim would result: namespace, bucket and object name must be
 * present and consistent, and the event type must be one of the three object events.
 */
import { actionOfEventType, isRfc3339DateTime, OCI_OBJECT_EVENT_TYPES, ObjectStateChange, OciObjectEventType } from '../lib/contract';
import { InputRejectedError } from './errors';

/**
 * The event's facts (`eventId` is OCI's `eventID` or CloudEvents' `id`; `eventTime` the RFC 3339 time exactly as
 * received; the etag null only on deletes, which OCI may send without one).
 */
export interface ObjectStorageEvent extends ObjectStateChange {
  /** Which envelope the event came in. */
  readonly envelope: 'oci-events' | 'cloudevents-1.0';
}

type JsonObject = Record<string, unknown>;

// `/n/<namespace>/b/<bucket>/o/<object>`. Namespace and bucket names cannot contain `/`; the object part can.
const RESOURCE_ID = /^\/n\/([^/]+)\/b\/([^/]+)\/o\/([\s\S]*)$/;

/** JSON text → event. Malformed JSON is rejected explicitly (the FDK's JSON mode would pass the raw string on). */
export function parseEventBody(body: string): ObjectStorageEvent {
  if (body.trim() === '') {
    throw new InputRejectedError('MalformedJson', 'Request body is empty; expected an OCI Object Storage event (JSON)');
  }
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (e) {
    throw new InputRejectedError('MalformedJson', `Request body is not valid JSON: ${(e as Error).message}`);
  }
  return parseObjectStorageEvent(value);
}

export function parseObjectStorageEvent(value: unknown): ObjectStorageEvent {
  if (!isObject(value)) {
    throw new InputRejectedError('InvalidEvent', `Expected a JSON object event, got ${describe(value)}`);
  }
  const isCloudEvents1 = value.specversion !== undefined;
  if (isCloudEvents1 && value.specversion !== '1.0') {
    throw new InputRejectedError(
      'InvalidField',
      `Unsupported CloudEvents specversion ${JSON.stringify(value.specversion)}; expected "1.0"`,
      'specversion',
    );
  }
  const typeField = isCloudEvents1 ? 'type' : 'eventType';
  const idField = isCloudEvents1 ? 'id' : 'eventID';
  const timeField = isCloudEvents1 ? 'time' : 'eventTime';

  const eventType = parseEventType(value[typeField], typeField);
  const data = isCloudEvents1 ? cloudEventData(value) : value.data;
  if (!isObject(data)) {
    throw new InputRejectedError(
      'MissingField',
      `Event has no "data" object (got ${describe(data)}); it does not look like an Object Storage event`,
      'data',
    );
  }
  const details = optionalObject(data.additionalDetails, 'data.additionalDetails');
  const fromResourceId = parseResourceId(data.resourceId);

  const namespace = agreeing(
    optionalString(details.namespace, 'data.additionalDetails.namespace'),
    fromResourceId?.namespace ?? null,
    'data.additionalDetails.namespace',
  );
  const bucket = agreeing(
    optionalString(details.bucketName, 'data.additionalDetails.bucketName'),
    fromResourceId?.bucket ?? null,
    'data.additionalDetails.bucketName',
  );
  // The object name comes from `resourceName` only: whether OCI percent-encodes the object part of `resourceId`
  // is not documented, so deriving the name from it could silently produce a claim for the wrong object.
  const object = optionalString(data.resourceName, 'data.resourceName');
  if (object === null) {
    throw new InputRejectedError('MissingField', 'Event has no object name (data.resourceName)', 'data.resourceName');
  }

  const action = actionOfEventType(eventType)!;
  const etag = optionalString(details.eTag, 'data.additionalDetails.eTag');
  if (etag === null && action !== 'deleteobject') {
    throw new InputRejectedError(
      'MissingField',
      `A ${action} event must carry the object's entity tag (data.additionalDetails.eTag)`,
      'data.additionalDetails.eTag',
    );
  }

  return {
    envelope: isCloudEvents1 ? 'cloudevents-1.0' : 'oci-events',
    eventType,
    action,
    eventId: parseEventId(value[idField], idField),
    eventTime: parseEventTime(value[timeField], timeField),
    namespace,
    bucket,
    object,
    etag,
    versionId: optionalString(details.versionId, 'data.additionalDetails.versionId'),
  };
}

function parseEventType(raw: unknown, field: string): OciObjectEventType {
  if (raw === undefined || raw === null || raw === '') {
    throw new InputRejectedError('MissingField', `Event has no ${field}`, field);
  }
  if (typeof raw !== 'string') {
    throw new InputRejectedError('InvalidField', `${field} must be a string, got ${describe(raw)}`, field);
  }
  const normalized = raw.trim().toLowerCase();
  if (actionOfEventType(normalized) === null) {
    throw new InputRejectedError(
      'UnsupportedEventType',
      `Unsupported ${field} ${JSON.stringify(raw)}; expected one of ${OCI_OBJECT_EVENT_TYPES.join(', ')}`,
      field,
    );
  }
  return normalized as OciObjectEventType;
}

/** CloudEvents 1.0 structured mode: `data` is inline JSON, a JSON string, or `data_base64`. */
function cloudEventData(event: JsonObject): unknown {
  if (typeof event.data === 'string') return parseEmbeddedJson(event.data, 'data');
  if (event.data === undefined && typeof event.data_base64 === 'string') {
    return parseEmbeddedJson(Buffer.from(event.data_base64, 'base64').toString('utf8'), 'data_base64');
  }
  return event.data;
}

function parseEmbeddedJson(text: string, field: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new InputRejectedError('InvalidField', `${field} is not a JSON object`, field);
  }
}

function parseResourceId(raw: unknown): { namespace: string; bucket: string } | null {
  // Lenient: older events carry an empty resourceId, and an unparseable one is simply not used.
  if (typeof raw !== 'string') return null;
  const match = RESOURCE_ID.exec(raw);
  return match ? { namespace: match[1], bucket: match[2] } : null;
}

/** The value from additionalDetails, cross-checked against (or, when absent, taken from) data.resourceId. */
function agreeing(primary: string | null, fromResourceId: string | null, field: string): string {
  if (primary !== null && fromResourceId !== null && primary !== fromResourceId) {
    throw new InputRejectedError(
      'InvalidField',
      `${field} (${JSON.stringify(primary)}) disagrees with data.resourceId (${JSON.stringify(fromResourceId)})`,
      field,
    );
  }
  const value = primary ?? fromResourceId;
  if (value === null) {
    throw new InputRejectedError('MissingField', `Event has no ${field}`, field);
  }
  return value;
}

function parseEventId(raw: unknown, field: string): string | null {
  if (raw === undefined || raw === null || raw === '') return null;
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
  throw new InputRejectedError('InvalidField', `${field} must be a string, got ${describe(raw)}`, field);
}

function parseEventTime(raw: unknown, field: string): string | null {
  if (raw === undefined || raw === null || raw === '') return null;
  if (!isRfc3339DateTime(raw)) {
    throw new InputRejectedError('InvalidField', `${field} must be an RFC 3339 timestamp, got ${describe(raw)}`, field);
  }
  return raw;
}

/** Absent/null/empty → null; a non-empty string → itself; anything else is a malformed event. */
function optionalString(raw: unknown, field: string): string | null {
  if (raw === undefined || raw === null || raw === '') return null;
  if (typeof raw !== 'string') {
    throw new InputRejectedError('InvalidField', `${field} must be a string, got ${describe(raw)}`, field);
  }
  return raw;
}

function optionalObject(raw: unknown, field: string): JsonObject {
  if (raw === undefined || raw === null) return {};
  if (!isObject(raw)) {
    throw new InputRejectedError('InvalidField', `${field} must be an object, got ${describe(raw)}`, field);
  }
  return raw;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value.length > 80 ? `a string (${value.length} chars)` : JSON.stringify(value);
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}
