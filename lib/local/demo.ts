import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalCircuit } from './circuit';
import { ConsumeCommand, ConsumerProcess, sameProgramConsumeCommand } from './consumer-process';
import { filesFromDirectory, generateDemoFiles } from './demo-files';
import { DemoSummary, OutcomeTracker } from './outcome-tracker';
import { uploadFiles } from './upload-files';

export type { DemoSummary } from './outcome-tracker';

export interface DemoOptions {
  /** Number of generated files (ignored with `fromDir`). */
  readonly files: number;
  /** Upload every file under this directory instead, named by its relative path. */
  readonly fromDir?: string;
  /** Consumer processes in the group. */
  readonly consumers: number;
  /** Print the summary as one JSON line at the end. */
  readonly json: boolean;
  /** Keep state here (and leave it); default a temp dir removed at the end. */
  readonly dataDir?: string;
  /** Give up waiting for outcomes after this long (the missing files count as lost). */
  readonly timeoutSeconds: number;
  /** How to start a consumer process. @default this program with `consume` */
  readonly consumeCommand?: ConsumeCommand;
  /** Where the human summary and the JSON line go. @default process.stdout */
  readonly out?: NodeJS.WritableStream;
  /** Where progress goes. @default process.stderr */
  readonly progress?: NodeJS.WritableStream;
}

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
  // At least one partition per consumer, or the extra consumers idle.
  const stackEnv = { ...process.env, CLAIMCHECK_PARTITIONS: process.env.CLAIMCHECK_PARTITIONS || String(Math.max(2, options.consumers)) };

  progress.write(`claimcheck demo: ${files.length} files, ${options.consumers} consumers, state in ${dataDir}\n`);
  const circuit = await LocalCircuit.start({ dataDir, stackEnv });
  const tracker = new OutcomeTracker();
  const consumers = Array.from(
    { length: options.consumers },
    (_, i) =>
      new ConsumerProcess({
        circuit,
        groupName: CONSUMER_GROUP,
        instanceName: `consumer-${i + 1}`,
        command: options.consumeCommand ?? sameProgramConsumeCommand(),
        onOutcome: (line) => tracker.record(line),
        onAbnormalExit: (message) => progress.write(`${message}\n`),
      }),
  );
  try {
    await Promise.all(consumers.map((c) => c.ready));
    for (const file of files) tracker.uploadedSha.set(file.name, file.sha256);
    const uploaded = await uploadFiles(circuit, files);
    const finished = await tracker.waitForAll(
      () => uploaded,
      options.timeoutSeconds * 1000,
      (pending) => {
        const s = tracker.summary(uploaded, circuit.publishedCount());
        progress.write(
          `uploaded ${s.uploaded}  published ${s.published}  processed ${s.processed}  skipped ${s.skipped}  dead-lettered ${s.deadLettered}  pending ${pending}\n`,
        );
      },
    );
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

function humanSummary(summary: DemoSummary, tracker: OutcomeTracker, circuit: LocalCircuit): string {
  const lines = [
    '',
    'claim-check demo summary',
    `  uploaded       ${summary.uploaded}`,
    `  published      ${summary.published} claim checks on the stream`,
    `  processed      ${summary.processed}`,
    `  skipped        ${summary.skipped}`,
    `  dead-lettered  ${summary.deadLettered}`,
    `  lost           ${summary.lost}`,
    `  (processed twice: ${tracker.duplicates().length}; checksum mismatches: ${tracker.checksumMismatches.length}; ` +
      `function invocations: ${circuit.fn.invocations}, restarts: ${circuit.fn.restarts}; events retried: ${circuit.events.stats.retries})`,
    '',
  ];
  return lines.join('\n');
}
