import { Construct } from 'constructs';
import { Policy } from './policy';

/**
 * Something that can be granted access: a dynamic group (function, instances, OKE workloads),
 * a group of users, or a service. Grants add statements to the principal's own policies,
 * one policy per compartment the statements concern, since an OCI policy can only grant access
 * in the compartment it is attached to and below.
 */
export interface IGrantable {
  /** The policy subject, e.g. `dynamic-group id ocid1.dynamicgroup.oc1..xyz`. */
  readonly policySubject: string;
  /** Adds statements about resources in `compartmentId` to this principal's policy for that compartment. */
  addToPrincipalPolicy(compartmentId: string, ...statements: string[]): void;
}

/**
 * Keeps one `Policy` per compartment for a principal, created on first use under `owner`.
 * Shared by every IGrantable implementation.
 */
export class PrincipalPolicies {
  private readonly policies = new Map<string, Policy>();

  constructor(
    private readonly owner: Construct,
    private readonly describePrincipal: string,
  ) {}

  public add(compartmentId: string, statements: string[]): void {
    let policy = this.policies.get(compartmentId);
    if (!policy) {
      const id = this.policies.size === 0 ? 'Policy' : `Policy${this.policies.size + 1}`;
      policy = new Policy(this.owner, id, {
        compartmentId,
        description: `Least-privilege access for ${this.describePrincipal} (managed by cdktf-oci-claim-check)`,
      });
      this.policies.set(compartmentId, policy);
    }
    policy.addStatements(...statements);
  }

  /** Every policy created so far, in creation order. */
  public get all(): Policy[] {
    return [...this.policies.values()];
  }
}

/** A principal defined outside this stack: a group or dynamic group by OCID, or by name in an identity domain. */
export class Principal extends Construct implements IGrantable {
  /** A group by OCID (users). */
  public static fromGroupId(scope: Construct, id: string, groupId: string): Principal {
    return new Principal(scope, id, `group id ${groupId}`);
  }

  /** A dynamic group by OCID (instances, functions, OKE workloads...). */
  public static fromDynamicGroupId(scope: Construct, id: string, dynamicGroupId: string): Principal {
    return new Principal(scope, id, `dynamic-group id ${dynamicGroupId}`);
  }

  /** A group or dynamic group by name, optionally in a non-default identity domain. */
  public static fromName(
    scope: Construct,
    id: string,
    kind: 'group' | 'dynamic-group',
    name: string,
    identityDomain?: string,
  ): Principal {
    const qualified = identityDomain ? `'${identityDomain}'/'${name}'` : `'${name}'`;
    return new Principal(scope, id, `${kind} ${qualified}`);
  }

  public readonly policySubject: string;
  private readonly policies: PrincipalPolicies;

  private constructor(scope: Construct, id: string, policySubject: string) {
    super(scope, id);
    this.policySubject = policySubject;
    this.policies = new PrincipalPolicies(this, policySubject);
  }

  public addToPrincipalPolicy(compartmentId: string, ...statements: string[]): void {
    this.policies.add(compartmentId, statements);
  }
}
