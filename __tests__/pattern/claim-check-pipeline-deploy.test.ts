/**
 * What a first deploy needs beyond the pattern itself: IAM in the tenancy's home region whatever region the
 * pipeline deploys to, customer keys kept in a vault compartment, and service hostnames of the right realm.
 */
import { TerraformStack } from 'cdktf';
import { ClaimCheckPipeline, ClaimCheckPipelineProps, DynamicGroup, FunctionCode, HomeRegion, MatchingRule, oci, Stream } from '../../lib';
import { COMPARTMENT, IMAGE, KMS_KEY, newScope, SUBNET, synth, Synthesized, TENANCY } from '../helpers/synth';

const VAULT_COMPARTMENT = 'ocid1.compartment.oc1..aaaaaaaavaultcompartment00000000000000000000000000000000';
const STREAM_KEY = 'ocid1.key.oc1.fra.aaaaaaaastreamkey.aaaaaaaastreamkey0000000000000000000000000000000000';

/** Every resource of the document as [address, provider]. */
function providersByAddress(out: Synthesized): Array<[string, string | undefined]> {
  return Object.entries<any>(out.json.resource).flatMap(([type, instances]) =>
    Object.entries<any>(instances).map(([name, body]): [string, string | undefined] => [`${type}.${name}`, body.provider]),
  );
}

/** A Frankfurt stack of a tenancy homed in Ashburn, with the full pipeline, customer keys and a consumer grant. */
function frankfurtPipeline(extra: Partial<ClaimCheckPipelineProps> = {}, homeRegion: (stack: TerraformStack) => void): Synthesized {
  return synth((stack) => {
    new oci.provider.OciProvider(stack, 'oci', { region: 'eu-frankfurt-1' });
    homeRegion(stack);
    const files = new ClaimCheckPipeline(stack, 'Files', {
      compartmentId: COMPARTMENT,
      subnetIds: [SUBNET],
      tenancyId: TENANCY,
      region: 'eu-frankfurt-1',
      bucketProps: { bucketName: 'invoices', kmsKeyId: KMS_KEY, kmsKeyCompartmentId: VAULT_COMPARTMENT },
      streamPoolProps: { kmsKeyId: STREAM_KEY, kmsKeyCompartmentId: VAULT_COMPARTMENT },
      ...extra,
    });
    const workers = new DynamicGroup(stack, 'Workers', { tenancyId: TENANCY, matchingRule: MatchingRule.forInstancesInCompartment(COMPARTMENT) });
    files.grantConsume(workers);
  });
}

describe('ClaimCheckPipeline deployed outside the home region', () => {
  test('eu-frankfurt-1 for a tenancy homed in us-ashburn-1: every IAM resource on oci.home, everything else on the Frankfurt provider', () => {
    const out = frankfurtPipeline({}, (stack) => new HomeRegion(stack, 'HomeRegion', { regionName: 'us-ashburn-1' }));
    expect(out.json.provider.oci).toEqual([{ region: 'eu-frankfurt-1' }, { alias: 'home', region: 'us-ashburn-1' }]);
    const all = providersByAddress(out);
    const iam = all.filter(([address]) => /^oci_identity_(dynamic_group|policy)\./.test(address));
    // The publisher's and the workers' dynamic groups; the publisher's push policy, the Events invoke policy, the
    // two key policies and the workers' consume policy.
    expect(iam.filter(([a]) => a.startsWith('oci_identity_dynamic_group.'))).toHaveLength(2);
    expect(iam.filter(([a]) => a.startsWith('oci_identity_policy.')).length).toBeGreaterThanOrEqual(5);
    expect(iam.filter(([, provider]) => provider !== 'oci.home')).toEqual([]);
    // Everything else: the default provider (Frankfurt), or the docker provider for the image.
    const rest = all.filter(([address]) => !iam.some(([a]) => a === address));
    expect(rest.filter(([address, provider]) => address.startsWith('oci_') && provider !== undefined)).toEqual([]);
    expect(rest.filter(([address, provider]) => address.startsWith('docker_') && !provider?.startsWith('docker.'))).toEqual([]);
    expect(Object.values<any>(out.json.data).flatMap((d) => Object.values<any>(d)).map((d) => d.provider)).not.toContain('oci.home');
    // The key policy names Frankfurt's Object Storage, though it is created in Ashburn.
    expect(out.statements()).toContain(
      `Allow service objectstorage-eu-frankfurt-1 to use keys in compartment id ${VAULT_COMPARTMENT} where target.key.id = '${KMS_KEY}'`,
    );
  });

  test('the home region looked up from the tenancy: the same split, the region read at plan time', () => {
    const out = frankfurtPipeline({}, (stack) => new HomeRegion(stack, 'HomeRegion', { tenancyId: TENANCY }));
    const home = out.json.provider.oci.find((p: any) => p.alias === 'home');
    expect(home.region).toMatch(/^\$\{data\.oci_identity_region_subscriptions\.\w+\.region_subscriptions\[0\]\.region_name\}$/);
    const iam = providersByAddress(out).filter(([address]) => address.startsWith('oci_identity_'));
    expect(new Set(iam.map(([, provider]) => provider))).toEqual(new Set(['oci.home']));
  });
});

describe('ClaimCheckPipeline customer keys in a vault compartment', () => {
  const out = frankfurtPipeline({}, () => undefined);
  const policyIn = (compartment: string, statement: string) =>
    Object.entries<any>(out.resources('oci_identity_policy')).find(([, p]) => p.compartment_id === compartment && p.statements.includes(statement));

  test('Object Storage (regional principal) and Streaming may use exactly their key, by policies attached to the vault compartment', () => {
    const bucketStatement = `Allow service objectstorage-eu-frankfurt-1 to use keys in compartment id ${VAULT_COMPARTMENT} where target.key.id = '${KMS_KEY}'`;
    const poolStatement = `Allow service streaming to use keys in compartment id ${VAULT_COMPARTMENT} where target.key.id = '${STREAM_KEY}'`;
    const [bucketPolicy] = policyIn(VAULT_COMPARTMENT, bucketStatement) ?? [];
    const [poolPolicy] = policyIn(VAULT_COMPARTMENT, poolStatement) ?? [];
    expect(bucketPolicy).toBeDefined();
    expect(poolPolicy).toBeDefined();
    // The first apply creates each policy before the resource that uses the key.
    const landing = Object.values<any>(out.resources('oci_objectstorage_bucket')).find((b) => b.name === 'invoices');
    expect(landing.depends_on).toEqual([`oci_identity_policy.${bucketPolicy}`]);
    expect(out.only('oci_streaming_stream_pool').depends_on).toEqual([`oci_identity_policy.${poolPolicy}`]);
    // No key statement is written about the pipeline's own compartment.
    expect(out.statements().filter((s) => s.includes('to use keys') && s.includes(COMPARTMENT))).toEqual([]);
  });

  test('pipeline.kmsPolicy is the bucket key policy', () => {
    let files!: ClaimCheckPipeline;
    const out = synth((stack) => {
      files = new ClaimCheckPipeline(stack, 'Files', {
        compartmentId: COMPARTMENT,
        subnetIds: [SUBNET],
        functionProps: { code: FunctionCode.fromImageUri(IMAGE) },
        bucketProps: { kmsKeyId: KMS_KEY },
      });
    });
    expect(files.kmsPolicy?.node.path).toBe('test/Files/Bucket/KmsKeyPolicy');
    expect(out.statements()).toContain(
      `Allow service objectstorage-\${var.region} to use keys in compartment id ${COMPARTMENT} where target.key.id = '${KMS_KEY}'`,
    );
  });

  test('validation: a key compartment without a key, or not a compartment', () => {
    expect(
      () =>
        new ClaimCheckPipeline(newScope(), 'Files', {
          compartmentId: COMPARTMENT,
          subnetIds: [SUBNET],
          bucketProps: { kmsKeyCompartmentId: VAULT_COMPARTMENT },
          streamPoolProps: { kmsKeyId: STREAM_KEY, kmsKeyCompartmentId: 'vault' },
        }),
    ).toThrow(
      /bucketProps\.kmsKeyCompartmentId: is only used with kmsKeyId[^]*streamPoolProps\.kmsKeyCompartmentId "vault": must be an OCID of type compartment or tenancy/,
    );
  });
});

describe('ClaimCheckPipeline service hostnames follow the realm of the compartment', () => {
  const GOV_COMPARTMENT = 'ocid1.compartment.oc2..aaaaaaaagovcompartment0000000000000000000000000000000000';
  const GOV_SUBNET = 'ocid1.subnet.oc2.us-langley-1.aaaaaaaagovsubnet000000000000000000000000000000000000';

  test('OC2: the function image goes to ocir.<region>.oci.oraclegovcloud.com', () => {
    const out = synth((stack) => new ClaimCheckPipeline(stack, 'Files', { compartmentId: GOV_COMPARTMENT, subnetIds: [GOV_SUBNET], region: 'us-langley-1' }));
    expect(out.only('docker_image').name).toMatch(/^ocir\.us-langley-1\.oci\.oraclegovcloud\.com\//);
    expect(out.json.provider.docker[0].registry_auth[0].address).toBe('ocir.us-langley-1.oci.oraclegovcloud.com');
  });

  test('an imported stream: the Kafka endpoint of the realm; realmDomain overrides; an unknown realm must be given', () => {
    const out = synth((stack) => {
      new ClaimCheckPipeline(stack, 'Files', {
        compartmentId: GOV_COMPARTMENT,
        subnetIds: [GOV_SUBNET],
        region: 'us-langley-1',
        functionProps: { code: FunctionCode.fromImageUri(IMAGE) },
        existingStream: Stream.fromStreamAttributes(stack, 'Claims', {
          streamId: 'ocid1.stream.oc2.us-langley-1.aaaaaaaaclaims',
          compartmentId: GOV_COMPARTMENT,
          messagesEndpoint: 'https://cell-1.streaming.us-langley-1.oci.oraclegovcloud.com',
        }),
      });
    });
    expect(Object.values<any>(out.json.output).map((o) => o.value)).toContain('streaming.us-langley-1.oci.oraclegovcloud.com:9092');
    const overridden = synth((stack) => new ClaimCheckPipeline(stack, 'Files', { compartmentId: COMPARTMENT, subnetIds: [SUBNET], region: 'us-ashburn-1', realmDomain: 'example.com' }));
    expect(overridden.only('docker_image').name).toMatch(/^ocir\.us-ashburn-1\.oci\.example\.com\//);
    expect(
      () => new ClaimCheckPipeline(newScope(), 'Files', { compartmentId: 'ocid1.compartment.oc999..aaaaaaaanew', subnetIds: [SUBNET] }),
    ).toThrow(/realmDomain: must be given: the domain of realm "oc999" \(of compartmentId\) is not known/);
    expect(() => new ClaimCheckPipeline(newScope(), 'Files', { compartmentId: COMPARTMENT, subnetIds: [SUBNET], realmDomain: 'https://x' })).toThrow(
      /realmDomain "https:\/\/x": must be a domain such as oraclecloud\.com/,
    );
  });
});
