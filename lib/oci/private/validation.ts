import { Token } from 'cdktf';

/**
 * Collects every problem with a construct's props before anything is built, then throws one error
 * that names each prop, the bad value and the rule (the way aws-cdk and Solutions Constructs report).
 */
export class PropValidator {
  private readonly problems: string[] = [];

  constructor(private readonly constructName: string) {}

  /** Records `rule` against `prop` unless `ok`. Unresolved tokens are never judged: their value is known only at apply time. */
  public check(ok: boolean, prop: string, value: unknown, rule: string): void {
    if (ok || isUnresolved(value)) return;
    this.problems.push(`${prop} ${describe(value)}: ${rule}`);
  }

  /** Records a problem that is not about a single value (conflicting props, for example). */
  public fail(prop: string, rule: string): void {
    this.problems.push(`${prop}: ${rule}`);
  }

  public get hasProblems(): boolean {
    return this.problems.length > 0;
  }

  /** Throws one Error listing every recorded problem, or returns if there were none. */
  public throwIfInvalid(): void {
    if (this.problems.length === 0) return;
    const list = this.problems.map((p) => `  - ${p}`).join('\n');
    throw new Error(`Invalid ${this.constructName} props:\n${list}`);
  }
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
