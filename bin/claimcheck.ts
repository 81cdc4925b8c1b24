#!/usr/bin/env node
/**
 * claimcheck: the package's command line.
 *
 *   claimcheck demo  [--files N] [--from-dir DIR] [--consumers K] [--json] [--data DIR] [--timeout SECONDS]
 *   claimcheck local [--data DIR] [--port N]
 *   claimcheck emulators [--stream ID:PARTITIONS]... [--bucket NAME]... (just the emulators; see lib/emulators)
 *   claimcheck consume   (internal: one consumer process of the demo, configured by CLAIMCHECK_CONSUMER_CONFIG)
 */
import { parseArgs, ParseArgsConfig } from 'node:util';
import { runDemo } from '../lib/local/demo';
import { runLocal } from '../lib/local/local-command';
import { runDemoConsumer } from '../lib/local/demo-consumer';
import { decimalIntegerFlag, runEmulatorsFromArgs, UsageError } from '../lib/emulators/cli';

const USAGE = `Usage:
  claimcheck demo  [--files N] [--from-dir DIR] [--consumers K] [--json] [--data DIR] [--timeout SECONDS]
      Synthesizes the sample stack, starts the local Object Storage, Events and Streaming emulators, the real
      function bundle and K consumer processes, uploads N files (default 100) or every file under DIR, and
      prints what happened. Exits 0 only if no file was lost.
  claimcheck local [--data DIR] [--port N]
      The same circuit, left running, with its endpoints and credentials printed. With --port, Object Storage
      listens on N and Streaming on N+1 (default: free ports).
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
        },
        strict: true,
      });
      const files = positiveInt(values.files!, '--files');
      const consumers = positiveInt(values.consumers!, '--consumers');
      const timeoutSeconds = positiveInt(values.timeout!, '--timeout');
      const summary = await runDemo({ files, fromDir: values['from-dir'], consumers, json: values.json!, dataDir: values.data, timeoutSeconds });
      return summary.lost === 0 ? 0 : 1;
    }
    case 'local': {
      const { values } = parseFlags({ args: rest, options: { data: { type: 'string' }, port: { type: 'string' } }, strict: true });
      // Object Storage on N, Streaming on N+1.
      const port = values.port === undefined ? undefined : decimalIntegerFlag(values.port, '--port', { min: 1, max: 65534 }, USAGE);
      await runLocal({ dataDir: values.data, port });
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
    if (error instanceof UsageError) process.stderr.write(`claimcheck: ${error.message}\n${error.usage}`);
    else process.stderr.write(`claimcheck: ${(error as Error).stack ?? error}\n`);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
