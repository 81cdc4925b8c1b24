import { Bucket, FunctionCode, FunctionsApplication, ObjectEventsRule, objectEventsCondition, OciFunction } from '../../lib';
import { COMPARTMENT, IMAGE, newScope, SUBNET, synth, TENANCY } from '../helpers/synth';

function parts(stack: any) {
  const bucket = Bucket.fromBucketAttributes(stack, 'B', { bucketName: 'landing', namespace: 'ns', compartmentId: COMPARTMENT });
  const application = new FunctionsApplication(stack, 'App', { compartmentId: COMPARTMENT, subnetIds: [SUBNET] });
  const target = new OciFunction(stack, 'Fn', { application, code: FunctionCode.fromImageUri(IMAGE), tenancyId: TENANCY });
  return { bucket, target };
}

describe('ObjectEventsRule', () => {
  test('condition: all three object event types of the one bucket; action: the function; invoke policy', () => {
    const out = synth((stack) => new ObjectEventsRule(stack, 'Rule', parts(stack)));
    const rule = out.only('oci_events_rule');
    expect(JSON.parse(rule.condition)).toEqual({
      eventType: [
        'com.oraclecloud.objectstorage.createobject',
        'com.oraclecloud.objectstorage.updateobject',
        'com.oraclecloud.objectstorage.deleteobject',
      ],
      data: { additionalDetails: { bucketName: ['landing'] } },
    });
    expect(rule).toMatchObject({ compartment_id: COMPARTMENT, is_enabled: true });
    expect(rule.actions.action).toEqual([
      expect.objectContaining({ action_type: 'FAAS', is_enabled: true, function_id: expect.stringMatching(/^\$\{oci_functions_function\.\w+\.id\}$/) }),
    ]);
    // The deprecated nested `actions` block is not used.
    expect(rule.actions.actions).toBeUndefined();
    expect(out.statements()).toContain(`Allow service cloudEvents to use functions-family in compartment id ${COMPARTMENT}`);
  });

  test('event types are selectable and the invoke policy can be left out', () => {
    const out = synth((stack) => new ObjectEventsRule(stack, 'Rule', { ...parts(stack), eventTypes: ['createobject'], createInvokePolicy: false, enabled: false }));
    const rule = out.only('oci_events_rule');
    expect(JSON.parse(rule.condition).eventType).toEqual(['com.oraclecloud.objectstorage.createobject']);
    expect(rule.is_enabled).toBe(false);
    expect(out.statements().some((s) => s.includes('cloudEvents'))).toBe(false);
  });

  test('objectEventsCondition is plain JSON', () => {
    expect(objectEventsCondition('b', ['deleteobject'])).toBe(
      '{"eventType":["com.oraclecloud.objectstorage.deleteobject"],"data":{"additionalDetails":{"bucketName":["b"]}}}',
    );
  });

  test.each([
    [{ eventTypes: [] }, /eventTypes \[\]: must list at least one event type/],
    [{ eventTypes: ['createbucket'] }, /eventTypes "createbucket": must be one of createobject, updateobject, deleteobject/],
    [{ eventTypes: ['createobject', 'createobject'] }, /must not repeat an event type/],
  ])('invalid event types %# throw naming the prop', (props, message) => {
    const scope = newScope();
    expect(() => new ObjectEventsRule(scope, 'Rule', { ...parts(scope), ...(props as any) })).toThrow(message);
  });
});
