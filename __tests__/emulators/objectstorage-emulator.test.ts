/**
 * The Object Storage emulator through the real ObjectStorageClient, every request signed with a throwaway API key.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import * as common from 'oci-common';
import { ObjectStorageClient } from 'oci-objectstorage';
import { ObjectChangeEvent, ObjectStorageEmulator } from '../../lib/emulators/objectstorage';
import { apiKeyProvider, failureOf, interceptingHttpClient, noCircuitBreaker, silenceSdkWarnings, tempDir, trusting } from './emulator-test-helpers';
import { waitFor } from '../helpers/wait-for';

const NS = 'testns';
const BUCKET = 'landing';
const VERSIONED = 'versioned';

silenceSdkWarnings();

/** The SDK returns a web ReadableStream (native fetch) or a Node Readable; read either fully. */
async function bytesOf(value: unknown): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of value as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

function tmpFileSize(dir: string): number {
  return existsSync(dir) ? readdirSync(dir).reduce((sum, f) => sum + statSync(join(dir, f)).size, 0) : 0;
}


/** The SDK's AuthParams type allows only one of httpClient/authenticationDetailsProvider; at runtime both combine. */
const bothAuth = (params: object) => params as unknown as common.AuthParams;

describe('ObjectStorageEmulator', () => {
  let data: ReturnType<typeof tempDir>;
  let emu: ObjectStorageEmulator;
  let client: ObjectStorageClient;
  let events: ObjectChangeEvent[];

  const start = async () => {
    emu = await ObjectStorageEmulator.start({ dataDir: data.dir, namespace: NS, buckets: [BUCKET, { name: VERSIONED, versioning: true }], auth: trusting() });
    events = [];
    emu.onObjectChange((e) => events.push(e));
    client = new ObjectStorageClient({ authenticationDetailsProvider: apiKeyProvider() }, noCircuitBreaker);
    client.endpoint = emu.endpoint;
  };

  beforeEach(async () => {
    data = tempDir('objectstorage-emu');
    await start();
  });
  afterEach(async () => {
    await emu.stop();
    data.remove();
  });

  const put = (objectName: string, body: string | Buffer, extra: Record<string, unknown> = {}, bucketName = BUCKET) =>
    client.putObject({
      namespaceName: NS,
      bucketName,
      objectName,
      putObjectBody: Readable.from([Buffer.from(body)]),
      contentLength: Buffer.byteLength(body),
      ...extra,
    });
  const get = async (objectName: string, extra: Record<string, unknown> = {}, bucketName = BUCKET) => {
    const response = await client.getObject({ namespaceName: NS, bucketName, objectName, ...extra });
    return { response, bytes: await bytesOf(response.value) };
  };
  const md5 = (body: string | Buffer) => createHash('md5').update(body).digest('base64');

  test('GetNamespace answers the configured namespace', async () => {
    expect((await client.getNamespace({})).value).toBe(NS);
  });

  test('put and get return the exact bytes for awkward names; head returns the same headers', async () => {
    const names = ['plain.txt', 'dir/sub dir/a b.json', 'ünïcødé/日本語/🚀.bin', '100%.csv', 'a+b=c.txt', '#hash?query&x.txt', 'trailing/'];
    const binary = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    for (const name of names) {
      const body = Buffer.concat([Buffer.from(name), binary]);
      const putResponse = await put(name, body, { contentType: 'application/x-test', opcMeta: { source: 'test', 'file-name': 'x' } });
      expect(putResponse.opcContentMd5).toBe(md5(body));
      const { response, bytes } = await get(name);
      expect(bytes).toEqual(body);
      expect(response.eTag).toBe(putResponse.eTag);
      expect(response.contentLength).toBe(body.length);
      expect(response.contentMd5).toBe(md5(body));
      expect(response.contentType).toBe('application/x-test');
      // The SDK keeps the header prefix in opcMeta's keys.
      expect(response.opcMeta).toEqual({ 'opc-meta-source': 'test', 'opc-meta-file-name': 'x' });
      const head = await client.headObject({ namespaceName: NS, bucketName: BUCKET, objectName: name });
      expect([head.eTag, head.contentLength, head.contentMd5]).toEqual([putResponse.eTag, body.length, md5(body)]);
    }
    const listed = await client.listObjects({ namespaceName: NS, bucketName: BUCKET });
    expect(listed.listObjects.objects.map((o) => o.name).sort()).toEqual([...names].sort());
  });

  test('a raw / in the path is accepted as well as %2F', async () => {
    await put('raw/slash dir/file.txt', 'hello');
    const rawPaths: string[] = [];
    const raw = new ObjectStorageClient(
      bothAuth({
        authenticationDetailsProvider: apiKeyProvider(),
        httpClient: interceptingHttpClient(apiKeyProvider(), {
          beforeSigning: (req) => {
            req.uri = req.uri.replace(/%2F/g, '/');
            rawPaths.push(new URL(req.uri).pathname);
          },
        }),
      }),
      noCircuitBreaker,
    );
    raw.endpoint = emu.endpoint;
    const response = await raw.getObject({ namespaceName: NS, bucketName: BUCKET, objectName: 'raw/slash dir/file.txt' });
    expect((await bytesOf(response.value)).toString()).toBe('hello');
    expect(rawPaths).toEqual([`/n/${NS}/b/${BUCKET}/o/raw/slash%20dir/file.txt`]);
  });

  test('etags change on every write; last-modified and opc-content-md5 are returned', async () => {
    const first = await put('doc.txt', 'v1');
    const seen: Response[] = [];
    const recording = new ObjectStorageClient(
      bothAuth({ authenticationDetailsProvider: apiKeyProvider(), httpClient: interceptingHttpClient(apiKeyProvider(), { onResponse: (r) => seen.push(r) }) }),
      noCircuitBreaker,
    );
    recording.endpoint = emu.endpoint;
    const before = Date.now() - 1000;
    const second = await recording.putObject({ namespaceName: NS, bucketName: BUCKET, objectName: 'doc.txt', putObjectBody: 'v2', contentLength: 2 });
    const lastModified = Date.parse(seen[0].headers.get('last-modified')!);
    expect(lastModified).toBeGreaterThanOrEqual(before - (before % 1000));
    expect(lastModified).toBeLessThanOrEqual(Date.now());
    expect(first.eTag).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.eTag).not.toBe(first.eTag);
    expect(second.opcContentMd5).toBe(md5('v2'));
    expect((await get('doc.txt')).bytes.toString()).toBe('v2');
    expect(first.versionId).toBeUndefined();
  });

  test('range GET: 206 with Content-Range; past the end is 416 InvalidRange', async () => {
    await put('range.txt', '0123456789');
    const seen: Response[] = [];
    const recording = new ObjectStorageClient(
      bothAuth({ authenticationDetailsProvider: apiKeyProvider(), httpClient: interceptingHttpClient(apiKeyProvider(), { onResponse: (r) => seen.push(r) }) }),
      noCircuitBreaker,
    );
    recording.endpoint = emu.endpoint;
    const response = await recording.getObject({ namespaceName: NS, bucketName: BUCKET, objectName: 'range.txt', range: new common.Range(2, 4, null) });
    expect((await bytesOf(response.value)).toString()).toBe('234');
    expect(response.contentLength).toBe(3);
    expect(seen[0].status).toBe(206);
    expect(seen[0].headers.get('content-range')).toBe('bytes 2-4/10');
    // SDK 2.139.1 maps headers of type "common.Range" through a lower-cased switch that never matches: always undefined.
    expect(response.contentRange).toBeUndefined();
    expect((await get('range.txt', { range: new common.Range(8, 100, null) })).bytes.toString()).toBe('89');
    expect(await failureOf(get('range.txt', { range: new common.Range(10, 12, null) }))).toMatchObject({ statusCode: 416, serviceCode: 'InvalidRange' });
    // The SDK cannot send open ranges: Range(5) becomes "bytes=5-undefined", which the emulator rejects.
    expect(await failureOf(get('range.txt', { range: new common.Range(5, undefined as unknown as number, null) }))).toMatchObject({ statusCode: 400, serviceCode: 'InvalidParameter' });
  });

  test('if-match / if-none-match on put, get, head and delete', async () => {
    const created = await put('cond.txt', 'one', { ifNoneMatch: '*' });
    expect(await failureOf(put('cond.txt', 'two', { ifNoneMatch: '*' }))).toMatchObject({ statusCode: 412, serviceCode: 'IfNoneMatchFailed' });
    expect(await failureOf(put('cond.txt', 'two', { ifMatch: 'not-the-etag' }))).toMatchObject({ statusCode: 412, serviceCode: 'IfMatchFailed' });
    expect(await failureOf(put('absent.txt', 'two', { ifMatch: created.eTag }))).toMatchObject({ statusCode: 412, serviceCode: 'IfMatchFailed' });
    const updated = await put('cond.txt', 'two', { ifMatch: created.eTag });
    expect((await get('cond.txt')).bytes.toString()).toBe('two');

    expect((await get('cond.txt', { ifMatch: updated.eTag })).bytes.toString()).toBe('two');
    expect(await failureOf(get('cond.txt', { ifMatch: created.eTag }))).toMatchObject({ statusCode: 412, serviceCode: 'IfMatchFailed' });
    expect(await failureOf(get('cond.txt', { ifNoneMatch: updated.eTag }))).toMatchObject({ statusCode: 304 });
    expect((await get('cond.txt', { ifNoneMatch: created.eTag })).bytes.toString()).toBe('two');
    expect(await failureOf(client.headObject({ namespaceName: NS, bucketName: BUCKET, objectName: 'cond.txt', ifMatch: 'x' }))).toMatchObject({ statusCode: 412 });

    expect(await failureOf(client.deleteObject({ namespaceName: NS, bucketName: BUCKET, objectName: 'cond.txt', ifMatch: created.eTag }))).toMatchObject({
      statusCode: 412,
      serviceCode: 'IfMatchFailed',
    });
    await client.deleteObject({ namespaceName: NS, bucketName: BUCKET, objectName: 'cond.txt', ifMatch: updated.eTag });
    expect(await failureOf(get('cond.txt'))).toMatchObject({ statusCode: 404, serviceCode: 'ObjectNotFound' });
  });

  test('Content-MD5 is checked: a mismatch is 400 and nothing is written', async () => {
    await put('md5.txt', 'right', { contentMD5: md5('right') });
    const failure = await failureOf(put('md5.txt', 'wrong', { contentMD5: md5('something else') }));
    expect(failure).toMatchObject({ statusCode: 400, serviceCode: 'UnmatchedContentMD5' });
    expect(failure.message).toContain('The value of the Content-MD5 header');
    expect((await get('md5.txt')).bytes.toString()).toBe('right');
  });

  test('not found: BucketNotFound and ObjectNotFound with their messages; HEAD has no body', async () => {
    const bucket = await failureOf(get('x', {}, 'nope'));
    expect(bucket).toMatchObject({ statusCode: 404, serviceCode: 'BucketNotFound' });
    expect(bucket.message).toContain("Either the bucket named 'nope' does not exist in the namespace 'testns'");
    const object = await failureOf(get('missing.txt'));
    expect(object).toMatchObject({ statusCode: 404, serviceCode: 'ObjectNotFound' });
    expect(object.message).toContain("The object 'missing.txt' was not found in the bucket 'landing'");
    const head = await failureOf(client.headObject({ namespaceName: NS, bucketName: BUCKET, objectName: 'missing.txt' }));
    expect(head).toMatchObject({ statusCode: 404, serviceCode: 'None' });
    expect(await failureOf(client.listObjects({ namespaceName: 'otherns', bucketName: BUCKET }))).toMatchObject({ statusCode: 404, serviceCode: 'BucketNotFound' });
    expect(await failureOf(client.deleteObject({ namespaceName: NS, bucketName: BUCKET, objectName: 'missing.txt' }))).toMatchObject({ statusCode: 404, serviceCode: 'ObjectNotFound' });
  });

  test('list: prefix, fields, start/end/startAfter, delimiter with prefixes, paging with nextStartWith', async () => {
    const names = ['a/1.txt', 'a/2.txt', 'a/b/3.txt', 'b/4.txt', 'c.txt', 'd.txt', 'e.txt'];
    for (const name of names) await put(name, name);
    const list = async (extra: Record<string, unknown>) => (await client.listObjects({ namespaceName: NS, bucketName: BUCKET, ...extra })).listObjects;

    expect((await list({ prefix: 'a/' })).objects.map((o) => o.name)).toEqual(['a/1.txt', 'a/2.txt', 'a/b/3.txt']);
    const onlyNames = await list({ prefix: 'c' });
    expect(onlyNames.objects).toEqual([{ name: 'c.txt' }]);
    const withFields = await list({ prefix: 'c', fields: 'name,size,etag,md5,timeCreated,timeModified' });
    expect(withFields.objects[0]).toEqual({
      name: 'c.txt',
      size: 5,
      etag: expect.any(String),
      md5: md5('c.txt'),
      timeCreated: expect.any(String),
      timeModified: expect.any(String),
    });
    expect((await list({ start: 'b/4.txt', end: 'd.txt' })).objects.map((o) => o.name)).toEqual(['b/4.txt', 'c.txt']);
    expect((await list({ startAfter: 'b/4.txt' })).objects.map((o) => o.name)).toEqual(['c.txt', 'd.txt', 'e.txt']);

    const top = await list({ delimiter: '/' });
    expect(top.prefixes).toEqual(['a/', 'b/']);
    expect(top.objects.map((o) => o.name)).toEqual(['c.txt', 'd.txt', 'e.txt']);
    const inA = await list({ delimiter: '/', prefix: 'a/' });
    expect([inA.objects.map((o) => o.name), inA.prefixes]).toEqual([['a/1.txt', 'a/2.txt'], ['a/b/']]);

    const pages: string[][] = [];
    let start: string | undefined;
    do {
      const page = await list({ limit: 3, start });
      pages.push(page.objects.map((o) => o.name));
      start = page.nextStartWith;
    } while (start);
    expect(pages).toEqual([['a/1.txt', 'a/2.txt', 'a/b/3.txt'], ['b/4.txt', 'c.txt', 'd.txt'], ['e.txt']]);

    const firstDelimited = await list({ delimiter: '/', limit: 2 });
    expect([firstDelimited.prefixes, firstDelimited.objects, firstDelimited.nextStartWith]).toEqual([['a/', 'b/'], [], 'c.txt']);
    expect(await failureOf(list({ limit: 1001 }))).toMatchObject({ statusCode: 400, serviceCode: 'InvalidParameter' });
    expect(await failureOf(list({ fields: 'name,colour' }))).toMatchObject({ statusCode: 400, serviceCode: 'InvalidParameter' });
  });

  test('the SDK does not encode list query values: prefixes and start values with reserved characters must be encoded by the caller', async () => {
    for (const name of ['x+y/1', 'x+y/2', 'x y/3', 'x&z/4']) await put(name, name);
    const list = async (extra: Record<string, unknown>) => (await client.listObjects({ namespaceName: NS, bucketName: BUCKET, ...extra })).listObjects;
    // '+' is read as a space on the server (form decoding), '&' splits the query.
    expect((await list({ prefix: 'x+y/' })).objects.map((o) => o.name)).toEqual(['x y/3']);
    expect((await list({ prefix: encodeURIComponent('x+y/') })).objects.map((o) => o.name)).toEqual(['x+y/1', 'x+y/2']);
    expect((await list({ prefix: encodeURIComponent('x&z/') })).objects.map((o) => o.name)).toEqual(['x&z/4']);
    const page = await list({ prefix: encodeURIComponent('x+y/'), limit: 1 });
    expect(page.nextStartWith).toBe('x+y/2');
    const next = await list({ prefix: encodeURIComponent('x+y/'), start: encodeURIComponent(page.nextStartWith!) });
    expect(next.objects.map((o) => o.name)).toEqual(['x+y/2']);
  });

  test('delete removes the object and reports the change', async () => {
    const written = await put('gone.txt', 'bye');
    const before = Date.now();
    const response = await client.deleteObject({ namespaceName: NS, bucketName: BUCKET, objectName: 'gone.txt' });
    const after = Date.now();
    expect(response.lastModified).toBeDefined();
    expect(await failureOf(get('gone.txt'))).toMatchObject({ statusCode: 404 });
    expect((await client.listObjects({ namespaceName: NS, bucketName: BUCKET })).listObjects.objects).toEqual([]);
    // The change listeners hear of it before the response goes out: a deleteobject with the deleted object's etag,
    // timed during the call.
    expect(events.map((e) => [e.type, e.namespace, e.bucket, e.object, e.etag, e.versionId])).toEqual([
      ['createobject', NS, BUCKET, 'gone.txt', written.eTag, undefined],
      ['deleteobject', NS, BUCKET, 'gone.txt', written.eTag, undefined],
    ]);
    expect(events[1].time.getTime()).toBeGreaterThanOrEqual(before);
    expect(events[1].time.getTime()).toBeLessThanOrEqual(after);
    // A delete that fails reports nothing.
    expect(await failureOf(client.deleteObject({ namespaceName: NS, bucketName: BUCKET, objectName: 'gone.txt' }))).toMatchObject({ statusCode: 404 });
    expect(events).toHaveLength(2);
  });

  test('onObjectChange reports create, update and delete with etag and time', async () => {
    const created = await put('ev/a.txt', '1');
    const updated = await put('ev/a.txt', '2');
    await client.deleteObject({ namespaceName: NS, bucketName: BUCKET, objectName: 'ev/a.txt' });
    await put('ev/a.txt', '3');
    expect(events.map((e) => [e.type, e.namespace, e.bucket, e.object])).toEqual([
      ['createobject', NS, BUCKET, 'ev/a.txt'],
      ['updateobject', NS, BUCKET, 'ev/a.txt'],
      ['deleteobject', NS, BUCKET, 'ev/a.txt'],
      ['createobject', NS, BUCKET, 'ev/a.txt'],
    ]);
    expect(events[0].etag).toBe(created.eTag);
    expect(events[1].etag).toBe(updated.eTag);
    expect(events[2].etag).toBe(updated.eTag);
    expect(events.every((e) => e.time instanceof Date && !Number.isNaN(e.time.getTime()))).toBe(true);
    // Failed writes report nothing; a throwing listener does not fail the request.
    await failureOf(put('ev/a.txt', 'x', { ifNoneMatch: '*' }));
    expect(events).toHaveLength(4);
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    emu.onObjectChange(() => {
      throw new Error('listener bug');
    });
    await put('ev/b.txt', 'ok');
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('listener bug'));
    expect(events).toHaveLength(5);
  });

  test('versioned buckets return version-id, keep old versions and serve them by versionId', async () => {
    const v1 = await put('doc.txt', 'one', {}, VERSIONED);
    const v2 = await put('doc.txt', 'two', {}, VERSIONED);
    expect(v1.versionId).toBeDefined();
    expect(v2.versionId).not.toBe(v1.versionId);
    expect((await get('doc.txt', {}, VERSIONED)).response.versionId).toBe(v2.versionId);
    expect((await get('doc.txt', { versionId: v1.versionId }, VERSIONED)).bytes.toString()).toBe('one');
    const deleted = await client.deleteObject({ namespaceName: NS, bucketName: VERSIONED, objectName: 'doc.txt' });
    expect(deleted.versionId).toBeDefined();
    // The emulator sends is-delete-marker: true, but SDK 2.139.1 cannot convert "boolean" headers: always undefined.
    expect(deleted.isDeleteMarker).toBeUndefined();
    expect(await failureOf(get('doc.txt', {}, VERSIONED))).toMatchObject({ statusCode: 404 });
    expect((await get('doc.txt', { versionId: v2.versionId }, VERSIONED)).bytes.toString()).toBe('two');
    expect(events.map((e) => [e.type, e.versionId])).toEqual([
      ['createobject', v1.versionId],
      ['updateobject', v2.versionId],
      ['deleteobject', deleted.versionId],
    ]);
  });

  test('objects, metadata and versions survive stop + start with the same dataDir', async () => {
    const a = await put('keep/a.txt', 'alpha', { opcMeta: { k: 'v' }, contentType: 'text/plain' });
    await put('keep/b.txt', 'beta');
    await client.deleteObject({ namespaceName: NS, bucketName: BUCKET, objectName: 'keep/b.txt' });
    const v1 = await put('doc', 'old', {}, VERSIONED);
    await put('doc', 'new', {}, VERSIONED);
    await emu.stop();
    await start();

    const { response, bytes } = await get('keep/a.txt');
    expect([bytes.toString(), response.eTag, response.opcMeta, response.contentType]).toEqual(['alpha', a.eTag, { 'opc-meta-k': 'v' }, 'text/plain']);
    expect((await client.listObjects({ namespaceName: NS, bucketName: BUCKET })).listObjects.objects.map((o) => o.name)).toEqual(['keep/a.txt']);
    expect((await get('doc', { versionId: v1.versionId }, VERSIONED)).bytes.toString()).toBe('old');
    expect((await get('doc', {}, VERSIONED)).bytes.toString()).toBe('new');
  });

  test('a 50 MB object streams to disk and back without being buffered whole', async () => {
    const size = 50 * 1024 * 1024;
    const chunkSize = 1024 * 1024;
    const tmpDir = join(data.dir, 'objectstorage', NS, BUCKET, 'tmp');
    const hash = createHash('md5');
    let produced = 0;
    let onDiskMidway = 0;
    let stalled: Error | undefined;
    const source = new Readable({
      async read() {
        if (produced >= size) return void this.push(null);
        if (produced === size / 2) {
          // Halfway, the rest held back: the emulator must write what it receives to its temp file as it comes, so a
          // quarter of the object gets there (a server that buffers the body whole would never write it).
          try {
            onDiskMidway = await waitFor(() => tmpFileSize(tmpDir) >= size / 4 && tmpFileSize(tmpDir), {
              timeoutMs: 30000,
              what: 'a quarter of the object in the temp file while the client holds back the second half',
              state: () => ({ bytesInTempFile: tmpFileSize(tmpDir), bytesSent: produced }),
            });
          } catch (error) {
            stalled = error as Error;
            return void this.destroy(stalled);
          }
        }
        const chunk = Buffer.alloc(chunkSize, produced / chunkSize);
        hash.update(chunk);
        produced += chunk.length;
        this.push(chunk);
      },
    });
    const putResponse = await client
      .putObject({ namespaceName: NS, bucketName: BUCKET, objectName: 'big.bin', putObjectBody: source, contentLength: size })
      .catch((error) => {
        throw stalled ?? error;
      });
    const expectedMd5 = hash.digest('base64');
    expect(onDiskMidway).toBeGreaterThanOrEqual(size / 4);
    expect(putResponse.opcContentMd5).toBe(expectedMd5);
    expect(readdirSync(tmpDir)).toEqual([]);

    const response = await client.getObject({ namespaceName: NS, bucketName: BUCKET, objectName: 'big.bin' });
    expect(response.contentLength).toBe(size);
    const readHash = createHash('md5');
    let read = 0;
    for await (const part of response.value as AsyncIterable<Uint8Array>) {
      readHash.update(part);
      read += part.length;
    }
    expect(read).toBe(size);
    expect(readHash.digest('base64')).toBe(expectedMd5);
  });

  test('a PutObject without Content-Length is 411; invalid object names are 400', async () => {
    const chunked = await fetch(`${emu.endpoint}/n/${NS}/b/${BUCKET}/o/x`, { method: 'PUT', body: Readable.toWeb(Readable.from(['a'])) as ReadableStream, duplex: 'half' } as RequestInit);
    // Unsigned, so authentication fails first; the emulator checks signatures before anything else.
    expect(chunked.status).toBe(401);
    const open = await ObjectStorageEmulator.start({ namespace: NS, buckets: [BUCKET], auth: 'none' });
    try {
      const noLength = await fetch(`${open.endpoint}/n/${NS}/b/${BUCKET}/o/x`, { method: 'PUT', body: Readable.toWeb(Readable.from(['a'])) as ReadableStream, duplex: 'half' } as RequestInit);
      expect(noLength.status).toBe(411);
      expect(await noLength.json()).toMatchObject({ code: 'ContentLengthRequired' });
      const badName = await fetch(`${open.endpoint}/n/${NS}/b/${BUCKET}/o/${encodeURIComponent('line\nfeed')}`, { method: 'PUT', body: 'a' });
      expect(badName.status).toBe(400);
      expect(await badName.json()).toMatchObject({ code: 'InvalidObjectName' });
    } finally {
      await open.stop();
      require('node:fs').rmSync(open.dataDir, { recursive: true, force: true });
    }
  });
});
