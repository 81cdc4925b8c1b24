import { Construct } from 'constructs';
import { Lazy } from 'cdktf';
import { IdentityPolicy } from '../generated/providers/oci/identity-policy';
import { physicalName } from './private/naming';
import { checkPolicyProps } from './private/prop-checks';
import { PropValidator } from './private/validation';
import { applyTagProps, OciTagProps } from './tags';

/**
 * Statements per policy. IAM service limits: 50 statements in one policy.
 * https://docs.oracle.com/iaas/Content/General/Concepts/servicelimits.htm (IAM limits)
 */
export const MAX_STATEMENTS_PER_POLICY = 50;

/** Statements this library refuses to write: tenancy-wide admin rights are never part of a least-privilege grant. */
const FORBIDDEN = [/\bmanage\s+all-resources\b/i];

/** Props of `Policy`: an `oci_identity_policy` with its statements. */
export interface PolicyProps extends OciTagProps {
  /** OCID of the compartment the policy is attached to (it can grant access there and below). */
  readonly compartmentId: string;
  /**
   * Policy name, unique in the tenancy.
   * @default - derived from the construct path
   */
  readonly name?: string;
  /**
   * @default - a description naming the library
   */
  readonly description?: string;
  /**
   * Initial statements; more can be added with `addStatements`.
   * @default - none
   */
  readonly statements?: string[];
}

/** An OCI IAM policy whose statements can be added to until synthesis. */
export class Policy extends Construct {
  public readonly resource: IdentityPolicy;
  private readonly statements: string[] = [];

  constructor(scope: Construct, id: string, props: PolicyProps) {
    super(scope, id);
    const v = new PropValidator('Policy');
    checkPolicyProps(v, props);
    v.throwIfInvalid(this);
    applyTagProps(this, props);

    this.resource = new IdentityPolicy(this, 'Resource', {
      compartmentId: props.compartmentId,
      name: props.name ?? physicalName(this, { maxLength: 100 }),
      description: props.description ?? 'Managed by cdktf-oci-claim-check',
      statements: Lazy.listValue({ produce: () => [...this.statements] }),
    });
    this.addStatements(...(props.statements ?? []));
  }

  public get policyId(): string {
    return this.resource.id;
  }

  /** Statements added so far (a copy). */
  public get statementList(): string[] {
    return [...this.statements];
  }

  /** Adds statements, skipping exact duplicates. Throws on a forbidden statement or past the per-policy limit. */
  public addStatements(...statements: string[]): void {
    for (const statement of statements) {
      if (FORBIDDEN.some((pattern) => pattern.test(statement))) {
        throw new Error(`Policy ${this.node.path}: refusing statement "${statement}": it is not least-privilege`);
      }
      if (this.statements.includes(statement)) continue;
      if (this.statements.length >= MAX_STATEMENTS_PER_POLICY) {
        throw new Error(
          `Policy ${this.node.path}: more than ${MAX_STATEMENTS_PER_POLICY} statements (the OCI limit per policy); split the grants`,
        );
      }
      this.statements.push(statement);
    }
  }
}
