import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectCacheRoot } from '../../lib/bundling/build-context-cache';
import { CONSUMER_CONFIG_KEYS } from '../../lib/contract/consumer-config';
import {
  ClaimCheckPipeline,
  ClaimCheckServerlessConsumer,
  ClaimCheckServerlessConsumerProps,
  ClaimCheckSource,
  FunctionCode,
  FunctionsApplication,
  ValidationError,
} from '../../lib';
import { withBundleHashPlaceholders } from '../helpers/bundle-hash';
import { COMPARTMENT, IMAGE, newScope, SUBNET, synth, Synthesized, TENANCY } from '../helpers/synth';

const HANDLER = join(__dirname, '..', '..', 'examples', 'handlers', 'record-size-and-sha256.ts');
const OTHER_COMPARTMENT = 'ocid1.compartment.oc1..aaaaaaaaconsumercompartment0000000000000000000000000000000';

function serverlessStack(props: Partial<ClaimCheckServerlessConsumerProps> = {}): { out: Synthesized; consumer: ClaimCheckServerlessConsumer } {
  let consumer!: ClaimCheckServerlessConsumer;
  const out = synth((stack) => {
    const pipeline = new ClaimCheckPipeline(stack, 'Files', { compartmentId: COMPARTMENT, subnetIds: [SUBNET], tenancyId: TENANCY, functionProps: { code: FunctionCode.fromImageUri(IMAGE) } });
    consumer = new ClaimCheckServerlessConsumer(stack, 'Serverless', { pipeline, consumerName: 'recorder', handlerEntry: HANDLER, ...props });
  });
  return { out, consumer };
}

const entries = (out: Synthesized, type: string) => Object.entries<any>(out.resources(type));
const one = (out: Synthesized, type: string, match: (id: string, r: any) => boolean) => {
  const found = entries(out, type).filter(([id, r]) => match(id, r));
  expect(found).toHaveLength(1);
  return found[0];
};

describe('ClaimCheckServerlessConsumer', () => {
  describe('with only the required props', () => {
    const { out, consumer } = serverlessStack();
    const [streamId] = one(out, 'oci_streaming_stream', () => true);
    const [fnId, fn] = one(out, 'oci_functions_function', (id) => id.startsWith('Serverless'));
    const [, landing] = one(out, 'oci_objectstorage_bucket', (_, b) => b.object_events_enabled === true);
    const [, state] = one(out, 'oci_objectstorage_bucket', (_, b) => b.object_events_enabled !== true);

    test('snapshot of the shape (bundle hashes as placeholders)', () => {
      expect(withBundleHashPlaceholders(out.json)).toMatchSnapshot();
    });

    test('a service connector from the stream to the function, starting at the oldest retained claim', () => {
      const [, connector] = one(out, 'oci_sch_service_connector', () => true);
      expect(connector.source).toEqual({ kind: 'streaming', stream_id: `\${oci_streaming_stream.${streamId}.id}`, cursor: { kind: 'TRIM_HORIZON' } });
      expect(connector.target).toEqual({ kind: 'functions', function_id: `\${oci_functions_function.${fnId}.id}` });
      expect(connector.compartment_id).toBe(COMPARTMENT);
    });

    test("the function joins the pipeline's application, 512 MB, 300 s, its config wired from the pipeline", () => {
      const [appId] = one(out, 'oci_functions_application', () => true);
      const K = CONSUMER_CONFIG_KEYS;
      expect(fn.application_id).toBe(`\${oci_functions_application.${appId}.id}`);
      expect(fn.memory_in_mbs).toBe('512');
      expect(fn.timeout_in_seconds).toBe(300);
      expect(fn.config).toEqual({
        [K.bucketNamespace]: '${data.oci_objectstorage_namespace.ObjectStorageNamespace.namespace}',
        [K.bucketName]: landing.name,
        [K.moreBuckets]: '[]',
        [K.stateBucketNamespace]: '${data.oci_objectstorage_namespace.ObjectStorageNamespace.namespace}',
        [K.stateBucketName]: state.name,
        [K.groupName]: 'recorder',
        [K.auth]: 'resource_principal',
        [K.streamId]: `\${oci_streaming_stream.${streamId}.id}`,
        [K.dedupe]: 'none',
      });
    });

    test("Connector Hub's policies (oci-operations-facts §4): read this stream, use fn-function and fn-invocation, only as a connector of this compartment", () => {
      const fromConnector = `request.principal.type = 'serviceconnector'`;
      const inCompartment = `request.principal.compartment.id = '${COMPARTMENT}'`;
      expect(consumer.connectorPolicies).toHaveLength(2);
      expect(out.statements().filter((s) => s.startsWith('Allow any-user'))).toEqual([
        `Allow any-user to {STREAM_READ, STREAM_CONSUME} in compartment id ${COMPARTMENT} where all {${fromConnector}, target.stream.id = '\${oci_streaming_stream.${streamId}.id}', ${inCompartment}}`,
        `Allow any-user to use fn-function in compartment id ${COMPARTMENT} where all {${fromConnector}, ${inCompartment}}`,
        `Allow any-user to use fn-invocation in compartment id ${COMPARTMENT} where all {${fromConnector}, ${inCompartment}}`,
      ]);
      const [, connector] = one(out, 'oci_sch_service_connector', () => true);
      const policyIds = entries(out, 'oci_identity_policy').filter(([, p]) => p.statements.some((s: string) => s.startsWith('Allow any-user'))).map(([id]) => `oci_identity_policy.${id}`);
      expect(connector.depends_on.sort()).toEqual(policyIds.sort());
    });

    test('the function reads the bucket and reads/writes the state bucket; nothing on the stream (the connector reads it)', () => {
      const [groupId, group] = one(out, 'oci_identity_dynamic_group', (id) => id.startsWith('Serverless'));
      expect(group.matching_rule).toBe(`ALL {resource.type = 'fnfunc', resource.id = '\${oci_functions_function.${fnId}.id}'}`);
      const mine = out.statements().filter((s) => s.includes(`oci_identity_dynamic_group.${groupId}.id`));
      expect(mine).toHaveLength(3);
      expect(mine.some((s) => s.includes('stream'))).toBe(false);
      expect(mine[0]).toContain(`to read objects in compartment id ${COMPARTMENT} where target.bucket.name = '${landing.name}'`);
    });

    test('the function image: the handler bundled with the serverless entry, built like the publisher (func.js, func.yaml)', () => {
      const image = Object.values<any>(out.resources('docker_image')).find((i) => String(i.build.context).includes('Serverless'));
      const dir = join(projectCacheRoot()!, image.triggers.contentHash);
      expect(readdirSync(dir).sort()).toEqual(['Dockerfile', 'func.js', 'func.yaml', 'start.cjs']);
      expect(readFileSync(join(dir, 'func.js'), 'utf8')).toContain('claim-consumer-serverless');
    });
  });

  test('batch size and time, cursor, attempts, concurrency, markers, own application and compartment', () => {
    const out = synth((stack) => {
      const source = ClaimCheckSource.fromAttributes(stack, 'Source', {
        stream: { streamId: 'ocid1.stream.oc1.iad.aaaaaaaaexisting', compartmentId: COMPARTMENT, messagesEndpoint: 'https://cell-1.streaming.us-ashburn-1.oci.oraclecloud.com' },
        bucket: { bucketName: 'landing', namespace: 'ns', compartmentId: COMPARTMENT },
        consumerStateBucket: { bucketName: 'landing-consumer-state', namespace: 'ns', compartmentId: COMPARTMENT },
      });
      const application = new FunctionsApplication(stack, 'App', { compartmentId: OTHER_COMPARTMENT, subnetIds: [SUBNET] });
      new ClaimCheckServerlessConsumer(stack, 'Serverless', {
        pipeline: source,
        application,
        consumerName: 'recorder',
        handlerEntry: HANDLER,
        batchSizeInKbs: 512,
        batchTimeInSec: 10,
        cursor: 'LATEST',
        maxAttempts: 3,
        concurrency: 2,
        dedupeMarkers: true,
        tenancyId: TENANCY,
        region: 'us-phoenix-1',
      });
    });
    const [, connector] = one(out, 'oci_sch_service_connector', () => true);
    expect(connector.compartment_id).toBe(OTHER_COMPARTMENT);
    expect(connector.source.cursor).toEqual({ kind: 'LATEST' });
    expect(connector.target).toMatchObject({ kind: 'functions', batch_size_in_kbs: 512, batch_time_in_sec: 10 });
    expect(connector.target.batch_size_in_num).toBeUndefined();
    const [, fn] = one(out, 'oci_functions_function', () => true);
    expect(fn.config).toMatchObject({ [CONSUMER_CONFIG_KEYS.maxAttempts]: '3', [CONSUMER_CONFIG_KEYS.concurrency]: '2', [CONSUMER_CONFIG_KEYS.dedupe]: 'markers' });
    // The stream is in the pipeline's compartment, the connector in the application's: each policy names its own.
    const anyUser = out.statements().filter((s) => s.startsWith('Allow any-user'));
    expect(anyUser[0]).toMatch(new RegExp(`^Allow any-user to \\{STREAM_READ, STREAM_CONSUME\\} in compartment id ${COMPARTMENT} where all \\{.*request\\.principal\\.compartment\\.id = '${OTHER_COMPARTMENT}'\\}$`));
    expect(anyUser.slice(1).every((s) => s.includes(`in compartment id ${OTHER_COMPARTMENT}`))).toBe(true);
  });

  test('createConnectorPolicies: false writes none (the connector then depends on nothing)', () => {
    const { out, consumer } = serverlessStack({ createConnectorPolicies: false });
    expect(consumer.connectorPolicies).toEqual([]);
    expect(out.statements().filter((s) => s.startsWith('Allow any-user'))).toEqual([]);
    expect(one(out, 'oci_sch_service_connector', () => true)[1].depends_on).toBeUndefined();
  });

  describe('validation: every problem named at once', () => {
    const problems = (props: Partial<ClaimCheckServerlessConsumerProps>, attributes = false): string[] => {
      try {
        const scope = newScope();
        const pipeline = attributes
          ? ClaimCheckSource.fromAttributes(scope, 'Source', {
              stream: { streamId: 'ocid1.stream.oc1.iad.aaaaaaaaexisting', compartmentId: COMPARTMENT, messagesEndpoint: 'https://cell-1.streaming.us-ashburn-1.oci.oraclecloud.com' },
              bucket: { bucketName: 'landing', namespace: 'ns', compartmentId: COMPARTMENT },
            })
          : new ClaimCheckPipeline(scope, 'Files', { compartmentId: COMPARTMENT, subnetIds: [SUBNET], functionProps: { code: FunctionCode.fromImageUri(IMAGE) } });
        new ClaimCheckServerlessConsumer(scope, 'Serverless', { pipeline, consumerName: 'recorder', handlerEntry: HANDLER, ...props } as ClaimCheckServerlessConsumerProps);
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        return (error as ValidationError).problems.map((p) => p.message);
      }
      throw new Error('expected a ValidationError');
    };

    test('bad values are reported together', () => {
      expect(
        problems({
          consumerName: '',
          batchSizeInNum: 20_000,
          batchSizeInKbs: 8_000,
          batchTimeInSec: 0,
          cursor: 'AT_TIME' as never,
          maxAttempts: 0,
          functionProps: { memoryInMbs: 300, timeoutInSeconds: 900 },
          compartmentId: 'compartment',
        }),
      ).toEqual([
        expect.stringMatching(/^consumerName "": must be 1 to 255 letters/),
        'functionProps.memoryInMbs 300: must be one of 128, 256, 512, 1024, 2048, 3072',
        'functionProps.timeoutInSeconds 900: must be an integer from 1 to 300',
        'batchSizeInNum + batchSizeInKbs: give one or the other, not both: a Functions target takes one batch size (provider docs, oci_sch_service_connector `target`)',
        'batchSizeInNum 20000: must be an integer from 1 to 10000 (GetMessages returns at most 10000)',
        'batchSizeInKbs 8000: must be an integer from 1 to 6144 (an invocation carries at most 6 MB)',
        'batchTimeInSec 0: must be a whole number of seconds, at least 1',
        'cursor "AT_TIME": must be one of TRIM_HORIZON, LATEST',
        'maxAttempts 0: must be an integer from 1 to 100',
        expect.stringMatching(/^compartmentId "compartment": must be an OCID/),
      ]);
    });

    test('a source without an application or a state bucket needs them given', () => {
      expect(problems({}, true)).toEqual([
        'stateBucket: is required: the pipeline has no consumer state bucket (createConsumerStateBucket: false); give one for dead letters and dedupe records',
        'application: is required: the pipeline has no Functions application to join (ClaimCheckSource.fromAttributes without `application`)',
      ]);
    });
  });
});
