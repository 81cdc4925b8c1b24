import { randomUUID } from 'node:crypto';
import { ObjectAction, ociEventTypeOf } from '../../contract';

/** An object change as the Object Storage emulator reports it. */
export interface ObjectChange {
  readonly type: ObjectAction;
  readonly namespace: string;
  readonly bucket: string;
  readonly object: string;
  readonly etag?: string;
  readonly versionId?: string;
  readonly time: Date | string;
}

/** What an object event says about where the bucket lives (compartment, bucket OCID). */
export interface ObjectEventContext {
  /** Compartment the bucket lives in (the event's `extensions.compartmentId`). */
  readonly compartmentId: string;
  readonly compartmentName?: string;
  /** OCID of the bucket (`additionalDetails.bucketId`). */
  readonly bucketId?: string;
}

/**
 * The event OCI sends for an object change (CloudEvents 0.1-style envelope, eventTypeVersion 2.0), as in the
 * Events envelope reference and Oracle's published object event example:
 * https://docs.oracle.com/iaas/Content/Events/Reference/eventenvelopereference.htm
 * `resourceId` is the object path `/n/<ns>/b/<bucket>/o/<name>`, `availabilityDomain` "all" for object events.
 * Deletes carry no eTag (the object is gone), which the function accepts.
 */
export function objectEvent(change: ObjectChange, context: ObjectEventContext, eventId: string = randomUUID()): Record<string, unknown> {
  const time = typeof change.time === 'string' ? change.time : change.time.toISOString();
  const additionalDetails: Record<string, unknown> = {
    bucketName: change.bucket,
    archivalState: 'Available',
    namespace: change.namespace,
    bucketId: context.bucketId ?? `ocid1.bucket.oc1.local.${change.bucket}`,
  };
  if (change.versionId) additionalDetails.versionId = change.versionId;
  if (change.etag && change.type !== 'deleteobject') additionalDetails.eTag = change.etag;
  return {
    eventType: ociEventTypeOf(change.type),
    cloudEventsVersion: '0.1',
    eventTypeVersion: '2.0',
    source: 'ObjectStorage',
    eventTime: time.replace(/\.\d{3}Z$/, 'Z'),
    contentType: 'application/json',
    data: {
      compartmentId: context.compartmentId,
      compartmentName: context.compartmentName ?? 'local',
      resourceName: change.object,
      resourceId: `/n/${change.namespace}/b/${change.bucket}/o/${change.object}`,
      availabilityDomain: 'all',
      freeFormTags: {},
      definedTags: {},
      additionalDetails,
    },
    eventID: eventId,
    extensions: { compartmentId: context.compartmentId },
  };
}
