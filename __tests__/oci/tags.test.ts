import { App, TerraformStack, TerraformVariable, Testing, Token } from 'cdktf';
import { Bucket, ClaimCheckPipeline, FunctionCode, OciTags, Policy, ValidationError } from '../../lib';
import { ObjectstorageBucket } from '../../lib/generated/providers/oci/objectstorage-bucket';
import { COMPARTMENT, IMAGE, newScope, SUBNET, synth, synthesizeStack, TENANCY } from '../helpers/synth';

const only = (resources: Record<string, any>, prefix: string) => {
  const found = Object.entries(resources).filter(([id]) => id.startsWith(prefix));
  expect(found).toHaveLength(1);
  return found[0][1];
};

describe('OciTags', () => {
  test('the nearer tag wins: the L1’s own, then its construct’s props, then inner scopes over outer ones', () => {
    const out = synth((stack) => {
      OciTags.of(stack).add('team', 'stack').add('env', 'dev').addDefined('Operations', 'CostCenter', '1');
      const pipeline = new ClaimCheckPipeline(stack, 'Files', {
        compartmentId: COMPARTMENT,
        subnetIds: [SUBNET],
        tenancyId: TENANCY,
        functionProps: { code: FunctionCode.fromImageUri(IMAGE) },
        observability: false,
        freeformTags: { team: 'pipeline' },
        bucketProps: { bucketName: 'landing', freeformTags: { team: 'bucket' }, definedTags: { 'Operations.CostCenter': '2' } },
      });
      new ObjectstorageBucket(pipeline, 'RawBucket', {
        compartmentId: COMPARTMENT,
        name: 'raw',
        namespace: 'ns',
        freeformTags: { team: 'raw', own: 'yes' },
      });
    });
    const buckets = out.resources('oci_objectstorage_bucket');

    expect(only(buckets, 'Files_Bucket_')).toMatchObject({ freeform_tags: { team: 'bucket', env: 'dev' }, defined_tags: { 'Operations.CostCenter': '2' } });
    expect(only(buckets, 'Files_ConsumerStateBucket_')).toMatchObject({ freeform_tags: { team: 'pipeline', env: 'dev' }, defined_tags: { 'Operations.CostCenter': '1' } });
    expect(only(buckets, 'Files_RawBucket')).toMatchObject({ freeform_tags: { team: 'raw', env: 'dev', own: 'yes' }, defined_tags: { 'Operations.CostCenter': '1' } });
  });

  test('a tag map known only at apply time (a variable) is merged by terraform, the construct’s own winning', () => {
    const out = synth((stack) => {
      const tags = new TerraformVariable(stack, 'tags', { type: 'map(string)' });
      OciTags.of(stack).add('env', 'dev');
      new Bucket(stack, 'B', { compartmentId: COMPARTMENT, bucketName: 'b', freeformTags: Token.asStringMap(tags.value) });
    });

    expect(out.only('oci_objectstorage_bucket').freeform_tags).toBe('${merge({"env" = "dev"}, var.tags)}');
  });

  test('applied at synthesis, the same on every synthesis; tags added between two syntheses show in the second', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    const policy = new Policy(stack, 'P', { compartmentId: COMPARTMENT, statements: ['Allow group a to read objects in tenancy'], freeformTags: { own: '1' } });
    OciTags.of(stack).add('env', 'dev');
    const first = synthesizeStack(stack).only('oci_identity_policy').freeform_tags;
    expect(synthesizeStack(stack).only('oci_identity_policy').freeform_tags).toEqual(first);

    OciTags.of(policy).add('env', 'prod');

    expect(first).toEqual({ env: 'dev', own: '1' });
    expect(synthesizeStack(stack).only('oci_identity_policy').freeform_tags).toEqual({ env: 'prod', own: '1' });
  });

  test('refuses a defined tag whose namespace or key has a space or a period, is empty, or a key over 100 characters', () => {
    const tags = OciTags.of(newScope());
    expect(() => tags.addDefined('Opera tions', 'CostCenter', '1')).toThrow(
      /Invalid OciTags.addDefined props at test:\n {2}- namespace "Opera tions": must be printable ASCII without spaces or periods, not empty/,
    );
    expect(() => tags.addDefined('Operations', 'Cost.Center', '1')).toThrow(/- key "Cost.Center": must be printable ASCII without spaces or periods, not empty, up to 100 characters/);
    expect(() => tags.addDefined('', 'k', '1')).toThrow(/- namespace "": must be printable ASCII/);
    expect(() => tags.addDefined('Operations', 'k'.repeat(101), '1')).toThrow(/up to 100 characters/);
    expect(() => tags.add(' ', 'x')).toThrow(/- freeformTags " ": keys must not be empty/);
    expect(() => tags.addDefined('Operations', 'CostCenter', '1')).not.toThrow();
  });

  test('refuses the App as scope: cdktf applies aspects per stack', () => {
    expect(() => OciTags.of(new App())).toThrow('OciTags.of(the app): tags are applied per stack (cdktf runs aspects per stack); tag each stack, or a construct in one.');
  });
});

describe('tag props', () => {
  test('definedTags keys must be <namespace>.<key>: every problem named under the prop, nested props included', () => {
    let error: ValidationError | undefined;
    try {
      new ClaimCheckPipeline(newScope(), 'Files', {
        compartmentId: COMPARTMENT,
        subnetIds: [SUBNET],
        definedTags: { CostCenter: '42', 'Operations.Cost.Center': '1' },
        freeformTags: { '': 'x' },
        bucketProps: { definedTags: { 'Operations. CostCenter': '1' } },
      });
    } catch (e) {
      error = e as ValidationError;
    }

    expect(error).toBeInstanceOf(ValidationError);
    expect(error!.problems.map((p) => `${p.prop}: ${p.message}`)).toEqual([
      'freeformTags: freeformTags "": keys must not be empty',
      'definedTags: definedTags "CostCenter": keys must be <namespace>.<key> (one ".", each part printable ASCII without spaces or periods, the key part up to 100 characters)',
      'definedTags: definedTags "Operations.Cost.Center": keys must be <namespace>.<key> (one ".", each part printable ASCII without spaces or periods, the key part up to 100 characters)',
      'bucketProps.definedTags: bucketProps.definedTags "Operations. CostCenter": keys must be <namespace>.<key> (one ".", each part printable ASCII without spaces or periods, the key part up to 100 characters)',
    ]);
  });

  test('on an L2 alone: the bucket and the key policy it writes', () => {
    const out = synth((stack) => {
      new Bucket(stack, 'B', {
        compartmentId: COMPARTMENT,
        region: 'us-ashburn-1',
        kmsKeyId: 'ocid1.key.oc1.iad.aaaaaaaatestkey0000.aaaaaaaatestkey000000000000000000000000000000000',
        freeformTags: { team: 'billing' },
        definedTags: { 'Operations.CostCenter': '42' },
      });
    });

    for (const resource of [out.only('oci_objectstorage_bucket'), out.only('oci_identity_policy')]) {
      expect(resource.freeform_tags).toEqual({ team: 'billing' });
      expect(resource.defined_tags).toEqual({ 'Operations.CostCenter': '42' });
    }
  });
});
