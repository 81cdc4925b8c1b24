/**
 * Runs one batch: claims for different objects side by side (at most `concurrency` at a time), claims for the same
 * object one after another in stream order (a create and a later delete of one name are handled in that order, and
 * a duplicate sees its twin's outcome), with heartbeats keeping the partitions and the cursor alive meanwhile.
 * Returns the errors of the messages left without an outcome (the batch must then not be committed).
 *
 * Stopping: no message starts once `stop()` was called (nor once a heartbeat was refused: the partitions may
 * belong to another instance now); messages in flight get the stop grace period, then are abandoned unresolved.
 */
import { decodeBase64Text, RawStreamMessage } from '../contract';
import type { ClaimLedger } from './claim-ledger';
import { unlessAborted, withinMs } from '../runtime/deadline';
import { errorMessage } from '../runtime/errors';
import { UnresolvedError } from './errors';
import type { GroupSession } from './group-session';
import type { Interruption, MessageProcessor } from './message-processor';

export interface BatchRunnerOptions {
  processor: MessageProcessor;
  ledger: ClaimLedger | null;
  session: GroupSession;
  concurrency: number;
}

const ABANDONED = Symbol('abandoned');

export async function runBatch(items: readonly RawStreamMessage[], o: BatchRunnerOptions, interruption: Interruption): Promise<UnresolvedError[]> {
  const unresolved: UnresolvedError[] = [];
  if (o.ledger) {
    try {
      await o.ledger.prepare(items, o.session.generation);
    } catch (e) {
      return [new UnresolvedError(`Could not load what the group already decided: ${errorMessage(e)}`)];
    }
  }
  const queue = [...sameObjectChains(items)];
  const heartbeats = o.session.startHeartbeats();
  try {
    const worker = async (): Promise<void> => {
      for (let chain = queue.shift(); chain; chain = queue.shift()) {
        for (let i = 0; i < chain.length; i++) {
          const why = interruption.stopping() ? 'the consumer is stopping' : o.session.lost;
          if (why) {
            unresolved.push(new UnresolvedError(`Not started: ${why}`));
            continue;
          }
          try {
            const result = await unlessAborted(o.processor.process(chain[i], interruption), interruption.graceOver, ABANDONED);
            if (result === ABANDONED) unresolved.push(new UnresolvedError('Abandoned when the stop grace period ended'));
          } catch (e) {
            unresolved.push(e instanceof UnresolvedError ? e : new UnresolvedError(errorMessage(e)));
            // Later claims for the same object must wait for this one: leave them to the redelivery too.
            for (i++; i < chain.length; i++) unresolved.push(new UnresolvedError('Not started: an earlier claim for the same object has no outcome'));
          }
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(o.concurrency, queue.length) }, worker));
  } finally {
    // A heartbeat in flight is waited for briefly (the commit queues behind it anyway), never for long: its SDK
    // retries must not hold up a stopping consumer.
    await withinMs(heartbeats.stop(), 1_000, undefined);
  }
  return unresolved;
}

/** The batch's messages grouped by message key (namespace/bucket/object), each group in stream order. */
function sameObjectChains(items: readonly RawStreamMessage[]): RawStreamMessage[][] {
  const chains = new Map<string, RawStreamMessage[]>();
  items.forEach((message, index) => {
    const key = `${message.partition ?? ''}\u0000${decodeBase64Text(message.key) ?? `#${index}`}`;
    const chain = chains.get(key);
    if (chain) chain.push(message);
    else chains.set(key, [message]);
  });
  return [...chains.values()];
}
