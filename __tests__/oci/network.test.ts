import { Construct } from 'constructs';
import { ALL_ORACLE_SERVICES_NAME_PATTERN, PrivateSubnet, PrivateSubnetProps, ValidationError, Vcn, VcnProps } from '../../lib';
import { cidrContains, parseCidr } from '../../lib/oci/private/cidr';
import { defaultSubnetCidr } from '../../lib/oci/private/network-checks';
import { COMPARTMENT, newScope, synth, Synthesized } from '../helpers/synth';

const SERVICES = 'data.oci_core_services.AllOracleServices.services[0]';
const ref = (type: string, out: Synthesized, attr = 'id') => `\${${type}.${Object.keys(out.resources(type))[0]}.${attr}}`;

function network(vcnProps: Partial<VcnProps> = {}, subnetProps: Partial<PrivateSubnetProps> = {}): Synthesized {
  return synth((stack) => {
    const vcn = new Vcn(stack, 'Vcn', { compartmentId: COMPARTMENT, ...vcnProps });
    new PrivateSubnet(stack, 'Functions', { vcn, ...subnetProps });
  });
}

function thrown(make: () => unknown): ValidationError {
  try {
    make();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error('expected a ValidationError');
}

describe('Vcn and PrivateSubnet', () => {
  describe('defaults: private, routed to Oracle services only', () => {
    const out = network();

    test('the service gateway enables the service the oci_core_services data source finds by name', () => {
      const services = out.json.data.oci_core_services.AllOracleServices;
      expect(services.filter).toEqual([{ name: 'name', values: [ALL_ORACLE_SERVICES_NAME_PATTERN], regex: true }]);
      expect(ALL_ORACLE_SERVICES_NAME_PATTERN).toBe('^All .* Services [Ii]n Oracle Services Network$');
      // A plan stops with a message, rather than an index error, when the region has no such service.
      expect(services.lifecycle.postcondition).toEqual([{ condition: '${length(self.services) == 1}', error_message: expect.stringContaining('Expected exactly one service') }]);
      const gateway = out.only('oci_core_service_gateway');
      expect(gateway.services).toEqual([{ service_id: `\${${SERVICES}.id}` }]);
      expect(gateway.vcn_id).toBe(ref('oci_core_vcn', out));
    });

    test('the VCN: 10.0.0.0/16 in cidr_blocks (cidr_block is deprecated), a DNS label, no NAT or internet gateway', () => {
      expect(out.only('oci_core_vcn')).toMatchObject({ compartment_id: COMPARTMENT, cidr_blocks: ['10.0.0.0/16'], dns_label: 'vcn' });
      expect(out.only('oci_core_vcn').cidr_block).toBeUndefined();
      expect(out.resources('oci_core_nat_gateway')).toEqual({});
      expect(Object.keys(out.json.resource).filter((type) => /internet_gateway/.test(type))).toEqual([]);
    });

    test('the subnet: no public IPs, no internet ingress, its own route table and security list, first /24', () => {
      expect(out.only('oci_core_subnet')).toMatchObject({
        cidr_block: '10.0.0.0/24',
        dns_label: 'functions',
        prohibit_public_ip_on_vnic: true,
        prohibit_internet_ingress: true,
        route_table_id: ref('oci_core_route_table', out),
        security_list_ids: [ref('oci_core_security_list', out)],
        vcn_id: ref('oci_core_vcn', out),
      });
      expect(out.only('oci_core_subnet').availability_domain).toBeUndefined(); // regional
    });

    test('one route: the Oracle services CIDR label to the service gateway', () => {
      expect(out.only('oci_core_route_table').route_rules).toEqual([
        {
          description: expect.any(String),
          destination: `\${${SERVICES}.cidr_block}`,
          destination_type: 'SERVICE_CIDR_BLOCK',
          network_entity_id: ref('oci_core_service_gateway', out),
        },
      ]);
    });

    test('security list: stateful HTTPS egress to the Oracle services label only, no ingress at all', () => {
      const list = out.only('oci_core_security_list');
      expect(list.egress_security_rules).toEqual([
        {
          description: expect.any(String),
          destination: `\${${SERVICES}.cidr_block}`,
          destination_type: 'SERVICE_CIDR_BLOCK',
          protocol: '6',
          stateless: false,
          tcp_options: { min: 443, max: 443 },
        },
      ]);
      expect(list.ingress_security_rules).toBeUndefined();
    });
  });

  test('natGateway: a NAT gateway, 0.0.0.0/0 routed to it, egress anywhere; the Oracle services route stays', () => {
    const out = network({ natGateway: true });
    const nat = ref('oci_core_nat_gateway', out);
    expect(out.only('oci_core_nat_gateway')).toMatchObject({ compartment_id: COMPARTMENT, vcn_id: ref('oci_core_vcn', out) });
    const routes = out.only('oci_core_route_table').route_rules;
    expect(routes.map((r: any) => [r.destination, r.destination_type, r.network_entity_id])).toEqual([
      [`\${${SERVICES}.cidr_block}`, 'SERVICE_CIDR_BLOCK', ref('oci_core_service_gateway', out)],
      ['0.0.0.0/0', 'CIDR_BLOCK', nat],
    ]);
    const egress = out.only('oci_core_security_list').egress_security_rules;
    expect(egress.map((r: any) => [r.destination, r.protocol])).toEqual([
      [`\${${SERVICES}.cidr_block}`, '6'],
      ['0.0.0.0/0', 'all'],
    ]);
    // Still no way in.
    expect(out.only('oci_core_subnet')).toMatchObject({ prohibit_public_ip_on_vnic: true, prohibit_internet_ingress: true });
    expect(out.only('oci_core_security_list').ingress_security_rules).toBeUndefined();
  });

  test('internetEgress: false keeps a subnet on Oracle services only in a VCN that has a NAT gateway', () => {
    const out = network({ natGateway: true }, { internetEgress: false });
    expect(out.only('oci_core_route_table').route_rules).toHaveLength(1);
    expect(out.only('oci_core_security_list').egress_security_rules).toHaveLength(1);
  });

  test('vcnTcpPorts open exactly those ports inside the VCN, both ways, and nothing from outside it', () => {
    const out = network({ cidrBlock: '172.16.0.0/20' }, { cidrBlock: '172.16.4.0/24', vcnTcpPorts: [443, 9092, 443] });
    const list = out.only('oci_core_security_list');
    expect(list.ingress_security_rules).toEqual(
      [443, 9092].map((port) => ({
        description: expect.any(String),
        source: '172.16.0.0/20',
        source_type: 'CIDR_BLOCK',
        protocol: '6',
        stateless: false,
        tcp_options: { min: port, max: port },
      })),
    );
    expect(list.egress_security_rules.slice(1).map((r: any) => [r.destination, r.tcp_options.min])).toEqual([
      ['172.16.0.0/20', 443],
      ['172.16.0.0/20', 9092],
    ]);
    expect(out.only('oci_core_subnet').cidr_block).toBe('172.16.4.0/24');
  });

  test('two VCNs in a stack share one oci_core_services data source', () => {
    const out = synth((stack) => {
      new Vcn(stack, 'A', { compartmentId: COMPARTMENT });
      new Vcn(stack, 'B', { compartmentId: COMPARTMENT, cidrBlock: '10.1.0.0/16', dnsLabel: 'second' });
    });
    expect(Object.keys(out.json.data.oci_core_services)).toEqual(['AllOracleServices']);
    expect(Object.values<any>(out.resources('oci_core_service_gateway')).map((g) => g.services[0].service_id)).toEqual([
      `\${${SERVICES}.id}`,
      `\${${SERVICES}.id}`,
    ]);
  });

  describe('invalid props throw at construction, naming the prop', () => {
    test.each<[Partial<VcnProps>, string]>([
      [{ compartmentId: 'c' }, 'compartmentId "c": must be an OCID of type compartment or tenancy'],
      [{ cidrBlock: '10.0.0.1/16' }, 'cidrBlock "10.0.0.1/16": must be an IPv4 CIDR block with no host bits set'],
      [{ cidrBlock: '10.0.0.0/8' }, 'cidrBlock "10.0.0.0/8": must be a /16 to /30 block'],
      [{ cidrBlock: '300.0.0.0/16' }, 'cidrBlock "300.0.0.0/16": must be an IPv4 CIDR block'],
      [{ dnsLabel: '1vcn' }, 'dnsLabel "1vcn": must be letters and digits, starting with a letter'],
    ])('Vcn %j', (props, message) => {
      const error = thrown(() => new Vcn(newScope(), 'Vcn', { compartmentId: COMPARTMENT, ...props }));
      expect(error.message).toContain(`Invalid Vcn props at test/Vcn:\n  - ${message}`);
    });

    test.each<[Partial<PrivateSubnetProps>, string]>([
      [{ cidrBlock: '10.1.0.0/24' }, `cidrBlock "10.1.0.0/24": must lie inside the VCN's 10.0.0.0/16`],
      [{ cidrBlock: '10.0.0.0/31' }, 'cidrBlock "10.0.0.0/31": must be /30 or larger'],
      [{ dnsLabel: 'fn-subnet' }, 'dnsLabel "fn-subnet": must be letters and digits'],
      [{ internetEgress: true }, 'internetEgress true: needs a VCN with a NAT gateway'],
      [{ vcnTcpPorts: [0] }, 'vcnTcpPorts[0] 0: must be an integer from 1 to 65535'],
      [{ compartmentId: 'x' }, 'compartmentId "x": must be an OCID'],
    ])('PrivateSubnet %j', (props, message) => {
      const scope = newScope();
      const vcn = new Vcn(scope, 'Vcn', { compartmentId: COMPARTMENT });
      const error = thrown(() => new PrivateSubnet(new Construct(scope, 'Team'), 'Subnet', { vcn, ...props }));
      expect(error.message).toContain(`Invalid PrivateSubnet props at test/Team/Subnet:\n  - ${message}`);
    });
  });
});

describe('CIDR blocks', () => {
  test('parse only network addresses with a 0-32 prefix', () => {
    expect(parseCidr('10.0.0.0/16')).toEqual({ network: 10 * 2 ** 24, prefixLength: 16 });
    expect(parseCidr('192.168.1.0/24')).toBeDefined();
    for (const bad of ['10.0.0.1/16', '10.0.0.0/33', '10.0.0/16', '10.0.0.256/32', '10.0.0.0', ' 10.0.0.0/16']) {
      expect([bad, parseCidr(bad)]).toEqual([bad, undefined]);
    }
  });

  test('containment and the default subnet block', () => {
    const vcn = parseCidr('10.0.0.0/16')!;
    expect(cidrContains(vcn, parseCidr('10.0.255.0/24')!)).toBe(true);
    expect(cidrContains(vcn, parseCidr('10.1.0.0/24')!)).toBe(false);
    expect(cidrContains(vcn, parseCidr('10.0.0.0/15')!)).toBe(false);
    expect(defaultSubnetCidr('10.0.0.0/16')).toBe('10.0.0.0/24');
    expect(defaultSubnetCidr('172.16.8.0/22')).toBe('172.16.8.0/24');
    expect(defaultSubnetCidr('192.168.0.16/28')).toBe('192.168.0.16/28');
  });
});
