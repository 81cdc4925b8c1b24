import { createHash } from 'node:crypto';
import * as common from 'oci-common';
import { ClaimCheckConsumer, ClaimOutcome, runUntilSignal } from '../consumer';

/** What the demo passes to each consumer process (environment variable CLAIMCHECK_CONSUMER_CONFIG, JSON). */
export interface DemoConsumerConfig {
  readonly streamId: string;
  readonly messagesEndpoint: string;
  readonly objectStorageEndpoint: string;
  readonly namespace: string;
  readonly bucket: string;
  readonly stateBucket: string;
  readonly groupName: string;
  readonly instanceName: string;
  readonly region: string;
  readonly apiKey: { tenancyId: string; userId: string; fingerprint: string; privateKeyPem: string };
}

/** One line per outcome on stdout, for the demo to count. */
export interface DemoOutcomeLine {
  readonly type: 'outcome';
  readonly instance: string;
  readonly status: ClaimOutcome['status'];
  readonly reason: string | null;
  /** For a `duplicate` skip: what became of the original (`processed`, `committed`: decided before, ...). */
  readonly previous: string | null;
  readonly object: string | null;
  readonly eventType: string | null;
  readonly sha256: string | null;
}

/** Hashes kept for claims whose outcome is not reported yet: far more than a consumer has in flight. */
const MAX_UNREPORTED_HASHES = 10_000;

/**
 * A consumer process of the demo: a ClaimCheckConsumer whose handler streams each object through SHA-256 and
 * checks it against the `sha256` metadata the uploader set (a mismatch fails the attempt, so it is retried and
 * finally dead-lettered). Stops gracefully on SIGTERM.
 */
export async function runDemoConsumer(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const raw = env.CLAIMCHECK_CONSUMER_CONFIG;
  if (!raw) throw new Error('CLAIMCHECK_CONSUMER_CONFIG is not set (this command is started by `claimcheck demo`)');
  const config = JSON.parse(raw) as DemoConsumerConfig;
  // What each claim's handler read, by claim id, until its outcome line is written (then forgotten).
  const hashes = new Map<string, string>();
  const provider = new common.SimpleAuthenticationDetailsProvider(
    config.apiKey.tenancyId,
    config.apiKey.userId,
    config.apiKey.fingerprint,
    config.apiKey.privateKeyPem,
    null,
    common.Region.fromRegionId(config.region),
  );
  const consumer = new ClaimCheckConsumer({
    authenticationDetailsProvider: provider,
    streamId: config.streamId,
    messagesEndpoint: config.messagesEndpoint,
    objectStorageEndpoint: config.objectStorageEndpoint,
    groupName: config.groupName,
    instanceName: config.instanceName,
    allowedBuckets: [{ namespace: config.namespace, bucket: config.bucket }],
    deadLetter: { kind: 'bucket', namespace: config.namespace, bucket: config.stateBucket },
    groupCursorTimeoutMs: 5000,
    pollIntervalMs: 200,
    retryBackoff: { baseDelayMs: 100, maxDelayMs: 2000 },
    handler: async (claim, object) => {
      if (!object) return; // deleteobject: nothing to fetch
      const hash = createHash('sha256');
      for await (const chunk of object.body) hash.update(chunk as Buffer);
      const digest = hash.digest('hex');
      const expected = object.metadata.sha256;
      if (expected && expected !== digest) throw new Error(`content of ${object.name} does not match its sha256 metadata`);
      hashes.set(claim.id, digest);
      // A claim whose outcome never comes (this process stops first) must not pin its entry forever.
      if (hashes.size > MAX_UNREPORTED_HASHES) hashes.delete(hashes.keys().next().value as string);
    },
  });
  consumer.on('outcome', (outcome) => {
    const line: DemoOutcomeLine = {
      type: 'outcome',
      instance: config.instanceName,
      status: outcome.status,
      reason: outcome.status === 'processed' ? null : outcome.reason,
      previous: outcome.status === 'skipped' && outcome.reason === 'duplicate' ? outcome.previous : null,
      object: outcome.object?.name ?? null,
      eventType: outcome.eventType,
      sha256: outcome.claimId ? hashes.get(outcome.claimId) ?? null : null,
    };
    if (outcome.claimId) hashes.delete(outcome.claimId);
    process.stdout.write(`${JSON.stringify(line)}\n`);
  });
  process.stdout.write(`${JSON.stringify({ type: 'ready', instance: config.instanceName })}\n`);
  await runUntilSignal(consumer);
}
