/**
 * The local function runner bounds a call by its deadline as Fn does: a call that has not answered by Fn-Deadline
 * is killed with its container process (fnproject/fn api/agent/agent.go) and answered 504 "Timed out"
 * (api/models/error.go ErrCallTimeout), which the Events emulator retries; the replacement process then publishes
 * the redelivered event. And `stop()` returns while a call is wedged, killing it.
 *
 * Real processes throughout: the function bundle (a test entry that wedges on one marked event,
 * __tests__/helpers/fdk-entry-wedge.ts) under the FDK on a unix socket, the Events emulator's durable retrying
 * delivery, and the Streaming emulator verifying the function's resource-principal signatures.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleFunction } from '../../lib/bundling/bundle-function';
import { createIssuerKeyPair, createLocalResourcePrincipal, StreamingEmulator } from '../../lib/emulators';
import { DeliveryResult, EventsEmulator } from '../../lib/emulators/events';
import { objectEvent } from '../../lib/emulators/events/object-event';
import { FN_TIMEOUT_BODY, FunctionRunner } from '../../lib/local/function-runner';
import { FunctionLogs, processExists, withDeadline } from '../helpers/function-logs';

const STREAM_ID = 'ocid1.stream.oc1.iad.amaaaaaarunnerdeadlinestream';
const NAMESPACE = 'runnertestns';
const BUCKET = 'runner-bucket';
const CONTEXT = { compartmentId: 'ocid1.compartment.oc1..runnertest' };

let work: string;
let bundlePath: string;
let streaming: StreamingEmulator;
let env: Record<string, string>;
const cleanups: Array<() => Promise<void>> = [];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'fn-runner-'));
  bundlePath = bundleFunction({ entry: join(__dirname, '..', 'helpers', 'fdk-entry-wedge.ts'), outFile: join(work, 'fn', 'func.js') }).outFile;
  const issuer = createIssuerKeyPair();
  streaming = await StreamingEmulator.start({
    streams: [{ id: STREAM_ID, name: 'claims', partitions: 1 }],
    port: 0,
    dataDir: join(work, 'streaming'),
    auth: { issuerPublicKey: issuer.publicKeyPem },
  });
  const principal = createLocalResourcePrincipal({ issuer, region: 'us-ashburn-1' });
  env = { ...principal.env, OCI_AUTH: 'resource_principal', STREAM_OCID: STREAM_ID, STREAM_ENDPOINT: streaming.endpoint };
});

afterEach(async () => {
  // In push order: the runner (which kills a call in flight) before the events emulator that waits for it.
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

afterAll(async () => {
  await streaming?.stop();
  rmSync(work, { recursive: true, force: true });
});

function startRunner(options: { timeoutSeconds: number; onceFile: string; logs: FunctionLogs }): FunctionRunner {
  const runner = new FunctionRunner({
    bundlePath,
    timeoutSeconds: options.timeoutSeconds,
    onLog: options.logs.onLog,
    env: { ...env, WEDGE_WHEN_BODY_CONTAINS: 'wedge-me/', WEDGE_ONCE_FILE: options.onceFile },
  });
  cleanups.push(() => runner.stop());
  return runner;
}

const claimsFor = (object: string) =>
  streaming.readAll(STREAM_ID).filter((m) => m.key?.toString('utf8') === `${NAMESPACE}/${BUCKET}/${object}`);

describe('FunctionRunner deadline (as Fn)', () => {
  it('kills a call still running at its Fn-Deadline, answers 504, and the Events emulator redelivers it to a fresh process that publishes', async () => {
    const logs = new FunctionLogs();
    const onceFile = join(work, 'wedged-at-deadline');
    // Fn-Deadline is rounded down to the second and the function stops 1 s before it, so the redelivered call to
    // a cold process has a budget of at least 3 s with this timeout.
    const runner = startRunner({ timeoutSeconds: 5, onceFile, logs });
    const results: Array<DeliveryResult & { at: number }> = [];
    const events = await EventsEmulator.start({
      dataDir: join(work, 'events-deadline'),
      context: CONTEXT,
      retryBaseMs: 50,
      retryMaxMs: 200,
      rules: [{ id: 'all', condition: {}, deliver: async (json) => {
        const result = await runner.deliver(json);
        results.push({ ...result, at: Date.now() });
        return result;
      } }],
    });
    cleanups.push(() => events.stop());
    await runner.start();
    const object = 'wedge-me/at-deadline.txt';

    events.publish({ type: 'createobject', namespace: NAMESPACE, bucket: BUCKET, object, etag: 'etag-1', time: new Date() });
    await events.drain(30_000);

    const wedged = await logs.waitFor('test.wedged', (l) => l.event === 'test.wedged');
    expect(existsSync(onceFile)).toBe(true);
    // First delivery: Fn's timeout answer, retryable; then the redelivered event, published (normally at once).
    const outcomes = results.map(({ delivered, retryable, detail }) => ({ delivered, retryable, detail }));
    expect(outcomes[0]).toEqual({ delivered: false, retryable: true, detail: `HTTP 504: ${FN_TIMEOUT_BODY}` });
    expect(outcomes.at(-1)).toEqual({ delivered: true, retryable: false, detail: expect.stringContaining('"status":"published"') });
    expect(outcomes.filter((o) => o.detail.startsWith('HTTP 504'))).toHaveLength(1);
    // Killed at its deadline, not before: the 504 came no earlier than the Fn-Deadline the call carried (that
    // header is the kill moment rounded down to the second).
    expect(typeof wedged.deadline).toBe('string');
    expect(results[0].at).toBeGreaterThanOrEqual(Date.parse(String(wedged.deadline)));
    // The wedged container process was killed and replaced.
    expect(processExists(wedged.pid as number)).toBe(false);
    expect(runner.pid).not.toBe(wedged.pid);
    expect(runner).toMatchObject({ invocations: results.length, timeouts: 1, restarts: 1 });
    expect(events.stats).toMatchObject({ matched: 1, delivered: 1, retries: results.length - 1, rejected: 0 });
    expect(events.pending).toBe(0);
    expect(claimsFor(object)).toHaveLength(1);
    expect(logs.lines.filter((l) => l.event === 'claim-check.published')).toEqual([expect.objectContaining({ object })]);
  });

  it('stop() returns while a call is wedged: it kills the call (answered as a retryable failure) and the process', async () => {
    const logs = new FunctionLogs();
    // A deadline far beyond the test: only stop() can end this call.
    const runner = startRunner({ timeoutSeconds: 300, onceFile: join(work, 'wedged-at-stop'), logs });
    await runner.start();
    const event = JSON.stringify(
      objectEvent({ type: 'createobject', namespace: NAMESPACE, bucket: BUCKET, object: 'wedge-me/at-stop.txt', etag: 'etag-2', time: new Date() }, CONTEXT),
    );
    const call = runner.deliver(event);
    const wedged = await logs.waitFor('test.wedged', (l) => l.event === 'test.wedged');

    await withDeadline(runner.stop(), 10_000, 'FunctionRunner.stop() did not return while a call was wedged');

    expect(await call).toEqual({ delivered: false, retryable: true, detail: 'function runner stopped: the call in flight was killed' });
    expect(processExists(wedged.pid as number)).toBe(false);
    expect(runner.timeouts).toBe(0);
    // Later deliveries are refused as retryable (the Events emulator keeps them), never run.
    expect(await runner.deliver(event)).toEqual({ delivered: false, retryable: true, detail: 'function runner stopped' });
    expect(runner.invocations).toBe(1);
  });
});
