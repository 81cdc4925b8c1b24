/**
 * IPv4 CIDR blocks, parsed and compared at synth time so a VCN or subnet that OCI would refuse fails at
 * construction, not in the middle of an apply.
 */
export interface Ipv4Cidr {
  /** The network address as an unsigned 32-bit number. */
  readonly network: number;
  readonly prefixLength: number;
}

const CIDR_PATTERN = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/**
 * Parses `a.b.c.d/n`. Returns undefined unless every octet is 0-255, the prefix is 0-32 and no host bit is set
 * (`10.0.0.1/16` is refused: OCI wants the network address).
 */
export function parseCidr(text: string): Ipv4Cidr | undefined {
  const match = CIDR_PATTERN.exec(text);
  if (!match) return undefined;
  const octets = match.slice(1, 5).map(Number);
  const prefixLength = Number(match[5]);
  if (octets.some((octet) => octet > 255) || prefixLength > 32) return undefined;
  const address = octets.reduce((acc, octet) => acc * 256 + octet, 0);
  const network = address - (address % 2 ** (32 - prefixLength));
  return network === address ? { network, prefixLength } : undefined;
}

/** Whether `inner` lies entirely inside `outer`. */
export function cidrContains(outer: Ipv4Cidr, inner: Ipv4Cidr): boolean {
  if (inner.prefixLength < outer.prefixLength) return false;
  const size = 2 ** (32 - outer.prefixLength);
  return inner.network >= outer.network && inner.network < outer.network + size;
}
