/**
 * The scheduled reconciler's configuration, read from the environment (keys: lib/contract/reconciler-config.ts).
 * Every problem is collected and reported at once, naming the variable, the value and what is allowed, so an
 * invocation that cannot run says why in its first log line.
 */
import { ObjectFilter, objectFilterProblems } from '../../contract/object-filter';
import { RECONCILER_AUTH_MODES, RECONCILER_CONFIG_KEYS as K, ReconcilerAuthMode } from '../../contract/reconciler-config';

/**
 * The longest invocation the entry plans for: a detached invocation (how Resource Scheduler invokes functions) may
 * run up to 3600 s with `detachedModeTimeoutInSeconds` ("Support for longer running functions in Detached mode",
 * https://docs.oracle.com/iaas/releasenotes/functions/functions-long-running-functions.htm); the construct sets the
 * synchronous timeout, at most 300 s.
 */
const MAX_TIMEOUT_SECONDS = 3600;

export interface ReconcileSource {
  readonly namespace: string;
  readonly bucket: string;
  /** The pipeline's object filter for this bucket (what its function leaves out is not republished). */
  readonly objectFilter?: ObjectFilter;
}

export interface ScheduledReconcilerConfig {
  readonly sources: readonly ReconcileSource[];
  readonly streamId: string;
  readonly messagesEndpoint: string;
  readonly stateBucket: { readonly namespace: string; readonly bucket: string };
  readonly groups: readonly string[];
  /** Backfill each source once (every object republished), then reconcile. */
  readonly backfill: boolean;
  /** The function's timeout: the invocation's budget without an FDK deadline, and its ceiling. */
  readonly timeoutMs: number;
  readonly partitions?: number;
  readonly retentionHours?: number;
  readonly pagesPerSecond?: number;
  readonly pageSize?: number;
  readonly auth: ReconcilerAuthMode;
  readonly region?: string;
  readonly objectStorageEndpoint?: string;
}

/** The entry cannot run with this environment; `problems` names each variable. */
export class ReconcilerEntryConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid reconciler configuration: ${problems.join('; ')}`);
    this.name = 'ReconcilerEntryConfigError';
  }
}

const GROUP_NAME = /^[A-Za-z0-9._-]{1,255}$/;

export function readScheduledReconcilerConfig(env: NodeJS.ProcessEnv): ScheduledReconcilerConfig {
  const problems: string[] = [];
  const optional = (name: string): string | undefined => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  };
  const required = (name: string): string => {
    const value = optional(name);
    if (value === undefined) problems.push(`${name} is required`);
    return value ?? '';
  };
  const int = (name: string, min: number, max: number): number | undefined => {
    const text = optional(name);
    if (text === undefined) return undefined;
    const value = /^\d+$/.test(text) ? Number(text) : NaN;
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      problems.push(`${name} must be a decimal integer from ${min} to ${max}, got ${JSON.stringify(text)}`);
      return undefined;
    }
    return value;
  };
  const url = (name: string, isRequired: boolean): string | undefined => {
    const text = isRequired ? required(name) : optional(name);
    if (!text) return undefined;
    let ok = false;
    try {
      ok = ['http:', 'https:'].includes(new URL(text).protocol);
    } catch {
      ok = false;
    }
    if (!ok) problems.push(`${name} must be an http(s) URL, got ${JSON.stringify(text)}`);
    return text;
  };
  const json = (name: string): unknown => {
    const text = optional(name);
    if (text === undefined) return undefined;
    try {
      return JSON.parse(text);
    } catch (e) {
      problems.push(`${name} is not JSON: ${(e as Error).message}`);
      return null;
    }
  };

  const sources = readSources(json(K.sources), problems);
  const groupsValue = json(K.groups);
  let groups: string[] = [];
  if (groupsValue !== undefined && groupsValue !== null) {
    if (Array.isArray(groupsValue) && groupsValue.every((g) => typeof g === 'string' && GROUP_NAME.test(g))) groups = [...new Set(groupsValue as string[])];
    else problems.push(`${K.groups} must be a JSON list of consumer group names (letters, digits, ".", "_", "-"), got ${JSON.stringify(env[K.groups])}`);
  }
  const backfill = optional(K.backfill) ?? '0';
  if (backfill !== '0' && backfill !== '1') problems.push(`${K.backfill} must be 0 or 1, got ${JSON.stringify(backfill)}`);
  const auth = optional(K.auth) ?? 'resource_principal';
  if (!(RECONCILER_AUTH_MODES as readonly string[]).includes(auth)) problems.push(`${K.auth} must be one of ${RECONCILER_AUTH_MODES.join(', ')}, got ${JSON.stringify(auth)}`);
  // The state bucket is the pipeline's, in the same namespace as its buckets unless said otherwise.
  const stateNamespace = optional(K.stateBucketNamespace) ?? sources[0]?.namespace ?? '';

  const config: ScheduledReconcilerConfig = {
    sources,
    streamId: required(K.streamId),
    messagesEndpoint: url(K.messagesEndpoint, true) ?? '',
    stateBucket: { namespace: stateNamespace, bucket: required(K.stateBucketName) },
    groups,
    backfill: backfill === '1',
    timeoutMs: (int(K.timeoutSeconds, 1, MAX_TIMEOUT_SECONDS) ?? 30) * 1000,
    partitions: int(K.partitions, 1, 100_000),
    retentionHours: int(K.retentionHours, 24, 168),
    pagesPerSecond: int(K.pagesPerSecond, 0, 1000),
    pageSize: int(K.pageSize, 1, 1000),
    auth: auth as ReconcilerAuthMode,
    region: optional(K.region),
    objectStorageEndpoint: url(K.objectStorageEndpoint, false),
  };
  if (problems.length > 0) throw new ReconcilerEntryConfigError(problems);
  return config;
}

function readSources(value: unknown, problems: string[]): ReconcileSource[] {
  if (value === undefined) {
    problems.push(`${K.sources} is required`);
    return [];
  }
  if (value === null) return [];
  const shape = `a JSON list of {"namespace", "bucket", "objectFilter"?}`;
  if (!Array.isArray(value) || value.length === 0) {
    problems.push(`${K.sources} must be ${shape} with at least one bucket`);
    return [];
  }
  const sources: ReconcileSource[] = [];
  value.forEach((entry: unknown, i: number) => {
    const s = entry as Partial<ReconcileSource> | null;
    if (typeof s !== 'object' || s === null || typeof s.namespace !== 'string' || s.namespace === '' || typeof s.bucket !== 'string' || s.bucket === '') {
      problems.push(`${K.sources}[${i}] must be {"namespace", "bucket", "objectFilter"?} with non-empty names`);
      return;
    }
    if (s.objectFilter !== undefined) {
      const filterProblems = typeof s.objectFilter === 'object' && s.objectFilter !== null ? objectFilterProblems(s.objectFilter, `${K.sources}[${i}].objectFilter`) : [{ path: `${K.sources}[${i}].objectFilter`, rule: 'must be an object {include?, exclude?}' }];
      for (const p of filterProblems) problems.push(`${p.path}: ${p.rule}`);
    }
    sources.push({ namespace: s.namespace, bucket: s.bucket, ...(s.objectFilter !== undefined ? { objectFilter: s.objectFilter } : {}) });
  });
  const seen = new Set<string>();
  for (const s of sources) {
    const key = `${s.namespace}/${s.bucket}`;
    if (seen.has(key)) problems.push(`${K.sources} lists ${key} twice`);
    seen.add(key);
  }
  return sources;
}
