/**
 * Offline stand-in for `terraform validate`: checks a synthesized cdk.tf.json against provider schemas: by default
 * the ones shipped with this package (schema/oci-schema.json and schema/docker-schema.json, see
 * schema/PROVENANCE.md), or those `loadProviderSchemas` merges from your own `terraform providers schema -json`.
 * There is no provider binary in this project, so this is what tells us that the constructs emit configuration the
 * providers would accept.
 */
import { COMMENT_KEY, checkBody } from './block-checks';
import {
  Findings,
  JsonObject,
  SchemaViolation,
  childPath,
  describeValue,
  didYouMean,
  indexPath,
  isJsonObject,
} from './findings';
import { META_ARGUMENTS, ResourceMode, checkConditions, checkMetaArguments } from './meta-arguments';
import { isPartialProviderSchema, loadOciProviderSchema } from './schema-loading';
import { ProviderSchema, ProviderSchemaDocument, SchemaEntry } from './schema-types';

/** What to do with a resource type, data source or provider configuration that no loaded schema knows. */
export type UnknownTypePolicy = 'error' | 'warn';

/** Options of `validateTerraformJson` and `assertValidTerraformJson`. */
export interface ValidateOptions {
  /** Also report use of deprecated attributes and blocks as violations (default false). */
  readonly deprecatedAsErrors?: boolean;
  /**
   * Resource types, data sources and provider configurations that no loaded schema knows: `'error'` reports each as
   * a violation; `'warn'` reports each as "not checked" in `result.warnings` and counts its blocks in
   * `result.unchecked`, never as a violation. A type that a complete provider schema (one you loaded) lacks is
   * always a violation: that provider has no such type.
   * @default 'error'
   */
  readonly unknownTypes?: UnknownTypePolicy;
}

/**
 * What `validateTerraformJson` returns: the violations (an empty array when the document is valid), with what could
 * not be checked alongside.
 */
export type ValidationResult = SchemaViolation[] & {
  /** One "not checked" notice per resource type, data source or provider no loaded schema knows (`unknownTypes: 'warn'`). */
  readonly warnings: SchemaViolation[];
  /** How many resources, data sources and provider configurations were not checked (`unknownTypes: 'warn'`). */
  readonly unchecked: number;
};

let defaultSchema: ProviderSchemaDocument | undefined;

/** Parsed once per process: test suites validate many documents against the same schema. */
function cachedDefaultSchema(): ProviderSchemaDocument {
  defaultSchema ??= loadOciProviderSchema();
  return defaultSchema;
}

/**
 * Returns every schema violation in a synthesized document ([] when it is valid), with `warnings` and `unchecked`
 * (see `ValidationResult`). `doc` is the parsed cdk.tf.json, or its JSON text (e.g. `Testing.synth(stack)`).
 */
export function validateTerraformJson(
  doc: unknown,
  schema: ProviderSchemaDocument = cachedDefaultSchema(),
  options: ValidateOptions = {},
): ValidationResult {
  const findings = collectFindings(doc, schema, options);
  const violations = options.deprecatedAsErrors ? [...findings.errors, ...findings.deprecations] : [...findings.errors];
  // Extra fields that do not take part in equality (`toEqual([])`) or iteration: the result is still the array.
  return Object.defineProperties(violations, {
    warnings: { value: findings.warnings, enumerable: false },
    unchecked: { value: findings.unchecked, enumerable: false },
  }) as ValidationResult;
}

/** Returns every use of a deprecated attribute or block; these are warnings for terraform, not errors. */
export function findDeprecatedUsages(
  doc: unknown,
  schema: ProviderSchemaDocument = cachedDefaultSchema(),
): SchemaViolation[] {
  return collectFindings(doc, schema, {}).deprecations;
}

/** Throws one Error listing every violation, for use in tests. */
export function assertValidTerraformJson(
  doc: unknown,
  schema: ProviderSchemaDocument = cachedDefaultSchema(),
  options: ValidateOptions = {},
): void {
  const violations = validateTerraformJson(doc, schema, options);
  if (violations.length === 0) return;
  const lines = violations.map((v) => `  - ${v.path || '(document)'}: ${v.message}`);
  throw new Error(
    `Terraform JSON does not match the provider schema (${violations.length} problem${
      violations.length === 1 ? '' : 's'
    }):\n` + lines.join('\n'),
  );
}

/** A provider whose schema is in the document, with the local name its resource types start with. */
interface KnownProvider {
  readonly sourceAddress: string;
  readonly localName: string;
  readonly schema: ProviderSchema;
}

/** Everything the section checks need to know about the schema and the document. */
interface DocumentContext {
  readonly providers: readonly KnownProvider[];
  readonly providerAliases: ReadonlyMap<string, ReadonlySet<string>>;
  readonly unknownTypes: UnknownTypePolicy;
}

// Top-level keys of terraform JSON configuration; anything else is a typo terraform would reject.
const TOP_LEVEL_KEYS = new Set([
  COMMENT_KEY,
  'terraform',
  'provider',
  'variable',
  'output',
  'locals',
  'module',
  'resource',
  'data',
  'moved',
  'import',
  'removed',
  'check',
  'ephemeral',
]);

function collectFindings(doc: unknown, schema: ProviderSchemaDocument, options: ValidateOptions): Findings {
  const findings = new Findings();
  const parsed = parseDocument(doc, findings);
  if (parsed === undefined) return findings;
  const context: DocumentContext = {
    providers: indexProviders(schema),
    providerAliases: collectProviderAliases(parsed.provider),
    unknownTypes: options.unknownTypes ?? 'error',
  };
  for (const [key, section] of Object.entries(parsed)) {
    checkSection(key, section, findings, context);
  }
  return findings;
}

function parseDocument(doc: unknown, findings: Findings): JsonObject | undefined {
  let parsed = doc;
  if (typeof doc === 'string') {
    try {
      parsed = JSON.parse(doc);
    } catch (e) {
      findings.error('', `The document is not valid JSON: ${(e as Error).message}`);
      return undefined;
    }
  }
  if (!isJsonObject(parsed)) {
    findings.error('', `The document must be a JSON object, got ${describeValue(parsed)}.`);
    return undefined;
  }
  return parsed;
}

function checkSection(key: string, section: unknown, findings: Findings, context: DocumentContext): void {
  switch (key) {
    case 'terraform':
      checkTerraformSettings(section, findings, context);
      return;
    case 'provider':
      checkProviderConfigurations(section, findings, context);
      return;
    case 'resource':
    case 'data':
      checkResources(key, section, findings, context);
      return;
    case 'output':
      checkOutputs(section, findings);
      return;
    case 'variable':
      checkVariables(section, findings);
      return;
    default:
      if (!TOP_LEVEL_KEYS.has(key))
        findings.error(key, `Unsupported top-level block "${key}" in terraform JSON configuration.`);
  }
}

/** The provider's local name is the last part of its source address: registry.terraform.io/oracle/oci -> oci. */
function indexProviders(schema: ProviderSchemaDocument): KnownProvider[] {
  return Object.entries(schema.provider_schemas).map(([sourceAddress, providerSchema]) => ({
    sourceAddress,
    localName: sourceAddress.split('/').pop() ?? sourceAddress,
    schema: providerSchema,
  }));
}

/** Resource types belong to the provider whose local name is their prefix (oci_core_vcn -> oci). */
function providerOfType(type: string, providers: readonly KnownProvider[]): KnownProvider | undefined {
  return providers.find((provider) => type.startsWith(`${provider.localName}_`));
}

// ---------------------------------------------------------------------------------------------
// terraform { required_providers }
// ---------------------------------------------------------------------------------------------

function checkTerraformSettings(section: unknown, findings: Findings, context: DocumentContext): void {
  if (!isJsonObject(section)) {
    findings.error('terraform', `"terraform" must be an object, got ${describeValue(section)}.`);
    return;
  }
  const requiredProviders = section.required_providers;
  if (!isJsonObject(requiredProviders)) return;
  for (const provider of context.providers) {
    const requirement = requiredProviders[provider.localName];
    // A plain string is the legacy version-constraint form and names no source.
    if (isJsonObject(requirement) && requirement.source !== undefined) {
      const sourcePath = childPath(childPath('terraform.required_providers', provider.localName), 'source');
      checkProviderSource(requirement.source, provider, sourcePath, findings);
    }
  }
}

/**
 * The source may be written with or without a registry host, in any letter case. A schema dumped by OpenTofu names
 * its own registry (`registry.opentofu.org/oracle/oci`) where cdktf writes terraform's: both hosts are accepted.
 */
function checkProviderSource(source: unknown, provider: KnownProvider, path: string, findings: Findings): void {
  const full = provider.sourceAddress.toLowerCase();
  const short = full.split('/').slice(-2).join('/');
  const accepted = [full, short, ...PUBLIC_REGISTRIES.map((host) => `${host}/${short}`)];
  if (typeof source === 'string' && accepted.includes(source.toLowerCase())) return;
  findings.error(
    path,
    `Provider source ${describeValue(
      source,
    )} does not match the validated provider schema: expected "${short}" or "${full}".`,
  );
}

const PUBLIC_REGISTRIES = ['registry.terraform.io', 'registry.opentofu.org'];

// ---------------------------------------------------------------------------------------------
// provider "oci" { ... }
// ---------------------------------------------------------------------------------------------

const PROVIDER_META_ARGUMENTS: ReadonlySet<string> = new Set(['alias', 'version']);

/** Terraform JSON allows one provider configuration object or an array of them (cdktf writes arrays). */
function providerConfigurations(value: unknown, path: string): Array<{ config: unknown; path: string }> {
  if (Array.isArray(value)) return value.map((config, i) => ({ config, path: indexPath(path, i) }));
  return [{ config: value, path }];
}

function collectProviderAliases(section: unknown): Map<string, Set<string>> {
  const aliases = new Map<string, Set<string>>();
  if (!isJsonObject(section)) return aliases;
  for (const [localName, value] of Object.entries(section)) {
    const names = new Set<string>();
    for (const { config } of providerConfigurations(value, '')) {
      if (isJsonObject(config)) names.add(typeof config.alias === 'string' ? config.alias : '');
    }
    aliases.set(localName, names);
  }
  return aliases;
}

function checkProviderConfigurations(section: unknown, findings: Findings, context: DocumentContext): void {
  if (!isJsonObject(section)) {
    findings.error('provider', `"provider" must be an object keyed by provider name, got ${describeValue(section)}.`);
    return;
  }
  for (const [localName, value] of Object.entries(section)) {
    if (localName === COMMENT_KEY || context.providers.some((provider) => provider.localName === localName)) continue;
    const blocks = providerConfigurations(value, '').length;
    notChecked(childPath('provider', localName), `provider "${localName}"`, `no loaded schema is for a provider named "${localName}"`, blocks, findings, context);
  }
  for (const provider of context.providers) {
    const value = section[provider.localName];
    if (value === undefined) continue;
    const seenAliases = new Set<string>();
    for (const { config, path } of providerConfigurations(value, childPath('provider', provider.localName))) {
      checkBody(config, provider.schema.provider.block, path, findings, {
        owner: `provider "${provider.localName}"`,
        reservedNames: PROVIDER_META_ARGUMENTS,
      });
      if (isJsonObject(config)) checkProviderAlias(config, seenAliases, path, findings, provider.localName);
    }
  }
}

/** Two configurations of one provider with the same alias (or both without one) are a terraform error. */
function checkProviderAlias(
  config: JsonObject,
  seen: Set<string>,
  path: string,
  findings: Findings,
  localName: string,
): void {
  if (config.alias !== undefined && typeof config.alias !== 'string') {
    findings.error(
      childPath(path, 'alias'),
      `Invalid provider "alias": a string is required, got ${describeValue(config.alias)}.`,
    );
    return;
  }
  const alias = config.alias ?? '';
  if (seen.has(alias)) {
    const which = alias === '' ? 'default (un-aliased)' : `"${alias}"`;
    findings.error(
      path,
      `Duplicate provider configuration: provider "${localName}" already has a ${which} configuration.`,
    );
  }
  seen.add(alias);
}

// ---------------------------------------------------------------------------------------------
// resource / data
// ---------------------------------------------------------------------------------------------

const RESOURCE_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

function checkResources(mode: ResourceMode, section: unknown, findings: Findings, context: DocumentContext): void {
  if (!isJsonObject(section)) {
    findings.error(mode, `"${mode}" must be an object keyed by type, got ${describeValue(section)}.`);
    return;
  }
  for (const [type, instances] of Object.entries(section)) {
    if (type === COMMENT_KEY) continue;
    const typePath = childPath(mode, type);
    const provider = providerOfType(type, context.providers);
    const entry = provider && schemaOf(provider, mode, type);
    if (entry === undefined) {
      unknownType(mode, type, instances, provider, typePath, findings, context);
      continue;
    }
    checkInstances(mode, type, instances, entry, typePath, findings, context);
  }
}

/**
 * A type no loaded schema has. When its provider's schema is complete (one the user loaded), terraform would refuse
 * it: always an error. Otherwise the type may well exist (the shipped schemas cover only what the library creates,
 * other providers have no schema here): an error by default, "not checked" with `unknownTypes: 'warn'`.
 */
function unknownType(
  mode: ResourceMode,
  type: string,
  instances: unknown,
  provider: KnownProvider | undefined,
  path: string,
  findings: Findings,
  context: DocumentContext,
): void {
  const kind = mode === 'resource' ? 'resource type' : 'data source';
  if (provider !== undefined) {
    const hint = didYouMean(type, Object.keys(schemasOf(provider.schema, mode) ?? {}));
    const lacks = `provider ${provider.sourceAddress} has no ${kind} of that name`;
    if (!isPartialProviderSchema(provider.schema)) {
      findings.error(path, `Unknown ${kind} "${type}": ${lacks}.${hint}`);
      return;
    }
    const why = `${lacks} in the schema shipped with cdktf-oci-claim-check, which covers only what the library creates.${hint}`;
    notChecked(path, `${kind} "${type}"`, why, countInstances(instances), findings, context);
    return;
  }
  const prefix = type.split('_')[0];
  notChecked(path, `${kind} "${type}"`, `no loaded schema is for a provider named "${prefix}".`, countInstances(instances), findings, context);
}

/** Reports something no schema could check: an error, or a warning and a count (`unknownTypes: 'warn'`). */
function notChecked(path: string, what: string, why: string, blocks: number, findings: Findings, context: DocumentContext): void {
  const reason = /[.?]$/.test(why) ? why : `${why}.`;
  if (context.unknownTypes === 'warn') {
    findings.warning(path, `Not checked: ${what} (${blocks} block${blocks === 1 ? '' : 's'}): ${reason}`);
    findings.unchecked += blocks;
    return;
  }
  findings.error(
    path,
    `Unknown ${what}: ${reason} Load the provider's schema (loadProviderSchemas('schema.json'), from ` +
      '`terraform providers schema -json`) to check it, or validate with { unknownTypes: \'warn\' } to report it as not checked.',
  );
}

function countInstances(instances: unknown): number {
  return isJsonObject(instances) ? Object.keys(instances).filter((name) => name !== COMMENT_KEY).length : 1;
}

function schemasOf(schema: ProviderSchema, mode: ResourceMode): { readonly [type: string]: SchemaEntry } | undefined {
  return mode === 'resource' ? schema.resource_schemas : schema.data_source_schemas;
}

function schemaOf(provider: KnownProvider, mode: ResourceMode, type: string): SchemaEntry | undefined {
  return schemasOf(provider.schema, mode)?.[type];
}

function checkInstances(
  mode: ResourceMode,
  type: string,
  instances: unknown,
  entry: SchemaEntry,
  typePath: string,
  findings: Findings,
  context: DocumentContext,
): void {
  if (!isJsonObject(instances)) {
    findings.error(typePath, `"${typePath}" must be an object keyed by ${mode} name, got ${describeValue(instances)}.`);
    return;
  }
  const owner = mode === 'resource' ? `resource type "${type}"` : `data source "${type}"`;
  for (const [name, body] of Object.entries(instances)) {
    const path = childPath(typePath, name);
    if (!RESOURCE_NAME.test(name)) {
      findings.error(
        path,
        `Invalid ${mode} name "${name}": names start with a letter or underscore and contain only letters, digits, underscores and dashes.`,
      );
    }
    checkBody(body, entry.block, path, findings, { owner, reservedNames: META_ARGUMENTS[mode] });
    if (isJsonObject(body)) {
      checkMetaArguments(body, path, findings, { mode, block: entry.block, providerAliases: context.providerAliases });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// output
// ---------------------------------------------------------------------------------------------

const OUTPUT_ARGUMENTS = new Set([
  COMMENT_KEY,
  'value',
  'description',
  'sensitive',
  'ephemeral',
  'depends_on',
  'precondition',
]);

function checkOutputs(section: unknown, findings: Findings): void {
  if (!isJsonObject(section)) {
    findings.error('output', `"output" must be an object keyed by output name, got ${describeValue(section)}.`);
    return;
  }
  for (const [name, output] of Object.entries(section)) {
    const path = childPath('output', name);
    if (!isJsonObject(output)) {
      findings.error(path, `Output "${name}" must be an object, got ${describeValue(output)}.`);
      continue;
    }
    if (!('value' in output)) {
      findings.error(childPath(path, 'value'), `Missing required argument "value": output "${name}" must set a value.`);
    }
    for (const key of Object.keys(output)) {
      if (!OUTPUT_ARGUMENTS.has(key)) {
        findings.error(
          childPath(path, key),
          `Unsupported argument "${key}" in output "${name}" (allowed: ${[...OUTPUT_ARGUMENTS].slice(1).join(', ')}).`,
        );
      }
    }
    if (output.precondition !== undefined)
      checkConditions('precondition', output.precondition, childPath(path, 'precondition'), findings);
  }
}

// ---------------------------------------------------------------------------------------------
// variable
// ---------------------------------------------------------------------------------------------

const VARIABLE_ARGUMENTS = new Set([
  COMMENT_KEY,
  'type',
  'default',
  'description',
  'sensitive',
  'nullable',
  'ephemeral',
  'validation',
]);

/**
 * Variable blocks: only the arguments terraform defines, and `validation` blocks (one object or an array of them,
 * cdktf writes arrays) each with `condition` and `error_message`.
 * https://developer.hashicorp.com/terraform/language/values/variables
 */
function checkVariables(section: unknown, findings: Findings): void {
  if (!isJsonObject(section)) {
    findings.error('variable', `"variable" must be an object keyed by variable name, got ${describeValue(section)}.`);
    return;
  }
  for (const [name, variable] of Object.entries(section)) {
    const path = childPath('variable', name);
    if (!isJsonObject(variable)) {
      findings.error(path, `Variable "${name}" must be an object, got ${describeValue(variable)}.`);
      continue;
    }
    for (const key of Object.keys(variable)) {
      if (!VARIABLE_ARGUMENTS.has(key)) {
        findings.error(
          childPath(path, key),
          `Unsupported argument "${key}" in variable "${name}" (allowed: ${[...VARIABLE_ARGUMENTS].slice(1).join(', ')}).`,
        );
      }
    }
    if (variable.validation !== undefined) checkConditions('validation', variable.validation, childPath(path, 'validation'), findings);
  }
}
