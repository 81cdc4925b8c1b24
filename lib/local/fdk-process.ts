/**
 * Runs a bundled Fn function locally exactly the way the Fn agent does (fnproject/fn `api/agent`), without Docker:
 * spawn `node func.js` with FN_FORMAT=http-stream and FN_LISTENER=unix:<fresh dir>/lsnr.sock, wait for the FDK's
 * `lsnr.sock` symlink (it appears only once the socket is listening and chmod'ed), then `POST /call` over the
 * unix socket with `Fn-Call-Id` and an RFC 3339 `Fn-Deadline`.
 */
import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { systemClock } from '../runtime/clock';
import { withinMs } from '../runtime/deadline';

export interface FdkResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** Wall-clock time from sending the request to the end of the response. */
  elapsedMs: number;
}

export interface InvokeOptions {
  callId?: string;
  /** Absolute deadline; default now + 30 s. */
  deadline?: Date;
  headers?: Record<string, string>;
  /** Aborts the request (the caller gave up on the call, e.g. at its deadline). */
  signal?: AbortSignal;
}

export interface LogLine {
  stream: 'stdout' | 'stderr';
  text: string;
  /** Parsed when the line is a JSON object (our structured logs). */
  json: Record<string, unknown> | null;
}

const MAX_KEPT_LOG_LINES = 5000;

export class FdkProcess {
  readonly logs: LogLine[] = [];
  private exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  private callCounter = 0;

  private constructor(
    readonly child: ChildProcess,
    readonly dir: string,
    readonly socketPath: string,
  ) {
    for (const stream of ['stdout', 'stderr'] as const) {
      let pending = '';
      child[stream]!.setEncoding('utf8').on('data', (chunk: string) => {
        pending += chunk;
        let newline: number;
        while ((newline = pending.indexOf('\n')) >= 0) {
          this.addLog(stream, pending.slice(0, newline));
          pending = pending.slice(newline + 1);
        }
      });
    }
    child.on('exit', (code, signal) => {
      this.exit = { code, signal };
    });
  }

  /**
   * Starts `node <bundle>` in the Fn container's environment. `env` is the function's config (Fn passes config
   * as env vars); the child gets only that plus PATH, so nothing leaks in from the test machine.
   */
  static async start(bundlePath: string, env: Record<string, string>, options: { readyTimeoutMs?: number; cwd?: string } = {}): Promise<FdkProcess> {
    // A fresh dir per process: stale lsnr.sock / lsnr.sock.tmp files make the FDK exit (EADDRINUSE / EEXIST).
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fdk-'));
    const socketPath = path.join(dir, 'lsnr.sock');
    if (Buffer.byteLength(socketPath) > 107) throw new Error(`Socket path too long for a unix socket: ${socketPath}`);
    const child = spawn(process.execPath, [bundlePath], {
      cwd: options.cwd ?? dir,
      env: { PATH: process.env.PATH ?? '', ...env, FN_FORMAT: 'http-stream', FN_LISTENER: `unix:${socketPath}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const fdk = new FdkProcess(child, dir, socketPath);
    await fdk.waitForSocket(options.readyTimeoutMs ?? 10_000);
    return fdk;
  }

  get alive(): boolean {
    return this.exit === null && this.child.exitCode === null;
  }

  get exitInfo(): { code: number | null; signal: NodeJS.Signals | null } | null {
    return this.exit;
  }

  /** Our structured log lines (JSON objects), optionally only those with the given `event`. */
  events(event?: string): Array<Record<string, unknown>> {
    return this.logs.flatMap((l) => (l.json && (event === undefined || l.json.event === event) ? [l.json] : []));
  }

  /**
   * Waits until `predicate` holds for the structured log lines (stdout/stderr arrive through pipes, so a line can
   * land a moment after the response), then returns the matching lines. Returns what there is after `timeoutMs`.
   */
  async waitForEvents(
    filter: (line: Record<string, unknown>) => boolean,
    until: (lines: Array<Record<string, unknown>>) => boolean = (lines) => lines.length > 0,
    timeoutMs = 3_000,
  ): Promise<Array<Record<string, unknown>>> {
    const start = Date.now();
    for (;;) {
      const lines = this.events().filter(filter);
      if (until(lines) || Date.now() - start > timeoutMs) return lines;
      await systemClock.sleep(10);
    }
  }

  invoke(body: string | Buffer, options: InvokeOptions = {}): Promise<FdkResponse> {
    this.callCounter += 1;
    const callId = options.callId ?? `call-${this.callCounter}`;
    const deadline = options.deadline ?? new Date(Date.now() + 30_000);
    return invokeSocket(
      this.socketPath,
      body,
      {
        'Content-Type': 'application/json',
        'Fn-Call-Id': callId,
        'Fn-Deadline': toRfc3339(deadline),
        ...options.headers,
      },
      options.signal,
    );
  }

  /**
   * Kills the process at once (SIGKILL), as Fn tears down a container whose call ran past its deadline, and
   * resolves once it has exited. Unlike `stop()`, it does not give the process a chance to finish anything.
   */
  async kill(): Promise<void> {
    if (this.alive) {
      const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
      this.child.kill('SIGKILL');
      await exited;
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  async stop(): Promise<void> {
    if (this.alive) {
      const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
      this.child.kill('SIGTERM');
      await withinMs(exited, 3_000, undefined);
      if (this.alive) this.child.kill('SIGKILL');
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  private async waitForSocket(timeoutMs: number): Promise<void> {
    const start = Date.now();
    while (!fs.existsSync(this.socketPath)) {
      if (!this.alive) {
        throw new Error(`Function exited before listening (${JSON.stringify(this.exit)}):\n${this.logs.map((l) => l.text).join('\n')}`);
      }
      if (Date.now() - start > timeoutMs) throw new Error(`Function did not listen on ${this.socketPath} within ${timeoutMs} ms`);
      await systemClock.sleep(5);
    }
  }

  /** Called with every log line as it arrives (e.g. to forward the function's logs). */
  onLog?: (line: LogLine) => void;

  private addLog(stream: 'stdout' | 'stderr', text: string): void {
    let json: Record<string, unknown> | null = null;
    if (text.startsWith('{')) {
      try {
        json = JSON.parse(text);
      } catch {
        json = null;
      }
    }
    const line = { stream, text, json };
    this.logs.push(line);
    // Keep memory bounded in long-running local circuits: the newest lines are the useful ones.
    if (this.logs.length > MAX_KEPT_LOG_LINES) this.logs.splice(0, this.logs.length - MAX_KEPT_LOG_LINES);
    this.onLog?.(line);
  }
}

/** Go's time.RFC3339 (what the Fn agent sends): second precision, `Z`. */
export function toRfc3339(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function invokeSocket(socketPath: string, body: string | Buffer, headers: Record<string, string>, signal?: AbortSignal): Promise<FdkResponse> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const request = http.request({ socketPath, path: '/call', method: 'POST', headers, signal }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8'), elapsedMs: Date.now() - started }),
      );
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}
