/**
 * The scheduled reconciler's configuration keys: `ClaimCheckScheduledReconciler` (the pipeline's `reconcile` option)
 * writes them into its function's `config` (OCI passes function config to the container as environment variables);
 * the function's entry (lib/reconciler/entry) reads them. One list, so the two cannot drift apart.
 */
export const RECONCILER_CONFIG_KEYS = {
  /**
   * The buckets to reconcile, JSON `[{"namespace", "bucket", "objectFilter"?}]`: the pipeline's source buckets, in
   * its order, each with the object filter its function applies (lib/contract/object-filter.ts).
   */
  sources: 'CLAIMCHECK_RECONCILE_SOURCES',
  /** OCID of the claim-check stream. */
  streamId: 'CLAIMCHECK_RECONCILE_STREAM_OCID',
  /** The stream pool's messages endpoint. */
  messagesEndpoint: 'CLAIMCHECK_RECONCILE_MESSAGES_ENDPOINT',
  /** Namespace of the consumer state bucket (progress records of the groups, the reconciler's positions). */
  stateBucketNamespace: 'CLAIMCHECK_RECONCILE_STATE_NAMESPACE',
  /** The consumer state bucket. */
  stateBucketName: 'CLAIMCHECK_RECONCILE_STATE_BUCKET',
  /** Consumer groups a claim must reach, JSON `["name", ...]`. @default none: every retained claim counts */
  groups: 'CLAIMCHECK_RECONCILE_GROUPS',
  /** `1`: each source is backfilled once (every object republished), then reconciled. @default '0' */
  backfill: 'CLAIMCHECK_RECONCILE_BACKFILL',
  /** The function's timeout in seconds: the invocation's budget when the FDK gives no deadline, and its ceiling. */
  timeoutSeconds: 'CLAIMCHECK_RECONCILE_TIMEOUT_SECONDS',
  /** The stream's partitions, when known. @default probed */
  partitions: 'CLAIMCHECK_RECONCILE_PARTITIONS',
  /** The stream's retention in hours (24 to 168): the horizon is this minus one hour. @default 24 */
  retentionHours: 'CLAIMCHECK_RECONCILE_RETENTION_HOURS',
  /** ListObjects pages per second at most (0 = unpaced). @default 10 */
  pagesPerSecond: 'CLAIMCHECK_RECONCILE_PAGES_PER_SECOND',
  /** ListObjects page size (1 to 1000). @default 1000 */
  pageSize: 'CLAIMCHECK_RECONCILE_PAGE_SIZE',
  /** `resource_principal` (what the construct sets), `instance_principal` or `config_file`. */
  auth: 'CLAIMCHECK_RECONCILE_AUTH',
  /** Region of the objects, for the claims' objectUrl. @default the principal's region */
  region: 'CLAIMCHECK_RECONCILE_REGION',
  /** Object Storage endpoint override (local emulators). @default from the principal's region */
  objectStorageEndpoint: 'CLAIMCHECK_RECONCILE_OBJECT_STORAGE_ENDPOINT',
} as const;

export type ReconcilerConfigKey = (typeof RECONCILER_CONFIG_KEYS)[keyof typeof RECONCILER_CONFIG_KEYS];

export const RECONCILER_AUTH_MODES = ['resource_principal', 'instance_principal', 'config_file'] as const;
export type ReconcilerAuthMode = (typeof RECONCILER_AUTH_MODES)[number];

/**
 * How much of an invocation the reconciler leaves unused: a pass stops at the next page boundary once its budget is
 * spent, and the page in flight (one ListObjects, its claims' PutMessages, the position write) must still fit before
 * the function is cut off. A tenth of the invocation, at least 2 s, at most 30 s (300 s → 270 s of work).
 */
export function reconcileMarginMs(invocationMs: number): number {
  return Math.min(30_000, Math.max(2_000, Math.round(invocationMs / 10)));
}
