/**
 * Command-line entry for the emulators (the package's `claimcheck` bin calls `runEmulatorsFromArgs`):
 *
 *   --stream ID:PARTITIONS   start the Streaming emulator with this stream (repeatable)
 *   --bucket NAME[:versioned] start the Object Storage emulator with this bucket (repeatable)
 *   --namespace NS           Object Storage namespace (default: localtenancy)
 *   --port N                 first port (0 = any free port; with both emulators Streaming takes N+1)
 *   --data DIR               state directory (default: a temp dir); a restart with the same DIR resumes
 *   --auth keys|none         verify request signatures (default: keys) or not (debugging only)
 *   --json                   print one JSON object instead of text
 *
 * With `--auth keys`, a throwaway API key and identity issuer are kept in DIR/identity/ (reused across restarts)
 * and written out for clients: `oci-config` (an OCI config file with that key, for
 * ConfigFileAuthenticationDetailsProvider) and `resource-principal/` + `resource-principal.env` (the
 * OCI_RESOURCE_PRINCIPAL_* variables, as file paths, for a function run locally).
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ClaimCheckError } from '../runtime/errors';
import type { AuthOptions } from './common/credential-store';
import { resolveDataDir } from './common/state-dir';
import { identityAuthOptions, LocalCredentialFiles, loadOrCreateLocalIdentity, writeCredentialFiles } from './local-identity';
import type { BucketConfig } from './objectstorage/bucket-store';
import { ObjectStorageEmulator } from './objectstorage/objectstorage-emulator';
import type { StreamConfig } from './streaming/emulated-stream';
import { StreamingEmulator } from './streaming/streaming-emulator';

/** Usage text of `claimcheck emulators`. */
export const EMULATORS_USAGE = `Usage: emulators [--stream ID:PARTITIONS]... [--bucket NAME[:versioned]]... [--namespace NS]
                 [--port N] [--data DIR] [--auth keys|none] [--json]
  Starts the local OCI Streaming emulator (when --stream is given) and/or Object Storage emulator (when --bucket
  is given) and prints their endpoints and, with --auth keys, the credentials clients can sign with.
`;

const DEFAULT_NAMESPACE = 'localtenancy';

/**
 * A command line that cannot be run as given (exit 2): names the problem; `usage` is the text to show with it.
 * Code `Usage`; not retriable (the same command line fails the same way).
 */
export class UsageError extends ClaimCheckError {
  public constructor(
    message: string,
    public readonly usage: string,
  ) {
    super(message, { code: 'Usage', retriable: false });
    this.name = 'UsageError';
  }
}

/**
 * A flag's value as a decimal integer in [min, max]: digits only, so `1e2`, `0x10`, `1.0`, `+1`, ` 1` and `` are
 * refused (Number() would take most of them).
 */
export function decimalIntegerFlag(text: string, flag: string, range: { min: number; max: number }, usage: string): number {
  const value = /^[0-9]+$/.test(text) ? Number(text) : NaN;
  if (!(value >= range.min && value <= range.max)) {
    const allowed = range.max >= Number.MAX_SAFE_INTEGER ? `>= ${range.min}` : `from ${range.min} to ${range.max}`;
    throw new UsageError(`${flag} must be a decimal integer ${allowed}, got "${text}"`, usage);
  }
  return value;
}

/** The emulators `claimcheck emulators` started, and how to stop them. */
export interface RunningEmulators {
  readonly dataDir: string;
  readonly objectStorage?: ObjectStorageEmulator;
  readonly streaming?: StreamingEmulator;
  /** Present with `--auth keys`. */
  readonly credentials?: LocalCredentialFiles;
  stop(): Promise<void>;
}

/** Starts the emulators the flags ask for and prints where they are. Throws a UsageError on bad flags. */
export async function runEmulatorsFromArgs(argv: string[], print: (text: string) => void = (t) => process.stdout.write(t)): Promise<RunningEmulators> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        stream: { type: 'string', multiple: true, default: [] },
        bucket: { type: 'string', multiple: true, default: [] },
        namespace: { type: 'string', default: DEFAULT_NAMESPACE },
        port: { type: 'string', default: '0' },
        data: { type: 'string' },
        auth: { type: 'string', default: 'keys' },
        json: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    // Unknown option, missing value, stray argument.
    throw new UsageError((error as Error).message, EMULATORS_USAGE);
  }
  const streams = values.stream!.map(parseStreamFlag);
  const buckets = values.bucket!.map(parseBucketFlag);
  if (streams.length === 0 && buckets.length === 0) throw new UsageError('Nothing to start: give --stream and/or --bucket.', EMULATORS_USAGE);
  const port = decimalIntegerFlag(values.port!, '--port', { min: 0, max: 65534 }, EMULATORS_USAGE);
  if (values.auth !== 'keys' && values.auth !== 'none') throw new UsageError(`--auth must be keys or none, got "${values.auth}"`, EMULATORS_USAGE);

  const dataDir = resolveDataDir(values.data, 'local');
  const identity = values.auth === 'keys' ? loadOrCreateLocalIdentity(join(dataDir, 'identity')) : undefined;
  const auth: AuthOptions = identity ? identityAuthOptions(identity) : 'none';

  const objectStorage = buckets.length
    ? await ObjectStorageEmulator.start({ dataDir: join(dataDir, 'objectstorage'), namespace: values.namespace!, buckets, port, auth })
    : undefined;
  let streaming: StreamingEmulator | undefined;
  try {
    streaming = streams.length
      ? await StreamingEmulator.start({ dataDir: join(dataDir, 'streaming'), streams, port: port && objectStorage ? port + 1 : port, auth })
      : undefined;
  } catch (error) {
    await objectStorage?.stop();
    throw error;
  }
  const credentials = identity ? writeCredentialFiles(join(dataDir, 'identity'), identity) : undefined;
  const running: RunningEmulators = {
    dataDir,
    objectStorage,
    streaming,
    credentials,
    stop: async () => {
      await Promise.all([objectStorage?.stop(), streaming?.stop()]);
    },
  };
  print(values.json ? `${JSON.stringify(describe(running, values.namespace!, buckets, streams))}\n` : describeText(running, values.namespace!, buckets, streams));
  return running;
}

function parseStreamFlag(flag: string): StreamConfig {
  const at = flag.lastIndexOf(':');
  const id = at < 0 ? flag : flag.slice(0, at);
  const count = at < 0 ? '1' : flag.slice(at + 1);
  const partitions = /^[0-9]+$/.test(count) ? Number(count) : NaN;
  if (!id || !(partitions >= 1 && Number.isSafeInteger(partitions))) {
    throw new UsageError(`--stream must be ID:PARTITIONS with PARTITIONS a decimal integer >= 1 (e.g. ocid1.stream.oc1..x:4), got "${flag}"`, EMULATORS_USAGE);
  }
  return { id, partitions };
}

function parseBucketFlag(flag: string): BucketConfig {
  const [name, option, ...rest] = flag.split(':');
  if (!name || rest.length > 0 || (option !== undefined && option !== 'versioned')) {
    throw new UsageError(`--bucket must be NAME or NAME:versioned, got "${flag}"`, EMULATORS_USAGE);
  }
  return { name, versioning: option === 'versioned' };
}

function describe(running: RunningEmulators, namespace: string, buckets: BucketConfig[], streams: StreamConfig[]) {
  return {
    dataDir: running.dataDir,
    ...(running.objectStorage ? { objectStorage: { endpoint: running.objectStorage.endpoint, namespace, buckets: buckets.map((b) => b.name) } } : {}),
    ...(running.streaming ? { streaming: { endpoint: running.streaming.endpoint, streams: streams.map((s) => ({ id: s.id, partitions: s.partitions })) } } : {}),
    auth: running.credentials ? { apiKeyId: running.credentials.apiKeyId, ociConfigFile: running.credentials.ociConfigFile, resourcePrincipalEnvFile: running.credentials.resourcePrincipalEnvFile } : 'none',
  };
}

function describeText(running: RunningEmulators, namespace: string, buckets: BucketConfig[], streams: StreamConfig[]): string {
  const lines: string[] = [];
  if (running.objectStorage) lines.push(`Object Storage  ${running.objectStorage.endpoint}  namespace ${namespace}, buckets ${buckets.map((b) => b.name).join(', ')}`);
  if (running.streaming) lines.push(`Streaming       ${running.streaming.endpoint}  (the SDK adds /20180418)  streams ${streams.map((s) => `${s.id} (${s.partitions})`).join(', ')}`);
  lines.push(`State           ${running.dataDir}`);
  if (running.credentials) {
    lines.push(`API key         ${running.credentials.apiKeyId}`);
    lines.push(`  OCI config    ${running.credentials.ociConfigFile}`);
    lines.push(`Resource principal env (for a local function): ${running.credentials.resourcePrincipalEnvFile}`);
  } else {
    lines.push('Auth            none: requests are not verified (debugging only)');
  }
  return `${lines.join('\n')}\n`;
}
