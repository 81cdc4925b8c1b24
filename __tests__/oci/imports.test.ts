import { Construct, IConstruct } from 'constructs';
import {
  Bucket,
  DynamicGroup,
  FunctionsApplication,
  IBucket,
  IDynamicGroup,
  IFunction,
  IFunctionsApplication,
  IStream,
  IStreamPool,
  ObjectEventsRule,
  OciFunction,
  Stream,
  StreamPool,
  ValidationError,
} from '../../lib';
import { COMPARTMENT, newScope, synth } from '../helpers/synth';

const FUNCTION_ID = 'ocid1.fnfunc.oc1.iad.aaaaaaaaexistingfunction';
const APPLICATION_ID = 'ocid1.fnapp.oc1.iad.aaaaaaaaexistingapp';
const DYNAMIC_GROUP_ID = 'ocid1.dynamicgroup.oc1..aaaaaaaaexistinggroup';

function importEverything(scope: Construct) {
  const bucket: IBucket = Bucket.fromBucketAttributes(scope, 'Bucket', { bucketName: 'legacy', namespace: 'ns', compartmentId: COMPARTMENT });
  const pool: IStreamPool = StreamPool.fromStreamPoolAttributes(scope, 'Pool', { streamPoolId: 'ocid1.streampool.oc1.iad.aaaa', compartmentId: COMPARTMENT });
  const stream: IStream = Stream.fromStreamAttributes(scope, 'Stream', {
    streamId: 'ocid1.stream.oc1.iad.aaaa',
    compartmentId: COMPARTMENT,
    messagesEndpoint: 'https://cell-1.streaming.us-ashburn-1.oci.oraclecloud.com',
  });
  const application: IFunctionsApplication = FunctionsApplication.fromApplicationAttributes(scope, 'App', { applicationId: APPLICATION_ID, compartmentId: COMPARTMENT });
  const fn: IFunction = OciFunction.fromFunctionAttributes(scope, 'Fn', { functionId: FUNCTION_ID, compartmentId: COMPARTMENT, applicationId: APPLICATION_ID, dynamicGroupId: DYNAMIC_GROUP_ID });
  const group: IDynamicGroup = DynamicGroup.fromDynamicGroupAttributes(scope, 'Group', { dynamicGroupId: DYNAMIC_GROUP_ID });
  return { bucket, pool, stream, application, fn, group };
}

describe('imported resources (from*Attributes)', () => {
  test('are constructs in the given scope under the given id, and the I* interfaces are IConstructs', () => {
    const scope = new Construct(newScope(), 'Imports');
    const imported = importEverything(scope);
    // Compile-time: every interface is an IConstruct.
    const constructs: IConstruct[] = Object.values(imported);
    expect(constructs.map((c) => c.node.path)).toEqual(['Bucket', 'Pool', 'Stream', 'App', 'Fn', 'Group'].map((id) => `test/Imports/${id}`));
    for (const c of constructs) expect(Construct.isConstruct(c)).toBe(true);
    expect(scope.node.children).toEqual(constructs);
  });

  test('add nothing to the synthesized stack', () => {
    const out = synth((stack) => importEverything(stack));
    expect(out.json.resource).toBeUndefined();
    expect(out.json.data).toBeUndefined();
  });

  test('OciFunction.fromFunctionAttributes: the function and its identity, grantable, and the target of an events rule', () => {
    let fn!: IFunction;
    const out = synth((stack) => {
      fn = OciFunction.fromFunctionAttributes(stack, 'Fn', { functionId: FUNCTION_ID, compartmentId: COMPARTMENT, applicationId: APPLICATION_ID, dynamicGroupId: DYNAMIC_GROUP_ID });
      const bucket = Bucket.fromBucketAttributes(stack, 'Bucket', { bucketName: 'legacy', namespace: 'ns', compartmentId: COMPARTMENT });
      const grant = bucket.grantRead(fn.dynamicGroup!);
      expect(grant.policies.map((p) => p.node.path)).toEqual(['test/Fn/DynamicGroup/Policy']);
      new ObjectEventsRule(stack, 'Rule', { bucket, target: fn });
    });
    expect(fn).toMatchObject({ functionId: FUNCTION_ID, compartmentId: COMPARTMENT, applicationId: APPLICATION_ID });
    expect(fn.dynamicGroup!.dynamicGroupId).toBe(DYNAMIC_GROUP_ID);
    expect(fn.dynamicGroup!.node.path).toBe('test/Fn/DynamicGroup');
    expect(out.statements().sort()).toEqual([
      `Allow dynamic-group id ${DYNAMIC_GROUP_ID} to read objects in compartment id ${COMPARTMENT} where target.bucket.name = 'legacy'`,
      `Allow service cloudEvents to use functions-family in compartment id ${COMPARTMENT}`,
    ]);
    expect(out.only('oci_events_rule').actions.action[0].function_id).toBe(FUNCTION_ID);
    expect(out.resources('oci_functions_function')).toEqual({});
    expect(out.resources('oci_identity_dynamic_group')).toEqual({});
  });

  test('OciFunction.fromFunctionAttributes with the function id only', () => {
    const scope = newScope();
    const fn = OciFunction.fromFunctionAttributes(scope, 'Fn', { functionId: FUNCTION_ID });
    expect(fn.compartmentId).toBeUndefined();
    expect(fn.applicationId).toBeUndefined();
    expect(fn.dynamicGroup).toBeUndefined();
    expect(fn.node.children).toEqual([]);
    const bucket = Bucket.fromBucketAttributes(scope, 'Bucket', { bucketName: 'legacy', namespace: 'ns', compartmentId: COMPARTMENT });
    // Without its compartment, the rule cannot write the invoke policy: it says so, unless told not to.
    expect(() => new ObjectEventsRule(scope, 'Rule', { bucket, target: fn })).toThrow(
      /Invalid ObjectEventsRule props at test\/Rule:\n  - target\.compartmentId \(missing\): is needed for the invoke policy/,
    );
    const rule = new ObjectEventsRule(scope, 'QuietRule', { bucket, target: fn, createInvokePolicy: false });
    expect(rule.invokePolicy).toBeUndefined();
  });

  test('OciFunction.fromFunctionAttributes validates every attribute at once, naming the path', () => {
    const scope = newScope();
    let error: unknown;
    try {
      OciFunction.fromFunctionAttributes(scope, 'Fn', { functionId: APPLICATION_ID, compartmentId: 'c', applicationId: FUNCTION_ID, dynamicGroupId: 'g' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).constructPath).toBe('test/Fn');
    expect((error as ValidationError).problems.map((p) => p.prop)).toEqual(['functionId', 'applicationId', 'compartmentId', 'dynamicGroupId']);
    expect((error as Error).message).toMatch(/functionId "ocid1\.fnapp[^"]*": must be an OCID of type fnfunc/);
    expect(scope.node.tryFindChild('Fn')).toBeUndefined();
  });

  test('DynamicGroup.fromDynamicGroupAttributes: grants land in a policy under the imported group', () => {
    const out = synth((stack) => {
      const group = DynamicGroup.fromDynamicGroupAttributes(stack, 'Workers', { dynamicGroupId: DYNAMIC_GROUP_ID });
      Stream.fromStreamAttributes(stack, 'Claims', { streamId: 'ocid1.stream.oc1.iad.aaaa', compartmentId: COMPARTMENT, messagesEndpoint: 'https://x.example' }).grantPull(group);
      expect(group.policySubject).toBe(`dynamic-group id ${DYNAMIC_GROUP_ID}`);
    });
    expect(out.statements()).toEqual([
      `Allow dynamic-group id ${DYNAMIC_GROUP_ID} to use stream-pull in compartment id ${COMPARTMENT} where target.stream.id = 'ocid1.stream.oc1.iad.aaaa'`,
    ]);
    expect(out.resources('oci_identity_dynamic_group')).toEqual({});
    expect(() => DynamicGroup.fromDynamicGroupAttributes(newScope(), 'G', { dynamicGroupId: 'ocid1.group.oc1..x' })).toThrow(
      /dynamicGroupId "ocid1\.group\.oc1\.\.x": must be an OCID of type dynamicgroup/,
    );
  });
});
