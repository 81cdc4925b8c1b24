import { Construct } from 'constructs';
import { CoreNatGateway } from '../generated/providers/oci/core-nat-gateway';
import { CoreServiceGateway } from '../generated/providers/oci/core-service-gateway';
import { CoreVcn } from '../generated/providers/oci/core-vcn';
import { allOracleServices, OracleServices } from './oracle-services';
import { checkVcnProps, DEFAULT_VCN_CIDR, defaultDnsLabel } from './private/network-checks';
import { physicalName } from './private/naming';
import { PropValidator } from './private/validation';
import { applyTagProps, OciTagProps } from './tags';

/**
 * Props of `Vcn`: a VCN without an internet gateway, with a service gateway to the region's Oracle services and,
 * on request, a NAT gateway.
 */
export interface VcnProps extends OciTagProps {
  /** OCID of the compartment for the VCN and its gateways. */
  readonly compartmentId: string;
  /**
   * The VCN's IPv4 CIDR block, /16 to /30, e.g. `10.0.0.0/16`. Size it for the functions' free IPs:
   * https://docs.oracle.com/iaas/Content/Functions/Tasks/functionscidrblocks.htm
   * @default '10.0.0.0/16'
   */
  readonly cidrBlock?: string;
  /**
   * DNS label (`<label>.oraclevcn.com`): letters and digits, starting with a letter. Needed by the VCN resolver,
   * and by a stream pool's private endpoint ("a private subnet where DNS resolution is enabled").
   * @default - the construct id's letters and digits, lowercased (at most 15)
   */
  readonly dnsLabel?: string;
  /**
   * @default - derived from the construct path
   */
  readonly displayName?: string;
  /**
   * Add a NAT gateway, for subnets that need general outbound internet access (`PrivateSubnet` routes
   * `0.0.0.0/0` to it when asked). Hosts stay unreachable from the internet.
   * @default false
   */
  readonly natGateway?: boolean;
}

/**
 * A VCN for private workloads: no internet gateway, a service gateway to every Oracle service of the region
 * ("All <region> Services in Oracle Services Network"), and a NAT gateway only when asked.
 *
 * A service gateway lets hosts without public IPs reach Oracle services over the Oracle network, never the internet;
 * one per VCN is enough, and a subnet uses it once its route table and security rules allow it:
 * https://docs.oracle.com/iaas/Content/Network/Tasks/servicegateway.htm
 * A NAT gateway gives hosts without public IPs outbound internet access and blocks connections initiated from the
 * internet: https://docs.oracle.com/iaas/Content/Network/Tasks/NATgateway.htm
 */
export class Vcn extends Construct {
  public readonly resource: CoreVcn;
  public readonly vcnId: string;
  public readonly compartmentId: string;
  /** The VCN's CIDR block (a literal: subnets are checked against it at synth). */
  public readonly cidrBlock: string;
  public readonly dnsLabel: string;
  /** The service gateway, enabled for the region's "All <region> Services in Oracle Services Network". */
  public readonly serviceGateway: CoreServiceGateway;
  /** The service the gateway enables (its OCID and service CIDR label). */
  public readonly oracleServices: OracleServices;
  /** The NAT gateway, when `natGateway` is on. */
  public readonly natGateway?: CoreNatGateway;

  constructor(scope: Construct, id: string, props: VcnProps) {
    super(scope, id);
    const v = new PropValidator('Vcn');
    checkVcnProps(v, props);
    v.throwIfInvalid(this);
    applyTagProps(this, props);

    this.compartmentId = props.compartmentId;
    this.cidrBlock = props.cidrBlock ?? DEFAULT_VCN_CIDR;
    this.dnsLabel = props.dnsLabel ?? defaultDnsLabel(id, 'vcn');
    const name = props.displayName ?? physicalName(this, { maxLength: 255 });
    this.resource = new CoreVcn(this, 'Resource', {
      compartmentId: props.compartmentId,
      // `cidr_block` is deprecated in favour of `cidr_blocks` (CreateVcnDetails).
      cidrBlocks: [this.cidrBlock],
      dnsLabel: this.dnsLabel,
      displayName: name,
    });
    this.vcnId = this.resource.id;

    this.oracleServices = allOracleServices(this);
    this.serviceGateway = new CoreServiceGateway(this, 'ServiceGateway', {
      compartmentId: props.compartmentId,
      vcnId: this.vcnId,
      displayName: `${name}-sgw`,
      services: [{ serviceId: this.oracleServices.serviceId }],
    });

    if (props.natGateway ?? false) {
      this.natGateway = new CoreNatGateway(this, 'NatGateway', {
        compartmentId: props.compartmentId,
        vcnId: this.vcnId,
        displayName: `${name}-nat`,
      });
    }
  }
}
