import { dedupeKey, MemoryProcessedStore, ObjectStorageProcessedStore } from '../../lib/consumer/dedupe';
import { FakeObjectStorage, makeClaim, ociError } from './helpers';

describe('dedupeKey', () => {
  it('is the same for the same object state, whatever the claim id (e.g. a re-sent event with a new id)', () => {
    const a = makeClaim({ object: 'x.txt', etag: 'e1', eventId: 'evt-1' });
    const b = makeClaim({ object: 'x.txt', etag: 'e1', eventId: 'evt-2' });
    expect(a.id).not.toBe(b.id);
    expect(dedupeKey(a)).toBe(dedupeKey(b));
    expect(dedupeKey(a)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('differs per etag, object, bucket and namespace', () => {
    const base = dedupeKey(makeClaim({ object: 'x.txt', etag: 'e1' }));
    expect(dedupeKey(makeClaim({ object: 'x.txt', etag: 'e2' }))).not.toBe(base);
    expect(dedupeKey(makeClaim({ object: 'y.txt', etag: 'e1' }))).not.toBe(base);
    expect(dedupeKey(makeClaim({ object: 'x.txt', etag: 'e1', bucket: 'other' }))).not.toBe(base);
    expect(dedupeKey(makeClaim({ object: 'x.txt', etag: 'e1', namespace: 'ns2' }))).not.toBe(base);
  });

  it('is the same for a create and an update claim of one etag: one file version, processed once', () => {
    expect(dedupeKey(makeClaim({ object: 'x.txt', etag: 'e1', action: 'updateobject' }))).toBe(dedupeKey(makeClaim({ object: 'x.txt', etag: 'e1' })));
  });

  it('cannot be made to collide by moving a slash between object name and etag', () => {
    expect(dedupeKey(makeClaim({ object: 'a/b', etag: 'c' }))).not.toBe(dedupeKey(makeClaim({ object: 'a', etag: 'b/c' })));
  });

  it('delete claims (no etag) use the claim id: a redelivered delete is a duplicate, a later delete is not', () => {
    const first = makeClaim({ object: 'x.txt', action: 'deleteobject', eventId: 'del-1' });
    const again = makeClaim({ object: 'x.txt', action: 'deleteobject', eventId: 'del-1' });
    const later = makeClaim({ object: 'x.txt', action: 'deleteobject', eventId: 'del-2' });
    expect(dedupeKey(first)).toBe(dedupeKey(again));
    expect(dedupeKey(first)).not.toBe(dedupeKey(later));
  });
});

describe('MemoryProcessedStore', () => {
  it('remembers keys and forgets the oldest beyond maxEntries', async () => {
    const store = new MemoryProcessedStore({ maxEntries: 2 });
    await store.markProcessed('a');
    await store.markProcessed('a');
    await store.markProcessed('b');
    expect(await store.has('a')).toBe(true);
    await store.markProcessed('c');
    expect(await store.has('a')).toBe(false);
    expect(await store.has('b')).toBe(true);
    expect(await store.has('c')).toBe(true);
    expect(store.size).toBe(2);
  });

  it('rejects a non-positive size', () => {
    expect(() => new MemoryProcessedStore({ maxEntries: 0 })).toThrow(RangeError);
  });
});

describe('ObjectStorageProcessedStore', () => {
  const setup = () => {
    const os = new FakeObjectStorage();
    const store = new ObjectStorageProcessedStore({ client: os, namespace: 'ns', bucket: 'meta', prefix: 'cc/', group: 'workers' });
    return { os, store };
  };

  it('names markers <prefix>processed/<group>/<key>', () => {
    const { store } = setup();
    expect(store.objectName('abc')).toBe('cc/processed/workers/abc');
    expect(store.markerPrefix).toBe('cc/processed/');
    expect(new ObjectStorageProcessedStore({ client: new FakeObjectStorage(), namespace: 'n', bucket: 'b', group: 'g' }).objectName('k')).toBe(
      'claim-check/processed/g/k',
    );
  });

  it('has = HEAD (404 → false); markProcessed = create-only PUT, with the details as body', async () => {
    const { os, store } = setup();
    expect(await store.has('k1')).toBe(false);
    await store.markProcessed('k1', { claimId: 'c', namespace: 'ns', bucket: 'b', object: 'o', etag: 'e', eventType: 't', group: 'workers', instance: 'i', time: 't0' });
    expect(await store.has('k1')).toBe(true);
    expect(os.calls.filter((c) => c.op === 'putObject')).toEqual([{ op: 'putObject', bucket: 'meta', name: 'cc/processed/workers/k1', ifNoneMatch: '*' }]);
    expect(JSON.parse(os.get('ns', 'meta', 'cc/processed/workers/k1')!.data.toString())).toMatchObject({ key: 'k1', claimId: 'c', instance: 'i' });
  });

  it('an existing marker (412 on create-only PUT) is success: another consumer got there first', async () => {
    const { store } = setup();
    await store.markProcessed('k1');
    await expect(store.markProcessed('k1')).resolves.toBeUndefined();
  });

  it('other failures propagate', async () => {
    const { os, store } = setup();
    os.fail('headObject', ociError(503, 'ServiceUnavailable'));
    await expect(store.has('k')).rejects.toMatchObject({ statusCode: 503 });
    os.fail('putObject', ociError(403, 'NotAuthorized'));
    await expect(store.markProcessed('k')).rejects.toMatchObject({ statusCode: 403 });
  });
});
