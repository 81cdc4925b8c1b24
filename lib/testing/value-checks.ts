import { Findings, childPath, describeValue, didYouMean, indexPath, isJsonObject } from './findings';
import { CtyType, SchemaAttribute, SchemaNestedAttributeType } from './schema-types';
import { analyzeTemplate } from './templates';

/**
 * Checks a JSON value against a cty type the way terraform would convert it,
 * reporting each mismatch at the innermost path. Templates are accepted wherever
 * their result could have the required type (see `checkTemplate`).
 */
export function checkValue(value: unknown, type: CtyType, path: string, findings: Findings): void {
  if (type === 'dynamic') return;
  if (typeof value === 'string' && analyzeTemplate(value).isTemplate) {
    checkTemplate(value, type, path, findings);
    return;
  }
  if (typeof type === 'string') {
    checkPrimitive(value, type, path, findings);
    return;
  }
  switch (type[0]) {
    case 'list':
    case 'set':
      checkCollection(value, type[0], type[1], path, findings);
      return;
    case 'map':
      checkMap(value, type[1], path, findings);
      return;
    case 'object':
      checkObject(value, type[1], path, findings);
      return;
    case 'tuple':
      checkTuple(value, type[1], path, findings);
      return;
  }
}

/** The cty type an attribute accepts: its `type`, or the type equivalent to its `nested_type`. */
export function attributeType(attribute: SchemaAttribute): CtyType {
  if (attribute.type !== undefined) return attribute.type;
  if (attribute.nested_type !== undefined) return nestedAttributeType(attribute.nested_type);
  return 'dynamic';
}

function nestedAttributeType(nested: SchemaNestedAttributeType): CtyType {
  const attributes: { [name: string]: CtyType } = {};
  for (const [name, attribute] of Object.entries(nested.attributes)) attributes[name] = attributeType(attribute);
  const objectType: CtyType = ['object', attributes];
  return nested.nesting_mode === 'single' ? objectType : [nested.nesting_mode, objectType];
}

/** Human-readable type name for messages, in terraform's own notation. */
export function typeName(type: CtyType): string {
  if (typeof type === 'string') return type;
  switch (type[0]) {
    case 'list':
    case 'set':
    case 'map':
      return `${type[0]}(${typeName(type[1])})`;
    case 'object':
      return `object({${Object.keys(type[1]).join(', ')}})`;
    case 'tuple':
      return `tuple([${type[1].map(typeName).join(', ')}])`;
  }
}

/**
 * A template's value is only known at apply time. A single `${expr}` can evaluate
 * to any type, so it is accepted everywhere; a mixed template such as `a-${x}` always
 * yields a string, which terraform can convert to a primitive but never to a collection.
 */
function checkTemplate(value: string, type: CtyType, path: string, findings: Findings): void {
  const shape = analyzeTemplate(value);
  if (shape.isUnterminated) {
    findings.error(path, `Invalid template ${describeValue(value)}: a "\${" or "%{" sequence is never closed.`);
  } else if (typeof type !== 'string' && !shape.isSingleExpression) {
    findings.error(
      path,
      `Inappropriate value: ${typeName(type)} required, got ${describeValue(value)} (a template mixing text and ` +
        'interpolations always produces a string).',
    );
  }
}

const NUMERIC_STRING = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
// cty converts these strings to bool; every other string is an error.
const BOOL_STRINGS = new Set(['true', 'false', '1', '0']);

/**
 * Mirrors cty's primitive conversions: number and bool convert to string; bool and
 * numeric strings convert to number; "true"/"false"/"1"/"0" convert to bool.
 */
function checkPrimitive(value: unknown, type: 'string' | 'number' | 'bool', path: string, findings: Findings): void {
  if (!isConvertiblePrimitive(value, type)) {
    findings.error(path, `Inappropriate value: a ${type} is required, got ${describeValue(value)}.`);
  }
}

function isConvertiblePrimitive(value: unknown, type: 'string' | 'number' | 'bool'): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
    case 'number':
      return (
        (typeof value === 'number' && Number.isFinite(value)) ||
        typeof value === 'boolean' ||
        (typeof value === 'string' && NUMERIC_STRING.test(value))
      );
    case 'bool':
      return typeof value === 'boolean' || (typeof value === 'string' && BOOL_STRINGS.has(value));
  }
}

function checkCollection(
  value: unknown,
  kind: 'list' | 'set',
  elementType: CtyType,
  path: string,
  findings: Findings,
): void {
  if (!Array.isArray(value)) {
    findings.error(
      path,
      `Inappropriate value: ${kind}(${typeName(elementType)}) required, got ${describeValue(value)}.`,
    );
    return;
  }
  value.forEach((element, i) => checkElement(element, elementType, indexPath(path, i), findings, kind));
}

function checkMap(value: unknown, elementType: CtyType, path: string, findings: Findings): void {
  if (!isJsonObject(value)) {
    findings.error(path, `Inappropriate value: map(${typeName(elementType)}) required, got ${describeValue(value)}.`);
    return;
  }
  for (const [key, element] of Object.entries(value)) {
    checkElement(element, elementType, childPath(path, key), findings, 'map');
  }
}

/** Providers built on the plugin SDK reject null elements inside collections. */
function checkElement(element: unknown, type: CtyType, path: string, findings: Findings, kind: string): void {
  if (element === null) {
    findings.error(path, `Null value found in ${kind}: elements must not be null.`);
    return;
  }
  checkValue(element, type, path, findings);
}

/** Object attributes left out (or null) are null in terraform, so only unknown keys and wrong types are errors. */
function checkObject(
  value: unknown,
  attributeTypes: { readonly [name: string]: CtyType },
  path: string,
  findings: Findings,
): void {
  if (!isJsonObject(value)) {
    findings.error(path, `Inappropriate value: an object is required, got ${describeValue(value)}.`);
    return;
  }
  for (const [key, element] of Object.entries(value)) {
    const elementType = attributeTypes[key];
    if (elementType === undefined) {
      const hint = didYouMean(key, Object.keys(attributeTypes));
      findings.error(
        childPath(path, key),
        `Unsupported attribute "${key}": the object type has no such attribute.${hint}`,
      );
    } else if (element !== null) {
      checkValue(element, elementType, childPath(path, key), findings);
    }
  }
}

function checkTuple(value: unknown, elementTypes: readonly CtyType[], path: string, findings: Findings): void {
  if (!Array.isArray(value) || value.length !== elementTypes.length) {
    findings.error(
      path,
      `Inappropriate value: a tuple of ${elementTypes.length} elements is required, got ${describeValue(value)}.`,
    );
    return;
  }
  value.forEach((element, i) => checkValue(element, elementTypes[i], indexPath(path, i), findings));
}
