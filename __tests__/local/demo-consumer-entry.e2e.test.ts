/**
 * `claimcheck demo --consumer-entry examples/handlers/record-size-and-sha256.ts`, as a team runs it before deploying:
 * the fleet's bundled entry as the consumer processes (resource principal auth, verified by the emulators), or with
 * `--serverless` the serverless consumer's function fed by the Connector Hub emulator. Every file is processed (once,
 * in the serverless path), the demo's own accounting sees the handler read every byte (no checksum mismatch), and
 * the handler's records are in the consumer state bucket with each file's size and SHA-256.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BucketStore } from '../../lib/emulators/objectstorage/bucket-store';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'claimcheck.ts');
const EXAMPLE = join(ROOT, 'examples', 'handlers', 'record-size-and-sha256.ts');
const { CLAIMCHECK_PARTITIONS: _unused, CLAIMCHECK_FLEET_HANDLER: _none, ...env } = process.env;
const FILES = 12;

/** Objects of a bucket in the demo's kept state (the emulator's own store), name → content. */
function bucketContents(data: string, bucket: string): Map<string, Buffer> {
  const store = BucketStore.open(join(data, 'objectstorage', 'objectstorage', 'localtenancy'), { name: bucket });
  const contents = new Map([...store.list()].map(({ name }) => [name, readFileSync(store.dataPath(store.get(name)!))]));
  store.close();
  return contents;
}

function runDemo(...extra: string[]): { summary: Record<string, number>; stdout: string; data: string } {
  const data = mkdtempSync(join(tmpdir(), 'demo-entry-'));
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', BIN, 'demo', '--files', String(FILES), '--consumers', '2', '--json', '--timeout', '120', '--data', data, '--consumer-entry', EXAMPLE, ...extra],
    { encoding: 'utf8', timeout: 180_000, env },
  );
  expect({ status: result.status, stderr: result.status === 0 ? '' : result.stderr.slice(-3000) }).toEqual({ status: 0, stderr: '' });
  return { summary: JSON.parse(result.stdout.trim().split('\n').pop()!), stdout: result.stdout, data };
}

function expectRecordsOfEveryFile(data: string): void {
  const landing = bucketContents(data, 'claimcheck-landing');
  const records = [...bucketContents(data, 'claimcheck-landing-consumer-state')].filter(([name]) => name.startsWith('records/claimcheck-demo/'));
  expect(landing.size).toBe(FILES);
  expect(records).toHaveLength(FILES);
  const byObject = new Map(records.map(([, body]) => JSON.parse(body.toString('utf8'))).map((record) => [record.object, record]));
  for (const [name, content] of landing) {
    expect(byObject.get(name)).toMatchObject({ size: content.length, sha256: createHash('sha256').update(content).digest('hex') });
  }
}

describe('claimcheck demo --consumer-entry', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  test('the fleet entry with the example handler: every file processed, its size and SHA-256 recorded', () => {
    const { summary, stdout, data } = runDemo();
    dirs.push(data);
    expect(summary).toEqual({ uploaded: FILES, filtered: 0, published: FILES, processed: FILES, skipped: 0, deadLettered: 0, lost: 0 });
    expect(stdout).toContain('checksum mismatches: 0');
    expectRecordsOfEveryFile(data);
  }, 200_000);

  test('--serverless: the function under the FDK, fed by the Connector Hub emulator, processes every file once', () => {
    const { summary, stdout, data } = runDemo('--serverless');
    dirs.push(data);
    expect(summary).toEqual({ uploaded: FILES, filtered: 0, published: FILES, processed: FILES, skipped: 0, deadLettered: 0, lost: 0 });
    expect(stdout).toContain('(processed twice: 0; checksum mismatches: 0;');
    expectRecordsOfEveryFile(data);
  }, 200_000);

  test('a handler file the constructs would refuse is a usage error (exit 2), before anything starts', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', BIN, 'demo', '--consumer-entry', join(__dirname, '..', 'pattern', 'fixtures', 'two-exports-handler.ts')], {
      encoding: 'utf8',
      timeout: 60_000,
      env,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--consumer-entry: .*two-exports-handler\.ts exports first, second: name the handler `handler`/);
    const serverlessAlone = spawnSync(process.execPath, ['--import', 'tsx', BIN, 'demo', '--serverless'], { encoding: 'utf8', timeout: 60_000, env });
    expect(serverlessAlone.status).toBe(2);
    expect(serverlessAlone.stderr).toContain('--serverless needs --consumer-entry');
  }, 120_000);
});
