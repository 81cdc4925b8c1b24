import {
  BucketDeadLetterSink,
  compactTime,
  DeadLetterRecord,
  deadLetterObjectName,
  encodeWithinLimit,
  StreamDeadLetterSink,
} from '../../lib/consumer/dead-letter';
import { FakeObjectStorage, FakePutMessages, fastClock, makeClaim, ociError } from './helpers';

function record(overrides: Partial<DeadLetterRecord> = {}): DeadLetterRecord {
  const claim = makeClaim({ object: 'in/a.csv' });
  return {
    claim,
    rawMessage: { key: 'testns/landing/in/a.csv', valueEncoding: 'json', value: claim },
    reason: 'handler-failed',
    error: { name: 'Error', message: 'boom' },
    attempts: 5,
    consumer: { group: 'g1', instance: 'i1' },
    time: '2026-03-14T12:00:09.123Z',
    messageTime: '2026-03-14T12:00:08.456Z',
    stream: 'ocid1.stream.oc1.iad.test',
    partition: '2',
    offset: 41,
    ...overrides,
  };
}

describe('dead-letter object names', () => {
  it('<prefix><group>/<message time>-p<partition>-o<offset>[-<claim id>].json: a function of the message alone', () => {
    const r = record();
    expect(compactTime(r.time)).toBe('20260314T120009123Z');
    expect(deadLetterObjectName('dl/', r)).toBe(`dl/g1/20260314T120008456Z-p2-o41-${r.claim!.id}.json`);
    expect(deadLetterObjectName('dl/', record({ claim: null }))).toBe('dl/g1/20260314T120008456Z-p2-o41.json');
    // When (and by whom) it is dead-lettered does not change the name.
    expect(deadLetterObjectName('dl/', record({ time: '2030-01-01T00:00:00.000Z', consumer: { group: 'g1', instance: 'other' } }))).toBe(deadLetterObjectName('dl/', r));
    expect(deadLetterObjectName('dl/', record({ claim: null, messageTime: null }))).toBe('dl/g1/unknown-time-p2-o41.json');
  });
});

describe('BucketDeadLetterSink', () => {
  it('writes the record as pretty JSON, create-only, and returns its location', async () => {
    const os = new FakeObjectStorage();
    const sink = new BucketDeadLetterSink(os, { kind: 'bucket', namespace: 'ns', bucket: 'dlq' });
    const r = record();
    const location = await sink.write(r);
    const name = `claim-check/dead-letter/g1/20260314T120008456Z-p2-o41-${r.claim!.id}.json`;
    expect(location).toBe(`oci://dlq@ns/${name}`);
    expect(JSON.parse(os.get('ns', 'dlq', name)!.data.toString())).toEqual(JSON.parse(JSON.stringify(r)));
    expect(os.calls[0]).toMatchObject({ op: 'putObject', ifNoneMatch: '*' });
  });

  it('one message, one record: writing it again (a retried write, a redelivered batch) keeps the first and succeeds', async () => {
    const os = new FakeObjectStorage();
    const sink = new BucketDeadLetterSink(os, { kind: 'bucket', namespace: 'ns', bucket: 'dlq', prefix: 'x/' });
    const first = await sink.write(record());
    const again = await sink.write(record({ time: '2026-03-14T13:00:00.000Z', attempts: 2 }));
    const other = await sink.write(record({ offset: 42 }));
    expect(again).toBe(first);
    expect(other).not.toBe(first);
    expect(os.list('ns/dlq/x/')).toHaveLength(2);
    expect(JSON.parse(os.get('ns', 'dlq', first.replace('oci://dlq@ns/', ''))!.data.toString()).attempts).toBe(5);
  });

  it('propagates a failed write', async () => {
    const os = new FakeObjectStorage();
    os.fail('putObject', ociError(503));
    await expect(new BucketDeadLetterSink(os, { kind: 'bucket', namespace: 'ns', bucket: 'dlq' }).write(record())).rejects.toMatchObject({ statusCode: 503 });
  });
});

describe('StreamDeadLetterSink', () => {
  const destination = { kind: 'stream' as const, streamId: 'ocid1.stream.dlq', messagesEndpoint: 'http://x' };

  it('puts the record with the original key and checks per-entry failures, retrying them', async () => {
    const api = new FakePutMessages();
    api.script.push('entry-failure', 'http-500');
    const clock = fastClock();
    const location = await new StreamDeadLetterSink(api, destination, { clock }).write(record());
    expect(location).toBe('stream:ocid1.stream.dlq/0/0');
    expect(api.calls).toBe(3);
    expect(clock.sleeps).toHaveLength(2);
    expect(api.accepted[0].key).toBe('testns/landing/in/a.csv');
    expect(JSON.parse(api.accepted[0].value)).toMatchObject({ reason: 'handler-failed', offset: 41 });
  });

  it('gives up after maxAttempts, and at once on a non-retryable 4xx', async () => {
    const api = new FakePutMessages();
    api.script.push('entry-failure', 'entry-failure', 'entry-failure');
    await expect(new StreamDeadLetterSink(api, destination, { clock: fastClock(), maxAttempts: 3 }).write(record())).rejects.toThrow(/Throttled/);
    const bad = new FakePutMessages();
    bad.script.push('http-400');
    await expect(new StreamDeadLetterSink(bad, destination, { clock: fastClock() }).write(record())).rejects.toThrow(/dead letter/);
    expect(bad.calls).toBe(1);
  });

  it('decides 409 by its code, as the shared retry rule does: IncorrectState is retried, Conflict is final', async () => {
    const calls = (first: Error) => {
      let n = 0;
      const api = {
        async putMessages() {
          n++;
          if (n === 1) throw first;
          return { putMessagesResult: { failures: 0, entries: [{ partition: '0', offset: 7 }] } };
        },
      };
      return { api: api as unknown as FakePutMessages, count: () => n };
    };
    const busy = calls(ociError(409, 'IncorrectState'));
    await expect(new StreamDeadLetterSink(busy.api, destination, { clock: fastClock() }).write(record())).resolves.toBe(`stream:${destination.streamId}/0/7`);
    expect(busy.count()).toBe(2);
    const conflict = calls(ociError(409, 'Conflict'));
    await expect(new StreamDeadLetterSink(conflict.api, destination, { clock: fastClock() }).write(record())).rejects.toThrow(/dead letter/);
    expect(conflict.count()).toBe(1);
  });

  it('keeps a record within the 1 MiB message limit by dropping the raw value first', () => {
    const huge = record({ rawMessage: { key: 'k', valueEncoding: 'base64', value: 'A'.repeat(2_000_000) } });
    const encoded = encodeWithinLimit(huge, 1024 * 1024);
    expect(encoded.length).toBeLessThanOrEqual(1024 * 1024);
    const decoded = JSON.parse(encoded.toString());
    expect(decoded.rawMessage).toMatchObject({ value: null, truncated: true });
    expect(decoded.claim.id).toBe(huge.claim!.id);
    expect(encodeWithinLimit(record(), 1024 * 1024).toString()).toBe(JSON.stringify(record()));
  });
});
