/**
 * The consumer state bucket: `consumerStateBucketProps` (name, preventDestroy, versioning, customer key, compartment,
 * tags), its `preventDestroy` following the landing bucket's, and a dev stack with nothing protected from destroy.
 */
import { ClaimCheckPipeline, ClaimCheckPipelineProps, ClaimCheckNetwork, DynamicGroup, FunctionCode } from '../../lib';
import { COMPARTMENT, IMAGE, KMS_KEY, newScope, SUBNET, synth, Synthesized, TENANCY } from '../helpers/synth';

const KEY_COMPARTMENT = 'ocid1.compartment.oc1..aaaaaaaavaultcompartment000000000000000000000000000000000';
const BASE = { compartmentId: COMPARTMENT, subnetIds: [SUBNET], tenancyId: TENANCY, region: 'us-ashburn-1', functionProps: { code: FunctionCode.fromImageUri(IMAGE) } };

function pipeline(props: Partial<ClaimCheckPipelineProps> = {}): Synthesized {
  return synth((stack) => new ClaimCheckPipeline(stack, 'Files', { ...BASE, ...props }));
}

const bucketNamed = (out: Synthesized, prefix: string) => {
  const found = Object.entries<any>(out.resources('oci_objectstorage_bucket')).filter(([id]) => id.startsWith(prefix));
  expect(found).toHaveLength(1);
  return found[0];
};
const state = (out: Synthesized) => bucketNamed(out, 'Files_ConsumerStateBucket_')[1];
const landing = (out: Synthesized) => bucketNamed(out, 'Files_Bucket_')[1];

describe('consumer state bucket', () => {
  test('by default: `<landing>-consumer-state`, private, no events, versioning off, Oracle-managed key, protected from destroy', () => {
    const out = pipeline({ bucketProps: { bucketName: 'landing' } });

    expect(state(out)).toMatchObject({
      name: 'landing-consumer-state',
      access_type: 'NoPublicAccess',
      object_events_enabled: false,
      versioning: 'Disabled',
      lifecycle: { prevent_destroy: true },
    });
    expect(state(out).kms_key_id).toBeUndefined();
  });

  test('consumerStateBucketProps: name, versioning, customer key (with its policy in the key compartment), compartment, preventDestroy', () => {
    const other = 'ocid1.compartment.oc1..aaaaaaaastatecompartment0000000000000000000000000000000000';
    const out = pipeline({
      consumerStateBucketProps: {
        bucketName: 'claims-state',
        versioning: true,
        kmsKeyId: KMS_KEY,
        kmsKeyCompartmentId: KEY_COMPARTMENT,
        compartmentId: other,
        preventDestroy: false,
        freeformTags: { data: 'dead-letters' },
      },
    });
    const [, bucket] = bucketNamed(out, 'Files_ConsumerStateBucket_');
    const policies = Object.entries<any>(out.resources('oci_identity_policy')).filter(([id]) => id.startsWith('Files_ConsumerStateBucket_KmsKeyPolicy'));

    expect(bucket).toMatchObject({
      name: 'claims-state',
      compartment_id: other,
      versioning: 'Enabled',
      kms_key_id: KMS_KEY,
      object_events_enabled: false,
      lifecycle: { prevent_destroy: false },
      freeform_tags: { data: 'dead-letters' },
    });
    expect(policies).toHaveLength(1);
    const [policyId, policy] = policies[0];
    expect(policy.compartment_id).toBe(KEY_COMPARTMENT);
    expect(policy.statements).toEqual([`Allow service objectstorage-us-ashburn-1 to use keys in compartment id ${KEY_COMPARTMENT} where target.key.id = '${KMS_KEY}'`]);
    expect(bucket.depends_on).toEqual([`oci_identity_policy.${policyId}`]);
    // The landing bucket is untouched.
    expect(landing(out)).toMatchObject({ versioning: 'Disabled', lifecycle: { prevent_destroy: true } });
  });

  test('grantConsume names the state bucket by its given name', () => {
    let statements: readonly string[] = [];
    synth((stack) => {
      const files = new ClaimCheckPipeline(stack, 'Files', { ...BASE, consumerStateBucketProps: { bucketName: 'claims-state' } });
      statements = files.grantConsume(new DynamicGroup(stack, 'Workers', { tenancyId: TENANCY, matchingRule: "ALL {instance.compartment.id = 'x'}" })).statements;
    });

    expect(statements.filter((s) => s.includes("target.bucket.name = 'claims-state'"))).toHaveLength(2);
  });

  test.each([
    ['follows bucketProps.preventDestroy', { bucketProps: { preventDestroy: false } }, false, false],
    ['its own preventDestroy wins', { bucketProps: { preventDestroy: false }, consumerStateBucketProps: { preventDestroy: true } }, false, true],
    ['destroyable alone', { consumerStateBucketProps: { preventDestroy: false } }, true, false],
  ] as const)('preventDestroy %s', (_, props, landingProtected, stateProtected) => {
    const out = pipeline(props as Partial<ClaimCheckPipelineProps>);

    expect(landing(out).lifecycle).toEqual({ prevent_destroy: landingProtected });
    expect(state(out).lifecycle).toEqual({ prevent_destroy: stateProtected });
  });

  test('a dev stack (network, pipeline, bucketProps.preventDestroy false) has nothing protected from destroy', () => {
    const out = synth((stack) => {
      const network = new ClaimCheckNetwork(stack, 'Network', { compartmentId: COMPARTMENT });
      new ClaimCheckPipeline(stack, 'Files', { ...BASE, subnetIds: network.subnetIds, bucketProps: { preventDestroy: false } });
    });
    const protectedResources = Object.entries<Record<string, any>>(out.json.resource).flatMap(([type, instances]) =>
      Object.entries<any>(instances)
        .filter(([, body]) => body.lifecycle?.prevent_destroy === true)
        .map(([name]) => `${type}.${name}`),
    );

    expect(protectedResources).toEqual([]);
  });

  test('refused with createConsumerStateBucket: false, and checked with the bucket rules', () => {
    expect(() =>
      new ClaimCheckPipeline(newScope(), 'Files', { ...BASE, createConsumerStateBucket: false, consumerStateBucketProps: { preventDestroy: false } }),
    ).toThrow('createConsumerStateBucket + consumerStateBucketProps: give one or the other, not both: there is no consumer state bucket to apply the props to');
    expect(() => new ClaimCheckPipeline(newScope(), 'Files', { ...BASE, consumerStateBucketProps: { bucketName: 'not a name!', kmsKeyCompartmentId: KEY_COMPARTMENT } })).toThrow(
      /consumerStateBucketProps.bucketName "not a name!": must be 1-256 letters.*\n.*consumerStateBucketProps.kmsKeyCompartmentId: is only used with kmsKeyId/,
    );
  });
});
