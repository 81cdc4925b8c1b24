#!/usr/bin/env node
/**
 * claimcheck: the package's command line.
 *
 *   claimcheck demo  [--files N] [--from-dir DIR] [--consumers K] [--json] [--data DIR] [--timeout SECONDS]
 *                    [--drop-events SHARE] [--preload N] [--backfill] [--consumer-entry HANDLER.ts [--serverless]]
 *                    [--object-filter JSON] [--app COMMAND] [--stack NAME] [--pipeline ID] [--function-concurrency N]
 *                    [--service-latency MS]
 *   claimcheck local [--data DIR] [--port N] [--app COMMAND] [--stack NAME] [--pipeline ID] [--function-concurrency N]
 *   claimcheck reconcile [--group NAME]... [--prefix P] [--since TIME] [--dry-run] [--backfill] [--json] ...
 *   claimcheck emulators [--stream ID:PARTITIONS]... [--bucket NAME]... (just the emulators; see lib/emulators)
 *   claimcheck consume   (internal: one consumer process of the demo, configured by CLAIMCHECK_CONSUMER_CONFIG)
 */
import { parseArgs, ParseArgsConfig } from 'node:util';
import { runDemo } from '../lib/local/demo';
import { runLocal } from '../lib/local/local-command';
import { runDemoConsumer } from '../lib/local/demo-consumer';
import { runReconcileCommand } from '../lib/local/reconcile-command';
import { isRfc3339DateTime, ObjectFilter, objectFilterProblems } from '../lib/contract';
import { decimalIntegerFlag, runEmulatorsFromArgs, UsageError } from '../lib/emulators/cli';
import { handlerExportProblem } from '../lib/bundling/handler-entry';
import { CircuitStackSource, resolveStackSource, StackSourceError } from '../lib/local/user-app';

const USAGE = `Usage:
  claimcheck demo  [--files N] [--from-dir DIR] [--consumers K] [--json] [--data DIR] [--timeout SECONDS]
                   [--drop-events SHARE] [--preload N] [--backfill] [--consumer-entry HANDLER.ts [--serverless]]
                   [--object-filter JSON] [--app COMMAND] [--stack NAME] [--pipeline ID] [--function-concurrency N]
                   [--service-latency MS]
      Synthesizes the stack (see "Which stack" below), starts the local Object Storage, Events and Streaming
      emulators, the real function bundle and K consumer processes, uploads N files (default 100) or every file
      under DIR to the pipeline's bucket, and prints what happened. Exits 0 only if no file was lost.
      --object-filter '{"include":[{"prefix":"in/"}],"exclude":[{"suffix":".tmp"}]}' synthesizes the sample stack
      with that object filter: the uploads it excludes are counted as filtered (no claim), the rest must be
      processed (your app's stack counts by its own objectFilters; a different --object-filter is refused).
      --drop-events 0.2 loses that share of the object events (the same files each run); --preload N puts N
      files in the bucket before the pipeline starts (no events); with either, or --backfill, the reconciler
      runs once the event path is done (a backfill with --backfill) and brings the missing files in.
      --consumer-entry runs your claim handler file as the consumers, bundled the way ClaimCheckConsumerFleet
      deploys it (K processes, resource principal auth); with --serverless, the way ClaimCheckServerlessConsumer
      does (its function under the FDK, fed by the Connector Hub emulator).
      --service-latency 50 makes every call to the emulated Object Storage and Streaming wait 50 ms first, as a
      call to a region does: the emulators otherwise answer at once, and more containers or consumers then only
      share this machine's cores.
  claimcheck local [--data DIR] [--port N] [--app COMMAND] [--stack NAME] [--pipeline ID] [--function-concurrency N]
      The same circuit, left running, with its endpoints and credentials printed. With --port, Object Storage
      listens on N and Streaming on N+1 (default: free ports).
    Which stack (demo and local): --app "npx ts-node main.ts" synthesizes your cdktf app with that command, the
      way cdktf synth runs it (in this directory, CDKTF_OUTDIR set; the output goes to the data dir); without
      --app, the "app" of ./cdktf.json; without either, the package's sample stack. --stack NAME picks the stack
      when several have a ClaimCheckPipeline, --pipeline ID (its construct id) the pipeline when a stack has
      several. Bucket names and partitions come from that stack; --object-filter sets only the sample stack's.
    --function-concurrency N (demo and local): the publisher function runs in N containers side by side, each
      taking one call at a time as Fn does, and the Events emulator delivers up to N events at once (default 4).
  claimcheck reconcile [--group NAME]... [--prefix P] [--since TIME] [--dry-run] [--backfill] [--json]
                       [--data DIR | --stream-id OCID --messages-endpoint URL --bucket NAME [--namespace NS]
                        [--state-bucket NAME] [--config-file FILE] [--profile NAME] [--region ID]
                        [--object-storage-endpoint URL]]
                       [--retention-hours H] [--partitions N] [--position-file FILE] [--page-size N]
                       [--pages-per-second N]
      Lists the bucket and publishes a claim check for every object whose current version has no claim on the
      stream that the groups will read (--backfill: for every object). Against the local circuit of
      \`claimcheck local --data DIR\`, or OCI with an API key profile. --since: an RFC 3339 time or a duration
      (90m, 36h, 7d; default: the stream's retention minus 1 h). Exits 0 when nothing was republished (or, with
      --dry-run, would be), 3 when something was, 1 on errors.
  claimcheck emulators [--stream ID:PARTITIONS]... [--bucket NAME[:versioned]]... [--namespace NS] [--port N]
                       [--data DIR] [--auth keys|none] [--json]
      Only the Object Storage and/or Streaming emulators, for your own tests.
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'demo': {
      const { values } = parseFlags({
        args: rest,
        options: {
          files: { type: 'string', default: '100' },
          'from-dir': { type: 'string' },
          consumers: { type: 'string', default: '2' },
          json: { type: 'boolean', default: false },
          data: { type: 'string' },
          timeout: { type: 'string', default: '300' },
          'drop-events': { type: 'string' },
          preload: { type: 'string' },
          backfill: { type: 'boolean', default: false },
          'consumer-entry': { type: 'string' },
          serverless: { type: 'boolean', default: false },
          'object-filter': { type: 'string' },
          'function-concurrency': { type: 'string' },
          'service-latency': { type: 'string' },
          ...STACK_FLAGS,
        },
        strict: true,
      });
      const objectFilter = values['object-filter'] === undefined ? undefined : objectFilterFlag(values['object-filter']);
      const consumerEntry = values['consumer-entry'] === undefined ? undefined : handlerEntryFlag(values['consumer-entry']);
      if (values.serverless && consumerEntry === undefined) throw new UsageError('--serverless needs --consumer-entry (the handler the serverless consumer runs)', USAGE);
      const files = positiveInt(values.files!, '--files');
      const consumers = positiveInt(values.consumers!, '--consumers');
      const timeoutSeconds = positiveInt(values.timeout!, '--timeout');
      const dropEvents = values['drop-events'] === undefined ? undefined : shareFlag(values['drop-events'], '--drop-events');
      const preload = values.preload === undefined ? undefined : positiveInt(values.preload, '--preload');
      const functionConcurrency = functionConcurrencyFlag(values['function-concurrency']);
      const serviceLatencyMs =
        values['service-latency'] === undefined ? undefined : decimalIntegerFlag(values['service-latency'], '--service-latency', { min: 0, max: 60_000 }, USAGE);
      const summary = await runDemo({
        files,
        fromDir: values['from-dir'],
        consumers,
        json: values.json!,
        dataDir: values.data,
        timeoutSeconds,
        dropEvents,
        preload,
        backfill: values.backfill!,
        consumerEntry,
        serverless: values.serverless!,
        objectFilter,
        functionConcurrency,
        serviceLatencyMs,
        stack: stackSourceFlags(values),
      });
      return summary.lost === 0 ? 0 : 1;
    }
    case 'reconcile':
      return reconcile(rest);
    case 'local': {
      const { values } = parseFlags({
        args: rest,
        options: { data: { type: 'string' }, port: { type: 'string' }, 'function-concurrency': { type: 'string' }, ...STACK_FLAGS },
        strict: true,
      });
      // Object Storage on N, Streaming on N+1.
      const port = values.port === undefined ? undefined : decimalIntegerFlag(values.port, '--port', { min: 1, max: 65534 }, USAGE);
      await runLocal({ dataDir: values.data, port, stack: stackSourceFlags(values), functionConcurrency: functionConcurrencyFlag(values['function-concurrency']) });
      return 0;
    }
    case 'emulators': {
      const running = await runEmulatorsFromArgs(rest);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await running.stop();
      return 0;
    }
    case 'consume':
      await runDemoConsumer();
      return 0;
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      process.stdout.write(USAGE);
      return command === undefined ? 2 : 0;
    default:
      throw new UsageError(`Unknown command "${command}".`, USAGE);
  }
}

/** `claimcheck reconcile`: flags → lib/local/reconcile-command.ts (exit 0 / 3 / 1). */
async function reconcile(args: string[]): Promise<number> {
  const { values } = parseFlags({
    args,
    options: {
      group: { type: 'string', multiple: true, default: [] },
      prefix: { type: 'string' },
      since: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      backfill: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      data: { type: 'string' },
      'stream-id': { type: 'string' },
      'messages-endpoint': { type: 'string' },
      bucket: { type: 'string' },
      namespace: { type: 'string' },
      'state-bucket': { type: 'string' },
      'config-file': { type: 'string' },
      profile: { type: 'string' },
      region: { type: 'string' },
      'object-storage-endpoint': { type: 'string' },
      'retention-hours': { type: 'string' },
      partitions: { type: 'string' },
      'position-file': { type: 'string' },
      'page-size': { type: 'string' },
      'pages-per-second': { type: 'string' },
    },
    strict: true,
  });
  const ociFlags = ['stream-id', 'messages-endpoint', 'bucket', 'namespace', 'state-bucket', 'config-file', 'profile', 'region', 'object-storage-endpoint'] as const;
  const given = ociFlags.filter((flag) => values[flag] !== undefined);
  if (values.data !== undefined && given.length > 0) throw new UsageError(`--data (the local circuit) and --${given[0]} (OCI) do not go together.`, USAGE);
  if (values.data === undefined && given.length === 0) {
    throw new UsageError('reconcile needs a target: --data DIR of a running `claimcheck local --data DIR`, or --stream-id, --messages-endpoint and --bucket for OCI.', USAGE);
  }
  if (values.group!.some((group) => group === '')) throw new UsageError('--group must not be empty', USAGE);
  const oci =
    values.data === undefined
      ? {
          streamId: requiredFlag(values['stream-id'], '--stream-id'),
          messagesEndpoint: requiredFlag(values['messages-endpoint'], '--messages-endpoint'),
          bucket: requiredFlag(values.bucket, '--bucket'),
          namespace: values.namespace,
          stateBucket: values['state-bucket'],
          configFile: values['config-file'],
          profile: values.profile,
          region: values.region,
          objectStorageEndpoint: values['object-storage-endpoint'],
        }
      : undefined;
  if (oci && values.group!.length > 0 && oci.stateBucket === undefined) {
    throw new UsageError("--group needs --state-bucket (the consumers' state bucket, where their progress records are)", USAGE);
  }
  const optionalInt = (text: string | undefined, flag: string, min: number, max = Number.MAX_SAFE_INTEGER) =>
    text === undefined ? undefined : decimalIntegerFlag(text, flag, { min, max }, USAGE);
  const options = {
    dataDir: values.data,
    oci,
    groups: values.group!,
    prefix: values.prefix,
    since: values.since === undefined ? undefined : sinceFlag(values.since),
    retentionHours: optionalInt(values['retention-hours'], '--retention-hours', 24, 168),
    dryRun: values['dry-run']!,
    backfill: values.backfill!,
    json: values.json!,
    partitions: optionalInt(values.partitions, '--partitions', 1),
    positionFile: values['position-file'],
    pageSize: optionalInt(values['page-size'], '--page-size', 1, 1000),
    pagesPerSecond: optionalInt(values['pages-per-second'], '--pages-per-second', 0),
  };
  // SIGINT/SIGTERM: stop at the next page boundary with the position saved (a second signal kills the default way).
  const stop = new AbortController();
  process.once('SIGINT', () => stop.abort());
  process.once('SIGTERM', () => stop.abort());
  return runReconcileCommand({ ...options, signal: stop.signal });
}

function requiredFlag(value: string | undefined, flag: string): string {
  if (value === undefined || value === '') throw new UsageError(`${flag} is required for OCI (or give --data DIR for the local circuit)`, USAGE);
  return value;
}

/** A share from 0 to 1 in plain decimal notation: `0`, `0.2`, `1`, `1.0` (no `.2`, `2e-1`, `20%`). */
function shareFlag(text: string, flag: string): number {
  const value = /^[01](\.[0-9]+)?$/.test(text) ? Number(text) : NaN;
  if (!(value >= 0 && value <= 1)) throw new UsageError(`${flag} must be a decimal number from 0 to 1 (e.g. 0.2), got "${text}"`, USAGE);
  return value;
}

/** `--since`: an RFC 3339 date-time, or a duration before now in decimal digits and one unit: 90m, 36h, 7d. */
function sinceFlag(text: string): Date {
  const duration = /^([0-9]+)([smhd])$/.exec(text);
  if (duration) {
    const unitMs = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[duration[2] as 's' | 'm' | 'h' | 'd'];
    return new Date(Date.now() - Number(duration[1]) * unitMs);
  }
  if (isRfc3339DateTime(text)) return new Date(text);
  throw new UsageError(`--since must be an RFC 3339 date-time (2026-12-01T08:00:00Z) or a duration (90m, 36h, 7d), got "${text}"`, USAGE);
}

/** `--consumer-entry`: a handler file that exists and exports one recognisable handler (checked without running it). */
function handlerEntryFlag(file: string): string {
  const problem = handlerExportProblem(file);
  if (problem !== null) throw new UsageError(`--consumer-entry: ${problem}`, USAGE);
  return file;
}

/** `--function-concurrency N` of demo and local: 1 to 64 containers (each one process with its own SDK clients). */
function functionConcurrencyFlag(text: string | undefined): number | undefined {
  return text === undefined ? undefined : decimalIntegerFlag(text, '--function-concurrency', { min: 1, max: 64 }, USAGE);
}

/** `--app`, `--stack`, `--pipeline` of demo and local: which stack the circuit runs (lib/local/user-app.ts). */
const STACK_FLAGS = { app: { type: 'string' }, stack: { type: 'string' }, pipeline: { type: 'string' } } as const;

/** The stack source from those flags and ./cdktf.json; a flag without an app to apply to is a usage error. */
function stackSourceFlags(values: { app?: string; stack?: string; pipeline?: string }): CircuitStackSource {
  if (values.app !== undefined && values.app.trim() === '') throw new UsageError('--app must be a command, e.g. --app "npx ts-node main.ts"', USAGE);
  if (values.app === undefined && (values.stack !== undefined || values.pipeline !== undefined) && resolveStackSource({}).kind === 'sample') {
    throw new UsageError(`--${values.stack !== undefined ? 'stack' : 'pipeline'} picks from your app: give --app "<command>" or run where your cdktf.json is`, USAGE);
  }
  return resolveStackSource(values);
}

/** parseArgs, with its errors (unknown flag, missing value) reported as usage errors (exit 2). */
function parseFlags<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new UsageError((error as Error).message, USAGE);
  }
}

/** A count: decimal digits only (no 1e2, 0x10, 1.5), at least 1. */
function positiveInt(text: string, flag: string): number {
  return decimalIntegerFlag(text, flag, { min: 1, max: Number.MAX_SAFE_INTEGER }, USAGE);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    // A usage error (bad command, flag or value, here or in the emulators' flags): the problem, the usage, exit 2.
    // Anything else is a failure while running: the stack, exit 1.
    // A problem with the team's app or stack (no pipeline, a failing synth command…) is reported by its message.
    if (error instanceof UsageError) process.stderr.write(`claimcheck: ${error.message}\n${error.usage}`);
    else if (error instanceof StackSourceError) process.stderr.write(`claimcheck: ${error.message}\n`);
    else process.stderr.write(`claimcheck: ${(error as Error).stack ?? error}\n`);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);

/** `--object-filter`: a JSON object filter, every problem named (exit 2). */
function objectFilterFlag(text: string): ObjectFilter {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`--object-filter is not JSON: ${(e as Error).message}`, USAGE);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new UsageError('--object-filter must be a JSON object {"include"?: [...], "exclude"?: [...]}', USAGE);
  const problems = objectFilterProblems(parsed as ObjectFilter, '--object-filter');
  if (problems.length > 0) throw new UsageError(problems.map((p) => `${p.path}: ${p.rule}`).join('; '), USAGE);
  return parsed as ObjectFilter;
}
