import { Bucket, StreamPool } from '../../lib';
import { COMPARTMENT, KMS_KEY, newScope, synth } from '../helpers/synth';

const VAULT_COMPARTMENT = 'ocid1.compartment.oc1..aaaaaaaavaultcompartment00000000000000000000000000000000';

/** The policies of a synthesized stack by logical name, and the reference a depends_on entry uses for one. */
const dependsOnRef = (logicalName: string) => `oci_identity_policy.${logicalName}`;

describe('customer-managed keys (Vault)', () => {
  describe('Bucket', () => {
    test('a key in the vault compartment: the Object Storage policy is attached there, scoped to the key, and the bucket waits for it', () => {
      let bucket!: Bucket;
      const out = synth((stack) => {
        bucket = new Bucket(stack, 'Files', {
          compartmentId: COMPARTMENT,
          bucketName: 'landing',
          region: 'eu-frankfurt-1',
          kmsKeyId: KMS_KEY,
          kmsKeyCompartmentId: VAULT_COMPARTMENT,
        });
      });
      const [name, policy] = Object.entries<any>(out.resources('oci_identity_policy'))[0];
      expect(Object.keys(out.resources('oci_identity_policy'))).toHaveLength(1);
      expect(policy.compartment_id).toBe(VAULT_COMPARTMENT);
      expect(policy.statements).toEqual([
        `Allow service objectstorage-eu-frankfurt-1 to use keys in compartment id ${VAULT_COMPARTMENT} where target.key.id = '${KMS_KEY}'`,
      ]);
      expect(out.only('oci_objectstorage_bucket')).toMatchObject({ kms_key_id: KMS_KEY, depends_on: [dependsOnRef(name)] });
      expect(bucket.kmsKeyPolicy?.statementList).toEqual(policy.statements);
    });

    test('default: the key is in the bucket compartment; the service principal names the stack region variable', () => {
      const out = synth((stack) => new Bucket(stack, 'Files', { compartmentId: COMPARTMENT, bucketName: 'landing', kmsKeyId: KMS_KEY }));
      expect(out.statements()).toEqual([
        `Allow service objectstorage-\${var.region} to use keys in compartment id ${COMPARTMENT} where target.key.id = '${KMS_KEY}'`,
      ]);
      expect(out.only('oci_identity_policy').compartment_id).toBe(COMPARTMENT);
      expect(Object.keys(out.json.variable)).toEqual(['region']);
    });

    test('createKmsKeyPolicy: false (the tenancy already grants it): no policy, no dependency; no key: neither', () => {
      const out = synth((stack) => {
        new Bucket(stack, 'Keyed', { compartmentId: COMPARTMENT, bucketName: 'keyed', kmsKeyId: KMS_KEY, createKmsKeyPolicy: false });
        new Bucket(stack, 'Plain', { compartmentId: COMPARTMENT, bucketName: 'plain' });
      });
      expect(out.resources('oci_identity_policy')).toEqual({});
      expect(Object.values<any>(out.resources('oci_objectstorage_bucket')).map((b) => b.depends_on)).toEqual([undefined, undefined]);
      expect(out.json.variable).toBeUndefined();
    });
  });

  describe('StreamPool', () => {
    test('a key in the vault compartment: the Streaming service policy is attached there, scoped to the key, and the pool waits for it', () => {
      const out = synth((stack) => new StreamPool(stack, 'Pool', { compartmentId: COMPARTMENT, kmsKeyId: KMS_KEY, kmsKeyCompartmentId: VAULT_COMPARTMENT }));
      const [name, policy] = Object.entries<any>(out.resources('oci_identity_policy'))[0];
      expect(policy.compartment_id).toBe(VAULT_COMPARTMENT);
      expect(policy.statements).toEqual([`Allow service streaming to use keys in compartment id ${VAULT_COMPARTMENT} where target.key.id = '${KMS_KEY}'`]);
      expect(out.only('oci_streaming_stream_pool')).toMatchObject({ custom_encryption_key: { kms_key_id: KMS_KEY }, depends_on: [dependsOnRef(name)] });
    });

    test('default compartment, and createKmsKeyPolicy: false', () => {
      const out = synth((stack) => new StreamPool(stack, 'Pool', { compartmentId: COMPARTMENT, kmsKeyId: KMS_KEY }));
      expect(out.only('oci_identity_policy').compartment_id).toBe(COMPARTMENT);
      const none = synth((stack) => new StreamPool(stack, 'Pool', { compartmentId: COMPARTMENT, kmsKeyId: KMS_KEY, createKmsKeyPolicy: false }));
      expect(none.resources('oci_identity_policy')).toEqual({});
      expect(none.only('oci_streaming_stream_pool').depends_on).toBeUndefined();
    });
  });

  test.each([
    [
      'a key compartment without a key',
      () => new Bucket(newScope(), 'B', { compartmentId: COMPARTMENT, kmsKeyCompartmentId: VAULT_COMPARTMENT }),
      /kmsKeyCompartmentId: is only used with kmsKeyId/,
    ],
    [
      'a key compartment that is not a compartment',
      () => new StreamPool(newScope(), 'P', { compartmentId: COMPARTMENT, kmsKeyId: KMS_KEY, kmsKeyCompartmentId: KMS_KEY }),
      /kmsKeyCompartmentId "ocid1\.key[^"]*": must be an OCID of type compartment or tenancy/,
    ],
    [
      'a bucket region that is not a region identifier',
      () => new Bucket(newScope(), 'B', { compartmentId: COMPARTMENT, kmsKeyId: KMS_KEY, region: 'Frankfurt' }),
      /region "Frankfurt": must be a region identifier such as us-ashburn-1/,
    ],
  ])('refuses %s', (_name, build, message) => {
    expect(build).toThrow(message);
  });
});
