import { TerraformStack } from 'cdktf';
import { Bucket, DynamicGroup, HOME_REGION_RESOURCE_TYPES, HomeRegion, MatchingRule, Policy, Principal, oci } from '../../lib';
import { COMPARTMENT, newScope, synth, TENANCY } from '../helpers/synth';

/** A stack deploying to Frankfurt with one IAM resource of each kind the library makes, and a bucket. */
function frankfurtStack(stack: TerraformStack): void {
  new oci.provider.OciProvider(stack, 'oci', { region: 'eu-frankfurt-1' });
  new DynamicGroup(stack, 'Workers', { tenancyId: TENANCY, matchingRule: MatchingRule.forInstancesInCompartment(COMPARTMENT) });
  const bucket = new Bucket(stack, 'Files', { compartmentId: COMPARTMENT, bucketName: 'landing' });
  bucket.grantRead(Principal.fromGroupId(stack, 'Readers', 'ocid1.group.oc1..aaaaaaaareaders'));
}

const providersOf = (resources: Record<string, any>) => Object.values(resources).map((r) => r.provider);

describe('HomeRegion', () => {
  test('regionName: a provider aliased "home" for that region; every IAM resource uses it, the rest the default', () => {
    let home!: HomeRegion;
    const out = synth((stack) => {
      frankfurtStack(stack);
      home = new HomeRegion(stack, 'HomeRegion', { regionName: 'us-ashburn-1', providerConfig: { configFileProfile: 'DEPLOY' } });
    });
    expect(out.json.provider.oci).toEqual([
      { region: 'eu-frankfurt-1' },
      { alias: 'home', region: 'us-ashburn-1', config_file_profile: 'DEPLOY' },
    ]);
    expect(providersOf(out.resources('oci_identity_dynamic_group'))).toEqual(['oci.home']);
    expect(providersOf(out.resources('oci_identity_policy'))).toEqual(['oci.home']);
    expect(out.only('oci_objectstorage_bucket').provider).toBeUndefined();
    expect(out.json.data.oci_objectstorage_namespace.ObjectStorageNamespace.provider).toBeUndefined();
    expect(out.json.data.oci_identity_region_subscriptions).toBeUndefined();
    expect(home.regionName).toBe('us-ashburn-1');
    expect(HomeRegion.of(home)).toBe(home);
  });

  test('looked up: the provider region comes from the region subscription marked is_home_region, read at plan time', () => {
    const out = synth((stack) => {
      new HomeRegion(stack, 'HomeRegion', { tenancyId: TENANCY, alias: 'iam' });
      frankfurtStack(stack); // created after the HomeRegion: order does not matter
    });
    const lookups = out.json.data.oci_identity_region_subscriptions;
    const [name, lookup] = Object.entries<any>(lookups)[0];
    expect(Object.keys(lookups)).toHaveLength(1);
    expect(lookup).toEqual({
      tenancy_id: TENANCY,
      filter: [{ name: 'is_home_region', values: ['true'] }],
      lifecycle: {
        postcondition: [
          {
            condition: '${length(self.region_subscriptions) == 1}',
            error_message: expect.stringContaining('no home region'),
          },
        ],
      },
    });
    // Read with the default (deploy-region) provider, never with depends_on (its read would move to apply).
    expect(lookup.provider).toBeUndefined();
    expect(lookup.depends_on).toBeUndefined();
    expect(out.json.provider.oci.find((p: any) => p.alias === 'iam')).toEqual({
      alias: 'iam',
      region: `\${data.oci_identity_region_subscriptions.${name}.region_subscriptions[0].region_name}`,
    });
    expect(providersOf(out.resources('oci_identity_policy'))).toEqual(['oci.iam']);
    expect(providersOf(out.resources('oci_identity_dynamic_group'))).toEqual(['oci.iam']);
  });

  test('looked up for the stack tenancy variable by default', () => {
    const out = synth((stack) => new HomeRegion(stack, 'HomeRegion'));
    expect(Object.values<any>(out.json.data.oci_identity_region_subscriptions)[0].tenancy_id).toBe('${var.tenancy_ocid}');
    expect(Object.keys(out.json.variable)).toEqual(['tenancy_ocid']);
  });

  test('a provider you configured: used as it is, nothing created', () => {
    const out = synth((stack) => {
      const ashburn = new oci.provider.OciProvider(stack, 'ashburn', { alias: 'ashburn', region: 'us-ashburn-1' });
      new HomeRegion(stack, 'HomeRegion', { provider: ashburn });
      frankfurtStack(stack);
    });
    expect(out.json.provider.oci).toHaveLength(2);
    expect(providersOf(out.resources('oci_identity_policy'))).toEqual(['oci.ashburn']);
  });

  test('an IAM resource with a provider of its own keeps it; raw L1 IAM resources are covered too', () => {
    const out = synth((stack) => {
      const other = new oci.provider.OciProvider(stack, 'other', { alias: 'other', region: 'us-phoenix-1' });
      new HomeRegion(stack, 'HomeRegion', { regionName: 'us-ashburn-1' });
      new oci.identityPolicy.IdentityPolicy(stack, 'Raw', { compartmentId: COMPARTMENT, name: 'raw', description: 'raw', statements: ['Allow group id ocid1.group.oc1..aaaa to read objects in compartment id x'] });
      new oci.identityPolicy.IdentityPolicy(stack, 'Pinned', { provider: other, compartmentId: COMPARTMENT, name: 'pinned', description: 'p', statements: ['Allow group id ocid1.group.oc1..aaaa to read objects in compartment id y'] });
      new Policy(stack, 'L2', { compartmentId: COMPARTMENT, statements: ['Allow group id ocid1.group.oc1..aaaa to read buckets in compartment id z'] });
    });
    const policies = out.resources('oci_identity_policy');
    expect(Object.fromEntries(Object.entries<any>(policies).map(([k, v]) => [v.name.startsWith('test-L2') ? 'L2' : v.name, v.provider]))).toEqual({
      raw: 'oci.home',
      pinned: 'oci.other',
      L2: 'oci.home',
    });
  });

  test('Grant.applyBefore on the whole stack leaves the home-region lookup alone (it must be read at plan time)', () => {
    const out = synth((stack) => {
      new HomeRegion(stack, 'HomeRegion', { tenancyId: TENANCY });
      const bucket = new Bucket(stack, 'Files', { compartmentId: COMPARTMENT, bucketName: 'landing' });
      bucket.grantRead(Principal.fromGroupId(stack, 'Readers', 'ocid1.group.oc1..aaaaaaaareaders')).applyBefore(stack);
    });
    expect(Object.values<any>(out.json.data.oci_identity_region_subscriptions)[0].depends_on).toBeUndefined();
    expect(out.only('oci_objectstorage_bucket').depends_on).toHaveLength(1);
  });

  test('without a HomeRegion nothing changes: IAM resources use the default provider', () => {
    const out = synth(frankfurtStack);
    expect(providersOf(out.resources('oci_identity_policy'))).toEqual([undefined]);
    expect(providersOf(out.resources('oci_identity_dynamic_group'))).toEqual([undefined]);
    expect(out.json.provider.oci).toHaveLength(1);
  });

  test('the home-region-only types are the IAM ones OCI documents, as the provider names them', () => {
    expect([...HOME_REGION_RESOURCE_TYPES].sort()).toEqual([
      'oci_identity_compartment',
      'oci_identity_dynamic_group',
      'oci_identity_group',
      'oci_identity_identity_provider',
      'oci_identity_idp_group_mapping',
      'oci_identity_policy',
      'oci_identity_user',
      'oci_identity_user_group_membership',
    ]);
  });

  test.each([
    ['two per stack', (s: TerraformStack) => [new HomeRegion(s, 'A'), new HomeRegion(s, 'B')], /the stack already has a HomeRegion \(test\/A\)/],
    ['a bad region', (s: TerraformStack) => new HomeRegion(s, 'H', { regionName: 'Ashburn' }), /regionName "Ashburn": must be a region identifier such as us-ashburn-1/],
    ['regionName and tenancyId', (s: TerraformStack) => new HomeRegion(s, 'H', { regionName: 'us-ashburn-1', tenancyId: TENANCY }), /regionName \+ tenancyId: give one or the other/],
    ['a bad tenancy', (s: TerraformStack) => new HomeRegion(s, 'H', { tenancyId: COMPARTMENT }), /tenancyId "ocid1\.compartment[^"]*": must be an OCID of type tenancy/],
    ['a bad alias', (s: TerraformStack) => new HomeRegion(s, 'H', { alias: 'oci.home' }), /alias "oci\.home": must be a Terraform identifier/],
    [
      'a provider and settings for another',
      (s: TerraformStack) => new HomeRegion(s, 'H', { provider: new oci.provider.OciProvider(s, 'p', { alias: 'p' }), regionName: 'us-ashburn-1' }),
      /provider \+ regionName: give one or the other/,
    ],
    [
      'the default provider',
      (s: TerraformStack) => new HomeRegion(s, 'H', { provider: new oci.provider.OciProvider(s, 'p', { region: 'us-ashburn-1' }) }),
      /provider\.alias \(missing\): must be set/,
    ],
  ])('refuses %s', (_name, build, message) => {
    expect(() => build(newScope() as TerraformStack)).toThrow(message);
  });
});
