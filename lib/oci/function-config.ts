/**
 * Function and application configuration rules (OCI Functions API, `config`):
 * keys are letters, digits and '_' and do not start with a digit; all keys and values together are at most
 * 4 KB, counted as UTF-8 octets.
 * https://docs.oracle.com/iaas/api/#/en/functions/20181201/datatypes/CreateFunctionDetails
 */
export const CONFIG_KEY_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Most bytes a function's (or an application's) configuration may hold, keys and values together (4 KB). */
export const MAX_CONFIG_BYTES = 4096;

/** Problems with a config map, each naming the key; empty when valid. Token values are counted as written. */
export function configProblems(config: Record<string, string>): string[] {
  const problems: string[] = [];
  let bytes = 0;
  for (const [key, value] of Object.entries(config)) {
    if (!CONFIG_KEY_PATTERN.test(key)) {
      problems.push(`key "${key}" must be letters, digits and '_' and must not start with a digit`);
    }
    bytes += Buffer.byteLength(key, 'utf8') + Buffer.byteLength(String(value), 'utf8');
  }
  if (bytes > MAX_CONFIG_BYTES) problems.push(`keys and values total ${bytes} bytes; the limit is ${MAX_CONFIG_BYTES}`);
  return problems;
}
