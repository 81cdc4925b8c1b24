import { createHash } from 'node:crypto';
import { Construct } from 'constructs';
import { TerraformStack } from 'cdktf';

/**
 * A deterministic, readable physical name for a resource: `<stack>-<path>-<hash>`, built from the
 * construct path so two pipelines in one tenancy never collide, and the same code always yields the
 * same name (renaming a construct renames the resource, as construct ids are public API).
 *
 * Only letters, digits and the separator are kept, which every OCI name rule used here accepts
 * (bucket, stream, stream pool, application, function, dynamic group, policy names).
 */
export function physicalName(scope: Construct, options: { maxLength: number; separator?: '-' | '_' }): string {
  const separator = options.separator ?? '-';
  const stack = TerraformStack.of(scope);
  const pathParts = scope.node.scopes.slice(scope.node.scopes.indexOf(stack)).map((c) => c.node.id);
  const hash = createHash('sha256').update(scope.node.path).digest('hex').slice(0, 8);
  const readable = pathParts
    .map((part) => part.replace(/[^A-Za-z0-9]/g, ''))
    .filter((part) => part.length > 0)
    .join(separator);
  const room = options.maxLength - hash.length - 1;
  const trimmed = readable.length > room ? readable.slice(readable.length - room) : readable;
  return `${trimmed.replace(/^[-_]+/, '')}${separator}${hash}`;
}
