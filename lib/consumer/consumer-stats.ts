import type { ConsumerStats } from './types';

/** A consumer's counters at start: every count 0 (the consumer's own, and the serverless entry's per container). */
export function zeroConsumerStats(): ConsumerStats {
  return {
    received: 0,
    processed: 0,
    skipped: { objectGone: 0, superseded: 0, duplicate: 0, ownRecord: 0 },
    deadLettered: 0,
    handlerFailures: 0,
    fetchFailures: 0,
    commits: 0,
    batchRetries: 0,
    checkpoints: 0,
    markerFailures: 0,
    heartbeatFailures: 0,
    listenerFailures: 0,
  };
}
