import { TerraformStack } from 'cdktf';
import {
  Bucket,
  ClaimCheckPipeline,
  ClaimCheckPipelineProps,
  FunctionCode,
  FunctionsApplication,
  Principal,
  Stream,
  StreamPool,
} from '../../lib';
import { bundleHashes, withBundleHashPlaceholders } from '../helpers/bundle-hash';
import { COMPARTMENT, IMAGE, KMS_KEY, newScope, SUBNET, synth, Synthesized, TENANCY } from '../helpers/synth';

const REQUIRED = { compartmentId: COMPARTMENT, subnetIds: [SUBNET] };
const WITH_IMAGE = { ...REQUIRED, functionProps: { code: FunctionCode.fromImageUri(IMAGE) } };

function pipeline(props: ClaimCheckPipelineProps | ((stack: TerraformStack) => ClaimCheckPipelineProps)): Synthesized {
  return synth((stack) => new ClaimCheckPipeline(stack, 'Files', typeof props === 'function' ? props(stack) : props));
}

const logicalId = (out: Synthesized, type: string) => Object.keys(out.resources(type))[0];
/** The landing bucket (object events on), as opposed to the consumer state bucket. */
const landing = (out: Synthesized) => {
  const buckets = Object.values<any>(out.resources('oci_objectstorage_bucket')).filter((b) => b.object_events_enabled);
  expect(buckets).toHaveLength(1);
  return buckets[0];
};
const stateBucket = (out: Synthesized) => {
  const buckets = Object.values<any>(out.resources('oci_objectstorage_bucket')).filter((b) => !b.object_events_enabled);
  expect(buckets).toHaveLength(1);
  return buckets[0];
};

describe('ClaimCheckPipeline', () => {
  describe('with only the required props', () => {
    const out = pipeline(REQUIRED);

    test('snapshot of the shape, the bundle content hash (checked for format and consistent use) as a placeholder', () => {
      expect(bundleHashes(out.json)).toEqual([{ contentHash: expect.stringMatching(/^[0-9a-f]{64}$/), assetHash: expect.stringMatching(/^[0-9A-F]{32}$/) }]);
      expect(withBundleHashPlaceholders(out.json)).toMatchSnapshot();
    });

    test('creates every part of the pattern exactly once', () => {
      expect(Object.keys(out.resources('oci_objectstorage_bucket'))).toHaveLength(2);
      for (const type of [
        'oci_streaming_stream_pool',
        'oci_streaming_stream',
        'oci_functions_application',
        'oci_functions_function',
        'oci_events_rule',
        'oci_identity_dynamic_group',
        'oci_artifacts_container_repository',
        'docker_image',
        'docker_registry_image',
      ]) {
        expect([type, Object.keys(out.resources(type)).length]).toEqual([type, 1]);
      }
    });

    test('tenancy and region come from the stack variables Resource Manager fills in', () => {
      expect(Object.keys(out.json.variable).sort()).toEqual(['ocir_auth_token', 'ocir_username', 'region', 'tenancy_ocid']);
      expect(out.json.variable.ocir_auth_token.sensitive).toBe(true);
      expect(out.only('oci_identity_dynamic_group').compartment_id).toBe('${var.tenancy_ocid}');
      expect(out.only('docker_image').name).toMatch(/^ocir\.\$\{var\.region\}\.oci\.oraclecloud\.com\//);
    });

    test('the function is configured with the stream it publishes to', () => {
      const stream = logicalId(out, 'oci_streaming_stream');
      expect(out.only('oci_functions_function').config).toEqual({
        OCI_AUTH: 'resource_principal',
        STREAM_ENDPOINT: `\${oci_streaming_stream.${stream}.messages_endpoint}`,
        STREAM_OCID: `\${oci_streaming_stream.${stream}.id}`,
      });
    });

    test('the function runs the image built from the bundled publisher, pinned by digest', () => {
      const fn = out.only('oci_functions_function');
      const pushed = logicalId(out, 'docker_registry_image');
      expect(fn.image).toBe(`\${docker_registry_image.${pushed}.name}`);
      expect(fn.image_digest).toBe(`\${docker_registry_image.${pushed}.sha256_digest}`);
      const image = out.only('docker_image');
      expect(image.build.context).toMatch(/^assets\/Files_Publisher_BuildContext_\w+\/[0-9A-F]+$/);
      expect(image.name).toMatch(/:[0-9a-f]{16}$/);
      expect(image.triggers.contentHash).toMatch(/^[0-9a-f]{64}$/);
      expect(image.name.endsWith(image.triggers.contentHash.slice(0, 16))).toBe(true);
      expect(out.only('oci_artifacts_container_repository')).toMatchObject({ is_public: false, compartment_id: COMPARTMENT });
      // Registry credentials are variables, never literals.
      expect(out.json.provider.docker[0].registry_auth[0]).toMatchObject({ username: '${var.ocir_username}', password: '${var.ocir_auth_token}' });
    });

    test('every policy statement, and nothing broader', () => {
      const stream = logicalId(out, 'oci_streaming_stream');
      const group = logicalId(out, 'oci_identity_dynamic_group');
      expect(out.statements().sort()).toEqual([
        `Allow dynamic-group id \${oci_identity_dynamic_group.${group}.id} to use stream-push in compartment id ${COMPARTMENT} where target.stream.id = '\${oci_streaming_stream.${stream}.id}'`,
        `Allow service cloudEvents to use functions-family in compartment id ${COMPARTMENT}`,
      ]);
      for (const statement of out.statements()) {
        expect(statement).not.toMatch(/all-resources|in tenancy/);
      }
    });

    test('the function dynamic group matches exactly that function', () => {
      const fn = logicalId(out, 'oci_functions_function');
      expect(out.only('oci_identity_dynamic_group').matching_rule).toBe(
        `ALL {resource.type = 'fnfunc', resource.id = '\${oci_functions_function.${fn}.id}'}`,
      );
    });

    test('the consumer state bucket is private, emits no events and is named after the landing bucket', () => {
      expect(stateBucket(out)).toMatchObject({
        name: `${landing(out).name}-consumer-state`,
        access_type: 'NoPublicAccess',
        object_events_enabled: false,
        lifecycle: { prevent_destroy: true },
      });
    });

    test('the rule matches the bucket object events and targets the function', () => {
      const rule = out.only('oci_events_rule');
      const bucketName = landing(out).name;
      expect(bucketName).toMatch(/^test-Files-Bucket-[0-9a-f]{8}$/);
      expect(JSON.parse(rule.condition)).toEqual({
        eventType: ['createobject', 'updateobject', 'deleteobject'].map((t) => `com.oraclecloud.objectstorage.${t}`),
        data: { additionalDetails: { bucketName: [bucketName] } },
      });
      expect(rule.actions.action[0].function_id).toBe(`\${oci_functions_function.${logicalId(out, 'oci_functions_function')}.id}`);
    });

    test('outputs what consumers need', () => {
      const outputs = Object.fromEntries(
        // Stable names (output-names.ts): the pipeline's path as the prefix, no hash.
        Object.entries(out.json.output).map(([k, v]: [string, any]) => [k.replace(/^Files_/, ''), v.value]),
      );
      const stream = logicalId(out, 'oci_streaming_stream');
      const pool = logicalId(out, 'oci_streaming_stream_pool');
      expect(outputs).toEqual({
        BucketName: landing(out).name,
        BucketNamespace: landing(out).namespace,
        ConsumerStateBucketName: stateBucket(out).name,
        StreamId: `\${oci_streaming_stream.${stream}.id}`,
        StreamMessagesEndpoint: `\${oci_streaming_stream.${stream}.messages_endpoint}`,
        KafkaBootstrapServers: `\${oci_streaming_stream_pool.${pool}.kafka_settings[0].bootstrap_servers}`,
        KafkaSaslUsernameFormat: `<tenancyName>/<identityDomainName>/<userName>/\${oci_streaming_stream_pool.${pool}.id}`,
        PublisherFunctionId: `\${oci_functions_function.${logicalId(out, 'oci_functions_function')}.id}`,
        // The consumers' allowedBuckets: every source (here only the pipeline's own bucket).
        SourceBuckets: [{ namespace: landing(out).namespace, bucket: landing(out).name }],
        // Observability, on by default (claim-check-observability.test.ts).
        AlarmTopicId: `\${oci_ons_notification_topic.${logicalId(out, 'oci_ons_notification_topic')}.id}`,
        InvokeLogId: `\${oci_logging_log.${logicalId(out, 'oci_logging_log')}.id}`,
        LogGroupId: `\${oci_logging_log_group.${logicalId(out, 'oci_logging_log_group')}.id}`,
      });
    });
  });

  test('variant: overrides for every part (snapshot + key attributes)', () => {
    const out = pipeline({
      ...WITH_IMAGE,
      tenancyId: TENANCY,
      region: 'eu-frankfurt-1',
      bucketProps: { bucketName: 'invoices', versioning: true, kmsKeyId: KMS_KEY, preventDestroy: false },
      streamPoolProps: { name: 'claims-pool' },
      streamProps: { name: 'claims', partitions: 4, retentionInHours: 72 },
      applicationProps: { displayName: 'claims-app', shape: 'GENERIC_ARM' },
      functionProps: { code: FunctionCode.fromImageUri(IMAGE), memoryInMbs: 512, timeoutInSeconds: 60, config: { LOG_LEVEL: 'debug' } },
      eventTypes: ['createobject'],
      ruleProps: { displayName: 'invoices-created' },
      freeformTags: { app: 'invoices' },
    });
    expect(out.json).toMatchSnapshot();
    expect(landing(out)).toMatchObject({ name: 'invoices', versioning: 'Enabled', kms_key_id: KMS_KEY, freeform_tags: { app: 'invoices' } });
    expect(stateBucket(out)).toMatchObject({ name: 'invoices-consumer-state', freeform_tags: { app: 'invoices' } });
    expect(out.only('oci_streaming_stream')).toMatchObject({ name: 'claims', partitions: 4, retention_in_hours: 72 });
    expect(out.only('oci_functions_application')).toMatchObject({ display_name: 'claims-app', shape: 'GENERIC_ARM' });
    expect(out.only('oci_functions_function')).toMatchObject({ image: IMAGE, memory_in_mbs: '512', timeout_in_seconds: 60 });
    expect(out.only('oci_functions_function').config.LOG_LEVEL).toBe('debug');
    expect(JSON.parse(out.only('oci_events_rule').condition).eventType).toEqual(['com.oraclecloud.objectstorage.createobject']);
    expect(out.resources('docker_image')).toEqual({});
    expect(out.json.variable).toBeUndefined();
    expect(out.statements()).toContain(
      `Allow service objectstorage-eu-frankfurt-1 to use keys in compartment id ${COMPARTMENT} where target.key.id = '${KMS_KEY}'`,
    );
    expect(out.only('oci_identity_dynamic_group').compartment_id).toBe(TENANCY);
  });

  test('variant: existing bucket, stream and application (snapshot): nothing of theirs is created', () => {
    const out = pipeline((stack) => ({
      ...WITH_IMAGE,
      tenancyId: TENANCY,
      existingBucket: Bucket.fromBucketAttributes(stack, 'Landing', { bucketName: 'legacy-landing', namespace: 'ns', compartmentId: COMPARTMENT }),
      existingStream: Stream.fromStreamAttributes(stack, 'Claims', {
        streamId: 'ocid1.stream.oc1.iad.aaaaaaaaexisting',
        compartmentId: COMPARTMENT,
        messagesEndpoint: 'https://cell-1.streaming.us-ashburn-1.oci.oraclecloud.com',
      }),
      existingApplication: FunctionsApplication.fromApplicationAttributes(stack, 'App', {
        applicationId: 'ocid1.fnapp.oc1.iad.aaaaaaaaexisting',
        compartmentId: COMPARTMENT,
      }),
      region: 'us-ashburn-1',
    }));
    expect(out.json).toMatchSnapshot();
    expect(stateBucket(out).name).toBe('legacy-landing-consumer-state');
    for (const type of ['oci_streaming_stream', 'oci_streaming_stream_pool', 'oci_functions_application']) {
      expect([type, out.resources(type)]).toEqual([type, {}]);
    }
    expect(out.only('oci_functions_function')).toMatchObject({
      application_id: 'ocid1.fnapp.oc1.iad.aaaaaaaaexisting',
      config: { STREAM_OCID: 'ocid1.stream.oc1.iad.aaaaaaaaexisting', STREAM_ENDPOINT: 'https://cell-1.streaming.us-ashburn-1.oci.oraclecloud.com' },
    });
    expect(JSON.parse(out.only('oci_events_rule').condition).data.additionalDetails.bucketName).toEqual(['legacy-landing']);
    const outputs = Object.entries(out.json.output).map(([k, v]: [string, any]) => [k.replace(/^Files_/, ''), v.value]);
    expect(outputs).toContainEqual(['KafkaBootstrapServers', 'streaming.us-ashburn-1.oci.oraclecloud.com:9092']);
  });

  test('variant: existing stream pool gets a new stream', () => {
    const out = pipeline((stack) => ({
      ...WITH_IMAGE,
      existingStreamPool: StreamPool.fromStreamPoolAttributes(stack, 'Pool', {
        streamPoolId: 'ocid1.streampool.oc1.iad.aaaaaaaapool',
        compartmentId: COMPARTMENT,
      }),
    }));
    expect(out.resources('oci_streaming_stream_pool')).toEqual({});
    expect(out.only('oci_streaming_stream').stream_pool_id).toBe('ocid1.streampool.oc1.iad.aaaaaaaapool');
  });

  test('without the consumer state bucket there is only the landing bucket', () => {
    const out = pipeline({ ...WITH_IMAGE, createConsumerStateBucket: false });
    expect(Object.keys(out.resources('oci_objectstorage_bucket'))).toHaveLength(1);
    expect(Object.keys(out.json.output).some((k) => k.includes('ConsumerStateBucketName'))).toBe(false);
  });

  test('grantConsume gives read on the bucket, pull on the stream and its own state bucket, nothing else', () => {
    let consumers!: Principal;
    const out = synth((stack) => {
      const p = new ClaimCheckPipeline(stack, 'Files', { ...WITH_IMAGE, bucketProps: { bucketName: 'landing' } });
      consumers = Principal.fromDynamicGroupId(stack, 'Fleet', 'ocid1.dynamicgroup.oc1..aaaaaaaafleet');
      p.grantConsume(consumers);
    });
    const stream = logicalId(out, 'oci_streaming_stream');
    const fleet = out.statements().filter((s) => s.includes('aaaaaaaafleet'));
    expect(fleet.sort()).toEqual([
      `Allow dynamic-group id ocid1.dynamicgroup.oc1..aaaaaaaafleet to manage objects in compartment id ${COMPARTMENT} where all {target.bucket.name = 'landing-consumer-state', any {request.permission = 'OBJECT_CREATE', request.permission = 'OBJECT_OVERWRITE', request.permission = 'OBJECT_INSPECT'}}`,
      `Allow dynamic-group id ocid1.dynamicgroup.oc1..aaaaaaaafleet to read objects in compartment id ${COMPARTMENT} where target.bucket.name = 'landing'`,
      `Allow dynamic-group id ocid1.dynamicgroup.oc1..aaaaaaaafleet to read objects in compartment id ${COMPARTMENT} where target.bucket.name = 'landing-consumer-state'`,
      `Allow dynamic-group id ocid1.dynamicgroup.oc1..aaaaaaaafleet to use stream-pull in compartment id ${COMPARTMENT} where target.stream.id = '\${oci_streaming_stream.${stream}.id}'`,
    ]);
  });

  test('two pipelines in one stack do not collide', () => {
    const out = synth((stack) => {
      new ClaimCheckPipeline(stack, 'Invoices', WITH_IMAGE);
      new ClaimCheckPipeline(stack, 'Receipts', WITH_IMAGE);
    });
    const names = (type: string, attr: string) => Object.values(out.resources(type)).map((r: any) => r[attr]);
    for (const [type, attr] of [
      ['oci_objectstorage_bucket', 'name'],
      ['oci_identity_dynamic_group', 'name'],
      ['oci_identity_policy', 'name'],
      ['oci_streaming_stream', 'name'],
    ]) {
      const all = names(type, attr);
      expect(new Set(all).size).toBe(all.length);
    }
    expect(Object.keys(out.json.data.oci_objectstorage_namespace)).toHaveLength(1);
  });

  describe('invalid props throw at construction, naming the prop', () => {
    const existingBucket = (scope: any) => Bucket.fromBucketAttributes(scope, 'B', { bucketName: 'b', namespace: 'n', compartmentId: COMPARTMENT });
    test.each<[string, (scope: any) => Partial<ClaimCheckPipelineProps>, RegExp]>([
      ['bad compartment', () => ({ compartmentId: 'my-compartment' }), /Invalid ClaimCheckPipeline props at test\/Files:\n  - compartmentId "my-compartment": must be an OCID of type compartment or tenancy/],
      ['empty subnet list', () => ({ subnetIds: [] }), /subnetIds \[\]: must list at least one subnet OCID/],
      ['bad subnet', () => ({ subnetIds: [SUBNET, 'ocid1.vcn.oc1.iad.abc'] }), /subnetIds\[1\] "ocid1\.vcn\.oc1\.iad\.abc": must be an OCID of type subnet/],
      ['bad tenancy', () => ({ tenancyId: COMPARTMENT }), /tenancyId "ocid1\.compartment[^"]*": must be an OCID of type tenancy/],
      ['bad region', () => ({ region: 'Ashburn' }), /region "Ashburn": must be a region identifier such as us-ashburn-1/],
      ['unknown event type', () => ({ eventTypes: ['createobject', 'renameobject' as any] }), /eventTypes "renameobject": must be one of createobject, updateobject, deleteobject/],
      ['existing bucket + bucket props', (s) => ({ existingBucket: existingBucket(s), bucketProps: { versioning: true } }), /existingBucket \+ bucketProps: give one or the other, not both/],
      ['existing stream + stream props', (s) => ({ existingStream: Stream.fromStreamAttributes(s, 'S', { streamId: 'ocid1.stream.oc1.iad.a', compartmentId: COMPARTMENT, messagesEndpoint: 'https://x' }), streamProps: { partitions: 2 } }), /existingStream \+ streamProps: give one or the other/],
      ['existing application + application props', (s) => ({ existingApplication: FunctionsApplication.fromApplicationAttributes(s, 'A', { applicationId: 'ocid1.fnapp.oc1.iad.a', compartmentId: COMPARTMENT }), applicationProps: { shape: 'GENERIC_ARM' } }), /existingApplication \+ applicationProps/],
      ['partitions out of range', () => ({ streamProps: { partitions: 100 } }), /Invalid ClaimCheckPipeline props at test\/Files:\n  - streamProps\.partitions 100: must be an integer from 1 to 50/],
      ['retention out of range', () => ({ streamProps: { retentionInHours: 200 } }), /retentionInHours 200: must be an integer from 24 to 168/],
      ['bad bucket name', () => ({ bucketProps: { bucketName: 'my bucket!' } }), /bucketName "my bucket!": must be 1-256 letters/],
      ['memory not allowed', () => ({ functionProps: { code: FunctionCode.fromImageUri(IMAGE), memoryInMbs: 100 } }), /memoryInMbs 100: must be one of 128, 256/],
      ['timeout too long', () => ({ functionProps: { code: FunctionCode.fromImageUri(IMAGE), timeoutInSeconds: 900 } }), /timeoutInSeconds 900: must be an integer from 1 to 300/],
    ])('%s', (_name, props, message) => {
      const scope = newScope();
      expect(() => new ClaimCheckPipeline(scope, 'Files', { ...WITH_IMAGE, ...props(scope) } as ClaimCheckPipelineProps)).toThrow(message);
    });

    test('several problems are reported together', () => {
      expect(() => new ClaimCheckPipeline(newScope(), 'Files', { compartmentId: 'x', subnetIds: [] })).toThrow(
        /compartmentId "x": .*\n  - subnetIds \[\]: /,
      );
    });
  });
});
