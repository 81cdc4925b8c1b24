#!/usr/bin/env node
// Wall time and peak memory of synthesizing the sample stack, by app command:
//   tsx main.ts           (cdktf.json's app: no build step, esbuild transpiles on the fly)
//   node dist/main.js     (compiled JS; needs `npm run build` first, done here if missing)
//   tsc + node            (what a ts-node-style "type-check then run" app pays on every synth)
// Each runs RUNS times into a temp outdir; the median is printed, with ratios against tsx.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.BENCH_RUNS || 5);
const reporter = join(root, 'bench', 'rss-reporter.cjs');
const tscBin = join(root, 'node_modules', 'typescript', 'bin', 'tsc');

function run(args, env = {}) {
  const outdir = mkdtempSync(join(tmpdir(), 'bench-synth-'));
  const start = process.hrtime.bigint();
  const res = spawnSync(process.execPath, args, {
    cwd: root,
    env: { ...process.env, CDKTF_OUTDIR: outdir, CHECKPOINT_DISABLE: '1', ...env },
    encoding: 'utf8',
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  rmSync(outdir, { recursive: true, force: true });
  if (res.status !== 0) throw new Error(`${args.join(' ')} failed:\n${res.stderr}`);
  const rss = Number(/BENCH_MAX_RSS_KB=(\d+)/.exec(res.stderr)?.[1] ?? NaN);
  return { ms, rssMb: rss / 1024 };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function measure(name, fn) {
  fn(); // warm the OS file cache
  const samples = Array.from({ length: RUNS }, fn);
  return { name, ms: median(samples.map((s) => s.ms)), rssMb: Math.max(...samples.map((s) => s.rssMb)) };
}

if (!existsSync(join(root, 'dist', 'main.js'))) {
  console.error('dist/main.js missing: building with tsc...');
  const build = spawnSync(process.execPath, [tscBin, '-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(1);
}

const results = [
  measure('tsx main.ts (cdktf.json app)', () => run(['--require', reporter, '--import', 'tsx', 'main.ts'])),
  measure('node dist/main.js (compiled)', () => run(['--require', reporter, 'dist/main.js'])),
  measure('tsc, then node dist/main.js', () => {
    const t = run([tscBin, '-p', 'tsconfig.json']);
    const s = run(['--require', reporter, 'dist/main.js']);
    return { ms: t.ms + s.ms, rssMb: Math.max(s.rssMb, t.rssMb || 0) };
  }),
];

const base = results[0];
console.log(`Synthesizing the sample stack (${RUNS} runs each, median wall time, peak RSS)`);
console.log('app command                        wall ms   peak MB   time vs tsx');
for (const r of results) {
  console.log(`${r.name.padEnd(34)} ${r.ms.toFixed(0).padStart(7)}   ${r.rssMb.toFixed(0).padStart(7)}   ${(r.ms / base.ms).toFixed(2)}x`);
}
console.log('Full-provider comparison: not measurable offline (only the trimmed oracle/oci schema is available here).');
