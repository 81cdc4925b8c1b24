/**
 * The package as a user gets it from npm: compiled with type declarations, packed with `npm pack` (so the `files`
 * list is what is tested), installed into a fresh TypeScript project that imports every entry of the `exports`
 * map with Node16 module resolution, compiled with strict tsc (skipLibCheck as in cdktf's project template: the
 * OCI SDK's own .d.ts imports node-fetch without types), and run: it synthesizes a pipeline stack whose
 * output the packaged schema validator accepts. The same subpaths compile under the tsconfig `cdktf init` writes
 * (module CommonJS, so node10 resolution: `typesVersions`) and under `bundler` resolution. The packaged `claimcheck`
 * bin answers --help. What the README links to ships, and every source map in the tarball resolves.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const ROOT = join(__dirname, '..');
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

describe('the npm package', () => {
  let work: string;
  let app: string;
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'claimcheck-package-'));
    const stage = join(work, 'stage');
    // What `npm pack` runs as prepack, in parallel: the compiled code and the generated API reference.
    await Promise.all([
      run(process.execPath, [TSC, '-p', join(ROOT, 'tsconfig.json'), '--outDir', join(stage, 'dist')]),
      run(process.execPath, [join(ROOT, 'scripts', 'docs.mjs'), '--out', join(stage, 'docs', 'api')]),
    ]);
    // And the rest of `npm run build`: the root entry made lazy (its check loads the compiled modules, which need
    // their dependencies: this checkout's, for the moment).
    symlinkSync(join(ROOT, 'node_modules'), join(stage, 'node_modules'), 'dir');
    await run(process.execPath, [join(ROOT, 'scripts', 'lazy-barrel.mjs'), join(ROOT, 'lib', 'index.ts'), join(stage, 'dist', 'lib', 'index.js')]);
    await run(process.execPath, [join(ROOT, 'scripts', 'drop-synth-source-maps.mjs'), join(stage, 'dist')]);
    // Everything else the `files` list takes from the checkout (sources the function imports, the schema, the
    // READMEs, LICENSE, ...), as npm itself lists it; the generated folders come from the steps above.
    const listed: { files: { path: string }[] }[] = JSON.parse(
      execFileSync('npm', ['pack', '--dry-run', '--ignore-scripts', '--json'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }),
    );
    for (const { path } of listed[0].files) {
      if (path.startsWith('dist/') || path.startsWith('docs/api/')) continue;
      mkdirSync(join(stage, dirname(path)), { recursive: true });
      cpSync(join(ROOT, path), join(stage, path));
    }
    // The last step of `npm run build`: the publisher's bundle, built from those sources, into dist/publisher.
    await run(process.execPath, [join(ROOT, 'scripts', 'ship-publisher-bundle.mjs'), stage]);
    rmSync(join(stage, 'node_modules'));
    const packed = JSON.parse(
      execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: stage, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }),
    );
    // The consuming project: our tarball installed, and from this checkout only what a user's install would bring:
    // our production dependency tree (so a runtime dependency left in devDependencies fails here), the peer
    // dependencies, and the TypeScript types the app itself compiles with.
    app = join(work, 'app');
    const installed = join(app, 'node_modules', 'cdktf-oci-claim-check');
    mkdirSync(installed, { recursive: true });
    execFileSync('tar', ['-xzf', join(work, packed[0].filename), '-C', installed, '--strip-components=1']);
    for (const name of [...productionPackages(), 'cdktf', 'constructs', '@types/node', 'undici-types']) {
      const target = join(app, 'node_modules', name);
      mkdirSync(join(target, '..'), { recursive: true });
      if (!existsSync(target)) symlinkSync(join(ROOT, 'node_modules', name), target);
    }
  }, 300000);
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
      'package/dist/lib/reconciler/index.d.ts',
      'package/dist/lib/testing/index.d.ts',
      'package/dist/bin/claimcheck.js',
      'package/dist/main.js',
      'package/lambda-src/func.ts',
      'package/dist/publisher/func.js',
      'package/dist/publisher/bundle.json',
      'package/lib/runtime/sign-what-is-sent.ts',
      // The function's source imports the claim contract; esbuild bundles it from source at synth.
      'package/lib/contract/rfc3339.ts',
      'package/schema/oci-schema.json',
      'package/schema/claim-check.v1.schema.json',
      'package/LICENSE',
      'package/CHANGELOG.md',
      'package/CONTRIBUTING.md',
      'package/docs/api/README.md',
    ]) {
      expect(files).toContain(f);
    }
    expect(files.filter((f) => f.includes('__tests__') || f.includes('node_modules'))).toEqual([]);
  });

  test('every file the README links to ships in the package (the READMEs of the subpaths, the API reference, CONTRIBUTING, ...)', () => {
    const installed = join(app, 'node_modules', 'cdktf-oci-claim-check');
    const readme = readFileSync(join(installed, 'README.md'), 'utf8');
    // Markdown links and images to relative paths: [text](path) or [text](path#anchor); not URLs, not anchors alone.
    const targets = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1].split('#')[0]).filter((t) => t !== '' && !/^[a-z]+:/i.test(t));
    expect(targets).toEqual(expect.arrayContaining(['lib/consumer/README.md', 'lib/emulators/README.md', 'lib/reconciler/README.md', 'lambda-src/README.md', 'CONTRIBUTING.md', 'LICENSE']));
    expect(targets.some((t) => t.startsWith('docs/api/'))).toBe(true);
    expect([...new Set(targets)].filter((t) => !existsSync(join(installed, t)))).toEqual([]);
    // The installed README opens with what an npm user runs: its first section is the quick start, install first.
    expect(readme.match(/^## .*$/m)?.[0]).toBe('## Quick start (from npm)');
    expect(readme.indexOf('npm i cdktf-oci-claim-check cdktf constructs')).toBeGreaterThan(readme.indexOf('## Quick start'));
    expect(readme.indexOf('npm i cdktf-oci-claim-check cdktf constructs')).toBeLessThan(readme.indexOf('### A minimal stack'));
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
    expect(readFileSync(join(installed, 'LICENSE'), 'utf8')).toMatch(/^\s*Apache License\s+Version 2\.0, January 2004/);
    expect(manifest.license).toBe('Apache-2.0');
    expect(manifest.repository.url).toMatch(/^git\+https:\/\/github\.com\/.+\.git$/);
    expect(manifest.bugs.url).toBe(manifest.repository.url.replace(/^git\+/, '').replace(/\.git$/, '/issues'));
    expect(manifest.homepage).toMatch(/^https:\/\//);
  });

  test("the README's quick start, as written, compiles under cdktf init's tsconfig, synthesizes, and its jest test passes", () => {
    const readme = readFileSync(join(app, 'node_modules', 'cdktf-oci-claim-check', 'README.md'), 'utf8');
    const quickStart = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('\n## ', readme.indexOf('## Quick start') + 1));
    // Its TypeScript blocks that start with a file name comment: files-stack.ts, main.ts, files-stack.test.ts.
    const files = [...quickStart.matchAll(/```ts\n\/\/ ([\w.-]+\.ts)\n([\s\S]*?)```/g)].map((m) => ({ name: m[1], text: m[2] }));
    expect(files.map((f) => f.name)).toEqual(['files-stack.ts', 'main.ts', 'files-stack.test.ts']);
    const project = join(app, 'quick-start');
    mkdirSync(project, { recursive: true });
    for (const f of files) writeFileSync(join(project, f.name), f.text);
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: cdktfInitCompilerOptions(), include: ['*.ts'] }, null, 2));
    const typesJest = join(app, 'node_modules', '@types', 'jest');
    if (!existsSync(typesJest)) symlinkSync(join(ROOT, 'node_modules', '@types', 'jest'), typesJest);
    const compiled = spawnSync(process.execPath, [TSC, '-p', join(project, 'tsconfig.json')], { cwd: project, encoding: 'utf8' });
    expect(compiled.stdout + compiled.stderr).toBe('');
    // `cdktf synth` runs main.ts; the output passes the packaged validator.
    execFileSync(process.execPath, [join(project, 'main.js')], { cwd: project, encoding: 'utf8', stdio: 'pipe' });
    const check = "const { validateTerraformJson } = require('cdktf-oci-claim-check/testing'); console.log(JSON.stringify(validateTerraformJson(require('fs').readFileSync('cdktf.out/stacks/files/cdk.tf.json', 'utf8'))));";
    expect(JSON.parse(execFileSync(process.execPath, ['-e', check], { cwd: project, encoding: 'utf8' }))).toEqual([]);
    // The jest test of the README (compiled), snapshot written on the first run.
    const config = JSON.stringify({ rootDir: project, testEnvironment: 'node', testMatch: ['**/files-stack.test.js'] });
    const jest = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'), '--config', config, '--ci=false'], {
      cwd: project,
      encoding: 'utf8',
      timeout: 120000,
    });
    expect({ status: jest.status, output: jest.status === 0 ? '' : jest.stderr.slice(-3000) }).toEqual({ status: 0, output: '' });
    expect(existsSync(join(project, '__snapshots__', 'files-stack.test.js.snap'))).toBe(true);
  });

  test('every source map in the package resolves: its sources are inlined or shipped', () => {
    const installed = join(app, 'node_modules', 'cdktf-oci-claim-check');
    const maps = execFileSync('find', [installed, '-name', '*.js.map'], { encoding: 'utf8' }).trim().split('\n');
    expect(maps.length).toBeGreaterThan(100);
    const unresolved: string[] = [];
    for (const mapFile of maps) {
      const map = JSON.parse(readFileSync(mapFile, 'utf8')) as { sources: string[]; sourcesContent?: (string | null)[] };
      map.sources.forEach((source, i) => {
        if (typeof map.sourcesContent?.[i] === 'string' && map.sourcesContent[i]!.length > 0) return;
        if (!existsSync(join(dirname(mapFile), source))) unresolved.push(`${mapFile.slice(installed.length + 1)} -> ${source}`);
      });
    }
    expect(unresolved).toEqual([]);
    const consumer = JSON.parse(readFileSync(join(installed, 'dist', 'lib', 'consumer', 'consumer.js.map'), 'utf8'));
    expect(consumer.sourcesContent[0]).toContain('export class ClaimCheckConsumer');
    // The construct layer ships without maps (scripts/drop-synth-source-maps.mjs), the root entry included.
    expect(existsSync(join(installed, 'dist', 'lib', 'pattern', 'claim-check-pipeline.js.map'))).toBe(false);
    expect(existsSync(join(installed, 'dist', 'lib', 'index.js.map'))).toBe(false);
  });

  test("a synth with Node's source maps on (as under tsx) loads no map of the package; the runtime code's maps still map", () => {
    const script = `
      const { findSourceMap } = require('node:module');
      const { App, TerraformStack } = require('cdktf');
      const lib = require('cdktf-oci-claim-check');
      const app = new App({ outdir: process.argv[1] });
      const stack = new TerraformStack(app, 'maps');
      new lib.oci.provider.OciProvider(stack, 'oci', { region: 'us-ashburn-1' });
      new lib.ClaimCheckPipeline(stack, 'Files', { compartmentId: 'ocid1.compartment.oc1..aaaaaaaaexample', subnetIds: ['ocid1.subnet.oc1.iad.aaaaaaaaexample'],
        functionProps: { code: lib.FunctionCode.fromImageUri('iad.ocir.io/ns/repo:1') } });
      app.synth();
      const own = () => Object.keys(require.cache).filter((f) => f.includes('/node_modules/cdktf-oci-claim-check/dist/'));
      const synthModules = own();
      const mapped = synthModules.filter((f) => findSourceMap(f) !== undefined).map((f) => f.split('/dist/')[1]);
      require('cdktf-oci-claim-check/consumer');
      const consumer = own().find((f) => f.endsWith('/lib/consumer/consumer.js'));
      console.log(JSON.stringify({ synthModules: synthModules.length, mapped, consumerMapped: findSourceMap(consumer) !== undefined }));`;
    const out = execFileSync(process.execPath, ['--enable-source-maps', '-e', script, join(app, 'maps.out')], { cwd: app, encoding: 'utf8' });
    const result = JSON.parse(out.trim().split('\n').pop()!);
    expect(result.synthModules).toBeGreaterThan(20);
    expect(result).toEqual({ synthModules: result.synthModules, mapped: [], consumerMapped: true });
  });

  test('typesVersions maps every subpath of the exports map to the same declarations (node10 resolution)', () => {
    const manifest = JSON.parse(readFileSync(join(app, 'node_modules', 'cdktf-oci-claim-check', 'package.json'), 'utf8'));
    const fromExports = Object.fromEntries(
      Object.entries(manifest.exports as Record<string, { types?: string } | string>)
        .filter(([subpath, target]) => subpath !== '.' && typeof target === 'object')
        .map(([subpath, target]) => [subpath.slice(2), [(target as { types: string }).types.replace(/^\.\//, '')]]),
    );
    expect(manifest.typesVersions).toEqual({ '*': fromExports });
  });

  test.each([
    // What `cdktf init --template typescript` writes (read from the installed cdktf-cli): module CommonJS, and so
    // moduleResolution node10, which ignores the exports map.
    ['node10: the tsconfig of `cdktf init`', 'node10', () => ({ ...cdktfInitCompilerOptions(), moduleResolution: 'node' })],
    ['bundler', 'bundler', () => ({ target: 'ES2022', module: 'preserve', moduleResolution: 'bundler', strict: true, skipLibCheck: true, noEmit: true })],
  ])('every subpath compiles under %s', (_name, dir, compilerOptions) => {
    const project = join(app, dir);
    mkdirSync(project, { recursive: true });
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: compilerOptions(), files: ['main.ts'] }, null, 2));
    writeFileSync(join(project, 'main.ts'), importEverySubpath());
    const compiled = spawnSync(process.execPath, [TSC, '-p', join(project, 'tsconfig.json')], { cwd: project, encoding: 'utf8' });
    expect(compiled.stdout + compiled.stderr).toBe('');
    expect(compiled.status).toBe(0);
    if (dir === 'node10') {
      // CommonJS output: Node's require() resolves the same subpaths through the exports map.
      const out = execFileSync(process.execPath, [join(project, 'main.js')], { cwd: project, encoding: 'utf8' });
      expect(JSON.parse(out.trim()).every((n: number) => n > 0)).toBe(true);
    }
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
import { ClaimCheckReconciler } from 'cdktf-oci-claim-check/reconciler';
import { validateTerraformJson, loadOciProviderSchema } from 'cdktf-oci-claim-check/testing';
import { consumerEnvironment } from 'cdktf-oci-claim-check/consumer-entry';
import { parseClaimMessage } from 'cdktf-oci-claim-check/contract';

const app = new App({ outdir: process.argv[2] });
const stack = new TerraformStack(app, 'consumer-app');
new oci.provider.OciProvider(stack, 'oci', { region: 'us-ashburn-1' });
const files = new ClaimCheckPipeline(stack, 'Files', {
  compartmentId: 'ocid1.compartment.oc1..aaaaaaaaexample',
  subnetIds: ['ocid1.subnet.oc1.iad.aaaaaaaaexample'],
});
// The default function code: the publisher's bundle shipped in the package (dist/publisher).
new ClaimCheckPipeline(stack, 'Prebuilt', {
  compartmentId: 'ocid1.compartment.oc1..aaaaaaaaexample',
  subnetIds: ['ocid1.subnet.oc1.iad.aaaaaaaaexample'],
  functionProps: { code: FunctionCode.fromImageUri('iad.ocir.io/ns/repo:1') },
});
app.synth();
const json = JSON.parse(readFileSync(process.argv[2] + '/stacks/consumer-app/cdk.tf.json', 'utf8'));
const violations = validateTerraformJson(json, loadOciProviderSchema());
const exported: unknown[] = [ClaimCheckConsumer, ObjectStorageEmulator, StreamingEmulator, ClaimCheckReconciler, consumerEnvironment, parseClaimMessage];
console.log(JSON.stringify({ violations, exported: exported.map((e) => typeof e), bucket: typeof files.bucket.bucketName }));
`,
    );
    const compiled = spawnSync(process.execPath, [TSC, '-p', join(app, 'tsconfig.json')], { cwd: app, encoding: 'utf8' });
    expect(compiled.stdout + compiled.stderr).toBe('');
    expect(compiled.status).toBe(0);
    const synth = spawnSync(process.execPath, ['--require', join(__dirname, 'helpers', 'count-esbuild-builds.cjs'), join(app, 'out', 'stack.js'), join(app, 'cdktf.out')], { cwd: app, encoding: 'utf8' });
    expect(synth.status).toBe(0);
    expect(JSON.parse(synth.stdout.trim().split('\n').pop()!)).toEqual({ violations: [], exported: ['function', 'function', 'function', 'function', 'function', 'function'], bucket: 'string' });
    // The publisher's bundle came with the package: no esbuild ran, on a project with no bundle cache.
    expect(existsSync(join(app, 'node_modules', '.cache', 'cdktf-oci-claim-check', 'bundles'))).toBe(false);
    expect(JSON.parse(synth.stderr.trim().split('\n').pop()!)).toMatchObject({ build: 0, buildSync: 0 });
    const synthesized = JSON.parse(readFileSync(join(app, 'cdktf.out', 'stacks', 'consumer-app', 'cdk.tf.json'), 'utf8'));
    expect(Object.keys(synthesized.resource).sort()).toEqual(
      expect.arrayContaining(['docker_image', 'docker_registry_image', 'oci_events_rule', 'oci_functions_function', 'oci_objectstorage_bucket', 'oci_streaming_stream']),
    );
    expect(Object.keys(synthesized.resource.oci_functions_function)).toHaveLength(2);
    // The bundled publisher made it into the image build context.
    const assets = join(app, 'cdktf.out', 'stacks', 'consumer-app', 'assets');
    const bundled = execFileSync('find', [assets, '-name', 'func.js'], { encoding: 'utf8' }).trim().split('\n');
    expect(bundled).toHaveLength(1);
    expect(readFileSync(bundled[0], 'utf8')).toContain('STREAM_OCID');
    expect(readFileSync(bundled[0])).toEqual(readFileSync(join(app, 'node_modules', 'cdktf-oci-claim-check', 'dist', 'publisher', 'func.js')));
  });

  test('the package root loads a module only when one of its exports is used (scripts/lazy-barrel.mjs)', () => {
    const script = `
      const own = () => Object.keys(require.cache).filter((f) => f.includes('/node_modules/cdktf-oci-claim-check/dist/'));
      const lib = require('cdktf-oci-claim-check');
      const atRequire = own().length;
      const pipeline = typeof lib.ClaimCheckPipeline;
      const bucket = typeof lib.oci.objectstorageBucket.ObjectstorageBucket;
      const loaded = own();
      const has = (part) => loaded.some((f) => f.includes(part));
      console.log(JSON.stringify({ atRequire, pipeline, bucket, fleet: has('claim-check-consumer-fleet'), serverless: has('claim-check-serverless-consumer'),
        connectorHub: has('sch-service-connector'), vault: has('vault-secret'), containerInstances: has('container-instances'), pipelineLoaded: has('pattern/claim-check-pipeline.js') }));`;
    const out = execFileSync(process.execPath, ['-e', script], { cwd: app, encoding: 'utf8' });
    expect(JSON.parse(out.trim())).toEqual({
      atRequire: 1,
      pipeline: 'function',
      bucket: 'function',
      fleet: false,
      serverless: false,
      connectorHub: false,
      vault: false,
      containerInstances: false,
      pipelineLoaded: true,
    });
  });

  test('the packaged claimcheck bin runs from dist, demo included', () => {
    const bin = join(app, 'node_modules', 'cdktf-oci-claim-check', 'dist', 'bin', 'claimcheck.js');
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
    expect(execFileSync(process.execPath, [bin, '--help'], { encoding: 'utf8' })).toMatch(/claimcheck demo/);
    // The whole circuit from the installed package: packaged sample stack, lambda-src, emulators and consumer.
    const demo = spawnSync(process.execPath, [bin, 'demo', '--files', '6', '--consumers', '1', '--json'], { cwd: app, encoding: 'utf8', timeout: 120000 });
    expect(demo.status).toBe(0);
    expect(JSON.parse(demo.stdout.trim().split('\n').pop()!)).toEqual({ uploaded: 6, filtered: 0, published: 6, processed: 6, skipped: 0, deadLettered: 0, lost: 0 });
  });

  test('the packaged claimcheck bin runs a consumer entry: a handler file of the consuming project, bundled with the packaged fleet entry', () => {
    // The handler imports the package's public entries the way the README shows; esbuild resolves them through the
    // exports map, and the fleet's runtime from dist/lib/consumer/entries.
    writeFileSync(
      join(app, 'count-bytes.ts'),
      `
import type { ClaimHandler } from 'cdktf-oci-claim-check/consumer';
import { consumerEnvironment } from 'cdktf-oci-claim-check/consumer-entry';

export const handler: ClaimHandler = async (_claim, object) => {
  if (!object) return;
  let bytes = 0;
  for await (const chunk of object.body) bytes += (chunk as Buffer).length;
  if (consumerEnvironment().group !== 'claimcheck-demo') throw new Error('not wired: ' + bytes);
};
`,
    );
    const bin = join(app, 'node_modules', 'cdktf-oci-claim-check', 'dist', 'bin', 'claimcheck.js');
    const demo = spawnSync(process.execPath, [bin, 'demo', '--files', '4', '--consumers', '1', '--json', '--consumer-entry', 'count-bytes.ts'], {
      cwd: app,
      encoding: 'utf8',
      timeout: 120000,
    });
    expect({ status: demo.status, stderr: demo.status === 0 ? '' : demo.stderr.slice(-2000) }).toEqual({ status: 0, stderr: '' });
    expect(JSON.parse(demo.stdout.trim().split('\n').pop()!)).toEqual({ uploaded: 4, filtered: 0, published: 4, processed: 4, skipped: 0, deadLettered: 0, lost: 0 });
  });

  test("claimcheck demo from the installed package runs the consuming project's own pipeline (its cdktf.json app, its bucket and partitions)", () => {
    // A project laid out as cdktf init lays it out: cdktf.json's "app" synthesizes it (plain JS here: no compiler
    // needed for the check), dependencies from the app's node_modules one directory up.
    const team = join(app, 'team');
    mkdirSync(team, { recursive: true });
    writeFileSync(join(team, 'cdktf.json'), JSON.stringify({ language: 'typescript', app: 'node team-app.js', terraformProviders: [], context: {} }));
    writeFileSync(
      join(team, 'team-app.js'),
      `const { App, TerraformStack } = require('cdktf');
const { ClaimCheckPipeline, oci } = require('cdktf-oci-claim-check');
const app = new App();
const stack = new TerraformStack(app, 'team');
new oci.provider.OciProvider(stack, 'oci', { region: 'eu-frankfurt-1' });
new ClaimCheckPipeline(stack, 'Receipts', {
  compartmentId: 'ocid1.compartment.oc1..aaaaaaaateamcompartment',
  subnetIds: ['ocid1.subnet.oc1.eu-frankfurt-1.aaaaaaaateamsubnet'],
  tenancyId: 'ocid1.tenancy.oc1..aaaaaaaateamtenancy',
  region: 'eu-frankfurt-1',
  bucketProps: { bucketName: 'team-receipts' },
  streamProps: { partitions: 2 },
});
app.synth();
`,
    );
    const bin = join(app, 'node_modules', 'cdktf-oci-claim-check', 'dist', 'bin', 'claimcheck.js');
    const demo = spawnSync(process.execPath, [bin, 'demo', '--files', '5', '--consumers', '2', '--json'], { cwd: team, encoding: 'utf8', timeout: 180000 });
    expect({ status: demo.status, stderr: demo.status === 0 ? '' : demo.stderr.slice(-2000) }).toEqual({ status: 0, stderr: '' });
    expect(demo.stderr).toMatch(/bucket team-receipts, 2 partitions/);
    expect(JSON.parse(demo.stdout.trim().split('\n').pop()!)).toEqual({ uploaded: 5, filtered: 0, published: 5, processed: 5, skipped: 0, deadLettered: 0, lost: 0 });
  }, 200_000);
});

/** The compiler options of the project `cdktf init --template typescript` creates, from the installed cdktf-cli. */
function cdktfInitCompilerOptions(): Record<string, unknown> {
  const template = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'cdktf-cli', 'bundle', 'templates', 'typescript', 'tsconfig.json'), 'utf8'));
  expect(template.compilerOptions).toMatchObject({ module: 'CommonJS', strict: true });
  expect(template.compilerOptions.moduleResolution).toBeUndefined(); // so node10, TypeScript's default for CommonJS
  return template.compilerOptions;
}

/** A module that imports every entry of the exports map (namespace imports) and prints how many names each has. */
function importEverySubpath(): string {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const specifiers = Object.keys(manifest.exports)
    .filter((subpath) => subpath.endsWith('.json') === false)
    .map((subpath) => (subpath === '.' ? manifest.name : `${manifest.name}/${subpath.slice(2)}`));
  expect(specifiers.length).toBeGreaterThanOrEqual(7);
  return [
    ...specifiers.map((specifier, i) => `import * as entry${i} from '${specifier}';`),
    `console.log(JSON.stringify([${specifiers.map((_, i) => `Object.keys(entry${i}).length`).join(', ')}]));`,
    '',
  ].join('\n');
}

/** Runs a command to completion without blocking the event loop (so two can run at once); rejects with its output. */
function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${[command, ...args].join(' ')} exited ${code}:\n${output.slice(-4000)}`))));
  });
}

/** Top-level packages of this checkout's production dependency tree (`npm ls --omit=dev`), e.g. `esbuild`, `@fnproject/fdk`. */
function productionPackages(): string[] {
  const paths = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const prefix = join(ROOT, 'node_modules') + '/';
  const names = new Set<string>();
  for (const path of paths.split('\n')) {
    if (!path.startsWith(prefix)) continue;
    const [first, second] = path.slice(prefix.length).split('/');
    names.add(first.startsWith('@') ? `${first}/${second}` : first);
  }
  return [...names];
}
