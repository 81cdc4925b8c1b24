/**
 * `claimcheck reconcile` as a user runs it (its own process, from source through tsx) against a local circuit in
 * this process (`--data DIR`, whose circuit.json the circuit wrote): exit codes, the --json shape, --dry-run, and a
 * pass killed with SIGKILL mid-listing that the next pass resumes.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CircuitHarness } from '../helpers/circuit-harness';
import { waitFor, withDeadline } from '../helpers/wait-for';
import { uploadFiles } from '../../lib/local/upload-files';
import { positionObjectName } from '../../lib/reconciler';
import { parsePosition, PositionRecord } from '../../lib/reconciler/position-store';
import { newObjectStorageClient } from '../../lib/runtime/oci-sdk-clients';

const BIN = join(__dirname, '..', '..', 'bin', 'claimcheck.ts');

interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The CLI as its own process; asynchronous, so the circuit in this process keeps answering. */
function start(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', BIN, 'reconcile', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const done = new Promise<Run>((resolve) => child.once('close', (status, signal) => resolve({ status, signal, stdout, stderr })));
  return { child, done, stderr: () => stderr };
}
const run = (...args: string[]) => withDeadline(start(args).done, { timeoutMs: 90_000, what: `claimcheck reconcile ${args.join(' ')} to exit` });
const lastJson = (r: Run) => JSON.parse(r.stdout.trim().split('\n').pop()!);

const RESULT_KEYS = [
  'listed', 'alreadyClaimed', 'republished', 'skippedOwnState', 'skippedOutsideHorizon', 'errors',
  'skippedFiltered', 'resumedAfter', 'claimsIndexed', 'partitions', 'since', 'dryRun', 'backfill', 'stopped', 'failure', 'problems',
];

describe('claimcheck reconcile', () => {
  let h: CircuitHarness;
  beforeAll(async () => {
    h = await CircuitHarness.start({ partitions: 2 });
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  /** Files written while object events are off: no claims, as if they predated the pipeline. */
  const uploadWithoutEvents = async (count: number, prefix: string) => {
    const files = h.files(count, prefix);
    h.circuit.setObjectEvents(false);
    try {
      await uploadFiles(h.circuit, files);
    } finally {
      h.circuit.setObjectEvents(true);
    }
    return files.map((f) => f.name);
  };
  const claimsFor = (prefix: string) => h.claimsOnStream().filter((c) => c.claim.data.object.startsWith(prefix));
  const readPosition = async (run: { prefix: string; groups?: string[]; backfill?: boolean }): Promise<PositionRecord | null> => {
    const client = newObjectStorageClient(h.circuit.authProvider(), { endpoint: h.circuit.objectStorage.endpoint });
    const objectName = positionObjectName('claim-check/', { namespace: h.circuit.namespace, bucket: h.circuit.bucketName, prefix: run.prefix, groups: run.groups ?? [], backfill: run.backfill ?? false });
    try {
      const response = await client.getObject({ namespaceName: h.circuit.namespace, bucketName: h.circuit.stateBucketName, objectName });
      const parsed = parsePosition(await new Response(response.value as ReadableStream).text());
      if (typeof parsed === 'string') throw new Error(parsed);
      return parsed;
    } catch (e) {
      if ((e as { statusCode?: number }).statusCode === 404) return null;
      throw e;
    } finally {
      client.close();
    }
  };

  test('bad command lines exit 2 with the problem and the usage, no stack trace', async () => {
    const cases: Array<[string[], string | RegExp]> = [
      [[], 'reconcile needs a target'],
      [['--data', h.dataDir, '--bucket', 'b'], '--data (the local circuit) and --bucket (OCI) do not go together'],
      [['--stream-id', 'ocid1.stream.oc1..x', '--bucket', 'b'], '--messages-endpoint is required'],
      [['--stream-id', 's', '--messages-endpoint', 'https://x', '--bucket', 'b', '--group', 'g'], '--group needs --state-bucket'],
      [['--data', h.dataDir, '--page-size', '1e2'], '--page-size must be a decimal integer from 1 to 1000, got "1e2"'],
      [['--data', h.dataDir, '--retention-hours', '12'], '--retention-hours must be a decimal integer from 24 to 168, got "12"'],
      [['--data', h.dataDir, '--since', 'yesterday'], '--since must be an RFC 3339 date-time'],
      [['--data', h.dataDir, '--frobnicate'], /Unknown option '--frobnicate'/],
    ];
    // Two at a time: the machine is shared.
    const runs: Run[] = [];
    for (let i = 0; i < cases.length; i += 2) runs.push(...(await Promise.all(cases.slice(i, i + 2).map(([args]) => run(...args)))));
    runs.forEach((r, i) => {
      expect({ args: cases[i][0], status: r.status, stdout: r.stdout }).toEqual({ args: cases[i][0], status: 2, stdout: '' });
      expect(r.stderr).toMatch(cases[i][1]);
      expect(r.stderr).toContain('claimcheck reconcile [--group NAME]...');
      expect(r.stderr).not.toMatch(/^\s+at /m);
    });
  }, 120_000);

  test('exit 3 when something was (or, with --dry-run, would be) republished, 0 when nothing; --json is the whole result', async () => {
    const names = await uploadWithoutEvents(6, 'cli');

    const dry = await run('--data', h.dataDir, '--prefix', 'cli/', '--dry-run', '--json');
    expect(dry.status).toBe(3);
    expect(dry.stdout.trim().split('\n')).toHaveLength(1);
    const dryResult = lastJson(dry);
    expect(Object.keys(dryResult)).toEqual(RESULT_KEYS);
    expect(dryResult).toMatchObject({ listed: 6, alreadyClaimed: 0, republished: 6, errors: 0, dryRun: true, failure: null, partitions: 2, resumedAfter: null });
    // A dry run publishes nothing and keeps no position.
    expect(claimsFor('cli/')).toEqual([]);
    expect(await readPosition({ prefix: 'cli/' })).toBeNull();

    const real = await run('--data', h.dataDir, '--prefix', 'cli/', '--json');
    expect({ status: real.status, result: lastJson(real) }).toMatchObject({ status: 3, result: { listed: 6, republished: 6, dryRun: false } });
    expect(claimsFor('cli/').map((c) => [c.claim.data.object, c.claim.claimorigin]).sort()).toEqual(names.map((n) => [n, 'reconcile']).sort());
    expect(await readPosition({ prefix: 'cli/' })).toMatchObject({ done: true, after: [...names].sort(byUtf8).pop() });

    const again = await run('--data', h.dataDir, '--prefix', 'cli/');
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/already claimed\s+6/);
    expect(again.stdout).toMatch(/republished\s+0/);

    const backfill = await run('--data', h.dataDir, '--prefix', 'cli/', '--backfill', '--json');
    expect({ status: backfill.status, result: lastJson(backfill) }).toMatchObject({ status: 3, result: { republished: 6, backfill: true, since: null } });
    expect(claimsFor('cli/').filter((c) => c.claim.claimorigin === 'backfill')).toHaveLength(6);
  }, 120_000);

  test('exit 1 when the pass cannot run: no circuit there', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'claimcheck-nocircuit-'));
    const r = await run('--data', empty, '--json');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`No local circuit in ${empty}`);
  });

  test('a pass killed with SIGKILL mid-listing: the next pass resumes after the last page it finished', async () => {
    const names = (await uploadWithoutEvents(60, 'kill')).sort(byUtf8);
    // 5 names a page, 2 pages a second: about 6 s of listing, a progress line every second.
    const first = start(['--data', h.dataDir, '--prefix', 'kill/', '--page-size', '5', '--pages-per-second', '2', '--json']);
    await waitFor(async () => /reconcile \d+s: listed [1-9]/.test(first.stderr()) && (await readPosition({ prefix: 'kill/' }))?.after, {
      timeoutMs: 60_000,
      intervalMs: 50,
      what: 'the first pass to print a progress line and save a position',
      state: () => first.stderr().slice(-500),
    });
    first.child.kill('SIGKILL');
    const killed = await withDeadline(first.done, { what: 'the killed pass to exit' });
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.stdout).toBe(''); // it never got to its summary

    const saved = (await readPosition({ prefix: 'kill/' }))!;
    expect(saved.done).toBe(false);
    const remaining = names.filter((n) => byUtf8(n, saved.after!) > 0);
    expect(remaining.length).toBeGreaterThan(0);
    expect(remaining.length).toBeLessThan(60);

    const second = await run('--data', h.dataDir, '--prefix', 'kill/', '--json');
    expect(second.status).toBe(3);
    const result = lastJson(second);
    // It listed only what came after the saved position...
    expect(result).toMatchObject({ resumedAfter: saved.after, listed: remaining.length, errors: 0 });
    // ...and between the two passes every file got its claim, none twice (the killed pass's last page, published
    // but not recorded, was on the stream when the second pass read it).
    const claimed = claimsFor('kill/').map((c) => c.claim.data.object).sort(byUtf8);
    expect(claimed).toEqual(names);
    expect(await readPosition({ prefix: 'kill/' })).toMatchObject({ done: true, after: names[names.length - 1] });
    // A finished pass is not resumed: the next one starts at the beginning.
    expect(lastJson(await run('--data', h.dataDir, '--prefix', 'kill/', '--json'))).toMatchObject({ resumedAfter: null, listed: 60, republished: 0 });
  }, 120_000);
});

/** Object Storage lists names in UTF-8 byte order. */
function byUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
