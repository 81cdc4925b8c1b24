import { chmodSync, existsSync, readFileSync } from 'node:fs';
import { writeFileAtomic } from '../emulators/common/state-dir';

/**
 * Reads a JSON state file, or creates it with `create()`. Written atomically (a crash never leaves half a
 * file) and readable by the owner only: the local identity holds throwaway private keys.
 */
export function loadOrCreateJson<T>(path: string, create: () => T): T {
  if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8')) as T;
  const value = create();
  writeFileAtomic(path, JSON.stringify(value, null, 2));
  chmodSync(path, 0o600);
  return value;
}
