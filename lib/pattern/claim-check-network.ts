import { Construct } from 'constructs';
import { dependable } from 'cdktf';
import { Policy } from '../oci/policy';
import { policyStatement } from '../oci/policy-statement';
import { PrivateSubnet, PrivateSubnetProps } from '../oci/private-subnet';
import { checkPrivateSubnetProps, checkVcnProps, DEFAULT_VCN_CIDR } from '../oci/private/network-checks';
import { checkTagProps } from '../oci/private/tag-checks';
import { PropValidator } from '../oci/private/validation';
import { StreamPoolPrivateEndpoint } from '../oci/stream-pool';
import { applyTagProps, OciTagProps } from '../oci/tags';
import { Vcn, VcnProps } from '../oci/vcn';
import { pauseSourceMappedStacks } from '../oci/private/source-mapped-stacks';

/**
 * Ports a stream pool's private endpoint serves: the Streaming API over HTTPS (443) and the Kafka protocol (9092,
 * https://docs.oracle.com/iaas/Content/Streaming/Tasks/kafkacompatibility_topic-Configuration.htm).
 */
export const STREAM_PRIVATE_ENDPOINT_PORTS: readonly number[] = [443, 9092];

/** Overrides for the VCN the network creates (its compartment and tags are the network's). */
export type NetworkVcnProps = Omit<Partial<VcnProps>, 'compartmentId' | 'freeformTags' | 'definedTags'>;
/** Overrides for the function subnet (the VCN, compartment, tags and the ports a private endpoint needs are set by the network). */
export type NetworkSubnetProps = Omit<PrivateSubnetProps, 'vcn' | 'compartmentId' | 'vcnTcpPorts' | 'freeformTags' | 'definedTags'>;

/**
 * Props of `ClaimCheckNetwork`: a VCN and a private subnet routed to the region's Oracle services, for a tenancy
 * without a network for the pipeline's function.
 */
export interface ClaimCheckNetworkProps extends OciTagProps {
  /** OCID of the compartment for the VCN, its gateways and the subnet. */
  readonly compartmentId: string;
  /**
   * Overrides for the VCN: `cidrBlock` (/16 to /30), `dnsLabel`, `displayName`, `natGateway` (general outbound
   * internet access through a NAT gateway; the claim-check publisher talks only to Oracle services and needs none).
   * @default - 10.0.0.0/16, a service gateway to the region's Oracle services, no NAT gateway
   */
  readonly vcnProps?: NetworkVcnProps;
  /**
   * Overrides for the function subnet: `cidrBlock` (inside the VCN's; each concurrent function execution takes
   * addresses, https://docs.oracle.com/iaas/Content/Functions/Tasks/functionscidrblocks.htm), `dnsLabel`,
   * `displayName`, `internetEgress`.
   * @default - the first /24 of the VCN, DNS label `functions`, internet egress only with a NAT gateway
   */
  readonly subnetProps?: NetworkSubnetProps;
  /**
   * Open the subnet to a stream pool private endpoint: TCP 443 and 9092 from inside the VCN, and expose
   * `streamPoolPrivateEndpoint` for the pool (`streamPoolProps: { privateEndpoint: network.streamPoolPrivateEndpoint }`).
   * The pool's streams are then reachable only from inside the VCN, consumers included.
   * @default false
   */
  readonly streamPoolPrivateEndpoint?: boolean;
  /**
   * Create the policy OCI Functions needs to use this network,
   * `Allow service FaaS to use virtual-network-family in compartment id <compartmentId>`
   * (https://docs.oracle.com/iaas/Content/Functions/Tasks/functionscreatingpolicies.htm). Turn off when your
   * tenancy already grants it.
   * @default true
   */
  readonly createFunctionsNetworkPolicy?: boolean;
}

/**
 * The network a claim-check function needs when the tenancy has none: a VCN with a service gateway to the region's
 * Oracle services, one private subnet for the function (no public IPs, no internet ingress, egress to Oracle
 * services only unless a NAT gateway is asked for), optionally room for the stream pool's private endpoint in the
 * same subnet, and the Functions service policy for the network.
 *
 *   const network = new ClaimCheckNetwork(this, 'Network', { compartmentId });
 *   new ClaimCheckPipeline(this, 'Files', { compartmentId, subnetIds: network.subnetIds,
 *     streamPoolProps: { privateEndpoint: network.streamPoolPrivateEndpoint } });
 *
 * Teams that have subnets pass them to the pipeline and never create this.
 */
export class ClaimCheckNetwork extends Construct {
  public readonly vcn: Vcn;
  public readonly subnet: PrivateSubnet;
  /** The function subnet, as `ClaimCheckPipelineProps.subnetIds` takes it. */
  public readonly subnetIds: string[];
  /** The private endpoint settings for the stream pool, when `streamPoolPrivateEndpoint` is on. */
  public readonly streamPoolPrivateEndpoint?: StreamPoolPrivateEndpoint;
  /** `Allow service FaaS to use virtual-network-family ...`, unless turned off. The subnet is created after it. */
  public readonly functionsNetworkPolicy?: Policy;

  constructor(scope: Construct, id: string, props: ClaimCheckNetworkProps) {
    super(scope, id);
    // cdktf's token traces recorded while building skip source maps (oci/private/source-mapped-stacks.ts says why).
    const restoreSourceMaps = pauseSourceMappedStacks();
    try {
      validateNetworkProps(this, props);

      applyTagProps(this, props);
      this.vcn = new Vcn(this, 'Vcn', { natGateway: false, ...props.vcnProps, compartmentId: props.compartmentId });
      const privateEndpoint = props.streamPoolPrivateEndpoint ?? false;
      this.subnet = new PrivateSubnet(this, 'FunctionSubnet', {
        dnsLabel: 'functions',
        ...props.subnetProps,
        vcn: this.vcn,
        vcnTcpPorts: privateEndpoint ? [...STREAM_PRIVATE_ENDPOINT_PORTS] : undefined,
      });
      this.subnetIds = [this.subnet.subnetId];
      if (privateEndpoint) this.streamPoolPrivateEndpoint = { subnetId: this.subnet.subnetId };

      if (props.createFunctionsNetworkPolicy ?? true) {
        this.functionsNetworkPolicy = new Policy(this, 'FunctionsNetworkPolicy', {
          compartmentId: props.compartmentId,
          description: 'Lets OCI Functions use the claim-check network (managed by cdktf-oci-claim-check)',
          statements: [
            policyStatement({ subject: 'service FaaS', verb: 'use', resourceType: 'virtual-network-family', compartmentId: props.compartmentId }),
          ],
          });
        // Whatever runs in the subnet (the application, a private endpoint) comes after the policy: it references the
        // subnet, and the subnet waits for the policy.
        this.subnet.resource.dependsOn = [dependable(this.functionsNetworkPolicy.resource)];
      }
    } finally {
      restoreSourceMaps();
    }
  }
}

/** Every problem with the network's own props and its overrides, in one error naming the network's path. */
function validateNetworkProps(scope: Construct, props: ClaimCheckNetworkProps): void {
  const v = new PropValidator('ClaimCheckNetwork');
  v.ocid('compartmentId', props.compartmentId, 'compartment', 'tenancy');
  checkTagProps(v, props);
  const partial = { partial: true };
  if (props.vcnProps) checkVcnProps(v.nested('vcnProps', partial), props.vcnProps);
  const vcnCidr = props.vcnProps?.cidrBlock ?? DEFAULT_VCN_CIDR;
  if (props.subnetProps) checkPrivateSubnetProps(v.nested('subnetProps', partial), props.subnetProps, vcnCidr, props.vcnProps?.natGateway ?? false);
  v.throwIfInvalid(scope);
}
