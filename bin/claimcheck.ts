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
import { runEmulatorsFromArgs } from '../lib/emulators/cli';

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
      const port = values.port === undefined ? undefined : positiveInt(values.port, '--port');
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
      process.stderr.write(`Unknown command "${command}".\n${USAGE}`);
      return 2;
  }
}

/** parseArgs, with its errors (unknown flag, missing value) reported as usage errors (exit 2). */
function parseFlags<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
}

function positiveInt(text: string, flag: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new UsageError(`${flag} must be a positive integer, got "${text}"`);
  return value;
}

class UsageError extends Error {}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`claimcheck: ${error instanceof UsageError ? error.message : (error as Error).stack ?? error}\n`);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
