/**
 * From where each consumer group counts a claim on a partition as its own: the group's progress record
 * (`<prefix>progress/<group>/<partition>.json` in the consumer state bucket, lib/consumer/progress-store.ts) says
 * from which offset on the group has decided the partition (`decidedFrom`, written once by its first reader).
 *
 * - record with `decidedFrom`: claims at or after it were (or are about to be) decided by the group; claims before
 *   it predate the group's start (it started at LATEST, say) and were never read by it.
 * - no record: the group has not read the partition yet and will start at its beginning (every retained claim is
 *   still ahead of it). A group that does not exist yet and will be created at LATEST is the exception: it never
 *   reads what is already there, which no record can tell.
 * - a record without `decidedFrom` (written before consumers recorded it): the group read the partition from an
 *   unknown point; every retained claim counts, as the consumer of that time trusted the whole stream.
 * - a record that cannot be understood: nothing on that partition counts for the group (objects whose claims are
 *   there are republished; the group dedupes what it already did within its window).
 */
import { BucketProgressStore } from '../consumer/progress-store';
import type { ReconcilerObjectStorageApi } from './clients';

/** Per group and partition: the lowest offset that counts, or null when every retained claim counts. */
export type GroupStarts = Map<string, Map<string, number | null>>;

/** An offset no claim reaches: nothing counts. */
export const NOTHING_COUNTS = Number.POSITIVE_INFINITY;

export async function readGroupStarts(
  options: { client: ReconcilerObjectStorageApi; namespace: string; bucket: string; prefix: string; streamId: string; groups: readonly string[]; partitions: readonly string[] },
  onProblem: (group: string, partition: string, problem: string) => void,
): Promise<GroupStarts> {
  const starts: GroupStarts = new Map();
  for (const group of options.groups) {
    const store = new BucketProgressStore({
      client: options.client,
      namespace: options.namespace,
      bucket: options.bucket,
      prefix: options.prefix,
      group,
      instance: 'reconciler',
      streamId: options.streamId,
    });
    const byPartition = new Map<string, number | null>();
    for (const partition of options.partitions) {
      const { decidedFrom, version, problem } = await store.load(partition);
      if (problem) {
        onProblem(group, partition, problem);
        byPartition.set(partition, NOTHING_COUNTS);
      } else {
        byPartition.set(partition, version === null ? null : decidedFrom ?? null);
      }
    }
    starts.set(group, byPartition);
  }
  return starts;
}

/** True when a claim at `offset` of `partition` counts for every group (always, without groups). */
export function countsForEveryGroup(starts: GroupStarts, partition: string, offset: number): boolean {
  for (const byPartition of starts.values()) {
    const from = byPartition.get(partition);
    if (from === undefined || from === null) continue; // no record: the group will read it
    if (offset < from) return false;
  }
  return true;
}
