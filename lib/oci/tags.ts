import { Aspects, Fn, IAspect, TerraformResource, TerraformStack, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { checkTagName, checkTagProps, MAX_TAG_KEY_LENGTH } from './private/tag-checks';
import { PropValidator } from './private/validation';

/**
 * The tags every construct of this library takes. Each applies to every taggable resource the construct creates,
 * down to the policies its grants write and the OCIR repository of its image (`OciTags`).
 */
export interface OciTagProps {
  /**
   * Free-form tags, `{ key: value }`.
   * @default - none
   */
  readonly freeformTags?: Record<string, string>;
  /**
   * Defined tags, keyed `<namespace>.<key>` the way the OCI provider takes them: `{ 'Operations.CostCenter': '42' }`.
   * The namespace and key must exist in the tenancy (tag administrators create them) and the deploying user must be
   * allowed to use the namespace, or OCI refuses the resource.
   * @default - none
   */
  readonly definedTags?: Record<string, string>;
}

/** One source of tags: a literal map, or a token for one (a variable, `Fn.merge(...)`). */
type TagMap = Record<string, string>;

interface ScopeTags {
  readonly freeformTags: TagMap[];
  readonly definedTags: TagMap[];
}

type TagKind = keyof ScopeTags;
const TAG_KINDS: readonly TagKind[] = ['freeformTags', 'definedTags'];

/** Tags added to each scope, by `OciTags.of(scope)` or by a construct's tag props. */
const tagsOfScope = new WeakMap<IConstruct, ScopeTags>();
/** Stacks that have the aspect applying them. */
const taggedStacks = new WeakSet<TerraformStack>();

/**
 * Tags on every taggable OCI resource under a scope, the way aws-cdk's `Tags.of(scope).add(key, value)` works:
 *
 *   OciTags.of(stack).add('team', 'billing').addDefined('Operations', 'CostCenter', '42');
 *   OciTags.of(pipeline).add('data', 'invoices');
 *
 * A resource is taggable when its resource type has `freeform_tags` / `defined_tags` (every OCI resource this library
 * creates but `oci_objectstorage_object`); other providers' resources are left alone. Applied at synthesis, so tags
 * reach resources created after the call too. Where the same key is given more than once, the nearer one wins: a
 * resource's own tags (its construct's `freeformTags` / `definedTags` props, or the L1's) over its construct's
 * scopes, an inner scope over an outer one.
 *
 * cdktf applies aspects per stack: tag a stack (or anything in it), not the `App`.
 *
 * Tag rules: https://docs.oracle.com/iaas/Content/Tagging/Tasks/managingtagsandtagnamespaces.htm ("printable ASCII,
 * except U+0020 space and U+002E full stop" for namespace and key names, neither empty; keys up to 100 characters:
 * https://docs.oracle.com/iaas/Content/Tagging/Tasks/Create_tag_key_definition.htm). The provider takes defined tags
 * as one map keyed `<namespace>.<key>` and splits each key at its one `.` (terraform-provider-oci
 * `internal/tfresource` MapToDefinedTags: any other number of parts is "invalid key structure").
 */
export class OciTags {
  /** The tags of `scope` (a stack or any construct in one). */
  public static of(scope: IConstruct): OciTags {
    return new OciTags(scope);
  }

  private constructor(private readonly scope: IConstruct) {
    const stack = stackOf(scope);
    if (!taggedStacks.has(stack)) {
      taggedStacks.add(stack);
      Aspects.of(stack).add(new ApplyOciTags());
    }
  }

  /** A free-form tag on every taggable resource under the scope. */
  public add(key: string, value: string): OciTags {
    const v = new PropValidator('OciTags.add');
    checkTagProps(v, { freeformTags: { [key]: value } });
    v.throwIfInvalid(this.scope);
    scopeTags(this.scope).freeformTags.push({ [key]: value });
    return this;
  }

  /** A defined tag, `<namespace>.<key>` = `value`, on every taggable resource under the scope. */
  public addDefined(namespace: string, key: string, value: string): OciTags {
    const v = new PropValidator('OciTags.addDefined');
    checkTagName(v, 'namespace', namespace);
    checkTagName(v, 'key', key, MAX_TAG_KEY_LENGTH);
    v.check(typeof value === 'string', 'value', value, 'must be a string');
    v.throwIfInvalid(this.scope);
    scopeTags(this.scope).definedTags.push({ [`${namespace}.${key}`]: value });
    return this;
  }
}

/**
 * A construct's `freeformTags` / `definedTags` props, applied to every taggable resource under it (`OciTags`); a
 * token for a whole map (e.g. a variable's value) is merged at apply time with `merge()`.
 */
export function applyTagProps(scope: IConstruct, props: OciTagProps): void {
  if (props.freeformTags === undefined && props.definedTags === undefined) return;
  OciTags.of(scope);
  const tags = scopeTags(scope);
  for (const kind of TAG_KINDS) {
    const given = props[kind];
    if (given !== undefined) tags[kind].push(given);
  }
}

function scopeTags(scope: IConstruct): ScopeTags {
  let tags = tagsOfScope.get(scope);
  if (!tags) {
    tags = { freeformTags: [], definedTags: [] };
    tagsOfScope.set(scope, tags);
  }
  return tags;
}

function stackOf(scope: IConstruct): TerraformStack {
  try {
    return TerraformStack.of(scope);
  } catch {
    throw new Error(
      `OciTags.of(${scope.node.path || 'the app'}): tags are applied per stack (cdktf runs aspects per stack); tag each stack, or a construct in one.`,
    );
  }
}

/** What a resource's L1 had before any tag was applied: its own tags win over those of its scopes. */
const ownTags = new WeakMap<TerraformResource, Partial<Record<TagKind, TagMap | undefined>>>();

/** Sets the tags of its scopes on every taggable resource of the stack (one per stack). */
class ApplyOciTags implements IAspect {
  public visit(node: IConstruct): void {
    if (!TerraformResource.isTerraformResource(node)) return;
    const scopes = node.node.scopes.map((scope) => tagsOfScope.get(scope)).filter((tags): tags is ScopeTags => tags !== undefined);
    if (scopes.length === 0) return;
    for (const kind of TAG_KINDS) {
      // Generated bindings have `<attribute>Input` for every argument: the type has the attribute.
      if (!(`${kind}Input` in node)) continue;
      const fromScopes = scopes.flatMap((tags) => tags[kind]);
      if (fromScopes.length === 0) continue;
      const record = ownTags.get(node) ?? {};
      if (!(kind in record)) {
        record[kind] = (node as unknown as Record<string, TagMap | undefined>)[`${kind}Input`];
        ownTags.set(node, record);
      }
      const own = record[kind];
      (node as unknown as Record<string, TagMap>)[kind] = mergeTags(own === undefined ? fromScopes : [...fromScopes, own]);
    }
  }
}

/** Later maps win per key; maps only known at apply time are merged by terraform (`merge()`). */
function mergeTags(maps: TagMap[]): TagMap {
  if (maps.some((map) => Token.isUnresolved(map))) return Token.asStringMap(Fn.merge(maps));
  return Object.assign({}, ...maps) as TagMap;
}
