// Benchmark of the claim-check function, run as the Fn agent runs it (FN_FORMAT=http-stream over a unix socket).
//
//   npm run bench:function        (plain `node bench/function.mjs`; loopback only, bounded, < 1 minute)
//
// Prints:
//   1. bundle size of our function vs a bare FDK hello-world (bench/hello-fdk.js), both bundled by
//      lib/bundling/bundle-function.ts with the same pinned esbuild options;
//   2. cold start (process spawn → FDK socket ready), median of N runs, ours vs hello-world;
//   3. events/s through the FDK socket into the local Streaming emulator (signed requests, resource principal
//      auth), for our function (clients created once per container) vs a variant built with the benchmark-only
//      define __BENCH_REUSE_CLIENTS__=false (a new auth provider + StreamClient per invocation).
//
// The TypeScript helpers (bundler, emulator) are loaded through tsx's CommonJS API, so the script needs nothing
// but `node`.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const tsx = require('tsx/cjs/api');
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const loadTs = (relative) => tsx.require(path.join(repoRoot, relative), import.meta.url);

const COLD_START_RUNS = 10;
const WARMUP_EVENTS = 20;
const THROUGHPUT_SECONDS = 4; // per variant
const THROUGHPUT_MAX_EVENTS = 5_000;
const STREAM_ID = 'ocid1.stream.oc1.iad.benchclaimcheck';

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

/** Spawns a bundle like the Fn agent; resolves once lsnr.sock exists, with the time it took. */
async function startFunction(bundle, env) {
  const dir = fs.mkdtempSync(path.join(work, 'fn-'));
  const socketPath = path.join(dir, 'lsnr.sock');
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [bundle], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', ...env, FN_FORMAT: 'http-stream', FN_LISTENER: `unix:${socketPath}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let output = '';
  child.stdout.on('data', (d) => { if (output.length < 20_000) output += d; });
  child.stderr.on('data', (d) => { if (output.length < 20_000) output += d; });
  let exited = false;
  child.on('exit', () => { exited = true; children.delete(child); });
  while (!fs.existsSync(socketPath)) {
    if (exited) throw new Error(`function exited before listening:\n${output}`);
    if (Number(process.hrtime.bigint() - started) > 10e9) throw new Error('function did not listen within 10 s');
    await new Promise((r) => setImmediate(r));
  }
  const readyMs = Number(process.hrtime.bigint() - started) / 1e6;
  return {
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

function eventFor(i) {
  const raw = JSON.parse(fs.readFileSync(path.join(repoRoot, '__tests__/fixtures/events/oci-createobject.json'), 'utf8'));
  const name = `incoming/bench/${String(i).padStart(6, '0')} Résumé.pdf`;
  raw.eventID = `bench-${i}`;
  raw.data.resourceName = name;
  raw.data.resourceId = `/n/exampletenantns/b/landing-bucket/o/${name}`;
  return JSON.stringify(raw);
}

async function coldStart(bundle, env) {
  const times = [];
  for (let i = 0; i < COLD_START_RUNS; i++) {
    const fn = await startFunction(bundle, env);
    times.push(fn.readyMs);
    await fn.stop();
  }
  return median(times);
}

async function throughput(bundle, env, label) {
  const fn = await startFunction(bundle, env);
  try {
    for (let i = 0; i < WARMUP_EVENTS; i++) {
      const r = await invoke(fn.socketPath, eventFor(i), `warm-${i}`);
      if (r.status !== 200 || !r.body.includes('"published"')) {
        throw new Error(`${label}: warm-up invocation failed: ${r.status} ${r.body}\n${fn.output()}`);
      }
    }
    let count = 0;
    const start = process.hrtime.bigint();
    const limitNs = BigInt(THROUGHPUT_SECONDS * 1e9);
    while (process.hrtime.bigint() - start < limitNs && count < THROUGHPUT_MAX_EVENTS) {
      const r = await invoke(fn.socketPath, eventFor(WARMUP_EVENTS + count), `bench-${count}`);
      if (r.status !== 200) throw new Error(`${label}: invocation ${count} failed: ${r.status} ${r.body}`);
      count += 1;
    }
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    return { events: count, seconds, perSecond: count / seconds };
  } finally {
    await fn.stop();
  }
}

async function main() {
  const t0 = Date.now();
  console.log(`node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'})\n`);

  // 1. Bundles.
  const ours = bundleFunction({ entry: defaultFunctionEntry(), outFile: path.join(work, 'ours', 'func.js') });
  const noReuse = bundleFunction({
    entry: defaultFunctionEntry(),
    outFile: path.join(work, 'no-reuse', 'func.js'),
    define: { __BENCH_REUSE_CLIENTS__: 'false' },
  });
  const hello = bundleFunction({ entry: path.join(repoRoot, 'bench', 'hello-fdk.js'), outFile: path.join(work, 'hello', 'func.js') });
  console.log('Bundle size (minified, esbuild, cjs/node20)');
  console.log(`  claim-check function  ${fmtBytes(ours.bytes)}  sha256 ${ours.sha256.slice(0, 12)}`);
  console.log(`  FDK hello-world       ${fmtBytes(hello.bytes)}`);
  console.log(`  ratio                 ${(ours.bytes / hello.bytes).toFixed(1)}x\n`);

  // 2. Cold start. The function builds its clients lazily, so start-up needs no config beyond the Fn env.
  const coldOurs = await coldStart(ours.outFile, {});
  const coldHello = await coldStart(hello.outFile, {});
  console.log(`Cold start (spawn → socket ready), median of ${COLD_START_RUNS}`);
  console.log(`  claim-check function  ${coldOurs.toFixed(1)} ms`);
  console.log(`  FDK hello-world       ${coldHello.toFixed(1)} ms`);
  console.log(`  ratio                 ${(coldOurs / coldHello).toFixed(2)}x\n`);

  // 3. Throughput into the local Streaming emulator, signed with a throwaway resource principal.
  const emulators = loadTs('lib/emulators/index.ts');
  const { StreamingEmulator, createIssuerKeyPair, createLocalResourcePrincipal } = emulators;
  const issuer = createIssuerKeyPair();
  const emu = await StreamingEmulator.start({
    streams: [{ id: STREAM_ID, name: 'bench', partitions: 4 }],
    port: 0,
    auth: { issuerPublicKey: issuer.publicKeyPem },
  });
  try {
    const principal = createLocalResourcePrincipal({ issuer, region: 'us-ashburn-1' });
    const env = { ...principal.env, STREAM_OCID: STREAM_ID, STREAM_ENDPOINT: emu.endpoint, OCI_AUTH: 'resource_principal' };
    const reused = await throughput(ours.outFile, env, 'reuse');
    const fresh = await throughput(noReuse.outFile, env, 'no-reuse');
    const stored = (await emu.readAll(STREAM_ID)).length;
    console.log(`Throughput, sequential invocations (the Fn agent sends one at a time per container), ${THROUGHPUT_SECONDS} s each`);
    console.log(`  clients reused (production)        ${reused.perSecond.toFixed(0)} events/s  (${reused.events} events)`);
    console.log(`  new StreamClient per invocation    ${fresh.perSecond.toFixed(0)} events/s  (${fresh.events} events)`);
    console.log(`  ratio                              ${(reused.perSecond / fresh.perSecond).toFixed(2)}x`);
    console.log(`  messages in the emulator           ${stored} (expected ${reused.events + fresh.events + 2 * WARMUP_EVENTS})\n`);
  } finally {
    await emu.stop();
  }
  console.log(`done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
