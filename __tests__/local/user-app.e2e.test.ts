/**
 * The local circuit from a team's own app, as the team runs it: a temp project with its own `main.ts` (a stack with
 * a ClaimCheckPipeline of its own bucket name and partition count, and a stack without a pipeline) and its own
 * `cdktf.json`, driven through the `claimcheck` command line from that directory.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as common from 'oci-common';
import * as streaming from 'oci-streaming';
import { newObjectStorageClient, newStreamClient } from '../../lib/runtime/oci-sdk-clients';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'claimcheck.ts');
const APP = `${JSON.stringify(process.execPath)} --import tsx main.ts`;
const { CLAIMCHECK_PARTITIONS: _partitions, CLAIMCHECK_BUCKET_NAME: _bucket, CLAIMCHECK_OBJECT_FILTERS: _filters, ...env } = process.env;

let project: string;
let child: ChildProcess | undefined;

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'claimcheck-team-app-'));
  // The project's dependencies: this checkout's (cdktf, constructs, tsx); the construct library by its path.
  symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'), 'dir');
  writeFileSync(
    join(project, 'main.ts'),
    `import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { Bucket, ClaimCheckPipeline, oci } from ${JSON.stringify(join(ROOT, 'lib'))};

const compartmentId = 'ocid1.compartment.oc1..aaaaaaaateamcompartment';

class InvoicesStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new oci.provider.OciProvider(this, 'oci', { region: 'eu-frankfurt-1' });
    new ClaimCheckPipeline(this, 'Invoices', {
      compartmentId,
      subnetIds: ['ocid1.subnet.oc1.eu-frankfurt-1.aaaaaaaateamsubnet'],
      tenancyId: 'ocid1.tenancy.oc1..aaaaaaaateamtenancy',
      region: 'eu-frankfurt-1',
      bucketProps: { bucketName: 'team-invoices' },
      streamProps: { partitions: 3 },
    });
  }
}

class SharedStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new oci.provider.OciProvider(this, 'oci', { region: 'eu-frankfurt-1' });
    new Bucket(this, 'Archive', { compartmentId, bucketName: 'team-archive' });
  }
}

const app = new App();
new SharedStack(app, 'shared');
new InvoicesStack(app, 'invoices');
app.synth();
`,
  );
  writeFileSync(join(project, 'cdktf.json'), JSON.stringify({ language: 'typescript', app: APP, projectId: 'team-app', context: {} }, null, 2));
});

afterAll(() => {
  child?.kill('SIGKILL');
  rmSync(project, { recursive: true, force: true });
});

function claimcheck(args: string[], cwd = project): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const run = spawn(process.execPath, ['--import', 'tsx', BIN, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    run.stdout.on('data', (chunk) => (stdout += chunk));
    run.stderr.on('data', (chunk) => (stderr += chunk));
    run.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

test('claimcheck demo --app ... --json runs the team stack (its bucket, its partitions) and processes every file', async () => {
  const result = await claimcheck(['demo', '--app', APP, '--files', '6', '--consumers', '2', '--json', '--timeout', '240']);
  expect({ code: result.code, stderr: result.code === 0 ? '' : result.stderr.slice(-3000) }).toEqual({ code: 0, stderr: '' });
  expect(result.stderr).toContain(`synthesizing your app: ${APP} (--app)`);
  expect(result.stderr).toMatch(/stack invoices, pipeline Invoices \(your app: .*, from --app\): bucket team-invoices, 3 partitions/);
  expect(JSON.parse(result.stdout.trim().split('\n').pop()!)).toEqual({ uploaded: 6, filtered: 0, published: 6, processed: 6, skipped: 0, deadLettered: 0, lost: 0 });
}, 300_000);

test('claimcheck local --app ... prints the team stack\'s endpoints and bucket, and an upload there becomes a claim', async () => {
  const dataDir = join(project, 'local-data');
  child = spawn(process.execPath, ['--import', 'tsx', BIN, 'local', '--app', APP, '--data', dataDir], { cwd: project, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let printed = '';
  let errors = '';
  child.stdout!.on('data', (chunk) => (printed += chunk));
  child.stderr!.on('data', (chunk) => (errors += chunk));
  const deadline = Date.now() + 180_000;
  while (!printed.includes('Try it:')) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`claimcheck local did not start:\n${printed}\n${errors.slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const field = (pattern: RegExp) => printed.match(pattern)?.[1] ?? fail(`nothing matches ${pattern} in:\n${printed}`);
  expect(field(/stack\s+(invoices, pipeline Invoices) \(your app/)).toBe('invoices, pipeline Invoices');
  const bucket = field(/; bucket (\S+) \(object events on\)/);
  expect(bucket).toBe('team-invoices');
  expect(field(/consumer state bucket (\S+)/)).toBe('team-invoices-consumer-state');
  const partitions = Number(field(/, (\d+) partitions/));
  expect(partitions).toBe(3);

  // The endpoints work, and the team stack's rule condition (its bucket name) turns the upload into a claim.
  const auth = new common.ConfigFileAuthenticationDetailsProvider(field(/OCI config file\s+(\S+)/), 'DEFAULT');
  const storage = newObjectStorageClient(auth, { endpoint: field(/Object Storage\s+(http:\/\/\S+)/) });
  await storage.putObject({ namespaceName: field(/namespace (\S+);/), bucketName: bucket, objectName: 'invoice-1.pdf', putObjectBody: 'pdf', contentLength: 3 });
  storage.close();
  const stream = newStreamClient(auth, field(/Streaming\s+(http:\/\/\S+)/));
  const streamId = field(/stream (ocid1\.stream\S+),/);
  const claims: Array<{ data: { bucket: string; object: string } }> = [];
  while (claims.length === 0 && Date.now() < deadline) {
    for (let p = 0; p < partitions; p++) {
      const cursor = await stream.createCursor({ streamId, createCursorDetails: { partition: String(p), type: streaming.models.CreateCursorDetails.Type.TrimHorizon } });
      const got = await stream.getMessages({ streamId, cursor: cursor.cursor.value });
      claims.push(...got.items.map((m) => JSON.parse(Buffer.from(m.value, 'base64').toString('utf8'))));
    }
    if (claims.length === 0) await new Promise((r) => setTimeout(r, 100));
  }
  stream.close();
  expect(claims.map((c) => [c.data.bucket, c.data.object])).toEqual([['team-invoices', 'invoice-1.pdf']]);

  const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
  child.kill('SIGINT');
  expect(await exited).toBe(0);
}, 300_000);

test('problems with the app are named, without a stack trace', async () => {
  const failing = await claimcheck(['local', '--app', `${JSON.stringify(process.execPath)} -e "console.error('main.ts: cannot find ClaimCheckPipelin'); process.exit(3)"`]);
  expect(failing.code).toBe(1);
  // What the command printed is shown as it runs ([synth]) and again in the error.
  expect(failing.stderr).toMatch(/\nclaimcheck: The app command `.*` \(--app\) failed \(exit code 3\) in .*:\nmain\.ts: cannot find ClaimCheckPipelin\n$/);
  expect(failing.stderr).not.toMatch(/^\s+at /m);

  const wrongStack = await claimcheck(['local', '--stack', 'payroll']);
  expect(wrongStack.code).toBe(1);
  expect(wrongStack.stderr).toMatch(/\nclaimcheck: The app has no stack "payroll"; its stacks: invoices \(pipeline Invoices\); shared \(no pipeline\)\n$/);
  expect(wrongStack.stderr).not.toMatch(/^\s+at /m);

  // --stack without an app to pick from (no --app, no cdktf.json here) is a usage error.
  const elsewhere = join(project, 'no-cdktf-json');
  mkdirSync(elsewhere);
  const usage = await claimcheck(['demo', '--stack', 'invoices'], elsewhere);
  expect(usage.code).toBe(2);
  expect(usage.stderr).toContain('claimcheck: --stack picks from your app: give --app "<command>" or run where your cdktf.json is\nUsage:');
}, 300_000);

function fail(message: string): never {
  throw new Error(message);
}
