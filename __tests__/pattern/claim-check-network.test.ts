import { ClaimCheckNetwork, ClaimCheckNetworkProps, ClaimCheckPipeline, FunctionCode, ValidationError } from '../../lib';
import { COMPARTMENT, IMAGE, newScope, synth, Synthesized } from '../helpers/synth';

const ref = (type: string, out: Synthesized, attr = 'id') => `\${${type}.${Object.keys(out.resources(type))[0]}.${attr}}`;

/** A network and a pipeline in it, as a team without subnets writes it. */
function pipelineInNetwork(networkProps: Partial<ClaimCheckNetworkProps> = {}): Synthesized {
  return synth((stack) => {
    const network = new ClaimCheckNetwork(stack, 'Network', { compartmentId: COMPARTMENT, ...networkProps });
    new ClaimCheckPipeline(stack, 'Files', {
      compartmentId: COMPARTMENT,
      subnetIds: network.subnetIds,
      streamPoolProps: { privateEndpoint: network.streamPoolPrivateEndpoint },
      functionProps: { code: FunctionCode.fromImageUri(IMAGE) },
    });
  });
}

describe('ClaimCheckNetwork', () => {
  describe('defaults', () => {
    const out = pipelineInNetwork();

    test('one VCN, one service gateway, one private subnet; no NAT gateway', () => {
      for (const type of ['oci_core_vcn', 'oci_core_service_gateway', 'oci_core_subnet', 'oci_core_route_table', 'oci_core_security_list']) {
        expect([type, Object.keys(out.resources(type)).length]).toEqual([type, 1]);
      }
      expect(out.resources('oci_core_nat_gateway')).toEqual({});
      expect(out.only('oci_core_subnet')).toMatchObject({ prohibit_public_ip_on_vnic: true, prohibit_internet_ingress: true, dns_label: 'functions' });
    });

    test('the function application runs in the network subnet', () => {
      expect(out.only('oci_functions_application').subnet_ids).toEqual([ref('oci_core_subnet', out)]);
    });

    test('the subnet routes to, and may only talk to, the region Oracle services, on HTTPS', () => {
      const label = '${data.oci_core_services.AllOracleServices.services[0].cidr_block}';
      expect(out.only('oci_core_route_table').route_rules).toEqual([
        expect.objectContaining({ destination: label, destination_type: 'SERVICE_CIDR_BLOCK', network_entity_id: ref('oci_core_service_gateway', out) }),
      ]);
      expect(out.only('oci_core_security_list').egress_security_rules).toEqual([
        expect.objectContaining({ destination: label, destination_type: 'SERVICE_CIDR_BLOCK', protocol: '6', tcp_options: { min: 443, max: 443 } }),
      ]);
      expect(out.only('oci_core_security_list').ingress_security_rules).toBeUndefined();
    });

    test('the Functions service policy for the network, and the subnet (so the application) waits for it', () => {
      const policy = Object.entries<any>(out.resources('oci_identity_policy')).find(([, p]) => p.statements.some((s: string) => s.includes('virtual-network-family')));
      expect(policy).toBeDefined();
      const [logicalId, body] = policy!;
      expect(body.statements).toEqual([`Allow service FaaS to use virtual-network-family in compartment id ${COMPARTMENT}`]);
      expect(body.compartment_id).toBe(COMPARTMENT);
      expect(out.only('oci_core_subnet').depends_on).toEqual([`oci_identity_policy.${logicalId}`]);
    });

    test('the stream pool keeps its public endpoint unless asked', () => {
      expect(out.only('oci_streaming_stream_pool').private_endpoint_settings).toBeUndefined();
    });
  });

  test('streamPoolPrivateEndpoint: the pool gets a private endpoint in the function subnet, opened to the VCN on 443 and 9092', () => {
    const out = pipelineInNetwork({ streamPoolPrivateEndpoint: true });
    expect(out.only('oci_streaming_stream_pool').private_endpoint_settings).toEqual({ subnet_id: ref('oci_core_subnet', out) });
    const list = out.only('oci_core_security_list');
    expect(list.ingress_security_rules.map((r: any) => [r.source, r.tcp_options.min])).toEqual([
      ['10.0.0.0/16', 443],
      ['10.0.0.0/16', 9092],
    ]);
  });

  test('natGateway: general egress through a NAT gateway, still no public IPs', () => {
    const out = pipelineInNetwork({ vcnProps: { natGateway: true, cidrBlock: '10.20.0.0/16' }, subnetProps: { cidrBlock: '10.20.8.0/22' } });
    expect(Object.keys(out.resources('oci_core_nat_gateway'))).toHaveLength(1);
    expect(out.only('oci_core_route_table').route_rules.map((r: any) => r.destination)).toContain('0.0.0.0/0');
    expect(out.only('oci_core_subnet')).toMatchObject({ cidr_block: '10.20.8.0/22', prohibit_public_ip_on_vnic: true });
    expect(out.only('oci_core_vcn').cidr_blocks).toEqual(['10.20.0.0/16']);
  });

  test('createFunctionsNetworkPolicy: false writes no policy and no depends_on', () => {
    const out = synth((stack) => new ClaimCheckNetwork(stack, 'Network', { compartmentId: COMPARTMENT, createFunctionsNetworkPolicy: false }));
    expect(out.resources('oci_identity_policy')).toEqual({});
    expect(out.only('oci_core_subnet').depends_on).toBeUndefined();
  });

  test('its own props and the overrides it passes down are reported together, with the network path', () => {
    let error: ValidationError | undefined;
    try {
      new ClaimCheckNetwork(newScope(), 'Network', {
        compartmentId: 'nope',
        vcnProps: { cidrBlock: '10.0.0.0/12', dnsLabel: 'my-vcn' },
        subnetProps: { cidrBlock: '192.168.0.0/24', internetEgress: true },
      });
    } catch (e) {
      error = e as ValidationError;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect(error!.message).toBe(
      [
        'Invalid ClaimCheckNetwork props at test/Network:',
        '  - compartmentId "nope": must be an OCID of type compartment or tenancy (ocid1.compartment.oc1..<unique id>)',
        '  - vcnProps.cidrBlock "10.0.0.0/12": must be a /16 to /30 block (the VCN sizes OCI allows)',
        '  - vcnProps.dnsLabel "my-vcn": must be letters and digits, starting with a letter',
        `  - subnetProps.cidrBlock "192.168.0.0/24": must lie inside the VCN's 10.0.0.0/12`,
        '  - subnetProps.internetEgress true: needs a VCN with a NAT gateway (Vcn natGateway: true)',
      ].join('\n'),
    );
  });

  test('subnet overrides are checked against the default VCN block', () => {
    expect(() => new ClaimCheckNetwork(newScope(), 'Network', { compartmentId: COMPARTMENT, subnetProps: { cidrBlock: '10.1.0.0/24' } })).toThrow(
      `subnetProps.cidrBlock "10.1.0.0/24": must lie inside the VCN's 10.0.0.0/16`,
    );
  });
});
