import { Aspects, IAspect, TerraformResource, TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { DataOciIdentityRegionSubscriptions } from '../generated/providers/oci/data-oci-identity-region-subscriptions';
import { OciProvider, OciProviderConfig } from '../generated/providers/oci/provider';
import { PropValidator } from './private/validation';
import { tenancyOcidVariable } from './stack-inputs';

/**
 * Resource types OCI creates and updates only in the tenancy's home region: "Users, Groups, Policies, Compartments,
 * Dynamic groups, Federation resources" (https://docs.oracle.com/iaas/Content/Identity/Tasks/managingregions.htm,
 * "The Home Region"). Elsewhere the API answers "403-NotAllowed, Please go to your home region"
 * (oracle/terraform-provider-oci#1596). Type names: terraform-provider-oci `website/docs/r/identity_*.html.markdown`.
 */
export const HOME_REGION_RESOURCE_TYPES: readonly string[] = Object.freeze([
  'oci_identity_compartment',
  'oci_identity_dynamic_group',
  'oci_identity_group',
  'oci_identity_identity_provider',
  'oci_identity_idp_group_mapping',
  'oci_identity_policy',
  'oci_identity_user',
  'oci_identity_user_group_membership',
]);

/** Props of `HomeRegion`: the provider the stack's IAM resources are created with (the tenancy's home region). */
export interface HomeRegionProps {
  /**
   * A provider you configured for the home region (with an `alias`). Not allowed with the other props, which
   * configure the provider this construct creates.
   * @default - a provider created here (alias `home`) for `regionName`
   */
  readonly provider?: OciProvider;
  /**
   * The home region's identifier, e.g. `us-ashburn-1`, when you know it.
   * @default - looked up at plan time: the `oci_identity_region_subscriptions` entry with `is_home_region`
   */
  readonly regionName?: string;
  /**
   * OCID of the tenancy whose home region is looked up (without `regionName`).
   * @default - the stack's `tenancy_ocid` Terraform variable
   */
  readonly tenancyId?: string;
  /**
   * How the home-region provider authenticates: give it the settings of your default `OciProvider` (profile,
   * auth, keys); `region` and `alias` are set here.
   * @default - the provider's own defaults (~/.oci/config, profile DEFAULT)
   */
  readonly providerConfig?: Omit<OciProviderConfig, 'region' | 'alias'>;
  /**
   * Alias of the provider created here (`provider = oci.<alias>` in the synthesized resources).
   * @default 'home'
   */
  readonly alias?: string;
}

/**
 * The provider every IAM resource of a stack is created with: OCI creates dynamic groups, policies and the other
 * `HOME_REGION_RESOURCE_TYPES` only in the tenancy's home region, whichever region the rest of the stack deploys to.
 *
 * Declare one per stack; every such resource in the stack that has no `provider` of its own is then created with
 * it (the dynamic groups and policies of `OciFunction`, `DynamicGroup`, `Policy`, every `grant*`, the pipeline's
 * and your own L1s alike), whatever the order of construction. Everything else stays on the default provider.
 *
 *   new OciProvider(this, 'oci', { region: 'eu-frankfurt-1' });             // where the pipeline runs
 *   new HomeRegion(this, 'HomeRegion', { regionName: 'us-ashburn-1' });     // or no regionName: looked up
 *
 * Without a `HomeRegion`, IAM resources use the default provider, which works only when it is the home region's.
 *
 * Looked up, the provider's `region` comes from a data source read with the default provider (listing region
 * subscriptions works from any region). Terraform accepts that: a provider block "can only reference values that
 * are known before the configuration is applied" (https://developer.hashicorp.com/terraform/language/providers/configuration),
 * and a data source whose arguments are known is read during plan
 * (https://developer.hashicorp.com/terraform/language/data-sources, "Data resource behavior"). The caveats: the
 * data source must stay readable at plan time (never give it `depends_on` on a resource being created, which
 * `Grant.applyBefore` also avoids: its read would move to apply, leaving the region unknown), and `terraform
 * import` cannot configure a provider that depends on a data source (https://developer.hashicorp.com/terraform/cli/commands/import, "Provider
 * Configuration"): pass `regionName` for imports. Oracle's landing zones configure their home-region provider
 * the same way (oci-landing-zones, `provider.tf` / `providers.tf`).
 */
export class HomeRegion extends Construct {
  /** The stack's `HomeRegion`, or undefined when it has none (IAM resources then use the default provider). */
  public static of(scope: IConstruct): HomeRegion | undefined {
    return homeRegions.get(TerraformStack.of(scope));
  }

  /** The provider IAM resources are created with. */
  public readonly provider: OciProvider;
  /**
   * The home region's identifier: `regionName`, the looked-up value (a Terraform reference), or the given provider's
   * `region` (undefined if it has none).
   */
  public readonly regionName?: string;
  /** The lookup, when the region is looked up. */
  public readonly regionSubscriptions?: DataOciIdentityRegionSubscriptions;

  constructor(scope: Construct, id: string, props: HomeRegionProps = {}) {
    super(scope, id);
    const stack = TerraformStack.of(this);
    const v = new PropValidator('HomeRegion');
    const existing = homeRegions.get(stack);
    if (existing) v.fail('(construct)', `the stack already has a HomeRegion (${existing.node.path}): declare one per stack`);
    if (props.provider) {
      for (const other of ['regionName', 'tenancyId', 'providerConfig', 'alias'] as const) {
        if (props[other] !== undefined) v.fail(`provider + ${other}`, 'give one or the other, not both: the given provider is used as it is');
      }
      v.check(props.provider.alias !== undefined, 'provider.alias', props.provider.alias, 'must be set: the default (un-aliased) provider is the deploy region\'s');
    }
    if (props.regionName !== undefined) {
      // Region identifiers: https://docs.oracle.com/iaas/Content/General/Concepts/regions.htm
      v.check(/^[a-z]{2,}-[a-z]+-\d+$/.test(props.regionName), 'regionName', props.regionName, 'must be a region identifier such as us-ashburn-1');
      if (props.tenancyId !== undefined) v.fail('regionName + tenancyId', 'give one or the other, not both: tenancyId is only for looking the home region up');
    }
    if (props.tenancyId !== undefined) v.ocid('tenancyId', props.tenancyId, 'tenancy');
    if (props.alias !== undefined) {
      // Provider aliases are Terraform identifiers.
      v.check(/^[A-Za-z_][A-Za-z0-9_-]*$/.test(props.alias), 'alias', props.alias, 'must be a Terraform identifier (letters, digits, _ and -)');
    }
    v.throwIfInvalid(this);

    if (props.provider) {
      this.provider = props.provider;
      this.regionName = props.provider.region;
    } else {
      let regionName = props.regionName;
      if (regionName === undefined) {
        this.regionSubscriptions = new DataOciIdentityRegionSubscriptions(this, 'RegionSubscriptions', {
          tenancyId: props.tenancyId ?? tenancyOcidVariable(this).stringValue,
          // The provider's own example filters this way (terraform-provider-oci examples/identity/region.tf); its
          // filters compare booleans with strconv.ParseBool (internal/tfresource/filters.go).
          filter: [{ name: 'is_home_region', values: ['true'] }],
          lifecycle: {
            postcondition: [
              {
                condition: '${length(self.region_subscriptions) == 1}',
                errorMessage:
                  'The tenancy has no home region among its region subscriptions: check the tenancy OCID (tenancy_ocid), or give HomeRegion a regionName.',
              },
            ],
          },
        });
        regionName = this.regionSubscriptions.regionSubscriptions.get(0).regionName;
      }
      this.regionName = regionName;
      this.provider = new OciProvider(this, 'Provider', { ...props.providerConfig, alias: props.alias ?? 'home', region: regionName });
    }
    homeRegions.set(stack, this);
    Aspects.of(stack).add(new CreateIamInHomeRegion(this.provider));
  }
}

const homeRegions = new WeakMap<TerraformStack, HomeRegion>();

/** Gives every home-region-only resource without a provider of its own the home-region provider. */
class CreateIamInHomeRegion implements IAspect {
  constructor(private readonly provider: OciProvider) {}

  public visit(node: IConstruct): void {
    if (!TerraformResource.isTerraformResource(node)) return;
    if (!HOME_REGION_RESOURCE_TYPES.includes(node.terraformResourceType)) return;
    if (node.provider === undefined) node.provider = this.provider;
  }
}
