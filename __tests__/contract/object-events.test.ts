import { actionOfEventType, isObjectAction, OBJECT_ACTIONS, OCI_OBJECT_EVENT_TYPES, ociEventTypeOf } from '../../lib/contract';

describe('object events: the two spellings', () => {
  it('maps each action to OCI\'s event type and back', () => {
    expect(OCI_OBJECT_EVENT_TYPES).toEqual([
      'com.oraclecloud.objectstorage.createobject',
      'com.oraclecloud.objectstorage.updateobject',
      'com.oraclecloud.objectstorage.deleteobject',
    ]);
    for (const action of OBJECT_ACTIONS) expect(actionOfEventType(ociEventTypeOf(action))).toBe(action);
  });

  it('knows nothing else: other event types, other services, bare actions', () => {
    for (const other of ['com.oraclecloud.objectstorage.createbucket', 'com.oraclecloud.streaming.createobject', 'createobject', '', 'com.oraclecloud.objectstorage.']) {
      expect(actionOfEventType(other)).toBeNull();
    }
    expect(isObjectAction('updateobject')).toBe(true);
    expect(isObjectAction('com.oraclecloud.objectstorage.updateobject')).toBe(false);
  });
});
