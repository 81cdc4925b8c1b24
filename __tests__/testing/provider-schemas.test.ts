import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ProviderSchemaDocument,
  assertValidTerraformJson,
  isPartialProviderSchema,
  loadOciProviderSchema,
  loadProviderSchemaFile,
  loadProviderSchemas,
  mergeProviderSchemas,
  validateTerraformJson,
} from '../../lib/testing';

// Documents are plain JSON built by hand, so they are typed loosely.
type Doc = any;

const COMPARTMENT = 'ocid1.compartment.oc1..aaaaaaaaexample';
const OCI = 'registry.terraform.io/oracle/oci';
const DOCKER = 'registry.terraform.io/kreuzwerker/docker';

/** A team's stack: an oci resource the library does not create, another provider's resource, and a pipeline part. */
function teamDoc(): Doc {
  return {
    terraform: { required_providers: { oci: { source: 'oracle/oci' }, random: { source: 'hashicorp/random' } } },
    provider: { oci: [{ region: 'eu-frankfurt-1' }], random: [{}] },
    resource: {
      oci_core_instance: {
        Bastion: { availability_domain: 'AD-1', compartment_id: COMPARTMENT, shape: 'VM.Standard.E4.Flex' },
        Worker: { availability_domain: 'AD-1', compartment_id: COMPARTMENT, shape: 'VM.Standard.E4.Flex' },
      },
      random_id: { Suffix: { byte_length: 4 } },
      oci_streaming_stream: { Stream: { name: 'claims', partitions: 1, stream_pool_id: '${var.pool}' } },
    },
    data: { oci_core_images: { Images: { compartment_id: COMPARTMENT } } },
  };
}

/** What `terraform providers schema -json` prints on the team's machine, cut down to what the tests need. */
function userSchema(address = OCI): ProviderSchemaDocument {
  const attr = (type: any, flags: object) => ({ type, description_kind: 'plain', ...flags });
  return {
    format_version: '1.0',
    provider_schemas: {
      [address]: {
        provider: { version: 0, block: { attributes: { region: attr('string', { optional: true }) }, description_kind: 'plain' } },
        resource_schemas: {
          oci_core_instance: {
            version: 0,
            block: {
              attributes: {
                availability_domain: attr('string', { required: true }),
                compartment_id: attr('string', { required: true }),
                shape: attr('string', { required: true }),
                display_name: attr('string', { optional: true, computed: true }),
              },
              description_kind: 'plain',
            },
          },
          // A newer provider where the stream takes one more argument and no longer has retention_in_hours.
          oci_streaming_stream: {
            version: 0,
            block: {
              attributes: {
                name: attr('string', { required: true }),
                partitions: attr('number', { required: true }),
                stream_pool_id: attr('string', { optional: true, computed: true }),
                new_setting: attr('bool', { optional: true }),
              },
              description_kind: 'plain',
            },
          },
        },
        data_source_schemas: {
          oci_core_images: {
            version: 0,
            block: { attributes: { compartment_id: attr('string', { required: true }) }, description_kind: 'plain' },
          },
        },
      },
    },
  } as unknown as ProviderSchemaDocument;
}

describe('resource types no loaded schema knows', () => {
  it('are violations by default (strict, as the library tests run), each saying how to check it', () => {
    const violations = validateTerraformJson(teamDoc());

    expect(violations.map((v) => v.path)).toEqual(['provider.random', 'resource.oci_core_instance', 'resource.random_id', 'data.oci_core_images']);
    expect(violations[0].message).toBe(
      'Unknown provider "random": no loaded schema is for a provider named "random". ' +
        "Load the provider's schema (loadProviderSchemas('schema.json'), from `terraform providers schema -json`) to check it, " +
        "or validate with { unknownTypes: 'warn' } to report it as not checked.",
    );
    expect(violations[1].message).toMatch(
      /^Unknown resource type "oci_core_instance": provider registry.terraform.io\/oracle\/oci has no resource type of that name in the schema shipped with cdktf-oci-claim-check/,
    );
    expect(violations.warnings).toEqual([]);
    expect(violations.unchecked).toBe(0);
  });

  it("with unknownTypes: 'warn' are reported as not checked, with a count, and never as violations", () => {
    const result = validateTerraformJson(teamDoc(), undefined, { unknownTypes: 'warn' });

    expect(result).toEqual([]);
    expect(result.warnings).toEqual([
      { path: 'provider.random', message: 'Not checked: provider "random" (1 block): no loaded schema is for a provider named "random".' },
      {
        path: 'resource.oci_core_instance',
        message:
          'Not checked: resource type "oci_core_instance" (2 blocks): provider registry.terraform.io/oracle/oci has no resource type of that name ' +
          'in the schema shipped with cdktf-oci-claim-check, which covers only what the library creates.',
      },
      { path: 'resource.random_id', message: 'Not checked: resource type "random_id" (1 block): no loaded schema is for a provider named "random".' },
      { path: 'data.oci_core_images', message: expect.stringMatching(/^Not checked: data source "oci_core_images" \(1 block\): /) },
    ]);
    // Two instances, the random provider and its resource, the data source.
    expect(result.unchecked).toBe(5);
    expect(() => assertValidTerraformJson(teamDoc(), undefined, { unknownTypes: 'warn' })).not.toThrow();
  });

  it('are still checked where a schema knows them: a mistake next to an unchecked type is a violation', () => {
    const doc = teamDoc();
    doc.resource.oci_streaming_stream.Stream.partitons = 2;

    const result = validateTerraformJson(doc, undefined, { unknownTypes: 'warn' });

    expect(result.map((v) => v.path)).toEqual(['resource.oci_streaming_stream.Stream.partitons']);
    expect(result.unchecked).toBe(5);
  });
});

describe('a user-supplied provider schema (terraform providers schema -json)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'claimcheck-schema-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is read from a file and merged over the shipped schemas: its types are checked, the rest stays as shipped', () => {
    const file = join(dir, 'schema.json');
    writeFileSync(file, JSON.stringify(userSchema()));
    const schema = loadProviderSchemas(file);
    const doc = teamDoc();
    doc.resource.oci_core_instance.Worker.shpae = doc.resource.oci_core_instance.Worker.shape;
    delete doc.resource.oci_core_instance.Worker.shape;

    const result = validateTerraformJson(doc, schema, { unknownTypes: 'warn' });

    expect(result).toEqual([
      { path: 'resource.oci_core_instance.Worker.shpae', message: expect.stringContaining('Did you mean "shape"?') },
      { path: 'resource.oci_core_instance.Worker.shape', message: 'Missing required argument "shape": resource type "oci_core_instance" requires it.' },
    ]);
    // Only the random provider and its resource are left unchecked.
    expect(result.warnings.map((w) => w.path)).toEqual(['provider.random', 'resource.random_id']);
    expect(result.unchecked).toBe(2);
    // Types only the shipped schema has are still there (the docker ones, the bucket).
    const oci = schema.provider_schemas[OCI];
    expect(oci.resource_schemas?.oci_objectstorage_bucket).toBeDefined();
    expect(schema.provider_schemas[DOCKER].resource_schemas?.docker_image).toBeDefined();
  });

  it("wins per resource type over the shipped one", () => {
    const schema = loadProviderSchemas(userSchema());
    const doc = teamDoc();
    doc.resource.oci_streaming_stream.Stream.new_setting = true;

    expect(validateTerraformJson(doc, schema, { unknownTypes: 'warn' })).toEqual([]);
    doc.resource.oci_streaming_stream.Stream.retention_in_hours = 24;
    expect(validateTerraformJson(doc, schema, { unknownTypes: 'warn' }).map((v) => v.path)).toEqual([
      'resource.oci_streaming_stream.Stream.retention_in_hours',
    ]);
  });

  it('is complete: a type it lacks is a violation even with unknownTypes: warn (that provider has no such type)', () => {
    const doc = teamDoc();
    doc.resource.oci_core_instanse = { X: {} };

    const result = validateTerraformJson(doc, loadProviderSchemas(userSchema()), { unknownTypes: 'warn' });

    expect(result).toEqual([
      {
        path: 'resource.oci_core_instanse',
        message: 'Unknown resource type "oci_core_instanse": provider registry.terraform.io/oracle/oci has no resource type of that name. Did you mean "oci_core_instance"?',
      },
    ]);
  });

  it('from OpenTofu (registry.opentofu.org) replaces the shipped provider of the same namespace and type', () => {
    const schema = loadProviderSchemas(userSchema('registry.opentofu.org/oracle/oci'));

    expect(Object.keys(schema.provider_schemas).sort()).toEqual([DOCKER, OCI]);
    expect(isPartialProviderSchema(schema.provider_schemas[OCI])).toBe(false);
    expect(validateTerraformJson(teamDoc(), schema, { unknownTypes: 'warn' })).toEqual([]);
    const doc = teamDoc();
    doc.terraform.required_providers.oci.source = 'registry.opentofu.org/oracle/oci';
    expect(validateTerraformJson(doc, schema, { unknownTypes: 'warn' })).toEqual([]);
  });

  it('is refused with a message saying how to make one when the file is not a schema dump', () => {
    const file = join(dir, 'plan.json');
    writeFileSync(file, JSON.stringify({ format_version: '1.2', planned_values: {} }));

    expect(() => loadProviderSchemaFile(file)).toThrow(/plan.json is not a "terraform providers schema -json" document .* `terraform providers schema -json > schema.json`/);
    expect(() => loadProviderSchemas(join(dir, 'missing.json'))).toThrow(/Cannot read the provider schema .*missing.json/);
  });
});

describe('the shipped schemas', () => {
  it('are oracle/oci (trimmed) and the docker resources the image builds use, both partial', () => {
    const schema = loadOciProviderSchema();

    expect(Object.keys(schema.provider_schemas).sort()).toEqual([DOCKER, OCI]);
    expect(Object.keys(schema.provider_schemas[DOCKER].resource_schemas ?? {})).toEqual(['docker_image', 'docker_registry_image']);
    expect(Object.values(schema.provider_schemas).every(isPartialProviderSchema)).toBe(true);
  });

  it('merge per type with mergeProviderSchemas, later documents winning', () => {
    const shipped = loadOciProviderSchema();
    const merged = mergeProviderSchemas(shipped, userSchema());

    expect(merged.provider_schemas[OCI].resource_schemas?.oci_streaming_stream.block.attributes?.new_setting).toBeDefined();
    // The provider configuration block is the later document's too.
    expect(Object.keys(merged.provider_schemas[OCI].provider.block.attributes ?? {})).toEqual(['region']);
    expect(shipped.provider_schemas[OCI].resource_schemas?.oci_streaming_stream.block.attributes?.new_setting).toBeUndefined();
  });

  it('docker-schema.json is exactly what scripts/extract-docker-schema.mjs reads from @cdktf/provider-docker', () => {
    const out = execFileSync(process.execPath, [join(__dirname, '..', '..', 'scripts', 'extract-docker-schema.mjs'), '--check'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(out).toMatch(/schema\/docker-schema.json matches @cdktf\/provider-docker/);
  });
});
