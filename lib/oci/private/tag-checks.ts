/**
 * The rules tags follow, checked at construction like every other prop (the citations are on `OciTags`, lib/oci/tags.ts):
 * namespace and key names are printable ASCII without spaces or periods and not empty, keys up to 100 characters,
 * defined tags keyed `<namespace>.<key>` with exactly one period.
 */
import { Token } from 'cdktf';
import type { OciTagProps } from '../tags';
import { PropValidator } from './validation';

/** Tag keys are up to 100 characters (Create_tag_key_definition.htm). */
export const MAX_TAG_KEY_LENGTH = 100;
/** Printable ASCII but space and full stop (managingtagsandtagnamespaces.htm). */
const TAG_NAME = /^[\x21-\x2d\x2f-\x7e]+$/;

/** Checks tag props into `v`, under the props' own names (`freeformTags`, `definedTags`). */
export function checkTagProps(v: PropValidator, props: OciTagProps): void {
  if (props.freeformTags !== undefined && !Token.isUnresolved(props.freeformTags)) {
    for (const [key, value] of Object.entries(props.freeformTags)) {
      v.check(key.trim().length > 0, 'freeformTags', key, 'keys must not be empty');
      v.check(typeof value === 'string', `freeformTags["${key}"]`, value, 'must be a string');
    }
  }
  if (props.definedTags !== undefined && !Token.isUnresolved(props.definedTags)) {
    for (const [key, value] of Object.entries(props.definedTags)) {
      const parts = key.split('.');
      const rule = 'keys must be <namespace>.<key> (one ".", each part printable ASCII without spaces or periods, the key part up to 100 characters)';
      const ok = parts.length === 2 && parts.every((part) => TAG_NAME.test(part)) && parts[1].length <= MAX_TAG_KEY_LENGTH;
      v.check(ok, 'definedTags', key, rule);
      v.check(typeof value === 'string', `definedTags["${key}"]`, value, 'must be a string');
    }
  }
}

export function checkTagName(v: PropValidator, prop: string, name: string, maxLength?: number): void {
  const limit = maxLength ? `, up to ${maxLength} characters` : '';
  v.check(
    typeof name === 'string' && TAG_NAME.test(name) && (maxLength === undefined || name.length <= maxLength),
    prop,
    name,
    `must be printable ASCII without spaces or periods, not empty${limit}`,
  );
}

