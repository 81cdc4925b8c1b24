/**
 * The claim check: a CloudEvents 1.0 structured-mode JSON event that *refers* to an object (never carries its
 * content), and the Streaming message (key + value bytes) that transports it. Built by the publisher function and
 * the reconciler, parsed by the consumer (claim-parse.ts), described by schema/claim-check.v1.schema.json (JSON
 * Schema draft 2020-12) and documented in lambda-src/README.md.
 * CloudEvents 1.0: https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/spec.md
 * `dataref` is the CloudEvents "Claim Check" extension attribute:
 * https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/extensions/dataref.md
 */
import { createHash } from 'node:crypto';
import type { ObjectAction, OciObjectEventType } from './object-events';
import { STREAMING_LIMITS } from './streaming-limits';

/** `$id` of schema/claim-check.v1.schema.json, sent as the CloudEvents `dataschema` attribute. */
export const CLAIM_CHECK_SCHEMA_ID = 'urn:cdktf-oci-claim-check:schema:claim-check:v1';

/** Reverse-DNS prefix of the claim's CloudEvents `type`; the full type is `<prefix><action>.v1`. */
export const CLAIM_TYPE_PREFIX = 'io.github.cdktf-oci-claim-check.objectstorage.';

/** The claim's CloudEvents `type`: `<CLAIM_TYPE_PREFIX><action>.v1`. */
export type ClaimCheckType = `${typeof CLAIM_TYPE_PREFIX}${ObjectAction}.v1`;

/**
 * Where a claim that did not come from an object event came from: the CloudEvents extension attribute
 * `claimorigin` (lower-case letters and digits, at most 20 characters, as the spec asks of attribute names:
 * https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/spec.md#attribute-naming-convention).
 * - `reconcile`: the reconciler found an object whose current state no consumer group had a claim for;
 * - `backfill`: the reconciler republished every object (e.g. objects that predate the pipeline).
 * The event path's claims carry no `claimorigin`.
 */
export const CLAIM_ORIGINS = ['reconcile', 'backfill'] as const;
/** One of `CLAIM_ORIGINS`: `reconcile` or `backfill`. */
export type ClaimOrigin = (typeof CLAIM_ORIGINS)[number];

/** The claim's `data`: which object (namespace, bucket, name, etag, version) and what happened to it. */
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

/**
 * A claim check: a CloudEvents 1.0 event (JSON) that references an object, never its content
 * (`schema/claim-check.v1.schema.json`).
 */
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
  /** Absent on the event path's claims; see CLAIM_ORIGINS. */
  claimorigin?: ClaimOrigin;
  data: ClaimCheckData;
}

/** What a claim is built from: one state change of one object (an OCI object event, or a listing's entry). */
export interface ObjectStateChange {
  readonly eventType: OciObjectEventType;
  readonly action: ObjectAction;
  /** The source event's id (OCI `eventID`); null when there is none. */
  readonly eventId: string | null;
  /** RFC 3339 time of the change; null when unknown. */
  readonly eventTime: string | null;
  readonly namespace: string;
  readonly bucket: string;
  readonly object: string;
  /** Null only for deletes. */
  readonly etag: string | null;
  /** Present only for versioning-enabled buckets. */
  readonly versionId: string | null;
}

/** Where the referenced objects live: the region and the realm's domain (e.g. `oraclecloud.com` for OC1). */
export interface ObjectStorageLocation {
  region: string;
  realmDomain: string;
}

/** The claim type for an object action, e.g. `createobject` → `<CLAIM_TYPE_PREFIX>createobject.v1`. */
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
export function claimId(change: ObjectStateChange): string {
  const identity = change.eventId !== null
    ? ['event-id', change.eventId]
    : ['object-state', change.eventType, change.namespace, change.bucket, change.object, change.etag, change.versionId, change.eventTime];
  return createHash('sha256').update(JSON.stringify(identity), 'utf8').digest('hex');
}

/**
 * The claim for one object state change. `options.origin` marks a claim that did not come from an object event
 * (the reconciler's); without it the claim is exactly the event path's, byte for byte.
 */
export function buildClaimCheck(change: ObjectStateChange, location: ObjectStorageLocation, options: { origin?: ClaimOrigin } = {}): ClaimCheck {
  const objectUrl = objectStorageUrl(location, change.namespace, change.bucket, change.object);
  return {
    specversion: '1.0',
    id: claimId(change),
    source: `/n/${change.namespace}/b/${change.bucket}`,
    type: claimTypeFor(change.action),
    subject: change.object,
    ...(change.eventTime !== null ? { time: change.eventTime } : {}),
    datacontenttype: 'application/json',
    dataschema: CLAIM_CHECK_SCHEMA_ID,
    dataref: objectUrl,
    ...(options.origin !== undefined ? { claimorigin: options.origin } : {}),
    data: {
      namespace: change.namespace,
      bucket: change.bucket,
      object: change.object,
      etag: change.etag,
      versionId: change.versionId,
      eventType: change.eventType,
      eventTime: change.eventTime,
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

/** A claim check encoded as a stream message (`encodeClaimMessage`): key and value as bytes. */
export interface StreamMessage {
  /** The key as text (what we log and return). */
  keyText: string;
  key: Buffer;
  value: Buffer;
}

/** A claim whose message would exceed what OCI Streaming accepts per message. */
export class ClaimTooLargeError extends Error {
  constructor(message: string, readonly bytes: number, readonly maxBytes: number) {
    super(message);
    this.name = 'ClaimTooLargeError';
  }
}

/** Key + UTF-8 JSON value, checked against the Streaming size limits (ClaimTooLargeError when over). */
export function encodeClaimMessage(claim: ClaimCheck, limits: { maxMessageBytes: number } = STREAMING_LIMITS): StreamMessage {
  const keyText = messageKey(claim.data.namespace, claim.data.bucket, claim.data.object);
  const key = Buffer.from(keyText, 'utf8');
  const value = Buffer.from(JSON.stringify(claim), 'utf8');
  // The request limit counts keys and values together, and we send one message per request.
  const total = key.length + value.length;
  if (total > limits.maxMessageBytes) {
    throw new ClaimTooLargeError(
      `Claim check for object ${JSON.stringify(truncate(claim.subject))} is ${total} bytes (key ${key.length} + value ${value.length}); ` +
        `OCI Streaming accepts at most ${limits.maxMessageBytes} bytes per message`,
      total,
      limits.maxMessageBytes,
    );
  }
  return { keyText, key, value };
}

function truncate(text: string): string {
  return text.length > 100 ? `${text.slice(0, 100)}…` : text;
}
