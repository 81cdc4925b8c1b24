#!/usr/bin/env node
// The local circuit at scale: `claimcheck demo --files N --function-concurrency C` for each N and C, timed here, with
// the demo process's peak RSS (it hosts the three emulators, the uploader and the outcome tracking; the function
// containers and consumers are processes of their own, whose memory does not grow with N). Prints files/s and peak
// RSS per run, then two ratios from this same run: files/s with C containers ÷ files/s with one (the Events emulator
// delivering to containers side by side, as OCI runs them), and peak RSS at the largest N ÷ at the smallest. The
// emulators and the Events queue keep bounded memory. The demo process's live heap (after a full GC) grows by ~2 KB a
// file until it holds the function containers' last 5,000 log lines each (~20k files with 4 containers), then by
// ~0.2 KB a file: its per-file outcome bookkeeping, how it tells which file was lost or processed twice. Peak RSS, which
// also keeps what V8 and malloc do not return, was 290 / 397 / 694 MiB at 1k / 10k / 100k files (2026-12-03).
//
// Here the emulators answer at once and everything shares this machine's two cores, so the circuit is bound by CPU
// and containers side by side can only share them. In OCI each call crosses a network and each container has its own
// share of CPU: a container spends its call waiting. A second series shows that case: the same demo with
// `--service-latency` (every Object Storage and Streaming call waits that long first), where containers overlap
// their waits and files/s grows with them.
//
//   npm run bench:circuit
//   BENCH_CIRCUIT_FILES=1000,10000,100000   file counts (default 1000,10000)
//   BENCH_CIRCUIT_CONCURRENCY=1,4           function containers (default 1,4)
//   BENCH_CIRCUIT_LATENCY_MS=50             the service latency of the second series (default 50; 0: no second series)
//   BENCH_CIRCUIT_LATENCY_FILES=1000        file counts of the second series (default 1000)
//   BENCH_JSON=file                         also write the figures as JSON (bench/run-all.mjs)
//
// Nothing here is asserted anywhere: a benchmark reports, tests check behaviour.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const list = (text, fallback) => (text || fallback).split(',').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n) && n > 0);
const FILES = list(process.env.BENCH_CIRCUIT_FILES, '1000,10000');
const CONCURRENCY = list(process.env.BENCH_CIRCUIT_CONCURRENCY, '1,4');
const LATENCY_MS = Number(process.env.BENCH_CIRCUIT_LATENCY_MS ?? 50);
const LATENCY_FILES = list(process.env.BENCH_CIRCUIT_LATENCY_FILES, '1000');

/** One demo run: resolves with seconds, the JSON summary and the demo process's peak RSS (MiB). */
function demo(files, concurrency, latencyMs = 0) {
  const data = mkdtempSync(join(tmpdir(), 'bench-circuit-'));
  const args = [
    '--require', join(root, 'bench', 'rss-reporter.cjs'),
    '--import', 'tsx',
    join(root, 'bin', 'claimcheck.ts'),
    'demo', '--files', String(files), '--json', '--data', data,
    '--function-concurrency', String(concurrency),
    '--service-latency', String(latencyMs),
    '--timeout', String(Math.max(600, Math.ceil(files / 5))),
  ];
  const started = process.hrtime.bigint();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => {
      stderr += d;
      if (stderr.length > 1_000_000) stderr = stderr.slice(-200_000);
    });
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      rmSync(data, { recursive: true, force: true });
      const last = stdout.trim().split('\n').reverse().find((l) => l.startsWith('{'));
      const rssKb = Number(/BENCH_MAX_RSS_KB=(\d+)/.exec(stderr)?.[1] ?? NaN);
      resolve({ files, concurrency, latencyMs, code, seconds, summary: last ? JSON.parse(last) : null, peakRssMiB: rssKb / 1024, tail: code === 0 ? '' : stderr.slice(-2000) });
    });
  });
}

const rows = [];
const series = [...FILES.map((files) => ({ files, latencyMs: 0 })), ...(LATENCY_MS > 0 ? LATENCY_FILES.map((files) => ({ files, latencyMs: LATENCY_MS })) : [])];
for (const { files, latencyMs } of series) {
  for (const concurrency of CONCURRENCY) {
    const run = await demo(files, concurrency, latencyMs);
    const processed = run.summary?.processed ?? 0;
    run.filesPerSecond = processed / run.seconds;
    rows.push(run);
    console.log(
      `${String(files).padStart(7)} files, ${String(concurrency).padStart(2)} containers${latencyMs ? `, every service call ${latencyMs} ms` : ''}: ` +
        `${run.seconds.toFixed(1)} s, ${run.filesPerSecond.toFixed(1)} files/s, peak RSS ${run.peakRssMiB.toFixed(0)} MiB, ` +
        `processed ${processed}, lost ${run.summary?.lost ?? 'n/a'}${run.code === 0 ? '' : ` (exit ${run.code})\n${run.tail}`}`,
    );
  }
}

const byKey = (files, concurrency, latencyMs = 0) => rows.find((r) => r.files === files && r.concurrency === concurrency && r.latencyMs === latencyMs);
const ratios = [];
const low = Math.min(...CONCURRENCY);
const high = Math.max(...CONCURRENCY);
if (high > low) {
  for (const { files, latencyMs } of series) {
    const a = byKey(files, low, latencyMs);
    const b = byKey(files, high, latencyMs);
    const where = latencyMs ? `, every service call ${latencyMs} ms` : '';
    if (a && b) ratios.push({ name: `files/s, ${high} containers ÷ ${low}, ${files} files${where}`, ratio: b.filesPerSecond / a.filesPerSecond, latencyMs });
  }
}
const smallest = Math.min(...FILES);
const largest = Math.max(...FILES);
if (largest > smallest) {
  for (const concurrency of CONCURRENCY) {
    const a = byKey(smallest, concurrency);
    const b = byKey(largest, concurrency);
    if (a && b) ratios.push({ name: `peak RSS, ${largest} files ÷ ${smallest} files, ${concurrency} containers`, ratio: b.peakRssMiB / a.peakRssMiB });
  }
}
console.log('\nratios (same run):');
for (const r of ratios) console.log(`  ${r.name}: ${r.ratio.toFixed(2)}×`);
if (process.env.BENCH_JSON) writeFileSync(process.env.BENCH_JSON, JSON.stringify({ rows: rows.map(({ tail, ...r }) => r), ratios }, null, 2));
process.exitCode = rows.every((r) => r.code === 0 && r.summary?.lost === 0) ? 0 : 1;
