import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Testing } from 'cdktf';
import { ClaimCheckSampleStack, sampleInputsFromEnv, SAMPLE_STACK_NAME, synthSampleApp } from '../lib/sample/claim-check-sample-stack';
import { findDeprecatedUsages, validateTerraformJson } from '../lib/testing';
import { bundleHashes, contentHashOfDirectory, withBundleHashPlaceholders } from './helpers/bundle-hash';

describe('sample stack (main.ts)', () => {
  test('synthesizes with no environment set (placeholders), schema-valid, no deprecated fields (snapshot)', () => {
    const stack = new ClaimCheckSampleStack(Testing.app(), SAMPLE_STACK_NAME, sampleInputsFromEnv({}));
    const json = JSON.parse(Testing.synth(stack));
    expect(validateTerraformJson(json)).toEqual([]);
    expect(findDeprecatedUsages(json)).toEqual([]);
    // The bundle's content hash changes with any SDK, esbuild or function change: checked apart from the shape.
    expect(bundleHashes(json)).toHaveLength(1);
    expect(withBundleHashPlaceholders(json)).toMatchSnapshot();
    expect(Object.keys(json.resource).sort()).toEqual([
      'docker_image',
      'docker_registry_image',
      'oci_artifacts_container_repository',
      // No OCI_SUBNET_OCIDS: the stack creates the network (ClaimCheckNetwork).
      'oci_core_route_table',
      'oci_core_security_list',
      'oci_core_service_gateway',
      'oci_core_subnet',
      'oci_core_vcn',
      'oci_events_rule',
      'oci_functions_application',
      'oci_functions_function',
      'oci_identity_dynamic_group',
      'oci_identity_policy',
      // Observability, on by default: invoke log, alarms, their topic.
      'oci_logging_log',
      'oci_logging_log_group',
      'oci_monitoring_alarm',
      'oci_objectstorage_bucket',
      'oci_ons_notification_topic',
      'oci_streaming_stream',
      'oci_streaming_stream_pool',
    ]);
    // The deploy region's provider, and the home region's for IAM (looked up: OCI_HOME_REGION is unset).
    expect(json.provider.oci).toEqual([
      { config_file_profile: 'DEFAULT', region: 'us-ashburn-1' },
      { alias: 'home', config_file_profile: 'DEFAULT', region: expect.stringMatching(/^\$\{data\.oci_identity_region_subscriptions\.\w+\.region_subscriptions\[0\]\.region_name\}$/) },
    ]);
    expect(json.terraform.required_providers.oci).toEqual({ source: 'registry.terraform.io/oracle/oci', version: '8.28.0' });
  });

  test('deploys from any region: OCI_REGION=eu-frankfurt-1, OCI_HOME_REGION=us-ashburn-1 puts every IAM resource on oci.home', () => {
    const stack = new ClaimCheckSampleStack(
      Testing.app(),
      SAMPLE_STACK_NAME,
      sampleInputsFromEnv({ OCI_REGION: 'eu-frankfurt-1', OCI_HOME_REGION: 'us-ashburn-1', OCI_CONFIG_FILE_PROFILE: 'FRA' }),
    );
    const json = JSON.parse(Testing.synth(stack));
    expect(validateTerraformJson(json)).toEqual([]);
    expect(json.provider.oci).toEqual([
      { config_file_profile: 'FRA', region: 'eu-frankfurt-1' },
      { alias: 'home', config_file_profile: 'FRA', region: 'us-ashburn-1' },
    ]);
    expect(json.data.oci_identity_region_subscriptions).toBeUndefined();
    const byProvider = new Map<string, string[]>();
    for (const [type, instances] of Object.entries<any>(json.resource)) {
      for (const body of Object.values<any>(instances)) {
        const provider = body.provider ?? '(default)';
        byProvider.set(provider, [...(byProvider.get(provider) ?? []), type]);
      }
    }
    expect(new Set(byProvider.get('oci.home'))).toEqual(new Set(['oci_identity_dynamic_group', 'oci_identity_policy']));
    expect(byProvider.get('(default)')?.filter((type) => type.startsWith('oci_identity_'))).toEqual([]);
    expect(stack.homeRegion.regionName).toBe('us-ashburn-1');
    expect(sampleInputsFromEnv({ OCI_HOME_REGION: 'us-ashburn-1' }).homeRegion).toBe('us-ashburn-1');
    expect(sampleInputsFromEnv({}).homeRegion).toBeUndefined();
  });

  test('reads its inputs from the environment', () => {
    const inputs = sampleInputsFromEnv({
      OCI_COMPARTMENT_OCID: 'ocid1.compartment.oc1..aaaaaaaareal',
      OCI_SUBNET_OCIDS: 'ocid1.subnet.oc1.phx.a, ocid1.subnet.oc1.phx.b',
      OCI_REGION: 'us-phoenix-1',
      CLAIMCHECK_PARTITIONS: '6',
      CLAIMCHECK_BUCKET_NAME: 'uploads',
    });
    expect(inputs).toMatchObject({
      compartmentId: 'ocid1.compartment.oc1..aaaaaaaareal',
      subnetIds: ['ocid1.subnet.oc1.phx.a', 'ocid1.subnet.oc1.phx.b'],
      region: 'us-phoenix-1',
      partitions: 6,
      bucketName: 'uploads',
    });
  });

  test('without OCI_SUBNET_OCIDS the function runs in the network the stack creates; with it, in those subnets and no network', () => {
    const created = new ClaimCheckSampleStack(Testing.app(), SAMPLE_STACK_NAME, sampleInputsFromEnv({}));
    const json = JSON.parse(Testing.synth(created));
    expect(created.network).toBeDefined();
    const subnet = Object.keys(json.resource.oci_core_subnet);
    expect(subnet).toHaveLength(1);
    expect(Object.values<any>(json.resource.oci_functions_application)[0].subnet_ids).toEqual([`\${oci_core_subnet.${subnet[0]}.id}`]);
    expect(Object.values<any>(json.resource.oci_core_subnet)[0]).toMatchObject({ prohibit_public_ip_on_vnic: true, prohibit_internet_ingress: true });

    const subnets = ['ocid1.subnet.oc1.iad.aaaaaaaaexistinga', 'ocid1.subnet.oc1.iad.aaaaaaaaexistingb'];
    const given = new ClaimCheckSampleStack(Testing.app(), SAMPLE_STACK_NAME, sampleInputsFromEnv({ OCI_SUBNET_OCIDS: subnets.join(',') }));
    const givenJson = JSON.parse(Testing.synth(given));
    expect(validateTerraformJson(givenJson)).toEqual([]);
    expect(given.network).toBeUndefined();
    expect(Object.keys(givenJson.resource).filter((type) => type.startsWith('oci_core_'))).toEqual([]);
    expect(givenJson.data.oci_core_services).toBeUndefined();
    expect(Object.values<any>(givenJson.resource.oci_functions_application)[0].subnet_ids).toEqual(subnets);
    expect(sampleInputsFromEnv({ OCI_SUBNET_OCIDS: ' , ' }).subnetIds).toBeUndefined();
  });

  test('observability is on; CLAIMCHECK_ALARM_EMAIL subscribes an address to the alarm topic', () => {
    const json = JSON.parse(Testing.synth(new ClaimCheckSampleStack(Testing.app(), SAMPLE_STACK_NAME, sampleInputsFromEnv({ CLAIMCHECK_ALARM_EMAIL: 'ops@example.com' }))));
    expect(validateTerraformJson(json)).toEqual([]);
    expect(Object.keys(json.resource.oci_monitoring_alarm)).toHaveLength(5);
    expect(Object.values<any>(json.resource.oci_ons_subscription)).toEqual([expect.objectContaining({ protocol: 'EMAIL', endpoint: 'ops@example.com' })]);
    const withoutEmail = JSON.parse(Testing.synth(new ClaimCheckSampleStack(Testing.app(), SAMPLE_STACK_NAME, sampleInputsFromEnv({}))));
    expect(withoutEmail.resource.oci_ons_subscription).toBeUndefined();
  });

  test('writes cdk.tf.json and the function build context (Dockerfile, func.yaml, bundled func.js) to the outdir', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'claimcheck-synth-'));
    try {
      synthSampleApp(outdir, {});
      const stackDir = join(outdir, 'stacks', SAMPLE_STACK_NAME);
      const json = JSON.parse(readFileSync(join(stackDir, 'cdk.tf.json'), 'utf8'));
      expect(validateTerraformJson(json)).toEqual([]);
      const context = join(stackDir, Object.values<any>(json.resource.docker_image)[0].build.context);
      expect(readFileSync(join(context, 'Dockerfile'), 'utf8')).toBe(
        [
          'FROM fnproject/node:22',
          'WORKDIR /function',
          'COPY func.js start.cjs /function/',
          'RUN cd /function && CLAIMCHECK_WRITE_CODE_CACHE=1 CLAIMCHECK_PRIME=1 timeout 60 node start.cjs >/dev/null 2>&1 || true',
          'RUN chmod -R o+rX /function',
          'ENTRYPOINT ["node", "start.cjs"]',
          '',
        ].join('\n'),
      );
      expect(readFileSync(join(context, 'func.yaml'), 'utf8')).toContain('runtime: docker');
      expect(existsSync(join(context, 'func.js'))).toBe(true);
      // The image's content hash is the hash of exactly these files (recomputed here), so any change to them is a new image.
      const [{ contentHash }] = bundleHashes(json);
      expect(readdirSync(context).sort()).toEqual(['Dockerfile', 'func.js', 'func.yaml', 'start.cjs']);
      expect(contentHashOfDirectory(context)).toBe(contentHash);
      // No absolute path of this machine leaks into the synthesized stack.
      expect(readFileSync(join(stackDir, 'cdk.tf.json'), 'utf8')).not.toContain(process.cwd());
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});
