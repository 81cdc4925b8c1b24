/**
 * The package as a user gets it from npm: compiled with type declarations, packed with `npm pack` (so the `files`
 * list is what is tested), installed into a fresh TypeScript project that imports every entry of the `exports`
 * map with Node16 module resolution, compiled with strict tsc (skipLibCheck as in cdktf's project template: the
 * OCI SDK's own .d.ts imports node-fetch without types), and run: it synthesizes a pipeline stack whose
 * output the packaged schema validator accepts. The packaged `claimcheck` bin answers --help.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

describe('the npm package', () => {
  let work: string;
  let app: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'claimcheck-package-'));
    const stage = join(work, 'stage');
    execFileSync(process.execPath, [TSC, '-p', join(ROOT, 'tsconfig.json'), '--outDir', join(stage, 'dist')], { stdio: 'pipe' });
    for (const entry of ['package.json', 'lambda-src', 'schema', 'README.md']) cpSync(join(ROOT, entry), join(stage, entry), { recursive: true });
    const packed = JSON.parse(
      execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: stage, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }),
    );
    // The consuming project: our tarball installed, every other dependency linked from this checkout.
    app = join(work, 'app');
    const installed = join(app, 'node_modules', 'cdktf-oci-claim-check');
    mkdirSync(installed, { recursive: true });
    execFileSync('tar', ['-xzf', join(work, packed[0].filename), '-C', installed, '--strip-components=1']);
    for (const name of readdirSync(join(ROOT, 'node_modules'))) {
      if (name === '.bin' || name.startsWith('.')) continue;
      symlinkSync(join(ROOT, 'node_modules', name), join(app, 'node_modules', name));
    }
  }, 180000);
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test('ships the compiled code, declarations, the function source and the schema, and nothing from the tests', () => {
    const files = execFileSync('tar', ['-tzf', join(work, readdirSync(work).find((f) => f.endsWith('.tgz'))!)], { encoding: 'utf8' }).split('\n');
    for (const f of [
      'package/dist/lib/index.js',
      'package/dist/lib/index.d.ts',
      'package/dist/lib/consumer/index.d.ts',
      'package/dist/lib/emulators/index.d.ts',
      'package/dist/lib/testing/index.d.ts',
      'package/dist/bin/claimcheck.js',
      'package/dist/main.js',
      'package/lambda-src/func.ts',
      'package/schema/oci-schema.json',
      'package/schema/claim-check.v1.schema.json',
    ]) {
      expect(files).toContain(f);
    }
    expect(files.filter((f) => f.includes('__tests__') || f.includes('node_modules'))).toEqual([]);
  });

  test('a consuming TypeScript stack compiles against every export and synthesizes a schema-valid pipeline', () => {
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'node16', moduleResolution: 'node16', strict: true, outDir: 'out', skipLibCheck: true, types: ['node'] }, files: ['stack.ts'] }),
    );
    writeFileSync(
      join(app, 'stack.ts'),
      `
import { readFileSync } from 'node:fs';
import { App, TerraformStack } from 'cdktf';
import { ClaimCheckPipeline, FunctionCode, oci } from 'cdktf-oci-claim-check';
import { ClaimCheckConsumer } from 'cdktf-oci-claim-check/consumer';
import { ObjectStorageEmulator, StreamingEmulator } from 'cdktf-oci-claim-check/emulators';
import { validateTerraformJson, loadOciProviderSchema } from 'cdktf-oci-claim-check/testing';

const app = new App({ outdir: process.argv[2] });
const stack = new TerraformStack(app, 'consumer-app');
new oci.provider.OciProvider(stack, 'oci', { region: 'us-ashburn-1' });
const files = new ClaimCheckPipeline(stack, 'Files', {
  compartmentId: 'ocid1.compartment.oc1..aaaaaaaaexample',
  subnetIds: ['ocid1.subnet.oc1.iad.aaaaaaaaexample'],
  functionProps: { code: FunctionCode.fromImageUri('iad.ocir.io/ns/repo:1') },
});
app.synth();
const json = JSON.parse(readFileSync(process.argv[2] + '/stacks/consumer-app/cdk.tf.json', 'utf8'));
const violations = validateTerraformJson(json, loadOciProviderSchema());
const exported: unknown[] = [ClaimCheckConsumer, ObjectStorageEmulator, StreamingEmulator];
console.log(JSON.stringify({ violations, exported: exported.map((e) => typeof e), bucket: typeof files.bucket.bucketName }));
`,
    );
    const compiled = spawnSync(process.execPath, [TSC, '-p', join(app, 'tsconfig.json')], { cwd: app, encoding: 'utf8' });
    expect(compiled.stdout + compiled.stderr).toBe('');
    expect(compiled.status).toBe(0);
    const out = execFileSync(process.execPath, [join(app, 'out', 'stack.js'), join(app, 'cdktf.out')], { cwd: app, encoding: 'utf8' });
    expect(JSON.parse(out.trim().split('\n').pop()!)).toEqual({ violations: [], exported: ['function', 'function', 'function'], bucket: 'string' });
    const synthesized = JSON.parse(readFileSync(join(app, 'cdktf.out', 'stacks', 'consumer-app', 'cdk.tf.json'), 'utf8'));
    expect(Object.keys(synthesized.resource).sort()).toEqual(
      expect.arrayContaining(['oci_events_rule', 'oci_functions_function', 'oci_objectstorage_bucket', 'oci_streaming_stream']),
    );
  });

  test('the packaged claimcheck bin runs from dist', () => {
    const bin = join(app, 'node_modules', 'cdktf-oci-claim-check', 'dist', 'bin', 'claimcheck.js');
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
    expect(execFileSync(process.execPath, [bin, '--help'], { encoding: 'utf8' })).toMatch(/claimcheck demo/);
  });
});
