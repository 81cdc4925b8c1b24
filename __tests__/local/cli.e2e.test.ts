/** The `claimcheck` command line as a user runs it (from source, through tsx). */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = join(__dirname, '..', '..', 'bin', 'claimcheck.ts');
const { CLAIMCHECK_PARTITIONS: _unused, ...env } = process.env;
const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', BIN, ...args], { encoding: 'utf8', timeout: 120000, env });

describe('claimcheck CLI', () => {
  test('demo --json: the last line is exactly the summary, nothing lost, exit 0', () => {
    const result = run('demo', '--files', '12', '--consumers', '2', '--json');
    expect(result.stderr).toMatch(/claimcheck demo: 12 files, 2 consumers/);
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(JSON.parse(lines[lines.length - 1])).toEqual({ uploaded: 12, filtered: 0, published: 12, processed: 12, skipped: 0, deadLettered: 0, lost: 0 });
    expect(Object.keys(JSON.parse(lines[lines.length - 1]))).toEqual(['uploaded', 'filtered', 'published', 'processed', 'skipped', 'deadLettered', 'lost']);
  });

  test('demo --from-dir uploads every file under the directory, named by its relative path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimcheck-fromdir-'));
    try {
      mkdirSync(join(dir, 'reports', 'q3 2026'), { recursive: true });
      writeFileSync(join(dir, 'reports', 'q3 2026', 'summary #1.txt'), 'hello');
      writeFileSync(join(dir, 'top.csv'), 'a,b\n1,2\n');
      const result = run('demo', '--from-dir', dir, '--consumers', '1', '--json');
      expect(result.status).toBe(0);
      const summary = JSON.parse(result.stdout.trim().split('\n').pop()!);
      expect(summary).toMatchObject({ uploaded: 2, filtered: 0, published: 2, processed: 2, lost: 0 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('bad flags and unknown commands exit 2 with a message naming the problem and the usage, no stack trace', () => {
    const usageError = (result: ReturnType<typeof run>, problem: string | RegExp, usage: string) => {
      expect({ status: result.status, stdout: result.stdout }).toEqual({ status: 2, stdout: '' });
      expect(result.stderr).toMatch(problem);
      expect(result.stderr).toContain(usage);
      expect(result.stderr).not.toMatch(/^\s+at /m);
    };
    // One case per place a usage error can come from (the emulators' flags are covered in full in emulators/cli.test.ts).
    usageError(run('deploy'), 'Unknown command "deploy"', 'Usage:\n  claimcheck demo');
    usageError(run('demo', '--bogus'), /Unknown option '--bogus'/, 'Usage:\n  claimcheck demo');
    // Numbers are decimal digits only: Number() would read these as 100 and 16.
    usageError(run('demo', '--files', '1e2'), '--files must be a decimal integer >= 1, got "1e2"', 'Usage:\n  claimcheck demo');
    usageError(run('demo', '--service-latency', '50ms'), '--service-latency must be a decimal integer from 0 to 60000, got "50ms"', 'Usage:\n  claimcheck demo');
    usageError(run('local', '--port', '0x10'), '--port must be a decimal integer from 1 to 65534, got "0x10"', 'Usage:\n  claimcheck demo');
    usageError(run('emulators', '--frobnicate'), /Unknown option '--frobnicate'/, 'Usage: emulators [--stream ID:PARTITIONS]');
    usageError(run('emulators', '--bucket', 'b', '--port', '1e2'), '--port must be a decimal integer from 0 to 65534, got "1e2"', 'Usage: emulators');
  }, 180_000);
});
