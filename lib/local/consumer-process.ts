import { ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { LocalCircuit } from './circuit';
import type { DemoConsumerConfig, DemoOutcomeLine } from './demo-consumer';

/** How to start `claimcheck consume`: a program and its arguments. */
export interface ConsumeCommand {
  readonly command: string;
  readonly args: readonly string[];
}

/**
 * The command this process was started with, with `consume` as the sub-command: the same entry point
 * (bin/claimcheck) and the same loader flags (tsx when run from source) as the running CLI.
 */
export function sameProgramConsumeCommand(): ConsumeCommand {
  return { command: process.execPath, args: [...process.execArgv, process.argv[1], 'consume'] };
}

export interface ConsumerProcessOptions {
  readonly circuit: LocalCircuit;
  readonly groupName: string;
  readonly instanceName: string;
  readonly command: ConsumeCommand;
  /** More environment for the process (e.g. the consumer entry's configuration, lib/local/handler-consumers.ts). */
  readonly env?: Readonly<Record<string, string>>;
  readonly onOutcome: (line: DemoOutcomeLine) => void;
  /** Where the process's last stderr lines go when it exits abnormally. */
  readonly onAbnormalExit?: (message: string) => void;
}

/**
 * One consumer of the fleet as its own OS process (so it can be killed for real), configured through
 * CLAIMCHECK_CONSUMER_CONFIG and reporting each outcome as a JSON line on stdout (see demo-consumer.ts).
 */
export class ConsumerProcess {
  public readonly ready: Promise<void>;
  public readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly child: ChildProcess;

  public constructor(private readonly options: ConsumerProcessOptions) {
    const { circuit } = options;
    const config: DemoConsumerConfig = {
      streamId: circuit.streamId,
      messagesEndpoint: circuit.streaming.endpoint,
      objectStorageEndpoint: circuit.objectStorage.endpoint,
      namespace: circuit.namespace,
      bucket: circuit.bucketName,
      stateBucket: circuit.stateBucketName,
      groupName: options.groupName,
      instanceName: options.instanceName,
      region: circuit.region,
      apiKey: circuit.apiKey,
    };
    this.child = spawn(options.command.command, [...options.command.args], {
      env: { ...process.env, CLAIMCHECK_CONSUMER_CONFIG: JSON.stringify(config), ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let markReady!: () => void;
    let failReady!: (error: Error) => void;
    this.ready = new Promise<void>((resolve, reject) => {
      markReady = resolve;
      failReady = reject;
    });
    this.ready.catch(() => undefined); // observed by whoever awaits it
    const stderrTail: string[] = [];
    createInterface({ input: this.child.stderr! }).on('line', (line) => {
      stderrTail.push(line);
      if (stderrTail.length > 20) stderrTail.shift();
    });
    createInterface({ input: this.child.stdout! }).on('line', (line) => {
      let parsed: { type?: string };
      try {
        parsed = JSON.parse(line);
      } catch {
        return; // not one of ours
      }
      if (parsed.type === 'ready') markReady();
      else if (parsed.type === 'outcome') options.onOutcome(parsed as DemoOutcomeLine);
    });
    this.exited = new Promise((resolve) =>
      this.child.once('exit', (code, signal) => {
        if (code !== 0 && signal !== 'SIGTERM' && signal !== 'SIGKILL') {
          options.onAbnormalExit?.(`${options.instanceName} exited (${code ?? signal}):\n${stderrTail.join('\n')}`);
        }
        failReady(new Error(`${options.instanceName} exited before it was ready:\n${stderrTail.join('\n')}`));
        resolve({ code, signal });
      }),
    );
  }

  public get instanceName(): string {
    return this.options.instanceName;
  }

  /** Kills the process with a signal, without waiting (SIGKILL = a crash: no graceful shutdown, no commit). */
  public kill(signal: NodeJS.Signals): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
  }

  /** Graceful stop (SIGTERM: finish in-flight claims, commit), SIGKILL after `graceMs`. */
  public async stop(graceMs = 15000): Promise<void> {
    this.kill('SIGTERM');
    const timer = setTimeout(() => this.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}
