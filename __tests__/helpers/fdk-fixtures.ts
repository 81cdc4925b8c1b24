import * as fs from 'node:fs';
import * as path from 'node:path';

export const EVENT_FIXTURES_DIR = path.join(__dirname, '..', 'fixtures', 'events');

/** The fixture's exact text (what the e2e tests send as the request body). */
export function fixtureText(name: string): string {
  return fs.readFileSync(path.join(EVENT_FIXTURES_DIR, name), 'utf8');
}

/** A mutable parsed copy of a fixture. */
export function fixtureJson(name: string): Record<string, any> {
  return JSON.parse(fixtureText(name));
}
