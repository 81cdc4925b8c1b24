import { Findings, JsonObject, childPath, describeValue, didYouMean, indexPath, isJsonObject } from './findings';
import { SchemaAttribute, SchemaBlock, SchemaBlockType } from './schema-types';
import { attributeType, checkValue } from './value-checks';

/** Terraform JSON syntax treats a `//` property of any body as a comment; cdktf puts its metadata there. */
export const COMMENT_KEY = '//';

export interface BodyContext {
  /** Names in the body checked by the caller (meta-arguments such as `count`), skipped here. */
  readonly reservedNames?: ReadonlySet<string>;
  /** What the body configures, for messages: `resource type "oci_streaming_stream"`, `block "duration"`. */
  readonly owner: string;
}

/** One block as it appears in the document, with the path it was found at. */
interface BlockItem {
  readonly body: JsonObject;
  readonly path: string;
}

/**
 * Checks a configuration body (resource, data source, provider or nested block)
 * against its schema block: names, attribute values, nested blocks, required
 * attributes and block counts.
 */
export function checkBody(
  body: unknown,
  block: SchemaBlock,
  path: string,
  findings: Findings,
  context: BodyContext,
): void {
  if (!isJsonObject(body)) {
    findings.error(path, `${capitalize(context.owner)} must be an object, got ${describeValue(body)}.`);
    return;
  }
  const dynamicBlockNames = checkDynamicBlocks(body, block, path, findings, context);
  for (const [name, value] of Object.entries(body)) {
    if (name === COMMENT_KEY || context.reservedNames?.has(name) || isDynamicKey(name, block)) continue;
    checkMember(name, value, block, childPath(path, name), findings, context);
  }
  checkRequiredAttributes(body, block, path, findings, context);
  checkBlockCounts(body, block, path, findings, dynamicBlockNames);
}

/** Names an attribute or block may have in this body, for "did you mean" hints. */
export function memberNames(block: SchemaBlock): string[] {
  return [...Object.keys(block.attributes ?? {}), ...Object.keys(block.block_types ?? {})];
}

function checkMember(
  name: string,
  value: unknown,
  block: SchemaBlock,
  path: string,
  findings: Findings,
  context: BodyContext,
): void {
  const attribute = block.attributes?.[name];
  if (attribute !== undefined) {
    checkAttribute(name, value, attribute, path, findings);
    return;
  }
  const blockType = block.block_types?.[name];
  if (blockType !== undefined) {
    checkNestedBlock(name, value, blockType, path, findings);
    return;
  }
  const hint = didYouMean(name, [...memberNames(block), ...(context.reservedNames ?? [])]);
  findings.error(
    path,
    `Unsupported argument or block "${name}": ${context.owner} has no attribute or block of that name.${hint}`,
  );
}

function checkAttribute(
  name: string,
  value: unknown,
  attribute: SchemaAttribute,
  path: string,
  findings: Findings,
): void {
  // null is how terraform JSON spells "not set", so it is neither a usage nor a value to check.
  if (value === null) return;
  if (attribute.deprecated) {
    findings.deprecated(path, `Argument "${name}" is deprecated by the provider.`);
  }
  if (isComputedOnly(attribute)) {
    findings.error(
      path,
      `Read-only attribute "${name}": it is computed by the provider (computed, not optional) and cannot be set.`,
    );
    return;
  }
  checkValue(value, attributeType(attribute), path, findings);
}

function isComputedOnly(attribute: SchemaAttribute): boolean {
  return attribute.computed === true && attribute.optional !== true && attribute.required !== true;
}

function checkRequiredAttributes(
  body: JsonObject,
  block: SchemaBlock,
  path: string,
  findings: Findings,
  context: BodyContext,
): void {
  for (const [name, attribute] of Object.entries(block.attributes ?? {})) {
    if (attribute.required && (body[name] === undefined || body[name] === null)) {
      findings.error(childPath(path, name), `Missing required argument "${name}": ${context.owner} requires it.`);
    }
  }
}

function checkNestedBlock(
  name: string,
  value: unknown,
  blockType: SchemaBlockType,
  path: string,
  findings: Findings,
): void {
  if (value === null) return;
  if (blockType.block.deprecated) {
    findings.deprecated(path, `Block "${name}" is deprecated by the provider.`);
  }
  for (const item of blockItems(name, value, blockType, path, findings) ?? []) {
    checkBody(item.body, blockType.block, item.path, findings, { owner: `block "${name}"` });
  }
}

/**
 * Splits a block value into the blocks it declares. Terraform JSON accepts one
 * object or an array of objects for any block type (cdktf writes max_items=1 blocks
 * as one object); `single`/`group` blocks may appear at most once and `map` blocks
 * are keyed by label. Returns undefined when the shape itself is wrong.
 */
function blockItems(
  name: string,
  value: unknown,
  blockType: SchemaBlockType,
  path: string,
  findings: Findings,
): BlockItem[] | undefined {
  if (blockType.nesting_mode === 'map') return mapBlockItems(name, value, path, findings);
  if (isJsonObject(value)) return [{ body: value, path }];
  if (!Array.isArray(value)) {
    findings.error(
      path,
      `Block "${name}" must be an object or an array of objects, got ${describeValue(value)} ` +
        '(a block cannot be assigned from an expression; use a dynamic block).',
    );
    return undefined;
  }
  const isSingle = blockType.nesting_mode === 'single' || blockType.nesting_mode === 'group';
  if (isSingle && value.length > 1) {
    findings.error(
      path,
      `Too many "${name}" blocks: nesting mode "${blockType.nesting_mode}" allows one block, got ${value.length}.`,
    );
    return undefined;
  }
  return arrayBlockItems(name, value, path, findings);
}

function arrayBlockItems(name: string, value: unknown[], path: string, findings: Findings): BlockItem[] {
  const items: BlockItem[] = [];
  value.forEach((element, i) => {
    if (isJsonObject(element)) {
      items.push({ body: element, path: indexPath(path, i) });
    } else {
      findings.error(indexPath(path, i), `Each "${name}" block must be an object, got ${describeValue(element)}.`);
    }
  });
  return items;
}

function mapBlockItems(name: string, value: unknown, path: string, findings: Findings): BlockItem[] | undefined {
  if (!isJsonObject(value)) {
    findings.error(path, `Block "${name}" must be an object keyed by block label, got ${describeValue(value)}.`);
    return undefined;
  }
  const items: BlockItem[] = [];
  for (const [label, element] of Object.entries(value)) {
    if (isJsonObject(element)) {
      items.push({ body: element, path: childPath(path, label) });
    } else {
      findings.error(childPath(path, label), `Each "${name}" block must be an object, got ${describeValue(element)}.`);
    }
  }
  return items;
}

/** Number of blocks a value declares, or undefined when its shape is invalid (already reported). */
function countBlocks(value: unknown, blockType: SchemaBlockType): number | undefined {
  if (value === undefined || value === null) return 0;
  if (Array.isArray(value)) return value.length;
  if (!isJsonObject(value)) return undefined;
  return blockType.nesting_mode === 'map' ? Object.keys(value).length : 1;
}

/**
 * min_items/max_items. Blocks generated by a `dynamic` block are only known at plan
 * time, so their counts are not checked.
 */
function checkBlockCounts(
  body: JsonObject,
  block: SchemaBlock,
  path: string,
  findings: Findings,
  dynamicBlockNames: ReadonlySet<string>,
): void {
  for (const [name, blockType] of Object.entries(block.block_types ?? {})) {
    if (dynamicBlockNames.has(name)) continue;
    const count = countBlocks(body[name], blockType);
    if (count === undefined) continue;
    const min = blockType.min_items ?? 0;
    if (count < min) {
      findings.error(
        childPath(path, name),
        `Insufficient "${name}" blocks: at least ${min} required (min_items), got ${count}.`,
      );
    }
    if (blockType.max_items !== undefined && blockType.max_items > 0 && count > blockType.max_items) {
      findings.error(
        childPath(path, name),
        `Too many "${name}" blocks: at most ${blockType.max_items} allowed (max_items), got ${count}.`,
      );
    }
  }
}

/** `dynamic` is terraform's reserved name for generated blocks unless the schema really has an attribute of that name. */
function isDynamicKey(name: string, block: SchemaBlock): boolean {
  return name === 'dynamic' && block.attributes?.dynamic === undefined;
}

const DYNAMIC_BLOCK_KEYS = new Set([COMMENT_KEY, 'for_each', 'iterator', 'labels', 'content']);

/**
 * `dynamic "<block>" { for_each, iterator, content }` generates nested blocks at plan
 * time (cdktf writes one for iterator-driven blocks). The generated content is
 * checked like a literal block. Returns the names of the generated block types.
 */
function checkDynamicBlocks(
  body: JsonObject,
  block: SchemaBlock,
  path: string,
  findings: Findings,
  context: BodyContext,
): Set<string> {
  const names = new Set<string>();
  const dynamic = body.dynamic;
  if (!isDynamicKey('dynamic', block) || dynamic === undefined) return names;
  const dynamicPath = childPath(path, 'dynamic');
  if (!isJsonObject(dynamic)) {
    findings.error(dynamicPath, `"dynamic" must be an object keyed by block type, got ${describeValue(dynamic)}.`);
    return names;
  }
  for (const [name, specs] of Object.entries(dynamic)) {
    if (name === COMMENT_KEY) continue;
    const specPath = childPath(dynamicPath, name);
    const blockType = block.block_types?.[name];
    if (blockType === undefined) {
      const hint = didYouMean(name, Object.keys(block.block_types ?? {}));
      findings.error(
        specPath,
        `Unsupported dynamic block "${name}": ${context.owner} has no block type of that name.${hint}`,
      );
      continue;
    }
    names.add(name);
    if (blockType.block.deprecated) findings.deprecated(specPath, `Block "${name}" is deprecated by the provider.`);
    // Like any block, a dynamic block may be written once (object) or several times (array).
    if (Array.isArray(specs)) {
      specs.forEach((spec, i) => checkDynamicSpec(name, spec, blockType, indexPath(specPath, i), findings));
    } else {
      checkDynamicSpec(name, specs, blockType, specPath, findings);
    }
  }
  return names;
}

function checkDynamicSpec(
  name: string,
  spec: unknown,
  blockType: SchemaBlockType,
  path: string,
  findings: Findings,
): void {
  if (!isJsonObject(spec)) {
    findings.error(path, `Dynamic block "${name}" must be an object, got ${describeValue(spec)}.`);
    return;
  }
  for (const key of Object.keys(spec)) {
    if (!DYNAMIC_BLOCK_KEYS.has(key)) {
      findings.error(
        childPath(path, key),
        `Unsupported argument "${key}" in dynamic block "${name}" (allowed: for_each, iterator, labels, content).`,
      );
    }
  }
  if (spec.for_each === undefined) {
    findings.error(childPath(path, 'for_each'), `Missing required argument "for_each" in dynamic block "${name}".`);
  }
  if (spec.content === undefined) {
    findings.error(childPath(path, 'content'), `Missing required block "content" in dynamic block "${name}".`);
    return;
  }
  checkBody(spec.content, blockType.block, childPath(path, 'content'), findings, { owner: `block "${name}"` });
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
