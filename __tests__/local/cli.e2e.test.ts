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
    expect(JSON.parse(lines[lines.length - 1])).toEqual({ uploaded: 12, published: 12, processed: 12, skipped: 0, deadLettered: 0, lost: 0 });
    expect(Object.keys(JSON.parse(lines[lines.length - 1]))).toEqual(['uploaded', 'published', 'processed', 'skipped', 'deadLettered', 'lost']);
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
      expect(summary).toMatchObject({ uploaded: 2, published: 2, processed: 2, lost: 0 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('bad flags and unknown commands exit 2 with a message naming the problem', () => {
    const zero = run('demo', '--files', '0');
    expect(zero.status).toBe(2);
    expect(zero.stderr).toContain('--files must be a positive integer, got "0"');
    const unknown = run('deploy');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('Unknown command "deploy"');
    const badFlag = run('demo', '--bogus');
    expect(badFlag.status).toBe(2);
    expect(badFlag.stderr).toMatch(/Unknown option '--bogus'/);
  });
});
