import type { DeliveryResult } from '../emulators/events/events-emulator';
import { FunctionRunner, FunctionRunnerOptions } from './function-runner';

/** What the pool needs of one function container (a `FunctionRunner`). */
export interface FunctionContainer {
  deliver(eventJson: string): Promise<DeliveryResult>;
  start(): Promise<void>;
  stop(): Promise<void>;
  readonly invocations: number;
  readonly restarts: number;
  readonly timeouts: number;
  readonly pid: number | undefined;
}

export interface FunctionPoolOptions extends FunctionRunnerOptions {
  /** Containers side by side, each taking one call at a time. @default 1 */
  readonly containers?: number;
  /** How container `index` is made. @default a `FunctionRunner` with these options */
  readonly createContainer?: (index: number, options: FunctionRunnerOptions) => FunctionContainer;
}

/**
 * One function, several containers: `containers` `FunctionRunner`s sharing the same bundle and config, each one call
 * at a time as in Fn. A call goes to an idle container (the one used last first, as Fn reuses a hot container); when
 * every container is busy it waits for the first one to free up. OCI Functions starts another container for a call
 * that arrives while the others are busy; here the number is fixed, and the Events emulator's `concurrency` keeps
 * the calls in flight to that number. Nothing is kept per call: the counters are sums over the containers.
 */
export class FunctionPool {
  public readonly containers: readonly FunctionContainer[];
  private readonly idle: FunctionContainer[];
  private readonly waiters: Array<(container: FunctionContainer) => void> = [];

  public constructor(options: FunctionPoolOptions) {
    const count = options.containers ?? 1;
    if (!(Number.isInteger(count) && count >= 1)) throw new Error(`containers must be an integer >= 1; got ${JSON.stringify(options.containers)}`);
    const create = options.createContainer ?? ((_index: number, runnerOptions: FunctionRunnerOptions) => new FunctionRunner(runnerOptions));
    this.containers = Array.from({ length: count }, (_, index) => create(index, options));
    // Popped from the end: the first container takes the first call.
    this.idle = [...this.containers].reverse();
  }

  /** Calls answered or cut, over every container. */
  public get invocations(): number {
    return this.sum((c) => c.invocations);
  }

  /** Containers started again after one died or was killed. */
  public get restarts(): number {
    return this.sum((c) => c.restarts);
  }

  /** Calls killed at their deadline. */
  public get timeouts(): number {
    return this.sum((c) => c.timeouts);
  }

  /** The first container's process id. */
  public get pid(): number | undefined {
    return this.containers[0].pid;
  }

  /** Every container's process id (undefined for one not started). */
  public get pids(): Array<number | undefined> {
    return this.containers.map((c) => c.pid);
  }

  /** Containers busy with a call now. */
  public get busy(): number {
    return this.containers.length - this.idle.length;
  }

  /** Starts every container now rather than on its first call. */
  public async start(): Promise<void> {
    await Promise.all(this.containers.map((c) => c.start()));
  }

  /** Hands the event to an idle container (waiting for one if all are busy); the Events emulator's target. */
  public deliver = async (eventJson: string): Promise<DeliveryResult> => {
    const container = this.idle.pop() ?? (await new Promise<FunctionContainer>((resolve) => this.waiters.push(resolve)));
    try {
      return await container.deliver(eventJson);
    } finally {
      const waiter = this.waiters.shift();
      if (waiter) waiter(container);
      else this.idle.push(container);
    }
  };

  /** Stops every container; calls in flight are cut (a retryable failure, as `FunctionRunner.stop` answers them). */
  public async stop(): Promise<void> {
    await Promise.all(this.containers.map((c) => c.stop()));
  }

  private sum(of: (container: FunctionContainer) => number): number {
    return this.containers.reduce((total, container) => total + of(container), 0);
  }
}
