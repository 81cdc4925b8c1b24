import { Construct } from 'constructs';
import { TerraformVariable } from 'cdktf';
import {
  Bucket,
  DynamicGroup,
  FunctionCode,
  FunctionsApplication,
  ObjectEventsRule,
  OciFunction,
  Policy,
  Stream,
  StreamPool,
  ValidationError,
} from '../../lib';
import { COMPARTMENT, IMAGE, newScope, SUBNET, TENANCY } from '../helpers/synth';

function thrown(make: () => unknown): ValidationError {
  try {
    make();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error('expected a ValidationError');
}

describe('L2 validation errors', () => {
  test('name the construct path, and list every problem with prop, value and rule', () => {
    const scope = new Construct(newScope(), 'Team');
    const error = thrown(() => new Bucket(scope, 'Files', { compartmentId: 'nope', bucketName: 'a/b', kmsKeyId: 'k' }));
    expect(error.name).toBe('ValidationError');
    expect(error.constructPath).toBe('test/Team/Files');
    expect(error.problems).toEqual([
      { prop: 'compartmentId', rule: 'must be an OCID of type compartment or tenancy (ocid1.compartment.oc1..<unique id>)', message: expect.stringMatching(/^compartmentId "nope": /) },
      { prop: 'bucketName', rule: 'must be 1-256 letters, digits, hyphens, underscores or periods', message: expect.stringMatching(/^bucketName "a\/b": /) },
      { prop: 'kmsKeyId', rule: 'must be an OCID of type key (ocid1.key.oc1..<unique id>)', message: expect.stringMatching(/^kmsKeyId "k": /) },
    ]);
    expect(error.message.split('\n')).toHaveLength(4);
  });

  test.each<[string, (scope: Construct) => unknown, string]>([
    ['StreamPool', (s) => new StreamPool(s, 'Pool', { compartmentId: 'x' }), 'Invalid StreamPool props at test/Pool:'],
    [
      'Stream',
      (s) => new Stream(s, 'Claims', { streamPool: StreamPool.fromStreamPoolAttributes(s, 'P', { streamPoolId: 'ocid1.streampool.oc1.iad.a', compartmentId: COMPARTMENT }), partitions: 0 }),
      'Invalid Stream props at test/Claims:',
    ],
    ['FunctionsApplication', (s) => new FunctionsApplication(s, 'App', { compartmentId: COMPARTMENT, subnetIds: [] }), 'Invalid FunctionsApplication props at test/App:'],
    [
      'OciFunction',
      (s) =>
        new OciFunction(s, 'Fn', {
          application: FunctionsApplication.fromApplicationAttributes(s, 'A', { applicationId: 'ocid1.fnapp.oc1.iad.a', compartmentId: COMPARTMENT }),
          code: FunctionCode.fromImageUri(IMAGE),
          memoryInMbs: 100,
        }),
      'Invalid OciFunction props at test/Fn:',
    ],
    ['DynamicGroup', (s) => new DynamicGroup(s, 'Group', { tenancyId: TENANCY, matchingRule: '' }), 'Invalid DynamicGroup props at test/Group:'],
    ['Policy', (s) => new Policy(s, 'Policy', { compartmentId: 'root' }), 'Invalid Policy props at test/Policy:'],
    [
      'ObjectEventsRule',
      (s) =>
        new ObjectEventsRule(s, 'Rule', {
          bucket: Bucket.fromBucketAttributes(s, 'B', { bucketName: 'b', namespace: 'n', compartmentId: COMPARTMENT }),
          target: { functionId: 'ocid1.fnfunc.oc1.iad.a', compartmentId: COMPARTMENT, node: s.node } as any,
          eventTypes: [],
        }),
      'Invalid ObjectEventsRule props at test/Rule:',
    ],
  ])('%s', (_name, make, header) => {
    expect(thrown(() => make(newScope())).message.split('\n')[0]).toBe(header);
  });

  test('imports name the path the imported construct would have, and are not added when invalid', () => {
    const scope = new Construct(newScope(), 'Imports');
    const error = thrown(() => Bucket.fromBucketAttributes(scope, 'Legacy', { bucketName: 'has space', namespace: '', compartmentId: COMPARTMENT }));
    expect(error.message).toBe(
      [
        'Invalid Bucket.fromBucketAttributes props at test/Imports/Legacy:',
        '  - bucketName "has space": must be 1-256 letters, digits, hyphens, underscores or periods',
        '  - namespace "": must not be empty',
      ].join('\n'),
    );
    expect(scope.node.tryFindChild('Legacy')).toBeUndefined();
    expect(thrown(() => Stream.fromStreamAttributes(scope, 'S', { streamId: 'x', compartmentId: COMPARTMENT, messagesEndpoint: 'https://x' })).constructPath).toBe(
      'test/Imports/S',
    );
  });

  test('values known only at apply time (tokens) are not judged', () => {
    const scope = newScope();
    const compartment = new TerraformVariable(scope, 'compartment', { type: 'string' }).stringValue;
    const partitions = new TerraformVariable(scope, 'partitions', { type: 'number' }).numberValue;
    const pool = new StreamPool(scope, 'Pool', { compartmentId: compartment });
    expect(() => new Stream(scope, 'Claims', { streamPool: pool, partitions })).not.toThrow();
    expect(() => new FunctionsApplication(scope, 'App', { compartmentId: compartment, subnetIds: [SUBNET] })).not.toThrow();
  });
});
