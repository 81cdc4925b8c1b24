import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import * as objectstorage from 'oci-objectstorage';
import { LocalCircuit } from './circuit';
import { DemoConsumerConfig, DemoOutcomeLine } from './demo-consumer';
import { DemoFile, filesFromDirectory, generateDemoFiles } from './demo-files';

export interface DemoOptions {
  readonly files: number;
  readonly fromDir?: string;
  readonly consumers: number;
  readonly json: boolean;
  /** Keep state here (and leave it); default a temp dir removed at the end. */
  readonly dataDir?: string;
  readonly timeoutSeconds: number;
  /** Where progress and the human summary go. @default process.stderr / process.stdout */
  readonly out?: NodeJS.WritableStream;
  readonly progress?: NodeJS.WritableStream;
}

/** The demo's result; `--json` prints exactly these six fields. */
export interface DemoSummary {
  uploaded: number;
  published: number;
  processed: number;
  skipped: number;
  deadLettered: number;
  lost: number;
}

const UPLOAD_CONCURRENCY = 8;
const CONSUMER_GROUP = 'claimcheck-demo';

/**
 * `claimcheck demo`: the whole circuit on this machine. Uploads files through the real Object Storage SDK,
 * lets the events emulator invoke the real function bundle, which publishes claim checks to the streaming
 * emulator, where K consumer processes (one consumer group) fetch and verify every object. A file is lost when
 * no consumer reached a final outcome for it (processed, skipped or dead-lettered) before the timeout.
 */
export async function runDemo(options: DemoOptions): Promise<DemoSummary> {
  const out = options.out ?? process.stdout;
  const progress = options.progress ?? process.stderr;
  const files = options.fromDir ? filesFromDirectory(options.fromDir) : generateDemoFiles(options.files);
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'claimcheck-demo-'));
  const stackEnv = { ...process.env, CLAIMCHECK_PARTITIONS: process.env.CLAIMCHECK_PARTITIONS ?? String(Math.max(2, options.consumers)) };

  progress.write(`claimcheck demo: ${files.length} files, ${options.consumers} consumers, state in ${dataDir}\n`);
  const circuit = await LocalCircuit.start({ dataDir, stackEnv });
  const tracker = new OutcomeTracker();
  const consumers = Array.from({ length: options.consumers }, (_, i) => startConsumer(circuit, i, tracker, progress));
  try {
    await Promise.all(consumers.map((c) => c.ready));
    const uploaded = await uploadAll(circuit, files, tracker);
    const finished = await waitForOutcomes(circuit, tracker, uploaded, options.timeoutSeconds * 1000, progress);
    const summary = tracker.summary(uploaded, circuit.publishedCount());
    if (!finished) progress.write(`timed out after ${options.timeoutSeconds} s\n`);
    out.write(humanSummary(summary, tracker, circuit));
    if (options.json) out.write(`${JSON.stringify(summary)}\n`);
    return summary;
  } finally {
    await Promise.all(consumers.map((c) => c.stop()));
    await circuit.stop();
    if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Final outcome per object name, from the consumers' outcome lines. */
class OutcomeTracker {
  public readonly processedTimes = new Map<string, number>();
  public readonly skipped = new Map<string, string>();
  public readonly deadLettered = new Map<string, string>();
  public readonly uploadedSha = new Map<string, string>();
  public readonly checksumMismatches: string[] = [];

  public record(line: DemoOutcomeLine): void {
    if (!line.object || line.eventType?.endsWith('deleteobject')) return;
    if (line.status === 'processed') {
      this.processedTimes.set(line.object, (this.processedTimes.get(line.object) ?? 0) + 1);
      const expected = this.uploadedSha.get(line.object);
      if (expected && line.sha256 && line.sha256 !== expected) this.checksumMismatches.push(line.object);
    } else if (line.status === 'skipped') this.skipped.set(line.object, line.reason ?? 'skipped');
    else this.deadLettered.set(line.object, line.reason ?? 'dead-lettered');
  }

  public done(name: string): boolean {
    return this.processedTimes.has(name) || this.skipped.has(name) || this.deadLettered.has(name);
  }

  public summary(uploaded: string[], published: number): DemoSummary {
    let processed = 0;
    let skipped = 0;
    let deadLettered = 0;
    for (const name of uploaded) {
      if (this.processedTimes.has(name)) processed++;
      else if (this.deadLettered.has(name)) deadLettered++;
      else if (this.skipped.has(name)) skipped++;
    }
    return { uploaded: uploaded.length, published, processed, skipped, deadLettered, lost: uploaded.length - processed - skipped - deadLettered };
  }
}

interface RunningConsumer {
  readonly ready: Promise<void>;
  stop(): Promise<void>;
}

function startConsumer(circuit: LocalCircuit, index: number, tracker: OutcomeTracker, progress: NodeJS.WritableStream): RunningConsumer {
  const config: DemoConsumerConfig = {
    streamId: circuit.streamId,
    messagesEndpoint: circuit.streaming.endpoint,
    objectStorageEndpoint: circuit.objectStorage.endpoint,
    namespace: circuit.namespace,
    bucket: circuit.bucketName,
    stateBucket: circuit.stateBucketName,
    groupName: CONSUMER_GROUP,
    instanceName: `consumer-${index + 1}`,
    region: circuit.region,
    apiKey: circuit.apiKey,
  };
  // The same entry point (bin/claimcheck) and loader flags (tsx when run from source) as this process.
  const child: ChildProcess = spawn(process.execPath, [...process.execArgv, process.argv[1], 'consume'], {
    env: { ...process.env, CLAIMCHECK_CONSUMER_CONFIG: JSON.stringify(config) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let markReady!: () => void;
  let failReady!: (e: Error) => void;
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    failReady = reject;
  });
  const stderrTail: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => {
    stderrTail.push(line);
    if (stderrTail.length > 20) stderrTail.shift();
  });
  createInterface({ input: child.stdout! }).on('line', (line) => {
    let parsed: any;
    try {
      parsed = JSON.parse(line);
    } catch {
      return;
    }
    if (parsed.type === 'ready') markReady();
    else if (parsed.type === 'outcome') tracker.record(parsed as DemoOutcomeLine);
  });
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      if (code !== 0 && signal !== 'SIGTERM') {
        progress.write(`consumer-${index + 1} exited (${code ?? signal}):\n${stderrTail.join('\n')}\n`);
      }
      failReady(new Error(`consumer-${index + 1} exited before it was ready`));
      resolve();
    }),
  );
  return {
    ready,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15000);
      await exited;
      clearTimeout(timer);
    },
  };
}

async function uploadAll(circuit: LocalCircuit, files: DemoFile[], tracker: OutcomeTracker): Promise<string[]> {
  const client = new objectstorage.ObjectStorageClient({ authenticationDetailsProvider: circuit.authProvider() });
  client.endpoint = circuit.objectStorage.endpoint;
  const uploaded: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++];
      tracker.uploadedSha.set(file.name, file.sha256);
      await client.putObject({
        namespaceName: circuit.namespace,
        bucketName: circuit.bucketName,
        objectName: file.name,
        putObjectBody: file.content,
        contentLength: file.content.length,
        opcMeta: { sha256: file.sha256 },
      });
      uploaded.push(file.name);
    }
  };
  await Promise.all(Array.from({ length: UPLOAD_CONCURRENCY }, worker));
  client.close();
  return uploaded;
}

async function waitForOutcomes(
  circuit: LocalCircuit,
  tracker: OutcomeTracker,
  uploaded: string[],
  timeoutMs: number,
  progress: NodeJS.WritableStream,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  let lastReport = 0;
  for (;;) {
    const remaining = uploaded.filter((name) => !tracker.done(name)).length;
    if (Date.now() - lastReport > 1000 || remaining === 0) {
      const s = tracker.summary(uploaded, circuit.publishedCount());
      progress.write(
        `uploaded ${s.uploaded}  published ${s.published}  processed ${s.processed}  skipped ${s.skipped}  dead-lettered ${s.deadLettered}  pending ${remaining}\n`,
      );
      lastReport = Date.now();
    }
    if (remaining === 0) return true;
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
}

function humanSummary(summary: DemoSummary, tracker: OutcomeTracker, circuit: LocalCircuit): string {
  const duplicates = [...tracker.processedTimes.values()].filter((n) => n > 1).length;
  const lines = [
    '',
    'claim-check demo summary',
    `  uploaded       ${summary.uploaded}`,
    `  published      ${summary.published} claim checks on the stream`,
    `  processed      ${summary.processed}`,
    `  skipped        ${summary.skipped}`,
    `  dead-lettered  ${summary.deadLettered}`,
    `  lost           ${summary.lost}`,
    `  (processed twice: ${duplicates}; checksum mismatches: ${tracker.checksumMismatches.length}; function invocations: ${circuit.fn.invocations}, restarts: ${circuit.fn.restarts}; events retried: ${circuit.events.stats.retries})`,
    '',
  ];
  return lines.join('\n');
}
