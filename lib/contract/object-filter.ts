/**
 * Which objects become claims: include and exclude patterns on the object name. One filter object drives three
 * places, so they never disagree: the Events rule condition (what OCI's condition language can express), the
 * publisher function (exactly, for what it cannot), and the reconciler's listing.
 *
 * OCI Events conditions ("Matching Events with Filters",
 * https://docs.oracle.com/iaas/Content/Events/Concepts/filterevents.htm): a field's value is a string or an array
 * of strings, an array matches when any value matches (OR), the fields a condition names must all match (AND),
 * and "Wildcard matching is supported with the asterisk (*) character". There is no negation and no escape for a
 * literal `*`. So:
 * - includes compile into `data.resourceName: ["<prefix>*<suffix>", ...]` (OR of the include patterns);
 * - a `*` inside a prefix or suffix would act as a wildcard there, so the condition matches more than the filter
 *   (never less), and the function applies the filter exactly;
 * - excludes cannot be expressed: the function acknowledges an excluded object's event and publishes nothing.
 */

export interface ObjectNamePattern {
  /** The name starts with this. @default '' */
  readonly prefix?: string;
  /** The name ends with this (after the prefix: `ab` does not match prefix `ab` + suffix `b`). @default '' */
  readonly suffix?: string;
  /**
   * An OCI Events wildcard pattern instead of prefix/suffix: `*` stands for any characters (also none), everything
   * else is literal; the whole name must match. E.g. `reports-*-2026.csv`.
   */
  readonly wildcard?: string;
}

/** Which object names become claims: those matching any include (or all names when there is none) and no exclude. */
export interface ObjectFilter {
  /** The object must match one of these. @default - every object */
  readonly include?: readonly ObjectNamePattern[];
  /** …and none of these. @default - none */
  readonly exclude?: readonly ObjectNamePattern[];
}

/** Whether `name` passes the filter: matches an include (or there are none) and no exclude. */
export function matchesObjectFilter(name: string, filter: ObjectFilter | undefined): boolean {
  if (!filter) return true;
  const included = !filter.include || filter.include.length === 0 || filter.include.some((p) => matchesPattern(name, p));
  return included && !(filter.exclude ?? []).some((p) => matchesPattern(name, p));
}

/** Whether `name` matches one pattern: its wildcard, or its prefix and suffix (which may not overlap). */
export function matchesPattern(name: string, pattern: ObjectNamePattern): boolean {
  if (pattern.wildcard !== undefined) return wildcardMatches(pattern.wildcard, name);
  const prefix = pattern.prefix ?? '';
  const suffix = pattern.suffix ?? '';
  return name.length >= prefix.length + suffix.length && name.startsWith(prefix) && name.endsWith(suffix);
}

/** `*` = any run of characters (none included); every other character literal; the whole text must match. */
export function wildcardMatches(pattern: string, text: string): boolean {
  const parts = pattern.split('*');
  if (parts.length === 1) return text === pattern;
  const first = parts[0];
  const last = parts[parts.length - 1];
  if (text.length < first.length + last.length || !text.startsWith(first) || !text.endsWith(last)) return false;
  let at = first.length;
  const end = text.length - last.length;
  for (const middle of parts.slice(1, -1)) {
    const found = text.indexOf(middle, at);
    if (found < 0 || found + middle.length > end) return false;
    at = found + middle.length;
  }
  return true;
}

/**
 * The values of the rule condition's `data.resourceName` for the filter's includes, or undefined when every name
 * is included (the condition then leaves `resourceName` out). The condition may match more than the filter (see
 * the file comment); never less.
 */
export function resourceNameCondition(filter: ObjectFilter | undefined): string[] | undefined {
  const include = filter?.include ?? [];
  if (include.length === 0) return undefined;
  const patterns = include.map((p) => (p.wildcard !== undefined ? p.wildcard : `${p.prefix ?? ''}*${p.suffix ?? ''}`));
  // A pattern that is only `*` matches everything: the condition then need not name the field.
  if (patterns.some((p) => /^\**$/.test(p))) return undefined;
  return [...new Set(patterns)];
}

/** True when the rule condition alone decides exactly (no excludes, no `*` inside a prefix/suffix). */
export function conditionIsExact(filter: ObjectFilter | undefined): boolean {
  if (!filter) return true;
  if ((filter.exclude ?? []).length > 0) return false;
  return (filter.include ?? []).every((p) => p.wildcard !== undefined || (!(p.prefix ?? '').includes('*') && !(p.suffix ?? '').includes('*')));
}

/** One thing wrong with a filter: where (`objectFilters.include[0].suffix`) and what. */
export interface ObjectFilterProblem {
  path: string;
  rule: string;
}

/** Every problem with a filter, naming the pattern (for construct-time validation and the function's config). */
export function objectFilterProblems(filter: ObjectFilter, path = 'objectFilters'): ObjectFilterProblem[] {
  const problems: ObjectFilterProblem[] = [];
  const problem = (where: string, rule: string) => void problems.push({ path: where, rule });
  for (const kind of ['include', 'exclude'] as const) {
    const patterns = filter[kind];
    if (patterns === undefined) continue;
    if (!Array.isArray(patterns)) {
      problem(`${path}.${kind}`, 'must be an array of {prefix?, suffix?} or {wildcard} patterns');
      continue;
    }
    patterns.forEach((p: ObjectNamePattern, i: number) => {
      const where = `${path}.${kind}[${i}]`;
      if (typeof p !== 'object' || p === null) return problem(where, 'must be an object');
      const hasAffix = p.prefix !== undefined || p.suffix !== undefined;
      if (p.wildcard !== undefined && hasAffix) problem(where, 'give either wildcard or prefix/suffix, not both');
      else if (p.wildcard === undefined && !hasAffix) problem(where, 'give a prefix, a suffix or a wildcard');
      for (const field of ['prefix', 'suffix', 'wildcard'] as const) {
        const value = p[field];
        if (value === undefined) continue;
        if (typeof value !== 'string') problem(`${where}.${field}`, 'must be a string');
        else if (/[\n\r\0]/.test(value)) problem(`${where}.${field}`, 'contains a line feed, carriage return or NUL, which no object name can');
        else if (Buffer.byteLength(value, 'utf8') > 1024) problem(`${where}.${field}`, 'is longer than an object name can be (1024 bytes)');
      }
    });
  }
  return problems;
}

/** The filters of several source buckets, by bucket name, as the function's `OBJECT_FILTERS` configuration holds them. */
export type ObjectFiltersByBucket = Readonly<Record<string, ObjectFilter>>;

/** Parses and checks `OBJECT_FILTERS`; throws an Error naming the problem. */
export function parseObjectFiltersByBucket(text: string): ObjectFiltersByBucket {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new Error(`is not JSON: ${(e as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('must be a JSON object of bucket name → {include?, exclude?}');
  const problems = Object.entries(parsed as Record<string, ObjectFilter>).flatMap(([bucket, filter]) =>
    typeof filter === 'object' && filter !== null && !Array.isArray(filter) ? objectFilterProblems(filter, bucket) : [{ path: bucket, rule: 'must be an object {include?, exclude?}' }],
  );
  if (problems.length > 0) throw new Error(problems.map((p) => `${p.path}: ${p.rule}`).join('; '));
  return parsed as ObjectFiltersByBucket;
}
