/**
 * Stable output names. cdktf names an output by its construct path plus a hash (`Invoices_BucketName_D2C2EE90`),
 * which scripts reading `terraform output` cannot guess. The library's constructs name theirs
 * `<prefix><Name>` instead, the prefix being the construct's path below the stack joined with `_` plus a `_`
 * (`Invoices_BucketName`, `Billing_Invoices_BucketName` one level down), or the construct's `outputNamePrefix`
 * (`''` for bare names). Paths are unique in a stack, so two constructs only collide through an `outputNamePrefix`
 * or ids that differ only in characters an output name cannot hold: refused at construction, naming both.
 */
import { TerraformOutput, TerraformOutputConfig, TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { PropValidator } from '../oci/private/validation';

/** What an `outputNamePrefix` may be: empty, or the start of a Terraform identifier. */
const PREFIX_PATTERN = /^([A-Za-z_][A-Za-z0-9_-]*)?$/;

/** Checks an `outputNamePrefix` prop into `v`. */
export function checkOutputNamePrefix(v: PropValidator, prefix: string | undefined): void {
  if (prefix === undefined) return;
  v.check(
    PREFIX_PATTERN.test(prefix),
    'outputNamePrefix',
    prefix,
    'must be empty or start an output name: a letter or underscore, then letters, digits, underscores or hyphens',
  );
}

/** The prefix of `scope`'s outputs: `given`, else its path below the stack, `_`-joined, with a trailing `_`. */
export function outputNamePrefix(scope: IConstruct, given?: string): string {
  if (given !== undefined) return given;
  const stack = TerraformStack.of(scope);
  const parts = scope.node.scopes.slice(scope.node.scopes.indexOf(stack) + 1).map((s) => s.node.id.replace(/[^A-Za-z0-9_-]/g, '_'));
  const joined = parts.join('_');
  return `${/^[0-9-]/.test(joined) ? '_' : ''}${joined}_`;
}

/** Output names taken in each stack, with the path of the construct that took each. */
const taken = new WeakMap<TerraformStack, Map<string, string>>();

/**
 * An output of `owner` named `<prefix><name>` in the synthesized stack (the construct id stays `name`). Throws a
 * `ValidationError` of `subject` when another construct of the library already has that name in the stack.
 */
export function stableOutput(owner: Construct, subject: string, prefix: string, name: string, config: TerraformOutputConfig): TerraformOutput {
  const stack = TerraformStack.of(owner);
  const names = taken.get(stack) ?? new Map<string, string>();
  taken.set(stack, names);
  const outputName = `${prefix}${name}`;
  const other = names.get(outputName);
  if (other !== undefined && other !== owner.node.path) {
    const v = new PropValidator(subject);
    v.fail(
      'outputNamePrefix',
      `output name "${outputName}" is already used by ${other}: give one of them an outputNamePrefix of its own (README, "The pattern it deploys": outputs)`,
    );
    v.throwIfInvalid(owner);
  }
  names.set(outputName, owner.node.path);
  const output = new TerraformOutput(owner, name, config);
  output.overrideLogicalId(outputName);
  return output;
}
