/**
 * A tiny JSON Schema (draft 2020-12) validator for exactly the keywords schema/claim-check.v1.schema.json uses.
 * It throws on any other keyword, so the schema cannot silently grow a rule this validator ignores.
 */
type Schema = Record<string, unknown> | boolean;

const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description', '$defs']);
const SUPPORTED = new Set([
  ...ANNOTATIONS,
  'type', 'const', 'enum', 'required', 'properties', 'additionalProperties',
  'pattern', 'minLength', 'format', '$ref', 'if', 'then', 'else',
]);

export function validateAgainstSchema(root: Record<string, unknown>, value: unknown): string[] {
  const errors: string[] = [];
  check(root, root, value, '$', errors);
  return errors;
}

function check(root: Record<string, unknown>, schema: Schema, value: unknown, at: string, errors: string[]): void {
  if (schema === true) return;
  if (schema === false) {
    errors.push(`${at}: not allowed`);
    return;
  }
  for (const keyword of Object.keys(schema)) {
    if (!SUPPORTED.has(keyword)) throw new Error(`fdk-json-schema: unsupported keyword "${keyword}" at ${at}`);
  }
  if (typeof schema.$ref === 'string') check(root, resolveRef(root, schema.$ref), value, at, errors);
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!types.some((t) => hasType(value, t))) errors.push(`${at}: expected ${types.join('|')}, got ${JSON.stringify(value)}`);
  }
  if ('const' in schema && JSON.stringify(schema.const) !== JSON.stringify(value)) {
    errors.push(`${at}: expected ${JSON.stringify(schema.const)}, got ${JSON.stringify(value)}`);
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((v) => JSON.stringify(v) === JSON.stringify(value))) {
    errors.push(`${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  }
  if (typeof value === 'string') {
    if (typeof schema.minLength === 'number' && [...value].length < schema.minLength) errors.push(`${at}: shorter than ${schema.minLength}`);
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) errors.push(`${at}: does not match ${schema.pattern}`);
    if (typeof schema.format === 'string' && !hasFormat(value, schema.format)) errors.push(`${at}: not a valid ${schema.format}`);
  }
  if (isObject(value)) {
    for (const name of (schema.required as string[] | undefined) ?? []) {
      if (!(name in value)) errors.push(`${at}: missing required property "${name}"`);
    }
    const properties = (schema.properties as Record<string, Schema> | undefined) ?? {};
    for (const [name, sub] of Object.entries(properties)) {
      if (name in value) check(root, sub, value[name], `${at}.${name}`, errors);
    }
    if (schema.additionalProperties === false) {
      for (const name of Object.keys(value)) {
        if (!(name in properties)) errors.push(`${at}: unexpected property "${name}"`);
      }
    }
  }
  if (schema.if !== undefined) {
    const matches = validateSub(root, schema.if as Schema, value).length === 0;
    const branch = matches ? schema.then : schema.else;
    if (branch !== undefined) check(root, branch as Schema, value, at, errors);
  }
}

function validateSub(root: Record<string, unknown>, schema: Schema, value: unknown): string[] {
  const errors: string[] = [];
  check(root, schema, value, '$', errors);
  return errors;
}

function resolveRef(root: Record<string, unknown>, ref: string): Schema {
  if (!ref.startsWith('#/')) throw new Error(`fdk-json-schema: only local $ref supported, got ${ref}`);
  let node: unknown = root;
  for (const part of ref.slice(2).split('/')) node = (node as Record<string, unknown>)[part];
  if (node === undefined) throw new Error(`fdk-json-schema: unresolved $ref ${ref}`);
  return node as Schema;
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'string': return typeof value === 'string';
    case 'null': return value === null;
    case 'object': return isObject(value);
    case 'array': return Array.isArray(value);
    case 'boolean': return typeof value === 'boolean';
    case 'number': return typeof value === 'number';
    case 'integer': return Number.isInteger(value);
    default: throw new Error(`fdk-json-schema: unknown type ${type}`);
  }
}

function hasFormat(value: string, format: string): boolean {
  switch (format) {
    case 'date-time':
      return /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.test(value) && !Number.isNaN(Date.parse(value));
    case 'uri':
      // An absolute URI that is also plain ASCII (RFC 3986 has no raw non-ASCII or spaces).
      return /^[a-zA-Z][a-zA-Z0-9+.-]*:[\x21-\x7e]*$/.test(value) && URL.canParse(value);
    default:
      throw new Error(`fdk-json-schema: unsupported format ${format}`);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
