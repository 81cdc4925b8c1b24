import { DynamicGroup, MatchingRule, MAX_STATEMENTS_PER_POLICY, Policy, policyStatement } from '../../lib';
import { COMPARTMENT, newScope, synth, TENANCY } from '../helpers/synth';

describe('IAM helpers', () => {
  test('policyStatement renders subject, verb, resource type, compartment by OCID and where clauses', () => {
    expect(policyStatement({ subject: 'group id g', verb: 'read', resourceType: 'objects', compartmentId: 'c' })).toBe(
      'Allow group id g to read objects in compartment id c',
    );
    expect(policyStatement({ subject: 'group id g', verb: 'use', resourceType: 'stream-pull', compartmentId: 'c', conditions: ["a = 'b'"] })).toBe(
      "Allow group id g to use stream-pull in compartment id c where a = 'b'",
    );
    expect(policyStatement({ subject: 's', verb: 'manage', resourceType: 'objects', compartmentId: 'c', conditions: ["a = '1'", "b = '2'"] })).toBe(
      "Allow s to manage objects in compartment id c where all {a = '1', b = '2'}",
    );
  });

  test('matching rule for one function', () => {
    expect(MatchingRule.forFunction('ocid1.fnfunc.oc1.iad.x')).toBe("ALL {resource.type = 'fnfunc', resource.id = 'ocid1.fnfunc.oc1.iad.x'}");
  });

  test('dynamic group lives in the tenancy; its grants land in a policy per compartment', () => {
    const other = 'ocid1.compartment.oc1..aaaaaaaaothercompartment';
    const out = synth((stack) => {
      const group = new DynamicGroup(stack, 'Workers', { tenancyId: TENANCY, matchingRule: MatchingRule.forInstancesInCompartment(COMPARTMENT) });
      group.addToPrincipalPolicy(COMPARTMENT, 'Allow dynamic-group id x to read objects in compartment id c1');
      group.addToPrincipalPolicy(other, 'Allow dynamic-group id x to read objects in compartment id c2');
      group.addToPrincipalPolicy(COMPARTMENT, 'Allow dynamic-group id x to read objects in compartment id c1');
    });
    expect(out.only('oci_identity_dynamic_group')).toMatchObject({ compartment_id: TENANCY, matching_rule: `ALL {instance.compartment.id = '${COMPARTMENT}'}` });
    const policies = Object.values(out.resources('oci_identity_policy')) as any[];
    expect(policies.map((p) => [p.compartment_id, p.statements]).sort()).toEqual([
      [other, ['Allow dynamic-group id x to read objects in compartment id c2']],
      [COMPARTMENT, ['Allow dynamic-group id x to read objects in compartment id c1']],
    ]);
  });

  test('policy refuses tenancy-wide admin statements and more than 50 statements', () => {
    const policy = new Policy(newScope(), 'P', { compartmentId: COMPARTMENT });
    expect(() => policy.addStatements('Allow group id g to manage all-resources in tenancy')).toThrow(/refusing statement .*not least-privilege/);
    for (let i = 0; i < MAX_STATEMENTS_PER_POLICY; i++) policy.addStatements(`Allow group id g to read objects in compartment id c${i}`);
    expect(() => policy.addStatements('Allow group id g to read objects in compartment id extra')).toThrow(/more than 50 statements/);
    expect(policy.statementList).toHaveLength(50);
  });

  test.each([
    [() => new DynamicGroup(newScope(), 'D', { tenancyId: COMPARTMENT, matchingRule: 'x' }), /tenancyId "ocid1\.compartment.*": must be an OCID of type tenancy/],
    [() => new DynamicGroup(newScope(), 'D', { tenancyId: TENANCY, matchingRule: ' ' }), /matchingRule " ": must not be empty/],
    [() => new Policy(newScope(), 'P', { compartmentId: 'root' }), /compartmentId "root": must be an OCID/],
  ])('invalid IAM props %# throw naming the prop', (make, message) => {
    expect(make).toThrow(message);
  });
});
