import { Construct, IConstruct } from 'constructs';
import { IdentityDynamicGroup } from '../generated/providers/oci/identity-dynamic-group';
import { IGrantable } from './principal';
import { Policy } from './policy';
import { physicalName } from './private/naming';
import { PrincipalPolicies } from './private/principal-policies';
import { checkDynamicGroupAttributes, checkDynamicGroupProps } from './private/prop-checks';
import { pathOf, PropValidator } from './private/validation';
import { tenancyOcidVariable } from './stack-inputs';
import { applyTagProps, OciTagProps } from './tags';

/**
 * Matching rules for dynamic groups.
 * Syntax: https://docs.oracle.com/iaas/Content/Identity/dynamicgroups/Writing_Matching_Rules_to_Define_Dynamic_Groups.htm
 * Functions are matched with `resource.type = 'fnfunc'`:
 * https://docs.oracle.com/iaas/Content/Functions/Tasks/functionsaccessingociresources.htm
 */
export class MatchingRule {
  /** Exactly one function: `ALL {resource.type = 'fnfunc', resource.id = '<function ocid>'}`. */
  public static forFunction(functionId: string): string {
    return `ALL {resource.type = 'fnfunc', resource.id = '${functionId}'}`;
  }

  /** Every compute instance in a compartment (e.g. a VM-based consumer fleet). */
  public static forInstancesInCompartment(compartmentId: string): string {
    return `ALL {instance.compartment.id = '${compartmentId}'}`;
  }
}

/** Props of `DynamicGroup`: an `oci_identity_dynamic_group` (root compartment) with one matching rule. */
export interface DynamicGroupProps extends OciTagProps {
  /** The matching rule (see `MatchingRule`). */
  readonly matchingRule: string;
  /**
   * OCID of the tenancy: dynamic groups always live in the root compartment.
   * @default - the stack's `tenancy_ocid` Terraform variable (filled in by OCI Resource Manager)
   */
  readonly tenancyId?: string;
  /**
   * Name, unique in the tenancy.
   * @default - derived from the construct path
   */
  readonly name?: string;
  /** @default - a description naming the library */
  readonly description?: string;
}

/** A dynamic group, created here or elsewhere, usable as a grantee. */
export interface IDynamicGroup extends IConstruct, IGrantable {
  readonly dynamicGroupId: string;
}

/** An existing dynamic group, for `DynamicGroup.fromDynamicGroupAttributes`. */
export interface DynamicGroupAttributes {
  /** OCID of the dynamic group. */
  readonly dynamicGroupId: string;
}

abstract class DynamicGroupBase extends Construct implements IDynamicGroup {
  public abstract readonly dynamicGroupId: string;
  private policiesOfGrants?: PrincipalPolicies;

  /** `dynamic-group id <ocid>`: by OCID, so it works in any identity domain. */
  public get policySubject(): string {
    return `dynamic-group id ${this.dynamicGroupId}`;
  }

  /** Grants land in policies owned by this construct, one per compartment. */
  public addToPrincipalPolicy(compartmentId: string, ...statements: string[]): Policy {
    return this.policies.add(compartmentId, statements);
  }

  /** The policies created for this group's grants so far. */
  public get grantPolicies(): Policy[] {
    return this.policies.all;
  }

  private get policies(): PrincipalPolicies {
    return (this.policiesOfGrants ??= new PrincipalPolicies(this, `dynamic group ${this.node.path}`));
  }
}

/** A dynamic group, usable as a grantee: grants land in policies owned by this construct. */
export class DynamicGroup extends DynamicGroupBase {
  /** Uses a dynamic group created elsewhere, by OCID; grants to it land in policies under the returned construct. */
  public static fromDynamicGroupAttributes(scope: Construct, id: string, attrs: DynamicGroupAttributes): IDynamicGroup {
    const v = new PropValidator('DynamicGroup.fromDynamicGroupAttributes');
    checkDynamicGroupAttributes(v, attrs);
    v.throwIfInvalid(pathOf(scope, id));
    class Imported extends DynamicGroupBase {
      public readonly dynamicGroupId = attrs.dynamicGroupId;
    }
    return new Imported(scope, id);
  }

  public readonly resource: IdentityDynamicGroup;

  constructor(scope: Construct, id: string, props: DynamicGroupProps) {
    super(scope, id);
    const tenancyId = props.tenancyId ?? tenancyOcidVariable(this).stringValue;
    const v = new PropValidator('DynamicGroup');
    checkDynamicGroupProps(v, props, tenancyId);
    v.throwIfInvalid(this);
    applyTagProps(this, props);

    this.resource = new IdentityDynamicGroup(this, 'Resource', {
      compartmentId: tenancyId,
      name: props.name ?? physicalName(this, { maxLength: 100 }),
      description: props.description ?? 'Managed by cdktf-oci-claim-check',
      matchingRule: props.matchingRule,
    });
  }

  public get dynamicGroupId(): string {
    return this.resource.id;
  }
}
