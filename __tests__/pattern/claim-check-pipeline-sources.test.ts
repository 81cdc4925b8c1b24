/**
 * Which files become claims: object filters (in the rule condition where OCI can express them, in the function's
 * OBJECT_FILTERS for the rest) and several source buckets per pipeline, with the policies, outputs and warnings
 * that go with them. Every stack is validated against the provider schema by `synth`.
 */
import { join } from 'node:path';
import { Testing } from 'cdktf';
import { Bucket, ClaimCheckConsumerFleet, ClaimCheckPipeline, FunctionCode, Principal } from '../../lib';
import { COMPARTMENT, IMAGE, newScope, SUBNET, synth } from '../helpers/synth';

const PROPS = { compartmentId: COMPARTMENT, subnetIds: [SUBNET], functionProps: { code: FunctionCode.fromImageUri(IMAGE) }, observability: false as const };
const CONSUMERS = 'ocid1.dynamicgroup.oc1..aaaaaaaaconsumers';

const rules = (out: ReturnType<typeof synth>) => Object.values<any>(out.resources('oci_events_rule')).map((r) => ({ ...r, condition: JSON.parse(r.condition) }));
const functionConfig = (out: ReturnType<typeof synth>) => out.only('oci_functions_function').config as Record<string, string> | undefined;

describe('objectFilters', () => {
  test.each([
    ['prefix', { include: [{ prefix: 'incoming/' }] }, ['incoming/*']],
    ['suffix', { include: [{ suffix: '.csv' }] }, ['*.csv']],
    ['prefix and suffix', { include: [{ prefix: 'incoming/', suffix: '.csv' }] }, ['incoming/*.csv']],
    ['several includes (OR)', { include: [{ prefix: 'a/' }, { suffix: '.json' }, { wildcard: 'b/*/c-*.xml' }] }, ['a/*', '*.json', 'b/*/c-*.xml']],
  ])('%s: the includes become the rule condition; the function gets the filter too', (_name, filter, patterns) => {
    const out = synth((stack) => new ClaimCheckPipeline(stack, 'Files', { ...PROPS, objectFilters: filter }));
    const [rule] = rules(out);
    expect(rule.condition.data.resourceName).toEqual(patterns);
    expect(rule.condition.data.additionalDetails.bucketName).toHaveLength(1);
    const bucket = rule.condition.data.additionalDetails.bucketName[0];
    expect(JSON.parse(functionConfig(out)!.OBJECT_FILTERS)).toEqual({ [bucket]: filter });
  });

  test('excludes cannot be expressed in a condition (no NOT): only the function applies them', () => {
    const filter = { exclude: [{ suffix: '.tmp' }, { prefix: 'processed/' }] };
    const out = synth((stack) => new ClaimCheckPipeline(stack, 'Files', { ...PROPS, objectFilters: filter }));
    const [rule] = rules(out);
    expect(rule.condition.data).not.toHaveProperty('resourceName');
    expect(Object.values(JSON.parse(functionConfig(out)!.OBJECT_FILTERS))).toEqual([filter]);
  });

  test('no filter: no resourceName in the condition and no OBJECT_FILTERS', () => {
    const out = synth((stack) => new ClaimCheckPipeline(stack, 'Files', PROPS));
    expect(rules(out)[0].condition.data).not.toHaveProperty('resourceName');
    expect(functionConfig(out)).not.toHaveProperty('OBJECT_FILTERS');
  });

  test('a bad filter is named among the pipeline\'s problems', () => {
    expect(() => new ClaimCheckPipeline(newScope(), 'Files', { ...PROPS, objectFilters: { include: [{}], exclude: [{ prefix: 'a', wildcard: 'b*' }] } })).toThrow(
      /objectFilters\.include\[0\]: give a prefix, a suffix or a wildcard[\s\S]*objectFilters\.exclude\[0\]: give either wildcard or prefix\/suffix, not both/,
    );
  });
});

describe('addSource', () => {
  function threeSources(grantFirst = false) {
    return synth((stack) => {
      const pipeline = new ClaimCheckPipeline(stack, 'Files', { ...PROPS, objectFilters: { include: [{ prefix: 'incoming/' }] } });
      if (grantFirst) pipeline.grantConsume(Principal.fromDynamicGroupId(stack, 'Consumers', CONSUMERS));
      const partner = new Bucket(stack, 'PartnerBucket', { compartmentId: COMPARTMENT, bucketName: 'partner-drop', namespace: 'testns' });
      const imported = Bucket.fromBucketAttributes(stack, 'EuBucket', { bucketName: 'eu-landing', namespace: 'testns', compartmentId: 'ocid1.compartment.oc1..aaaaaaaaeu' });
      pipeline.addSource(partner, { eventTypes: ['createobject'], objectFilters: { exclude: [{ suffix: '.part' }] } });
      pipeline.addSource(imported);
      if (!grantFirst) pipeline.grantConsume(Principal.fromDynamicGroupId(stack, 'Consumers', CONSUMERS));
    });
  }

  test.each([['granted after the sources were added', false], ['granted before (later sources are granted when added)', true]])(
    'three sources, one stream: a rule each, one invoke policy, filters per bucket, consumers read every source (%s)',
    (_name, grantFirst) => {
      const out = threeSources(grantFirst);
      const byBucket = Object.fromEntries(rules(out).map((r) => [r.condition.data.additionalDetails.bucketName[0], r]));
      expect(Object.keys(byBucket)).toHaveLength(3);
      expect(Object.keys(byBucket)).toEqual(expect.arrayContaining([expect.stringMatching(/Files-Bucket/), 'eu-landing', 'partner-drop']));
      expect(byBucket['partner-drop'].condition.eventType).toEqual(['com.oraclecloud.objectstorage.createobject']);
      expect(byBucket['partner-drop'].condition.data).not.toHaveProperty('resourceName');
      expect(byBucket['eu-landing'].compartment_id).toBe('ocid1.compartment.oc1..aaaaaaaaeu');
      const functionId = Object.values(rules(out))[0].actions.action[0].function_id;
      expect(rules(out).every((r) => r.actions.action[0].function_id === functionId)).toBe(true);
      // One Events invoke policy covers the function's compartment for all rules.
      expect(out.statements().filter((s) => s.startsWith('Allow service cloudEvents'))).toHaveLength(1);
      const filters = JSON.parse(functionConfig(out)!.OBJECT_FILTERS);
      expect(Object.keys(filters)).toHaveLength(2);
      expect(Object.keys(filters)).toEqual(expect.arrayContaining([expect.stringMatching(/Files-Bucket/), 'partner-drop']));
      expect(filters['partner-drop']).toEqual({ exclude: [{ suffix: '.part' }] });
      // grantConsume: read on every source and only those buckets, pull on the stream.
      const reads = out.statements().filter((s) => s.includes(CONSUMERS) && s.includes('read objects'));
      for (const bucket of ['partner-drop', 'eu-landing']) expect(reads.some((s) => s.includes(`target.bucket.name = '${bucket}'`))).toBe(true);
      expect(reads.filter((s) => !s.includes('consumer-state'))).toHaveLength(3);
      const sources = Object.entries<any>(out.json.output).find(([k]) => k.startsWith('Files_SourceBuckets'))![1].value;
      expect(sources.map((b: { bucket: string }) => b.bucket)).toEqual([expect.stringMatching(/Files-Bucket/), 'partner-drop', 'eu-landing']);
    },
  );

  test('refuses the consumer state bucket (it would feed itself), a bucket twice, and a bad filter, naming each', () => {
    const scope = newScope();
    const pipeline = new ClaimCheckPipeline(scope, 'Files', PROPS);
    expect(() => pipeline.addSource(pipeline.consumerStateBucket!)).toThrow(/is the pipeline's consumer state bucket: its dead letters and checkpoints would come back as claims/);
    expect(() => pipeline.addSource(pipeline.bucket)).toThrow(/is already a source of this pipeline/);
    const other = Bucket.fromBucketAttributes(scope, 'Other', { bucketName: 'other', namespace: 'ns', compartmentId: COMPARTMENT });
    expect(() => pipeline.addSource(other, { eventTypes: ['createbucket' as never], objectFilters: { include: [{}] } })).toThrow(
      /ClaimCheckPipeline\.addSource[\s\S]*eventTypes[\s\S]*objectFilters\.include\[0\]: give a prefix, a suffix or a wildcard/,
    );
  });
});

describe('feedback loops', () => {
  const warnings = (build: (pipeline: ClaimCheckPipeline, principal: Principal) => void, filter?: object) => {
    const stack = newScope();
    const pipeline = new ClaimCheckPipeline(stack, 'Files', { ...PROPS, ...(filter ? { objectFilters: filter } : {}) });
    build(pipeline, Principal.fromDynamicGroupId(stack, 'Consumers', CONSUMERS));
    Testing.synth(stack as never);
    // Annotations.of(...).addWarning: shown by cdktf synth, kept in the construct's metadata.
    return pipeline.node.metadata.filter((m) => /warn/i.test(m.type)).map((m) => String(m.data));
  };

  test('a consumer that may also write into the source bucket without an exclude filter is warned about, once', () => {
    const found = warnings((p, c) => {
      p.grantConsume(c);
      p.grantUpload(c);
      p.grantUpload(c);
    });
    expect(found).toEqual([expect.stringMatching(/consumes this pipeline's claims and may write into its bucket .* which has no exclude filter/)]);
  });

  test('no warning with an exclude filter, or when the uploader is not a consumer', () => {
    expect(warnings((p, c) => (p.grantConsume(c), p.grantUpload(c)), { exclude: [{ prefix: 'results/' }] })).toEqual([]);
    expect(warnings((p, c) => p.grantUpload(c))).toEqual([]);
  });
});

describe('consumers deployed on a pipeline with several sources', () => {
  test('the fleet gets every source in its environment (sources added after the fleet too) and a read grant on each', () => {
    const handler = join(__dirname, '..', '..', 'examples', 'handlers', 'record-size-and-sha256.ts');
    const out = synth((stack) => {
      const pipeline = new ClaimCheckPipeline(stack, 'Files', PROPS);
      new ClaimCheckConsumerFleet(stack, 'Fleet', { pipeline, consumerGroup: 'recorder', handlerEntry: handler, subnetId: SUBNET });
      pipeline.addSource(Bucket.fromBucketAttributes(stack, 'PartnerBucket', { bucketName: 'partner-drop', namespace: 'partnerns', compartmentId: COMPARTMENT }));
    });
    const [instance] = Object.values<any>(out.resources('oci_container_instances_container_instance'));
    const env = instance.containers[0].environment_variables;
    expect(JSON.parse(env.CLAIMCHECK_CONSUMER_MORE_BUCKETS)).toEqual([{ namespace: 'partnerns', bucket: 'partner-drop' }]);
    expect(out.statements().some((s) => s.includes('read objects') && s.includes("target.bucket.name = 'partner-drop'") && s.startsWith('Allow dynamic-group'))).toBe(true);
  });
});
