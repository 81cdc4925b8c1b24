/**
 * The OCI SDK's own log lines, in the product's structured logs: one place, applied by the client factories
 * (oci-sdk-clients.ts, stream-client.ts), so the consumer, the function, the reconciler, the emulators' Connector
 * Hub and the CLI all get it. Events are `oci-sdk.<event>` on the sink of the component whose client made the call.
 *
 * How oci-common 2.139.1 logs (node_modules/oci-common/lib/log.js, retrier.js, the generated clients):
 * - Through a pluggable logger, `common.LOG.logger` (unset by default: nothing is printed): the clients'
 *   "Calling operation X" (debug) and "endpoint set to" (info), the retrier's latency lines (debug), circuit breaker,
 *   region and endpoint-template messages; with it set, the circuit breaker also logs every non-2xx attempt at
 *   `error`, and a missing optional DeveloperToolConfiguration file is an `error` too. Those levels do not say how
 *   bad anything is, so here the hook is set (unless the application set its own) to an adapter emitting every line
 *   as `oci-sdk.log` {message} at `debug`: visible when a sink is at `debug`, and never noise above it.
 * - The retrier bypasses that hook: `GenericRetrier.makeServiceCall` calls `console.warn` directly, with plain text,
 *   for every answer that is not 2xx: "Request cannot be retried. Not Retrying. Exception occurred : …" (any final
 *   answer, the expected 404 of a delete check, `object-gone` or a first checkpoint included), "All retry attempts
 *   have exhausted. Total Attempts : N. …" and "Request failed with Exception : …\nRetrying request -> Total Attempts
 *   : N, Retrying after S seconds...". No configuration turns these off (a retry policy only changes which of the
 *   three is printed), and the SDK offers no hook for them.
 *
 * The narrowest fix found for the second kind, given that: the clients the factories build run each of their
 * methods inside an AsyncLocalStorage scope (the call: client, operation, the last attempt's HTTP status and
 * `opc-request-id`, recorded by a pass-through HttpClient wrapper), and `console.warn` is wrapped once per process so
 * that a line which is (a) written inside such a scope and (b) one of those three retrier texts becomes a structured
 * event on the calling client's sink. Every other `console.warn` — outside those calls, or any other text — goes to
 * the `console.warn` that was there before, unchanged. The retrier lines become:
 * - `oci-sdk.retry` (warn): the SDK is retrying a failed attempt {client, operation, attempt, delaySeconds, status,
 *   opcRequestId, error}. A real retryable failure (5xx, 429, network) stays visible.
 * - `oci-sdk.request-failed` (debug): the call failed and the error is thrown to the caller, who decides what it
 *   means and logs it if it matters (a 404 the consumer expects is no error) {…, attempts}.
 * - `oci-sdk.retries-exhausted` (warn): the SDK gave up after more than one attempt.
 *
 * Other direct console writes of oci-common are left alone: config-file warnings when a provider is built from an
 * OCI config file (`console.warn`/`console.info`, outside any call), `console.debug` in range.js (HTTP Range
 * parsing, not used by the product) and the X.509 federation client's `console.log` (instance principals).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import * as common from 'oci-common';
import { jsonLinesLogger, LogFields, LogLevel, LogSink } from './logger';

export const SDK_LOG_NAMESPACE = 'oci-sdk';

/** Where SDK lines of clients routed without a sink go, and SDK lines outside any call: JSON lines on stderr, `info`+. */
export const defaultSdkLogSink: LogSink = jsonLinesLogger({ level: 'info' });

/** One client method call in progress. */
interface SdkCall {
  readonly sink: LogSink;
  readonly client: string;
  readonly operation: string;
  /** The last attempt's answer, or why it got none. */
  status?: number;
  opcRequestId?: string;
  transportError?: string;
}

const calls = new AsyncLocalStorage<SdkCall>();
/** Marks what this module installed (the console.warn wrapper, the LOG.logger adapter, wrapped clients). */
const ROUTED = Symbol.for('cdktf-oci-claim-check.sdk-logging');

/**
 * Routes the SDK log lines of `client` (an OCI SDK service client built with an authentication provider) to `sink`
 * as `oci-sdk.<event>`, and sets up the process-wide parts once (the `LOG.logger` adapter, the console.warn route).
 * Idempotent: routing a client again only changes its sink. Apply after `signWhatIsSent` (both wrap the client's
 * HttpClient; this one outermost, so it also sees the requests signWhatIsSent sends itself). Returns the client.
 */
export function routeSdkLogs<T extends object>(client: T, sink: LogSink = defaultSdkLogSink): T {
  installProcessRoutes();
  const routed = client as T & { [ROUTED]?: { sink: LogSink } };
  const existing = routed[ROUTED];
  if (existing) {
    existing.sink = sink;
    return client;
  }
  const state = { sink };
  Object.defineProperty(routed, ROUTED, { value: state, enumerable: false });
  const internals = client as unknown as { _httpClient?: common.HttpClient };
  if (!internals._httpClient || typeof internals._httpClient.send !== 'function') {
    throw new Error('routeSdkLogs: not an OCI SDK service client (no _httpClient)');
  }
  internals._httpClient = new ObservedHttpClient(internals._httpClient);
  const clientName = client.constructor?.name ?? 'OciClient';
  const seen = new Set<string>();
  for (let proto = Object.getPrototypeOf(client); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (name === 'constructor' || seen.has(name)) continue;
      seen.add(name);
      const method = Object.getOwnPropertyDescriptor(proto, name)?.value;
      if (typeof method !== 'function') continue;
      const inScope = function (this: unknown, ...args: unknown[]): unknown {
        return calls.run({ sink: state.sink, client: clientName, operation: name }, () => method.apply(this, args));
      };
      Object.defineProperty(client, name, { value: inScope, writable: true, configurable: true, enumerable: false });
    }
  }
  return client;
}

/** Passes every request through; notes each attempt's status (or transport error) on the call in progress. */
class ObservedHttpClient implements common.HttpClient {
  constructor(public readonly inner: common.HttpClient) {}

  public async send(...args: Parameters<common.HttpClient['send']>): Promise<Response> {
    const call = calls.getStore();
    try {
      const response = await this.inner.send(...args);
      if (call) {
        call.status = response.status;
        call.opcRequestId = response.headers?.get?.('opc-request-id') ?? undefined;
        call.transportError = undefined;
      }
      return response;
    } catch (error) {
      if (call) {
        call.status = undefined;
        call.opcRequestId = undefined;
        call.transportError = error instanceof Error ? error.message : String(error);
      }
      throw error;
    }
  }
}

const CANNOT_RETRY = 'Request cannot be retried. Not Retrying. Exception occurred : ';
const EXHAUSTED = /^All retry attempts have exhausted\. Total Attempts : (\d+)\. Last exception occurred : ([\s\S]*)$/;
const RETRYING = /^Request failed with Exception : ([\s\S]*)\nRetrying request -> Total Attempts : (\d+), Retrying after ([0-9.]+) seconds\.\.\.$/;

/**
 * The structured event for one of the retrier's console.warn texts, or null when `text` is not one of them.
 * Exported for tests.
 */
export function retrierLineEvent(text: string, call: Omit<SdkCall, 'sink'>): { level: LogLevel; event: string; fields: LogFields } | null {
  const context: LogFields = {
    client: call.client,
    operation: call.operation,
    ...(call.status !== undefined ? { status: call.status } : {}),
    ...(call.opcRequestId ? { opcRequestId: call.opcRequestId } : {}),
  };
  // "[object Object]" is how the retrier prints a transport error, the recorded message says more; an OciError
  // prints as "Error: <the service's message>".
  const error = (printed: string) => (call.transportError !== undefined && call.status === undefined ? call.transportError : printed.replace(/^Error: /, ''));
  if (text.startsWith(CANNOT_RETRY)) {
    return { level: 'debug', event: 'request-failed', fields: { ...context, attempts: null, error: error(text.slice(CANNOT_RETRY.length)) } };
  }
  const exhausted = EXHAUSTED.exec(text);
  if (exhausted) {
    const attempts = Number(exhausted[1]);
    // One attempt is the caller's choice (it retries itself, e.g. PutMessages): nothing was given up on here.
    return attempts > 1
      ? { level: 'warn', event: 'retries-exhausted', fields: { ...context, attempts, error: error(exhausted[2]) } }
      : { level: 'debug', event: 'request-failed', fields: { ...context, attempts, error: error(exhausted[2]) } };
  }
  const retrying = RETRYING.exec(text);
  if (retrying) {
    return { level: 'warn', event: 'retry', fields: { ...context, attempt: Number(retrying[2]), delaySeconds: Number(retrying[3]), error: error(retrying[1]) } };
  }
  return null;
}

function installProcessRoutes(): void {
  const current = console.warn as typeof console.warn & { [ROUTED]?: true };
  if (!current[ROUTED]) {
    const previous = current;
    const routedWarn = function (this: unknown, ...args: unknown[]): void {
      const call = calls.getStore();
      if (call && args.length === 1 && typeof args[0] === 'string') {
        const line = retrierLineEvent(args[0], call);
        if (line) {
          call.sink.log(line.level, `${SDK_LOG_NAMESPACE}.${line.event}`, line.fields);
          return;
        }
      }
      previous.apply(this === undefined ? console : this, args);
    } as typeof console.warn & { [ROUTED]?: true };
    routedWarn[ROUTED] = true;
    console.warn = routedWarn;
  }
  // An application that set its own SDK logger keeps it.
  if (common.LOG.logger === undefined || common.LOG.logger === null) common.LOG.logger = sdkLoggerAdapter();
}

/** The SDK's logger interface (oci-common lib/log.d.ts `Logger`, not exported from the package index). */
type SdkLogger = typeof common.LOG.logger;

/** What the SDK passed, as text (it sanitizes request and header text itself before logging it). */
function logText(part: unknown): string {
  if (typeof part === 'string') return part;
  if (part instanceof Error) return part.message;
  try {
    return JSON.stringify(part) ?? String(part);
  } catch {
    return String(part);
  }
}

/**
 * `common.LOG.logger`: every line as `oci-sdk.log` {message} at `debug`, on the calling client's sink (the default
 * sink outside calls). oci-common's levels do not say how bad something is: a missing optional DeveloperToolConfiguration
 * file and every non-2xx attempt (through the circuit breaker, an expected 404 included) are logged at `error`; what
 * a call came to is the retrier line's event and the caller's own log.
 */
function sdkLoggerAdapter(): SdkLogger {
  const log = (message?: unknown, ...rest: unknown[]) => {
    const call = calls.getStore();
    const text = [message, ...rest].map(logText).join(' ');
    if (call) call.sink.log('debug', `${SDK_LOG_NAMESPACE}.log`, { client: call.client, operation: call.operation, message: text });
    else defaultSdkLogSink.log('debug', `${SDK_LOG_NAMESPACE}.log`, { message: text });
  };
  const adapter = {
    level: 'debug',
    trace: log,
    debug: log,
    info: log,
    warn: log,
    error: log,
    [ROUTED]: true as const,
  };
  return adapter;
}
