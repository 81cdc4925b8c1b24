import { Construct } from 'constructs';
import { Principal, Stream, StreamPool } from '../../lib';
import { COMPARTMENT, KMS_KEY, newScope, SUBNET, synth } from '../helpers/synth';

describe('StreamPool and Stream', () => {
  test('defaults: Kafka topic auto-creation off, 1 partition, 24 h retention, stream in the pool', () => {
    const out = synth((stack) => {
      const pool = new StreamPool(stack, 'Pool', { compartmentId: COMPARTMENT });
      new Stream(stack, 'Claims', { streamPool: pool });
    });
    const pool = out.only('oci_streaming_stream_pool');
    expect(pool).toMatchObject({ compartment_id: COMPARTMENT, kafka_settings: { auto_create_topics_enable: false } });
    expect(pool.custom_encryption_key).toBeUndefined();
    expect(pool.private_endpoint_settings).toBeUndefined();
    const stream = out.only('oci_streaming_stream');
    expect(stream).toMatchObject({ partitions: 1, retention_in_hours: 24 });
    expect(stream.stream_pool_id).toMatch(/^\$\{oci_streaming_stream_pool\.\w+\.id\}$/);
  });

  test('overrides: customer key, private endpoint, partitions, retention, name', () => {
    const out = synth((stack) => {
      const pool = new StreamPool(stack, 'Pool', {
        compartmentId: COMPARTMENT,
        kmsKeyId: KMS_KEY,
        privateEndpoint: { subnetId: SUBNET, nsgIds: ['ocid1.networksecuritygroup.oc1.iad.aaaa'] },
        kafkaAutoCreateTopics: true,
      });
      new Stream(stack, 'Claims', { streamPool: pool, partitions: 8, retentionInHours: 168, name: 'claims' });
    });
    expect(out.only('oci_streaming_stream_pool')).toMatchObject({
      custom_encryption_key: { kms_key_id: KMS_KEY },
      private_endpoint_settings: { subnet_id: SUBNET, nsg_ids: ['ocid1.networksecuritygroup.oc1.iad.aaaa'] },
      kafka_settings: { auto_create_topics_enable: true },
    });
    expect(out.only('oci_streaming_stream')).toMatchObject({ name: 'claims', partitions: 8, retention_in_hours: 168 });
  });

  test('grantPush and grantPull are scoped to the one stream', () => {
    const out = synth((stack) => {
      const pool = StreamPool.fromStreamPoolAttributes(stack, 'Pool', {
        streamPoolId: 'ocid1.streampool.oc1.iad.aaaaaaaapool',
        compartmentId: COMPARTMENT,
      });
      const stream = new Stream(stack, 'Claims', { streamPool: pool });
      const producer = Principal.fromDynamicGroupId(stack, 'Producer', 'ocid1.dynamicgroup.oc1..aaaaproducer');
      stream.grantPush(producer);
      stream.grantPull(Principal.fromGroupId(stack, 'Consumers', 'ocid1.group.oc1..aaaaconsumers'));
    });
    const streamRef = out.json.resource.oci_streaming_stream;
    const logical = Object.keys(streamRef)[0];
    expect(out.statements().sort()).toEqual([
      `Allow dynamic-group id ocid1.dynamicgroup.oc1..aaaaproducer to use stream-push in compartment id ${COMPARTMENT} where target.stream.id = '\${oci_streaming_stream.${logical}.id}'`,
      `Allow group id ocid1.group.oc1..aaaaconsumers to use stream-pull in compartment id ${COMPARTMENT} where target.stream.id = '\${oci_streaming_stream.${logical}.id}'`,
    ]);
    expect(out.only('oci_streaming_stream').stream_pool_id).toBe('ocid1.streampool.oc1.iad.aaaaaaaapool');
  });

  test('an existing stream is granted by OCID', () => {
    const out = synth((stack) => {
      const stream = Stream.fromStreamAttributes(stack, 'S', {
        streamId: 'ocid1.stream.oc1.iad.aaaaaaaastream',
        compartmentId: COMPARTMENT,
        messagesEndpoint: 'https://cell-1.streaming.us-ashburn-1.oci.oraclecloud.com',
      });
      stream.grantPull(Principal.fromGroupId(stack, 'G', 'ocid1.group.oc1..g'));
    });
    expect(out.statements()).toEqual([
      `Allow group id ocid1.group.oc1..g to use stream-pull in compartment id ${COMPARTMENT} where target.stream.id = 'ocid1.stream.oc1.iad.aaaaaaaastream'`,
    ]);
  });

  const pool = () => StreamPool.fromStreamPoolAttributes(newScope(), 'P', { streamPoolId: 'ocid1.streampool.oc1.iad.aaaa', compartmentId: COMPARTMENT });
  test.each([
    [{ partitions: 0 }, /partitions 0: must be an integer from 1 to 50/],
    [{ partitions: 2.5 }, /partitions 2\.5: must be an integer from 1 to 50/],
    [{ partitions: 51 }, /partitions 51: must be an integer from 1 to 50/],
    [{ retentionInHours: 23 }, /retentionInHours 23: must be an integer from 24 to 168 \(24 hours to 7 days\)/],
    [{ retentionInHours: 169 }, /retentionInHours 169: must be an integer from 24 to 168/],
    [{ name: 'bad name' }, /name "bad name": must be 1-255 letters/],
  ])('invalid stream props %# throw naming the prop', (props, message) => {
    const p = pool();
    expect(() => new Stream((p as unknown as Construct).node.scope!, 'S', { streamPool: p, ...props })).toThrow(message);
  });

  test.each([
    [() => new StreamPool(newScope(), 'P', { compartmentId: 'x' }), /Invalid StreamPool props at test\/P:\n  - compartmentId "x"/],
    [() => new StreamPool(newScope(), 'P', { compartmentId: COMPARTMENT, kmsKeyId: 'k' }), /kmsKeyId "k": must be an OCID of type key/],
    [() => new StreamPool(newScope(), 'P', { compartmentId: COMPARTMENT, privateEndpoint: { subnetId: 'sub' } }), /privateEndpoint\.subnetId "sub": must be an OCID of type subnet/],
    [() => StreamPool.fromStreamPoolAttributes(newScope(), 'P', { streamPoolId: 'ocid1.stream.oc1..x', compartmentId: COMPARTMENT }), /streamPoolId "ocid1\.stream\.oc1\.\.x": must be an OCID of type streampool/],
    [() => Stream.fromStreamAttributes(newScope(), 'S', { streamId: 'ocid1.stream.oc1.iad.a', compartmentId: COMPARTMENT, messagesEndpoint: 'http://x' }), /messagesEndpoint "http:\/\/x": must be an https:\/\/ URL/],
  ])('invalid pool/import props %# throw naming the prop', (make, message) => {
    expect(make).toThrow(message);
  });
});
