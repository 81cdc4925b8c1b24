import { Construct } from 'constructs';
import { Policy } from './policy';
import { PrincipalPolicies } from './private/principal-policies';

/**
 * Something that can be granted access: a dynamic group (function, instances, OKE workloads),
 * a group of users, or a service. Grants add statements to the principal's own policies,
 * one policy per compartment the statements concern, since an OCI policy can only grant access
 * in the compartment it is attached to and below.
 */
export interface IGrantable {
  /** The policy subject, e.g. `dynamic-group id ocid1.dynamicgroup.oc1..xyz`. */
  readonly policySubject: string;
  /**
   * Adds statements about resources in `compartmentId` to this principal's policy for that compartment,
   * and returns that policy.
   */
  addToPrincipalPolicy(compartmentId: string, ...statements: string[]): Policy;
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

  public addToPrincipalPolicy(compartmentId: string, ...statements: string[]): Policy {
    return this.policies.add(compartmentId, statements);
  }
}
