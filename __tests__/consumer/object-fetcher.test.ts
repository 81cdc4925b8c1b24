/** The object a claim refers to, as it is now: GetObject pinned to the claim's etag, HEAD for deletes. */
import { Readable } from 'node:stream';
import { deleteClaimState, fetchClaimObject, toReadable, userMetadata } from '../../lib/consumer/object-fetcher';
import { FakeObjectStorage, makeClaim, ociError } from './helpers';

describe('fetchClaimObject', () => {
  it('hands out the body and metadata of the exact version the claim names', async () => {
    const os = new FakeObjectStorage();
    const etag = os.put('testns', 'landing', 'a.txt', 'hello');
    const fetched = await fetchClaimObject(os, makeClaim({ object: 'a.txt', etag }));
    expect(fetched.kind).toBe('object');
    if (fetched.kind !== 'object') return;
    expect(fetched.object).toMatchObject({ namespace: 'testns', bucket: 'landing', name: 'a.txt', etag, contentLength: 5, contentType: 'application/octet-stream' });
    const chunks: Buffer[] = [];
    for await (const c of fetched.object.body) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('hello');
    expect(os.calls[0]).toMatchObject({ op: 'getObject', ifMatch: etag });
  });

  it('404 ObjectNotFound is object-gone, 412 superseded; a 404 BucketNotFound is a failure, never "gone"', async () => {
    const os = new FakeObjectStorage();
    expect(await fetchClaimObject(os, makeClaim({ object: 'missing', etag: 'e' }))).toEqual({ kind: 'skip', reason: 'object-gone' });
    os.put('testns', 'landing', 'changed', 'v2', 'e2');
    expect(await fetchClaimObject(os, makeClaim({ object: 'changed', etag: 'e1' }))).toEqual({ kind: 'skip', reason: 'superseded' });
    os.fail('getObject', ociError(404, 'BucketNotFound'));
    await expect(fetchClaimObject(os, makeClaim({ object: 'changed', etag: 'e2' }))).rejects.toMatchObject({ statusCode: 404, serviceCode: 'BucketNotFound' });
  });
});

describe('deleteClaimState', () => {
  it('a name that is absent makes the delete current; present again makes it superseded; other failures throw', async () => {
    const os = new FakeObjectStorage();
    const del = makeClaim({ object: 'x', action: 'deleteobject' });
    expect(await deleteClaimState(os, del)).toBe('current');
    os.put('testns', 'landing', 'x', 're-created');
    expect(await deleteClaimState(os, del)).toBe('superseded');
    os.fail('headObject', ociError(403, 'NotAuthorized'));
    await expect(deleteClaimState(os, del)).rejects.toMatchObject({ statusCode: 403 });
  });
});

describe('userMetadata and toReadable', () => {
  it('strips the opc-meta- prefix the SDK leaves on GetObject metadata, keeps bare keys', () => {
    expect(userMetadata({ 'opc-meta-sha256': 'abc', 'OPC-META-Source': 'x', plain: 'y' })).toEqual({ sha256: 'abc', Source: 'x', plain: 'y' });
    expect(userMetadata(undefined)).toEqual({});
  });

  it('accepts what the SDK hands out: a web stream, a Node stream, text, bytes, nothing', async () => {
    const read = async (r: Readable) => {
      const chunks: Buffer[] = [];
      for await (const c of r) chunks.push(Buffer.from(c as Uint8Array));
      return Buffer.concat(chunks).toString();
    };
    expect(await read(toReadable(new Blob(['web']).stream()))).toBe('web');
    const node = Readable.from([Buffer.from('node')]);
    expect(toReadable(node)).toBe(node);
    expect(await read(toReadable('text'))).toBe('text');
    expect(await read(toReadable(new Uint8Array([98, 121, 116, 101, 115])))).toBe('bytes');
    expect(await read(toReadable(undefined))).toBe('');
    expect(() => toReadable(42)).toThrow(/Unexpected GetObject body type: \[object Number\]/);
  });
});
