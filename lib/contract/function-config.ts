/**
 * The publisher function's configuration keys: the construct writes them into the function's `config` (OCI passes
 * them to the container as environment variables), the function reads them. Documented in lambda-src/README.md.
 */
export const FUNCTION_CONFIG_KEYS = {
  /** The stream that receives the claim checks (required). */
  streamId: 'STREAM_OCID',
  /** The stream pool's messages endpoint (required). */
  streamEndpoint: 'STREAM_ENDPOINT',
  /** `resource_principal` (default), `config_file` or `instance_principal`. */
  auth: 'OCI_AUTH',
  /** For `config_file` auth. */
  configFile: 'OCI_CONFIG_FILE',
  configProfile: 'OCI_CONFIG_PROFILE',
  /** The objects' region (for the claim's objectUrl); default: the resource principal's region. */
  region: 'OCI_REGION',
  /** Publish attempts per event; default: retry until the invocation deadline. */
  maxAttempts: 'PUBLISH_MAX_ATTEMPTS',
  /**
   * Which objects of which source bucket become claims: JSON `{"<bucket name>": ObjectFilter}` (object-filter.ts);
   * a bucket without an entry passes everything. Default: no filtering.
   */
  objectFilters: 'OBJECT_FILTERS',
} as const;

/**
 * Variables the function image's build sets for one run of the bundle (lib/oci/container-image.ts
 * codeCacheDockerfileLines), read by the publisher's entry (lambda-src/func.ts); never set in a deployed function.
 */
export const FUNCTION_IMAGE_BUILD_VARIABLES = {
  /** Answer one event against a loopback stand-in of the stream, then exit (lambda-src/prime.ts). */
  prime: 'CLAIMCHECK_PRIME',
  /** Load the modules and exit without serving (the run for an entry that is not primed). */
  loadOnly: 'CLAIMCHECK_COMPILE_CACHE_WARMUP',
} as const;

/** A configuration key the publisher function reads (`FUNCTION_CONFIG_KEYS`). */
export type FunctionConfigKey = (typeof FUNCTION_CONFIG_KEYS)[keyof typeof FUNCTION_CONFIG_KEYS];

/** Set by OCI Functions in the container; the function falls back to it for the region. */
export const RESOURCE_PRINCIPAL_REGION_VARIABLE = 'OCI_RESOURCE_PRINCIPAL_REGION';

/** How the publisher function authenticates (its `OCI_AUTH` configuration): `resource_principal` when deployed. */
export const FUNCTION_AUTH_MODES = ['resource_principal', 'config_file', 'instance_principal'] as const;
/** One of `FUNCTION_AUTH_MODES`. */
export type FunctionAuthMode = (typeof FUNCTION_AUTH_MODES)[number];
