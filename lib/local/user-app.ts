/**
 * The local circuit from a team's own cdktf app instead of the package's sample stack (`claimcheck local --app`,
 * `claimcheck demo --app`, or the `cdktf.json` of the current directory).
 *
 * The app runs the way the cdktf CLI runs it (node_modules/@cdktf/cli-core/src/lib/synth-stack.js, cdktf 0.21):
 * `cdktf.json`'s `app` command through a shell, in the project directory, with `CDKTF_OUTDIR` naming the output
 * directory (cdktf's `App` reads it when no `outdir` is given), `CDKTF_CONTEXT_JSON` holding `cdktf.json`'s
 * `context`, `SYNTH_HCL_OUTPUT=false` (JSON, which the circuit reads), no `TF_VAR_*` variables (they are for plans,
 * not synth) and `NODE_OPTIONS=--max-old-space-size=4096` when NODE_OPTIONS is unset. Then `manifest.json` in the
 * output directory lists the stacks and where each `cdk.tf.json` is.
 *
 * The output directory is the circuit's data dir (`<data>/cdktf.out`), not the project's `output` (`cdktf.out`):
 * a local run never rewrites what `cdktf synth`/`deploy` left there. An app that passes its own `outdir` to `new
 * App()` ignores CDKTF_OUTDIR; then the project's `output` dir is read when the app has just written it.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PipelineInStack, pipelinesInStack } from './stack-topology';

/** Where the circuit's stack comes from. */
export type CircuitStackSource =
  | { readonly kind: 'sample' }
  | {
      readonly kind: 'app';
      /** The command that synthesizes the app (cdktf.json's `app`). */
      readonly command: string;
      /** The project directory the command runs in. */
      readonly cwd: string;
      /** How the command was given, for messages: `--app`, or the cdktf.json file. */
      readonly origin: string;
      /** The stack to run (`--stack`); default: the one stack with a pipeline. */
      readonly stack?: string;
      /** The pipeline to run (`--pipeline`, its construct id) when the stack has several. */
      readonly pipeline?: string;
      /** cdktf.json's `context`, passed as CDKTF_CONTEXT_JSON. */
      readonly context?: Record<string, unknown>;
      /** cdktf.json's `output`, relative to `cwd`. @default 'cdktf.out' */
      readonly output?: string;
    };

export const CDKTF_CONFIG_FILE = 'cdktf.json';

/**
 * A problem with the team's app or stack (no pipeline, a bucket name that is a Terraform reference, a failing synth
 * command…): the CLI prints its message alone, without a stack trace (exit 1).
 */
export class StackSourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StackSourceError';
  }
}

/**
 * Which stack the CLI runs: `--app` wins; else the `cdktf.json` in `cwd`, if there is one; else the package's sample
 * stack. `--stack`/`--pipeline` need an app. Throws naming what is wrong (a cdktf.json that is not JSON or has no app).
 */
export function resolveStackSource(flags: { app?: string; stack?: string; pipeline?: string }, cwd: string = process.cwd()): CircuitStackSource {
  const configFile = join(cwd, CDKTF_CONFIG_FILE);
  const config = existsSync(configFile) ? readCdktfConfig(configFile) : undefined;
  const common = { cwd, stack: flags.stack, pipeline: flags.pipeline, context: config?.context, output: config?.output };
  if (flags.app !== undefined) {
    if (flags.app.trim() === '') throw new StackSourceError('--app must be a command, e.g. --app "npx ts-node main.ts"');
    return { kind: 'app', command: flags.app, origin: '--app', ...common };
  }
  if (config) {
    if (typeof config.app !== 'string' || config.app.trim() === '') throw new StackSourceError(`${configFile} has no "app" command (the command that synthesizes the app); add one or give --app`);
    return { kind: 'app', command: config.app, origin: configFile, ...common };
  }
  if (flags.stack !== undefined || flags.pipeline !== undefined) {
    throw new StackSourceError(`--${flags.stack !== undefined ? 'stack' : 'pipeline'} picks from your app: give --app "<command>" or run where your cdktf.json is`);
  }
  return { kind: 'sample' };
}

function readCdktfConfig(file: string): { app?: unknown; output?: string; context?: Record<string, unknown> } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new StackSourceError(`${file} is not JSON: ${(e as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new StackSourceError(`${file} must be a JSON object`);
  const config = parsed as { app?: unknown; output?: unknown; context?: unknown };
  return {
    app: config.app,
    output: typeof config.output === 'string' && config.output !== '' ? config.output : undefined,
    context: typeof config.context === 'object' && config.context !== null && !Array.isArray(config.context) ? (config.context as Record<string, unknown>) : undefined,
  };
}

/** One stack of the synthesized app, picked for the circuit. */
export interface PickedStack {
  readonly name: string;
  readonly json: any;
  /** Where it was read from. */
  readonly file: string;
}

/**
 * Runs the app's command as the cdktf CLI would, into `outdir`, and returns the stack to run: `source.stack`, or the
 * one stack that has a ClaimCheckPipeline. `onOutput` gets what the command prints (both streams).
 */
export async function synthesizeUserApp(
  source: Extract<CircuitStackSource, { kind: 'app' }>,
  options: { outdir: string; env?: NodeJS.ProcessEnv; onOutput?: (chunk: string) => void },
): Promise<PickedStack> {
  const started = Date.now();
  const outdir = resolve(options.outdir);
  await runAppCommand(source, outdir, options.env ?? process.env, options.onOutput);
  const projectOutdir = resolve(source.cwd, source.output ?? 'cdktf.out');
  // An app with its own `new App({ outdir })` writes there, whatever CDKTF_OUTDIR says.
  const manifestDir = [outdir, projectOutdir].find((dir) => {
    const manifest = join(dir, 'manifest.json');
    return existsSync(manifest) && statSync(manifest).mtimeMs >= started - 1000;
  });
  if (!manifestDir) {
    throw new StackSourceError(
      `The app command \`${source.command}\` (${source.origin}) wrote no manifest.json to ${outdir} (CDKTF_OUTDIR) or ${projectOutdir}: ` +
        'does it call app.synth()? (an `outdir` passed to `new App()` must be the one cdktf.json names)',
    );
  }
  return pickStack(readSynthesizedStacks(manifestDir), source);
}

function runAppCommand(source: Extract<CircuitStackSource, { kind: 'app' }>, outdir: string, baseEnv: NodeJS.ProcessEnv, onOutput?: (chunk: string) => void): Promise<void> {
  const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(baseEnv).filter(([key]) => !key.startsWith('TF_VAR_')));
  env.CDKTF_OUTDIR = outdir;
  env.SYNTH_HCL_OUTPUT = 'false';
  if (source.context !== undefined) env.CDKTF_CONTEXT_JSON = JSON.stringify(source.context);
  if (!env.NODE_OPTIONS) env.NODE_OPTIONS = '--max-old-space-size=4096';
  if (!existsSync(source.cwd)) throw new StackSourceError(`The app's directory ${source.cwd} does not exist`);
  return new Promise<void>((resolvePromise, reject) => {
    const child = spawn(source.command, { shell: true, cwd: source.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let tail = '';
    const collect = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      tail = (tail + text).slice(-4000);
      onOutput?.(text);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', (error) => reject(new StackSourceError(`Cannot run the app command \`${source.command}\` (${source.origin}): ${error.message}`)));
    child.once('close', (code, signal) => {
      if (code === 0) resolvePromise();
      else reject(new StackSourceError(`The app command \`${source.command}\` (${source.origin}) failed (${signal ?? `exit code ${code}`}) in ${source.cwd}:\n${tail.trimEnd()}`));
    });
  });
}

/** The stacks `manifest.json` in `outdir` lists, each with its synthesized JSON. */
export function readSynthesizedStacks(outdir: string): Array<{ name: string; json: any; file: string }> {
  const manifestFile = join(outdir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { stacks?: Record<string, { synthesizedStackPath?: string }> };
  return Object.entries(manifest.stacks ?? {}).map(([name, stack]) => {
    const file = join(outdir, stack.synthesizedStackPath ?? join('stacks', name, 'cdk.tf.json'));
    if (!file.endsWith('.json')) throw new StackSourceError(`The stack ${name} was synthesized as HCL (${file}); the local circuit reads JSON (SYNTH_HCL_OUTPUT=false)`);
    return { name, json: JSON.parse(readFileSync(file, 'utf8')), file };
  });
}

/** `source.stack`, or the one stack with a ClaimCheckPipeline; throws naming the stacks otherwise. */
export function pickStack(stacks: Array<{ name: string; json: any; file: string }>, source: { stack?: string; command: string }): PickedStack {
  const describe = (list: typeof stacks) =>
    list.map((s) => {
      const pipelines: PipelineInStack[] = pipelinesInStack(s.json);
      return pipelines.length === 0 ? `${s.name} (no pipeline)` : `${s.name} (pipeline${pipelines.length > 1 ? 's' : ''} ${pipelines.map((p) => p.id).join(', ')})`;
    });
  if (stacks.length === 0) throw new StackSourceError(`The app \`${source.command}\` synthesized no stack`);
  if (source.stack !== undefined) {
    const stack = stacks.find((s) => s.name === source.stack);
    if (!stack) throw new StackSourceError(`The app has no stack "${source.stack}"; its stacks: ${describe(stacks).join('; ')}`);
    return stack;
  }
  const withPipeline = stacks.filter((s) => pipelinesInStack(s.json).length > 0);
  if (withPipeline.length === 1) return withPipeline[0];
  if (withPipeline.length === 0) {
    throw new StackSourceError(`No stack of the app has a ClaimCheckPipeline (its stacks: ${describe(stacks).join('; ')}); the local circuit runs one pipeline's stack`);
  }
  throw new StackSourceError(`Several stacks of the app have a ClaimCheckPipeline: ${describe(withPipeline).join('; ')}; pick one with --stack NAME`);
}
