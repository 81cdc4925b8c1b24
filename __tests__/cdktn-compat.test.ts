/**
 * cdktn (the community fork that carries cdktf on since HashiCorp archived it) as the runtime: the sample stack,
 * the generated bindings and the docker provider all run on cdktn through the alias a user would set up, and the
 * result is the same Terraform JSON as on cdktf, schema-valid, apart from the version stamp.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SAMPLE_STACK_NAME, synthSampleApp } from '../lib/sample/claim-check-sample-stack';
import { validateTerraformJson, loadOciProviderSchema } from '../lib/testing';

const ROOT = join(__dirname, '..');

describe('cdktn compatibility', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'claimcheck-cdktn-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('the sample stack synthesized on cdktn equals the cdktf one except the version stamp, and is schema-valid', () => {
    const script = `
      const runtime = require.resolve('cdktf');
      require(${JSON.stringify(join(ROOT, 'lib', 'sample', 'claim-check-sample-stack.ts'))}).synthSampleApp(process.argv[1], {});
      console.log(JSON.stringify({ runtime, version: require('cdktf/package.json').version }));`;
    const out = execFileSync(process.execPath, ['-r', join(__dirname, 'helpers', 'cdktf-as-cdktn.js'), '--import', 'tsx', '-e', script, join(dir, 'cdktn')], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const { runtime, version } = JSON.parse(out.trim().split('\n').pop()!);
    expect(runtime).toContain(join('node_modules', 'cdktn'));
    expect(version).toBe(require('cdktn/package.json').version);

    synthSampleApp(join(dir, 'cdktf'), {});
    const read = (flavour: string) => JSON.parse(readFileSync(join(dir, flavour, 'stacks', SAMPLE_STACK_NAME, 'cdk.tf.json'), 'utf8'));
    const onCdktn = read('cdktn');
    const onCdktf = read('cdktf');
    expect(onCdktn['//'].metadata.version).toBe(version);
    expect(onCdktf['//'].metadata.version).toBe(require('cdktf/package.json').version);
    delete onCdktn['//'].metadata.version;
    delete onCdktf['//'].metadata.version;
    expect(onCdktn).toEqual(onCdktf);
    expect(validateTerraformJson(onCdktn, loadOciProviderSchema())).toEqual([]);
  });
});
