/** `claimcheck demo` with lost events and files older than the pipeline: the reconciler brings every file in. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const BIN = join(__dirname, '..', '..', 'bin', 'claimcheck.ts');
const { CLAIMCHECK_PARTITIONS: _unused, ...env } = process.env;
const demo = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', BIN, 'demo', ...args], { encoding: 'utf8', timeout: 180_000, env });
const summaryOf = (stdout: string) => JSON.parse(stdout.trim().split('\n').pop()!);

describe('claimcheck demo with the reconciler', () => {
  test('--drop-events 0.2: files pending after the event path, none lost after the reconciler', () => {
    const r = demo('--files', '40', '--drop-events', '0.2', '--json');
    const pending = /after the event path: (\d+) of 40 files pending \((\d+) object events lost/.exec(r.stderr);
    expect(pending).not.toBeNull();
    expect(Number(pending![1])).toBeGreaterThan(0);
    expect(pending![1]).toBe(pending![2]);
    expect(r.stderr).toMatch(new RegExp(`reconcile: listed 40, already claimed ${40 - Number(pending![1])}, republished ${pending![1]}, errors 0`));
    expect(r.status).toBe(0);
    expect(summaryOf(r.stdout)).toEqual({ uploaded: 40, filtered: 0, published: 40, processed: 40, skipped: 0, deadLettered: 0, lost: 0 });
    expect(r.stdout).toMatch(/processed twice: 0;/);
  }, 200_000);

  test('--preload N --backfill: files put in the bucket before the pipeline are brought in, each processed once', () => {
    const r = demo('--files', '10', '--preload', '6', '--backfill', '--consumers', '1', '--json');
    expect(r.stderr).toContain('preloaded 6 files before the pipeline started (no object events)');
    expect(r.stderr).toMatch(/after the event path: 6 of 16 files pending/);
    expect(r.stderr).toMatch(/reconcile: listed 16, already claimed 0, republished 16, errors 0/);
    expect(r.status).toBe(0);
    // 10 claims from the event path, 16 from the backfill; each file processed once (the rest were duplicates).
    expect(summaryOf(r.stdout)).toEqual({ uploaded: 16, filtered: 0, published: 26, processed: 16, skipped: 0, deadLettered: 0, lost: 0 });
    expect(r.stdout).toMatch(/processed twice: 0;/);
  }, 200_000);

  test('a share that is not a plain decimal from 0 to 1 is a usage error', () => {
    for (const bad of ['1.5', '.2', '2e-1', '20%']) {
      const r = demo('--drop-events', bad);
      expect({ bad, status: r.status }).toEqual({ bad, status: 2 });
      expect(r.stderr).toContain(`--drop-events must be a decimal number from 0 to 1 (e.g. 0.2), got "${bad}"`);
    }
    expect(demo('--preload', '0').stderr).toContain('--preload must be a decimal integer >= 1, got "0"');
  }, 120_000);
});
