import { Bucket, IGrantable, Principal } from '../../lib';
import { COMPARTMENT, KMS_KEY, newScope, synth } from '../helpers/synth';

describe('Bucket', () => {
  test('secure defaults: private, object events on, versioning off, protected from destroy', () => {
    const out = synth((stack) => new Bucket(stack, 'Files', { compartmentId: COMPARTMENT, bucketName: 'landing' }));
    const bucket = out.only('oci_objectstorage_bucket');
    expect(bucket).toMatchObject({
      name: 'landing',
      compartment_id: COMPARTMENT,
      access_type: 'NoPublicAccess',
      object_events_enabled: true,
      versioning: 'Disabled',
      storage_tier: 'Standard',
      lifecycle: { prevent_destroy: true },
    });
    expect(bucket.kms_key_id).toBeUndefined();
    // The namespace comes from one data source per stack.
    expect(Object.keys(out.json.data.oci_objectstorage_namespace)).toHaveLength(1);
    expect(bucket.namespace).toMatch(/^\$\{data\.oci_objectstorage_namespace\.\w+\.namespace\}$/);
  });

  test('overrides: versioning, customer key, given namespace, destroy allowed', () => {
    const out = synth(
      (stack) =>
        new Bucket(stack, 'Files', {
          compartmentId: COMPARTMENT,
          versioning: true,
          kmsKeyId: KMS_KEY,
          namespace: 'mytenancyns',
          preventDestroy: false,
        }),
    );
    const bucket = out.only('oci_objectstorage_bucket');
    expect(bucket).toMatchObject({ versioning: 'Enabled', kms_key_id: KMS_KEY, namespace: 'mytenancyns', lifecycle: { prevent_destroy: false } });
    expect(out.json.data).toBeUndefined();
    expect(bucket.name).toMatch(/^test-Files-[0-9a-f]{8}$/);
  });

  test('grants are scoped to the bucket by name and put in the grantee policy for its compartment', () => {
    let bucket!: Bucket;
    let reader!: IGrantable;
    let writer!: IGrantable;
    const out = synth((stack) => {
      bucket = new Bucket(stack, 'Files', { compartmentId: COMPARTMENT, bucketName: 'landing' });
      reader = Principal.fromGroupId(stack, 'Readers', 'ocid1.group.oc1..aaaaaaaareaders');
      writer = Principal.fromDynamicGroupId(stack, 'Writers', 'ocid1.dynamicgroup.oc1..aaaaaaaawriters');
      bucket.grantRead(reader);
      bucket.grantWrite(writer);
      bucket.grantDelete(writer);
    });
    expect(out.statements()).toEqual([
      `Allow group id ocid1.group.oc1..aaaaaaaareaders to read objects in compartment id ${COMPARTMENT} where target.bucket.name = 'landing'`,
      `Allow dynamic-group id ocid1.dynamicgroup.oc1..aaaaaaaawriters to manage objects in compartment id ${COMPARTMENT} where all {target.bucket.name = 'landing', any {request.permission = 'OBJECT_CREATE', request.permission = 'OBJECT_OVERWRITE', request.permission = 'OBJECT_INSPECT'}}`,
      `Allow dynamic-group id ocid1.dynamicgroup.oc1..aaaaaaaawriters to manage objects in compartment id ${COMPARTMENT} where all {target.bucket.name = 'landing', request.permission = 'OBJECT_DELETE'}`,
    ]);
    const policies = Object.values(out.resources('oci_identity_policy'));
    expect(policies).toHaveLength(2);
    expect(policies.every((p: any) => p.compartment_id === COMPARTMENT)).toBe(true);
  });

  test('an existing bucket is used by attributes and can be granted', () => {
    const out = synth((stack) => {
      const imported = Bucket.fromBucketAttributes(stack, 'Existing', {
        bucketName: 'legacy',
        namespace: 'ns',
        compartmentId: COMPARTMENT,
      });
      imported.grantRead(Principal.fromName(stack, 'Team', 'group', 'Readers', 'MyDomain'));
    });
    expect(out.resources('oci_objectstorage_bucket')).toEqual({});
    expect(out.statements()).toEqual([
      `Allow group 'MyDomain'/'Readers' to read objects in compartment id ${COMPARTMENT} where target.bucket.name = 'legacy'`,
    ]);
  });

  test.each([
    [{ compartmentId: 'ocid1.vcn.oc1..abc' }, /compartmentId "ocid1\.vcn\.oc1\.\.abc": must be an OCID of type compartment or tenancy/],
    [{ compartmentId: COMPARTMENT, bucketName: 'has space' }, /bucketName "has space": must be 1-256 letters, digits, hyphens, underscores or periods/],
    [{ compartmentId: COMPARTMENT, bucketName: 'x'.repeat(257) }, /bucketName "x+\.\.\.: must be 1-256/],
    [{ compartmentId: COMPARTMENT, kmsKeyId: 'my-key' }, /kmsKeyId "my-key": must be an OCID of type key/],
  ])('invalid props %# throw an error naming the prop', (props, message) => {
    expect(() => new Bucket(newScope(), 'B', props)).toThrow(message);
  });

  test('all problems are reported at once', () => {
    expect(() => new Bucket(newScope(), 'B', { compartmentId: 'nope', bucketName: 'a/b' })).toThrow(
      /Invalid Bucket props at test\/B:\n  - compartmentId "nope": .*\n  - bucketName "a\/b": /,
    );
  });
});
