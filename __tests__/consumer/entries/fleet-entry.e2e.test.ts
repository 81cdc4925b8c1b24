/**
 * The fleet's bundled entry (the generated wrapper around a handler, the `main.js` the container runs) as a real
 * process against emulators that verify every request: it authenticates with a resource principal only (files, as
 * OCI mounts them), stops within the container's graceful shutdown timeout on SIGTERM, answers the health check,
 * and refuses a configuration it cannot run with.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { bundleHandlerEntry } from '../../../lib/bundling/handler-entry';
import { CONSUMER_CONFIG_KEYS as K, gracefulShutdownSeconds } from '../../../lib/contract/consumer-config';
import { createIssuerKeyPair } from '../../../lib/emulators';
import { waitFor } from '../../helpers/wait-for';
import { EntryEnv } from './entry-env';

const HANGING = join(__dirname, 'fixtures', 'hanging-handler.ts');

interface Running {
  readonly child: ChildProcess;
  readonly lines: Array<Record<string, unknown>>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

function run(bundle: string, env: Record<string, string>): Running {
  // Only the configuration and PATH: nothing of the test machine's OCI setup leaks in.
  const child = spawn(process.execPath, [bundle], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: Array<Record<string, unknown>> = [];
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on('line', (line) => {
      try {
        lines.push(JSON.parse(line));
      } catch {
        lines.push({ text: line });
      }
    });
  }
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  return { child, lines, exited };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('the fleet entry, as a process', () => {
  let env: EntryEnv;
  let dir: string;
  let bundle: string;
  const running: Running[] = [];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fleet-entry-'));
    bundle = bundleHandlerEntry(HANGING, 'fleet', join(dir, 'main.js')).outFile;
  });
  beforeEach(async () => {
    env = await EntryEnv.start();
  });
  afterEach(async () => {
    for (const r of running.splice(0)) r.child.kill('SIGKILL');
    await env.stop();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const start = (extra: Record<string, string> = {}, group = `g${Math.random().toString(16).slice(2, 8)}`): Running => {
    const r = run(bundle, { ...env.fleetConfig(group), ...env.resourcePrincipal('computecontainerinstance'), ...extra });
    running.push(r);
    return r;
  };

  test("SIGTERM while a handler ignores its signal: exits 0 after the stop grace period, within the container's graceful shutdown timeout", async () => {
    const stopGraceMs = 1500;
    const r = start({ [K.stopGraceMs]: String(stopGraceMs), [K.instanceName]: 'replica-1' });
    await env.upload('report.csv');
    // The handler runs: the group cursor, GetMessages and GetObject were all signed with the resource principal.
    await waitFor(() => r.lines.find((l) => l.type === 'handler-started'), { what: 'the handler to start', timeoutMs: 20_000 });
    const sent = Date.now();
    r.child.kill('SIGTERM');
    const exit = await r.exited;
    const tookMs = exit.at - sent;
    expect({ code: exit.code, signal: exit.signal }).toEqual({ code: 0, signal: null });
    expect(tookMs).toBeGreaterThanOrEqual(stopGraceMs - 100);
    expect(tookMs).toBeLessThan(gracefulShutdownSeconds(stopGraceMs) * 1000);
    expect(r.lines.map((l) => l.event).filter(Boolean)).toEqual(expect.arrayContaining(['claim-consumer-entry.starting', 'claim-consumer-entry.stopping', 'claim-consumer-entry.stopped']));
  }, 60_000);

  test('SIGTERM with nothing in flight: exits 0 at once', async () => {
    const r = start();
    await waitFor(() => r.lines.find((l) => l.event === 'claim-consumer-entry.starting'), { what: 'the consumer to start', timeoutMs: 20_000 });
    const sent = Date.now();
    r.child.kill('SIGTERM');
    const exit = await r.exited;
    expect({ code: exit.code, signal: exit.signal, lines: exit.code === 0 ? [] : r.lines.slice(-8) }).toEqual({ code: 0, signal: null, lines: [] });
    expect(exit.at - sent).toBeLessThan(3000);
  }, 60_000);

  test('the resource principal is checked: a token from another issuer is refused, the entry retries for startupRetrySeconds, then exits 1', async () => {
    const r = run(bundle, { ...env.fleetConfig('refused'), ...env.resourcePrincipal('computecontainerinstance', createIssuerKeyPair()), [K.startupRetrySeconds]: '3' });
    running.push(r);
    const exit = await r.exited;
    expect(exit.code).toBe(1);
    const events = r.lines.map((l) => l.event);
    expect(events).toContain('claim-consumer-entry.start-failed');
    expect(events).toContain('claim-consumer-entry.cannot-start');
    expect(JSON.stringify(r.lines.find((l) => l.event === 'claim-consumer-entry.cannot-start'))).toMatch(/NotAuthenticated|401|session token/i);
  }, 60_000);

  test('the health endpoint answers 200 while the consumer runs, 404 elsewhere', async () => {
    const port = await freePort();
    const r = start({ [K.healthPort]: String(port), [K.healthPath]: '/healthz' });
    const health = await waitFor(async () => {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/healthz`);
        return response.status === 200 ? ((await response.json()) as Record<string, unknown>) : undefined;
      } catch {
        return undefined;
      }
    }, { what: 'the health endpoint', timeoutMs: 20_000 });
    expect(health).toMatchObject({ state: 'running' });
    expect((await fetch(`http://127.0.0.1:${port}/other`)).status).toBe(404);
    r.child.kill('SIGTERM');
    expect((await r.exited).code).toBe(0);
  }, 60_000);

  test('a configuration it cannot run with: exit 2 at once, every problem named', async () => {
    const r = run(bundle, { [K.bucketNamespace]: 'ns', [K.concurrency]: 'four', [K.auth]: 'password' });
    running.push(r);
    const exit = await r.exited;
    expect(exit.code).toBe(2);
    const problems = r.lines.find((l) => l.event === 'claim-consumer-entry.invalid-configuration')?.problems;
    expect(problems).toEqual([
      `${K.auth} must be one of resource_principal, instance_principal, config_file, got "password"`,
      `${K.bucketName} is required`,
      `${K.stateBucketName} is required`,
      `${K.groupName} is required`,
      `${K.concurrency} must be a decimal integer from 1 to 1000, got "four"`,
      `${K.streamId} is required`,
      `${K.messagesEndpoint} is required`,
    ]);
  }, 30_000);
});
