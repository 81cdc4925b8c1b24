import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Testing, TerraformStack, TerraformVariable } from 'cdktf';
import { Bucket, ClaimCheckPipeline, ClaimCheckPipelineProps, oci } from '../../lib';
import { ClaimCheckSampleStack, sampleInputsFromEnv } from '../../lib/sample/claim-check-sample-stack';
import { LOCAL_FALLBACK_COMPARTMENT, pipelinesInStack, readStackTopology } from '../../lib/local/stack-topology';
import { matchesCondition, objectEvent } from '../../lib/emulators/events';

describe('readStackTopology', () => {
  const json = JSON.parse(Testing.synth(new ClaimCheckSampleStack(Testing.app(), 'sample', sampleInputsFromEnv({ CLAIMCHECK_PARTITIONS: '3', CLAIMCHECK_BUCKET_NAME: 'uploads' }))));

  test('reads bucket, partitions, rule condition and function config from the synthesized sample stack', () => {
    const topology = readStackTopology(json);
    expect(topology).toMatchObject({ bucketName: 'uploads', partitions: 3, retentionInHours: 24, functionMemoryMb: 256, functionTimeoutSeconds: 30 });
    // Testing.synth drops the `//` metadata: the pipeline is named from its logical ids.
    expect(topology).toMatchObject({ stackName: undefined, pipelinePath: 'Files', stateBucketName: 'uploads-consumer-state' });
    expect(topology.otherBucketNames).toEqual(['uploads-consumer-state']);
    expect(topology.rules).toHaveLength(1);
    expect(Object.keys(topology.functionConfig).sort()).toEqual(['OCI_AUTH', 'STREAM_ENDPOINT', 'STREAM_OCID']);
    const event = objectEvent({ type: 'createobject', namespace: 'n', bucket: 'uploads', object: 'x', etag: 'e', time: new Date() }, { compartmentId: topology.compartmentId });
    expect(matchesCondition(event, topology.rules[0].condition)).toBe(true);
  });

  test('the compartment is the value the stack was synthesized with, not the reference to its variable', () => {
    const compartment = 'ocid1.compartment.oc1..aaaaaaaalocalcircuit';
    const stack = new ClaimCheckSampleStack(Testing.app(), 'sample', sampleInputsFromEnv({ OCI_COMPARTMENT_OCID: compartment }));
    const synthesized = JSON.parse(Testing.synth(stack));
    expect(Object.values<any>(synthesized.resource.oci_objectstorage_bucket)[0].compartment_id).toBe('${var.compartment_ocid}');
    expect(readStackTopology(synthesized).compartmentId).toBe(compartment);
    expect(readStackTopology(json).compartmentId).toBe(sampleInputsFromEnv({}).compartmentId);
  });

  test('a stack with several sources and an object filter: every source bucket, each rule\'s condition, the function\'s filter', () => {
    const inputs = sampleInputsFromEnv({ CLAIMCHECK_BUCKET_NAME: 'uploads', CLAIMCHECK_OBJECT_FILTERS: '{"include":[{"prefix":"in/"}]}' });
    const stack = new ClaimCheckSampleStack(Testing.app(), 'sample', inputs);
    stack.pipeline.addSource(Bucket.fromBucketAttributes(stack, 'PartnerBucket', { bucketName: 'partner-drop', namespace: 'ns', compartmentId: inputs.compartmentId }));
    const topology = readStackTopology(JSON.parse(Testing.synth(stack)));
    expect(topology.bucketName).toBe('uploads');
    expect(topology.sourceBucketNames).toEqual(['uploads', 'partner-drop']);
    expect(topology.rules).toHaveLength(2);
    const event = (bucket: string, object: string) => objectEvent({ type: 'createobject', namespace: 'n', bucket, object, etag: 'e', time: new Date() }, { compartmentId: topology.compartmentId });
    const matched = (bucket: string, object: string) => topology.rules.filter((r) => matchesCondition(event(bucket, object), r.condition)).length;
    expect([matched('uploads', 'in/a'), matched('uploads', 'out/a'), matched('partner-drop', 'out/a'), matched('elsewhere', 'in/a')]).toEqual([1, 0, 1, 0]);
    expect(JSON.parse(topology.functionConfig.OBJECT_FILTERS)).toEqual({ uploads: { include: [{ prefix: 'in/' }] } });
  });

  test('names what is missing', () => {
    expect(() => readStackTopology({ resource: {} })).toThrow(/no ClaimCheckPipeline for the local circuit: no oci_functions_function is configured as its publisher/);
    const noRule = JSON.parse(JSON.stringify(json));
    delete noRule.resource.oci_events_rule;
    expect(() => readStackTopology(noRule)).toThrow('No enabled oci_events_rule with a FAAS action invokes the function of the pipeline Files');
    const noStream = JSON.parse(JSON.stringify(json));
    delete noStream.resource.oci_streaming_stream;
    expect(() => readStackTopology(noStream)).toThrow(/The stream of the pipeline Files is not created in this stack \(STREAM_OCID = "\$\{oci_streaming_stream\./);
  });
});

describe('readStackTopology on stacks a team writes', () => {
  const COMPARTMENT = 'ocid1.compartment.oc1..aaaaaaaateamcompartment';
  const props = (overrides: Partial<ClaimCheckPipelineProps> = {}): ClaimCheckPipelineProps => ({
    compartmentId: COMPARTMENT,
    subnetIds: ['ocid1.subnet.oc1.eu-frankfurt-1.aaaaaaaateamsubnet'],
    tenancyId: 'ocid1.tenancy.oc1..aaaaaaaateamtenancy',
    region: 'eu-frankfurt-1',
    observability: false,
    ...overrides,
  });
  /** Synthesized as `cdktf synth` does (with the `//` metadata: stack name, construct paths). */
  const synth = (build: (stack: TerraformStack) => void) => {
    const outdir = mkdtempSync(join(tmpdir(), 'stack-topology-'));
    try {
      const app = new App({ outdir });
      const stack = new TerraformStack(app, 'team');
      new oci.provider.OciProvider(stack, 'oci', { region: 'eu-frankfurt-1' });
      build(stack);
      app.synth();
      return JSON.parse(readFileSync(join(outdir, 'stacks', 'team', 'cdk.tf.json'), 'utf8'));
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  };

  test('several pipelines in one stack: each is named, --pipeline picks one, without it the error lists them', () => {
    const json = synth((stack) => {
      new ClaimCheckPipeline(stack, 'Invoices', props({ bucketProps: { bucketName: 'team-invoices' }, streamProps: { partitions: 3 } }));
      new ClaimCheckPipeline(stack, 'Reports', props({ bucketProps: { bucketName: 'team-reports' }, streamProps: { partitions: 1 } }));
    });
    expect(pipelinesInStack(json).map((p) => [p.id, p.path])).toEqual([
      ['Invoices', 'team/Invoices'],
      ['Reports', 'team/Reports'],
    ]);
    expect(() => readStackTopology(json)).toThrow('The stack team has 2 ClaimCheckPipelines (Invoices, Reports); the local circuit runs one: pick it with --pipeline ID');
    const reports = readStackTopology(json, { pipeline: 'Reports' });
    expect(reports).toMatchObject({ pipelinePath: 'team/Reports', bucketName: 'team-reports', partitions: 1, stateBucketName: 'team-reports-consumer-state', compartmentId: COMPARTMENT });
    expect(reports.sourceBucketNames).toEqual(['team-reports']);
    expect(reports.rules).toHaveLength(1);
    // The other pipeline's buckets are created empty, not watched.
    expect([...reports.otherBucketNames].sort()).toEqual(['team-invoices', 'team-invoices-consumer-state', 'team-reports-consumer-state']);
    expect(readStackTopology(json, { pipeline: 'team/Invoices' })).toMatchObject({ bucketName: 'team-invoices', partitions: 3 });
    expect(() => readStackTopology(json, { pipeline: 'Payroll' })).toThrow('The stack team has no ClaimCheckPipeline "Payroll" (it has: Invoices, Reports)');
  });

  test('a bucket name that is a Terraform reference is named; a variable with a default reads as its default', () => {
    const withoutDefault = synth((stack) => {
      const name = new TerraformVariable(stack, 'bucket_name', { type: 'string' });
      new ClaimCheckPipeline(stack, 'Files', props({ bucketProps: { bucketName: name.stringValue } }));
    });
    expect(() => readStackTopology(withoutDefault)).toThrow(/The Events rule team\/Files\/Rule\/Resource of the pipeline Files has a Terraform reference in its condition \(\$\{var\.bucket_name\}\)/);
    const withDefault = synth((stack) => {
      const name = new TerraformVariable(stack, 'bucket_name', { type: 'string', default: 'from-a-variable' });
      new ClaimCheckPipeline(stack, 'Files', props({ bucketProps: { bucketName: name.stringValue } }));
    });
    expect(readStackTopology(withDefault)).toMatchObject({ bucketName: 'from-a-variable', stateBucketName: 'from-a-variable-consumer-state' });
  });

  test('an existing bucket (not a resource of the stack) is the landing bucket its rule names', () => {
    const json = synth((stack) => {
      const existingBucket = Bucket.fromBucketAttributes(stack, 'Existing', { bucketName: 'already-there', namespace: 'ns', compartmentId: COMPARTMENT });
      new ClaimCheckPipeline(stack, 'Files', props({ existingBucket, createConsumerStateBucket: false }));
    });
    const topology = readStackTopology(json);
    expect(topology).toMatchObject({ bucketName: 'already-there', sourceBucketNames: ['already-there'], stateBucketName: undefined, otherBucketNames: [] });
  });

  test('a compartment that is not a literal: the circuit uses a local one', () => {
    const json = synth((stack) => {
      const compartment = new TerraformVariable(stack, 'compartment', { type: 'string' });
      new ClaimCheckPipeline(stack, 'Files', props({ compartmentId: compartment.stringValue, realmDomain: 'oraclecloud.com', bucketProps: { bucketName: 'b' } }));
    });
    expect(readStackTopology(json).compartmentId).toBe(LOCAL_FALLBACK_COMPARTMENT);
  });
});
