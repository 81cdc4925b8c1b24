import { TerraformOutput, TerraformStack, Testing } from 'cdktf';
import { DataOciObjectstorageNamespace } from '../../lib/generated/providers/oci/data-oci-objectstorage-namespace';
import { ObjectstorageBucket } from '../../lib/generated/providers/oci/objectstorage-bucket';
import { OciProvider } from '../../lib/generated/providers/oci/provider';
import { StreamingStream } from '../../lib/generated/providers/oci/streaming-stream';
import { StreamingStreamPool } from '../../lib/generated/providers/oci/streaming-stream-pool';
import {
  ProviderSchemaDocument,
  SchemaViolation,
  assertValidTerraformJson,
  findDeprecatedUsages,
  loadOciProviderSchema,
  validateTerraformJson,
} from '../../lib/testing';

// Documents are plain JSON built by hand and mutated per test, so they are typed loosely.
type Doc = any;

const COMPARTMENT = 'ocid1.compartment.oc1..aaaaaaaaexample';
const BUCKET = 'resource.oci_objectstorage_bucket.Files_Bucket_ABC';
const STREAM = 'resource.oci_streaming_stream.Files_Stream_ABC';
const POOL = 'resource.oci_streaming_stream_pool.Files_Pool_ABC';
const RULE = 'resource.oci_events_rule.Files_Rule_ABC';

/** A realistic cdk.tf.json as cdktf 0.21 writes it; a fresh copy for every test. */
function validDoc(): Doc {
  return {
    '//': { metadata: { backend: 'local', stackName: 'claims', version: '0.21.0' }, outputs: {} },
    terraform: {
      required_providers: {
        oci: { source: 'registry.terraform.io/oracle/oci', version: '8.28.0' },
        docker: { source: 'kreuzwerker/docker', version: '3.6.2' },
      },
      backend: { local: { path: 'terraform.claims.tfstate' } },
    },
    provider: {
      oci: [{ region: 'eu-frankfurt-1', auth: 'InstancePrincipal' }],
      docker: [{ host: 'unix:///var/run/docker.sock' }],
    },
    data: {
      oci_objectstorage_namespace: {
        Namespace: { compartment_id: COMPARTMENT },
      },
    },
    resource: {
      oci_objectstorage_bucket: {
        Files_Bucket_ABC: {
          '//': { metadata: { path: 'claims/Files/Bucket', uniqueId: 'Files_Bucket_ABC' } },
          compartment_id: COMPARTMENT,
          name: 'claims-files',
          namespace: '${data.oci_objectstorage_namespace.Namespace.namespace}',
          object_events_enabled: true,
          freeform_tags: { app: 'claims' },
          retention_rules: [{ display_name: 'keep', duration: { time_amount: '30', time_unit: 'DAYS' } }],
          timeouts: { create: '10m' },
        },
      },
      oci_streaming_stream_pool: {
        Files_Pool_ABC: {
          compartment_id: COMPARTMENT,
          name: 'claims-pool',
          kafka_settings: { num_partitions: 1, auto_create_topics_enable: false },
        },
      },
      oci_streaming_stream: {
        Files_Stream_ABC: {
          name: 'claims-files',
          partitions: 1,
          retention_in_hours: 24,
          stream_pool_id: '${oci_streaming_stream_pool.Files_Pool_ABC.id}',
        },
      },
      oci_events_rule: {
        Files_Rule_ABC: {
          compartment_id: COMPARTMENT,
          display_name: 'claims-object-created',
          is_enabled: true,
          condition: '{"eventType":["com.oraclecloud.objectstorage.createobject"]}',
          actions: {
            action: [
              {
                action_type: 'OSS',
                is_enabled: true,
                stream_id: '${oci_streaming_stream.Files_Stream_ABC.id}',
              },
            ],
          },
        },
      },
      docker_image: { Image: { name: 'fra.ocir.io/ns/claims:1' } },
    },
    output: {
      stream_id: { value: '${oci_streaming_stream.Files_Stream_ABC.id}' },
      bucket_name: { value: '${oci_objectstorage_bucket.Files_Bucket_ABC.name}', description: 'bucket' },
    },
    variable: { compartment: { type: 'string' } },
  };
}

/** Validates a document that is expected to have exactly one violation, and returns it. */
function onlyViolation(doc: Doc, schema?: ProviderSchemaDocument): SchemaViolation {
  const violations = validateTerraformJson(doc, schema);
  expect(violations).toHaveLength(1);
  return violations[0];
}

describe('loadOciProviderSchema', () => {
  it('reads the trimmed oci 8.28.0 schema from the package root', () => {
    const schema = loadOciProviderSchema();
    const oci = schema.provider_schemas['registry.terraform.io/oracle/oci'];
    expect(Object.keys(oci.resource_schemas ?? {})).toHaveLength(27);
    expect(Object.keys(oci.data_source_schemas ?? {})).toHaveLength(6);
    expect(oci.resource_schemas?.oci_streaming_stream.block.attributes?.partitions).toMatchObject({
      type: 'number',
      required: true,
    });
  });
});

describe('validateTerraformJson: valid documents', () => {
  it('accepts a realistic document with providers, data sources, nested blocks and outputs', () => {
    expect(validateTerraformJson(validDoc())).toEqual([]);
    expect(() => assertValidTerraformJson(validDoc())).not.toThrow();
  });

  it('accepts the JSON text as Testing.synth returns it', () => {
    expect(validateTerraformJson(JSON.stringify(validDoc()))).toEqual([]);
  });

  it('checks docker resources against the shipped docker schema: a misspelt attribute is reported, not skipped', () => {
    const doc = validDoc();
    doc.resource.docker_registry_image = { Push: { name: 'x', keep_remotely: true } };
    expect(validateTerraformJson(doc)).toEqual([]);

    doc.resource.docker_registry_image.Push.keep_remotly = true;
    doc.resource.docker_image.Image.build = { context: '.', platfrom: 'linux/amd64' };

    expect(validateTerraformJson(doc)).toEqual([
      {
        path: 'resource.docker_image.Image.build.platfrom',
        message: 'Unsupported argument or block "platfrom": block "build" has no attribute or block of that name. Did you mean "platform"?',
      },
      {
        path: 'resource.docker_registry_image.Push.keep_remotly',
        message:
          'Unsupported argument or block "keep_remotly": resource type "docker_registry_image" has no attribute or block of that name. Did you mean "keep_remotely"?',
      },
    ]);
  });

  it('accepts terraform meta-arguments on resources and data sources', () => {
    const doc = validDoc();
    doc.provider.oci.push({ alias: 'phoenix', region: 'us-phoenix-1', version: '8.28.0' });
    Object.assign(doc.resource.oci_objectstorage_bucket.Files_Bucket_ABC, {
      lifecycle: {
        prevent_destroy: true,
        create_before_destroy: false,
        ignore_changes: ['freeform_tags', 'retention_rules'],
        replace_triggered_by: ['oci_streaming_stream_pool.Files_Pool_ABC.id'],
        precondition: [{ condition: '${var.compartment != ""}', error_message: 'compartment required' }],
      },
      depends_on: ['oci_streaming_stream.Files_Stream_ABC'],
      provider: 'oci.phoenix',
      provisioner: [{ 'local-exec': { command: 'echo created' } }],
    });
    doc.resource.oci_streaming_stream.Files_Stream_ABC.count = 2;
    Object.assign(doc.data.oci_objectstorage_namespace.Namespace, {
      for_each: '${toset(["a", "b"])}',
      depends_on: ['oci_objectstorage_bucket.Files_Bucket_ABC'],
      lifecycle: { postcondition: { condition: '${self.namespace != ""}', error_message: 'no namespace' } },
      provider: 'oci',
    });

    expect(validateTerraformJson(doc)).toEqual([]);
  });

  it('accepts interpolations for numbers, bools, lists and maps, and the conversions terraform makes', () => {
    const doc = validDoc();
    Object.assign(doc.resource.oci_streaming_stream.Files_Stream_ABC, {
      partitions: '${var.partitions}',
      retention_in_hours: '48',
    });
    Object.assign(doc.resource.oci_objectstorage_bucket.Files_Bucket_ABC, {
      object_events_enabled: '${var.events}',
      freeform_tags: '${merge(local.tags, { "x" = "y" })}',
      name: 'claims-${var.env}',
    });
    doc.resource.oci_events_rule.Files_Rule_ABC.is_enabled = 'true';
    doc.provider.oci[0].ignore_defined_tags = '${var.ignored_tags}';
    doc.provider.oci[0].retry_duration_seconds = true; // bool converts to number
    doc.provider.oci[0].region = 42; // number converts to string

    expect(validateTerraformJson(doc)).toEqual([]);
  });

  it('accepts dynamic blocks and checks their content', () => {
    const doc = validDoc();
    const bucket = doc.resource.oci_objectstorage_bucket.Files_Bucket_ABC;
    delete bucket.retention_rules;
    bucket.dynamic = {
      retention_rules: { for_each: '${var.rules}', iterator: 'each', content: { display_name: '${each.value}' } },
    };
    expect(validateTerraformJson(doc)).toEqual([]);

    bucket.dynamic.retention_rules.content = { display_nam: '${each.value}' };
    expect(validateTerraformJson(doc)).toEqual([
      {
        path: `${BUCKET}.dynamic.retention_rules.content.display_nam`,
        message: expect.stringContaining('Unsupported argument or block "display_nam"'),
      },
      {
        path: `${BUCKET}.dynamic.retention_rules.content.display_name`,
        message: 'Missing required argument "display_name": block "retention_rules" requires it.',
      },
    ]);
  });
});

describe('validateTerraformJson: unknown names', () => {
  it('reports an unknown oci resource type', () => {
    const doc = validDoc();
    doc.resource.oci_objectstorage_buckett = { B: { name: 'x' } };

    // The shipped schema is trimmed to what the library creates: the type may exist, so the message says how to check it.
    expect(onlyViolation(doc)).toEqual({
      path: 'resource.oci_objectstorage_buckett',
      message:
        'Unknown resource type "oci_objectstorage_buckett": provider registry.terraform.io/oracle/oci has no resource type of that name ' +
        'in the schema shipped with cdktf-oci-claim-check, which covers only what the library creates. Did you mean "oci_objectstorage_bucket"? ' +
        "Load the provider's schema (loadProviderSchemas('schema.json'), from `terraform providers schema -json`) to check it, " +
        "or validate with { unknownTypes: 'warn' } to report it as not checked.",
    });
  });

  it('reports an unknown oci data source type', () => {
    const doc = validDoc();
    doc.data.oci_objectstorage_namespaces = { N: {} };

    const violation = onlyViolation(doc);
    expect(violation.path).toBe('data.oci_objectstorage_namespaces');
    expect(violation.message).toContain('Unknown data source "oci_objectstorage_namespaces"');
  });

  it('reports an unknown attribute and suggests the closest name', () => {
    const doc = validDoc();
    doc.resource.oci_objectstorage_bucket.Files_Bucket_ABC.storage_teir = 'Archive';

    expect(onlyViolation(doc)).toEqual({
      path: `${BUCKET}.storage_teir`,
      message:
        'Unsupported argument or block "storage_teir": resource type "oci_objectstorage_bucket" has no attribute or block of that name. Did you mean "storage_tier"?',
    });
  });

  it('reports an unknown attribute and an unknown block inside nested blocks', () => {
    const doc = validDoc();
    doc.resource.oci_objectstorage_bucket.Files_Bucket_ABC.retention_rules[0].duration.time_amonut = '1';
    doc.resource.oci_streaming_stream_pool.Files_Pool_ABC.kafka_settings.topic_settings = { retention: 1 };

    expect(validateTerraformJson(doc)).toEqual([
      {
        path: `${BUCKET}.retention_rules[0].duration.time_amonut`,
        message: expect.stringMatching(
          /^Unsupported argument or block "time_amonut": block "duration" .* Did you mean "time_amount"\?$/,
        ),
      },
      {
        path: `${POOL}.kafka_settings.topic_settings`,
        message: expect.stringContaining('Unsupported argument or block "topic_settings": block "kafka_settings"'),
      },
    ]);
  });

  it('reports an unknown attribute in a data source and provisioner blocks, which data sources do not take', () => {
    const doc = validDoc();
    Object.assign(doc.data.oci_objectstorage_namespace.Namespace, {
      bogus: 1,
      provisioner: [{ 'local-exec': { command: 'x' } }],
    });

    expect(validateTerraformJson(doc).map((v) => v.path)).toEqual([
      'data.oci_objectstorage_namespace.Namespace.bogus',
      'data.oci_objectstorage_namespace.Namespace.provisioner',
    ]);
  });

  it('reports an unknown top-level key', () => {
    const doc = validDoc();
    doc.resources = {};

    expect(onlyViolation(doc)).toEqual({
      path: 'resources',
      message: 'Unsupported top-level block "resources" in terraform JSON configuration.',
    });
  });
});

describe('validateTerraformJson: required attributes and block counts', () => {
  it('reports a missing required attribute at the path it should have', () => {
    const doc = validDoc();
    delete doc.resource.oci_objectstorage_bucket.Files_Bucket_ABC.namespace;
    doc.resource.oci_streaming_stream.Files_Stream_ABC.partitions = null; // null means "not set"

    expect(validateTerraformJson(doc)).toEqual([
      {
        path: `${BUCKET}.namespace`,
        message: 'Missing required argument "namespace": resource type "oci_objectstorage_bucket" requires it.',
      },
      {
        path: `${STREAM}.partitions`,
        message: 'Missing required argument "partitions": resource type "oci_streaming_stream" requires it.',
      },
    ]);
  });

  it('reports a missing required attribute inside a nested block', () => {
    const doc = validDoc();
    delete doc.resource.oci_objectstorage_bucket.Files_Bucket_ABC.retention_rules[0].duration.time_unit;

    expect(onlyViolation(doc)).toEqual({
      path: `${BUCKET}.retention_rules[0].duration.time_unit`,
      message: 'Missing required argument "time_unit": block "duration" requires it.',
    });
  });

  it('reports a block with more than max_items', () => {
    const doc = validDoc();
    doc.resource.oci_streaming_stream_pool.Files_Pool_ABC.kafka_settings = [
      { num_partitions: 1 },
      { num_partitions: 2 },
    ];

    expect(onlyViolation(doc)).toEqual({
      path: `${POOL}.kafka_settings`,
      message: 'Too many "kafka_settings" blocks: at most 1 allowed (max_items), got 2.',
    });
  });

  it('reports a block with fewer than min_items', () => {
    const doc = validDoc();
    delete doc.resource.oci_events_rule.Files_Rule_ABC.actions;

    expect(onlyViolation(doc)).toEqual({
      path: `${RULE}.actions`,
      message: 'Insufficient "actions" blocks: at least 1 required (min_items), got 0.',
    });
  });

  it('reports a single-nesting block given twice or as a non-object', () => {
    const doc = validDoc();
    doc.resource.oci_objectstorage_bucket.Files_Bucket_ABC.timeouts = [{ create: '1m' }, { create: '2m' }];
    doc.resource.oci_streaming_stream.Files_Stream_ABC.timeouts = '10m';

    expect(validateTerraformJson(doc)).toEqual([
      {
        path: `${BUCKET}.timeouts`,
        message: 'Too many "timeouts" blocks: nesting mode "single" allows one block, got 2.',
      },
      {
        path: `${STREAM}.timeouts`,
        message: expect.stringContaining('Block "timeouts" must be an object or an array of objects, got string "10m"'),
      },
    ]);
  });

  it('accepts a one-element array for a single-nesting block and an object for a list block', () => {
    const doc = validDoc();
    doc.resource.oci_objectstorage_bucket.Files_Bucket_ABC.timeouts = [{ create: '1m' }];
    doc.resource.oci_objectstorage_bucket.Files_Bucket_ABC.retention_rules = { display_name: 'one' };

    expect(validateTerraformJson(doc)).toEqual([]);
  });

  it('reports a block set from an expression and a non-object list element', () => {
    const doc = validDoc();
    doc.resource.oci_objectstorage_bucket.Files_Bucket_ABC.retention_rules = '${var.rules}';
    doc.resource.oci_events_rule.Files_Rule_ABC.actions.action = ['OSS'];

    expect(validateTerraformJson(doc)).toEqual([
      {
        path: `${BUCKET}.retention_rules`,
        message: expect.stringContaining('a block cannot be assigned from an expression; use a dynamic block'),
      },
      { path: `${RULE}.actions.action[0]`, message: 'Each "action" block must be an object, got string "OSS".' },
    ]);
  });
});

describe('validateTerraformJson: computed-only attributes', () => {
  it('reports setting a computed-only attribute', () => {
    const doc = validDoc();
    doc.resource.oci_objectstorage_bucket.Files_Bucket_ABC.time_created = '2026-01-01T00:00:00Z';

    expect(onlyViolation(doc)).toEqual({
      path: `${BUCKET}.time_created`,
      message:
        'Read-only attribute "time_created": it is computed by the provider (computed, not optional) and cannot be set.',
    });
  });

  it('accepts optional+computed attributes', () => {
    const doc = validDoc();
    doc.resource.oci_streaming_stream.Files_Stream_ABC.compartment_id = COMPARTMENT;

    expect(validateTerraformJson(doc)).toEqual([]);
  });
});

describe('validateTerraformJson: value types', () => {
  it('reports a string that is not a number', () => {
    const doc = validDoc();
    doc.resource.oci_streaming_stream.Files_Stream_ABC.partitions = 'abc';

    expect(onlyViolation(doc)).toEqual({
      path: `${STREAM}.partitions`,
      message: 'Inappropriate value: a number is required, got string "abc".',
    });
  });

  it('reports an object for a string and an array for a bool', () => {
    const doc = validDoc();
    doc.resource.oci_objectstorage_bucket.Files_Bucket_ABC.name = { value: 'claims' };
    doc.resource.oci_objectstorage_bucket.Files_Bucket_ABC.object_events_enabled = [true];

    expect(validateTerraformJson(doc)).toEqual([
      { path: `${BUCKET}.name`, message: 'Inappropriate value: a string is required, got an object.' },
      {
        path: `${BUCKET}.object_events_enabled`,
        message: 'Inappropriate value: a bool is required, got an array of 1 element.',
      },
    ]);
  });

  it('reports a number for a bool and a bool-like string that terraform does not convert', () => {
    const doc = validDoc();
    doc.resource.oci_events_rule.Files_Rule_ABC.is_enabled = 1;
    doc.resource.oci_objectstorage_bucket.Files_Bucket_ABC.object_events_enabled = 'yes';

    expect(validateTerraformJson(doc)).toEqual([
      {
        path: `${BUCKET}.object_events_enabled`,
        message: 'Inappropriate value: a bool is required, got string "yes".',
      },
      { path: `${RULE}.is_enabled`, message: 'Inappropriate value: a bool is required, got number 1.' },
    ]);
  });

  it('reports a plain string for a list and a wrongly typed list element', () => {
    const doc = validDoc();
    doc.provider.oci[0].ignore_defined_tags = 'Oracle-Tags.CreatedBy';
    doc.resource.oci_events_rule.Files_Rule_ABC.condition_details = {
      event_types: ['com.oraclecloud.objectstorage.createobject', { type: 'x' }],
    };

    expect(validateTerraformJson(doc)).toEqual([
      {
        path: 'provider.oci[0].ignore_defined_tags',
        message: 'Inappropriate value: list(string) required, got string "Oracle-Tags.CreatedBy".',
      },
      {
        path: `${RULE}.condition_details.event_types[1]`,
        message: 'Inappropriate value: a string is required, got an object.',
      },
    ]);
  });

  it('reports a mixed template for a list, an array for a map and a wrongly typed map value', () => {
    const doc = validDoc();
    doc.provider.oci[0].ignore_defined_tags = 'Oracle-Tags.${var.tag}';
    doc.resource.oci_objectstorage_bucket.Files_Bucket_ABC.freeform_tags = ['app'];
    doc.resource.oci_streaming_stream_pool.Files_Pool_ABC.defined_tags = { 'Ops.Team': ['a'] };

    expect(validateTerraformJson(doc)).toEqual([
      {
        path: 'provider.oci[0].ignore_defined_tags',
        message: expect.stringContaining(
          'list(string) required, got string "Oracle-Tags.${var.tag}" (a template mixing text',
        ),
      },
      {
        path: `${BUCKET}.freeform_tags`,
        message: 'Inappropriate value: map(string) required, got an array of 1 element.',
      },
      {
        path: `${POOL}.defined_tags["Ops.Team"]`,
        message: 'Inappropriate value: a string is required, got an array of 1 element.',
      },
    ]);
  });

  it('reports an unterminated interpolation', () => {
    const doc = validDoc();
    doc.resource.oci_streaming_stream.Files_Stream_ABC.stream_pool_id = '${oci_streaming_stream_pool.Files_Pool_ABC.id';

    expect(onlyViolation(doc)).toEqual({
      path: `${STREAM}.stream_pool_id`,
      message: expect.stringContaining('sequence is never closed'),
    });
  });

  it('accepts escaped "$${" as literal text', () => {
    const doc = validDoc();
    doc.resource.oci_streaming_stream.Files_Stream_ABC.partitions = '$${not_an_expression}';

    expect(onlyViolation(doc).message).toBe(
      'Inappropriate value: a number is required, got string "$${not_an_expression}".',
    );
  });

  describe('object and tuple attribute types (none is settable in the oci schema, so a small schema is used)', () => {
    const schema: ProviderSchemaDocument = {
      format_version: '1.0',
      provider_schemas: {
        'registry.terraform.io/example/ex': {
          provider: { version: 0, block: {} },
          resource_schemas: {
            ex_thing: {
              version: 0,
              block: {
                attributes: {
                  settings: { type: ['object', { size: 'number', tags: ['list', 'string'] }], optional: true },
                  pair: { type: ['tuple', ['string', 'bool']], optional: true },
                  anything: { type: 'dynamic', optional: true },
                },
              },
            },
          },
        },
      },
    };
    const thing = (body: object): Doc => ({ resource: { ex_thing: { T: body } } });

    it('accepts an object with a subset of the declared attributes, any tuple of the right shape and any dynamic value', () => {
      expect(
        validateTerraformJson(thing({ settings: { size: 2 }, pair: ['a', true], anything: [{ x: 1 }] }), schema),
      ).toEqual([]);
    });

    it('reports an unknown object attribute and a mistyped one', () => {
      expect(validateTerraformJson(thing({ settings: { size: 'big', colour: 'red' } }), schema)).toEqual([
        {
          path: 'resource.ex_thing.T.settings.size',
          message: 'Inappropriate value: a number is required, got string "big".',
        },
        {
          path: 'resource.ex_thing.T.settings.colour',
          message: 'Unsupported attribute "colour": the object type has no such attribute.',
        },
      ]);
    });

    it('reports a non-object for an object type and a tuple of the wrong length', () => {
      expect(validateTerraformJson(thing({ settings: 'big', pair: ['a'] }), schema)).toEqual([
        {
          path: 'resource.ex_thing.T.settings',
          message: 'Inappropriate value: an object is required, got string "big".',
        },
        {
          path: 'resource.ex_thing.T.pair',
          message: 'Inappropriate value: a tuple of 2 elements is required, got an array of 1 element.',
        },
      ]);
    });
  });
});

describe('validateTerraformJson: meta-arguments', () => {
  it('reports an unknown lifecycle argument and an ignore_changes entry that is not in the schema', () => {
    const doc = validDoc();
    doc.resource.oci_objectstorage_bucket.Files_Bucket_ABC.lifecycle = {
      prevent_destroy: true,
      prevent_destory: true,
      ignore_changes: ['freeform_tag'],
    };

    expect(validateTerraformJson(doc)).toEqual([
      {
        path: `${BUCKET}.lifecycle.prevent_destory`,
        message: expect.stringMatching(
          /^Unsupported lifecycle argument "prevent_destory" in a resource block .* Did you mean "prevent_destroy"\?$/,
        ),
      },
      {
        path: `${BUCKET}.lifecycle.ignore_changes[0]`,
        message:
          'Invalid "ignore_changes" entry "freeform_tag": the resource has no attribute or block "freeform_tag". Did you mean "freeform_tags"?',
      },
    ]);
  });

  it('reports an interpolated prevent_destroy and a data source lifecycle argument only resources take', () => {
    const doc = validDoc();
    doc.resource.oci_objectstorage_bucket.Files_Bucket_ABC.lifecycle = { prevent_destroy: '${var.protect}' };
    doc.data.oci_objectstorage_namespace.Namespace.lifecycle = { create_before_destroy: true };

    expect(validateTerraformJson(doc)).toEqual([
      {
        path: 'data.oci_objectstorage_namespace.Namespace.lifecycle.create_before_destroy',
        message: expect.stringContaining('Unsupported lifecycle argument "create_before_destroy" in a data block'),
      },
      {
        path: `${BUCKET}.lifecycle.prevent_destroy`,
        message:
          'Invalid "prevent_destroy": a literal bool is required; variables and expressions may not be used here.',
      },
    ]);
  });

  it('reports count together with for_each, a literal array for for_each and a non-array depends_on', () => {
    const doc = validDoc();
    Object.assign(doc.resource.oci_streaming_stream.Files_Stream_ABC, { count: 1, for_each: ['a'], depends_on: 'x' });

    expect(validateTerraformJson(doc)).toEqual([
      { path: STREAM, message: 'Invalid combination of "count" and "for_each": only one of them may be set.' },
      {
        path: `${STREAM}.for_each`,
        message: expect.stringContaining('Invalid "for_each": a map, or a "${...}" expression'),
      },
      {
        path: `${STREAM}.depends_on`,
        message: 'Invalid "depends_on": an array of references is required, got string "x".',
      },
    ]);
  });

  it('reports a provider alias that no provider block declares', () => {
    const doc = validDoc();
    doc.resource.oci_streaming_stream.Files_Stream_ABC.provider = 'oci.phoenix';

    expect(onlyViolation(doc)).toEqual({
      path: `${STREAM}.provider`,
      message: 'Provider configuration "oci.phoenix" is not declared: no provider "oci" block has alias "phoenix".',
    });
  });
});

describe('validateTerraformJson: provider, terraform and output blocks', () => {
  it('reports an unknown provider attribute and accepts alias and version', () => {
    const doc = validDoc();
    doc.provider.oci[0].regoin = 'eu-frankfurt-1';
    doc.provider.oci.push({ alias: 'phoenix', version: '8.28.0', region: 'us-phoenix-1' });

    expect(onlyViolation(doc)).toEqual({
      path: 'provider.oci[0].regoin',
      message:
        'Unsupported argument or block "regoin": provider "oci" has no attribute or block of that name. Did you mean "region"?',
    });
  });

  it('reports two provider configurations with the same alias', () => {
    const doc = validDoc();
    doc.provider.oci.push({ region: 'us-phoenix-1' });

    expect(onlyViolation(doc)).toEqual({
      path: 'provider.oci[1]',
      message: 'Duplicate provider configuration: provider "oci" already has a default (un-aliased) configuration.',
    });
  });

  it('reports an output without a value', () => {
    const doc = validDoc();
    doc.output.stream_id = { description: 'the stream' };

    expect(onlyViolation(doc)).toEqual({
      path: 'output.stream_id.value',
      message: 'Missing required argument "value": output "stream_id" must set a value.',
    });
  });

  it('reports a required_providers source that is not oracle/oci', () => {
    const doc = validDoc();
    doc.terraform.required_providers.oci.source = 'hashicorp/oci';

    expect(onlyViolation(doc)).toEqual({
      path: 'terraform.required_providers.oci.source',
      message:
        'Provider source string "hashicorp/oci" does not match the validated provider schema: expected "oracle/oci" or "registry.terraform.io/oracle/oci".',
    });
  });

  it.each(['oracle/oci', 'registry.terraform.io/oracle/oci', 'Registry.Terraform.io/Oracle/OCI'])(
    'accepts the required_providers source %s',
    (source) => {
      const doc = validDoc();
      doc.terraform.required_providers.oci.source = source;

      expect(validateTerraformJson(doc)).toEqual([]);
    },
  );
});

describe('validateTerraformJson: variables and provider aliases (home-region IAM, placeholder checks)', () => {
  it('accepts variables with validation blocks, an aliased provider configured from a data source, and resources on it', () => {
    const doc = validDoc();
    doc.variable.tenancy_ocid = {
      type: 'string',
      nullable: false,
      default: 'ocid1.tenancy.oc1..aaaaaaaaplaceholder',
      description: 'tenancy',
      validation: [{ condition: '${var.tenancy_ocid != "ocid1.tenancy.oc1..aaaaaaaaplaceholder"}', error_message: 'Set OCI_TENANCY_OCID.' }],
    };
    doc.data.oci_identity_region_subscriptions = {
      Home: {
        tenancy_id: '${var.tenancy_ocid}',
        filter: [{ name: 'is_home_region', values: ['true'] }],
        lifecycle: { postcondition: [{ condition: '${length(self.region_subscriptions) == 1}', error_message: 'no home region' }] },
      },
    };
    doc.provider.oci.push({ alias: 'home', region: '${data.oci_identity_region_subscriptions.Home.region_subscriptions[0].region_name}' });
    doc.resource.oci_identity_policy = {
      Policy: { provider: 'oci.home', compartment_id: COMPARTMENT, name: 'p', description: 'p', statements: ['Allow service streaming to use keys in tenancy'] },
    };
    doc.resource.oci_objectstorage_bucket.Files_Bucket_ABC.depends_on = ['oci_identity_policy.Policy'];

    expect(validateTerraformJson(doc)).toEqual([]);
  });

  it('reports a variable argument terraform does not define and a validation block without its message', () => {
    const doc = validDoc();
    doc.variable.compartment = { type: 'string', defualt: 'x', validation: [{ condition: '${true}' }] };

    expect(validateTerraformJson(doc)).toEqual([
      { path: 'variable.compartment.defualt', message: expect.stringMatching(/^Unsupported argument "defualt" in variable "compartment" \(allowed: type, default, /) },
      { path: 'variable.compartment.validation[0].error_message', message: 'Missing required argument "error_message" in "validation".' },
    ]);
  });
});

describe('deprecated attributes and blocks', () => {
  function docWithDeprecations(): Doc {
    const doc = validDoc();
    doc.resource.oci_events_rule.Files_Rule_ABC.actions = {
      actions: [{ action_type: 'OSS', is_enabled: true, stream_id: '${oci_streaming_stream.Files_Stream_ABC.id}' }],
    };
    doc.resource.oci_core_route_table = {
      Routes: {
        compartment_id: COMPARTMENT,
        vcn_id: '${var.vcn_id}',
        route_rules: [{ network_entity_id: '${var.gateway_id}', cidr_block: '0.0.0.0/0' }],
      },
    };
    return doc;
  }
  const expectedDeprecations = [
    {
      path: `${RULE}.actions.actions`,
      message: 'Block "actions" is deprecated by the provider.',
    },
    {
      path: 'resource.oci_core_route_table.Routes.route_rules[0].cidr_block',
      message: 'Argument "cidr_block" is deprecated by the provider.',
    },
  ];

  it('lists them with findDeprecatedUsages but does not count them as errors by default', () => {
    expect(findDeprecatedUsages(docWithDeprecations())).toEqual(expectedDeprecations);
    expect(validateTerraformJson(docWithDeprecations())).toEqual([]);
    expect(findDeprecatedUsages(validDoc())).toEqual([]);
  });

  it('reports them as errors with deprecatedAsErrors', () => {
    expect(validateTerraformJson(docWithDeprecations(), undefined, { deprecatedAsErrors: true })).toEqual(
      expectedDeprecations,
    );
  });
});

describe('assertValidTerraformJson', () => {
  it('throws one error listing every violation', () => {
    const doc = validDoc();
    doc.resource.oci_streaming_stream.Files_Stream_ABC.partitions = 'abc';
    doc.output.stream_id = {};

    expect(() => assertValidTerraformJson(doc)).toThrow(
      'Terraform JSON does not match the provider schema (2 problems):\n' +
        `  - ${STREAM}.partitions: Inappropriate value: a number is required, got string "abc".\n` +
        '  - output.stream_id.value: Missing required argument "value": output "stream_id" must set a value.',
    );
  });

  it('reports a document that is not JSON', () => {
    expect(() => assertValidTerraformJson('{ not json')).toThrow(/\(document\): The document is not valid JSON/);
  });
});

describe('a real cdktf synth', () => {
  function synthesizeClaimStack(): { stack: TerraformStack; stream: StreamingStream } {
    const app = Testing.app();
    const stack = new TerraformStack(app, 'claims');
    new OciProvider(stack, 'oci', { region: 'eu-frankfurt-1' });
    const namespace = new DataOciObjectstorageNamespace(stack, 'Namespace', { compartmentId: COMPARTMENT });
    const bucket = new ObjectstorageBucket(stack, 'Bucket', {
      compartmentId: COMPARTMENT,
      name: 'claims-files',
      namespace: namespace.namespace,
      objectEventsEnabled: true,
      retentionRules: [{ displayName: 'keep', duration: { timeAmount: '30', timeUnit: 'DAYS' } }],
      lifecycle: { preventDestroy: true },
    });
    const pool = new StreamingStreamPool(stack, 'Pool', {
      compartmentId: COMPARTMENT,
      name: 'claims-pool',
      kafkaSettings: { numPartitions: 1 },
    });
    const stream = new StreamingStream(stack, 'Stream', {
      name: 'claims-files',
      partitions: 1,
      streamPoolId: pool.id,
      dependsOn: [bucket],
    });
    new TerraformOutput(stack, 'stream_id', { value: stream.id });
    return { stack, stream };
  }

  it('validates the generated L1 resources without violations', () => {
    const { stack } = synthesizeClaimStack();

    expect(validateTerraformJson(JSON.parse(Testing.synth(stack)))).toEqual([]);
  });

  it('reports an attribute added with an escape hatch', () => {
    const { stack, stream } = synthesizeClaimStack();
    stream.addOverride('bogus_attr', 1);

    expect(validateTerraformJson(JSON.parse(Testing.synth(stack)))).toEqual([
      {
        path: 'resource.oci_streaming_stream.Stream.bogus_attr',
        message:
          'Unsupported argument or block "bogus_attr": resource type "oci_streaming_stream" has no attribute or block of that name.',
      },
    ]);
  });
});
