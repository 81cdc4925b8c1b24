/**
 * scripts/drop-synth-source-maps.mjs on a compiled tree laid out as tsc writes dist/: the modules a synth loads
 * lose their map and the comment that points to it, everything else (runtime code) is left byte for byte, and a module
 * whose map comment is not its last line (no comment at all) is not touched.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const SCRIPT = join(__dirname, '..', '..', 'scripts', 'drop-synth-source-maps.mjs');
let dist: string;

/** A module as tsc emits it with sourceMap: its code, then the map comment; and the map beside it. */
function compiled(path: string, withMap = true): string {
  const file = join(dist, path);
  mkdirSync(dirname(file), { recursive: true });
  const name = path.split('/').pop()!;
  const text = `"use strict";\nexports.name = ${JSON.stringify(path)};\n${withMap ? `//# sourceMappingURL=${name}.map\n` : ''}`;
  writeFileSync(file, text);
  if (withMap) writeFileSync(`${file}.map`, JSON.stringify({ version: 3, file: name, sources: [`${name}.ts`], mappings: 'AAAA' }));
  return text;
}

beforeEach(() => {
  dist = mkdtempSync(join(tmpdir(), 'drop-maps-'));
});
afterEach(() => rmSync(dist, { recursive: true, force: true }));

test('what a synth loads ships without maps, the runtime code keeps them', () => {
  const synthOnly = ['main.js', 'lib/index.js', 'lib/generated/providers/oci/objectstorage-bucket/index.js', 'lib/oci/bucket.js', 'lib/pattern/claim-check-pipeline.js', 'lib/bundling/bundle-function.js', 'lib/sample/sample-stack.js', 'lib/contract/claim.js'];
  const runtime = ['lib/consumer/consumer.js', 'lib/runtime/retry.js', 'lib/emulators/streaming.js', 'bin/claimcheck.js', 'lambda-src/func.js'];
  const before = Object.fromEntries([...synthOnly, ...runtime].map((path) => [path, compiled(path)]));
  const unmapped = compiled('lib/pattern/no-map.js', false);

  const result = spawnSync(process.execPath, [SCRIPT, dist], { encoding: 'utf8' });
  expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
  expect(result.stdout).toContain(`${synthOnly.length} modules on the synth path`);

  for (const path of synthOnly) {
    expect({ path, map: existsSync(join(dist, `${path}.map`)) }).toEqual({ path, map: false });
    expect(readFileSync(join(dist, path), 'utf8')).toBe(before[path].replace(/\/\/# sourceMappingURL=.*\n/, ''));
  }
  for (const path of runtime) {
    expect({ path, map: existsSync(join(dist, `${path}.map`)) }).toEqual({ path, map: true });
    expect(readFileSync(join(dist, path), 'utf8')).toBe(before[path]);
  }
  expect(readFileSync(join(dist, 'lib/pattern/no-map.js'), 'utf8')).toBe(unmapped);
});

test('a missing or absent directory is a usage error, not a silent success', () => {
  const result = spawnSync(process.execPath, [SCRIPT, join(dist, 'nope')], { encoding: 'utf8' });
  expect(result.status).toBe(2);
  expect(result.stderr).toContain('usage: node scripts/drop-synth-source-maps.mjs');
});
