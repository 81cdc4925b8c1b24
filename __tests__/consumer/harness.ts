/** A ClaimCheckConsumer wired to the in-memory fakes, for tests of its behaviour through the public API. */
import { Readable } from 'node:stream';
import { ClaimCheckConsumer, ClaimCheckConsumerOptions, ClaimHandler, ClaimOutcome } from '../../lib/consumer';
import type { ClaimCheck } from '../../lib/consumer';
import { claimMessage, FakeObjectStorage, FakeStream, fastClock, makeClaim, silentLogger, waitFor } from './helpers';

export const NS = 'testns';
export const BUCKET = 'landing';

export interface Harness {
  stream: FakeStream;
  os: FakeObjectStorage;
  consumer: ClaimCheckConsumer;
  outcomes: ClaimOutcome[];
  clock: ReturnType<typeof fastClock>;
  run: Promise<void>;
}

/**
 * Starts a consumer (group `workers`, instance `w1`) on fakes; `setup` fills them first. Dead letters go to
 * `meta` under `dl/`, group state under `cc/`.
 */
export function start(
  handler: ClaimHandler,
  options: Partial<ClaimCheckConsumerOptions> = {},
  setup?: (s: FakeStream, os: FakeObjectStorage) => void,
  fakes: { stream?: FakeStream; os?: FakeObjectStorage } = {},
): Harness {
  const stream = fakes.stream ?? new FakeStream();
  const os = fakes.os ?? new FakeObjectStorage();
  setup?.(stream, os);
  const clock = fastClock();
  const consumer = new ClaimCheckConsumer({
    streamId: 'ocid1.stream.oc1.iad.test',
    messagesEndpoint: 'http://unused',
    groupName: 'workers',
    instanceName: 'w1',
    allowedBuckets: [{ namespace: NS, bucket: BUCKET }],
    deadLetter: { kind: 'bucket', namespace: NS, bucket: 'meta', prefix: 'dl/' },
    dedupe: { kind: 'bucket', namespace: NS, bucket: 'meta', prefix: 'cc/' },
    handler,
    clients: { stream, objectStorage: os },
    clock,
    logger: silentLogger,
    pollIntervalMs: 5,
    minGetIntervalMs: 0,
    ...options,
  });
  const outcomes: ClaimOutcome[] = [];
  consumer.on('outcome', (o) => outcomes.push(o));
  const run = consumer.run();
  run.catch(() => undefined);
  return { stream, os, consumer, outcomes, clock, run };
}

/** Puts the object and appends its claim; returns the claim. */
export function publish(stream: FakeStream, os: FakeObjectStorage, name: string, content: string | Buffer = `content of ${name}`, bucket = BUCKET): ClaimCheck {
  const etag = os.put(NS, bucket, name, content);
  const claim = makeClaim({ namespace: NS, bucket, object: name, etag, eventId: `evt-${name}-${etag}` });
  stream.append(claimMessage(claim, 0));
  return claim;
}

/** Waits for `outcomes` outcomes and for everything to be committed, then stops the consumer. */
export async function drain(h: Harness, outcomes: number): Promise<void> {
  await waitFor(() => h.outcomes.length >= outcomes, 10_000, `${outcomes} outcomes (have ${h.outcomes.length})`);
  await waitFor(() => h.stream.committed === h.stream.messages.length, 10_000, 'commit of everything');
  await h.consumer.stop();
  await h.run;
}

export async function readAll(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of body) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** `[object, status, reason]` per outcome, in order. */
export function summary(outcomes: readonly ClaimOutcome[]): Array<[string | null, string, string | null]> {
  return outcomes.map((o) => [o.object?.name ?? null, o.status, 'reason' in o ? o.reason : null]);
}
