/**
 * Runs the real `terraform` CLI on parts of a synthesized stack that need no provider (variables, locals, outputs
 * computed from them), offline: `terraform init -backend=false` then `plan`/`validate` in a fresh temp dir.
 * The oci provider binary is not available here, so resources and data sources are never included.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** The terraform binary on PATH (or /usr/local/bin), or undefined when it is not installed. */
export function findTerraform(): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/local/bin'];
  return dirs.map((dir) => join(dir, 'terraform')).find((candidate) => candidate.startsWith('/') && existsSync(candidate));
}

export interface TerraformRun {
  readonly status: number | null;
  /** stdout and stderr together, without colours. */
  readonly output: string;
}

/**
 * Writes `doc` as main.tf.json into a new temp dir, runs `terraform init -backend=false`, then `terraform <command>`
 * with `args`; returns the second command's exit status and output. Throws if init fails.
 */
export function runTerraform(terraform: string, doc: object, command: 'plan' | 'validate', args: string[] = []): TerraformRun {
  const dir = mkdtempSync(join(tmpdir(), 'claimcheck-tf-'));
  // No update check, no CLI config of this machine (plugin mirrors...), no prompts: the same on every machine.
  const env = { ...process.env, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1', TF_INPUT: '0', TF_CLI_CONFIG_FILE: '/dev/null' };
  const run = (cmdArgs: string[]) => {
    const result = spawnSync(terraform, cmdArgs, { cwd: dir, env, encoding: 'utf8', timeout: 60_000 });
    return { status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}` };
  };
  try {
    writeFileSync(join(dir, 'main.tf.json'), JSON.stringify(doc, null, 2));
    const init = run(['init', '-backend=false', '-input=false', '-no-color']);
    if (init.status !== 0) throw new Error(`terraform init failed:\n${init.output}`);
    const extra = command === 'plan' ? ['-input=false', '-lock=false'] : [];
    return run([command, '-no-color', ...extra, ...args]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
