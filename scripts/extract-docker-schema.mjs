#!/usr/bin/env node
// Writes schema/docker-schema.json: the part of the kreuzwerker/docker provider schema this library's stacks use
// (the provider configuration, docker_image and docker_registry_image, see lib/oci/container-image.ts), in the
// format `terraform providers schema -json` prints, so the schema validator (lib/testing) checks docker resources
// instead of skipping them. There is no provider binary here: the schema is read back from the generated bindings of
// the installed @cdktf/provider-docker package (their TypeScript sources ship inside each module's inline source
// map). See schema/PROVENANCE.md, "docker-schema.json", for what each field is taken from.
//
//   node scripts/extract-docker-schema.mjs           rewrite schema/docker-schema.json
//   node scripts/extract-docker-schema.mjs --check   exit 1 if the file differs from what the package gives
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outFile = join(root, 'schema', 'docker-schema.json');
const require = createRequire(join(root, 'package.json'));
const packageDir = dirname(require.resolve('@cdktf/provider-docker/package.json'));

const SOURCE_ADDRESS = 'registry.terraform.io/kreuzwerker/docker';
/** Binding module, its class, and the terraform type ('' for the provider configuration). */
const MODULES = [
  { module: 'provider', className: 'DockerProvider', type: '' },
  { module: 'image', className: 'Image', type: 'docker_image' },
  { module: 'registry-image', className: 'RegistryImage', type: 'docker_registry_image' },
];
/** Arguments cdktf adds to every provider class that are terraform meta-arguments, not provider schema. */
const PROVIDER_META = new Set(['alias']);

/** The module's TypeScript source, from the `sourcesContent` of the inline source map of its compiled index.js. */
function bindingSource(module) {
  const js = readFileSync(join(packageDir, 'lib', module, 'index.js'), 'utf8');
  const match = /sourceMappingURL=data:application\/json;base64,(\S+)\s*$/.exec(js);
  if (!match) throw new Error(`${module}/index.js has no inline source map`);
  const map = JSON.parse(Buffer.from(match[1], 'base64').toString('utf8'));
  if (!map.sourcesContent?.[0]) throw new Error(`${module}/index.js: the source map carries no source`);
  return map.sourcesContent[0];
}

/** Text from `start` to the next top-level `export` (one class, function or interface of the generated file). */
function declaration(source, header) {
  const start = source.indexOf(header);
  if (start === -1) return undefined;
  const next = source.indexOf('\nexport ', start + header.length);
  return source.slice(start, next === -1 ? undefined : next);
}

/**
 * The members a struct or class synthesizes for HCL: `name: { value: ..., isBlock, type, storageClassType }`
 * entries, from `<struct>ToHclTerraform` or the class's `synthesizeHclAttributes`.
 */
function hclMembers(body) {
  const members = [];
  const entry = /(\w+): \{\s*value: (.+),\s*isBlock: (true|false),\s*type: "(\w+)",\s*storageClassType: "(\w+)",\s*\}/g;
  for (const m of body.matchAll(entry)) {
    const nested = /(\w+)ToHclTerraform\b/.exec(m[2].replace(/cdktf\.\w+ToHclTerraform/g, ''));
    members.push({ name: m[1], isBlock: m[3] === 'true', type: m[4], storageClassType: m[5], nested: nested?.[1] });
  }
  return members;
}

/** `// name - computed: x, optional: y, required: z` comments the generator writes above each accessor. */
function flagComments(body) {
  const flags = new Map();
  for (const m of (body ?? '').matchAll(/\/\/ (\w+) - computed: (true|false), optional: (true|false), required: (true|false)/g)) {
    flags.set(m[1], { computed: m[2] === 'true', optional: m[3] === 'true', required: m[4] === 'true' });
  }
  return flags;
}

/** Required members of a config or struct interface: `readonly x: T;` (no `?`), by their terraform name. */
function interfaceRequired(source, interfaceName) {
  const body = declaration(source, `export interface ${interfaceName} `) ?? '';
  const required = new Set();
  // Each member's JSDoc links the registry docs with `#<terraform name>` right before the member.
  for (const m of body.matchAll(/#(\w+) [^}]*\}\s*\*\/\s*readonly \w+(\??):/g)) if (m[2] !== '?') required.add(m[1]);
  return required;
}

function attributeType(member) {
  const primitive = { string: 'string', number: 'number', boolean: 'bool' };
  if (member.type === 'simple' && primitive[member.storageClassType]) return primitive[member.storageClassType];
  const element = /^(string|number|boolean)(List|Map)$/.exec(member.storageClassType);
  if (element && ['list', 'set', 'map'].includes(member.type)) return [member.type, primitive[element[1]]];
  throw new Error(`no cty type for ${member.name} (${member.type}, ${member.storageClassType})`);
}

/** Type of a computed-only attribute, from the getter that reads it. */
function computedType(body, name) {
  const getter = new RegExp(`this\\.get(\\w+)Attribute\\('${name}'\\)`).exec(body ?? '');
  const types = { String: 'string', Number: 'number', Boolean: 'bool', List: ['list', 'string'], NumberList: ['list', 'number'], StringMap: ['map', 'string'], NumberMap: ['map', 'number'], BooleanMap: ['map', 'bool'] };
  return (getter && types[getter[1]]) ?? 'dynamic';
}

function sortKeys(object) {
  return Object.fromEntries(Object.keys(object).sort().map((key) => [key, object[key]]));
}

/**
 * One schema block. `members`: what the struct synthesizes; `flags`: the accessor comments of the class holding it
 * (the resource class, or the struct's OutputReference class; provider structs have none, then the interface says
 * what is required); `holder`: the class body whose fields show whether a nested block is a list or one object.
 */
function schemaBlock(source, { members, flags, required, holder }) {
  const attributes = {};
  const blockTypes = {};
  for (const member of members) {
    const f = flags.get(member.name) ?? { computed: false, optional: !required.has(member.name), required: required.has(member.name) };
    if (!member.isBlock) {
      // Field order as terraform prints it (terraform-json: type, description_kind, required, optional, computed).
      attributes[member.name] = {
        type: attributeType(member),
        description_kind: 'plain',
        ...(f.required ? { required: true } : {}),
        ...(f.optional ? { optional: true } : {}),
        ...(f.computed ? { computed: true } : {}),
      };
      continue;
    }
    const nestedStruct = member.nested.charAt(0).toUpperCase() + member.nested.slice(1);
    const nestedMembers = hclMembers(declaration(source, `export function ${member.nested}ToHclTerraform(`) ?? '');
    const reference = declaration(source, `export class ${nestedStruct}OutputReference `);
    const block = schemaBlock(source, {
      members: nestedMembers,
      flags: flagComments(reference),
      required: interfaceRequired(source, nestedStruct),
      holder: reference,
    });
    // One object in the bindings (an OutputReference field, or "struct"): at most one block.
    const single = new RegExp(`= new ${nestedStruct}OutputReference\\(this, "${member.name}"\\)`).test(holder ?? '');
    const nesting = member.type === 'struct' ? (member.name === 'timeouts' ? 'single' : 'list') : member.type;
    const maxOne = nesting !== 'single' && (single || member.type === 'struct');
    blockTypes[member.name] = {
      nesting_mode: nesting,
      block,
      ...(f.required ? { min_items: 1 } : {}),
      ...(maxOne ? { max_items: 1 } : {}),
    };
  }
  // Computed-only attributes have an accessor comment but nothing to synthesize.
  for (const [name, f] of flags) {
    if (attributes[name] || blockTypes[name] || !f.computed || f.optional || f.required) continue;
    attributes[name] = { type: computedType(holder, name), description_kind: 'plain', computed: true };
  }
  return {
    ...(Object.keys(attributes).length ? { attributes: sortKeys(attributes) } : {}),
    ...(Object.keys(blockTypes).length ? { block_types: sortKeys(blockTypes) } : {}),
    description_kind: 'plain',
  };
}

function extract() {
  let providerVersion;
  const provider = { provider: undefined, resource_schemas: {} };
  for (const { module, className, type } of MODULES) {
    const source = bindingSource(module);
    const classBody = declaration(source, `export class ${className} `);
    if (!classBody) throw new Error(`${module}: class ${className} not found`);
    providerVersion ??= /providerVersion: '([^']+)'/.exec(classBody)?.[1];
    const synth = classBody.slice(classBody.indexOf('synthesizeHclAttributes()'));
    const members = hclMembers(synth).filter((m) => !(type === '' && PROVIDER_META.has(m.name)));
    const flags = flagComments(classBody);
    if (type === '') for (const name of PROVIDER_META) flags.delete(name);
    const block = schemaBlock(source, { members, flags, required: interfaceRequired(source, `${className}Config`), holder: classBody });
    if (type === '') provider.provider = { version: 0, block };
    else provider.resource_schemas[type] = { version: 0, block };
  }
  if (!providerVersion) throw new Error('provider version not found in the bindings');
  return {
    format_version: '1.0',
    provider_schemas: { [SOURCE_ADDRESS]: { provider: provider.provider, resource_schemas: sortKeys(provider.resource_schemas) } },
    provider_versions: { [SOURCE_ADDRESS]: providerVersion },
  };
}

const text = `${JSON.stringify(extract(), null, 2)}\n`;
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(outFile, 'utf8');
  } catch {
    // missing: reported below
  }
  if (current !== text) {
    console.error('schema/docker-schema.json differs from what the installed @cdktf/provider-docker gives: run node scripts/extract-docker-schema.mjs');
    process.exit(1);
  }
  console.log('schema/docker-schema.json matches @cdktf/provider-docker');
} else {
  writeFileSync(outFile, text);
  console.log(`wrote ${outFile}`);
}
