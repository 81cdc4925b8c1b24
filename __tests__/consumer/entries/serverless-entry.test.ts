/**
 * The serverless consumer's function handler, one Connector Hub batch per call, against a fake Object Storage:
 * every claim gets the consumer's processing and an outcome; the call fails (so the connector retries the batch)
 * only when a claim got none.
 */
import { Readable } from 'node:stream';
import type { FnContext } from '@fnproject/fdk';
import { CONSUMER_CONFIG_KEYS as K } from '../../../lib/contract/consumer-config';
import type { ClaimHandler, GetObjectResult, ObjectStorageApi } from '../../../lib/consumer';
import { parseConnectorHubBatch, runInObjectOrder } from '../../../lib/consumer/entries/connector-hub-batch';
import { createServerlessHandler, SERVERLESS_DEADLINE_MARGIN_MS } from '../../../lib/consumer/entries/serverless-entry';
import { claimMessage, makeClaim, ociError } from '../helpers';

const NS = 'testns';

/** Objects by name (landing bucket) and every write (state bucket), as the handler sees Object Storage. */
class FakeStorage implements ObjectStorageApi {
  public readonly objects = new Map<string, { etag: string; body: string }>();
  public readonly writes: string[] = [];
  public failWrites = false;

  async getObject(request: { objectName: string; ifMatch?: string; bucketName: string }): Promise<GetObjectResult> {
    const found = this.objects.get(request.objectName);
    if (!found || request.bucketName !== 'landing') throw ociError(404, 'ObjectNotFound');
    if (request.ifMatch && request.ifMatch !== found.etag) throw ociError(412, 'IfMatchFailed');
    return { value: Readable.from([Buffer.from(found.body)]), eTag: found.etag, contentLength: found.body.length, opcMeta: {} };
  }

  async headObject(request: { objectName: string; bucketName: string }): Promise<unknown> {
    if (request.bucketName === 'state' && this.writes.includes(request.objectName)) return {};
    if (!this.objects.has(request.objectName) || request.bucketName !== 'landing') throw ociError(404, 'ObjectNotFound');
    return {};
  }

  async putObject(request: { objectName: string; bucketName: string }): Promise<{ eTag?: string }> {
    if (this.failWrites) throw ociError(503, 'ServiceUnavailable');
    this.writes.push(request.objectName);
    return { eTag: 'w' };
  }
}

const CONFIG = {
  [K.bucketNamespace]: NS,
  [K.bucketName]: 'landing',
  [K.stateBucketName]: 'state',
  [K.groupName]: 'records',
  [K.maxAttempts]: '2',
  [K.retryBaseMs]: '1',
  [K.retryMaxMs]: '5',
};
const quiet = { log: () => undefined };
const context = (msFromNow = 60_000) => ({ deadline: new Date(Date.now() + msFromNow) }) as unknown as FnContext;

/** A Connector Hub delivery of these objects' create claims (offsets in order, one partition). */
function batch(storage: FakeStorage, names: string[]): string {
  return JSON.stringify(
    names.map((name, offset) => {
      const etag = `etag-${name}`;
      storage.objects.set(name, { etag, body: `content of ${name}` });
      const m = claimMessage(makeClaim({ namespace: NS, bucket: 'landing', object: name, etag }), offset);
      return { stream: 'claims', partition: m.partition, key: m.key, value: m.value, offset: m.offset, timestamp: Date.parse(String(m.timestamp)) };
    }),
  );
}

function handlerWith(user: ClaimHandler, storage: FakeStorage, env: Record<string, string> = {}) {
  return createServerlessHandler({ handler: user }, { env: { ...CONFIG, ...env }, objectStorage: storage, logSink: quiet });
}

describe('the serverless entry', () => {
  test('every claim of the batch reaches the handler with its object; the call answers the counts', async () => {
    const storage = new FakeStorage();
    const seen: string[] = [];
    const fn = handlerWith(async (claim, object) => {
      let text = '';
      for await (const chunk of object!.body) text += chunk;
      seen.push(`${claim.data.object}=${text}`);
    }, storage);
    await expect(fn(batch(storage, ['a.csv', 'b.csv', 'c.csv']), context())).resolves.toEqual({ messages: 3, processed: 3, skipped: 0, deadLettered: 0 });
    expect(seen.sort()).toEqual(['a.csv=content of a.csv', 'b.csv=content of b.csv', 'c.csv=content of c.csv']);
  });

  test('a handler that keeps failing: the claim is dead-lettered in the state bucket after maxAttempts, and the call succeeds', async () => {
    const storage = new FakeStorage();
    let attempts = 0;
    const fn = handlerWith(async () => {
      attempts++;
      throw new Error('cannot parse');
    }, storage);
    await expect(fn(batch(storage, ['bad.csv']), context())).resolves.toEqual({ messages: 1, processed: 0, skipped: 0, deadLettered: 1 });
    expect(attempts).toBe(2);
    expect(storage.writes).toEqual([expect.stringMatching(/^claim-check\/dead-letter\/records\/.*-p0-o0-[0-9a-f]{64}\.json$/)]);
  });

  test('a claim that gets no outcome (the dead letter cannot be written) fails the call, so the connector retries the batch', async () => {
    const storage = new FakeStorage();
    storage.failWrites = true;
    const fn = handlerWith(async (claim, object) => {
      for await (const _chunk of object!.body) void _chunk;
      if (claim.data.object === 'bad.csv') throw new Error('cannot parse');
    }, storage);
    await expect(fn(batch(storage, ['bad.csv', 'good.csv']), context())).rejects.toThrow(/^1 of 2 claims got no outcome \(the connector retries the batch\): Dead-letter write failed/);
  });

  test(`the invocation's deadline: ${SERVERLESS_DEADLINE_MARGIN_MS} ms before it, a handler still running is abandoned and the call fails`, async () => {
    const storage = new FakeStorage();
    const fn = handlerWith(() => new Promise<void>(() => undefined), storage);
    const started = Date.now();
    await expect(fn(batch(storage, ['slow.csv']), context(SERVERLESS_DEADLINE_MARGIN_MS + 300))).rejects.toThrow(/got no outcome.*abandoned/);
    expect(Date.now() - started).toBeLessThan(SERVERLESS_DEADLINE_MARGIN_MS);
  });

  test('a retried batch runs the handler again, unless dedupe is markers', async () => {
    for (const [dedupe, expected] of [
      ['none', 2],
      ['markers', 1],
    ] as const) {
      const storage = new FakeStorage();
      let calls = 0;
      const fn = handlerWith(
        async (_claim, object) => {
          for await (const _chunk of object!.body) calls += 0;
          calls++;
        },
        storage,
        { [K.dedupe]: dedupe },
      );
      const body = batch(storage, ['once.csv']);
      await fn(body, context());
      const second = await fn(body, context());
      expect([dedupe, calls]).toEqual([dedupe, expected]);
      if (dedupe === 'markers') expect(second).toMatchObject({ skipped: 1 });
    }
  });

  test('a body that is not a Connector Hub batch, or a configuration it cannot run with, is an error naming it', async () => {
    const storage = new FakeStorage();
    const fn = handlerWith(async () => undefined, storage);
    await expect(fn('{"not":"a list"}', context())).rejects.toThrow('The invocation body is not a JSON list');
    expect(() => parseConnectorHubBatch('[{"value": 3}]')).toThrow('Element 0 of the batch is not a stream message');
    const misconfigured = createServerlessHandler({ handler: async () => undefined }, { env: { [K.dedupe]: 'sometimes' }, objectStorage: storage, logSink: quiet });
    await expect(misconfigured('[]', context())).rejects.toThrow(
      `Invalid consumer configuration: ${K.bucketNamespace} is required; ${K.bucketName} is required; ${K.stateBucketName} is required; ${K.groupName} is required; ${K.dedupe} must be none or markers, got "sometimes"`,
    );
  });

  test('claims of one object stay in order; different objects run side by side', async () => {
    const order: string[] = [];
    let inFlight = 0;
    let most = 0;
    const items = ['a:1', 'b:1', 'a:2', 'c:1', 'a:3', 'b:2'];
    await runInObjectOrder(items, (item) => item.split(':')[0], 3, async (item) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      order.push(item);
      inFlight--;
    });
    expect(order.filter((i) => i.startsWith('a'))).toEqual(['a:1', 'a:2', 'a:3']);
    expect(order.filter((i) => i.startsWith('b'))).toEqual(['b:1', 'b:2']);
    expect(most).toBe(3);
  });
});
