/**
 * A synth loads the optional parts of the pattern only when they are asked for: the consumer fleet (with the
 * Container Instances bindings, the largest of all) and the scheduled reconciler (Resource Scheduler bindings and the
 * reconciler's code) cost every synth of a stack without them their load time otherwise. Checked in a real synth of
 * the sample stack's module, loaded through tsx module by module in its own process (as a team's app loads the
 * compiled package, module by module), from Node's module cache after it. main.ts loads the same modules as one
 * bundle, where a module required lazily is still run only when first required (source-bundle.test.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const repoRoot = join(__dirname, '..', '..');
const OPTIONAL = ['container-instances-container-instance', 'claim-check-consumer-fleet.ts', 'resource-scheduler-schedule', 'claim-check-scheduled-reconciler.ts'];

/** The OPTIONAL modules in the module cache after the sample stack's module synthesized the sample with `env`. */
function optionalModulesLoaded(env: Record<string, string>): string[] {
  const out = mkdtempSync(join(tmpdir(), 'lazy-synth-'));
  try {
    const preload = join(__dirname, '..', 'helpers', 'print-module-cache.cjs');
    const sampleStack = join(repoRoot, 'lib', 'sample', 'claim-check-sample-stack.ts');
    const script = `require(${JSON.stringify(sampleStack)}).synthSampleApp(${JSON.stringify(out)}, process.env)`;
    const stdout = execFileSync(process.execPath, ['--import', 'tsx', '--require', preload, '-e', script], {
      cwd: repoRoot,
      env: { ...process.env, ...env, CHECKPOINT_DISABLE: '1' },
      encoding: 'utf8',
    });
    const loaded: string[] = JSON.parse(stdout.trim().split('\n').pop() as string);
    return OPTIONAL.filter((name) => loaded.some((file) => file.includes(name)));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

test('the sample without a consumer fleet loads neither the fleet nor the reconciler', () => {
  expect(optionalModulesLoaded({})).toEqual([]);
});

test('with a fleet handler, the fleet and its bindings are loaded (and the reconciler still is not)', () => {
  const handler = join(repoRoot, 'examples', 'handlers', 'record-size-and-sha256.ts');
  expect(optionalModulesLoaded({ CLAIMCHECK_FLEET_HANDLER: handler })).toEqual(['container-instances-container-instance', 'claim-check-consumer-fleet.ts']);
});
