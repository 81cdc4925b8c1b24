/**
 * Outcome lines for the local demo (`CLAIMCHECK_CONSUMER_REPORT_OUTCOMES=1`): one JSON object per final outcome on
 * stdout, the shape `claimcheck demo`'s own consumers print (lib/local/demo-consumer.ts), so the demo counts a user's
 * handler exactly like its own. The demo checks every processed file's SHA-256 against the uploaded one, so while
 * reporting, the entry hashes what the handler reads of each object (a pass-through on the body): a handler that
 * read the whole body reports the content's SHA-256, one that did not reports null (content not verified).
 *
 * Off in the cloud: then the handler gets the body exactly as the consumer fetched it.
 */
import { createHash } from 'node:crypto';
import { Transform } from 'node:stream';
import type { ConsumerOutcomeLine } from '../../contract/consumer-config';
import type { ClaimHandler, ClaimOutcome } from '../types';

export class OutcomeReporter {
  /** SHA-256 of what the handler read, by claim id (until the outcome is reported). */
  private readonly hashes = new Map<string, string>();

  constructor(
    private readonly instance: string,
    private readonly write: (line: string) => void = (line) => process.stdout.write(line),
  ) {}

  /** Tells the demo the consumer is up (it uploads once every consumer said so). */
  ready(): void {
    this.write(`${JSON.stringify({ type: 'ready', instance: this.instance })}\n`);
  }

  /** `handler`, with the bytes it reads of each object hashed on the way. */
  wrap(handler: ClaimHandler): ClaimHandler {
    return async (claim, object, context) => {
      if (!object) return handler(claim, object, context);
      const hash = createHash('sha256');
      const source = object.body;
      const body = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          hash.update(chunk);
          callback(null, chunk);
        },
      });
      source.on('error', (error) => body.destroy(error));
      source.pipe(body);
      try {
        await handler(claim, { ...object, body }, context);
        if (body.readableEnded) this.hashes.set(claim.id, hash.digest('hex'));
      } finally {
        if (!body.readableEnded && !body.destroyed) body.destroy();
      }
    };
  }

  report(outcome: ClaimOutcome): void {
    const sha256 = outcome.claimId ? this.hashes.get(outcome.claimId) ?? null : null;
    if (outcome.claimId) this.hashes.delete(outcome.claimId);
    const line: ConsumerOutcomeLine = {
      type: 'outcome',
      instance: this.instance,
      status: outcome.status,
      reason: outcome.status === 'processed' ? null : outcome.reason,
      previous: outcome.status === 'skipped' && outcome.reason === 'duplicate' ? outcome.previous : null,
      object: outcome.object?.name ?? null,
      eventType: outcome.eventType,
      sha256: outcome.status === 'processed' ? sha256 : null,
    };
    this.write(`${JSON.stringify(line)}\n`);
  }
}
