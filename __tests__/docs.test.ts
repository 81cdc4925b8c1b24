/**
 * The API reference (`npm run docs`, scripts/docs.mjs): generated from the TSDoc of every entry of the exports map,
 * without a warning, so an export without documentation, a broken {@link} or a type the API uses but no entry exports
 * fails here rather than rotting in the published reference. Construct props render with their defaults.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');

describe('the API reference', () => {
  let out: string;
  let run: ReturnType<typeof spawnSync>;
  beforeAll(() => {
    out = join(mkdtempSync(join(tmpdir(), 'claimcheck-docs-')), 'api');
    run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'docs.mjs'), '--out', out], { cwd: ROOT, encoding: 'utf8', timeout: 240000 });
  }, 250000);
  afterAll(() => {
    if (out) rmSync(join(out, '..'), { recursive: true, force: true });
  });

  test('is generated without a warning: every export documented, every link resolved', () => {
    expect({ status: run.status, stderr: String(run.stderr) }).toEqual({ status: 0, stderr: '' });
    expect(existsSync(join(out, 'README.md'))).toBe(true);
  });

  test('has one module per entry of the exports map, named as it is imported', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const importPaths = Object.keys(manifest.exports)
      .filter((subpath) => !subpath.endsWith('.json'))
      .map((subpath) => (subpath === '.' ? manifest.name : `${manifest.name}/${subpath.slice(2)}`));
    const index = readFileSync(join(out, 'README.md'), 'utf8');
    for (const importPath of importPaths) expect(index).toContain(`[${importPath}](${importPath}/README.md)`);
  });

  test('construct props show each property with its default: literal values as code, descriptions as text', () => {
    const page = readFileSync(join(out, 'cdktf-oci-claim-check', 'interfaces', 'ClaimCheckPipelineProps.md'), 'utf8');
    const row = (prop: string): string => page.split('\n').find((line) => line.includes(`<a id="property-${prop.toLowerCase()}">`)) ?? '';
    expect(row('createConsumerStateBucket')).toContain('**Default** `true`');
    expect(row('streamProps')).toContain('**Default** 1 partition, 24 hours retention');
    expect(row('compartmentId')).toContain('OCID of the compartment');
    const fleet = readFileSync(join(out, 'cdktf-oci-claim-check', 'interfaces', 'ClaimCheckConsumerFleetProps.md'), 'utf8');
    expect(fleet).toContain('**Default**');
  });

  test('lists the generated L1 bindings by module name only, not thousands of pages', () => {
    const oci = readFileSync(join(out, 'cdktf-oci-claim-check', 'namespaces', 'oci', 'README.md'), 'utf8');
    expect(oci).toContain('`objectstorageBucket`');
    expect(readdirSync(join(out, 'cdktf-oci-claim-check', 'namespaces', 'oci'))).toEqual(['README.md']);
  });
});
