/** A problem found in a synthesized document, located by a dotted path into the JSON. */
export interface SchemaViolation {
  /** e.g. `resource.oci_streaming_stream.Files_Stream_ABC.partitions` or `provider.oci[0].region` */
  readonly path: string;
  readonly message: string;
}

/**
 * Collects errors, deprecation notices and warnings during one walk over a document, so the
 * schema is traversed once no matter which of the lists the caller wants.
 */
export class Findings {
  public readonly errors: SchemaViolation[] = [];
  public readonly deprecations: SchemaViolation[] = [];
  /** What was not checked, and why (`unknownTypes: 'warn'`). */
  public readonly warnings: SchemaViolation[] = [];
  /** Resources, data sources and provider configurations that no loaded schema could check. */
  public unchecked = 0;

  public error(path: string, message: string): void {
    this.errors.push({ path, message });
  }

  public deprecated(path: string, message: string): void {
    this.deprecations.push({ path, message });
  }

  public warning(path: string, message: string): void {
    this.warnings.push({ path, message });
  }
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** Appends an object key to a path; keys that are not identifiers are quoted so the path stays unambiguous. */
export function childPath(path: string, key: string): string {
  if (!IDENTIFIER.test(key)) return `${path}[${JSON.stringify(key)}]`;
  return path === '' ? key : `${path}.${key}`;
}

/** Appends an array index to a path. */
export function indexPath(path: string, index: number): string {
  return `${path}[${index}]`;
}

export type JsonObject = { [key: string]: unknown };

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Short description of a JSON value for messages: `string "abc"`, `an array of 2 elements`, ... */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length} element${value.length === 1 ? '' : 's'}`;
  switch (typeof value) {
    case 'string': {
      const shown = value.length > 40 ? `${value.slice(0, 37)}...` : value;
      return `string ${JSON.stringify(shown)}`;
    }
    case 'number':
      return `number ${value}`;
    case 'boolean':
      return `bool ${value}`;
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

/**
 * Suggests the closest known name for a misspelt one, as terraform does
 * ("Did you mean ...?"); names more than two edits away are not suggested.
 */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const distance = editDistance(name, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best === undefined ? '' : ` Did you mean "${best}"?`;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length];
}
