import { Construct } from 'constructs';
import { CoreRouteTable, CoreRouteTableRouteRules } from '../generated/providers/oci/core-route-table';
import {
  CoreSecurityList,
  CoreSecurityListEgressSecurityRules,
  CoreSecurityListIngressSecurityRules,
} from '../generated/providers/oci/core-security-list';
import { CoreSubnet } from '../generated/providers/oci/core-subnet';
import { checkPrivateSubnetProps, defaultDnsLabel, defaultSubnetCidr } from './private/network-checks';
import { physicalName } from './private/naming';
import { PropValidator } from './private/validation';
import { Vcn } from './vcn';
import { applyTagProps, OciTagProps } from './tags';

/** IANA protocol number of TCP, as security rules spell protocols (`"6"`; `"all"` for every protocol). */
const TCP = '6';
/** HTTPS: the Object Storage, Streaming and OCIR endpoints the function calls are HTTPS APIs. */
const HTTPS_PORT = 443;

/**
 * Props of `PrivateSubnet`: a regional subnet without public IPs or internet ingress, with its own route table and
 * security list.
 */
export interface PrivateSubnetProps extends OciTagProps {
  /** The VCN the subnet belongs to (its service gateway and NAT gateway are the subnet's routes out). */
  readonly vcn: Vcn;
  /**
   * OCID of the compartment for the subnet, its route table and its security list.
   * @default - the VCN's compartment
   */
  readonly compartmentId?: string;
  /**
   * The subnet's IPv4 CIDR block, inside the VCN's.
   * @default - the first /24 of the VCN (the whole VCN if it is smaller)
   */
  readonly cidrBlock?: string;
  /**
   * DNS label (`<label>.<vcn label>.oraclevcn.com`): letters and digits, starting with a letter.
   * @default - the construct id's letters and digits, lowercased (at most 15)
   */
  readonly dnsLabel?: string;
  /** @default - derived from the construct path */
  readonly displayName?: string;
  /**
   * Route `0.0.0.0/0` to the VCN's NAT gateway and allow egress anywhere. Off: egress only to the region's Oracle
   * services on TCP 443 (and `vcnTcpPorts` inside the VCN).
   * @default - on when the VCN has a NAT gateway
   */
  readonly internetEgress?: boolean;
  /**
   * TCP ports open inside the VCN, both ways (ingress from the VCN's CIDR block, egress to it), e.g. `[443, 9092]`
   * for a stream pool's private endpoint in this subnet (Streaming API and Kafka protocol).
   * @default - none: no ingress at all
   */
  readonly vcnTcpPorts?: number[];
}

/**
 * A regional private subnet: VNICs get no public IP and no ingress from the internet, a route table of its own
 * that sends Oracle-service traffic to the VCN's service gateway (and, with `internetEgress`, the rest to its NAT
 * gateway), and a security list of its own that allows only that egress.
 *
 * - Private subnet: `prohibit_public_ip_on_vnic` / `prohibit_internet_ingress`
 *   (https://docs.oracle.com/iaas/Content/Network/Tasks/managingVCNs.htm, CreateSubnetDetails).
 * - Service gateway routing: a route rule whose destination is the service's CIDR label (destination type
 *   `SERVICE_CIDR_BLOCK`) and whose target is the gateway; security rules may use the same label
 *   (https://docs.oracle.com/iaas/Content/Network/Tasks/servicegateway.htm; oci_core_services `cidr_block`).
 * - The VCN wizard's private subnet has the same two routes (NAT gateway for 0.0.0.0/0 and the service gateway for
 *   all Oracle services): https://docs.oracle.com/iaas/Content/Functions/Tasks/functionscreatingvcn.htm
 *
 * Rules are stateful (responses to allowed egress come back without an ingress rule). OCI Functions recommends
 * stateless rules for subnets that need the most concurrent connections (same page); stateless would need ingress
 * rules from the Oracle services for the responses, which this construct does not open.
 */
export class PrivateSubnet extends Construct {
  public readonly resource: CoreSubnet;
  public readonly routeTable: CoreRouteTable;
  public readonly securityList: CoreSecurityList;
  public readonly subnetId: string;
  public readonly cidrBlock: string;
  public readonly vcn: Vcn;

  constructor(scope: Construct, id: string, props: PrivateSubnetProps) {
    super(scope, id);
    const v = new PropValidator('PrivateSubnet');
    checkPrivateSubnetProps(v, props, props.vcn.cidrBlock, props.vcn.natGateway !== undefined);
    v.throwIfInvalid(this);
    applyTagProps(this, props);

    this.vcn = props.vcn;
    const compartmentId = props.compartmentId ?? props.vcn.compartmentId;
    // The VCN's block was checked by the Vcn, so its first /24 is defined.
    this.cidrBlock = props.cidrBlock ?? defaultSubnetCidr(props.vcn.cidrBlock)!;
    const internetEgress = props.internetEgress ?? props.vcn.natGateway !== undefined;
    const name = props.displayName ?? physicalName(this, { maxLength: 255 });
    const services = props.vcn.oracleServices;
    const common = { compartmentId, vcnId: props.vcn.vcnId };

    const routeRules: CoreRouteTableRouteRules[] = [
      {
        description: 'Oracle services of the region, through the service gateway',
        destination: services.cidrLabel,
        destinationType: 'SERVICE_CIDR_BLOCK',
        networkEntityId: props.vcn.serviceGateway.id,
      },
    ];
    const egress: CoreSecurityListEgressSecurityRules[] = [
      {
        description: 'HTTPS to the Oracle services of the region (Object Storage, Streaming, OCIR...)',
        destination: services.cidrLabel,
        destinationType: 'SERVICE_CIDR_BLOCK',
        protocol: TCP,
        stateless: false,
        tcpOptions: { min: HTTPS_PORT, max: HTTPS_PORT },
      },
    ];
    const ingress: CoreSecurityListIngressSecurityRules[] = [];

    if (internetEgress && props.vcn.natGateway) {
      routeRules.push({
        description: 'Everything else, through the NAT gateway (outbound only)',
        destination: '0.0.0.0/0',
        destinationType: 'CIDR_BLOCK',
        networkEntityId: props.vcn.natGateway.id,
      });
      egress.push({
        description: 'Anywhere, through the NAT gateway',
        destination: '0.0.0.0/0',
        destinationType: 'CIDR_BLOCK',
        protocol: 'all',
        stateless: false,
      });
    }
    for (const port of [...new Set(props.vcnTcpPorts ?? [])]) {
      egress.push({
        description: `TCP ${port} inside the VCN`,
        destination: props.vcn.cidrBlock,
        destinationType: 'CIDR_BLOCK',
        protocol: TCP,
        stateless: false,
        tcpOptions: { min: port, max: port },
      });
      ingress.push({
        description: `TCP ${port} from inside the VCN`,
        source: props.vcn.cidrBlock,
        sourceType: 'CIDR_BLOCK',
        protocol: TCP,
        stateless: false,
        tcpOptions: { min: port, max: port },
      });
    }

    this.routeTable = new CoreRouteTable(this, 'RouteTable', { ...common, displayName: `${name}-rt`, routeRules });
    this.securityList = new CoreSecurityList(this, 'SecurityList', {
      ...common,
      displayName: `${name}-sl`,
      egressSecurityRules: egress,
      // No ingress rule at all unless vcnTcpPorts asks for one.
      ingressSecurityRules: ingress.length ? ingress : undefined,
    });
    this.resource = new CoreSubnet(this, 'Resource', {
      ...common,
      cidrBlock: this.cidrBlock,
      displayName: name,
      dnsLabel: props.dnsLabel ?? defaultDnsLabel(id, 'subnet'),
      prohibitPublicIpOnVnic: true,
      prohibitInternetIngress: true,
      routeTableId: this.routeTable.id,
      securityListIds: [this.securityList.id],
    });
    this.subnetId = this.resource.id;
  }
}
