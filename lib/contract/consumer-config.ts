/**
 * The consumer entry's configuration keys: `ClaimCheckConsumerFleet` writes them into each container's environment
 * and `ClaimCheckServerlessConsumer` into its function's `config` (OCI passes function config to the container as
 * environment variables); the generated entry around the user's handler (lib/consumer/entries) reads them. The local
 * demo sets the same keys. One list, so the three cannot drift apart.
 */
export const CONSUMER_CONFIG_KEYS = {
  /** OCID of the claim-check stream (fleet only). */
  streamId: 'CLAIMCHECK_CONSUMER_STREAM_OCID',
  /** The stream pool's messages endpoint (fleet only). */
  messagesEndpoint: 'CLAIMCHECK_CONSUMER_MESSAGES_ENDPOINT',
  /** Object Storage namespace of the bucket the claims point at (the only bucket the consumer fetches from). */
  bucketNamespace: 'CLAIMCHECK_CONSUMER_BUCKET_NAMESPACE',
  /** That bucket's name. */
  bucketName: 'CLAIMCHECK_CONSUMER_BUCKET',
  /**
   * The pipeline's further source buckets (`ClaimCheckPipeline.addSource`), JSON `[{"namespace","bucket"}]`: the
   * consumer fetches from these too. @default none
   */
  moreBuckets: 'CLAIMCHECK_CONSUMER_MORE_BUCKETS',
  /** Namespace of the consumer state bucket (dead letters, dedupe checkpoints and markers). @default the bucket's */
  stateBucketNamespace: 'CLAIMCHECK_CONSUMER_STATE_NAMESPACE',
  /** The consumer state bucket. */
  stateBucketName: 'CLAIMCHECK_CONSUMER_STATE_BUCKET',
  /** Consumer group (fleet), or the serverless consumer's name: it names dead letters and markers. */
  groupName: 'CLAIMCHECK_CONSUMER_GROUP',
  /** This instance's name in the group: stable per replica, so a restarted replica takes its partitions back. */
  instanceName: 'CLAIMCHECK_CONSUMER_INSTANCE',
  /** `resource_principal` (what the constructs set), `instance_principal` or `config_file`. */
  auth: 'CLAIMCHECK_CONSUMER_AUTH',
  /** Object Storage endpoint override (local emulators); default: from the principal's region. */
  objectStorageEndpoint: 'CLAIMCHECK_CONSUMER_OBJECT_STORAGE_ENDPOINT',
  /** The consumer's `stopGraceMs`. */
  stopGraceMs: 'CLAIMCHECK_CONSUMER_STOP_GRACE_MS',
  /** The consumer's `concurrency`. */
  concurrency: 'CLAIMCHECK_CONSUMER_CONCURRENCY',
  /** The consumer's `maxAttempts`. */
  maxAttempts: 'CLAIMCHECK_CONSUMER_MAX_ATTEMPTS',
  /** The consumer's `handlerTimeoutMs`. */
  handlerTimeoutMs: 'CLAIMCHECK_CONSUMER_HANDLER_TIMEOUT_MS',
  /** The consumer's `pollIntervalMs`. */
  pollIntervalMs: 'CLAIMCHECK_CONSUMER_POLL_INTERVAL_MS',
  /** The consumer's `groupCursorTimeoutMs`. */
  groupCursorTimeoutMs: 'CLAIMCHECK_CONSUMER_GROUP_CURSOR_TIMEOUT_MS',
  /** The consumer's `retryBackoff.baseDelayMs`. */
  retryBaseMs: 'CLAIMCHECK_CONSUMER_RETRY_BASE_MS',
  /** The consumer's `retryBackoff.maxDelayMs`. */
  retryMaxMs: 'CLAIMCHECK_CONSUMER_RETRY_MAX_MS',
  /** Port of the HTTP health endpoint (fleet); unset: no endpoint. */
  healthPort: 'CLAIMCHECK_CONSUMER_HEALTH_PORT',
  /** Path of the health endpoint. @default '/healthz' */
  healthPath: 'CLAIMCHECK_CONSUMER_HEALTH_PATH',
  /**
   * How long a fleet replica keeps retrying a consumer that cannot start (authorization refused: the dynamic group
   * and its policies are created after the instances they match, and IAM takes a while) before it exits 1.
   */
  startupRetrySeconds: 'CLAIMCHECK_CONSUMER_STARTUP_RETRY_SECONDS',
  /** Serverless only: `markers` (one marker per processed claim in the state bucket) or `none`. @default 'none' */
  dedupe: 'CLAIMCHECK_CONSUMER_DEDUPE',
  /** `1`: one JSON line per outcome on stdout (what `claimcheck demo` counts). Off in the cloud. */
  reportOutcomes: 'CLAIMCHECK_CONSUMER_REPORT_OUTCOMES',
} as const;

export type ConsumerConfigKey = (typeof CONSUMER_CONFIG_KEYS)[keyof typeof CONSUMER_CONFIG_KEYS];

export const CONSUMER_AUTH_MODES = ['resource_principal', 'instance_principal', 'config_file'] as const;
export type ConsumerAuthMode = (typeof CONSUMER_AUTH_MODES)[number];

/**
 * What `ClaimCheckConsumer.stop()` adds to `stopGraceMs` at most: the final checkpoint and commit get 5 s
 * (lib/consumer/consumer.ts, FINAL_WRITE_MS; lib/consumer/README.md "stop() returns within stopGraceMs + 5 s").
 * The fleet's graceful shutdown timeout is built from it; __tests__/pattern/consumer-entry-shutdown.test.ts checks
 * that a real process stops within that timeout.
 */
export const CONSUMER_FINAL_WRITE_MS = 5_000;

/** Time the entry takes to exit once the consumer has stopped (flush logs, close the health endpoint). */
export const CONSUMER_EXIT_MARGIN_MS = 2_000;

/**
 * The container's graceful shutdown timeout for a consumer with this stop grace period: the grace period, plus the
 * final checkpoint and commit, plus the exit margin, rounded up to whole seconds. SIGKILL never lands on a replica
 * that is still committing.
 */
export function gracefulShutdownSeconds(stopGraceMs: number): number {
  return Math.ceil((stopGraceMs + CONSUMER_FINAL_WRITE_MS + CONSUMER_EXIT_MARGIN_MS) / 1000);
}

/** The outcome line the entry prints with `reportOutcomes` (the demo's consumers print the same). */
export interface ConsumerOutcomeLine {
  readonly type: 'outcome';
  readonly instance: string;
  readonly status: 'processed' | 'skipped' | 'dead-lettered';
  readonly reason: string | null;
  /** For a `duplicate` skip: what became of the original. */
  readonly previous: string | null;
  readonly object: string | null;
  readonly eventType: string | null;
  /** SHA-256 of the object's content as the handler read it, when it read all of it; else null. */
  readonly sha256: string | null;
}
