/**
 * What the network L2s (`Vcn`, `PrivateSubnet`) accept, each rule next to its source. Kept apart from
 * `prop-checks.ts` (same conventions: a `PropValidator`, every problem collected, types imported as types only).
 */
import type { PrivateSubnetProps } from '../private-subnet';
import type { VcnProps } from '../vcn';
import { cidrContains, Ipv4Cidr, parseCidr } from './cidr';
import { PropValidator } from './validation';
import { checkTagProps } from './tag-checks';

/**
 * VCN sizes: /16 to /30. The first two addresses and the last of every subnet are reserved, so /30 is the smallest
 * subnet with a usable address.
 * https://docs.oracle.com/iaas/Content/Network/Tasks/managingVCNs.htm
 */
export const MIN_VCN_PREFIX = 16;
/** The block a `Vcn` gets when none is given: an RFC 1918 /16 (Oracle recommends RFC 1918 ranges, same page). */
export const DEFAULT_VCN_CIDR = '10.0.0.0/16';
export const MAX_PREFIX = 30;

/**
 * DNS labels of VCNs and subnets: "an alphanumeric string that begins with a letter" (CreateVcnDetails.dnsLabel,
 * CreateSubnetDetails.dnsLabel; https://docs.oracle.com/iaas/Content/Network/Concepts/dns.htm).
 */
const DNS_LABEL_PATTERN = /^[A-Za-z][A-Za-z0-9]*$/;
/**
 * Length kept by the generated default labels. 15 is the limit commonly quoted for OCI DNS labels; the API
 * references read for this module state the character rule above but no length, so a longer label given by the
 * caller is left for the API to judge.
 */
const DEFAULT_DNS_LABEL_LENGTH = 15;

export function checkVcnProps(v: PropValidator, props: Partial<VcnProps>): void {
  checkTagProps(v, props);
  v.ocid('compartmentId', props.compartmentId, 'compartment', 'tenancy');
  if (props.cidrBlock !== undefined) {
    const cidr = parseCidr(props.cidrBlock);
    v.check(cidr !== undefined, 'cidrBlock', props.cidrBlock, 'must be an IPv4 CIDR block with no host bits set, e.g. 10.0.0.0/16');
    if (cidr) {
      v.check(
        cidr.prefixLength >= MIN_VCN_PREFIX && cidr.prefixLength <= MAX_PREFIX,
        'cidrBlock',
        props.cidrBlock,
        `must be a /${MIN_VCN_PREFIX} to /${MAX_PREFIX} block (the VCN sizes OCI allows)`,
      );
    }
  }
  if (props.dnsLabel !== undefined) checkDnsLabel(v, props.dnsLabel);
}

/**
 * @param vcnCidr the VCN's block, to check the subnet lies inside it
 * @param vcnHasNatGateway whether `internetEgress` can be honoured
 */
export function checkPrivateSubnetProps(
  v: PropValidator,
  props: Omit<PrivateSubnetProps, 'vcn'>,
  vcnCidr: string | undefined,
  vcnHasNatGateway: boolean,
): void {
  checkTagProps(v, props);
  if (props.compartmentId !== undefined) v.ocid('compartmentId', props.compartmentId, 'compartment', 'tenancy');
  if (props.cidrBlock !== undefined) {
    const cidr = parseCidr(props.cidrBlock);
    v.check(cidr !== undefined, 'cidrBlock', props.cidrBlock, 'must be an IPv4 CIDR block with no host bits set, e.g. 10.0.0.0/24');
    if (cidr) {
      v.check(cidr.prefixLength <= MAX_PREFIX, 'cidrBlock', props.cidrBlock, `must be /${MAX_PREFIX} or larger (3 addresses of every subnet are reserved)`);
      const vcn = vcnCidr === undefined ? undefined : parseCidr(vcnCidr);
      if (vcn) v.check(cidrContains(vcn, cidr), 'cidrBlock', props.cidrBlock, `must lie inside the VCN's ${vcnCidr}`);
    }
  }
  if (props.dnsLabel !== undefined) checkDnsLabel(v, props.dnsLabel);
  (props.vcnTcpPorts ?? []).forEach((port, i) => v.intInRange(`vcnTcpPorts[${i}]`, port, 1, 65535));
  if (props.internetEgress === true) {
    v.check(vcnHasNatGateway, 'internetEgress', props.internetEgress, 'needs a VCN with a NAT gateway (Vcn natGateway: true)');
  }
}

function checkDnsLabel(v: PropValidator, label: string): void {
  v.check(DNS_LABEL_PATTERN.test(label), 'dnsLabel', label, 'must be letters and digits, starting with a letter');
}

/** A DNS label from a construct id: its letters and digits, lowercased, starting with a letter, at most 15. */
export function defaultDnsLabel(id: string, fallback: string): string {
  const cleaned = id.replace(/[^A-Za-z0-9]/g, '').replace(/^[0-9]+/, '').toLowerCase();
  return (cleaned || fallback).slice(0, DEFAULT_DNS_LABEL_LENGTH);
}

/** The first /24 of a VCN (the whole VCN when it is smaller): the default block of its first subnet. */
export function defaultSubnetCidr(vcnCidr: string): string | undefined {
  const vcn: Ipv4Cidr | undefined = parseCidr(vcnCidr);
  if (!vcn) return undefined;
  const prefix = Math.max(vcn.prefixLength, 24);
  const n = vcn.network;
  return `${Math.floor(n / 2 ** 24) % 256}.${Math.floor(n / 2 ** 16) % 256}.${Math.floor(n / 2 ** 8) % 256}.${n % 256}/${prefix}`;
}
