import { Construct } from 'constructs';
import { Policy } from '../policy';

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

  /** Adds `statements` to the policy for `compartmentId` (created if needed) and returns that policy. */
  public add(compartmentId: string, statements: string[]): Policy {
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
    return policy;
  }

  /** Every policy created so far, in creation order. */
  public get all(): Policy[] {
    return [...this.policies.values()];
  }
}
