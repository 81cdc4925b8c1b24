/**
 * The shared SDK client fix (lib/runtime): real OCI SDK clients against the emulators with request-signature
 * verification on (the emulator checks the raw request line, as OCI does). Every operation the product makes on
 * objects, for every name in the corpus, with 0 failures; and the plain SDK client failing where the fix is needed.
 */
import { parse as legacyParse } from 'node:url';
import * as common from 'oci-common';
import { ObjectStorageClient } from 'oci-objectstorage';
import * as streaming from 'oci-streaming';
import { ObjectStorageEmulator } from '../../lib/emulators/objectstorage';
import { StreamingEmulator } from '../../lib/emulators/streaming';
import {
  hasDotSegment,
  newObjectStorageClient,
  newStreamClient,
  signWhatIsSent,
  SignWhatIsSentHttpClient,
  wireSafeRequestUri,
  WireSafeObjectStorageClient,
} from '../../lib/runtime/oci-sdk-clients';
import { STREAMED_BODY_BYTES, withCheapBody } from '../../lib/runtime/sign-what-is-sent';
import { Readable } from 'node:stream';
import { apiKeyProvider, failureOf, noCircuitBreaker, silenceSdkWarnings, tempDir, trusting } from '../emulators/emulator-test-helpers';
import { compareUtf8, objectNameCorpus } from './object-name-corpus';

const NS = 'testns';
const BUCKET = 'names';
const CORPUS = objectNameCorpus();

/** One attempt, no circuit breaker: a failure shows as itself, once. */
const oneAttempt: common.ClientConfiguration = {
  ...noCircuitBreaker,
  retryConfiguration: { terminationStrategy: new common.MaxAttemptsTerminationStrategy(1) },
};

silenceSdkWarnings();

async function bytesOf(value: unknown): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of value as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** What fetch (WHATWG URL) puts on the request line. */
const sentTarget = (uri: string) => {
  const url = new URL(uri);
  return url.pathname + url.search;
};

/** What the SDK's signer (oci-common signer.js) puts into `(request-target)`. */
const signedTarget = (uri: string) => legacyParse(uri).path;

describe('wireSafeRequestUri', () => {
  const ENDPOINT = 'https://objectstorage.us-ashburn-1.oraclecloud.com';
  // As oci-common's request-generator builds them: path parameters encodeURIComponent-ed, query values raw.
  const sdkUri = (name: string) => `${ENDPOINT}/n/ns/b/bucket/o/${encodeURIComponent(name)}`;
  const sdkListUri = (value: string) => `${ENDPOINT}/n/ns/b/bucket/o?prefix=${value}&start=${value}&limit=5`;

  test('the SDK as it is signs something else than it sends, for these names (the reason for the fix)', () => {
    const differs = (uri: string) => signedTarget(uri) !== sentTarget(uri);
    expect(CORPUS.filter((n) => differs(sdkUri(n))).filter((n) => !n.includes("'"))).toEqual(['.', '..']);
    expect(CORPUS.filter((n) => n.includes("'")).every((n) => differs(sdkUri(n)))).toBe(true);
    for (const value of ['\\', '^', '`', '{', '|', '}', '\t', 'é', '日本語', '📦', '\u007f']) expect([value, differs(sdkListUri(value))]).toEqual([value, true]);
    // The signed `host` header keeps an explicit default port; fetch sends Host from the URL, without it.
    const explicitPort = 'https://objectstorage.example.com:443/n/';
    expect([legacyParse(explicitPort).host, new URL(explicitPort).host]).toEqual(['objectstorage.example.com:443', 'objectstorage.example.com']);
  });

  test('after it, what is signed is what is sent, for every name in a path and every encoded value in a query', () => {
    const mismatches: string[] = [];
    for (const name of CORPUS) {
      for (const uri of [sdkUri(name), sdkListUri(encodeURIComponent(name))]) {
        const safe = wireSafeRequestUri(uri);
        if (hasDotSegment(safe)) continue; // sent by node:http instead (below)
        if (signedTarget(safe) !== sentTarget(safe)) mismatches.push(`${JSON.stringify(name)}: ${signedTarget(safe)} vs ${sentTarget(safe)}`);
        if (wireSafeRequestUri(safe) !== safe) mismatches.push(`${JSON.stringify(name)}: not idempotent`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(CORPUS.filter((name) => hasDotSegment(wireSafeRequestUri(sdkUri(name))))).toEqual(['.', '..']);
  });

  test('it keeps the meaning: the server decodes the same object name and the same query values', () => {
    for (const name of CORPUS) {
      const safe = wireSafeRequestUri(sdkUri(name));
      expect(decodeURIComponent(signedTarget(safe)!.slice('/n/ns/b/bucket/o/'.length))).toBe(name);
      const query = new URLSearchParams(signedTarget(wireSafeRequestUri(sdkListUri(encodeURIComponent(name))))!.split('?')[1]);
      expect([name, query.get('prefix'), query.get('start'), query.get('limit')]).toEqual([name, name, name, '5']);
    }
    // Raw query values (the SDK does not encode them) keep their meaning too, as far as they have one.
    expect(wireSafeRequestUri(`${ENDPOINT}/o?prefix=a'b|c é#d`)).toBe(`${ENDPOINT}/o?prefix=a%27b%7Cc%20%C3%A9%23d`);
  });

  test('the origin is the one fetch sends as Host: lower case, no default port', () => {
    const safe = wireSafeRequestUri('https://ObjectStorage.Example.com:443/n/x');
    expect(safe).toBe('https://objectstorage.example.com/n/x');
    expect(legacyParse(safe).host).toBe(new URL(safe).host);
    expect(wireSafeRequestUri('http://127.0.0.1:8080/n/')).toBe('http://127.0.0.1:8080/n/');
  });
});

describe('withCheapBody: large string and Buffer bodies reach the SDK transport as streams', () => {
  const request = (method: common.HttpRequest['method'], body: unknown, headers: Record<string, string> = {}): common.HttpRequest => ({ method, uri: 'https://h/x', headers: new Headers(headers), body });
  const big = 'é'.repeat(STREAMED_BODY_BYTES);

  test('a signed body (POST, PUT, PATCH) or one with a Content-Length becomes a fresh stream of its UTF-8 bytes; the request keeps its own', async () => {
    for (const [req, exclude] of [
      [request('POST', big), false],
      [request('PATCH', Buffer.from(big)), false],
      [request('PUT', new Uint8Array(Buffer.from(big)), { 'content-length': String(Buffer.byteLength(big)) }), true],
    ] as const) {
      const first = withCheapBody(req, exclude);
      const second = withCheapBody(req, exclude);
      expect(first.body).toBeInstanceOf(Readable);
      expect(second.body).not.toBe(first.body);
      expect(req.body).not.toBeInstanceOf(Readable);
      expect(first.headers).toBe(req.headers);
      expect([first.method, first.uri]).toEqual([req.method, req.uri]);
      expect((await bytesOf(first.body)).toString('utf8')).toBe(big);
      expect((await bytesOf(second.body)).toString('utf8')).toBe(big);
    }
  });

  test('left as it is: small bodies, other body types, and a body whose length nobody will set', () => {
    const unchanged = [
      [request('POST', 'x'.repeat(STREAMED_BODY_BYTES - 1)), false],
      [request('POST', Readable.from([])), false],
      [request('POST', { a: 1 }), false],
      [request('PUT', big), true],
      [request('DELETE', big), false],
    ] as const;
    for (const [req, exclude] of unchanged) expect(withCheapBody(req, exclude)).toBe(req);
  });
});

describe('SDK clients against the Object Storage emulator (signatures verified)', () => {
  let data: ReturnType<typeof tempDir>;
  let emu: ObjectStorageEmulator;
  beforeAll(async () => {
    data = tempDir('sign-what-is-sent');
    emu = await ObjectStorageEmulator.start({ dataDir: data.dir, namespace: NS, buckets: [BUCKET, 'plain'], auth: trusting() });
  });
  afterAll(async () => {
    await emu.stop();
    data.remove();
  });

  test(`PutObject, GetObject, HeadObject, ListObjects (prefix, paged; start) and DeleteObject work for all ${CORPUS.length} names`, async () => {
    expect(CORPUS.length).toBeGreaterThan(500);
    const client = newObjectStorageClient(apiKeyProvider(), { endpoint: emu.endpoint, clientConfiguration: oneAttempt });
    const where = { namespaceName: NS, bucketName: BUCKET };
    const failures: string[] = [];
    const attempt = async (op: string, name: string, call: () => Promise<void>) => {
      try {
        await call();
      } catch (error) {
        const e = error as { statusCode?: number; serviceCode?: string; message?: string };
        failures.push(`${op} ${JSON.stringify(name)}: ${e.statusCode} ${e.serviceCode} ${e.message}`);
      }
    };
    const bodyOf = (name: string) => Buffer.from(`content of ${JSON.stringify(name)}`);

    for (const name of CORPUS) {
      const body = bodyOf(name);
      await attempt('PutObject', name, async () => {
        await client.putObject({ ...where, objectName: name, putObjectBody: body, contentLength: body.length });
      });
      await attempt('GetObject', name, async () => {
        const got = await bytesOf((await client.getObject({ ...where, objectName: name })).value);
        if (!got.equals(body)) failures.push(`GetObject ${JSON.stringify(name)}: other bytes`);
      });
      await attempt('HeadObject', name, async () => {
        const head = await client.headObject({ ...where, objectName: name });
        if (head.contentLength !== body.length) failures.push(`HeadObject ${JSON.stringify(name)}: content-length ${head.contentLength}`);
      });
    }

    const stored = [...CORPUS].sort(compareUtf8);
    for (const name of CORPUS) {
      await attempt('ListObjects prefix', name, async () => {
        const listed: string[] = [];
        // A small page: the SDK feeds each page's nextStartWith (itself an awkward name) back as `start`.
        for await (const o of client.listObjectsRecordIterator({ ...where, prefix: name, limit: 25 })) {
          listed.push(o.name);
          if (listed.length > stored.length) break; // a garbled start can page forever
        }
        const expected = stored.filter((n) => n.startsWith(name));
        if (JSON.stringify(listed) !== JSON.stringify(expected)) failures.push(`ListObjects prefix ${JSON.stringify(name)}: ${listed.length} listed, ${expected.length} expected`);
      });
      await attempt('ListObjects start', name, async () => {
        const page = await client.listObjects({ ...where, start: name, limit: 2 });
        const listed = page.listObjects.objects.map((o) => o.name);
        const expected = stored.filter((n) => compareUtf8(n, name) >= 0).slice(0, 2);
        if (JSON.stringify(listed) !== JSON.stringify(expected)) failures.push(`ListObjects start ${JSON.stringify(name)}: ${JSON.stringify(listed)}`);
      });
    }

    for (const name of CORPUS) {
      await attempt('DeleteObject', name, async () => {
        await client.deleteObject({ ...where, objectName: name });
      });
    }
    const left = await client.listObjects({ ...where });
    expect(failures).toEqual([]);
    expect(left.listObjects.objects).toEqual([]);
    client.close();
  });

  test("the SDK's own client gets 401 for an apostrophe (and cannot reach . or ..); the same client with signWhatIsSent works", async () => {
    const plain = new ObjectStorageClient({ authenticationDetailsProvider: apiKeyProvider() }, oneAttempt);
    plain.endpoint = emu.endpoint;
    const where = { namespaceName: NS, bucketName: 'plain' };
    const put = (client: ObjectStorageClient, objectName: string) => client.putObject({ ...where, objectName, putObjectBody: 'x', contentLength: 1 });

    const apostrophe = await failureOf(put(plain, "it's.txt"));
    expect([apostrophe.statusCode, apostrophe.serviceCode]).toEqual([401, 'NotAuthenticated']);
    expect(apostrophe.message).toContain('signature does not verify');
    // fetch removes the dot segment: PUT /o/ (ListObjects' path) and PUT /n/testns/b/plain/ (nothing there).
    expect((await failureOf(put(plain, '.'))).statusCode).toBe(405);
    expect((await failureOf(put(plain, '..'))).statusCode).toBe(404);
    // Query values: non-ASCII is signed raw and sent percent-encoded.
    expect((await failureOf(plain.listObjects({ ...where, prefix: 'é' }))).statusCode).toBe(401);

    const fixed = signWhatIsSent(plain);
    for (const name of ["it's.txt", '.', '..']) {
      await put(fixed, name);
      expect([name, (await bytesOf((await fixed.getObject({ ...where, objectName: name })).value)).toString()]).toEqual([name, 'x']);
    }
    expect((await fixed.listObjects({ ...where, prefix: 'é' })).listObjects.objects).toEqual([]);
    plain.close();
  });

  test('the SDK does not encode query values: `+`, `&`, `%2e` prefixes are garbled unless the client encodes them', async () => {
    const where = { namespaceName: NS, bucketName: 'plain' };
    const signedOnly = signWhatIsSent(new ObjectStorageClient({ authenticationDetailsProvider: apiKeyProvider() }, oneAttempt));
    signedOnly.endpoint = emu.endpoint;
    const wireSafe = new WireSafeObjectStorageClient({ authenticationDetailsProvider: apiKeyProvider() }, oneAttempt);
    wireSafe.endpoint = emu.endpoint;
    for (const name of ['a+b', 'a b', 'a&b', '%2e', '.x']) await wireSafe.putObject({ ...where, objectName: name, putObjectBody: 'x', contentLength: 1 });
    const names = async (client: ObjectStorageClient, prefix: string) => (await client.listObjects({ ...where, prefix })).listObjects.objects.map((o) => o.name);

    expect(await names(signedOnly, 'a+')).toEqual(['a b']); // `+` arrives as a space
    expect(await names(signedOnly, '%2e')).toEqual(['.', '..', '.x']); // `%2e` arrives as `.`
    expect(await names(wireSafe, 'a+')).toEqual(['a+b']);
    expect(await names(wireSafe, 'a&')).toEqual(['a&b']);
    expect(await names(wireSafe, '%2e')).toEqual(['%2e']);
    signedOnly.close();
    wireSafe.close();
  });

  test('a large Buffer is never listed key by key by the SDK, is stored whole, and is sent whole again on a retry', async () => {
    const client = newObjectStorageClient(apiKeyProvider(), {
      endpoint: emu.endpoint,
      clientConfiguration: { ...noCircuitBreaker, retryConfiguration: { terminationStrategy: new common.MaxAttemptsTerminationStrategy(2), delayStrategy: new common.FixedTimeDelayStrategy(0) } },
    });
    const content = Buffer.alloc(256 * 1024, 'claim check ');
    const fault = emu.faults.add({ operation: 'PutObject', kind: 'error', status: 503, count: 1 });
    // oci-common's emptiness test (lib/utils.js isEmpty), through the module object helper.js calls it on.
    const isEmpty = jest.spyOn(require('oci-common/lib/utils') as { isEmpty(value: unknown): boolean }, 'isEmpty');
    try {
      await client.putObject({ namespaceName: NS, bucketName: 'plain', objectName: 'big.bin', putObjectBody: content, contentLength: content.length });
      // Each attempt's body went through it (and other values, such as the user agent's map), never the Buffer itself.
      expect(isEmpty.mock.calls.filter(([value]) => value instanceof Readable)).toHaveLength(2);
      expect(isEmpty.mock.calls.filter(([value]) => value instanceof Uint8Array || typeof value === 'string')).toEqual([]);
    } finally {
      isEmpty.mockRestore();
    }
    expect(emu.faults.hits(fault)).toBe(1);
    expect((await bytesOf((await client.getObject({ namespaceName: NS, bucketName: 'plain', objectName: 'big.bin' })).value)).equals(content)).toBe(true);
    client.close();
  });

  test('signWhatIsSent wraps once, keeps the SDK transport inside, and refuses what is not an SDK client', () => {
    const client = new ObjectStorageClient({ authenticationDetailsProvider: apiKeyProvider() });
    const inner = (client as unknown as { _httpClient: common.HttpClient })._httpClient;
    signWhatIsSent(signWhatIsSent(client));
    const installed = (client as unknown as { _httpClient: common.HttpClient })._httpClient;
    expect(installed).toBeInstanceOf(SignWhatIsSentHttpClient);
    expect((installed as SignWhatIsSentHttpClient).inner).toBe(inner);
    expect(() => signWhatIsSent({})).toThrow('not an OCI SDK service client');
    client.close();
  });
});

describe('StreamClient from the shared factory against the Streaming emulator (signatures verified)', () => {
  test('PutMessages, CreateCursor and GetMessages round-trip', async () => {
    const data = tempDir('sign-what-is-sent-streaming');
    const emu = await StreamingEmulator.start({ dataDir: data.dir, streams: [{ id: 'ocid1.stream.oc1..names', name: 'names', partitions: 1 }], auth: trusting() });
    try {
      const client = newStreamClient(apiKeyProvider(), emu.endpoint, oneAttempt);
      // Under the pass-through wrapper that routes the SDK's log lines (lib/runtime/sdk-logging.ts).
      expect((client as unknown as { _httpClient: { inner: unknown } })._httpClient.inner).toBeInstanceOf(SignWhatIsSentHttpClient);
      const value = Buffer.from("it's a claim for ../日本語").toString('base64');
      const put = await client.putMessages({ streamId: 'ocid1.stream.oc1..names', putMessagesDetails: { messages: [{ value }] } });
      expect(put.putMessagesResult.failures).toBe(0);
      const cursor = await client.createCursor({
        streamId: 'ocid1.stream.oc1..names',
        createCursorDetails: { partition: '0', type: streaming.models.CreateCursorDetails.Type.TrimHorizon },
      });
      const got = await client.getMessages({ streamId: 'ocid1.stream.oc1..names', cursor: cursor.cursor.value });
      expect(got.items.map((m) => m.value)).toEqual([value]);
      // A body well over STREAMED_BODY_BYTES: streamed to the transport, and its digest still what the emulator checks.
      const many = Array.from({ length: 40 }, (_, i) => ({ key: Buffer.from(`k${i}`).toString('base64'), value: Buffer.from(`${i} résumé `.repeat(300)).toString('base64') }));
      const bulk = await client.putMessages({ streamId: 'ocid1.stream.oc1..names', putMessagesDetails: { messages: many } });
      expect(JSON.stringify({ messages: many }).length).toBeGreaterThan(10 * STREAMED_BODY_BYTES);
      expect(bulk.putMessagesResult.failures).toBe(0);
      const after = await client.getMessages({ streamId: 'ocid1.stream.oc1..names', cursor: got.opcNextCursor! });
      expect(after.items.map((m) => m.value)).toEqual(many.map((m) => m.value));
      client.close();
    } finally {
      await emu.stop();
      data.remove();
    }
  });
});
