import { Construct } from 'constructs';
import { ClaimCheckPipeline, ClaimCheckPipelineProps, FunctionCode, ValidationError } from '../../lib';
import { COMPARTMENT, IMAGE, newScope, SUBNET } from '../helpers/synth';

const VALID: ClaimCheckPipelineProps = { compartmentId: COMPARTMENT, subnetIds: [SUBNET], functionProps: { code: FunctionCode.fromImageUri(IMAGE) } };

/** Builds a pipeline with `props` and returns the ValidationError it throws (fails if it throws nothing else). */
function validationError(props: Partial<ClaimCheckPipelineProps>, scope: Construct = newScope()): ValidationError {
  try {
    new ClaimCheckPipeline(scope, 'Files', { ...VALID, ...props } as ClaimCheckPipelineProps);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error('expected a ValidationError');
}

describe('ClaimCheckPipeline validation', () => {
  test('three problems in three nested props are reported together, with the construct path', () => {
    // GIVEN a bad bucket name, too many partitions and a memory size OCI does not offer
    const error = validationError({
      bucketProps: { bucketName: 'my bucket!' },
      streamProps: { partitions: 100 },
      functionProps: { code: FunctionCode.fromImageUri(IMAGE), memoryInMbs: 100 },
    });
    // THEN one error names the pipeline and lists all three, each with the prop, the value and the rule
    expect(error.constructPath).toBe('test/Files');
    expect(error.problems.map((p) => p.prop)).toEqual(['bucketProps.bucketName', 'streamProps.partitions', 'functionProps.memoryInMbs']);
    expect(error.message).toBe(
      [
        'Invalid ClaimCheckPipeline props at test/Files:',
        '  - bucketProps.bucketName "my bucket!": must be 1-256 letters, digits, hyphens, underscores or periods',
        '  - streamProps.partitions 100: must be an integer from 1 to 50',
        '  - functionProps.memoryInMbs 100: must be one of 128, 256, 512, 1024, 2048, 3072',
      ].join('\n'),
    );
  });

  test('function props problems are not hidden behind event type problems, nor behind top-level ones', () => {
    const error = validationError({
      compartmentId: 'my-compartment',
      eventTypes: ['renameobject' as any],
      functionProps: { code: FunctionCode.fromImageUri('not an image'), timeoutInSeconds: 900, config: { '1BAD': 'x' } },
    });
    expect(error.problems.map((p) => p.prop)).toEqual([
      'compartmentId',
      'eventTypes',
      'functionProps.timeoutInSeconds',
      'functionProps.config',
      'functionProps.code',
    ]);
    expect(error.problems.map((p) => p.rule)).toEqual([
      'must be an OCID of type compartment or tenancy (ocid1.compartment.oc1..<unique id>)',
      'must be one of createobject, updateobject, deleteobject',
      'must be an integer from 1 to 300',
      `key "1BAD" must be letters, digits and '_' and must not start with a digit`,
      'imageUri "not an image" must look like <region-key>.ocir.io/<namespace>/<repository>:<tag>',
    ]);
  });

  test('every nested override is checked with the rules of the part it configures', () => {
    const error = validationError({
      bucketProps: { kmsKeyId: 'my-key', namespace: '' },
      streamPoolProps: { compartmentId: 'pool-compartment', privateEndpoint: { subnetId: 'sub' } },
      streamProps: { retentionInHours: 200, name: 'bad name' },
      applicationProps: { shape: 'GENERIC_MIPS' as any, config: { BIG: 'x'.repeat(4094) } },
      eventTypes: ['createobject', 'createobject'],
    });
    expect(error.problems.map((p) => p.message)).toEqual([
      'eventTypes ["createobject","createobject"]: must not repeat an event type',
      'bucketProps.kmsKeyId "my-key": must be an OCID of type key (ocid1.key.oc1..<unique id>)',
      'bucketProps.namespace "": must not be empty',
      'streamPoolProps.compartmentId "pool-compartment": must be an OCID of type compartment or tenancy (ocid1.compartment.oc1..<unique id>)',
      'streamPoolProps.privateEndpoint.subnetId "sub": must be an OCID of type subnet (ocid1.subnet.oc1..<unique id>)',
      'streamProps.retentionInHours 200: must be an integer from 24 to 168 (24 hours to 7 days)',
      'streamProps.name "bad name": must be 1-255 letters, digits, hyphens, underscores or periods (it is also the Kafka topic name)',
      'applicationProps.shape "GENERIC_MIPS": must be one of GENERIC_X86, GENERIC_ARM, GENERIC_X86_ARM',
      'applicationProps.config: keys and values total 4097 bytes; the limit is 4096',
    ]);
  });

  test('overrides may leave out what the pipeline fills in (compartment, subnets)', () => {
    expect(
      () =>
        new ClaimCheckPipeline(newScope(), 'Files', {
          ...VALID,
          bucketProps: { versioning: true },
          streamPoolProps: { name: 'pool' },
          applicationProps: { displayName: 'app' },
        }),
    ).not.toThrow();
  });

  test('the path is the full construct path, and nothing of the pipeline is built when the props are invalid', () => {
    const scope = newScope();
    const team = new Construct(scope, 'Team');
    const error = validationError({ streamProps: { partitions: 0 } }, team);
    expect(error.constructPath).toBe('test/Team/Files');
    expect(error.message.split('\n')[0]).toBe('Invalid ClaimCheckPipeline props at test/Team/Files:');
    const files = team.node.findChild('Files');
    expect(files.node.children).toEqual([]);
  });
});
