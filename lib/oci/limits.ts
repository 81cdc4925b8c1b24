/**
 * The OCI limits and name rules the constructs check at construction, each next to the documentation it comes
 * from. (Function config rules: `function-config.ts`; statements per policy: `policy.ts`.)
 */

/**
 * Bucket names: letters, numbers, hyphens, underscores and periods, up to 256 characters.
 * https://docs.oracle.com/iaas/Content/Object/Tasks/managingbuckets.htm (CreateBucketDetails.name)
 */
export const BUCKET_NAME_PATTERN = /^[A-Za-z0-9._-]{1,256}$/;

/**
 * Retention is set at creation: 24 hours to 7 days.
 * https://docs.oracle.com/iaas/Content/Streaming/Concepts/streamingoverview_topic-Limits_on_Streaming_Resources.htm
 */
export const MIN_RETENTION_HOURS = 24;
/** Longest retention of a stream, in hours (7 days; same source as `MIN_RETENTION_HOURS`). */
export const MAX_RETENTION_HOURS = 168;
/**
 * Partitions per stream are bounded by the tenancy's partition limit: 200 for Universal Credits, 50 for
 * Pay-as-you-go (raisable by service request), same source as above (as read 2026-12-02). 50 is the ceiling checked
 * here: what fits a Pay-as-you-go tenancy, and a typo like 500 should fail at synth, not at apply. Whether the
 * tenancy still has that many partitions free cannot be known at synth (README, "Known limits").
 */
export const MAX_PARTITIONS = 50;

/**
 * Memory sizes OCI Functions accepts, and the synchronous timeout ceiling.
 * https://docs.oracle.com/iaas/Content/Functions/Tasks/functionscustomizing.htm
 */
export const FUNCTION_MEMORY_SIZES_MB = [128, 256, 512, 1024, 2048, 3072] as const;
/** Longest timeout of a function invocation, in seconds (5 minutes; same source as `FUNCTION_MEMORY_SIZES_MB`). */
export const MAX_FUNCTION_TIMEOUT_SECONDS = 300;

/** Application shapes: https://docs.oracle.com/iaas/Content/Functions/Tasks/functionscreatingapps.htm */
export const APPLICATION_SHAPES = ['GENERIC_X86', 'GENERIC_ARM', 'GENERIC_X86_ARM'] as const;
/** A Functions application shape, one of `APPLICATION_SHAPES`. */
export type ApplicationShape = (typeof APPLICATION_SHAPES)[number];
