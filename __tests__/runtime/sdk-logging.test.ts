/**
 * The OCI SDK's own log lines (lib/runtime/sdk-logging.ts): a consumer run as deployed, its stderr captured, prints
 * only structured lines — no plain-text "Request cannot be retried…" for the expected 404s — while a real retryable
 * failure stays visible as `oci-sdk.retry` at `warn`; other console.warn output is untouched.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { ObjectStorageEmulator } from '../../lib/emulators/objectstorage';
import type { LogFields, LogLevel, LogSink } from '../../lib/runtime/logger';
import { newObjectStorageClient } from '../../lib/runtime/oci-sdk-clients';
import { retrierLineEvent } from '../../lib/runtime/sdk-logging';
import { apiKeyProvider, tempDir, trusting } from '../emulators/emulator-test-helpers';

const FIXTURE = join(__dirname, '..', 'fixtures', 'sdk-logging', 'consumer-against-emulators.ts');
/** What oci-common's retrier prints with console.warn (node_modules/oci-common/lib/retrier.js). */
const SDK_PLAIN_TEXT = /Request cannot be retried|Not Retrying|Retrying request|All retry attempts have exhausted|Request failed with Exception/;

interface Run {
  code: number | null;
  stdout: string;
  lines: Array<{ level: LogLevel | 'unstructured'; event: string } & LogFields>;
  stderr: string;
}

async function runConsumer(level: LogLevel): Promise<Run> {
  const data = tempDir('sdk-logging');
  try {
    const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', FIXTURE],
        { timeout: 60_000, env: { ...process.env, CLAIMCHECK_TEST_DATA_DIR: data.dir, CLAIMCHECK_TEST_LOG_LEVEL: level } },
        (error, out, err) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout: out, stderr: err }),
      );
    });
    const lines = stderr
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => {
        try {
          return JSON.parse(line);
        } catch {
          return { level: 'unstructured', event: line };
        }
      });
    return { code, stdout, stderr, lines };
  } finally {
    data.remove();
  }
}

describe('the SDK log lines of a consumer run against the emulators', () => {
  test('at the default level: only JSON lines on stderr, none of the SDK plain text, the retried 503 as oci-sdk.retry at warn', async () => {
    const run = await runConsumer('info');
    expect({ code: run.code, stderr: run.code === 0 ? '' : run.stderr }).toEqual({ code: 0, stderr: '' });
    // The 404 of the object-gone claim and of the first checkpoint load, and the 503 the SDK retried, all happened.
    expect(JSON.parse(run.stdout)).toEqual({
      outcomes: expect.arrayContaining([
        { object: 'gone.txt', status: 'skipped', reason: 'object-gone' },
        { object: 'there.txt', status: 'processed' },
      ]),
      faultHits: 1,
    });
    expect(run.lines.filter((line) => line.level === 'unstructured')).toEqual([]);
    expect(run.stderr).not.toMatch(SDK_PLAIN_TEXT);
    expect(run.lines.filter((line) => line.event.startsWith('oci-sdk.'))).toEqual([
      expect.objectContaining({ level: 'warn', event: 'oci-sdk.retry', client: 'WireSafeObjectStorageClient', operation: 'getObject', status: 503, attempt: 1 }),
    ]);
  });

  test('at debug: the expected 404s are there, as oci-sdk.request-failed at debug with their status', async () => {
    const run = await runConsumer('debug');
    expect(run.code).toBe(0);
    expect(run.lines.filter((line) => line.level === 'unstructured')).toEqual([]);
    expect(run.stderr).not.toMatch(SDK_PLAIN_TEXT);
    const failed = run.lines.filter((line) => line.event === 'oci-sdk.request-failed');
    expect(failed.every((line) => line.level === 'debug' && line.status === 404 && line.operation === 'getObject')).toBe(true);
    expect(failed.map((line) => String(line.error))).toEqual(
      expect.arrayContaining([expect.stringContaining("'gone.txt'"), expect.stringMatching(/claim-check\/progress\/workers\/0\.json/)]),
    );
    // The SDK's own logger (LOG.logger) is routed too, and only at debug.
    const sdkLog = run.lines.filter((line) => line.event === 'oci-sdk.log');
    expect(sdkLog.length).toBeGreaterThan(0);
    expect(new Set(sdkLog.map((line) => line.level))).toEqual(new Set(['debug']));
  });
});

describe('console.warn', () => {
  afterEach(() => jest.restoreAllMocks());

  test('only the retrier texts written during a routed client call are taken; every other warning passes through unchanged', async () => {
    // Spied before the first routed client exists, so the route wraps the spy: what passes through reaches it.
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const data = tempDir('sdk-logging-console');
    const emu = await ObjectStorageEmulator.start({ dataDir: data.dir, namespace: 'ns', buckets: ['b'], auth: trusting() });
    const recorded: Array<[LogLevel, string, LogFields | undefined]> = [];
    const sink: LogSink = { log: (level, event, fields) => void recorded.push([level, event, fields]) };
    const client = newObjectStorageClient(apiKeyProvider(), { endpoint: emu.endpoint, logger: sink });
    try {
      await expect(client.headObject({ namespaceName: 'ns', bucketName: 'b', objectName: 'missing' })).rejects.toMatchObject({ statusCode: 404 });
      expect(warn).not.toHaveBeenCalled();
      expect(recorded.filter(([, event]) => event !== 'oci-sdk.log')).toEqual([
        ['debug', 'oci-sdk.request-failed', expect.objectContaining({ client: 'WireSafeObjectStorageClient', operation: 'headObject', status: 404 })],
      ]);

      const sameTextOutsideACall = 'Request cannot be retried. Not Retrying. Exception occurred : not from the SDK';
      console.warn(sameTextOutsideACall);
      console.warn('a warning of the application', { with: 'fields' });
      expect(warn.mock.calls).toEqual([[sameTextOutsideACall], ['a warning of the application', { with: 'fields' }]]);
    } finally {
      client.close();
      await emu.stop();
      data.remove();
    }
  });
});

describe('retrierLineEvent', () => {
  const call = { client: 'StreamClient', operation: 'putMessages', status: 503, opcRequestId: 'req-1' };

  test('reads the three texts of oci-common 2.139.1 retrier', () => {
    expect(retrierLineEvent('Request cannot be retried. Not Retrying. Exception occurred : Error: Not found', { ...call, status: 404 })).toEqual({
      level: 'debug',
      event: 'request-failed',
      fields: { client: 'StreamClient', operation: 'putMessages', status: 404, opcRequestId: 'req-1', attempts: null, error: 'Not found' },
    });
    // One attempt is the caller's own policy (it retries itself): debug; more than one was given up on: warn.
    expect(retrierLineEvent('All retry attempts have exhausted. Total Attempts : 1. Last exception occurred : Error: busy', call)).toMatchObject({
      level: 'debug',
      event: 'request-failed',
      fields: { attempts: 1, error: 'busy' },
    });
    expect(retrierLineEvent('All retry attempts have exhausted. Total Attempts : 8. Last exception occurred : Error: busy', call)).toMatchObject({
      level: 'warn',
      event: 'retries-exhausted',
      fields: { attempts: 8, status: 503 },
    });
    expect(
      retrierLineEvent('Request failed with Exception : [object Object]\nRetrying request -> Total Attempts : 2, Retrying after 1.5 seconds...', {
        client: 'StreamClient',
        operation: 'getMessages',
        transportError: 'fetch failed',
      }),
    ).toEqual({ level: 'warn', event: 'retry', fields: { client: 'StreamClient', operation: 'getMessages', attempt: 2, delaySeconds: 1.5, error: 'fetch failed' } });
    expect(retrierLineEvent('something else', call)).toBeNull();
  });
});
