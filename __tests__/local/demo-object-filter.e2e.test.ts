/**
 * `claimcheck demo --object-filter`: the sample stack synthesized with an object filter, run on the local circuit.
 * The rule condition (matched by the Events emulator) drops what it can express; the function drops the excluded
 * rest; exactly the matching files are claimed and processed, the others are counted as filtered, nothing is lost.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const BIN = join(__dirname, '..', '..', 'bin', 'claimcheck.ts');
const { CLAIMCHECK_PARTITIONS: _unused, ...env } = process.env;

test('only the files the filter includes become claims and are processed; the rest are filtered, none lost', () => {
  // 30 generated files, 3 of each name pattern (lib/local/demo-files.ts). Included: incoming/…pdf and every .txt
  // (ünïcødé/…, hash/…, question/…), minus hash/… (an exclude: only the function can apply it).
  const filter = { include: [{ prefix: 'incoming/' }, { suffix: '.txt' }], exclude: [{ prefix: 'hash/' }] };
  const result = spawnSync(process.execPath, ['--import', 'tsx', BIN, 'demo', '--files', '30', '--consumers', '1', '--object-filter', JSON.stringify(filter), '--json'], {
    encoding: 'utf8',
    timeout: 120000,
    env,
  });
  expect(result.stderr).toMatch(/21 of 30 uploads are excluded by the object filter/);
  expect(result.status).toBe(0);
  expect(JSON.parse(result.stdout.trim().split('\n').pop()!)).toEqual({ uploaded: 30, filtered: 21, published: 9, processed: 9, skipped: 0, deadLettered: 0, lost: 0 });
}, 150000);

test('a bad --object-filter exits 2 naming the pattern', () => {
  const result = spawnSync(process.execPath, ['--import', 'tsx', BIN, 'demo', '--object-filter', '{"include":[{}]}'], { encoding: 'utf8', timeout: 60000, env });
  expect(result.status).toBe(2);
  expect(result.stderr).toMatch(/--object-filter\.include\[0\]: give a prefix, a suffix or a wildcard/);
});
