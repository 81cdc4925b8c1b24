/**
 * lib/runtime/request-signer.ts: the product's SDK clients sign as oci-common's DefaultRequestSigner signs (the same
 * headers, byte for byte, compared with the real signer over the real http-signature and sshpk), with the key parsed
 * once; what it leaves to the SDK's signer gets the SDK's signature; every client the factories build uses it.
 */
import * as crypto from 'node:crypto';
import { Readable } from 'node:stream';
import * as common from 'oci-common';
import { newObjectStorageClient, newStreamClient } from '../../lib/runtime/oci-sdk-clients';
import { KeyCachingRequestSigner, useKeyCachingSigner } from '../../lib/runtime/request-signer';

const NOW = new Date('2026-12-03T06:07:08.009Z');
beforeEach(() => jest.useFakeTimers({ now: NOW, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] }));
afterEach(() => jest.useRealTimers());

const rsa = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
const pkcs8 = rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
const pkcs1 = rsa.privateKey.export({ type: 'pkcs1', format: 'pem' }) as string;
const encrypted = rsa.privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pass phrase' }) as string;

function provider(key: string, passphrase: string | null = null): common.SimpleAuthenticationDetailsProvider {
  return new common.SimpleAuthenticationDetailsProvider('ocid1.tenancy.oc1..t', 'ocid1.user.oc1..u', 'aa:bb:cc', key, passphrase, common.Region.US_ASHBURN_1);
}

interface RequestCase {
  readonly name: string;
  readonly method: common.HttpRequest['method'];
  readonly uri: string;
  readonly headers?: Record<string, string>;
  /** A function so each signer gets its own stream. */
  readonly body?: () => unknown;
  readonly forceExcludeBody?: boolean;
}

const OS = 'https://objectstorage.us-ashburn-1.oraclecloud.com/n/ns/b/bucket/o';
const STREAM = 'https://cell-1.streaming.us-ashburn-1.oci.oraclecloud.com/20180418/streams/ocid1.stream.oc1.iad.x';
const CASES: readonly RequestCase[] = [
  { name: 'GET of an object with an encoded name', method: 'GET', uri: `${OS}/it%27s%20r%C3%A9sum%C3%A9.pdf` },
  { name: 'HEAD with a query', method: 'HEAD', uri: `${OS}/a/b?versionId=v1&x=%26` },
  { name: 'DELETE with an If-Match header', method: 'DELETE', uri: `${OS}/x`, headers: { 'if-match': '"etag"' } },
  { name: 'POST of JSON with non-ASCII text', method: 'POST', uri: `${STREAM}/messages`, body: () => '{"messages":[{"key":"a2V5","value":"w6k="}],"note":"é 😀"}' },
  { name: 'POST without a body', method: 'POST', uri: `${STREAM}/groupCursors` },
  { name: 'PUT of a stream', method: 'PUT', uri: `${OS}/from-a-stream`, body: () => Readable.from([Buffer.from('hello '), Buffer.from('wörld')]) },
  { name: 'PUT with the body excluded (PutObject)', method: 'PUT', uri: `${OS}/excluded`, body: () => 'payload', forceExcludeBody: true },
  { name: 'PATCH of an empty string', method: 'PATCH', uri: `${OS}/p`, body: () => '' },
  {
    // A Content-Length the caller set is kept and signed as it is, whatever the body (the SDK's rule).
    name: 'POST with its own Content-Type, Content-Length, x-date and host',
    method: 'POST',
    uri: `${STREAM}/messages`,
    headers: { 'content-type': 'application/octet-stream', 'content-length': '7', 'x-date': 'Mon, 01 Jan 2024 00:00:00 GMT', host: 'other.example.com' },
    body: () => 'abc',
  },
];

/** Every header after `signer` signed `c`, sorted: what goes on the wire. */
async function signedHeaders(signer: common.RequestSigner, c: RequestCase): Promise<Array<[string, string]>> {
  const headers = new Headers(c.headers ?? {});
  await signer.signHttpRequest({ method: c.method, uri: c.uri, headers, body: c.body?.() }, c.forceExcludeBody ?? false);
  const all: Array<[string, string]> = [];
  headers.forEach((value, name) => all.push([name, value]));
  return all.sort(([a], [b]) => a.localeCompare(b));
}

/** Counts node:crypto's createPrivateKey calls made by `body` (the module object, which request-signer.ts reads). */
async function parses(body: () => Promise<void>): Promise<number> {
  const spy = jest.spyOn(require('node:crypto') as typeof crypto, 'createPrivateKey');
  try {
    await body();
    return spy.mock.calls.length;
  } finally {
    spy.mockRestore();
  }
}

describe('KeyCachingRequestSigner signs as DefaultRequestSigner signs', () => {
  test.each([
    ['PKCS#8', pkcs8, null],
    ['PKCS#1', pkcs1, null],
    ['encrypted PKCS#8 with its passphrase', encrypted, 'pass phrase'],
  ] as const)('%s key: the same headers for every request', async (_, key, passphrase) => {
    const p = provider(key, passphrase);
    const ours = new KeyCachingRequestSigner(p, new common.DefaultRequestSigner(p));
    const sdk = new common.DefaultRequestSigner(p);
    for (const c of CASES) {
      const expected = await signedHeaders(sdk, c);
      expect({ case: c.name, headers: await signedHeaders(ours, c) }).toEqual({ case: c.name, headers: expected });
    }
    // Not vacuous: the signature verifies with the key's public half, over what the SDK documents it signs.
    const headers = new Map(await signedHeaders(ours, CASES[3]));
    const signature = /signature="([^"]+)"/.exec(headers.get('authorization')!)![1];
    const signingString = ['x-date', '(request-target)', 'host', 'content-type', 'content-length', 'x-content-sha256']
      .map((name) => (name === '(request-target)' ? '(request-target): post /20180418/streams/ocid1.stream.oc1.iad.x/messages' : `${name}: ${headers.get(name)}`))
      .join('\n');
    expect(crypto.verify('sha256', Buffer.from(signingString), rsa.publicKey, Buffer.from(signature, 'base64'))).toBe(true);
    expect(headers.get('authorization')).toMatch(/^Signature version="1",keyId="ocid1\.tenancy\.oc1\.\.t\/ocid1\.user\.oc1\.\.u\/aa:bb:cc",algorithm="rsa-sha256",headers="x-date \(request-target\) host Content-Type Content-Length x-content-sha256",signature="/);
  });

  test('the key is parsed once for any number of requests, and again when the provider gives another key', async () => {
    // A key no other test has used: the process remembers parsed keys (parsed-keys.ts).
    let key = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    const rotating = provider(key);
    jest.spyOn(rotating, 'getPrivateKey').mockImplementation(() => key);
    const ours = new KeyCachingRequestSigner(rotating, new common.DefaultRequestSigner(rotating));
    expect(await parses(async () => {
      for (const c of CASES) await signedHeaders(ours, c);
    })).toBe(1);
    const other = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
    key = other.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    const sdk = new common.DefaultRequestSigner(rotating);
    let after: Array<[string, string]> = [];
    expect(await parses(async () => {
      after = await signedHeaders(ours, CASES[0]);
    })).toBe(1);
    expect(after).toEqual(await signedHeaders(sdk, CASES[0]));
  });

  test("what it leaves to the SDK's signer gets the SDK's signature: a delegating provider, an EC key, text node:crypto cannot read", async () => {
    const inner = provider(pkcs8);
    const delegating = Object.assign(provider(pkcs8), { getProvider: () => inner });
    const ec = provider(crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string);
    for (const p of [delegating, ec]) {
      const sdkSigner = new common.DefaultRequestSigner(p);
      const delegated = jest.spyOn(sdkSigner, 'signHttpRequest');
      const ours = new KeyCachingRequestSigner(p, sdkSigner);
      const headers = await signedHeaders(ours, CASES[3]);
      expect(delegated).toHaveBeenCalledTimes(1);
      // ECDSA signatures are randomized: everything but the signature's bytes.
      const unsigned = (all: Array<[string, string]>) => all.map(([name, value]) => [name, value.replace(/signature="[^"]+"/, 'signature="…"')]);
      expect(unsigned(headers)).toEqual(unsigned(await signedHeaders(new common.DefaultRequestSigner(p), CASES[3])));
    }
    // A key the SDK cannot read either: its own error, from its own signer.
    const broken = provider(pkcs8);
    const ours = new KeyCachingRequestSigner(broken, new common.DefaultRequestSigner(broken));
    jest.spyOn(broken, 'getPrivateKey').mockReturnValue('-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n');
    await expect(signedHeaders(ours, CASES[0])).rejects.toThrow(/Failed to parse|KeyParseError|key/i);
  });
});

describe('the factories sign with it', () => {
  /** The signer of the SDK transport under a client's wrappers. */
  function signerOf(client: object): unknown {
    for (let at: unknown = (client as { _httpClient?: unknown })._httpClient; at; at = (at as { inner?: unknown }).inner) {
      if (at instanceof common.FetchHttpClient) return (at as unknown as { signer: unknown }).signer;
    }
    return undefined;
  }

  test('Object Storage and Streaming clients, and only once however often signWhatIsSent is applied', () => {
    const p = provider(pkcs8);
    const objectStorage = newObjectStorageClient(p, { endpoint: 'https://objectstorage.us-ashburn-1.oraclecloud.com' });
    const stream = newStreamClient(p, 'https://cell-1.streaming.us-ashburn-1.oci.oraclecloud.com');
    expect(signerOf(objectStorage)).toBeInstanceOf(KeyCachingRequestSigner);
    expect(signerOf(stream)).toBeInstanceOf(KeyCachingRequestSigner);
    const signer = signerOf(stream);
    expect(useKeyCachingSigner((stream as unknown as { _httpClient: unknown })._httpClient, p)).toBe(true);
    expect(signerOf(stream)).toBe(signer);
    // No provider, or no SDK transport: nothing to do.
    expect(useKeyCachingSigner((stream as unknown as { _httpClient: unknown })._httpClient, undefined)).toBe(false);
    expect(useKeyCachingSigner({ send: () => undefined }, p)).toBe(false);
  });
});
