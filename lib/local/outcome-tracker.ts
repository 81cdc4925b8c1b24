import type { DemoOutcomeLine } from './demo-consumer';

/** Counts of final outcomes over the uploaded objects; `claimcheck demo --json` prints exactly these fields. */
export interface DemoSummary {
  uploaded: number;
  /** Uploads the pipeline's object filter excludes (and that no consumer processed): no claim is expected. */
  filtered: number;
  published: number;
  processed: number;
  skipped: number;
  deadLettered: number;
  lost: number;
}

/**
 * Final outcome per object name, from the consumers' outcome lines. An object counts once in the summary:
 * processed wins over dead-lettered over skipped (a later redelivery may succeed where an earlier one failed).
 * A `duplicate` skip whose original was processed counts as processed: the group's checkpoint says a handler
 * succeeded, by an instance that then died or stopped before it could report or commit. (`committed` means the
 * group decided the original before this instance read the partition; in the demo that is a processed file.)
 * Delete claims are kept apart (`deleteOutcomes`): the demo counts files, and a delete has nothing to fetch.
 */
export class OutcomeTracker {
  /** How many times each object was processed (more than once = a duplicate within the group). */
  public readonly processedTimes = new Map<string, number>();
  public readonly skipped = new Map<string, string>();
  public readonly deadLettered = new Map<string, string>();
  /** The sha256 each object was uploaded with. */
  public readonly uploadedSha = new Map<string, string>();
  /**
   * Processed objects (of those in `uploadedSha`) whose outcome line does not carry the uploaded sha256: the content
   * the consumer read hashed differently, or no hash was reported at all (the content was not verified).
   */
  public readonly checksumMismatches: string[] = [];
  /** Which consumer instance processed each object (last one). */
  public readonly processedBy = new Map<string, string>();
  /** Delete claims (not files: never in the summary), by object name: their final status, `processed` wins. */
  public readonly deleteOutcomes = new Map<string, DemoOutcomeLine['status']>();
  /** Objects reported as duplicates of a processed original. */
  private readonly duplicateOfProcessed = new Set<string>();

  public record(line: DemoOutcomeLine): void {
    if (!line.object) return;
    if (line.eventType?.endsWith('deleteobject')) {
      if (this.deleteOutcomes.get(line.object) !== 'processed') this.deleteOutcomes.set(line.object, line.status);
      return;
    }
    if (line.status === 'processed') {
      this.processedTimes.set(line.object, (this.processedTimes.get(line.object) ?? 0) + 1);
      this.processedBy.set(line.object, line.instance);
      const expected = this.uploadedSha.get(line.object);
      if (expected !== undefined && line.sha256 !== expected) this.checksumMismatches.push(line.object);
    } else if (line.status === 'skipped') {
      this.skipped.set(line.object, line.reason ?? 'skipped');
      if (line.reason === 'duplicate' && (line.previous === 'processed' || line.previous === 'committed')) this.duplicateOfProcessed.add(line.object);
    }
    else this.deadLettered.set(line.object, line.reason ?? 'dead-lettered');
  }

  public done(name: string): boolean {
    return this.processedTimes.has(name) || this.skipped.has(name) || this.deadLettered.has(name);
  }

  /** Processed by this group: reported processed, or skipped because the group's marker says it was. */
  public processed(name: string): boolean {
    return this.processedTimes.has(name) || this.duplicateOfProcessed.has(name);
  }

  /** Objects processed more than once. */
  public duplicates(): string[] {
    return [...this.processedTimes].filter(([, times]) => times > 1).map(([name]) => name);
  }

  /** `excluded`: uploads the object filter excludes; one that was processed anyway counts as processed (a bug to see). */
  public summary(uploaded: readonly string[], published: number, excluded: ReadonlySet<string> = new Set()): DemoSummary {
    let processed = 0;
    let skipped = 0;
    let deadLettered = 0;
    let filtered = 0;
    for (const name of uploaded) {
      if (this.processed(name)) processed++;
      else if (this.deadLettered.has(name)) deadLettered++;
      else if (this.skipped.has(name)) skipped++;
      else if (excluded.has(name)) filtered++;
    }
    return { uploaded: uploaded.length, filtered, published, processed, skipped, deadLettered, lost: uploaded.length - filtered - processed - skipped - deadLettered };
  }

  /** Polls until every name has a final outcome (true) or the time is up (false); reports every second. */
  public async waitForAll(names: () => readonly string[], timeoutMs: number, report?: (pending: number) => void): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    let lastReport = 0;
    for (;;) {
      const pending = names().filter((name) => !this.done(name)).length;
      if (report && (Date.now() - lastReport >= 1000 || pending === 0)) {
        report(pending);
        lastReport = Date.now();
      }
      if (pending === 0) return true;
      if (Date.now() > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
