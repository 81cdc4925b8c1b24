import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TerraformStack } from 'cdktf';
import { projectCacheRoot } from '../../lib/bundling/build-context-cache';
import {
  ClaimCheckConsumerFleet,
  ClaimCheckConsumerFleetProps,
  ClaimCheckPipeline,
  ClaimCheckSource,
  ContainerImageCode,
  FunctionCode,
  ValidationError,
} from '../../lib';
import { CONSUMER_CONFIG_KEYS } from '../../lib/contract/consumer-config';
import { withBundleHashPlaceholders } from '../helpers/bundle-hash';
import { COMPARTMENT, IMAGE, newScope, SUBNET, synth, Synthesized, TENANCY } from '../helpers/synth';

const HANDLER = join(__dirname, '..', '..', 'examples', 'handlers', 'record-size-and-sha256.ts');
const FIXTURES = join(__dirname, 'fixtures');

/** A pipeline (publisher from an existing image, so only the fleet is bundled here) and a fleet on it. */
function fleetStack(props: Partial<ClaimCheckConsumerFleetProps> = {}): { out: Synthesized; fleet: ClaimCheckConsumerFleet } {
  let fleet!: ClaimCheckConsumerFleet;
  const out = synth((stack) => {
    const pipeline = new ClaimCheckPipeline(stack, 'Files', { compartmentId: COMPARTMENT, subnetIds: [SUBNET], tenancyId: TENANCY, functionProps: { code: FunctionCode.fromImageUri(IMAGE) } });
    fleet = new ClaimCheckConsumerFleet(stack, 'Fleet', { pipeline, consumerGroup: 'recorder', handlerEntry: HANDLER, subnetId: SUBNET, ...props });
  });
  return { out, fleet };
}

const idOf = (out: Synthesized, type: string, match: (r: any) => boolean = () => true) => {
  const found = Object.entries<any>(out.resources(type)).filter(([, r]) => match(r));
  expect(found).toHaveLength(1);
  return found[0][0];
};
const instances = (out: Synthesized) => Object.entries<any>(out.resources('oci_container_instances_container_instance'));
const fleetGroup = (out: Synthesized) => Object.entries<any>(out.resources('oci_identity_dynamic_group')).find(([id]) => id.startsWith('Fleet_DynamicGroup'))!;

describe('ClaimCheckConsumerFleet', () => {
  describe('with only the required props', () => {
    const { out, fleet } = fleetStack();
    const stream = idOf(out, 'oci_streaming_stream');
    const landing = idOf(out, 'oci_objectstorage_bucket', (b) => b.object_events_enabled === true);
    const state = idOf(out, 'oci_objectstorage_bucket', (b) => b.object_events_enabled !== true);

    test('snapshot of the shape (bundle hashes as placeholders)', () => {
      expect(withBundleHashPlaceholders(out.json)).toMatchSnapshot();
    });

    test('one container instance, running the image built from the handler, in the given subnet, no public IP', () => {
      const [[, instance]] = instances(out);
      expect(instances(out)).toHaveLength(1);
      const pushed = idOf(out, 'docker_registry_image', (r) => String(r.name).includes('Fleet_Image'));
      expect(instance.containers).toHaveLength(1);
      expect(instance.containers[0].image_url).toBe(`\${docker_registry_image.${pushed}.name}`);
      expect(instance.vnics).toEqual([{ subnet_id: SUBNET, is_public_ip_assigned: false }]);
      expect(instance.compartment_id).toBe(COMPARTMENT);
      expect(instance.shape).toBe('CI.Standard.E4.Flex');
      expect(instance.shape_config).toEqual({ ocpus: 1, memory_in_gbs: 4 });
      expect(instance.availability_domain).toBe('${element(data.oci_identity_availability_domains.Fleet_AvailabilityDomains_7E5AA61D.availability_domains, 0).name}');
    });

    test("the container's environment is wired from the pipeline: stream, endpoint, bucket, state bucket, group", () => {
      const [[, instance]] = instances(out);
      const K = CONSUMER_CONFIG_KEYS;
      expect(instance.containers[0].environment_variables).toEqual({
        [K.streamId]: `\${oci_streaming_stream.${stream}.id}`,
        [K.messagesEndpoint]: `\${oci_streaming_stream.${stream}.messages_endpoint}`,
        [K.bucketNamespace]: '${data.oci_objectstorage_namespace.ObjectStorageNamespace.namespace}',
        [K.bucketName]: out.resources('oci_objectstorage_bucket')[landing].name,
        [K.moreBuckets]: '[]',
        [K.stateBucketNamespace]: '${data.oci_objectstorage_namespace.ObjectStorageNamespace.namespace}',
        [K.stateBucketName]: out.resources('oci_objectstorage_bucket')[state].name,
        [K.groupName]: 'recorder',
        [K.instanceName]: `${instance.display_name}`,
        [K.auth]: 'resource_principal',
        [K.stopGraceMs]: '10000',
        [K.healthPort]: '8080',
        [K.healthPath]: '/healthz',
      });
      expect(instance.containers[0].is_resource_principal_disabled).toBe(false);
    });

    test('the dynamic group matches exactly the fleet’s container instances, by OCID', () => {
      const [, group] = fleetGroup(out);
      const [[instanceId]] = instances(out);
      expect(group.matching_rule).toBe(`ANY {resource.id = '\${oci_container_instances_container_instance.${instanceId}.id}'}`);
      expect(group.compartment_id).toBe(TENANCY);
    });

    test('the fleet is granted what pipeline.grantConsume grants, and nothing else', () => {
      const [groupId] = fleetGroup(out);
      const subject = `Allow dynamic-group id \${oci_identity_dynamic_group.${groupId}.id}`;
      const statements = out.statements().filter((s) => s.startsWith(subject));
      expect(fleet.consumeGrant.grantees).toEqual([fleet]);
      expect(fleet.consumeGrant.policies).toEqual(fleet.dynamicGroup.grantPolicies);
      expect(statements.map((s) => s.slice(subject.length))).toEqual([
        ` to read objects in compartment id ${COMPARTMENT} where target.bucket.name = '${out.resources('oci_objectstorage_bucket')[landing].name}'`,
        ` to use stream-pull in compartment id ${COMPARTMENT} where target.stream.id = '\${oci_streaming_stream.${stream}.id}'`,
        ` to read objects in compartment id ${COMPARTMENT} where target.bucket.name = '${out.resources('oci_objectstorage_bucket')[state].name}'`,
        ` to manage objects in compartment id ${COMPARTMENT} where all {target.bucket.name = '${out.resources('oci_objectstorage_bucket')[state].name}', any {request.permission = 'OBJECT_CREATE', request.permission = 'OBJECT_OVERWRITE', request.permission = 'OBJECT_INSPECT'}}`,
      ]);
    });

    test('image pulls: container instances of the compartment may read this one repository, created before the instances', () => {
      const pull = Object.entries<any>(out.resources('oci_identity_dynamic_group')).find(([id]) => id.startsWith('Fleet_ImagePullDynamicGroup'))!;
      expect(pull[1].matching_rule).toBe(`ALL {resource.type = 'computecontainerinstance', resource.compartment.id = '${COMPARTMENT}'}`);
      const repository = Object.values<any>(out.resources('oci_artifacts_container_repository')).find((r) => String(r.display_name).includes('fleet-image'));
      expect(repository).toMatchObject({ is_public: false, compartment_id: COMPARTMENT });
      const pullStatements = out.statements().filter((s) => s.includes(`oci_identity_dynamic_group.${pull[0]}.id`));
      expect(pullStatements).toEqual([
        `Allow dynamic-group id \${oci_identity_dynamic_group.${pull[0]}.id} to read repos in compartment id ${COMPARTMENT} where target.repo.name = '${repository.display_name}'`,
      ]);
      const pullPolicy = idOf(out, 'oci_identity_policy', (p) => p.statements.some((s: string) => s.includes(pull[0])));
      const [[, instance]] = instances(out);
      expect(instance.depends_on).toEqual([`oci_identity_policy.${pullPolicy}`]);
    });

    test('graceful shutdown = stop grace (10 s) + the final commit (5 s) + 2 s to exit; restart ALWAYS; HTTP health check on the entry', () => {
      const [[, instance]] = instances(out);
      expect(instance.graceful_shutdown_timeout_in_seconds).toBe('17');
      expect(fleet.gracefulShutdownTimeoutInSeconds).toBe(17);
      expect(instance.container_restart_policy).toBe('ALWAYS');
      expect(instance.containers[0].health_checks).toEqual([
        expect.objectContaining({ health_check_type: 'HTTP', port: 8080, path: '/healthz', failure_action: 'KILL', failure_threshold: 3 }),
      ]);
    });

    test('runs as a non-root user with a read-only root file system', () => {
      const [[, instance]] = instances(out);
      expect(instance.containers[0].security_context).toEqual({
        security_context_type: 'LINUX',
        run_as_user: 1000,
        run_as_group: 1000,
        is_non_root_user_check_enabled: true,
        is_root_file_system_readonly: true,
      });
    });

    test('the build context: the handler bundled with the generated fleet entry, and a Dockerfile running it as that user', () => {
      // The context is in the build context cache, named by the content hash the image is tagged with.
      const image = Object.values<any>(out.resources('docker_image')).find((i) => String(i.build.context).includes('Fleet_Image'));
      const dir = join(projectCacheRoot()!, image.triggers.contentHash);
      expect(readdirSync(dir).sort()).toEqual(['Dockerfile', 'main.js']);
      const dockerfile = readFileSync(join(dir, 'Dockerfile'), 'utf8');
      expect(dockerfile).toContain('USER 1000:1000');
      expect(dockerfile).toContain('ENTRYPOINT ["node", "main.js"]');
      const bundle = readFileSync(join(dir, 'main.js'), 'utf8');
      // The entry's own log events, the handler's record prefix: both ended up in the one file.
      expect(bundle).toContain('claim-consumer-entry');
      expect(bundle).toContain('records/');
    });

    test('outputs the container instance OCIDs', () => {
      expect(Object.values<any>(out.json.output).find((o) => String(o.description).includes('consumer group recorder'))?.value).toEqual(
        instances(out).map(([id]) => `\${oci_container_instances_container_instance.${id}.id}`),
      );
    });
  });

  test('replicas: one container instance each, stable instance names, spread over the given availability domains; the group matches all of them and only them', () => {
    const { out } = fleetStack({ replicas: 3, availabilityDomains: ['Uocm:PHX-AD-1', 'Uocm:PHX-AD-2'] });
    const all = instances(out);
    expect(all.map(([, i]) => i.availability_domain)).toEqual(['Uocm:PHX-AD-1', 'Uocm:PHX-AD-2', 'Uocm:PHX-AD-1']);
    const names = all.map(([, i]) => i.containers[0].environment_variables[CONSUMER_CONFIG_KEYS.instanceName]);
    expect(new Set(names).size).toBe(3);
    expect(names).toEqual(all.map(([, i]) => i.display_name));
    const [, group] = fleetGroup(out);
    expect(group.matching_rule).toBe(`ANY {${all.map(([id]) => `resource.id = '\${oci_container_instances_container_instance.${id}.id}'`).join(', ')}}`);
    expect(out.json.data?.oci_identity_availability_domains).toBeUndefined();
  });

  test('options reach the containers: stop grace and the graceful shutdown timeout, consumer options, shape, restart policy, no health check', () => {
    const { out } = fleetStack({
      stopGraceMs: 20_500,
      consumerOptions: { concurrency: 8, maxAttempts: 3, handlerTimeoutMs: 60_000 },
      shape: 'CI.Standard.A1.Flex',
      ocpus: 2,
      memoryInGbs: 8,
      restartPolicy: 'ON_FAILURE',
      healthCheck: false,
      readOnlyRootFileSystem: false,
      environment: { REPORT_PREFIX: 'daily/' },
    });
    const [[, instance]] = instances(out);
    const K = CONSUMER_CONFIG_KEYS;
    expect(instance.graceful_shutdown_timeout_in_seconds).toBe('28'); // ceil(20.5 + 5 + 2)
    expect(instance.containers[0].environment_variables).toMatchObject({
      [K.stopGraceMs]: '20500',
      [K.concurrency]: '8',
      [K.maxAttempts]: '3',
      [K.handlerTimeoutMs]: '60000',
      REPORT_PREFIX: 'daily/',
    });
    expect(instance.containers[0].environment_variables[K.healthPort]).toBeUndefined();
    expect(instance.containers[0].health_checks).toBeUndefined();
    expect(instance.containers[0].security_context.is_root_file_system_readonly).toBe(false);
    expect(instance).toMatchObject({ shape: 'CI.Standard.A1.Flex', shape_config: { ocpus: 2, memory_in_gbs: 8 }, container_restart_policy: 'ON_FAILURE' });
  });

  test('from attributes (a pipeline deployed elsewhere), with an existing image: no build, no pull group, a warning saying so', () => {
    let fleet!: ClaimCheckConsumerFleet;
    const out = synth((stack: TerraformStack) => {
      const source = ClaimCheckSource.fromAttributes(stack, 'Source', {
        stream: { streamId: 'ocid1.stream.oc1.iad.aaaaaaaaexisting', compartmentId: COMPARTMENT, messagesEndpoint: 'https://cell-1.streaming.us-ashburn-1.oci.oraclecloud.com' },
        bucket: { bucketName: 'landing', namespace: 'ns', compartmentId: COMPARTMENT },
        consumerStateBucket: { bucketName: 'landing-consumer-state', namespace: 'ns', compartmentId: COMPARTMENT },
      });
      fleet = new ClaimCheckConsumerFleet(stack, 'Fleet', {
        pipeline: source,
        consumerGroup: 'recorder',
        image: ContainerImageCode.fromImageUri('docker.io/example/consumer:1.2.3'),
        subnetId: SUBNET,
        tenancyId: TENANCY,
      });
    });
    const [[, instance]] = instances(out);
    expect(instance.containers[0].image_url).toBe('docker.io/example/consumer:1.2.3');
    expect(instance.containers[0].environment_variables).toMatchObject({
      [CONSUMER_CONFIG_KEYS.streamId]: 'ocid1.stream.oc1.iad.aaaaaaaaexisting',
      [CONSUMER_CONFIG_KEYS.bucketName]: 'landing',
      [CONSUMER_CONFIG_KEYS.stateBucketName]: 'landing-consumer-state',
    });
    expect(out.resources('docker_image')).toEqual({});
    expect(Object.keys(out.resources('oci_identity_dynamic_group'))).toEqual([expect.stringMatching(/^Fleet_DynamicGroup/)]);
    expect(instance.depends_on).toBeUndefined();
    expect(fleet.node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => m.data)).toEqual([
      expect.stringMatching(/^No image-pull policy for docker\.io\/example\/consumer:1\.2\.3: the image's OCIR repository is unknown/),
    ]);
  });

  describe('validation: every problem named at once', () => {
    const build = (props: Partial<ClaimCheckConsumerFleetProps>, pipelineProps: object = {}) => () => {
      const scope = newScope();
      const pipeline = new ClaimCheckPipeline(scope, 'Files', { compartmentId: COMPARTMENT, subnetIds: [SUBNET], functionProps: { code: FunctionCode.fromImageUri(IMAGE) }, ...pipelineProps });
      new ClaimCheckConsumerFleet(scope, 'Fleet', { pipeline, consumerGroup: 'recorder', handlerEntry: HANDLER, subnetId: SUBNET, ...props } as ClaimCheckConsumerFleetProps);
    };
    const problems = (fn: () => void): string[] => {
      try {
        fn();
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        return (error as ValidationError).problems.map((p) => p.message);
      }
      throw new Error('expected a ValidationError');
    };

    test('bad values of several props are reported together', () => {
      expect(
        problems(
          build({
            consumerGroup: 'has space',
            subnetId: 'subnet-1',
            replicas: 0,
            ocpus: -1,
            memoryInGbs: 0,
            shape: 'VM.Standard.E4.Flex',
            restartPolicy: 'SOMETIMES' as never,
            stopGraceMs: 1.5,
            availabilityDomains: [],
            healthCheck: { port: 80, path: 'healthz' },
            consumerOptions: { concurrency: 0 },
            environment: { CLAIMCHECK_CONSUMER_GROUP: 'x', OCI_RESOURCE_PRINCIPAL_RPST: 'y' },
          }),
        ),
      ).toEqual([
        expect.stringMatching(/^consumerGroup "has space": must be 1 to 255 letters/),
        'environment.CLAIMCHECK_CONSUMER_GROUP: is set by the construct (names starting with CLAIMCHECK_CONSUMER_ or OCI_RESOURCE_PRINCIPAL_ are reserved)',
        'environment.OCI_RESOURCE_PRINCIPAL_RPST: is set by the construct (names starting with CLAIMCHECK_CONSUMER_ or OCI_RESOURCE_PRINCIPAL_ are reserved)',
        expect.stringMatching(/^subnetId "subnet-1": must be an OCID of type subnet/),
        'replicas 0: must be an integer from 1 to 100',
        'availabilityDomains []: must list at least one availability domain (or leave it out: every domain of the region)',
        'shape "VM.Standard.E4.Flex": must be a container instance shape such as CI.Standard.E4.Flex',
        'ocpus -1: must be a positive number',
        'memoryInGbs 0: must be a positive number',
        'restartPolicy "SOMETIMES": must be one of ALWAYS, ON_FAILURE, NEVER',
        'stopGraceMs 1.5: must be an integer from 1 to 3600000',
        'consumerOptions.concurrency 0: must be an integer from 1 to 1000',
        'healthCheck.port 80: must be an integer from 1024 to 65535 (unprivileged: the container does not run as root)',
        'healthCheck.path "healthz": must start with / and have no spaces',
      ]);
    });

    test('handlerEntry and image: exactly one; imageProps only with handlerEntry', () => {
      expect(problems(build({ handlerEntry: undefined }))).toEqual(['handlerEntry: is required (or give an existing image with `image`)']);
      expect(problems(build({ image: ContainerImageCode.fromImageUri('docker.io/example/consumer:1'), imageProps: { platform: 'linux/arm64' } }))).toEqual([
        'handlerEntry + image: give one or the other, not both: the image is built from handlerEntry',
        'imageProps + image: give one or the other, not both: image props cannot be applied to an image built elsewhere',
      ]);
      expect(problems(build({ handlerEntry: undefined, image: ContainerImageCode.fromImageUri('not an image') }))).toEqual([
        'image: imageUri "not an image" must look like <registry host>/<path>[:<tag>][@sha256:<digest>]',
      ]);
      expect(problems(build({ imageProps: { registryAuthToken: 'literal-token' } }))).toEqual([
        'imageProps.registryAuthToken: must come from a Terraform variable or secret reference, not a literal (it would be written to cdk.tf.json)',
      ]);
    });

    test('the handler file must exist and export one recognisable handler', () => {
      expect(problems(build({ handlerEntry: join(FIXTURES, 'missing.ts') }))).toEqual([expect.stringMatching(/^handlerEntry ".*missing\.ts": handler entry .* does not exist$/)]);
      expect(problems(build({ handlerEntry: join(FIXTURES, 'two-exports-handler.ts') }))).toEqual([
        expect.stringMatching(/two-exports-handler\.ts exports first, second: name the handler `handler` \(or make it the default or the only export\)$/),
      ]);
    });

    test('a pipeline without a consumer state bucket needs stateBucket', () => {
      expect(problems(build({}, { createConsumerStateBucket: false }))).toEqual([
        'stateBucket: is required: the pipeline has no consumer state bucket (createConsumerStateBucket: false); give one for dead letters and dedupe records',
      ]);
    });

    test('a stop grace period whose shutdown timeout would pass 3600 s', () => {
      expect(problems(build({ stopGraceMs: 3_599_000 }))).toEqual(['stopGraceMs: gives a graceful shutdown timeout of 3606 s (grace + 5 s commit + 2 s exit), more than 3600 s']);
    });
  });
});
