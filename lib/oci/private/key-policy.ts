import { Construct } from 'constructs';
import { Policy } from '../policy';
import { equals, policyStatement } from '../policy-statement';

export interface ServiceKeyPolicyProps {
  /** The service principal, e.g. `objectstorage-us-ashburn-1` or `streaming`. */
  readonly service: string;
  /** OCID of the Vault key. */
  readonly keyId: string;
  /** OCID of the compartment holding the key: the policy is attached there and speaks about it. */
  readonly keyCompartmentId: string;
  /** What the policy is for, for its description. */
  readonly purpose: string;
}

/**
 * `Allow service <service> to use keys in compartment id <key compartment> where target.key.id = '<key>'`, in its
 * own policy attached to the key's compartment: a service encrypts with a customer key only once it may use that
 * key, and a policy can grant access only in its compartment and below (so a key kept in a vault compartment is
 * not covered by a policy in the resource's compartment).
 * Vault policy reference (`keys`, `target.key.id`): https://docs.oracle.com/iaas/Content/Identity/Reference/keypolicyreference.htm
 */
export function createServiceKeyPolicy(scope: Construct, id: string, props: ServiceKeyPolicyProps): Policy {
  return new Policy(scope, id, {
    compartmentId: props.keyCompartmentId,
    description: `Lets ${props.service} use the ${props.purpose} key (managed by cdktf-oci-claim-check)`,
    statements: [
      policyStatement({
        subject: `service ${props.service}`,
        verb: 'use',
        resourceType: 'keys',
        compartmentId: props.keyCompartmentId,
        conditions: [equals('target.key.id', props.keyId)],
      }),
    ],
  });
}
