/**
 * "Every file processed once per group, none lost", off the happy path, end to end through the real SDK against the
 * emulators: handlers slower than a cursor lives, a poison claim, a late delete, and SIGTERM during a handler that
 * would run for ten minutes (a real consumer process).
 */
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { ClaimCheck } from '../../lib/contract';
import type { ClaimOutcome } from '../../lib/consumer';
import { apiKey, consumeBody, EmulatorEnv, NS, STREAM } from './emulator-env';
import { makeClaim, waitFor } from './helpers';

jest.setTimeout(60_000);

const env = new EmulatorEnv();
afterEach(async () => {
  await env.stop();
  jest.restoreAllMocks();
});

function quietSdk(): void {
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
}

describe('a handler slower than a Streaming cursor lives', () => {
  it('is processed once and committed once; the other instance of the group never touches the claim', async () => {
    // Cursors live 1.5 s here (5 minutes in OCI); the handler takes 4 s, so the batch outlasts every cursor it got.
    await env.start({ cursorTtlMs: 1_500 });
    quietSdk();
    const runs: Array<{ instance: string; object: string }> = [];
    const handler = (instance: string) => async (claim: ClaimCheck, object?: { body: NodeJS.ReadableStream }) => {
      runs.push({ instance, object: claim.data.object });
      await consumeBody(object!.body as never);
      await new Promise((r) => setTimeout(r, 4_000));
    };
    // Heartbeats every 200 ms keep the reservation (600 ms) and renew the cursor.
    const timings = { groupCursorTimeoutMs: 600, handlerTimeoutMs: 60_000 };
    const a = await env.startConsumer({ instanceName: 'a', handler: handler('a'), ...timings });
    const b = await env.startConsumer({ instanceName: 'b', handler: handler('b'), ...timings });
    await env.upload('scans/ocr-me.pdf');
    await waitFor(() => a.outcomes.length + b.outcomes.length === 1, 30_000, 'the outcome');
    await env.waitUntilCommitted();
    const outcomes: ClaimOutcome[] = [...a.outcomes, ...b.outcomes];
    expect(outcomes).toEqual([expect.objectContaining({ status: 'processed', attempts: 1 })]);
    expect(runs).toHaveLength(1);
    for (const s of [a, b]) expect(s.consumer.stats).toMatchObject({ heartbeatFailures: 0, batchRetries: 0, handlerFailures: 0 });
    expect(a.consumer.stats.commits + b.consumer.stats.commits).toBe(1);
  });
});

describe('every claim reaches an outcome in bounded time', () => {
  it('a claim whose bucket no longer exists (404 BucketNotFound) is dead-lettered once; the rest is processed and committed', async () => {
    await env.start();
    quietSdk();
    await env.upload('before.txt');
    await env.publish(makeClaim({ namespace: NS, bucket: 'deleted-bucket', object: 'orphan.txt', etag: 'e-1', eventId: 'evt-orphan' }));
    await env.upload('after.txt');
    const handled: string[] = [];
    const s = await env.startConsumer({
      allowedBuckets: [{ namespace: NS, bucket: 'landing' }, { namespace: NS, bucket: 'deleted-bucket' }],
      maxAttempts: 2,
      handler: async (claim, object) => {
        await consumeBody(object!.body);
        handled.push(claim.data.object);
      },
    });
    await waitFor(() => s.outcomes.length === 3, 30_000, 'three outcomes');
    await env.waitUntilCommitted();
    expect(handled.sort()).toEqual(['after.txt', 'before.txt']);
    const orphan = s.outcomes.find((o) => o.object?.name === 'orphan.txt');
    expect(orphan).toMatchObject({ status: 'dead-lettered', reason: 'fetch-failed', attempts: 2, error: { message: expect.stringMatching(/BucketNotFound/) } });
    expect(s.consumer.stats).toMatchObject({ deadLettered: 1, batchRetries: 0 });
    expect(await env.list('ops', 'claim-check/dead-letter/workers/')).toEqual([expect.stringMatching(/-p\d-o\d+-[0-9a-f]{64}\.json$/)]);
  });

  it('create, delete, create delivered as create, create, late delete: the delete is skipped as superseded', async () => {
    await env.start();
    quietSdk();
    const first = await env.upload('ledger.csv', 'v1');
    await env.osClient.deleteObject({ namespaceName: NS, bucketName: 'landing', objectName: 'ledger.csv' });
    const second = await env.upload('ledger.csv', 'v2');
    await env.publish(makeClaim({ namespace: NS, bucket: 'landing', object: 'ledger.csv', action: 'deleteobject', eventId: 'evt-late-delete' }));
    const handled: string[] = [];
    const s = await env.startConsumer({
      handler: async (claim, object) => void handled.push(`${claim.data.eventType.split('.').pop()}:${object ? await consumeBody(object.body) : '-'}`),
    });
    await waitFor(() => s.outcomes.length === 3, 30_000, 'three outcomes');
    expect(s.outcomes.map((o) => [o.claimId, o.status, 'reason' in o ? o.reason : null])).toEqual([
      [first.id, 'skipped', 'superseded'],
      [second.id, 'processed', null],
      [expect.any(String), 'skipped', 'superseded'],
    ]);
    expect(handled).toHaveLength(1);
  });
});

describe('bounded stop', () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });

  it('SIGTERM during a 10-minute handler: the process exits within its grace period, and another instance processes the claim once', async () => {
    await env.start();
    quietSdk();
    const lines: Array<{ type: string; [k: string]: unknown }> = [];
    child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'fixtures', 'slow-consumer.ts')], {
      env: {
        ...process.env,
        SLOW_CONSUMER_CONFIG: JSON.stringify({
          streamId: STREAM,
          messagesEndpoint: env.st.endpoint,
          objectStorageEndpoint: env.os.endpoint,
          namespace: NS,
          apiKey,
          instanceName: 'doomed',
          handlerMs: 600_000,
          stopGraceMs: 500,
          groupCursorTimeoutMs: 1_000,
        }),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stderr: string[] = [];
    createInterface({ input: child.stderr! }).on('line', (l) => stderr.push(l));
    createInterface({ input: child.stdout! }).on('line', (l) => {
      try {
        lines.push(JSON.parse(l));
      } catch {
        // not ours
      }
    });
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    await waitFor(() => lines.some((l) => l.type === 'ready'), 20_000, `the consumer process to join the group (stderr: ${stderr.join('\n')})`);
    await env.upload('movies/feature.mov');
    await waitFor(() => lines.some((l) => l.type === 'handler-started'), 20_000, 'the handler to start');

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const stopped = lines.find((l) => l.type === 'stopped');
    // Grace 500 ms + at most 5 s for the final checkpoint (here nothing to write): far from the handler's 10 minutes.
    expect(stopped?.stopMs).toBeLessThan(5_500);
    expect(lines.filter((l) => l.type === 'handler-finished' || l.type === 'outcome')).toEqual([]);

    // The claim goes back to the group; the survivor gets the partition when the stopped instance's reservation
    // times out (1 s), and processes the claim once.
    const handled: string[] = [];
    const survivor = await env.startConsumer({ instanceName: 'survivor', handler: async (claim, object) => void handled.push(`${claim.data.object}:${await consumeBody(object!.body)}`) });
    await waitFor(() => survivor.outcomes.length === 1, 30_000, 'the survivor to process the claim');
    await env.waitUntilCommitted();
    expect(survivor.outcomes[0]).toMatchObject({ status: 'processed', object: { name: 'movies/feature.mov' } });
    expect(handled).toHaveLength(1);
  });
});
