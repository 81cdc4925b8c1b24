/**
 * The three Object Storage object events the pipeline turns into claims. Two spellings exist and each has its
 * own name here: the short action (`createobject`, as an Events rule condition and the claim `type` use it) and
 * OCI's full event type (`com.oraclecloud.objectstorage.createobject`, as events and `data.eventType` carry it).
 * Events docs, "Object Storage event types": https://docs.oracle.com/iaas/Content/Events/Reference/eventsproducers.htm
 */

export const OBJECT_ACTIONS = ['createobject', 'updateobject', 'deleteobject'] as const;

/** `createobject` | `updateobject` | `deleteobject`. */
export type ObjectAction = (typeof OBJECT_ACTIONS)[number];

/** Prefix of OCI's Object Storage event types, `com.oraclecloud.objectstorage.`. */
export const OCI_OBJECT_EVENT_TYPE_PREFIX = 'com.oraclecloud.objectstorage.';

/** OCI's full event type, e.g. `com.oraclecloud.objectstorage.createobject`. */
export type OciObjectEventType = `${typeof OCI_OBJECT_EVENT_TYPE_PREFIX}${ObjectAction}`;

/** OCI's full event types of the three object actions, in the order of `OBJECT_ACTIONS`. */
export const OCI_OBJECT_EVENT_TYPES: readonly OciObjectEventType[] = OBJECT_ACTIONS.map(ociEventTypeOf);

/** OCI's full event type of an object action, e.g. `createobject` → `com.oraclecloud.objectstorage.createobject`. */
export function ociEventTypeOf(action: ObjectAction): OciObjectEventType {
  return `${OCI_OBJECT_EVENT_TYPE_PREFIX}${action}`;
}

/** The action of a full OCI event type, or null when it is not one of the three object events. */
export function actionOfEventType(eventType: string): ObjectAction | null {
  if (!eventType.startsWith(OCI_OBJECT_EVENT_TYPE_PREFIX)) return null;
  const action = eventType.slice(OCI_OBJECT_EVENT_TYPE_PREFIX.length);
  return isObjectAction(action) ? action : null;
}

/** Whether a value is one of `OBJECT_ACTIONS`. */
export function isObjectAction(value: unknown): value is ObjectAction {
  return typeof value === 'string' && (OBJECT_ACTIONS as readonly string[]).includes(value);
}
