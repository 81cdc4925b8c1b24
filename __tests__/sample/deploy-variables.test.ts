/**
 * The sample stack synthesizes with no environment set (placeholder OCIDs), and a plan with a placeholder fails at
 * once with a message naming the environment variable to set (lib/sample/deploy-variables.ts).
 *
 * Where Terraform is installed (it is on the CI machine), the synthesized variables (with their `validation`
 * blocks) and the `realm_domains` local run through `terraform plan` / `validate` for real, offline: those need no
 * provider. The resources cannot (no oci provider binary here), so what the test shows is Terraform's own verdict
 * on the very blocks `cdktf synth` wrote, and that every OCI resource and data source reads the checked variables.
 * Without Terraform, the TypeScript mirror of the rule (`isDeployable`) is checked on the same cases, and a test
 * named after the missing check says that `terraform plan` did not run.
 */
import { Testing } from 'cdktf';
import { ClaimCheckSampleStack, sampleInputsFromEnv } from '../../lib/sample/claim-check-sample-stack';
import { isDeployable, PlaceholderCheckedInput, placeholderCondition, placeholderErrorMessage } from '../../lib/sample/deploy-variables';
import { findTerraform, runTerraform } from '../helpers/terraform';

const PLACEHOLDER_INPUTS = sampleInputsFromEnv({});
const REAL_COMPARTMENT = 'ocid1.compartment.oc1..aaaaaaaa4xu7qk2abcdefghijklmnopqrstuvwxyz0123456789abcd';
const REAL_TENANCY = 'ocid1.tenancy.oc1..aaaaaaaa5yv8rl3abcdefghijklmnopqrstuvwxyz0123456789abcd';
const GOV_COMPARTMENT = 'ocid1.compartment.oc2..aaaaaaaa6zw9sm4abcdefghijklmnopqrstuvwxyz0123456789abcd';

const CHECKED: Record<'compartment_ocid' | 'tenancy_ocid', PlaceholderCheckedInput> = {
  compartment_ocid: {
    name: 'compartment_ocid',
    envVar: 'OCI_COMPARTMENT_OCID',
    what: 'compartment OCID',
    value: PLACEHOLDER_INPUTS.compartmentId,
    placeholder: PLACEHOLDER_INPUTS.compartmentId,
  },
  tenancy_ocid: {
    name: 'tenancy_ocid',
    envVar: 'OCI_TENANCY_OCID',
    what: 'tenancy OCID',
    value: PLACEHOLDER_INPUTS.tenancyId,
    placeholder: PLACEHOLDER_INPUTS.tenancyId,
  },
};

function synthSample(env: NodeJS.ProcessEnv): any {
  return JSON.parse(Testing.synth(new ClaimCheckSampleStack(Testing.app(), 'claimcheck-sample', sampleInputsFromEnv(env))));
}

/**
 * What of the synthesized stack Terraform can plan without a provider: the checked variables, the locals, and one
 * output per registry host expression (the OCIR host derived from the compartment's realm).
 */
function providerFreePart(json: any): object {
  const variable = Object.fromEntries(Object.entries<any>(json.variable).filter(([, v]) => v.validation));
  const registry = json.provider.docker[0].registry_auth[0].address;
  return { variable, locals: json.locals, output: { registry_host: { value: registry } } };
}

/** Every variable and local a string of the document references. */
function references(value: unknown, kind: 'var' | 'local'): Set<string> {
  const found = new Set<string>();
  const pattern = new RegExp(`\\b${kind}\\.([A-Za-z_][A-Za-z0-9_-]*)`, 'g');
  const visit = (v: unknown): void => {
    if (typeof v === 'string') for (const m of v.matchAll(pattern)) found.add(m[1]);
    else if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') Object.values(v).forEach(visit);
  };
  visit(value);
  return found;
}

/**
 * The OCI resources and data sources that do not depend, through references, on `var.compartment_ocid` or
 * `var.tenancy_ocid` (a fixpoint over `${type.name...}` / `${data.type.name...}` references). Data sources with no
 * compartment or tenancy argument (e.g. the region's list of Oracle services) are left out: no placeholder reaches
 * them.
 */
function objectsNotWaitingForTheCheckedVariables(json: any): string[] {
  const bodies = new Map<string, any>();
  for (const [type, instances] of Object.entries<any>(json.resource ?? {})) for (const [name, body] of Object.entries<any>(instances)) bodies.set(`${type}.${name}`, body);
  for (const [type, instances] of Object.entries<any>(json.data ?? {})) for (const [name, body] of Object.entries<any>(instances)) bodies.set(`data.${type}.${name}`, body);
  const waits = new Set<string>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const [address, body] of bodies) {
      if (waits.has(address)) continue;
      const text = JSON.stringify(body);
      const vars = references(body, 'var');
      const viaObject = [...waits].some((other) => text.includes(`\${${other}.`));
      const viaLocal = text.includes('local.realm_domains[') && /var\.compartment_ocid/.test(text);
      if (vars.has('compartment_ocid') || vars.has('tenancy_ocid') || viaObject || viaLocal) {
        waits.add(address);
        changed = true;
      }
    }
  }
  const readsAnOcid = (body: any) => body.compartment_id !== undefined || body.tenancy_id !== undefined;
  return [...bodies]
    .filter(([address, body]) => (/^oci_/.test(address) || (/^data\.oci_/.test(address) && readsAnOcid(body))) && !waits.has(address))
    .map(([address]) => address);
}

describe('sample stack: placeholder OCIDs are refused at plan time', () => {
  const placeholderJson = synthSample({});

  test('the compartment and tenancy are variables whose validation refuses the placeholder and names the environment variable', () => {
    for (const input of Object.values(CHECKED)) {
      expect(placeholderJson.variable[input.name]).toEqual({
        type: 'string',
        nullable: false,
        default: input.placeholder,
        description: `The ${input.what} (${input.envVar} when the stack was synthesized).`,
        validation: [{ condition: placeholderCondition(input), error_message: placeholderErrorMessage(input) }],
      });
      expect(placeholderErrorMessage(input)).toMatch(new RegExp(`^${input.envVar} is not set: .*Set ${input.envVar} `));
    }
    // With the environment set, the defaults are the real values; the rule stays (a TF_VAR_ override is checked too).
    const json = synthSample({ OCI_COMPARTMENT_OCID: REAL_COMPARTMENT, OCI_TENANCY_OCID: REAL_TENANCY });
    expect(json.variable.compartment_ocid.default).toBe(REAL_COMPARTMENT);
    expect(json.variable.tenancy_ocid.default).toBe(REAL_TENANCY);
    expect(json.variable.compartment_ocid.validation).toEqual(placeholderJson.variable.compartment_ocid.validation);
  });

  test('no OCI resource or data source holds a placeholder: they reference the checked variables instead', () => {
    const text = JSON.stringify({ resource: placeholderJson.resource, data: placeholderJson.data, provider: placeholderJson.provider });
    expect(text).not.toContain(PLACEHOLDER_INPUTS.compartmentId);
    expect(text).not.toContain(PLACEHOLDER_INPUTS.tenancyId);
    // The data sources read at plan time wait for the variables: a failed validation stops them before any request.
    expect(placeholderJson.data.oci_objectstorage_namespace.ObjectStorageNamespace.compartment_id).toBe('${var.compartment_ocid}');
    expect(Object.values<any>(placeholderJson.data.oci_identity_region_subscriptions)[0].tenancy_id).toBe('${var.tenancy_ocid}');
    // Every OCI resource waits for a checked variable: it references one, or a resource or data source that does.
    expect(objectsNotWaitingForTheCheckedVariables(placeholderJson)).toEqual([]);
    expect(references(placeholderJson.resource.oci_identity_dynamic_group, 'var')).toEqual(new Set(['tenancy_ocid']));
  });

  const cases: Array<[string, Record<string, string>, boolean]> = [
    ['placeholders (nothing set)', {}, false],
    ['real-looking OCIDs', { compartment_ocid: REAL_COMPARTMENT, tenancy_ocid: REAL_TENANCY }, true],
    ['a real compartment, the placeholder tenancy', { compartment_ocid: REAL_COMPARTMENT }, false],
  ];

  test.each(cases)('the rule, in TypeScript (isDeployable): %s', (_name, values, deployable) => {
    const verdicts = Object.values(CHECKED).map((input) => isDeployable(input, values[input.name] ?? input.placeholder));
    expect(verdicts.every(Boolean)).toBe(deployable);
  });

  const terraform = findTerraform();
  if (terraform === undefined) {
    test('terraform is not installed: `terraform plan` did NOT run; only the TypeScript mirror of the rule was checked', () => {
      expect(findTerraform()).toBeUndefined();
    });
    return;
  }

  test.each(cases)('terraform plan of the synthesized variables: %s', (_name, values, deployable) => {
    const args = Object.entries(values).flatMap(([name, value]) => ['-var', `${name}=${value}`]);
    const run = runTerraform(terraform, providerFreePart(placeholderJson), 'plan', args);
    const unset = Object.values(CHECKED).filter((input) => values[input.name] === undefined);
    expect([run.status === 0, run.output]).toEqual([deployable, expect.any(String)]);
    for (const input of Object.values(CHECKED)) {
      const named = run.output.includes(`${input.envVar} is not set`);
      expect([input.envVar, named]).toEqual([input.envVar, unset.includes(input)]);
    }
    // Terraform and the TypeScript mirror agree.
    expect(Object.values(CHECKED).every((input) => isDeployable(input, values[input.name] ?? input.placeholder))).toBe(deployable);
    if (deployable) expect(run.output).toContain('registry_host = "ocir.us-ashburn-1.oci.oraclecloud.com"');
  });

  test('terraform plan passes with no -var when the stack was synthesized with the environment set', () => {
    const json = synthSample({ OCI_COMPARTMENT_OCID: REAL_COMPARTMENT, OCI_TENANCY_OCID: REAL_TENANCY });
    const run = runTerraform(terraform, providerFreePart(json), 'plan');
    expect([run.status, run.output]).toEqual([0, expect.stringContaining('registry_host = "ocir.us-ashburn-1.oci.oraclecloud.com"')]);
    expect(run.output).not.toContain('is not set');
  });

  test('the realm domain comes from the compartment OCID at plan time (OC2: oraclegovcloud.com)', () => {
    const json = synthSample({ OCI_REGION: 'us-langley-1' });
    const run = runTerraform(terraform, providerFreePart(json), 'plan', ['-var', `compartment_ocid=${GOV_COMPARTMENT}`, '-var', `tenancy_ocid=${REAL_TENANCY}`]);
    expect([run.status, run.output]).toEqual([0, expect.stringContaining('registry_host = "ocir.us-langley-1.oci.oraclegovcloud.com"')]);
  });

  test('terraform validate passes on the placeholder stack (it does not evaluate variable values)', () => {
    const run = runTerraform(terraform, providerFreePart(placeholderJson), 'validate');
    expect([run.status, run.output]).toEqual([0, expect.stringContaining('The configuration is valid')]);
  });
});
