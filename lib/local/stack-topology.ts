import { FUNCTION_CONFIG_KEYS } from '../contract';
import { parseRuleCondition, RuleCondition } from '../emulators/events/condition-matcher';

/** What the local circuit needs to know about a synthesized pipeline stack. */
export interface StackTopology {
  /** The stack's name (its `//` metadata), when the synthesized JSON has one. */
  readonly stackName?: string;
  /** The construct path of the ClaimCheckPipeline the circuit runs, e.g. `claimcheck-sample/Files`. */
  readonly pipelinePath: string;
  readonly compartmentId: string;
  /** The bucket that emits object events (the landing bucket). */
  readonly bucketName: string;
  /** The stack's other buckets (e.g. the consumer state bucket), created empty in the local emulator. */
  readonly otherBucketNames: readonly string[];
  /** The pipeline's consumer state bucket, when the stack has one (`createConsumerStateBucket`). */
  readonly stateBucketName?: string;
  /**
   * Every bucket a rule listens to (`ClaimCheckPipeline.addSource`), `bucketName` first: imported buckets are not
   * resources of the stack, so the local emulator creates them from the rule conditions.
   */
  readonly sourceBucketNames: readonly string[];
  readonly partitions: number;
  readonly retentionInHours: number;
  /** Events rules that target the pipeline's function, with their parsed conditions. */
  readonly rules: ReadonlyArray<{ readonly id: string; readonly displayName: string; readonly condition: RuleCondition }>;
  /** The function's configuration keys as synthesized (values may be Terraform references). */
  readonly functionConfig: Readonly<Record<string, string>>;
  readonly functionMemoryMb: number;
  readonly functionTimeoutSeconds: number;
}

/** A ClaimCheckPipeline in a synthesized stack: found by its publisher function. */
export interface PipelineInStack {
  /** Construct path, e.g. `claimcheck-sample/Files` (without the `//` metadata, which `Testing.synth` drops: `Files`). */
  readonly path: string;
  /** The path below the stack, e.g. `Files` (what `--pipeline` takes). */
  readonly id: string;
  /** The logical id of its `oci_functions_function`. */
  readonly functionLogicalId: string;
  /** Whether a resource is the pipeline's child `child` (e.g. `Rule`), by construct path or, without it, logical id. */
  readonly owns: (resource: any, logicalId: string, child: string) => boolean;
}

/** The compartment the circuit uses when the stack's is not a literal (the local emulators accept any). */
export const LOCAL_FALLBACK_COMPARTMENT = 'ocid1.compartment.oc1..localclaimcheckcircuit';

/**
 * The ClaimCheckPipelines of a synthesized `cdk.tf.json`: every `oci_functions_function` configured as the
 * publisher (the pipeline's function contract: `STREAM_OCID` and `STREAM_ENDPOINT`), named by its construct path
 * without the trailing `/Publisher/Resource`.
 */
export function pipelinesInStack(cdkTfJson: any): PipelineInStack[] {
  const functions = Object.entries<any>(cdkTfJson?.resource?.oci_functions_function ?? {});
  return functions
    .filter(([, fn]) => typeof fn?.config?.[FUNCTION_CONFIG_KEYS.streamId] === 'string' && typeof fn?.config?.[FUNCTION_CONFIG_KEYS.streamEndpoint] === 'string')
    .map(([logicalId, fn]): PipelineInStack => {
      const fnPath = fn['//']?.metadata?.path;
      // `<scope path>_Publisher_<8 hex>`: cdktf's logical id of `<scope path>/Publisher/Resource`.
      const logicalScope = logicalId.replace(/_[0-9A-F]{8}$/, '').replace(/_Publisher$/, '');
      if (typeof fnPath !== 'string') {
        return {
          path: logicalScope,
          id: logicalScope,
          functionLogicalId: logicalId,
          owns: (_resource, childLogicalId, child) => new RegExp(`^${escapeRegExp(`${logicalScope}_${child}`)}_[0-9A-F]{8}$`).test(childLogicalId),
        };
      }
      const path = fnPath.replace(/\/Resource$/, '').replace(/\/[^/]+$/, '');
      const stackName = cdkTfJson?.['//']?.metadata?.stackName;
      const id = typeof stackName === 'string' && path.startsWith(`${stackName}/`) ? path.slice(stackName.length + 1) : path;
      return { path, id, functionLogicalId: logicalId, owns: (resource, _childLogicalId, child) => resource?.['//']?.metadata?.path === `${path}/${child}/Resource` };
    });
}

/**
 * Reads one ClaimCheckPipeline of a synthesized `cdk.tf.json`: its bucket, stream, rules and function, so the local
 * emulators run exactly what `cdktf deploy` would create (the same bucket names, the same partition count, the same
 * rule conditions). `pipeline` picks one (its id or construct path) when the stack has several. Terraform variables
 * with a default read as that default (what the stack was synthesized with); any other reference where the circuit
 * needs a value is an error. Throws naming what is missing.
 */
export function readStackTopology(cdkTfJson: any, options: { pipeline?: string } = {}): StackTopology {
  const resources = cdkTfJson?.resource ?? {};
  const resolve = (value: unknown) => resolveVariables(cdkTfJson, value);
  const stackName = typeof cdkTfJson?.['//']?.metadata?.stackName === 'string' ? (cdkTfJson['//'].metadata.stackName as string) : undefined;
  const inStack = stackName ? ` ${stackName}` : '';

  const pipelines = pipelinesInStack(cdkTfJson);
  const named = pipelines.map((p) => p.id).join(', ');
  let pipeline: PipelineInStack;
  if (options.pipeline !== undefined) {
    const chosen = pipelines.find((p) => p.id === options.pipeline || p.path === options.pipeline);
    if (!chosen) throw new Error(`The stack${inStack} has no ClaimCheckPipeline "${options.pipeline}" (${pipelines.length === 0 ? 'it has none' : `it has: ${named}`})`);
    pipeline = chosen;
  } else if (pipelines.length === 1) {
    pipeline = pipelines[0];
  } else if (pipelines.length === 0) {
    throw new Error(
      `The stack${inStack} has no ClaimCheckPipeline for the local circuit: no oci_functions_function is configured as its publisher ` +
        `(${FUNCTION_CONFIG_KEYS.streamId} and ${FUNCTION_CONFIG_KEYS.streamEndpoint} in its config)`,
    );
  } else {
    throw new Error(`The stack${inStack} has ${pipelines.length} ClaimCheckPipelines (${named}); the local circuit runs one: pick it with --pipeline ID`);
  }
  const what = `the pipeline ${pipeline.id}`;
  const fn = resources.oci_functions_function[pipeline.functionLogicalId];
  const functionConfig: Record<string, string> = fn.config ?? {};

  // The stream: the one the function publishes to, a resource of this stack.
  const streamRef = /^\$\{oci_streaming_stream\.([^.}]+)\.id\}$/.exec(functionConfig[FUNCTION_CONFIG_KEYS.streamId]);
  const stream = streamRef ? resources.oci_streaming_stream?.[streamRef[1]] : undefined;
  if (!stream) {
    throw new Error(
      `The stream of ${what} is not created in this stack (${FUNCTION_CONFIG_KEYS.streamId} = ${JSON.stringify(functionConfig[FUNCTION_CONFIG_KEYS.streamId])}): ` +
        'the local circuit takes the partition count from the oci_streaming_stream resource',
    );
  }
  const partitions = literalNumber(resolve(stream.partitions), `the partitions of the stream of ${what}`);
  const retentionInHours = stream.retention_in_hours === undefined ? 24 : literalNumber(resolve(stream.retention_in_hours), `the retention of the stream of ${what}`);

  // The rules: every enabled Events rule with an enabled FAAS action invoking this function.
  const functionRef = `\${oci_functions_function.${pipeline.functionLogicalId}.id}`;
  const rules = Object.entries<any>(resources.oci_events_rule ?? {})
    .filter(([, rule]) => rule.is_enabled !== false)
    .filter(([, rule]) => (rule.actions?.action ?? []).some((a: any) => a.action_type === 'FAAS' && a.is_enabled !== false && a.function_id === functionRef))
    .map(([id, rule]) => {
      const condition = resolve(rule.condition ?? '{}');
      const reference = /\$\{[^}]*\}/.exec(condition);
      if (reference) {
        throw new Error(
          `The Events rule ${rule['//']?.metadata?.path ?? id} of ${what} has a Terraform reference in its condition (${reference[0]}): ` +
            'the local circuit needs literal bucket names (a literal bucketName, or a Terraform variable with a default)',
        );
      }
      return { id, path: String(rule['//']?.metadata?.path ?? id), own: pipeline.owns(rule, id, 'Rule'), displayName: String(rule.display_name), condition: parseRuleCondition(condition) };
    });
  if (rules.length === 0) throw new Error(`No enabled oci_events_rule with a FAAS action invokes the function of ${what}`);
  // The pipeline's own rule (`Rule`) names its bucket; the others are sources added with addSource.
  const own = rules.find((rule) => rule.own) ?? rules[0];
  const bucketNamesOf = (condition: RuleCondition): string[] => {
    const names = (condition.data as { additionalDetails?: { bucketName?: unknown } } | undefined)?.additionalDetails?.bucketName;
    return (Array.isArray(names) ? names : [names]).filter((n): n is string => typeof n === 'string' && !n.includes('*'));
  };
  const ownBuckets = bucketNamesOf(own.condition);
  if (ownBuckets.length !== 1) {
    throw new Error(`The Events rule ${own.path} of ${what} names ${ownBuckets.length === 0 ? 'no bucket' : `${ownBuckets.length} buckets`}; the local circuit needs its one landing bucket`);
  }
  const bucketName = ownBuckets[0];
  const sourceBucketNames = [...new Set([bucketName, ...rules.flatMap((rule) => bucketNamesOf(rule.condition))])];

  // The stack's buckets: the landing bucket's resource (absent when the pipeline uses an existing bucket), the
  // consumer state bucket, and any other bucket with a literal name, all created empty in the emulator.
  const bucketEntries = Object.entries<any>(resources.oci_objectstorage_bucket ?? {});
  const buckets = bucketEntries.map(([, bucket]) => bucket);
  const literalNameOf = (bucket: any): string | null => {
    const name = resolve(bucket.name);
    return typeof name === 'string' && !name.includes('${') ? name : null;
  };
  const stateBucket = bucketEntries.find(([logicalId, bucket]) => pipeline.owns(bucket, logicalId, 'ConsumerStateBucket'))?.[1];
  let stateBucketName: string | undefined;
  if (stateBucket) {
    const name = literalNameOf(stateBucket);
    if (name === null) throw new Error(`The consumer state bucket name of ${what} is a Terraform reference (${JSON.stringify(stateBucket.name)}): the local circuit needs a literal name`);
    stateBucketName = name;
  }
  const landing = buckets.find((bucket) => literalNameOf(bucket) === bucketName);
  const otherBucketNames = [...new Set(buckets.map(literalNameOf).filter((name): name is string => name !== null && !sourceBucketNames.includes(name)))];

  const compartment = resolve(landing?.compartment_id ?? resources.oci_events_rule[own.id].compartment_id);
  return {
    stackName,
    pipelinePath: pipeline.path,
    compartmentId: typeof compartment === 'string' && !compartment.includes('${') ? compartment : LOCAL_FALLBACK_COMPARTMENT,
    bucketName,
    otherBucketNames,
    stateBucketName,
    sourceBucketNames,
    partitions,
    retentionInHours,
    rules: rules.map(({ id, displayName, condition }) => ({ id, displayName, condition })),
    functionConfig,
    functionMemoryMb: Number(resolve(fn.memory_in_mbs ?? 128)),
    functionTimeoutSeconds: Number(resolve(fn.timeout_in_seconds ?? 30)),
  };
}

/**
 * `${var.<name>}` in a string replaced by that variable's default, i.e. what the stack was synthesized with (the
 * sample stack passes its OCIDs through variables that refuse placeholders at plan time); a variable without a
 * string or number default, and any other reference, stays as it is. Non-strings are returned unchanged.
 */
function resolveVariables(cdkTfJson: any, value: unknown): any {
  if (typeof value !== 'string') return value;
  const whole = /^\$\{var\.([A-Za-z_][A-Za-z0-9_-]*)\}$/.exec(value);
  const defaultOf = (name: string): unknown => cdkTfJson?.variable?.[name]?.default;
  if (whole) {
    const fallback = defaultOf(whole[1]);
    return typeof fallback === 'string' || typeof fallback === 'number' ? fallback : value;
  }
  return value.replace(/\$\{var\.([A-Za-z_][A-Za-z0-9_-]*)\}/g, (reference, name: string) => {
    const fallback = defaultOf(name);
    return typeof fallback === 'string' || typeof fallback === 'number' ? String(fallback) : reference;
  });
}

function literalNumber(value: unknown, what: string): number {
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^[0-9]+$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(number) || number < 1) throw new Error(`${what[0].toUpperCase()}${what.slice(1)} must be a literal number for the local circuit (found ${JSON.stringify(value)})`);
  return number;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
