/**
 * Where the validator's provider schemas come from: the two this package ships (schema/oci-schema.json, a trimmed
 * oracle/oci schema, and schema/docker-schema.json, the part of kreuzwerker/docker the library's image builds use;
 * see schema/PROVENANCE.md), and the complete ones `terraform providers schema -json` prints on a machine where the
 * providers are installed, merged over them.
 */
import * as fs from 'fs';
import * as path from 'path';
import { isJsonObject } from './findings';
import { ProviderSchema, ProviderSchemaDocument, SchemaEntry } from './schema-types';

const SHIPPED_FILES = [path.join('schema', 'oci-schema.json'), path.join('schema', 'docker-schema.json')];

/**
 * Provider schemas that cover only part of their provider (the shipped ones). A resource type such a schema lacks may
 * exist: it is reported as unknown with a hint, or as not checked with `unknownTypes: 'warn'`. A type missing from a
 * complete schema (one a user loaded) does not exist and is always an error.
 */
const partialSchemas = new WeakSet<ProviderSchema>();

/** Whether `schema` covers only part of its provider (a schema shipped with this package). */
export function isPartialProviderSchema(schema: ProviderSchema): boolean {
  return partialSchemas.has(schema);
}

/**
 * Reads the provider schemas shipped with this package: oracle/oci (trimmed to the resources and data sources the
 * library creates) and kreuzwerker/docker (the provider block, `docker_image` and `docker_registry_image`, which the
 * bundled function and container images use). The package root is found by walking up from this file, so the same
 * code works from lib/testing (ts sources, jest) and from dist/lib/testing (compiled package).
 *
 * Both cover only part of their provider; to check resources the library does not create, merge your own
 * `terraform providers schema -json` output over them with `loadProviderSchemas`.
 */
export function loadOciProviderSchema(): ProviderSchemaDocument {
  const shipped = SHIPPED_FILES.map((file) => readSchemaDocument(findPackageFile(__dirname, file)));
  for (const document of shipped) for (const schema of Object.values(document.provider_schemas)) partialSchemas.add(schema);
  return mergeProviderSchemas(...shipped);
}

/**
 * The shipped schemas (`loadOciProviderSchema`) with each of `sources` merged over them, in order: a path to the
 * JSON `terraform providers schema -json` prints (run where your providers are installed, after `cdktf get` /
 * `terraform init`), or such a document already parsed. Later sources win per provider configuration, resource type
 * and data source; a provider is matched by its namespace and type, so `registry.opentofu.org/oracle/oci` replaces
 * the shipped `registry.terraform.io/oracle/oci`.
 *
 *   const schema = loadProviderSchemas('schema.json');
 *   validateTerraformJson(Testing.synth(stack), schema, { unknownTypes: 'warn' });
 */
export function loadProviderSchemas(...sources: Array<string | ProviderSchemaDocument>): ProviderSchemaDocument {
  const loaded = sources.map((source) => (typeof source === 'string' ? readSchemaDocument(source) : checkedDocument(source, 'the document')));
  return mergeProviderSchemas(loadOciProviderSchema(), ...loaded);
}

/**
 * Merges provider schema documents; later documents win per provider configuration block, resource type and data
 * source. Providers are matched by `<namespace>/<type>` (the source address without its registry host, in any letter
 * case) and keep the address of the first document that has them. A merged provider covers only part of its
 * provider when every document it came from does.
 */
export function mergeProviderSchemas(...documents: ProviderSchemaDocument[]): ProviderSchemaDocument {
  const merged = new Map<string, { address: string; parts: ProviderSchema[] }>();
  for (const document of documents) {
    for (const [address, schema] of Object.entries(document.provider_schemas)) {
      const key = providerKey(address);
      const entry = merged.get(key) ?? { address, parts: [] };
      entry.parts.push(schema);
      merged.set(key, entry);
    }
  }
  const providerSchemas: Record<string, ProviderSchema> = {};
  for (const { address, parts } of merged.values()) providerSchemas[address] = mergeProvider(parts);
  return { format_version: documents[documents.length - 1]?.format_version ?? '1.0', provider_schemas: providerSchemas };
}

/** Reads one `terraform providers schema -json` document from a file and checks its shape. */
export function loadProviderSchemaFile(file: string): ProviderSchemaDocument {
  return readSchemaDocument(file);
}

function mergeProvider(parts: ProviderSchema[]): ProviderSchema {
  if (parts.length === 1) return parts[0];
  const mergeEntries = (pick: (schema: ProviderSchema) => Record<string, SchemaEntry> | undefined) => {
    const entries = parts.map(pick).filter((e): e is Record<string, SchemaEntry> => e !== undefined);
    return entries.length ? Object.assign({}, ...entries) : undefined;
  };
  const schema: ProviderSchema = {
    provider: [...parts].reverse().find((part) => part.provider !== undefined)?.provider ?? parts[0].provider,
    resource_schemas: mergeEntries((part) => part.resource_schemas),
    data_source_schemas: mergeEntries((part) => part.data_source_schemas),
    ephemeral_resource_schemas: mergeEntries((part) => part.ephemeral_resource_schemas),
  };
  if (parts.every((part) => partialSchemas.has(part))) partialSchemas.add(schema);
  return schema;
}

/** `registry.terraform.io/Oracle/OCI` -> `oracle/oci`. */
function providerKey(address: string): string {
  return address.toLowerCase().split('/').slice(-2).join('/');
}

function readSchemaDocument(file: string): ProviderSchemaDocument {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`Cannot read the provider schema ${file}: ${(e as Error).message}`);
  }
  return checkedDocument(parsed, file);
}

function checkedDocument(parsed: unknown, what: string): ProviderSchemaDocument {
  if (!isJsonObject(parsed) || !isJsonObject(parsed.provider_schemas)) {
    throw new Error(
      `${what} is not a "terraform providers schema -json" document (no "provider_schemas" object). ` +
        'Generate it with `terraform providers schema -json > schema.json` in the directory terraform runs in ' +
        '(cdktf.out/stacks/<stack>, after `cdktf synth` and `terraform init`).',
    );
  }
  for (const [address, schema] of Object.entries(parsed.provider_schemas)) {
    if (!isJsonObject(schema)) throw new Error(`${what}: provider_schemas["${address}"] is not an object.`);
  }
  return parsed as unknown as ProviderSchemaDocument;
}

function findPackageFile(startDirectory: string, file: string): string {
  for (let directory = startDirectory; ; directory = path.dirname(directory)) {
    const candidate = path.join(directory, file);
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(directory) === directory) {
      throw new Error(`Cannot find ${file} in ${startDirectory} or any of its parent folders.`);
    }
  }
}
