import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalCircuit } from '../../lib/local/circuit';
import { ConsumeCommand, ConsumerProcess } from '../../lib/local/consumer-process';
import { DemoFile, generateDemoFiles } from '../../lib/local/demo-files';
import { OutcomeTracker } from '../../lib/local/outcome-tracker';
import { waitFor } from './wait-for';

/** `claimcheck consume` from source, as its own OS process (tsx as the loader). */
export const CONSUME_FROM_SOURCE: ConsumeCommand = {
  command: process.execPath,
  args: ['--import', 'tsx', join(__dirname, '..', '..', 'bin', 'claimcheck.ts'), 'consume'],
};

/**
 * A local circuit in a temp dir with consumer processes per group, each group with its own outcome tracker.
 * `close()` stops everything and removes the temp dir.
 */
export class CircuitHarness {
  public static async start(options: { partitions?: number; dropEvents?: { share: number; seed?: string } } = {}): Promise<CircuitHarness> {
    const dataDir = mkdtempSync(join(tmpdir(), 'claimcheck-e2e-'));
    const circuit = await LocalCircuit.start({
      dataDir,
      stackEnv: { CLAIMCHECK_PARTITIONS: String(options.partitions ?? 2) },
      dropEvents: options.dropEvents,
    });
    return new CircuitHarness(circuit, dataDir);
  }

  public readonly trackers = new Map<string, OutcomeTracker>();
  public readonly consumers: ConsumerProcess[] = [];
  public readonly abnormalExits: string[] = [];

  private constructor(
    public readonly circuit: LocalCircuit,
    public readonly dataDir: string,
  ) {}

  public tracker(group: string): OutcomeTracker {
    let tracker = this.trackers.get(group);
    if (!tracker) this.trackers.set(group, (tracker = new OutcomeTracker()));
    return tracker;
  }

  /** Starts one consumer process in `group` and waits until it has joined. */
  public async startConsumer(group: string, instanceName: string): Promise<ConsumerProcess> {
    const consumer = new ConsumerProcess({
      circuit: this.circuit,
      groupName: group,
      instanceName,
      command: CONSUME_FROM_SOURCE,
      onOutcome: (line) => this.tracker(group).record(line),
      onAbnormalExit: (message) => this.abnormalExits.push(message),
    });
    this.consumers.push(consumer);
    await consumer.ready;
    return consumer;
  }

  /** Generated files (awkward names), named with a prefix so batches in one test do not collide. */
  public files(count: number, prefix: string): DemoFile[] {
    return generateDemoFiles(count).map((file) => ({ ...file, name: `${prefix}/${file.name}` }));
  }

  /** Every claim check on the stream, decoded. */
  public claimsOnStream(): Array<{ key: string; claim: any }> {
    return this.circuit.streaming
      .readAll(this.circuit.streamId)
      .map((message) => ({ key: message.key?.toString('utf8') ?? '', claim: JSON.parse(message.value.toString('utf8')) }));
  }

  public async close(): Promise<void> {
    await Promise.all(this.consumers.map((consumer) => consumer.stop()));
    await this.circuit.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/** Resolves once every name has a final outcome in `tracker`; at the deadline, fails naming what is still pending. */
export async function waitForOutcomes(tracker: OutcomeTracker, names: readonly string[], timeoutMs: number): Promise<void> {
  await waitFor(() => names.every((name) => tracker.done(name)), {
    timeoutMs,
    intervalMs: 50,
    what: `a final outcome (processed, skipped or dead-lettered) for each of ${names.length} uploads`,
    state: () => {
      const pending = names.filter((name) => !tracker.done(name));
      return { pending: pending.length, first: pending.slice(0, 3) };
    },
  });
}

/** Fault ids are UUIDs (`randomUUID`). */
export const FAULT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Asserts every name reached `processed` in the tracker exactly once, with the uploaded content. */
export function processedExactlyOnce(tracker: OutcomeTracker, names: readonly string[]): { missing: string[]; duplicated: string[] } {
  return {
    missing: names.filter((name) => !tracker.processedTimes.has(name)),
    duplicated: names.filter((name) => (tracker.processedTimes.get(name) ?? 0) > 1),
  };
}
