import { DeliveryResult } from '../emulators/events/events-emulator';
import { FdkProcess, LogLine } from './fdk-process';

export interface FunctionRunnerOptions {
  /** The bundled function (`func.js`). */
  readonly bundlePath: string;
  /** The function's configuration and Resource Principal variables, as the Fn agent passes them. */
  readonly env: Record<string, string>;
  /** The function's timeout: each call gets `Fn-Deadline` = now + timeout. @default 30 */
  readonly timeoutSeconds?: number;
  /** Receives the function's log lines. */
  readonly onLog?: (line: LogLine) => void;
}

/**
 * One function container, locally: the bundle under the FDK on a unix socket, taking one call at a time like
 * an Fn container, restarted if it dies (as Fn would start a new container). Its `deliver` is what the events
 * emulator calls, and maps the function's answer onto the Events service's retry decision:
 * - 200 `{status:'published'}`: delivered;
 * - 200 `{status:'rejected'}`: bad input, not retried (kept aside by the events emulator);
 * - anything else (502 from a throw, a crash, a hang-up): retried.
 */
export class FunctionRunner {
  private process?: FdkProcess;
  private starting?: Promise<FdkProcess>;
  private queue: Promise<unknown> = Promise.resolve();
  private stopped = false;
  public invocations = 0;
  public restarts = 0;

  constructor(private readonly options: FunctionRunnerOptions) {}

  /** Starts the container now rather than on the first event (cold start outside the first delivery). */
  public async start(): Promise<void> {
    await this.ensureProcess();
  }

  public deliver = (eventJson: string): Promise<DeliveryResult> => {
    const next = this.queue.then(() => this.invokeOnce(eventJson));
    this.queue = next.catch(() => undefined);
    return next;
  };

  public async stop(): Promise<void> {
    this.stopped = true;
    await this.queue;
    await this.process?.stop();
  }

  private async invokeOnce(eventJson: string): Promise<DeliveryResult> {
    if (this.stopped) return { delivered: false, retryable: true, detail: 'function runner stopped' };
    const fn = await this.ensureProcess();
    this.invocations++;
    try {
      const deadline = new Date(Date.now() + (this.options.timeoutSeconds ?? 30) * 1000);
      const response = await fn.invoke(eventJson, { deadline });
      return classifyResponse(response.status, response.body);
    } catch (error) {
      return { delivered: false, retryable: true, detail: `invoke failed: ${(error as Error).message}` };
    }
  }

  private async ensureProcess(): Promise<FdkProcess> {
    if (this.process?.alive) return this.process;
    if (!this.starting) {
      if (this.process) this.restarts++;
      this.starting = FdkProcess.start(this.options.bundlePath, this.options.env).then((fn) => {
        fn.onLog = this.options.onLog;
        this.process = fn;
        this.starting = undefined;
        return fn;
      });
      this.starting.catch(() => (this.starting = undefined));
    }
    return this.starting;
  }
}

export function classifyResponse(status: number, body: string): DeliveryResult {
  let parsed: { status?: string } | null = null;
  try {
    parsed = JSON.parse(body);
  } catch {
    parsed = null;
  }
  if (status === 200 && parsed?.status === 'published') return { delivered: true, retryable: false, detail: body };
  if (status === 200 && parsed?.status === 'rejected') return { delivered: false, retryable: false, detail: body };
  return { delivered: false, retryable: true, detail: `HTTP ${status}: ${body.slice(0, 500)}` };
}
