import { Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { ValidationError, ValidationProblem } from '../validation-error';
import { isOcid, ocidRule } from './ocid';

/**
 * Collects every problem with a construct's props before anything is built, then throws one `ValidationError`
 * that names the construct path, each prop, the bad value and the rule (the way aws-cdk and Solutions Constructs
 * report). `nested('bucketProps')` checks a sub-resource's props into the same list, under that prefix, so a
 * pattern reports its own props and its sub-resources' overrides together.
 *
 * Unresolved tokens are never judged: their value is known only at apply time.
 */
export class PropValidator {
  private readonly problems: ValidationProblem[];

  /**
   * @param subject what is validated, e.g. `Bucket` or `Bucket.fromBucketAttributes`
   * @param prefix prop path prefix of a nested validator, e.g. `bucketProps.`
   * @param partial overrides of props that the caller fills in: an absent prop is not a problem
   */
  constructor(
    private readonly subject: string,
    private readonly prefix = '',
    private readonly partial = false,
    problems?: ValidationProblem[],
  ) {
    this.problems = problems ?? [];
  }

  /**
   * A validator for the props under `prop` (e.g. `bucketProps`) that records into this one. `partial` when those
   * props are overrides: a prop the sub-resource requires but the caller fills in may be absent.
   */
  public nested(prop: string, options: { partial?: boolean } = {}): PropValidator {
    return new PropValidator(this.subject, `${this.prefix}${prop}.`, options.partial ?? false, this.problems);
  }

  /** Records `rule` against `prop` unless `ok`. */
  public check(ok: boolean, prop: string, value: unknown, rule: string): void {
    if (ok || isUnresolved(value) || (value === undefined && this.partial)) return;
    const path = `${this.prefix}${prop}`;
    this.problems.push({ prop: path, rule, message: `${path} ${describe(value)}: ${rule}` });
  }

  /** Records a problem that is not about a single value (conflicting props, for example). */
  public fail(prop: string, rule: string): void {
    const path = `${this.prefix}${prop}`;
    this.problems.push({ prop: path, rule, message: `${path}: ${rule}` });
  }

  /** An OCID, of one of `resourceTypes` when given. */
  public ocid(prop: string, value: string | undefined, ...resourceTypes: string[]): void {
    this.check(typeof value === 'string' && isOcid(value, ...resourceTypes), prop, value, ocidRule(...resourceTypes));
  }

  /** An integer in [min, max]; `note` explains the range, e.g. `(24 hours to 7 days)`. */
  public intInRange(prop: string, value: number | undefined, min: number, max: number, note?: string): void {
    const rule = `must be an integer from ${min} to ${max}${note ? ` ${note}` : ''}`;
    this.check(typeof value === 'number' && isIntInRange(value, min, max), prop, value, rule);
  }

  /** One of the `allowed` values. */
  public oneOf<T>(prop: string, value: T | undefined, allowed: readonly T[]): void {
    this.check(value !== undefined && allowed.includes(value), prop, value, `must be one of ${allowed.join(', ')}`);
  }

  /** A non-empty list of distinct values, each one of `allowed`; `noun` names one value, e.g. `event type`. */
  public subsetOf<T>(prop: string, values: readonly T[] | undefined, allowed: readonly T[], noun: string): void {
    if (!Array.isArray(values)) {
      this.check(false, prop, values, `must list at least one ${noun}`);
      return;
    }
    this.check(values.length > 0, prop, values, `must list at least one ${noun}`);
    for (const value of values) this.oneOf(prop, value, allowed);
    this.check(new Set(values).size === values.length, prop, values, `must not repeat ${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`);
  }

  /** A string with something other than whitespace in it. */
  public notEmpty(prop: string, value: string | undefined): void {
    this.check(typeof value === 'string' && value.trim().length > 0, prop, value, 'must not be empty');
  }

  public get hasProblems(): boolean {
    return this.problems.length > 0;
  }

  /**
   * Throws one `ValidationError` listing every recorded problem, or returns if there were none.
   * @param where the construct whose props these are, or its path when it is not created yet (imports)
   */
  public throwIfInvalid(where: IConstruct | string): void {
    if (this.problems.length === 0) return;
    const path = typeof where === 'string' ? where : where.node.path;
    throw new ValidationError(this.subject, path, this.problems);
  }
}

/** The path a construct `id` under `scope` will have: for errors raised before it is created. */
export function pathOf(scope: IConstruct, id: string): string {
  return [scope.node.path, id].filter((part) => part.length > 0).join('/');
}

export function isUnresolved(value: unknown): boolean {
  if (typeof value === 'string' || typeof value === 'number') return Token.isUnresolved(value);
  if (Array.isArray(value)) return Token.isUnresolved(value);
  return false;
}

function describe(value: unknown): string {
  if (value === undefined) return '(missing)';
  const text = JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

/** Integer in [min, max]. */
export function isIntInRange(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}
