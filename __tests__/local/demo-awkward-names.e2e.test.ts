/**
 * `claimcheck demo --from-dir` with a file for every printable ASCII character and Unicode names: the real SDK
 * uploads each (signed, verified by the emulator), the function publishes its claim, a consumer fetches it and
 * checks its SHA-256. Names a Linux file cannot have (containing `/` as a character, `.` and `..`) are covered by
 * __tests__/runtime/sign-what-is-sent.test.ts instead.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PRINTABLE_ASCII, UNICODE_NAMES } from '../runtime/object-name-corpus';

const BIN = join(__dirname, '..', '..', 'bin', 'claimcheck.ts');
const { CLAIMCHECK_PARTITIONS: _unused, ...env } = process.env;

/** Relative paths (object names) a Linux directory can hold: no empty, `.` or `..` segment, at most 255 bytes each. */
function fileNames(): string[] {
  const names = PRINTABLE_ASCII.filter((c) => c !== '/').flatMap((c) => [c, `x${c}y`, `${c}${c}`]);
  names.push(...UNICODE_NAMES, "sub 'dir'/日本/a'b", 'trailing ', ' lead', 'tab\there', '\u007f', "it's here.txt", '%2e', '%27');
  const representable = (name: string) => name.split('/').every((s) => s !== '' && s !== '.' && s !== '..' && Buffer.byteLength(s) <= 255);
  return [...new Set(names)].filter(representable);
}

describe('claimcheck demo with awkward file names', () => {
  test('every printable ASCII character and Unicode names: all uploaded, published and processed, nothing lost', () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimcheck-awkward-'));
    try {
      const names = fileNames();
      // One file per character at least: the 94 printable characters but `/`, and `.` which only exists doubled
      // in other names (a file cannot be named `.` or `..`).
      expect(PRINTABLE_ASCII.filter((c) => !names.includes(c))).toEqual(['.', '/']);
      for (const name of names) {
        mkdirSync(join(dir, dirname(name)), { recursive: true });
        writeFileSync(join(dir, name), `content of ${JSON.stringify(name)}\n`);
      }
      const result = spawnSync(process.execPath, ['--import', 'tsx', BIN, 'demo', '--from-dir', dir, '--consumers', '2', '--json', '--timeout', '150'], {
        encoding: 'utf8',
        timeout: 200000,
        env,
      });
      const lastLine = result.stdout.trim().split('\n').pop()!;
      expect({ status: result.status, stderr: result.status === 0 ? '' : result.stderr.slice(-2000) }).toEqual({ status: 0, stderr: '' });
      expect(JSON.parse(lastLine)).toEqual({
        uploaded: names.length,
        published: names.length,
        processed: names.length,
        filtered: 0,
        skipped: 0,
        deadLettered: 0,
        lost: 0,
      });
      expect(result.stdout).toContain('checksum mismatches: 0');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240000);
});
