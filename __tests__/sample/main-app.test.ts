/**
 * main.ts as `cdktf synth` runs it (`tsx main.ts`, in its own process): it synthesizes the sample stack from the
 * library loaded as one bundle of its sources (lib/bundling/source-bundle.ts); it starts the publisher's bundle before
 * it loads cdktf and the library, so a changed function is bundled once, by esbuild's asynchronous API, and the
 * construct takes that bundle; unchanged sources start no esbuild at all; an error leaves with exit code 1 and its
 * message, and CLAIMCHECK_SYNTH_SOURCE_MAPS=1 gives the library's frames their TypeScript lines.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { SAMPLE_STACK_NAME } from '../../lib/sample/claim-check-sample-stack';
import { pathToFileURL } from 'node:url';
import { bundleFunctionContents, defaultFunctionEntry, IN_MEMORY_BUNDLE_FILE } from '../../lib/bundling/bundle-function';
import { buildSourceBundle } from '../../lib/bundling/source-bundle';
import { validateTerraformJson } from '../../lib/testing';

const repoRoot = join(__dirname, '..', '..');
const counter = join(__dirname, '..', 'helpers', 'count-esbuild-builds.cjs');
const moduleCache = join(__dirname, '..', 'helpers', 'print-module-cache.cjs');
const sampleStackModule = join(repoRoot, 'lib', 'sample', 'claim-check-sample-stack.ts');

// The library's bundle is in the project's cache before these runs (as after any synth of these sources), so that
// the esbuild builds they count are the publisher's; the test from a directory without a project covers a cold cache.
beforeAll(() => buildSourceBundle(sampleStackModule));

let outdir: string;
beforeEach(() => {
  outdir = mkdtempSync(join(tmpdir(), 'main-app-'));
});
afterEach(() => rmSync(outdir, { recursive: true, force: true }));

/**
 * Runs main.ts with `env` (in `cwd`: the repository, whose caches it uses, by default); its exit status, stderr, the
 * esbuild bundlings its main thread ran (the publisher's: the library's bundle is built in a worker thread, which the
 * counter does not see) and, with `listModules`, the files in Node's module cache at exit.
 */
function runMain(env: Record<string, string> = {}, options: { cwd?: string; listModules?: boolean } = {}) {
  const { GOMAXPROCS: _machine, ...inherited } = process.env;
  // tsx by its file URL: resolved from the repository, whatever the working directory.
  const tsx = pathToFileURL(require.resolve('tsx')).href;
  const preloads = ['--require', counter, ...(options.listModules ? ['--require', moduleCache] : [])];
  const run = spawnSync(process.execPath, [...preloads, '--import', tsx, join(repoRoot, 'main.ts')], {
    cwd: options.cwd ?? repoRoot,
    env: { ...inherited, CDKTF_OUTDIR: outdir, CHECKPOINT_DISABLE: '1', CLAIMCHECK_FORCE_BUNDLING: '', CLAIMCHECK_SYNTH_SOURCE_MAPS: '', ...env },
    encoding: 'utf8',
  });
  const lines = run.stderr.trim().split('\n');
  const { serviceGomaxprocs, gomaxprocsAtExit, ...builds } = JSON.parse(lines.pop() as string) as {
    build: number;
    buildSync: number;
    serviceGomaxprocs: (string | null)[];
    gomaxprocsAtExit: string | null;
  };
  const modules: string[] = options.listModules ? JSON.parse(run.stdout.trim().split('\n').pop() as string) : [];
  return { status: run.status, stderr: lines.join('\n'), builds, serviceGomaxprocs, gomaxprocsAtExit, modules };
}

const stackJson = () => JSON.parse(readFileSync(join(outdir, 'stacks', SAMPLE_STACK_NAME, 'cdk.tf.json'), 'utf8'));

test('a changed function (forced bundling) is bundled once, asynchronously, and the stack ships that bundle', () => {
  const run = runMain({ CLAIMCHECK_FORCE_BUNDLING: '1' });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  expect(run.builds).toEqual({ build: 1, buildSync: 0 });
  const json = stackJson();
  expect(validateTerraformJson(json)).toEqual([]);
  const context = join(outdir, 'stacks', SAMPLE_STACK_NAME, Object.values<any>(json.resource.docker_image)[0].build.context);
  const expected = bundleFunctionContents({ entry: defaultFunctionEntry(), outFile: IN_MEMORY_BUNDLE_FILE });
  expect(readFileSync(join(context, 'func.js')).equals(expected.contents)).toBe(true);
});

test("esbuild's service gets one core fewer than the machine (Node loads the app meanwhile), a GOMAXPROCS of the user's is kept, and the app's environment is left as it was", () => {
  const run = runMain({ CLAIMCHECK_FORCE_BUNDLING: '1' });
  expect([run.status, run.stderr]).toEqual([0, '']);
  expect({ service: run.serviceGomaxprocs, app: run.gomaxprocsAtExit }).toEqual({ service: [String(Math.max(1, availableParallelism() - 1))], app: null });
  const own = runMain({ CLAIMCHECK_FORCE_BUNDLING: '1', GOMAXPROCS: '3' });
  expect([own.status, own.stderr]).toEqual([0, '']);
  expect({ service: own.serviceGomaxprocs, app: own.gomaxprocsAtExit }).toEqual({ service: ['3'], app: '3' });
});

test('the library loads as one bundle of its sources: none of its modules goes through tsx, and the stack is the same', () => {
  const run = runMain({}, { listModules: true });
  expect([run.status, run.stderr]).toEqual([0, '']);
  const fromSources = run.modules.filter((file) => file.startsWith(join(repoRoot, 'lib')) || file.startsWith(join(repoRoot, 'main.ts')));
  // main.ts and what it needs to find or build the bundles: nothing of the stack, the patterns or the bindings.
  expect(fromSources.map((file) => file.slice(repoRoot.length + 1)).sort()).toEqual([
    'lib/bundling/build-context-cache.ts',
    'lib/bundling/build-helpers.ts',
    'lib/bundling/bundle-cache.ts',
    'lib/bundling/bundle-function.ts',
    'lib/bundling/shipped-bundle.ts',
    'lib/bundling/source-bundle.ts',
    'main.ts',
  ]);
  const bundled = stackJson();
  // The same app with the library's modules loaded one by one through tsx.
  const direct = mkdtempSync(join(tmpdir(), 'main-app-direct-'));
  try {
    const script = `require(${JSON.stringify(sampleStackModule)}).synthSampleApp(${JSON.stringify(direct)}, process.env)`;
    const plain = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: repoRoot, env: { ...process.env, CHECKPOINT_DISABLE: '1' }, encoding: 'utf8' });
    expect([plain.status, plain.stderr]).toEqual([0, '']);
    expect(bundled).toEqual(JSON.parse(readFileSync(join(direct, 'stacks', SAMPLE_STACK_NAME, 'cdk.tf.json'), 'utf8')));
  } finally {
    rmSync(direct, { recursive: true, force: true });
  }
});

test('from a directory without a project (no cache): the library is bundled, the publisher once, asynchronously', () => {
  const elsewhere = mkdtempSync(join(tmpdir(), 'main-app-no-project-'));
  try {
    const run = runMain({}, { cwd: elsewhere });
    expect([run.status, run.stderr]).toEqual([0, '']);
    expect(run.builds).toEqual({ build: 1, buildSync: 0 });
    expect(validateTerraformJson(stackJson())).toEqual([]);
  } finally {
    rmSync(elsewhere, { recursive: true, force: true });
  }
});

test('unchanged function sources start no esbuild: the bundle comes from the cache', () => {
  // The bundle is in the cache once any bundling of these sources ran (here, or the test above).
  bundleFunctionContents({ entry: defaultFunctionEntry(), outFile: IN_MEMORY_BUNDLE_FILE });
  const run = runMain();
  expect([run.status, run.stderr]).toEqual([0, '']);
  expect(run.builds).toEqual({ build: 0, buildSync: 0 });
  expect(validateTerraformJson(stackJson())).toEqual([]);
});

describe('an error in the app', () => {
  const source = readFileSync(join(repoRoot, 'lib', 'sample', 'claim-check-sample-stack.ts'), 'utf8').split('\n');
  const throwLine = source.findIndex((line) => line.includes('CLAIMCHECK_OBJECT_FILTERS must be a JSON object')) + 1;

  test('leaves with exit code 1 and the message naming the variable', () => {
    const run = runMain({ CLAIMCHECK_OBJECT_FILTERS: '[1]' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('CLAIMCHECK_OBJECT_FILTERS must be a JSON object');
    expect(run.stderr).toContain('got "[1]"');
    // The library loaded without source maps: the message says how to get TypeScript lines.
    expect(run.stderr).toContain('CLAIMCHECK_SYNTH_SOURCE_MAPS=1 shows their TypeScript lines');
  });

  test('CLAIMCHECK_SYNTH_SOURCE_MAPS=1: the library frame shows its TypeScript line', () => {
    expect(throwLine).toBeGreaterThan(0);
    const run = runMain({ CLAIMCHECK_OBJECT_FILTERS: '[1]', CLAIMCHECK_SYNTH_SOURCE_MAPS: '1' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`claim-check-sample-stack.ts:${throwLine}:`);
    expect(run.stderr).not.toContain('CLAIMCHECK_SYNTH_SOURCE_MAPS=1 shows');
  });
});
