/**
 * Runs a consumer until SIGTERM or SIGINT (what Kubernetes, systemd and Ctrl-C send), then stops it gracefully:
 * the batch in progress finishes and is committed before the promise resolves. A second signal is not caught
 * (the handlers are installed with `once`), so it terminates the process the default way.
 */
import type { ClaimCheckConsumer } from './consumer';

/** Options of `runUntilSignal`. */
export interface RunUntilSignalOptions {
  /** @default ['SIGTERM', 'SIGINT'] */
  signals?: NodeJS.Signals[];
  /** Called when a signal arrives, before stopping (e.g. to log it). */
  onSignal?: (signal: NodeJS.Signals) => void;
}

/**
 * Runs the consumer until SIGTERM or SIGINT (by default), then stops it: claims in flight get `stopGraceMs`, the
 * batch is committed. Resolves when the consumer has stopped; a second signal gets the default behaviour.
 */
export async function runUntilSignal(consumer: Pick<ClaimCheckConsumer, 'run' | 'stop'>, options: RunUntilSignalOptions = {}): Promise<void> {
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  const listeners = new Map<NodeJS.Signals, () => void>();
  let stopping: Promise<void> | null = null;
  for (const signal of signals) {
    const listener = (): void => {
      options.onSignal?.(signal);
      // Remove the others too, so a second signal of any kind gets the default behaviour.
      for (const [s, l] of listeners) process.removeListener(s, l);
      stopping = consumer.stop();
    };
    listeners.set(signal, listener);
    process.once(signal, listener);
  }
  try {
    await consumer.run();
    // run() settles when the consumer is done; also wait for stop() itself, so callers may exit right after.
    await stopping;
  } finally {
    for (const [s, l] of listeners) process.removeListener(s, l);
  }
}
