import { dependable, TerraformDataSource, TerraformModule, TerraformResource } from 'cdktf';
import { IConstruct } from 'constructs';
import { HomeRegion } from './home-region';
import { Policy } from './policy';
import { IGrantable } from './principal';

/** What one grant adds to a principal's policies. */
export interface GrantOnPrincipalOptions {
  /** Who is granted access. */
  readonly grantee: IGrantable;
  /** OCID of the compartment the statements are about: they go into the grantee's policy for it. */
  readonly compartmentId: string;
  /** The policy statements. */
  readonly statements: string[];
}

/**
 * The result of a `grant*` method: the statements it added, who they are for, and the policies that carry them.
 *
 * OCI IAM is eventually consistent: a policy takes effect a little after it is created. A resource that uses the
 * access as soon as it exists (a consumer instance, a container, a connector) should be created after the policy:
 * `grant.applyBefore(consumer)` adds the policies to the `depends_on` of every resource under `consumer`
 * (or use `grant.policies` in your own `dependsOn`).
 */
export class Grant {
  /** Adds `statements` to the grantee's policy for `compartmentId`, and returns the grant. */
  public static addToPrincipal(options: GrantOnPrincipalOptions): Grant {
    const policy = options.grantee.addToPrincipalPolicy(options.compartmentId, ...options.statements);
    return new Grant([options.grantee], options.statements, [policy]);
  }

  /** Several grants as one: their statements, grantees and policies, each once, in order. */
  public static combine(...grants: Grant[]): Grant {
    if (grants.length === 0) throw new Error('Grant.combine needs at least one grant');
    return new Grant(
      grants.flatMap((g) => g.grantees),
      grants.flatMap((g) => g.statements),
      grants.flatMap((g) => g.policies),
    );
  }

  /** Every principal granted access (one, unless grants to several principals were combined). */
  public readonly grantees: readonly IGrantable[];
  /** The statements this grant added, in order. */
  public readonly statements: readonly string[];
  /** The policies carrying the statements (a principal has one per compartment). */
  public readonly policies: readonly Policy[];

  private constructor(grantees: IGrantable[], statements: string[], policies: Policy[]) {
    this.grantees = unique(grantees);
    this.statements = unique(statements);
    this.policies = unique(policies);
  }

  /** The principal granted access (the first one of a combination). */
  public get grantee(): IGrantable {
    return this.grantees[0];
  }

  /**
   * Makes every Terraform resource, data source and module under each of `dependents` depend on this grant's
   * policies, so they are created once the access exists. Resources of the grantee itself and of the policies are
   * skipped: the policies name the grantee, so those come first (depending on the policy would be a cycle). So is a
   * `HomeRegion`'s lookup: the home provider's region comes from it, so it must be read at plan time, before any
   * policy exists (a data source that depends on a resource being created is read at apply).
   */
  public applyBefore(...dependents: IConstruct[]): void {
    const before = new Set<IConstruct>([...this.policies, ...this.grantees.filter(isConstruct)]);
    const inBefore = (element: IConstruct) => element.node.scopes.some((scope) => before.has(scope) || scope instanceof HomeRegion);
    const fqns = this.policies.map(dependsOnReference);
    for (const dependent of dependents) {
      for (const element of dependent.node.findAll()) {
        if (!isDependable(element) || inBefore(element)) continue;
        const dependsOn = element.dependsOn ?? [];
        element.dependsOn = [...dependsOn, ...fqns.filter((fqn) => !dependsOn.includes(fqn))];
      }
    }
  }
}

/** One `depends_on` reference per policy, reused so applying a grant twice adds nothing. */
const references = new WeakMap<Policy, string>();
function dependsOnReference(policy: Policy): string {
  let reference = references.get(policy);
  if (reference === undefined) {
    reference = dependable(policy.resource);
    references.set(policy, reference);
  }
  return reference;
}

function isDependable(element: IConstruct): element is TerraformResource | TerraformDataSource | TerraformModule {
  return element instanceof TerraformResource || element instanceof TerraformDataSource || element instanceof TerraformModule;
}

function isConstruct(value: IGrantable): value is IGrantable & IConstruct {
  return typeof value === 'object' && value !== null && 'node' in value;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
