import * as common from 'oci-common';
import { TerraformVariable } from 'cdktf';
import { BundledFunctionCode, REALM_DOMAINS, realmDomainOf, realmOfOcid, serviceHost } from '../../lib';
import { newScope, synth } from '../helpers/synth';

describe('realm domains', () => {
  test('the table is the OCI SDK realm table (oci-common Realm), every realm of it', () => {
    const sdk = Object.fromEntries(common.Realm.values().map((realm) => [realm.realmId, realm.secondLevelDomain]));
    expect(REALM_DOMAINS).toEqual(sdk);
    // OC1..OC4, spelled out.
    expect([REALM_DOMAINS.oc1, REALM_DOMAINS.oc2, REALM_DOMAINS.oc3, REALM_DOMAINS.oc4]).toEqual([
      'oraclecloud.com',
      'oraclegovcloud.com',
      'oraclegovcloud.com',
      'oraclegovcloud.uk',
    ]);
  });

  test('the realm of an OCID is its third part; not an OCID (or a token): unknown', () => {
    expect(realmOfOcid('ocid1.compartment.oc1..aaaaaaaa')).toBe('oc1');
    expect(realmOfOcid('ocid1.subnet.oc2.us-langley-1.aaaaaaaa')).toBe('oc2');
    expect(realmOfOcid('compartment')).toBeUndefined();
    const scope = newScope();
    const variable = new TerraformVariable(scope, 'c', { type: 'string' });
    expect(realmOfOcid(variable.stringValue)).toBeUndefined();
  });

  test('a literal OCID: the domain now; an unknown realm or a non-OCID throws, naming it', () => {
    const scope = newScope();
    expect(realmDomainOf(scope, 'ocid1.compartment.oc4..aaaaaaaa')).toBe('oraclegovcloud.uk');
    expect(() => realmDomainOf(scope, 'ocid1.compartment.oc999..aaaaaaaa')).toThrow(/realm "oc999" is not in REALM_DOMAINS/);
    expect(() => realmDomainOf(scope, 'my-compartment')).toThrow(/"my-compartment": it is not an OCID/);
    expect(serviceHost('ocir', 'uk-gov-london-1', 'oraclegovcloud.uk')).toBe('ocir.uk-gov-london-1.oci.oraclegovcloud.uk');
  });

  test('an OCID known at plan time: an expression on the realm_domains local, written once per stack', () => {
    const out = synth((stack) => {
      const compartment = new TerraformVariable(stack, 'compartment_ocid', { type: 'string' }).stringValue;
      new TerraformVariable(stack, 'probe', { type: 'string', default: `a.${realmDomainOf(stack, compartment)}` });
      new TerraformVariable(stack, 'probe2', { type: 'string', default: `b.${realmDomainOf(stack, compartment)}` });
    });
    expect(out.json.locals).toEqual({ realm_domains: REALM_DOMAINS });
    expect(out.json.variable.probe.default).toBe('a.${local.realm_domains[element(split(".", var.compartment_ocid), 2)]}');
    // (Evaluated by terraform itself in __tests__/sample/deploy-variables.test.ts.)
  });

  test('BundledFunctionCode needs a registryHost only when the realm of its compartment is unknown', () => {
    const gov = new BundledFunctionCode({ entry: 'x.ts', compartmentId: 'ocid1.compartment.oc2..aaaaaaaa', region: 'us-langley-1' });
    expect(gov.validate()).toEqual([]);
    const unknown = { entry: 'x.ts', compartmentId: 'ocid1.compartment.oc999..aaaaaaaa', region: 'xx-new-1' };
    expect(new BundledFunctionCode(unknown).validate()).toEqual([
      'registryHost must be given: the domain of realm "oc999" (of compartmentId) is not known',
    ]);
    expect(new BundledFunctionCode({ ...unknown, registryHost: 'registry.example.com' }).validate()).toEqual([]);
  });
});
