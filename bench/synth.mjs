#!/usr/bin/env node
// Wall time and peak memory of a synth, each app run as cdktf.json runs ours (`node --import tsx <app>.ts`), every
// figure next to its floor measured in the same run (the machine is shared; ratios, not absolutes):
//
//   empty app            bench/empty-app.ts: one empty stack, the floor any cdktf app pays (Node, tsx, cdktf)
//   sample stack         main.ts (what `cdktf synth` runs here), with the function's bundle cached (unchanged function)
//                        and the library's source bundle cached (lib/bundling/source-bundle.ts: main.ts loads the
//                        library from its sources as one esbuild bundle)
//   sample stack, fn changed   the same right after a function change: the bundle cache misses and esbuild runs
//                        (CLAIMCHECK_FORCE_BUNDLING=1 stands in for an edit of lambda-src: the synth's own files are the
//                        same, so tsx's cache is as warm as after a real edit, and so is the library's bundle)
//   full bindings, barrel      the same nine resources the pipeline deploys (bucket, stream pool, stream, container
//                        repository, functions application, function, dynamic group, policy, events rule) written
//                        against the only full generated OCI bindings on npm, @mikarinneoracle/oci-cdk@1.3.1 (provider
//                        5.47, 3,243 resources, ~130 MB of TypeScript), imported through its barrel the usual way:
//                        `import * as oci from '.../.gen/providers/oci'`
//   full bindings, deep imports   the same with per-resource imports (`.../.gen/providers/oci/objectstorage-bucket`)
//   team app, installed package   the sample stack as a team writes it against this package installed from npm:
//                        `import { ClaimCheckSampleStack, ... } from 'cdktf-oci-claim-check'`, the package built as
//                        `npm pack` builds it (tsc, scripts/lazy-barrel.mjs, scripts/drop-synth-source-maps.mjs,
//                        scripts/ship-publisher-bundle.mjs) with the files its `files` list packs, installed into a project under node_modules/.cache/cdktf-oci-claim-check-bench/team-app
//                        (its dependencies resolve to this repository's node_modules); tsx compiles only the app's own
//                        main.ts, the package is JavaScript in node_modules, as in a team's project
//
// each with tsx's transform cache warm (a developer's loop: the same files ran before) and cold (a fresh, empty cache,
// as on a CI runner's first run; the bundle cache then as cold: the sample stack bundles, the team app takes the bundle
// the package ships). Warm runs are interleaved
// app by app, so drift in the machine's load falls on all of them; every run writes into its own temp outdir.
//
// The bindings package is fetched on first use with `npm pack` into node_modules/.cache/cdktf-oci-claim-check-bench/
// (its TypeScript resolves cdktf and constructs from this repository's node_modules); when the registry cannot be
// reached those rows are skipped with a message.
//
//   npm run bench:synth                  BENCH_RUNS=5 (warm runs per app), BENCH_COLD_RUNS=3 (cold runs per app)
//   BENCH_SKIP_FULL_BINDINGS=1 ...       without the bindings package
//   BENCH_JSON=out.json ...              also writes the figures as JSON, for bench/run-all.mjs
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS || 5));
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 3);
const reporter = join(root, 'bench', 'rss-reporter.cjs');
const BINDINGS = { name: '@mikarinneoracle/oci-cdk', version: '1.3.1' };
const cacheRoot = join(root, 'node_modules', '.cache', 'cdktf-oci-claim-check-bench');
const bindingsDir = join(cacheRoot, `oci-cdk-${BINDINGS.version}`);
// tsx keeps its transform cache under os.tmpdir(): one TMPDIR for every warm run, a fresh one for each cold run.
const scratch = mkdtempSync(join(os.tmpdir(), 'bench-synth-'));
const warmTmp = join(scratch, 'warm-tmp');
mkdirSync(warmTmp);
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

function run(app, { env = {}, tmp = warmTmp, cwd = root } = {}) {
  const outdir = mkdtempSync(join(scratch, 'out-'));
  const start = process.hrtime.bigint();
  const res = spawnSync(process.execPath, ['--require', reporter, '--import', 'tsx', app], {
    cwd,
    env: { ...process.env, CDKTF_OUTDIR: outdir, CHECKPOINT_DISABLE: '1', TMPDIR: tmp, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const stacks = existsSync(join(outdir, 'stacks')) ? readdirSync(join(outdir, 'stacks')) : [];
  rmSync(outdir, { recursive: true, force: true });
  if (res.status !== 0) throw new Error(`${app} failed (${res.status}):\n${res.stderr}`);
  if (stacks.length === 0) throw new Error(`${app} synthesized no stack`);
  const rss = Number(/BENCH_MAX_RSS_KB=(\d+)/.exec(res.stderr)?.[1] ?? NaN);
  return { ms, rssMb: rss / 1024 };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function summary(samples) {
  return { ms: median(samples.map((s) => s.ms)), rssMb: median(samples.map((s) => s.rssMb)), peakRssMb: Math.max(...samples.map((s) => s.rssMb)), runs: samples.length };
}

/** The bindings package, fetched once into the cache; null (with the reason) when it cannot be had. */
function fetchBindings() {
  if (process.env.BENCH_SKIP_FULL_BINDINGS) return { skipped: 'BENCH_SKIP_FULL_BINDINGS is set' };
  const gen = join(bindingsDir, 'package', '.gen', 'providers', 'oci');
  if (!existsSync(join(gen, 'index.ts'))) {
    mkdirSync(cacheRoot, { recursive: true });
    const staging = mkdtempSync(join(cacheRoot, '.fetch-'));
    try {
      console.error(`fetching ${BINDINGS.name}@${BINDINGS.version} (npm pack, ~7 MB) into ${bindingsDir} ...`);
      const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
      const pack = spawnSync(npm, ['pack', `${BINDINGS.name}@${BINDINGS.version}`, '--pack-destination', staging, '--silent'], { encoding: 'utf8', timeout: 300_000 });
      const tarball = readdirSync(staging).find((f) => f.endsWith('.tgz'));
      if (pack.status !== 0 || !tarball) return { skipped: `could not fetch ${BINDINGS.name}@${BINDINGS.version} from the npm registry: ${(pack.stderr || pack.error?.message || '').trim().split('\n').pop()}` };
      const untar = spawnSync('tar', ['xzf', join(staging, tarball), '-C', staging], { encoding: 'utf8' });
      if (untar.status !== 0) return { skipped: `could not unpack ${tarball}: ${untar.stderr}` };
      rmSync(bindingsDir, { recursive: true, force: true });
      mkdirSync(bindingsDir, { recursive: true });
      renameSync(join(staging, 'package'), join(bindingsDir, 'package'));
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  }
  writeFileSync(join(bindingsDir, 'barrel-app.ts'), nineResourcesApp('barrel'));
  writeFileSync(join(bindingsDir, 'deep-app.ts'), nineResourcesApp('deep'));
  return { barrel: join(bindingsDir, 'barrel-app.ts'), deep: join(bindingsDir, 'deep-app.ts') };
}

/** The nine resources of the pipeline, written against the bindings package: through its barrel or per resource. */
function nineResourcesApp(style) {
  const resources = [
    ['provider', 'OciProvider'],
    ['objectstorage-bucket', 'ObjectstorageBucket'],
    ['streaming-stream-pool', 'StreamingStreamPool'],
    ['streaming-stream', 'StreamingStream'],
    ['artifacts-container-repository', 'ArtifactsContainerRepository'],
    ['functions-application', 'FunctionsApplication'],
    ['functions-function', 'FunctionsFunction'],
    ['identity-dynamic-group', 'IdentityDynamicGroup'],
    ['identity-policy', 'IdentityPolicy'],
    ['events-rule', 'EventsRule'],
  ];
  const camel = (dir) => dir.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
  const imports =
    style === 'barrel'
      ? ["import * as oci from './package/.gen/providers/oci';", ...resources.map(([dir, cls]) => `const ${cls} = oci.${camel(dir)}.${cls};`)]
      : resources.map(([dir, cls]) => `import { ${cls} } from './package/.gen/providers/oci/${dir}';`);
  return `// Generated by bench/synth.mjs: the pipeline's nine resources against ${BINDINGS.name}@${BINDINGS.version} (${style === 'barrel' ? 'through its barrel' : 'per-resource imports'}).
import { App, TerraformStack } from 'cdktf';
${imports.join('\n')}

const compartmentId = 'ocid1.compartment.oc1..aaaaaaaabenchcompartment';
const app = new App();
const stack = new TerraformStack(app, 'nine-resources');
new OciProvider(stack, 'oci', { region: 'us-ashburn-1', configFileProfile: 'DEFAULT' });
const bucket = new ObjectstorageBucket(stack, 'Landing', { compartmentId, namespace: 'benchns', name: 'landing', objectEventsEnabled: true, versioning: 'Enabled' });
const pool = new StreamingStreamPool(stack, 'Pool', { compartmentId, name: 'claims-pool' });
const stream = new StreamingStream(stack, 'Stream', { name: 'claims', partitions: 1, retentionInHours: 24, streamPoolId: pool.id });
const repository = new ArtifactsContainerRepository(stack, 'Repository', { compartmentId, displayName: 'claimcheck/publisher', isPublic: false });
const application = new FunctionsApplication(stack, 'Application', { compartmentId, displayName: 'claimcheck', subnetIds: ['ocid1.subnet.oc1.iad.aaaaaaaabenchsubnet'], shape: 'GENERIC_X86' });
const fn = new FunctionsFunction(stack, 'Publisher', {
  applicationId: application.id,
  displayName: 'publisher',
  memoryInMbs: '256',
  timeoutInSeconds: 30,
  image: \`ocir.us-ashburn-1.oci.oraclecloud.com/benchns/\${repository.displayName}:latest\`,
  config: { STREAM_OCID: stream.id, STREAM_ENDPOINT: pool.endpointFqdn },
});
const group = new IdentityDynamicGroup(stack, 'Group', { compartmentId: 'ocid1.tenancy.oc1..aaaaaaaabenchtenancy', name: 'claimcheck-publisher', description: 'the publisher function', matchingRule: \`ALL {resource.type = 'fnfunc', resource.id = '\${fn.id}'}\` });
new IdentityPolicy(stack, 'Policy', { compartmentId, name: 'claimcheck-publisher', description: 'publish claims', statements: [\`Allow dynamic-group \${group.name} to use stream-push in compartment id \${compartmentId} where target.stream.id = '\${stream.id}'\`] });
new EventsRule(stack, 'Rule', {
  compartmentId,
  displayName: 'claimcheck-landing',
  isEnabled: true,
  condition: JSON.stringify({ eventType: ['com.oraclecloud.objectstorage.createobject'], data: { additionalDetails: { bucketName: [bucket.name] } } }),
  actions: { actions: [{ actionType: 'FAAS', isEnabled: true, functionId: fn.id }] },
});
app.synth();
`;
}

/**
 * A team's project with this package installed as `npm pack` would make it (see the header): returns the app file and
 * the project directory, or { skipped } with the reason.
 */
function installedPackageApp() {
  if (process.env.BENCH_SKIP_TEAM_APP) return { skipped: 'BENCH_SKIP_TEAM_APP is set' };
  const project = join(cacheRoot, 'team-app');
  const installed = join(project, 'node_modules', 'cdktf-oci-claim-check');
  rmSync(project, { recursive: true, force: true });
  mkdirSync(installed, { recursive: true });
  const step = (command, args, options = {}) => {
    const r = spawnSync(command, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
    if (r.status !== 0) throw new Error(`${[command, ...args].join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
    return r.stdout;
  };
  // What `npm run build` does, into the installed package.
  step(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.json'), '--outDir', join(installed, 'dist')]);
  step(process.execPath, [join(root, 'scripts', 'lazy-barrel.mjs'), join(root, 'lib', 'index.ts'), join(installed, 'dist', 'lib', 'index.js')]);
  step(process.execPath, [join(root, 'scripts', 'drop-synth-source-maps.mjs'), join(installed, 'dist')]);
  // And the other files `npm pack` takes (the function's sources among them: the package bundles them at synth).
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const listed = JSON.parse(step(npm, ['pack', '--dry-run', '--ignore-scripts', '--json']));
  for (const { path } of listed[0].files) {
    if (path.startsWith('dist/') || path.startsWith('docs/api/')) continue;
    mkdirSync(dirname(join(installed, path)), { recursive: true });
    copyFileSync(join(root, path), join(installed, path));
  }
  // The last step of `npm run build`: the publisher's bundle the package ships (dist/publisher).
  step(process.execPath, [join(root, 'scripts', 'ship-publisher-bundle.mjs'), installed]);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'team-app', private: true }));
  writeFileSync(
    join(project, 'main.ts'),
    `// Generated by bench/synth.mjs: this repository's sample app (main.ts) as a team writes it, against the installed package.
import { App } from 'cdktf';
import { ClaimCheckSampleStack, SAMPLE_STACK_NAME, sampleInputsFromEnv } from 'cdktf-oci-claim-check';

const app = new App();
new ClaimCheckSampleStack(app, SAMPLE_STACK_NAME, sampleInputsFromEnv(process.env));
app.synth();
`,
  );
  return { file: join(project, 'main.ts'), cwd: project };
}

function fmtRow(name, r, floor) {
  return `${name.padEnd(44)} ${r.ms.toFixed(0).padStart(7)}   ${r.rssMb.toFixed(0).padStart(6)}   ${(r.ms / floor.ms).toFixed(2).padStart(6)}x   ${(r.rssMb / floor.rssMb).toFixed(2).padStart(5)}x`;
}

const t0 = Date.now();
const bindings = fetchBindings();
if (bindings.skipped) console.log(`Full bindings rows: SKIPPED (${bindings.skipped})`);
const team = installedPackageApp();
if (team.skipped) console.log(`Team app rows: SKIPPED (${team.skipped})`);

const apps = {
  empty: { file: 'bench/empty-app.ts', label: 'empty cdktf app (floor)' },
  ours: { file: 'main.ts', label: 'sample stack, function unchanged' },
  oursChanged: { file: 'main.ts', label: 'sample stack, right after a function change', env: { CLAIMCHECK_FORCE_BUNDLING: '1' } },
  ...(team.skipped
    ? {}
    : {
        team: { file: team.file, cwd: team.cwd, label: "team app on the installed package" },
        teamChanged: { file: team.file, cwd: team.cwd, label: 'team app, right after a function change', env: { CLAIMCHECK_FORCE_BUNDLING: '1' } },
      }),
  ...(bindings.skipped
    ? {}
    : {
        barrel: { file: bindings.barrel, label: 'full bindings (oci-cdk), barrel import' },
        deep: { file: bindings.deep, label: 'full bindings (oci-cdk), deep imports' },
      }),
};

// Warm: one untimed run of each (fills tsx's cache and the bundle cache), then RUNS interleaved rounds.
for (const app of Object.values(apps)) run(app.file, { env: app.env, cwd: app.cwd });
const warmSamples = Object.fromEntries(Object.keys(apps).map((k) => [k, []]));
for (let i = 0; i < RUNS; i++) for (const [k, app] of Object.entries(apps)) warmSamples[k].push(run(app.file, { env: app.env, cwd: app.cwd }));
const warm = Object.fromEntries(Object.entries(warmSamples).map(([k, s]) => [k, summary(s)]));

// Cold: each run with an empty tsx cache (fresh TMPDIR) and, as on a fresh clone, none of this library's caches: the
// sample stack (the repository's sources) has the repository's removed before each run (node_modules/.cache/
// cdktf-oci-claim-check: the publisher's bundle, the library's source bundle, the build contexts) and bundles both;
// the team app's project has its caches removed before each run, and takes the bundle the installed package ships,
// as a team's fresh clone or CI runner does.
const coldApps = {
  empty: apps.empty,
  ours: { file: apps.ours.file, label: 'sample stack (no bundle cache either)', freshLibraryCache: join(root, 'node_modules', '.cache', 'cdktf-oci-claim-check') },
  ...(apps.team ? { team: { ...apps.team, label: 'team app on the installed package (no bundle cache either)', freshBundleCache: true } } : {}),
  ...(apps.barrel ? { barrel: apps.barrel, deep: apps.deep } : {}),
};
const coldSamples = Object.fromEntries(Object.keys(coldApps).map((k) => [k, []]));
for (let i = 0; i < COLD_RUNS; i++) {
  for (const [k, app] of Object.entries(coldApps)) {
    const tmp = mkdtempSync(join(scratch, 'cold-tmp-'));
    if (app.freshBundleCache) rmSync(join(app.cwd, 'node_modules', '.cache'), { recursive: true, force: true });
    if (app.freshLibraryCache) rmSync(app.freshLibraryCache, { recursive: true, force: true });
    coldSamples[k].push(run(app.file, { env: app.env, tmp, cwd: app.cwd }));
    rmSync(tmp, { recursive: true, force: true });
  }
}
const cold = COLD_RUNS > 0 ? Object.fromEntries(Object.entries(coldSamples).map(([k, s]) => [k, summary(s)])) : {};

console.log(`\nSynth, node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log(`tsx cache warm (median of ${RUNS}, interleaved)       wall ms  peak MB   vs empty app (time, memory)`);
for (const [k, r] of Object.entries(warm)) console.log(fmtRow(apps[k].label, r, warm.empty));
if (COLD_RUNS > 0) {
  console.log(`\ntsx cache cold (median of ${COLD_RUNS}, fresh cache each run)`);
  for (const [k, r] of Object.entries(cold)) console.log(fmtRow(coldApps[k].label, r, cold.empty));
}
const comparisons = {};
/** The full bindings through their barrel against one of our apps: how many times slower, how much more memory. */
function againstBarrel(key, label) {
  const c = { coldSpeedup: cold.barrel.ms / cold[key].ms, warmSpeedup: warm.barrel.ms / warm[key].ms, coldMemory: cold.barrel.rssMb / cold[key].rssMb, warmMemory: warm.barrel.rssMb / warm[key].rssMb };
  console.log(`\nFull bindings through their barrel vs ${label}:`);
  console.log(`  tsx cache cold: ${c.coldSpeedup.toFixed(1)}x slower, ${c.coldMemory.toFixed(1)}x the memory`);
  console.log(`  tsx cache warm: ${c.warmSpeedup.toFixed(1)}x slower, ${c.warmMemory.toFixed(1)}x the memory`);
  return c;
}
if (warm.barrel && cold.barrel) {
  comparisons.barrel = againstBarrel('ours', 'the sample stack');
  comparisons.deepWarmSpeedup = warm.deep.ms / warm.ours.ms;
  // Package against package: a team's app on each one installed (theirs ships TypeScript that tsx compiles, ours
  // JavaScript), the bundle cache as cold as tsx's on the cold runs.
  if (warm.team && cold.team) comparisons.barrelVsTeamApp = againstBarrel('team', 'the team app on this package installed');
}
console.log(`\ndone in ${((Date.now() - t0) / 1000).toFixed(0)} s`);

if (process.env.BENCH_JSON) {
  const labels = (set) => Object.fromEntries(Object.entries(set).map(([k, a]) => [k, a.label]));
  const result = {
    node: process.version,
    runs: RUNS,
    coldRuns: COLD_RUNS,
    bindings: bindings.skipped ? { skipped: bindings.skipped } : { package: `${BINDINGS.name}@${BINDINGS.version}` },
    teamApp: team.skipped ? { skipped: team.skipped } : { project: team.cwd },
    labels: { warm: labels(apps), cold: labels(coldApps) },
    warm,
    cold,
    comparisons,
  };
  writeFileSync(process.env.BENCH_JSON, `${JSON.stringify(result, null, 2)}\n`);
}
