/**
 * Builds the claim check: a CloudEvents 1.0 structured-mode JSON event that *refers* to an object (never carries
 * its content), and the Streaming message (key + value bytes) that transports it.
 *
 * Format: schema/claim-check.v1.schema.json (JSON Schema draft 2020-12); documented in lambda-src/README.md.
 * CloudEvents 1.0: https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/spec.md
 * `dataref` is the CloudEvents "Claim Check" extension attribute:
 * https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/extensions/dataref.md
 */
import { createHash } from 'node:crypto';
import { InputRejectedError } from './errors';
import type { ObjectAction, ObjectStorageEvent } from './event';

/** `$id` of schema/claim-check.v1.schema.json, sent as the CloudEvents `dataschema` attribute. */
export const CLAIM_CHECK_SCHEMA_ID = 'urn:cdktf-oci-claim-check:schema:claim-check:v1';

/** Reverse-DNS prefix of the claim's CloudEvents `type`; the full type is `<prefix><action>.v1`. */
export const CLAIM_TYPE_PREFIX = 'io.github.cdktf-oci-claim-check.objectstorage.';

/**
 * OCI Streaming limits, https://docs.oracle.com/iaas/Content/Streaming/Concepts/streamingoverview_topic-Limits_on_Streaming_Resources.htm:
 * a message key is at most 256 bytes; a message, and a whole PutMessages request (keys + values, measured after
 * base64 decoding), at most 1 MB. We read "1 MB" as 1 MiB, the value Oracle recommends for Kafka's
 * `max.request.size` (1048576).
 */
export const STREAMING_LIMITS = {
  maxKeyBytes: 256,
  maxMessageBytes: 1024 * 1024,
} as const;

export type ClaimCheckType = `${typeof CLAIM_TYPE_PREFIX}${ObjectAction}.v1`;

export interface ClaimCheckData {
  namespace: string;
  bucket: string;
  object: string;
  etag: string | null;
  versionId: string | null;
  /** The OCI event type, e.g. `com.oraclecloud.objectstorage.createobject`. */
  eventType: string;
  eventTime: string | null;
  region: string;
  objectUrl: string;
}

export interface ClaimCheck {
  specversion: '1.0';
  id: string;
  source: string;
  type: ClaimCheckType;
  subject: string;
  /** Omitted (not null: CloudEvents attributes are never null) when the source event had no time. */
  time?: string;
  datacontenttype: 'application/json';
  dataschema: typeof CLAIM_CHECK_SCHEMA_ID;
  dataref: string;
  data: ClaimCheckData;
}

/** Where the referenced objects live: the region and the realm's domain (e.g. `oraclecloud.com` for OC1). */
export interface ObjectStorageLocation {
  region: string;
  realmDomain: string;
}

export function claimTypeFor(action: ObjectAction): ClaimCheckType {
  return `${CLAIM_TYPE_PREFIX}${action}.v1`;
}

/**
 * The object's native Object Storage API URL. Each path segment is encoded with `encodeURIComponent`, exactly as
 * the OCI SDK encodes path parameters (oci-common request-generator), so `/` in an object name becomes `%2F`.
 */
export function objectStorageUrl(location: ObjectStorageLocation, namespace: string, bucket: string, object: string): string {
  const host = `https://objectstorage.${location.region}.${location.realmDomain}`;
  return `${host}/n/${encodeURIComponent(namespace)}/b/${encodeURIComponent(bucket)}/o/${encodeURIComponent(object)}`;
}

/**
 * Deterministic claim id, so a redelivered event yields the same id and consumers can dedupe on it.
 * With a source event id: hash of that id (OCI event ids are unique per event). Without one: hash of the object
 * state the event describes. Caveat: two id-less, time-less deletes of the same unversioned object collide;
 * that is harmless for dedupe (both say "this object is gone").
 */
export function claimId(event: ObjectStorageEvent): string {
  const identity = event.eventId !== null
    ? ['event-id', event.eventId]
    : ['object-state', event.eventType, event.namespace, event.bucket, event.object, event.etag, event.versionId, event.eventTime];
  return createHash('sha256').update(JSON.stringify(identity), 'utf8').digest('hex');
}

export function buildClaimCheck(event: ObjectStorageEvent, location: ObjectStorageLocation): ClaimCheck {
  const objectUrl = objectStorageUrl(location, event.namespace, event.bucket, event.object);
  return {
    specversion: '1.0',
    id: claimId(event),
    source: `/n/${event.namespace}/b/${event.bucket}`,
    type: claimTypeFor(event.action),
    subject: event.object,
    ...(event.eventTime !== null ? { time: event.eventTime } : {}),
    datacontenttype: 'application/json',
    dataschema: CLAIM_CHECK_SCHEMA_ID,
    dataref: objectUrl,
    data: {
      namespace: event.namespace,
      bucket: event.bucket,
      object: event.object,
      etag: event.etag,
      versionId: event.versionId,
      eventType: event.eventType,
      eventTime: event.eventTime,
      region: location.region,
      objectUrl,
    },
  };
}

/**
 * Message key `namespace/bucket/object` (UTF-8). Streaming partitions by key, so all claims for one object land
 * in one partition, in order. Keys over 256 bytes are replaced by `sha256:<hex of the full key>` (71 bytes):
 * ordering only needs a stable key, and the full name is in the message value anyway.
 */
export function messageKey(namespace: string, bucket: string, object: string): string {
  const key = `${namespace}/${bucket}/${object}`;
  if (Buffer.byteLength(key, 'utf8') <= STREAMING_LIMITS.maxKeyBytes) return key;
  return `sha256:${createHash('sha256').update(key, 'utf8').digest('hex')}`;
}

export interface StreamMessage {
  /** The key as text (what we log and return). */
  keyText: string;
  key: Buffer;
  value: Buffer;
}

/** Key + UTF-8 JSON value, checked against the Streaming size limits. */
export function encodeClaimMessage(claim: ClaimCheck, limits: { maxMessageBytes: number } = STREAMING_LIMITS): StreamMessage {
  const keyText = messageKey(claim.data.namespace, claim.data.bucket, claim.data.object);
  const key = Buffer.from(keyText, 'utf8');
  const value = Buffer.from(JSON.stringify(claim), 'utf8');
  // The request limit counts keys and values together, and we send one message per request.
  const total = key.length + value.length;
  if (total > limits.maxMessageBytes) {
    throw new InputRejectedError(
      'ClaimTooLarge',
      `Claim check for object ${JSON.stringify(truncate(claim.subject))} is ${total} bytes (key ${key.length} + value ${value.length}); ` +
        `OCI Streaming accepts at most ${limits.maxMessageBytes} bytes per message`,
      'data.resourceName',
    );
  }
  return { keyText, key, value };
}

function truncate(text: string): string {
  return text.length > 100 ? `${text.slice(0, 100)}…` : text;
}
