/** Consumer options: every bad one named at construction time, and the defaults. */
import { ClaimCheckConsumer, ClaimCheckConsumerOptions } from '../../lib/consumer';

const valid = (): ClaimCheckConsumerOptions => ({
  streamId: 's',
  messagesEndpoint: 'http://x',
  groupName: 'g',
  allowedBuckets: [{ namespace: 'n', bucket: 'b' }],
  deadLetter: { kind: 'bucket', namespace: 'n', bucket: 'dl' },
  handler: async () => undefined,
});

describe('ClaimCheckConsumer options', () => {
  it('requires allowedBuckets, deadLetter and sane numbers, naming every problem', () => {
    expect(() => new ClaimCheckConsumer({ ...valid(), handlerTimeoutMs: 0 })).toThrow(/handlerTimeoutMs must be an integer in 1\.\.2147483647/);
    expect(() => new ClaimCheckConsumer({ ...valid(), allowedBuckets: [] })).toThrow(/allowedBuckets must list at least one/);
    expect(() => new ClaimCheckConsumer({ ...valid(), allowedBuckets: [{ namespace: 'n', bucket: '' }] })).toThrow(/namespace and bucket/);
    expect(() => new ClaimCheckConsumer({ ...valid(), deadLetter: undefined as never })).toThrow(/deadLetter is required/);
    expect(() => new ClaimCheckConsumer({ ...valid(), concurrency: 0, batchLimit: 20_000, pollIntervalMs: -1 })).toThrow(
      /concurrency must be an integer in 1\.\.\d+; batchLimit must be an integer in 1\.\.10000; pollIntervalMs must be >= 0/,
    );
    expect(() => new ClaimCheckConsumer({ ...valid(), stopGraceMs: 1.5, dedupeWindow: 0, checkpointIntervalMs: -5 })).toThrow(
      /stopGraceMs must be an integer in 1\.\.2147483647; dedupeWindow must be an integer in 1\.\.1000000; checkpointIntervalMs must be an integer/,
    );
  });

  it('requires an explicit dedupe choice when dead letters go to a stream, and checks the one given', () => {
    const options = { ...valid(), deadLetter: { kind: 'stream' as const, streamId: 'dlq', messagesEndpoint: 'http://x' } };
    expect(() => new ClaimCheckConsumer(options)).toThrow(/dedupe is required/);
    expect(() => new ClaimCheckConsumer({ ...options, dedupe: { kind: 'memory' } })).not.toThrow();
    expect(() => new ClaimCheckConsumer({ ...options, dedupe: { kind: 'markers', namespace: 'n', bucket: '' } })).toThrow(/dedupe \{kind: "markers"\} needs namespace and bucket/);
    expect(() => new ClaimCheckConsumer({ ...options, dedupe: { kind: 'disk' } as never })).toThrow(/dedupe must be/);
  });

  it('defaults: instance name hostname-pid-random, allowlist lookups, zeroed counters', () => {
    const consumer = new ClaimCheckConsumer(valid());
    expect(consumer.instanceName).toMatch(new RegExp(`-${process.pid}-[0-9a-f]{6}$`));
    expect(consumer.isAllowed('n', 'b')).toBe(true);
    expect(consumer.isAllowed('n', 'dl')).toBe(false);
    expect(consumer.isAllowed('x', 'b')).toBe(false);
    expect(consumer.stats).toEqual({
      received: 0,
      processed: 0,
      skipped: { objectGone: 0, superseded: 0, duplicate: 0, ownRecord: 0 },
      deadLettered: 0,
      handlerFailures: 0,
      fetchFailures: 0,
      commits: 0,
      batchRetries: 0,
      checkpoints: 0,
      markerFailures: 0,
      heartbeatFailures: 0,
      listenerFailures: 0,
    });
  });
});
