import { Testing } from 'cdktf';
import { Bucket } from '../../lib';
import { ClaimCheckSampleStack, sampleInputsFromEnv } from '../../main';
import { readStackTopology } from '../../lib/local/stack-topology';
import { matchesCondition, objectEvent } from '../../lib/emulators/events';

describe('readStackTopology', () => {
  const json = JSON.parse(Testing.synth(new ClaimCheckSampleStack(Testing.app(), 'sample', sampleInputsFromEnv({ CLAIMCHECK_PARTITIONS: '3', CLAIMCHECK_BUCKET_NAME: 'uploads' }))));

  test('reads bucket, partitions, rule condition and function config from the synthesized sample stack', () => {
    const topology = readStackTopology(json);
    expect(topology).toMatchObject({ bucketName: 'uploads', partitions: 3, retentionInHours: 24, functionMemoryMb: 256, functionTimeoutSeconds: 30 });
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
    expect(() => readStackTopology({ resource: {} })).toThrow(/exactly one oci_objectstorage_bucket with object_events_enabled/);
    const noRule = JSON.parse(JSON.stringify(json));
    delete noRule.resource.oci_events_rule;
    expect(() => readStackTopology(noRule)).toThrow(/no enabled oci_events_rule with a FAAS action/);
  });
});
