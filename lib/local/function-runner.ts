import { DeliveryResult } from '../emulators/events/events-emulator';
import { withTimeout } from '../runtime/deadline';
import { FdkProcess, LogLine } from './fdk-process';

export interface FunctionRunnerOptions {
  /** The bundled function (`func.js`). */
  readonly bundlePath: string;
  /** The function's configuration and Resource Principal variables, as the Fn agent passes them. */
  readonly env: Record<string, string>;
  /**
   * The function's timeout: each call gets `Fn-Deadline` = now + timeout, and is killed if it has not answered by
   * then. @default 30 (OCI's default function timeout)
   */
  readonly timeoutSeconds?: number;
  /** Receives the function's log lines. */
  readonly onLog?: (line: LogLine) => void;
}

/**
 * What Fn answers when a call outlives its deadline: `ErrCallTimeout`, HTTP 504 with the message "Timed out"
 * (fnproject/fn api/models/error.go; api/agent/agent.go `handleCallEnd` maps the exec context's
 * DeadlineExceeded to it). The `{"message"}` body is our rendering of that error; nothing here depends on it.
 */
export const FN_TIMEOUT_STATUS = 504;
export const FN_TIMEOUT_BODY = JSON.stringify({ message: 'Timed out' });

/** How a call in flight ended other than by an answer. */
type Interruption = 'deadline' | 'stopped';

/**
 * One function container, locally: the bundle under the FDK on a unix socket, taking one call at a time like
 * an Fn container, restarted if it dies (as Fn would start a new container). Its `deliver` is what the events
 * emulator calls, and maps the function's answer onto the Events service's retry decision:
 * - 200 `{status:'published'}`: delivered;
 * - 200 `{status:'rejected'}`: bad input, not retried (kept aside by the events emulator);
 * - anything else (502 from a throw, a crash, a hang-up, a timeout): retried.
 *
 * As in Fn, a call is bounded by its deadline: if the function has not answered by `Fn-Deadline`, the container
 * process is killed (the Fn agent treats a container whose call timed out as unusable and tears it down: "If
 * http-uds timeout, container cannot continue", fnproject/fn api/agent/agent.go), the call is answered 504
 * (FN_TIMEOUT_BODY), and the next call gets a fresh process. So one wedged call cannot stall later deliveries,
 * and `stop()` kills a call in flight instead of waiting for it, so it always returns.
 */
export class FunctionRunner {
  private process?: FdkProcess;
  private starting?: Promise<FdkProcess>;
  private queue: Promise<unknown> = Promise.resolve();
  private stopped = false;
  /** Ends the call in flight early (set while a call is in flight). */
  private interrupt?: (why: Interruption) => void;
  public invocations = 0;
  public restarts = 0;
  /** Calls killed at their deadline. */
  public timeouts = 0;

  constructor(private readonly options: FunctionRunnerOptions) {}

  /** The container process's pid (undefined before the first start). */
  public get pid(): number | undefined {
    return this.process?.child.pid;
  }

  /** Starts the container now rather than on the first event (cold start outside the first delivery). */
  public async start(): Promise<void> {
    await this.ensureProcess();
  }

  public deliver = (eventJson: string): Promise<DeliveryResult> => {
    const next = this.queue.then(() => this.invokeOnce(eventJson));
    this.queue = next.catch(() => undefined);
    return next;
  };

  /**
   * Kills a call in flight (answered as a retryable failure, so the Events emulator keeps the event), refuses
   * the queued ones the same way, then stops the container. Always returns: nothing here waits on the function.
   */
  public async stop(): Promise<void> {
    this.stopped = true;
    this.interrupt?.('stopped');
    await this.queue;
    await this.starting?.catch(() => undefined);
    await this.process?.stop();
  }

  private async invokeOnce(eventJson: string): Promise<DeliveryResult> {
    if (this.stopped) return STOPPED;
    const fn = await this.ensureProcess();
    if (this.stopped) return STOPPED;
    this.invocations++;
    const timeoutMs = (this.options.timeoutSeconds ?? 30) * 1000;
    const deadline = new Date(Date.now() + timeoutMs);
    const stop = new AbortController();
    this.interrupt = (why) => stop.abort(why);
    try {
      // The kill is at the deadline itself; the Fn-Deadline header is the same moment rounded down to the second.
      const outcome = await withTimeout(timeoutMs, (signal) => fn.invoke(eventJson, { deadline, signal }), {
        signal: stop.signal,
        timeoutError: (): Interruption => 'deadline',
      }).catch(async (reason: unknown) => {
        if (reason !== 'deadline' && reason !== 'stopped') throw reason;
        await fn.kill();
        return reason as Interruption;
      });
      if (outcome === 'stopped') return { delivered: false, retryable: true, detail: 'function runner stopped: the call in flight was killed' };
      if (outcome === 'deadline') {
        this.timeouts++;
        return classifyResponse(FN_TIMEOUT_STATUS, FN_TIMEOUT_BODY);
      }
      return classifyResponse(outcome.status, outcome.body);
    } catch (error) {
      return { delivered: false, retryable: true, detail: `invoke failed: ${(error as Error).message}` };
    } finally {
      this.interrupt = undefined;
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

const STOPPED: DeliveryResult = { delivered: false, retryable: true, detail: 'function runner stopped' };

export function classifyResponse(status: number, body: string): DeliveryResult {
  let parsed: { status?: string } | null = null;
  try {
    parsed = JSON.parse(body);
  } catch {
    parsed = null;
  }
  // Filtered: the pipeline's object filter excludes the object; acknowledged like a publish (nothing to retry).
  if (status === 200 && (parsed?.status === 'published' || parsed?.status === 'filtered')) return { delivered: true, retryable: false, detail: body };
  if (status === 200 && parsed?.status === 'rejected') return { delivered: false, retryable: false, detail: body };
  return { delivered: false, retryable: true, detail: `HTTP ${status}: ${body.slice(0, 500)}` };
}
