import { parseRuleCondition, RuleCondition } from '../emulators/events/condition-matcher';

/** What the local circuit needs to know about a synthesized pipeline stack. */
export interface StackTopology {
  readonly compartmentId: string;
  /** The bucket that emits object events (the landing bucket). */
  readonly bucketName: string;
  /** The stack's other buckets (e.g. the consumer state bucket), created empty in the local emulator. */
  readonly otherBucketNames: readonly string[];
  /**
   * Every bucket a rule listens to (`ClaimCheckPipeline.addSource`), `bucketName` first: imported buckets are not
   * resources of the stack, so the local emulator creates them from the rule conditions.
   */
  readonly sourceBucketNames: readonly string[];
  readonly partitions: number;
  readonly retentionInHours: number;
  /** Events rules that target a function, with their parsed conditions. */
  readonly rules: ReadonlyArray<{ readonly id: string; readonly displayName: string; readonly condition: RuleCondition }>;
  /** The function's configuration keys as synthesized (values may be Terraform references). */
  readonly functionConfig: Readonly<Record<string, string>>;
  readonly functionMemoryMb: number;
  readonly functionTimeoutSeconds: number;
}

/**
 * Reads a synthesized `cdk.tf.json` of one ClaimCheckPipeline: the bucket, the stream, the rules and the
 * function, so the local emulators run exactly what `cdktf deploy` would create (the same bucket name, the same
 * partition count, the same rule condition). Throws naming what is missing.
 */
export function readStackTopology(cdkTfJson: any): StackTopology {
  const resources = cdkTfJson?.resource ?? {};
  const one = (type: string) => {
    const all = Object.values<any>(resources[type] ?? {});
    if (all.length !== 1) throw new Error(`The stack must have exactly one ${type} for the local circuit (found ${all.length})`);
    return all[0];
  };
  const buckets = Object.values<any>(resources.oci_objectstorage_bucket ?? {});
  const literalName = (bucket: any): string => {
    if (typeof bucket.name !== 'string' || bucket.name.includes('${')) {
      throw new Error(`The bucket name must be a literal in the stack for the local circuit (found ${JSON.stringify(bucket.name)})`);
    }
    return bucket.name;
  };
  // The landing bucket is the one that emits object events; a pipeline stack has exactly one.
  const landing = buckets.filter((bucket) => bucket.object_events_enabled === true);
  if (landing.length !== 1) {
    throw new Error(
      `The stack must have exactly one oci_objectstorage_bucket with object_events_enabled for the local circuit (found ${landing.length})`,
    );
  }
  const bucket = landing[0];
  const stream = one('oci_streaming_stream');
  const fn = one('oci_functions_function');
  const rules = Object.entries<any>(resources.oci_events_rule ?? {})
    .filter(([, rule]) => (rule.actions?.action ?? []).some((a: any) => a.action_type === 'FAAS' && a.is_enabled !== false))
    .filter(([, rule]) => rule.is_enabled !== false)
    .map(([id, rule]) => ({ id, displayName: String(rule.display_name), condition: parseRuleCondition(rule.condition ?? '{}') }));
  if (rules.length === 0) throw new Error('The stack has no enabled oci_events_rule with a FAAS action');
  const bucketName = literalName(bucket);
  const ruleBuckets = rules.flatMap((rule) => {
    const names = (rule.condition.data as { additionalDetails?: { bucketName?: unknown } } | undefined)?.additionalDetails?.bucketName;
    return (Array.isArray(names) ? names : [names]).filter((n): n is string => typeof n === 'string' && !n.includes('${') && !n.includes('*'));
  });
  return {
    compartmentId: variableDefaultOrValue(cdkTfJson, bucket.compartment_id),
    bucketName,
    otherBucketNames: buckets.filter((other) => other !== bucket).map(literalName),
    sourceBucketNames: [...new Set([bucketName, ...ruleBuckets])],
    partitions: Number(stream.partitions),
    retentionInHours: Number(stream.retention_in_hours ?? 24),
    rules,
    functionConfig: fn.config ?? {},
    functionMemoryMb: Number(fn.memory_in_mbs ?? 128),
    functionTimeoutSeconds: Number(fn.timeout_in_seconds ?? 30),
  };
}

/**
 * A value that is exactly `${var.<name>}` becomes that variable's default, i.e. what the stack was synthesized with
 * (the sample stack passes its OCIDs through variables that refuse placeholders at plan time); anything else is
 * returned as a string.
 */
function variableDefaultOrValue(cdkTfJson: any, value: unknown): string {
  const match = typeof value === 'string' ? /^\$\{var\.([A-Za-z_][A-Za-z0-9_-]*)\}$/.exec(value) : null;
  const fallback = match ? cdkTfJson?.variable?.[match[1]]?.default : undefined;
  return String(typeof fallback === 'string' ? fallback : value);
}
