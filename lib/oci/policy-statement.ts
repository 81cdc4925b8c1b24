/**
 * Builds OCI IAM policy statements:
 *   Allow <subject> to <verb> <resource-type> in compartment id <ocid> [where <conditions>]
 * Syntax: https://docs.oracle.com/iaas/Content/Identity/policysyntax/policysyntax.htm
 * Subjects (`group id`, `dynamic-group id`, `service`): https://docs.oracle.com/iaas/Content/Identity/policysyntax/subject.htm
 * Compartments are always addressed by OCID (`compartment id ...`) so statements never depend on names.
 */
export type PolicyVerb = 'inspect' | 'read' | 'use' | 'manage';

/** The parts of one policy statement, for `policyStatement`. */
export interface PolicyStatementSpec {
  /** The subject, e.g. `dynamic-group id ocid1.dynamicgroup...` or `service cloudEvents`. */
  readonly subject: string;
  /** The verb: `inspect`, `read`, `use` or `manage`. */
  readonly verb: PolicyVerb;
  /** A resource type or family, e.g. `stream-push`, `objects`, `functions-family`. */
  readonly resourceType: string;
  /** OCID of the compartment the statement applies to. */
  readonly compartmentId: string;
  /** Conditions that must all hold; rendered as `where c` or `where all {c1, c2}`. */
  readonly conditions?: string[];
}

/**
 * One policy statement, `Allow <subject> to <verb> <resourceType> in compartment id <c>`, followed by
 * `where <condition>` (or `where all {...}` for several conditions) when `conditions` are given.
 */
export function policyStatement(spec: PolicyStatementSpec): string {
  const base = `Allow ${spec.subject} to ${spec.verb} ${spec.resourceType} in compartment id ${spec.compartmentId}`;
  return `${base}${whereClause(spec.conditions ?? [])}`;
}

function whereClause(conditions: string[]): string {
  if (conditions.length === 0) return '';
  if (conditions.length === 1) return ` where ${conditions[0]}`;
  return ` where all {${conditions.join(', ')}}`;
}

/** `variable = 'value'`, quoting the value as OCI policy conditions expect. */
export function equals(variable: string, value: string): string {
  return `${variable} = '${value}'`;
}

/** `any {variable = 'v1', variable = 'v2'}`: one of several values. */
export function anyOf(variable: string, values: string[]): string {
  if (values.length === 1) return equals(variable, values[0]);
  return `any {${values.map((v) => equals(variable, v)).join(', ')}}`;
}
