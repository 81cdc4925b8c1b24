/**
 * What the function bundler (bundle-function.ts) and the source bundle (source-bundle.ts) both need, in a module of
 * its own so that loading the source bundle does not load the function bundler (main.ts starts the library's bundle
 * first, before tsx has compiled the rest).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Message } from 'esbuild';

/** Nearest directory at or above `start` whose package.json satisfies `accept`; null at the filesystem root. */
export function findPackageRoot(start: string, accept: (pkg: { name?: string }) => boolean = () => true): string | null {
  let dir = path.resolve(start);
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      try {
        if (accept(JSON.parse(fs.readFileSync(manifest, 'utf8')))) return dir;
      } catch {
        // An unreadable package.json is not the one we are looking for; keep walking up.
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** esbuild's errors as `file:line:column: text`, joined; any other error's message. */
export function describeBuildError(error: unknown): string {
  const errors = (error as { errors?: Message[] } | null)?.errors;
  if (Array.isArray(errors) && errors.length > 0) {
    return errors
      .map((m) => (m.location ? `${m.location.file}:${m.location.line}:${m.location.column}: ${m.text}` : m.text))
      .join('; ');
  }
  return error instanceof Error ? error.message : String(error);
}
