/**
 * Matches an event against an OCI Events rule condition, the way the Events service filters:
 * https://docs.oracle.com/iaas/Content/Events/Concepts/filterevents.htm
 *
 * - The condition is a JSON object shaped like the event. `{}` matches every event.
 * - Every field the condition names must exist in the event at the same nesting; fields it doesn't name are ignored.
 * - A value is a string or an array of strings; an array matches when any of its values matches (OR).
 * - `*` is a wildcard for zero or more characters.
 */
export type RuleCondition = { [field: string]: string | string[] | RuleCondition };

/** Parses an Events rule's `condition` (JSON); throws when it is not a JSON object. */
export function parseRuleCondition(condition: string): RuleCondition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(condition);
  } catch (error) {
    throw new Error(`Events rule condition is not JSON: ${(error as Error).message}`);
  }
  if (!isPlainObject(parsed)) throw new Error('Events rule condition must be a JSON object');
  return parsed as RuleCondition;
}

/**
 * Whether an event matches a rule condition, as OCI Events matches: every field of the condition (an AND), any
 * value of a list (an OR), `*` as a wildcard.
 */
export function matchesCondition(event: unknown, condition: RuleCondition): boolean {
  if (!isPlainObject(event)) return Object.keys(condition).length === 0;
  for (const [field, expected] of Object.entries(condition)) {
    if (!(field in event)) return false;
    const actual = (event as Record<string, unknown>)[field];
    if (isPlainObject(expected)) {
      if (!matchesCondition(actual, expected as RuleCondition)) return false;
    } else if (!matchesValue(actual, expected as string | string[])) {
      return false;
    }
  }
  return true;
}

function matchesValue(actual: unknown, expected: string | string[]): boolean {
  if (actual === null || actual === undefined || typeof actual === 'object') return false;
  const text = String(actual);
  const patterns = Array.isArray(expected) ? expected : [expected];
  return patterns.some((pattern) => wildcardToRegExp(pattern).test(text));
}

function wildcardToRegExp(pattern: string): RegExp {
  const escaped = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('.*')}$`, 's');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
