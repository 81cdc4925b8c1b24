/**
 * The consumer entry's configuration, read from the environment (keys: lib/contract/consumer-config.ts). Every
 * problem is collected and reported at once, naming the variable, the value and what is allowed, so a replica that
 * cannot start says why in its first log line.
 */
import { CONSUMER_AUTH_MODES, CONSUMER_CONFIG_KEYS as K, ConsumerAuthMode } from '../../contract/consumer-config';

/** What both runtimes need. */
export interface CommonEntryConfig {
  readonly bucket: { readonly namespace: string; readonly bucket: string };
  /** Further source buckets of the pipeline: claims may point at these too. */
  readonly moreBuckets: ReadonlyArray<{ readonly namespace: string; readonly bucket: string }>;
  readonly stateBucket: { readonly namespace: string; readonly bucket: string };
  readonly groupName: string;
  readonly auth: ConsumerAuthMode;
  readonly objectStorageEndpoint?: string;
  readonly concurrency?: number;
  readonly maxAttempts?: number;
  readonly handlerTimeoutMs?: number;
  readonly retryBackoff?: { readonly baseDelayMs: number; readonly maxDelayMs: number };
  /** Print one JSON line per outcome on stdout (the local demo counts them). */
  readonly reportOutcomes: boolean;
}

/** The fleet's long-running consumer. */
export interface FleetEntryConfig extends CommonEntryConfig {
  readonly streamId: string;
  readonly messagesEndpoint: string;
  readonly instanceName?: string;
  readonly stopGraceMs?: number;
  readonly pollIntervalMs?: number;
  readonly groupCursorTimeoutMs?: number;
  readonly health?: { readonly port: number; readonly path: string };
  /** How long a consumer that cannot start is retried before the process exits 1. */
  readonly startupRetryMs: number;
}

/** The serverless consumer's function. */
export interface ServerlessEntryConfig extends CommonEntryConfig {
  readonly dedupe: 'none' | 'markers';
}

/** The entry cannot run with this environment; `problems` names each variable. */
export class EntryConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid consumer configuration: ${problems.join('; ')}`);
    this.name = 'EntryConfigError';
  }
}

/** Default `startupRetrySeconds`: IAM changes take effect within minutes. */
export const DEFAULT_STARTUP_RETRY_SECONDS = 600;

export function readFleetConfig(env: NodeJS.ProcessEnv): FleetEntryConfig {
  const r = new EnvReader(env);
  const common = readCommon(r);
  const healthPort = r.int(K.healthPort, 1, 65535);
  const config: FleetEntryConfig = {
    ...common,
    streamId: r.required(K.streamId),
    messagesEndpoint: r.url(K.messagesEndpoint, true)!,
    instanceName: r.optional(K.instanceName),
    stopGraceMs: r.int(K.stopGraceMs, 1, 3_600_000),
    pollIntervalMs: r.int(K.pollIntervalMs, 0, 3_600_000),
    groupCursorTimeoutMs: r.int(K.groupCursorTimeoutMs, 1000, 3_600_000),
    health: healthPort === undefined ? undefined : { port: healthPort, path: r.optional(K.healthPath) ?? '/healthz' },
    startupRetryMs: (r.int(K.startupRetrySeconds, 0, 86_400) ?? DEFAULT_STARTUP_RETRY_SECONDS) * 1000,
  };
  if (config.health && !config.health.path.startsWith('/')) r.problem(`${K.healthPath} must start with /, got ${JSON.stringify(config.health.path)}`);
  r.throwIfInvalid();
  return config;
}

export function readServerlessConfig(env: NodeJS.ProcessEnv): ServerlessEntryConfig {
  const r = new EnvReader(env);
  const common = readCommon(r);
  const dedupe = r.optional(K.dedupe) ?? 'none';
  if (dedupe !== 'none' && dedupe !== 'markers') r.problem(`${K.dedupe} must be none or markers, got ${JSON.stringify(dedupe)}`);
  r.throwIfInvalid();
  return { ...common, dedupe: dedupe as ServerlessEntryConfig['dedupe'] };
}

function readCommon(r: EnvReader): CommonEntryConfig {
  const namespace = r.required(K.bucketNamespace);
  const auth = r.optional(K.auth) ?? 'resource_principal';
  if (!(CONSUMER_AUTH_MODES as readonly string[]).includes(auth)) {
    r.problem(`${K.auth} must be one of ${CONSUMER_AUTH_MODES.join(', ')}, got ${JSON.stringify(auth)}`);
  }
  const retryBaseMs = r.int(K.retryBaseMs, 1, 3_600_000);
  const retryMaxMs = r.int(K.retryMaxMs, 1, 3_600_000);
  if ((retryBaseMs === undefined) !== (retryMaxMs === undefined)) r.problem(`${K.retryBaseMs} and ${K.retryMaxMs} go together`);
  const reportOutcomes = r.optional(K.reportOutcomes);
  if (reportOutcomes !== undefined && reportOutcomes !== '0' && reportOutcomes !== '1') r.problem(`${K.reportOutcomes} must be 0 or 1, got ${JSON.stringify(reportOutcomes)}`);
  return {
    bucket: { namespace, bucket: r.required(K.bucketName) },
    moreBuckets: moreBuckets(r),
    stateBucket: { namespace: r.optional(K.stateBucketNamespace) ?? namespace, bucket: r.required(K.stateBucketName) },
    groupName: r.required(K.groupName),
    auth: auth as ConsumerAuthMode,
    objectStorageEndpoint: r.url(K.objectStorageEndpoint, false),
    concurrency: r.int(K.concurrency, 1, 1000),
    maxAttempts: r.int(K.maxAttempts, 1, 100),
    handlerTimeoutMs: r.int(K.handlerTimeoutMs, 1, 2_147_483_647),
    retryBackoff: retryBaseMs !== undefined && retryMaxMs !== undefined ? { baseDelayMs: retryBaseMs, maxDelayMs: retryMaxMs } : undefined,
    reportOutcomes: reportOutcomes === '1',
  };
}

class EnvReader {
  private readonly problems: string[] = [];

  constructor(private readonly env: NodeJS.ProcessEnv) {}

  optional(name: string): string | undefined {
    const value = this.env[name];
    return value === undefined || value.trim() === '' ? undefined : value;
  }

  required(name: string): string {
    const value = this.optional(name);
    if (value === undefined) this.problem(`${name} is required`);
    return value ?? '';
  }

  /** A decimal integer in [min, max], or undefined when unset. */
  int(name: string, min: number, max: number): number | undefined {
    const text = this.optional(name);
    if (text === undefined) return undefined;
    const value = /^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN;
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      this.problem(`${name} must be a decimal integer from ${min} to ${max}, got ${JSON.stringify(text)}`);
      return undefined;
    }
    return value;
  }

  /** An http(s) URL. */
  url(name: string, required: boolean): string | undefined {
    const text = required ? this.required(name) : this.optional(name);
    if (!text) return text || undefined;
    let ok = false;
    try {
      ok = ['http:', 'https:'].includes(new URL(text).protocol);
    } catch {
      ok = false;
    }
    if (!ok) this.problem(`${name} must be an http(s) URL, got ${JSON.stringify(text)}`);
    return text;
  }

  problem(message: string): void {
    this.problems.push(message);
  }

  throwIfInvalid(): void {
    if (this.problems.length > 0) throw new EntryConfigError(this.problems);
  }
}

/** `CLAIMCHECK_CONSUMER_MORE_BUCKETS`: a JSON list of {namespace, bucket}; absent or empty: none. */
function moreBuckets(r: EnvReader): Array<{ namespace: string; bucket: string }> {
  const text = r.optional(K.moreBuckets);
  if (text === undefined || text.trim() === '') return [];
  try {
    const parsed = JSON.parse(text) as unknown;
    if (Array.isArray(parsed) && parsed.every((b) => typeof b?.namespace === 'string' && b.namespace !== '' && typeof b?.bucket === 'string' && b.bucket !== '')) {
      return parsed.map((b) => ({ namespace: b.namespace, bucket: b.bucket }));
    }
  } catch {
    // reported below
  }
  r.problem(`${K.moreBuckets} must be a JSON list of {"namespace", "bucket"}, got ${JSON.stringify(text)}`);
  return [];
}
