/**
 * Per-container state: credentials, the StreamClient and the resolved Object Storage location, built lazily on
 * the first invocation and reused by every later one (Fn keeps the container, and this module, alive between
 * calls). Building lazily, not at import, matters: the resource principal provider throws when its env vars are
 * missing, and a crash at import would make the container fail to start instead of answering with a clear error.
 */
import type { ObjectStorageLocation } from '../lib/contract';
import { Clock, systemClock } from '../lib/runtime/clock';
import { jsonLinesLogger, LogSink } from '../lib/runtime/logger';
import { createAuth } from './auth';
import { ConfigError } from './errors';
import { ConfigSource, FunctionConfig, realmDomainFor } from './config';
import { createStreamClient, PutMessagesApi, StreamPublisher } from './publisher';
import { DEFAULT_RETRY_POLICY } from './retry';

export interface Runtime {
  location: ObjectStorageLocation;
  publisher: StreamPublisher;
}

/**
 * BENCHMARK-ONLY switch. bench/function.mjs bundles a variant with esbuild `define: {__BENCH_REUSE_CLIENTS__:
 * 'false'}` to measure what per-invocation client construction would cost. Production bundles never define it,
 * so it is not a configuration knob.
 */
declare const __BENCH_REUSE_CLIENTS__: boolean | undefined;
const reuseClients = typeof __BENCH_REUSE_CLIENTS__ === 'undefined' ? true : __BENCH_REUSE_CLIENTS__;

/**
 * One JSON object per line on stdout/stderr: OCI Functions ships both streams to OCI Logging, where JSON lines are
 * searchable by field. Warnings and errors go to stderr so they stand out even in plain-text log viewers.
 */
export const functionLogger: LogSink = jsonLinesLogger({
  level: 'info',
  streamFor: (level) => (level === 'warn' || level === 'error' ? process.stderr : process.stdout),
});

export interface RuntimeDeps {
  /** Where log lines go; the function's events are `claim-check.<event>`. */
  logger: LogSink;
  clock: Clock;
  /**
   * The configuration's source, read at each event: the function's environment. The FDK hands it over as `ctx.config`,
   * a fresh copy of process.env at every read (fn-fdk.js `get config`; ~0.03 ms an event with a resource principal's
   * variables), so the production deps read process.env itself. Without it (tests), the handler reads `ctx.config`.
   */
  environment?: () => ConfigSource;
  /** Tests replace the SDK client; default: a signed StreamClient. */
  createApi?: (config: FunctionConfig, env: ConfigSource) => Promise<{ api: PutMessagesApi; region: string | null }>;
}

export const defaultDeps: RuntimeDeps = { logger: functionLogger, clock: systemClock, environment: () => process.env };

let cached: { config: FunctionConfig; fingerprint: string; runtime: Promise<Runtime> } | null = null;

export function getRuntime(config: FunctionConfig, env: ConfigSource, deps: RuntimeDeps = defaultDeps): Promise<Runtime> {
  if (!reuseClients) return buildRuntime(config, env, deps);
  // Config comes from env vars, fixed for a container's life (the handler passes the same remembered object at every
  // event: config.ts configFor); the fingerprint just guards tests that vary it.
  if (cached !== null && cached.config === config) return cached.runtime;
  const fingerprint = JSON.stringify(config);
  if (cached !== null && cached.fingerprint === fingerprint) return cached.runtime;
  const runtime = buildRuntime(config, env, deps);
  cached = { config, fingerprint, runtime };
  // A failed build (e.g. missing credentials) is not cached: the next invocation tries again.
  runtime.catch(() => {
    if (cached?.runtime === runtime) cached = null;
  });
  return runtime;
}

/** Forget the cached clients (tests). */
export function resetRuntime(): void {
  cached = null;
}

async function buildRuntime(config: FunctionConfig, env: ConfigSource, deps: RuntimeDeps): Promise<Runtime> {
  const { api, region: providerRegion } = await (deps.createApi ? deps.createApi(config, env) : createSdkApi(config, env, deps.logger));
  const region = config.region ?? providerRegion;
  if (region === null) {
    throw new ConfigError(
      'OCI_REGION',
      'Cannot tell which region the objects are in (needed for the claim\'s objectUrl): set OCI_REGION',
    );
  }
  return {
    location: { region, realmDomain: realmDomainFor(region) },
    publisher: new StreamPublisher(api, config.streamId, {
      policy: { ...DEFAULT_RETRY_POLICY, maxAttempts: config.maxAttempts },
      clock: deps.clock,
      logger: deps.logger,
    }),
  };
}

async function createSdkApi(config: FunctionConfig, env: ConfigSource, logger: LogSink): Promise<{ api: PutMessagesApi; region: string | null }> {
  const auth = await createAuth(config, env);
  return { api: createStreamClient(auth, config.streamEndpoint, logger), region: auth.region };
}
