/**
 * Which stack the local circuit runs (lib/local/user-app.ts): `--app` over `cdktf.json` over the sample stack, the
 * app run the way the cdktf CLI runs it, and the stack picked from what it synthesized, every problem named.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, TerraformStack } from 'cdktf';
import { Bucket, ClaimCheckPipeline, oci } from '../../lib';
import { pickStack, resolveStackSource, StackSourceError, synthesizeUserApp } from '../../lib/local/user-app';

let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'user-app-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

describe('resolveStackSource', () => {
  test('--app wins over cdktf.json, whose context and output still apply; cdktf.json alone gives its app; neither: the sample stack', () => {
    expect(resolveStackSource({}, work)).toEqual({ kind: 'sample' });
    writeFileSync(join(work, 'cdktf.json'), JSON.stringify({ language: 'typescript', app: 'npx ts-node main.ts', output: 'out', context: { team: 'billing' } }));
    expect(resolveStackSource({ stack: 'invoices' }, work)).toEqual({
      kind: 'app',
      command: 'npx ts-node main.ts',
      origin: join(work, 'cdktf.json'),
      cwd: work,
      stack: 'invoices',
      pipeline: undefined,
      context: { team: 'billing' },
      output: 'out',
    });
    expect(resolveStackSource({ app: 'node synth.js', pipeline: 'Invoices' }, work)).toMatchObject({ kind: 'app', command: 'node synth.js', origin: '--app', pipeline: 'Invoices', output: 'out' });
  });

  test('names what is wrong', () => {
    expect(() => resolveStackSource({ stack: 'x' }, work)).toThrow('--stack picks from your app: give --app "<command>" or run where your cdktf.json is');
    writeFileSync(join(work, 'cdktf.json'), '{"language": "typescript"}');
    expect(() => resolveStackSource({}, work)).toThrow(`${join(work, 'cdktf.json')} has no "app" command (the command that synthesizes the app); add one or give --app`);
    writeFileSync(join(work, 'cdktf.json'), '{ not json');
    expect(() => resolveStackSource({}, work)).toThrow(StackSourceError);
    expect(() => resolveStackSource({}, work)).toThrow(/cdktf\.json is not JSON/);
  });
});

/** Real synthesized stacks (as `cdktf synth` writes them): one with a pipeline, one with a bucket only. */
function synthesizeStacks(outdir: string, stacks: Record<string, 'pipeline' | 'bucket'>): void {
  const app = new App({ outdir });
  for (const [name, kind] of Object.entries(stacks)) {
    const stack = new TerraformStack(app, name);
    new oci.provider.OciProvider(stack, 'oci', { region: 'eu-frankfurt-1' });
    const compartmentId = 'ocid1.compartment.oc1..aaaaaaaateamcompartment';
    if (kind === 'bucket') new Bucket(stack, 'Shared', { compartmentId, bucketName: `${name}-shared` });
    else {
      new ClaimCheckPipeline(stack, 'Invoices', {
        compartmentId,
        subnetIds: ['ocid1.subnet.oc1.eu-frankfurt-1.aaaaaaaateamsubnet'],
        tenancyId: 'ocid1.tenancy.oc1..aaaaaaaateamtenancy',
        region: 'eu-frankfurt-1',
        observability: false,
        bucketProps: { bucketName: `${name}-invoices` },
      });
    }
  }
  app.synth();
}

describe('synthesizeUserApp', () => {
  /**
   * A stand-in for the team's app: copies stacks synthesized beforehand into CDKTF_OUTDIR (as `app.synth()` would)
   * and records what it was run with.
   */
  function fakeApp(stacks: Record<string, 'pipeline' | 'bucket'>): string {
    const prepared = join(work, 'prepared');
    synthesizeStacks(prepared, stacks);
    const script = join(work, 'fake-app.js');
    writeFileSync(
      script,
      [
        "const { cpSync, writeFileSync } = require('node:fs');",
        `cpSync(${JSON.stringify(prepared)}, process.env.CDKTF_OUTDIR, { recursive: true });`,
        "writeFileSync('seen.json', JSON.stringify({ cwd: process.cwd(), outdir: process.env.CDKTF_OUTDIR, context: process.env.CDKTF_CONTEXT_JSON, hcl: process.env.SYNTH_HCL_OUTPUT, tfVar: process.env.TF_VAR_secret ?? null, nodeOptions: process.env.NODE_OPTIONS ?? null }));",
        "console.log('synth says hello');",
      ].join('\n'),
    );
    return `${JSON.stringify(process.execPath)} ${JSON.stringify(script)}`;
  }

  test("runs the command as the cdktf CLI does (project dir, CDKTF_OUTDIR, context, JSON, no TF_VAR_*) and picks the one stack with a pipeline", async () => {
    const command = fakeApp({ shared: 'bucket', invoices: 'pipeline' });
    const project = join(work, 'project');
    mkdirSync(project);
    const output: string[] = [];
    const stack = await synthesizeUserApp(
      { kind: 'app', command, cwd: project, origin: '--app', context: { team: 'billing' } },
      { outdir: join(work, 'data', 'cdktf.out'), env: { ...process.env, TF_VAR_secret: 'plan only', NODE_OPTIONS: '' }, onOutput: (chunk) => output.push(chunk) },
    );
    expect(stack.name).toBe('invoices');
    expect(stack.file).toBe(join(work, 'data', 'cdktf.out', 'stacks', 'invoices', 'cdk.tf.json'));
    expect(Object.keys(stack.json.resource.oci_functions_function)).toHaveLength(1);
    expect(JSON.parse(readFileSync(join(project, 'seen.json'), 'utf8'))).toEqual({
      cwd: project,
      outdir: join(work, 'data', 'cdktf.out'),
      context: '{"team":"billing"}',
      hcl: 'false',
      tfVar: null,
      nodeOptions: '--max-old-space-size=4096',
    });
    expect(output.join('')).toContain('synth says hello');
  });

  test('a failing command, one that writes nothing, and an app without a pipeline are named', async () => {
    const outdir = join(work, 'out');
    const app = (command: string) => synthesizeUserApp({ kind: 'app', command, cwd: work, origin: 'cdktf.json' }, { outdir });
    const node = JSON.stringify(process.execPath);
    await expect(app(`${node} -e "console.error('tsc: main.ts(3,1): error'); process.exit(3)"`)).rejects.toThrow(
      /^The app command `.*` \(cdktf\.json\) failed \(exit code 3\) in .*:\ntsc: main\.ts\(3,1\): error$/,
    );
    await expect(app(`${node} -e "0"`)).rejects.toThrow(/wrote no manifest\.json to .*out \(CDKTF_OUTDIR\) or .*cdktf\.out: does it call app\.synth\(\)\?/);
    await expect(app(fakeApp({ shared: 'bucket' }))).rejects.toThrow(
      "No stack of the app has a ClaimCheckPipeline (its stacks: shared (no pipeline)); the local circuit runs one pipeline's stack",
    );
  });
});

describe('pickStack', () => {
  test('--stack picks; without it several stacks with a pipeline are refused, naming them', () => {
    const outdir = join(work, 'out');
    synthesizeStacks(outdir, { invoices: 'pipeline', reports: 'pipeline', shared: 'bucket' });
    const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8'));
    const stacks = Object.keys(manifest.stacks).map((name) => ({ name, json: JSON.parse(readFileSync(join(outdir, 'stacks', name, 'cdk.tf.json'), 'utf8')), file: name }));
    expect(() => pickStack(stacks, { command: 'app' })).toThrow(
      'Several stacks of the app have a ClaimCheckPipeline: invoices (pipeline Invoices); reports (pipeline Invoices); pick one with --stack NAME',
    );
    expect(pickStack(stacks, { command: 'app', stack: 'reports' }).name).toBe('reports');
    expect(() => pickStack(stacks, { command: 'app', stack: 'payroll' })).toThrow(
      'The app has no stack "payroll"; its stacks: invoices (pipeline Invoices); reports (pipeline Invoices); shared (no pipeline)',
    );
  });
});
