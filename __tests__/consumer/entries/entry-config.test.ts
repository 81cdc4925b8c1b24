/** The entry's configuration from the environment: the further source buckets a multi-source pipeline hands it. */
import { readFleetConfig } from '../../../lib/consumer/entries/entry-config';
import { CONSUMER_CONFIG_KEYS as K } from '../../../lib/contract/consumer-config';

const BASE = {
  [K.streamId]: 'ocid1.stream.oc1.iad.s',
  [K.messagesEndpoint]: 'https://cell-1.streaming.us-ashburn-1.oci.oraclecloud.com',
  [K.bucketNamespace]: 'ns',
  [K.bucketName]: 'landing',
  [K.stateBucketName]: 'landing-consumer-state',
  [K.groupName]: 'recorder',
};

describe('CLAIMCHECK_CONSUMER_MORE_BUCKETS', () => {
  it('absent or an empty list: the pipeline\'s own bucket only', () => {
    expect(readFleetConfig(BASE).moreBuckets).toEqual([]);
    expect(readFleetConfig({ ...BASE, [K.moreBuckets]: '[]' }).moreBuckets).toEqual([]);
  });

  it('a list of {namespace, bucket}: the consumer fetches from those too', () => {
    const more = [{ namespace: 'partnerns', bucket: 'partner-drop' }, { namespace: 'ns', bucket: 'eu-landing' }];
    expect(readFleetConfig({ ...BASE, [K.moreBuckets]: JSON.stringify(more) }).moreBuckets).toEqual(more);
  });

  it('anything else is a problem naming the variable', () => {
    for (const bad of ['{', '{"namespace":"a","bucket":"b"}', '[{"namespace":"a"}]', '[{"namespace":"","bucket":"b"}]']) {
      expect(() => readFleetConfig({ ...BASE, [K.moreBuckets]: bad })).toThrow(/CLAIMCHECK_CONSUMER_MORE_BUCKETS must be a JSON list of \{"namespace", "bucket"\}/);
    }
  });
});
