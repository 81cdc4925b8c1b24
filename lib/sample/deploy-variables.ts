/**
 * The sample stack's OCIDs as Terraform variables that refuse to deploy a placeholder.
 *
 * `cdktf synth` must work on a fresh clone with nothing set, so the sample uses placeholder OCIDs for the unset
 * environment variables; a plan or apply with one of them must fail at once, naming the environment variable to
 * set. Each such input becomes a Terraform variable whose default is the value `cdktf synth` read, with a
 * `validation` block that refuses the placeholder:
 *
 *   variable "compartment_ocid" {
 *     default = "<OCI_COMPARTMENT_OCID, or the placeholder>"
 *     validation {
 *       condition     = var.compartment_ocid != "<the placeholder>"
 *       error_message = "OCI_COMPARTMENT_OCID is not set: ..."
 *     }
 *   }
 *
 * and every resource that needs the OCID references the variable.
 *
 * Why a variable `validation` rather than a `lifecycle.precondition`: Terraform checks a variable's validation when
 * it evaluates the variable, before anything that references it, and does not evaluate what depends on a failed
 * node. The data sources that read OCI at plan time (the Object Storage namespace, the home-region lookup)
 * reference these variables, and so does every resource (directly or through them), so the plan stops with this
 * message before any request is sent with a placeholder. A precondition is checked only when its own resource or
 * data source is planned: it would have to be on every object, and any object without one (a data source read at
 * plan time) would still call OCI with the placeholder and add OCI's error to ours. Terraform's documentation:
 * https://developer.hashicorp.com/terraform/language/values/variables ("Custom validation rules") and
 * https://developer.hashicorp.com/terraform/language/expressions/custom-conditions. Checked with Terraform 1.11 by
 * `__tests__/sample/deploy-variables.test.ts`: the rule applies to the default value, and `terraform validate`
 * passes (it does not know variable values), so a CI `validate` of the placeholder stack still works. Also seen
 * with 1.11 (not in the tests: it needs a data source that fails): a validation failure does not stop a data
 * source that does not reference the variable from being read, which is why the resources reference it.
 *
 * A variable also means a deploy-time override works without synthesizing again: `TF_VAR_compartment_ocid`.
 */
import { TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';

export interface PlaceholderCheckedInput {
  /** Terraform variable name, e.g. `compartment_ocid` (the names OCI Resource Manager fills in). */
  readonly name: string;
  /** The environment variable `cdktf synth` read it from, named in the error. */
  readonly envVar: string;
  /** What it is, e.g. `compartment OCID`. */
  readonly what: string;
  /** The value read at synth: the placeholder when the environment variable was not set. */
  readonly value: string;
  /** The placeholder used when the environment variable is not set. */
  readonly placeholder: string;
}

/** The `validation` condition, in Terraform: true (deployable) unless the value is the placeholder. */
export function placeholderCondition(input: PlaceholderCheckedInput): string {
  return `\${var.${input.name} != ${JSON.stringify(input.placeholder)}}`;
}

/**
 * The same rule in TypeScript: what the condition above evaluates to for `value`. The tests run Terraform on the
 * synthesized variables when it is installed, and check this function against the same cases either way.
 */
export function isDeployable(input: PlaceholderCheckedInput, value: string): boolean {
  return value !== input.placeholder;
}

/** The error a plan with the placeholder fails with: it names the environment variable to set. */
export function placeholderErrorMessage(input: PlaceholderCheckedInput): string {
  return (
    `${input.envVar} is not set: this stack was synthesized with a placeholder ${input.what}. ` +
    `Set ${input.envVar} and run cdktf deploy again (or set TF_VAR_${input.name} for this plan).`
  );
}

/** The variable (created once per stack under `input.name`), with the placeholder's value as its default. */
export function placeholderCheckedVariable(scope: Construct, input: PlaceholderCheckedInput): TerraformVariable {
  return new TerraformVariable(scope, input.name, {
    type: 'string',
    nullable: false,
    default: input.value,
    description: `The ${input.what} (${input.envVar} when the stack was synthesized).`,
    validation: [{ condition: placeholderCondition(input), errorMessage: placeholderErrorMessage(input) }],
  });
}
