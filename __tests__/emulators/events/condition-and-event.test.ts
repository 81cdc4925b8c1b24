import { matchesCondition, objectEvent, parseRuleCondition } from '../../../lib/emulators/events';
import { objectEventsCondition } from '../../../lib';

const change = {
  type: 'createobject' as const,
  namespace: 'localns',
  bucket: 'landing',
  object: 'dir/a b#?.txt',
  etag: 'e-1',
  time: new Date('2026-03-14T09:26:53.123Z'),
};
const context = { compartmentId: 'ocid1.compartment.oc1..aaaa' };

describe('OCI Events condition matching', () => {
  const condition = parseRuleCondition(objectEventsCondition('landing', ['createobject', 'deleteobject']));

  test('the synthesized pipeline condition matches its bucket and event types only', () => {
    expect(matchesCondition(objectEvent(change, context), condition)).toBe(true);
    expect(matchesCondition(objectEvent({ ...change, type: 'deleteobject' }, context), condition)).toBe(true);
    expect(matchesCondition(objectEvent({ ...change, type: 'updateobject' }, context), condition)).toBe(false);
    expect(matchesCondition(objectEvent({ ...change, bucket: 'other' }, context), condition)).toBe(false);
  });

  test('filter semantics: {} matches all, missing fields fail, arrays are OR, * is a wildcard', () => {
    const event = { eventType: 'com.oraclecloud.objectstorage.createobject', data: { resourceName: 'incoming/x.pdf' } };
    expect(matchesCondition(event, {})).toBe(true);
    expect(matchesCondition(event, { source: 'ObjectStorage' })).toBe(false);
    expect(matchesCondition(event, { eventType: ['a', 'com.oraclecloud.objectstorage.createobject'] })).toBe(true);
    expect(matchesCondition(event, { eventType: 'com.oraclecloud.objectstorage.*' })).toBe(true);
    expect(matchesCondition(event, { data: { resourceName: 'incoming/*' } })).toBe(true);
    expect(matchesCondition(event, { data: { resourceName: 'outgoing/*' } })).toBe(false);
    expect(matchesCondition(event, { data: { resourceName: 'incoming/x.pdf.*' } })).toBe(false);
    expect(matchesCondition(event, { data: { missing: { deeper: 'x' } } })).toBe(false);
    // Regex metacharacters in a value are literal.
    expect(matchesCondition({ a: 'x+y' }, { a: 'x+y' })).toBe(true);
    expect(matchesCondition({ a: 'xxy' }, { a: 'x+y' })).toBe(false);
  });

  test('a condition that is not a JSON object is refused with a clear error', () => {
    expect(() => parseRuleCondition('{"eventType":')).toThrow(/Events rule condition is not JSON/);
    expect(() => parseRuleCondition('[]')).toThrow(/must be a JSON object/);
  });
});

describe('object event envelope', () => {
  test('has the OCI shape: CloudEvents 0.1 envelope, object path resourceId, additionalDetails', () => {
    const event = objectEvent({ ...change, versionId: 'v1' }, context, 'fixed-id');
    expect(event).toEqual({
      eventType: 'com.oraclecloud.objectstorage.createobject',
      cloudEventsVersion: '0.1',
      eventTypeVersion: '2.0',
      source: 'ObjectStorage',
      eventTime: '2026-03-14T09:26:53Z',
      contentType: 'application/json',
      data: {
        compartmentId: context.compartmentId,
        compartmentName: 'local',
        resourceName: 'dir/a b#?.txt',
        resourceId: '/n/localns/b/landing/o/dir/a b#?.txt',
        availabilityDomain: 'all',
        freeFormTags: {},
        definedTags: {},
        additionalDetails: {
          bucketName: 'landing',
          archivalState: 'Available',
          namespace: 'localns',
          bucketId: 'ocid1.bucket.oc1.local.landing',
          versionId: 'v1',
          eTag: 'e-1',
        },
      },
      eventID: 'fixed-id',
      extensions: { compartmentId: context.compartmentId },
    });
  });

  test('delete events carry no eTag', () => {
    const event: any = objectEvent({ ...change, type: 'deleteobject' }, context);
    expect(event.data.additionalDetails.eTag).toBeUndefined();
    expect(event.eventID).toMatch(/^[0-9a-f-]{36}$/);
  });
});
