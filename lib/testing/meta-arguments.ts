import { COMMENT_KEY, memberNames } from './block-checks';
import { Findings, JsonObject, childPath, describeValue, didYouMean, indexPath, isJsonObject } from './findings';
import { SchemaBlock } from './schema-types';
import { analyzeTemplate } from './templates';
import { checkValue } from './value-checks';

/** Whether a body declares a managed resource or a data source: they accept different meta-arguments. */
export type ResourceMode = 'resource' | 'data';

/** Names terraform itself interprets in a resource body, before the provider schema is consulted. */
export const META_ARGUMENTS: Readonly<Record<ResourceMode, ReadonlySet<string>>> = {
  resource: new Set(['count', 'for_each', 'provider', 'depends_on', 'lifecycle', 'provisioner', 'connection']),
  // Terraform's data block schema has no provisioner/connection; they would be reported as unsupported blocks.
  data: new Set(['count', 'for_each', 'provider', 'depends_on', 'lifecycle']),
};

const LIFECYCLE_ARGUMENTS: Readonly<Record<ResourceMode, ReadonlySet<string>>> = {
  resource: new Set([
    'create_before_destroy',
    'prevent_destroy',
    'ignore_changes',
    'replace_triggered_by',
    'precondition',
    'postcondition',
  ]),
  data: new Set(['precondition', 'postcondition']),
};

export interface MetaArgumentContext {
  readonly mode: ResourceMode;
  /** Schema of the resource, to resolve `ignore_changes` entries. */
  readonly block: SchemaBlock;
  /** Aliases declared per provider local name (`oci` -> {"", "frankfurt"}); "" is the default configuration. */
  readonly providerAliases: ReadonlyMap<string, ReadonlySet<string>>;
}

/**
 * Checks the meta-arguments of one resource or data source body. Provisioners
 * and connections are accepted without inspection: their schemas belong to the
 * provisioner, not to the provider.
 */
export function checkMetaArguments(
  body: JsonObject,
  path: string,
  findings: Findings,
  context: MetaArgumentContext,
): void {
  if (body.count !== undefined && body.for_each !== undefined) {
    findings.error(path, 'Invalid combination of "count" and "for_each": only one of them may be set.');
  }
  if (body.count !== undefined) checkCount(body.count, childPath(path, 'count'), findings);
  if (body.for_each !== undefined) checkForEach(body.for_each, childPath(path, 'for_each'), findings);
  if (body.provider !== undefined)
    checkProviderReference(body.provider, childPath(path, 'provider'), findings, context);
  if (body.depends_on !== undefined)
    checkStringList(body.depends_on, 'depends_on', childPath(path, 'depends_on'), findings);
  if (body.lifecycle !== undefined) checkLifecycle(body.lifecycle, childPath(path, 'lifecycle'), findings, context);
}

function checkCount(value: unknown, path: string, findings: Findings): void {
  if (typeof value === 'number' && !(Number.isInteger(value) && value >= 0)) {
    findings.error(path, `Invalid "count": a whole number >= 0 is required, got ${describeValue(value)}.`);
    return;
  }
  checkValue(value, 'number', path, findings);
}

/** for_each needs a map or a set of strings; a JSON array is a tuple, which terraform rejects. */
function checkForEach(value: unknown, path: string, findings: Findings): void {
  if (isJsonObject(value)) return;
  if (typeof value === 'string' && analyzeTemplate(value).isSingleExpression) return;
  const expected = 'a map, or a "${...}" expression yielding a map or set of strings';
  findings.error(path, `Invalid "for_each": ${expected} is required, got ${describeValue(value)}.`);
}

const PROVIDER_REFERENCE = /^([a-z][a-z0-9_-]*)(?:\.([A-Za-z_][A-Za-z0-9_-]*))?$/;

/** `provider = "oci.frankfurt"` must name a configuration declared in the document's provider blocks. */
function checkProviderReference(value: unknown, path: string, findings: Findings, context: MetaArgumentContext): void {
  const match = typeof value === 'string' ? PROVIDER_REFERENCE.exec(value) : null;
  if (match === null) {
    findings.error(
      path,
      `Invalid "provider": a reference such as "oci" or "oci.<alias>" is required, got ${describeValue(value)}.`,
    );
    return;
  }
  const [, localName, alias] = match;
  // An aliased configuration only exists if a provider block declares it (the default one is implicit).
  const declared = context.providerAliases.get(localName);
  if (alias !== undefined && !declared?.has(alias)) {
    findings.error(
      path,
      `Provider configuration "${localName}.${alias}" is not declared: no provider "${localName}" block has alias "${alias}".`,
    );
  }
}

function checkStringList(value: unknown, name: string, path: string, findings: Findings): void {
  if (!Array.isArray(value)) {
    findings.error(path, `Invalid "${name}": an array of references is required, got ${describeValue(value)}.`);
    return;
  }
  value.forEach((element, i) => {
    if (typeof element !== 'string') {
      findings.error(
        indexPath(path, i),
        `Invalid "${name}" entry: a reference string is required, got ${describeValue(element)}.`,
      );
    }
  });
}

function checkLifecycle(value: unknown, path: string, findings: Findings, context: MetaArgumentContext): void {
  if (!isJsonObject(value)) {
    findings.error(path, `"lifecycle" must be an object, got ${describeValue(value)}.`);
    return;
  }
  const allowed = LIFECYCLE_ARGUMENTS[context.mode];
  for (const [name, setting] of Object.entries(value)) {
    if (name === COMMENT_KEY) continue;
    const settingPath = childPath(path, name);
    if (!allowed.has(name)) {
      const hint = didYouMean(name, allowed);
      findings.error(
        settingPath,
        `Unsupported lifecycle argument "${name}" in a ${context.mode} block (allowed: ${[...allowed].join(
          ', ',
        )}).${hint}`,
      );
    } else {
      checkLifecycleSetting(name, setting, settingPath, findings, context);
    }
  }
}

function checkLifecycleSetting(
  name: string,
  value: unknown,
  path: string,
  findings: Findings,
  context: MetaArgumentContext,
): void {
  switch (name) {
    case 'create_before_destroy':
    case 'prevent_destroy':
      checkStaticBool(name, value, path, findings);
      return;
    case 'ignore_changes':
      checkIgnoreChanges(value, path, findings, context.block);
      return;
    case 'replace_triggered_by':
      checkStringList(value, name, path, findings);
      return;
    default:
      checkConditions(name, value, path, findings);
  }
}

/** Lifecycle settings are read before any variable is known, so they must be literals. */
function checkStaticBool(name: string, value: unknown, path: string, findings: Findings): void {
  if (typeof value === 'string' && analyzeTemplate(value).isTemplate) {
    findings.error(
      path,
      `Invalid "${name}": a literal bool is required; variables and expressions may not be used here.`,
    );
    return;
  }
  checkValue(value, 'bool', path, findings);
}

/** `ignore_changes` is "all" or a list of attribute paths whose first step must exist in the resource schema. */
function checkIgnoreChanges(value: unknown, path: string, findings: Findings, block: SchemaBlock): void {
  if (value === 'all') return;
  checkStringList(value, 'ignore_changes', path, findings);
  if (!Array.isArray(value)) return;
  const known = memberNames(block);
  value.forEach((entry, i) => {
    if (typeof entry !== 'string') return;
    const root = entry.split(/[.[]/, 1)[0];
    if (!known.includes(root)) {
      findings.error(
        indexPath(path, i),
        `Invalid "ignore_changes" entry "${entry}": the resource has no attribute or block "${root}".${didYouMean(
          root,
          known,
        )}`,
      );
    }
  });
}

const CONDITION_KEYS = new Set([COMMENT_KEY, 'condition', 'error_message']);

/** precondition/postcondition blocks: one object or an array of them, each with condition and error_message. */
export function checkConditions(name: string, value: unknown, path: string, findings: Findings): void {
  const items = Array.isArray(value)
    ? value.map((item, i) => [item, indexPath(path, i)] as const)
    : [[value, path] as const];
  for (const [item, itemPath] of items) {
    if (!isJsonObject(item)) {
      findings.error(itemPath, `"${name}" must be an object, got ${describeValue(item)}.`);
      continue;
    }
    for (const key of Object.keys(item)) {
      if (!CONDITION_KEYS.has(key))
        findings.error(
          childPath(itemPath, key),
          `Unsupported argument "${key}" in "${name}" (allowed: condition, error_message).`,
        );
    }
    for (const required of ['condition', 'error_message']) {
      if (item[required] === undefined)
        findings.error(childPath(itemPath, required), `Missing required argument "${required}" in "${name}".`);
    }
  }
}
