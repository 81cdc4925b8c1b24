/**
 * Tags everywhere: every construct variant synthesized with freeform and defined tags, then every resource of the
 * stack walked. Wherever the provider schema (schema/oci-schema.json) says a resource type has `freeform_tags` /
 * `defined_tags`, the resource must carry the tags given: through the constructs' props, or stack-wide through
 * `OciTags.of(stack)`.
 */
import { join, relative } from 'node:path';
import { Testing } from 'cdktf';
import {
  Bucket,
  ClaimCheckConsumerFleet,
  ClaimCheckNetwork,
  ClaimCheckObservability,
  ClaimCheckPipeline,
  ClaimCheckSampleStack,
  ClaimCheckServerlessConsumer,
  DynamicGroup,
  FunctionCode,
  OciTags,
  SAMPLE_STACK_NAME,
  sampleInputsFromEnv,
} from '../../lib';
import { loadOciProviderSchema } from '../../lib/testing';
import { COMPARTMENT, IMAGE, KMS_KEY, SUBNET, synth, synthesizeStack, TENANCY } from '../helpers/synth';

const HANDLER = join(__dirname, '..', '..', 'examples', 'handlers', 'record-size-and-sha256.ts');
const FREEFORM = { team: 'billing', env: 'dev' };
const DEFINED = { 'Operations.CostCenter': '42', 'Security.Classification': 'internal' };
const TAGS = { freeformTags: FREEFORM, definedTags: DEFINED };

const oci = loadOciProviderSchema().provider_schemas['registry.terraform.io/oracle/oci'];
/** Resource types whose schema has the attribute. */
const typesWith = (attribute: string) =>
  new Set(Object.entries(oci.resource_schemas ?? {}).filter(([, e]) => e.block.attributes?.[attribute]).map(([type]) => type));
const FREEFORM_TYPES = typesWith('freeform_tags');
const DEFINED_TYPES = typesWith('defined_tags');

interface Walk {
  /** `<type>.<name>` of every taggable resource checked. */
  readonly checked: string[];
  /** `<type>.<name>: <what is missing>` for every resource lacking a tag it should carry. */
  readonly missing: string[];
}

/** Every resource of the document whose type has the tag attributes, against the tags it must carry. */
function walk(json: any, freeform: Record<string, string>, defined: Record<string, string>): Walk {
  const checked: string[] = [];
  const missing: string[] = [];
  for (const [type, instances] of Object.entries<Record<string, any>>(json.resource ?? {})) {
    for (const [name, body] of Object.entries<any>(instances)) {
      const expectations: Array<[string, Set<string>, Record<string, string>]> = [
        ['freeform_tags', FREEFORM_TYPES, freeform],
        ['defined_tags', DEFINED_TYPES, defined],
      ];
      for (const [attribute, types, tags] of expectations) {
        if (!types.has(type)) continue;
        checked.push(`${type}.${name}`);
        for (const [key, value] of Object.entries(tags)) {
          if (body[attribute]?.[key] !== value) missing.push(`${type}.${name}: ${attribute}["${key}"] is ${JSON.stringify(body[attribute]?.[key])}`);
        }
      }
    }
  }
  return { checked: [...new Set(checked)], missing };
}

/** Resource types of the document the walk checks, to show each variant reaches the types it should. */
const taggableTypes = (json: any) => Object.keys(json.resource ?? {}).filter((type) => FREEFORM_TYPES.has(type)).sort();

describe('tags on every taggable resource', () => {
  test('the schema says which types are taggable: every OCI resource the library creates but objects', () => {
    expect([...FREEFORM_TYPES].sort()).toEqual([...DEFINED_TYPES].sort());
    expect(Object.keys(oci.resource_schemas ?? {}).filter((type) => !FREEFORM_TYPES.has(type))).toEqual(['oci_objectstorage_object']);
  });

  test('props: network, pipeline with sources and a customer key (observability, grants), fleet, serverless consumer', () => {
    const out = synth((stack) => {
      const network = new ClaimCheckNetwork(stack, 'Network', { compartmentId: COMPARTMENT, streamPoolPrivateEndpoint: true, vcnProps: { natGateway: true }, ...TAGS });
      const pipeline = new ClaimCheckPipeline(stack, 'Files', {
        compartmentId: COMPARTMENT,
        subnetIds: network.subnetIds,
        tenancyId: TENANCY,
        region: 'us-ashburn-1',
        bucketProps: { kmsKeyId: KMS_KEY },
        streamPoolProps: { kmsKeyId: KMS_KEY, privateEndpoint: network.streamPoolPrivateEndpoint },
        observability: { alarmEmail: 'ops@example.com' },
        ...TAGS,
      });
      // A source added after construction, and grants written after it: the pipeline's tags reach them too.
      pipeline.addSource(new Bucket(pipeline, 'Partner', { compartmentId: COMPARTMENT }));
      const uploaders = new DynamicGroup(stack, 'Uploaders', { tenancyId: TENANCY, matchingRule: "ALL {instance.compartment.id = 'x'}", ...TAGS });
      pipeline.grantUpload(uploaders);
      new ClaimCheckConsumerFleet(stack, 'Fleet', { pipeline, consumerGroup: 'records', handlerEntry: HANDLER, subnetId: SUBNET, replicas: 2, ...TAGS });
      new ClaimCheckServerlessConsumer(stack, 'Serverless', { pipeline, consumerName: 'recorder', handlerEntry: HANDLER, ...TAGS });
    });

    const { checked, missing } = walk(out.json, FREEFORM, DEFINED);

    expect(missing).toEqual([]);
    expect(taggableTypes(out.json)).toEqual([
      'oci_artifacts_container_repository',
      'oci_container_instances_container_instance',
      'oci_core_nat_gateway',
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
      'oci_logging_log',
      'oci_logging_log_group',
      'oci_monitoring_alarm',
      'oci_objectstorage_bucket',
      'oci_ons_notification_topic',
      'oci_ons_subscription',
      'oci_sch_service_connector',
      'oci_streaming_stream',
      'oci_streaming_stream_pool',
    ]);
    expect(checked.length).toBeGreaterThan(40);
  });

  test('OciTags.of(stack): the sample stack with its consumer fleet, tagged stack-wide, resources created after the call included', () => {
    const example = relative(process.cwd(), HANDLER);
    const app = Testing.app();
    const stack = new ClaimCheckSampleStack(app, SAMPLE_STACK_NAME, sampleInputsFromEnv({ CLAIMCHECK_FLEET_HANDLER: example }));
    OciTags.of(stack).add('team', 'billing').add('env', 'dev').addDefined('Operations', 'CostCenter', '42').addDefined('Security', 'Classification', 'internal');
    // Created after the tags were added: tagged at synthesis all the same.
    new ClaimCheckServerlessConsumer(stack, 'Serverless', { pipeline: stack.pipeline, consumerName: 'late', handlerEntry: HANDLER });

    const out = synthesizeStack(stack);
    const { missing } = walk(out.json, FREEFORM, DEFINED);

    expect(missing).toEqual([]);
    expect(taggableTypes(out.json)).toEqual(
      expect.arrayContaining(['oci_artifacts_container_repository', 'oci_container_instances_container_instance', 'oci_core_vcn', 'oci_identity_policy', 'oci_sch_service_connector']),
    );
    // Other providers' resources are left alone.
    for (const image of Object.values<any>(out.json.resource.docker_image)) expect(image.freeform_tags).toBeUndefined();
  });

  test('standalone observability next to a pipeline without its own, by props', () => {
    const out = synth((stack) => {
      const pipeline = new ClaimCheckPipeline(stack, 'Files', {
        compartmentId: COMPARTMENT,
        subnetIds: [SUBNET],
        tenancyId: TENANCY,
        functionProps: { code: FunctionCode.fromImageUri(IMAGE) },
        observability: false,
        ...TAGS,
      });
      new ClaimCheckObservability(stack, 'Watch', {
        compartmentId: COMPARTMENT,
        application: pipeline.application,
        publisher: pipeline.publisher,
        stream: pipeline.stream,
        rule: { ruleId: pipeline.rule.resource.id, compartmentId: COMPARTMENT },
        ...TAGS,
      });
    });

    expect(walk(out.json, FREEFORM, DEFINED).missing).toEqual([]);
    expect(taggableTypes(out.json)).toEqual(expect.arrayContaining(['oci_logging_log', 'oci_monitoring_alarm', 'oci_ons_notification_topic']));
  });

  test('the walk fails on an untagged resource (a resource outside every tagged scope)', () => {
    const out = synth((stack) => {
      new ClaimCheckPipeline(stack, 'Files', { compartmentId: COMPARTMENT, subnetIds: [SUBNET], tenancyId: TENANCY, functionProps: { code: FunctionCode.fromImageUri(IMAGE) }, ...TAGS });
      new DynamicGroup(stack, 'Untagged', { tenancyId: TENANCY, matchingRule: "ALL {instance.compartment.id = 'x'}" });
    });

    expect(walk(out.json, FREEFORM, DEFINED).missing).toEqual([
      expect.stringMatching(/^oci_identity_dynamic_group\.Untagged_.*: freeform_tags\["team"\] is undefined$/),
      expect.stringMatching(/^oci_identity_dynamic_group\.Untagged_.*: freeform_tags\["env"\] is undefined$/),
      expect.stringMatching(/^oci_identity_dynamic_group\.Untagged_.*: defined_tags\["Operations.CostCenter"\] is undefined$/),
      expect.stringMatching(/^oci_identity_dynamic_group\.Untagged_.*: defined_tags\["Security.Classification"\] is undefined$/),
    ]);
  });
});
