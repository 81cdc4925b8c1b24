/**
 * The shims that stand in for four of the OCI SDK's dependencies in the publisher's bundle (lib/bundling/shims,
 * `SDK_SHIMS`): each gives what the real package gives for what the SDK calls (compared with the real package, which
 * is installed as oci-common's dependency), the SDK reads tokens through the shim as through jsonwebtoken, and only
 * the publisher's bundle gets them (the sshpk shim's own comparisons: sshpk-shim.test.ts).
 */
import * as crypto from 'node:crypto';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildSync, Metafile } from 'esbuild';
import { bundleFunction, defaultFunctionEntry, SDK_SHIMS } from '../../lib/bundling/bundle-function';
import * as signatureShim from '../../lib/bundling/shims/http-signature';
import * as sshpkShim from '../../lib/bundling/shims/sshpk';
import * as jwtShim from '../../lib/bundling/shims/jsonwebtoken';
import Sha256OfText from '../../lib/bundling/shims/jssha';
import { seededRandom } from '../helpers/seeded-random';

const realSignature = require('http-signature') as { sign: (request: unknown, options: object) => boolean };
const realJwt = require('jsonwebtoken') as { decode: (token: unknown, options?: object) => unknown };
const RealJsSha = require('jssha') as new (variant: string, format: string) => { update(text: string): unknown; getHash(format: string): string };

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sdk-shims-'));
// Entries written here resolve the SDK from this repository's node_modules.
fs.symlinkSync(path.join(__dirname, '..', '..', 'node_modules'), path.join(tmp, 'node_modules'), 'dir');
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const b64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

/** decode's outcome as data: its result, or the class of what it threw. */
function outcome(decode: (token: unknown, options?: object) => unknown, token: unknown, options?: object): unknown {
  try {
    return { value: decode(token, options) };
  } catch (error) {
    return { threw: (error as Error).constructor.name };
  }
}

describe('jsonwebtoken shim: decode gives what jsonwebtoken.decode gives', () => {
  const tokens: unknown[] = [
    `${b64url('{"alg":"RS256","typ":"JWT","kid":"k"}')}.${b64url('{"exp":1796243497,"res_tenant":"ocid1.tenancy.oc1..t"}')}.c2ln`,
    `${b64url('{"alg":"RS256"}')}.${b64url('{"exp":1}')}.`,
    `${b64url('{"alg":"RS256"}')}.${b64url('hello')}.x`,
    `${b64url('{"typ":"JWT"}')}.${b64url('hello')}.x`, // typ JWT, payload not JSON: both throw
    `${b64url('{"typ":"JWT"}')}.${b64url('123')}.x`,
    `${b64url('{"typ":"JWT"}')}.${b64url('null')}.x`,
    `${b64url('{"typ":"JWT"}')}.${b64url('"text"')}.x`,
    `${b64url('{"typ":"jwt"}')}.${b64url('x')}.x`,
    `${b64url('{}')}.${b64url('123')}.x`,
    `${b64url('{}')}.${b64url('[1,2]')}.x`,
    `${b64url('[1]')}.${b64url('{}')}.x`,
    `${b64url('"s"')}.${b64url('{}')}.x`,
    `${b64url('true')}.${b64url('{}')}.x`,
    `${b64url('123')}.${b64url('{}')}.x`,
    `${b64url('0')}.${b64url('{}')}.x`,
    `${b64url('null')}.${b64url('{}')}.x`,
    `${b64url('false')}.${b64url('{}')}.x`,
    `${b64url('nope')}.${b64url('{}')}.x`,
    `${b64url('{"a":"\u00e9"}')}.${b64url('{"n":"\u00e9 \u{1F600}"}')}.s`, // header read as Latin-1, payload as UTF-8
    `${b64url('{}')}.${b64url('{}')}.s=`,
    'e+0.e30.s',
    '.e30.s',
    'e30..s',
    'a.b',
    'a.b.c.d',
    '',
    ' e30.e30.s',
    Buffer.from(`${b64url('{"alg":"RS256"}')}.${b64url('{"exp":1}')}.sig`),
    undefined,
    null,
    12,
    {},
  ];
  const optionSets = [undefined, {}, { complete: true }, { complete: false }, { json: true }, { complete: true, json: true }];

  test.each(tokens.map((token, i) => [i, token]))('token %i, with every option set', (_i, token) => {
    for (const options of optionSets) {
      expect({ options, got: outcome(jwtShim.decode, token, options) }).toEqual({ options, got: outcome(realJwt.decode, token, options) });
    }
  });

  test('random tokens built from JSON, text and base64url noise (seeded)', () => {
    const random = seededRandom(Number(process.env.SDK_SHIMS_SEED ?? 20261202)).next;
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
    const parts = ['{"typ":"JWT"}', '{"alg":"none"}', '{}', '[]', '1', '0', '""', '"x"', 'null', '{"exp":5}', 'text', '{"a":[1,{"b":null}]}', '\u00ff\u0100', ''];
    const noise = () => Array.from({ length: Math.floor(random() * 6) }, () => pick([...'AZaz09-_+/=.'])).join('');
    for (let i = 0; i < 2000; i++) {
      const segment = () => (random() < 0.8 ? b64url(pick(parts)) : noise());
      const token = [segment(), segment(), random() < 0.5 ? b64url(pick(parts)) : noise()].join(pick(['.', '.', '.', '..', '']));
      const options = pick(optionSets);
      expect({ token, options, got: outcome(jwtShim.decode, token, options) }).toEqual({ token, options, got: outcome(realJwt.decode, token, options) });
    }
  });

  test('sign and verify, which the SDK never calls, throw naming the shim', () => {
    expect(() => jwtShim.sign()).toThrow(/jsonwebtoken\.sign is not in this bundle.*shims\/jsonwebtoken\.ts/);
    expect(() => jwtShim.verify()).toThrow(/jsonwebtoken\.verify is not in this bundle/);
    expect(jwtShim.default.decode).toBe(jwtShim.decode);
  });
});

describe('jssha shim: the SDK\'s SHA-256 of text as jsSHA computes it', () => {
  const texts = ['', 'a', '{"messages":[{"key":"a2V5","value":"dmFsdWU="}]}', 'héllo 😀', 'x'.repeat(100_000), '\u0000\u007f\u0080\u07ff\u0800\uffff'];

  test.each(texts.map((text) => [text.slice(0, 20), text]))('%j: B64 and HEX, twice, and after more text', (_label, text) => {
    const ours = new Sha256OfText('SHA-256', 'TEXT');
    const real = new RealJsSha('SHA-256', 'TEXT');
    expect(ours.update(text)).toBe(ours);
    real.update(text);
    expect([ours.getHash('B64'), ours.getHash('B64'), ours.getHash('HEX')]).toEqual([real.getHash('B64'), real.getHash('B64'), real.getHash('HEX')]);
    ours.update('more');
    real.update('more');
    expect(ours.getHash('B64')).toBe(real.getHash('B64'));
  });

  test('random strings of any code point but lone surrogates (seeded)', () => {
    const random = seededRandom(Number(process.env.SDK_SHIMS_SEED ?? 7)).next;
    for (let i = 0; i < 300; i++) {
      const text = Array.from({ length: Math.floor(random() * 40) }, () => {
        const codePoint = Math.floor(random() * 0x110000);
        return codePoint >= 0xd800 && codePoint <= 0xdfff ? 'x' : String.fromCodePoint(codePoint);
      }).join('');
      const real = new RealJsSha('SHA-256', 'TEXT');
      real.update(text);
      expect({ text, got: new Sha256OfText('SHA-256', 'TEXT').update(text).getHash('B64') }).toEqual({ text, got: real.getHash('B64') });
    }
  });

  test('a lone surrogate: the digest of the bytes Node sends (U+FFFD in its place)', () => {
    expect(new Sha256OfText('SHA-256', 'TEXT').update('a\ud800b').getHash('B64')).toBe(createHash('sha256').update(Buffer.from('a\ufffdb', 'utf8')).digest('base64'));
  });

  test('anything but SHA-256 of TEXT as B64 or HEX throws, naming the shim', () => {
    expect(() => new Sha256OfText('SHA-1', 'TEXT')).toThrow(/jsSHA variant SHA-1 is not in this bundle.*shims\/jssha\.ts/);
    expect(() => new Sha256OfText('SHA-256', 'HEX')).toThrow(/input format HEX/);
    expect(() => new Sha256OfText('SHA-256', 'TEXT', { encoding: 'UTF16BE' })).toThrow(/encoding UTF16BE/);
    expect(() => new Sha256OfText('SHA-256', 'TEXT').getHash('BYTES')).toThrow(/output format BYTES/);
  });
});

describe('http-signature shim: sign gives what http-signature.sign gives', () => {
  const rsa = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pkcs1 = rsa.privateKey.export({ type: 'pkcs1', format: 'pem' }) as string;
  const pkcs8 = rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;

  /** The SDK's SignerRequest (oci-common lib/signer.js): headers in a WHATWG Headers, as the SDK keeps them. */
  function request(method: string, path: string, headers: Record<string, string>) {
    const all = new Headers(headers);
    return { method, path, headers: all, getHeader: (name: string) => all.get(name), setHeader: (name: string, value: string) => all.set(name, value) };
  }

  /** What `sign` did: its result or the error it threw (name and message), the headers after it and its options. */
  function signOutcome(sign: (request: unknown, options: object) => boolean, method: string, path: string, headers: Record<string, string>, options: Record<string, unknown>) {
    const req = request(method, path, headers);
    const opts = { ...options };
    try {
      const returned = sign(req, opts);
      const after: string[][] = [];
      req.headers.forEach((value, name) => after.push([name, value]));
      return { returned, headers: after, options: opts };
    } catch (error) {
      return { threw: { name: (error as Error).name, message: (error as Error).message } };
    }
  }

  const same = (method: string, path: string, headers: Record<string, string>, options: Record<string, unknown>) => {
    const real = signOutcome(realSignature.sign, method, path, headers, options);
    expect(signOutcome(signatureShim.sign as (request: unknown, options: object) => boolean, method, path, headers, options)).toEqual(real);
    return real;
  };

  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-12-03T06:07:08.009Z'), doNotFake: ['nextTick', 'setImmediate'] }));
  afterEach(() => jest.useRealTimers());

  test("the SDK's requests, PKCS#1 and PKCS#8 keys, as string and Buffer: the same Authorization header", () => {
    const sdkHeaders = ['x-date', '(request-target)', 'host'];
    const base = { 'x-date': 'Thu, 03 Dec 2026 06:07:08 GMT', host: 'cell-1.streaming.us-ashburn-1.oci.oraclecloud.com' };
    const withBody = { ...base, 'content-type': 'application/json', 'content-length': '42', 'x-content-sha256': '47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=' };
    for (const key of [pkcs1, pkcs8, Buffer.from(pkcs1), Buffer.from(pkcs8)]) {
      const keyId = 'ST$eyJhbGciOiJSUzI1NiJ9.e30.c2ln';
      const get = same('GET', "/n/ns/b/bucket/o/it%27s%20a%20r%C3%A9sum%C3%A9.pdf?versionId=v1", base, { key, keyId, headers: sdkHeaders });
      expect((get as { headers: string[][] }).headers).toContainEqual(['authorization', expect.stringMatching(/^Signature keyId="ST\$eyJhbGciOiJSUzI1NiJ9\.e30\.c2ln",algorithm="rsa-sha256",headers="x-date \(request-target\) host",signature="[A-Za-z0-9+/]{342}=="$/)]);
      same('POST', '/20180418/streams/ocid1.stream.oc1.iad.x/messages', withBody, { key, keyId, headers: [...sdkHeaders, 'content-type', 'content-length', 'x-content-sha256'] });
      same('PUT', '/n/ns/b/bucket/o/a', { ...withBody, 'opc-obo-token': 'token' }, { key, keyId, headers: [...sdkHeaders, 'opc-obo-token'] });
    }
  });

  test("http-signature's defaults and options: Date added, headers ['date'], request-line, other hashes, HMAC, header name", () => {
    const headers = { host: 'example.com', date: 'Thu, 03 Dec 2026 06:07:08 GMT' };
    const added = same('GET', '/', { host: 'example.com' }, { key: pkcs8, keyId: 'k' });
    expect((added as { headers: string[][] }).headers).toContainEqual(['date', 'Thu, 03 Dec 2026 06:07:08 GMT']);
    same('GET', '/a?b=c', headers, { key: pkcs8, keyId: 'k', headers: ['request-line', 'host'] });
    same('GET', '/a', headers, { key: pkcs8, keyId: 'k', headers: ['request-line'], httpVersion: '2' });
    for (const algorithm of ['rsa-sha1', 'RSA-SHA256', 'rsa-sha512', 'hmac-sha256', 'hmac-sha1']) same('DELETE', '/x', headers, { key: pkcs1, keyId: 'k', algorithm, headers: ['date', 'host'] });
    same('GET', '/x', headers, { key: 'secret', keyId: 'k', algorithm: 'hmac-sha512' });
    same('GET', '/x', headers, { key: pkcs8, keyId: 'k', authorizationHeaderName: 'Signature' });
    same('GET', '/x', headers, { key: pkcs8, keyId: 'k', authorizationHeaderName: 'X-Auth' });
  });

  test('the same errors: a missing or empty header, bad algorithms, a key of another type, strict request-line, no keyId', () => {
    const headers = { host: 'example.com', date: 'Thu, 03 Dec 2026 06:07:08 GMT', empty: '' };
    const errors = [
      // The SDK's Headers answers null for a header it lacks: http-signature then signs "x-date: null" (no error).
      same('GET', '/', headers, { key: pkcs8, keyId: 'k', headers: ['x-date'] }),
      same('GET', '/', headers, { key: pkcs8, keyId: 'k', headers: ['empty'] }),
      same('GET', '/', headers, { key: pkcs8, keyId: 'k', algorithm: 'rsa-md5' }),
      same('GET', '/', headers, { key: pkcs8, keyId: 'k', algorithm: 'rsa' }),
      same('GET', '/', headers, { key: pkcs8, keyId: 'k', algorithm: 'foo-sha256' }),
      same('GET', '/', headers, { key: pkcs8, keyId: 'k', algorithm: 'ecdsa-sha256' }),
      same('GET', '/', headers, { key: pkcs8, keyId: 'k', headers: ['request-line'], strict: true }),
    ];
    expect(errors.map((e) => (e as { threw?: { name: string } }).threw?.name)).toEqual([
      undefined,
      'MissingHeaderError',
      'InvalidAlgorithmError',
      'InvalidAlgorithmError',
      'InvalidAlgorithmError',
      'InvalidAlgorithmError',
      'StrictParsingError',
    ]);
    expect(() => signatureShim.sign(request('GET', '/', headers), { key: pkcs8 } as unknown as signatureShim.SignOptions)).toThrow(TypeError);
  });

  test('a signature that starts with a zero byte is kept whole, as http-signature keeps it', () => {
    // RSA signatures are as long as the modulus; about one in 256 starts with 0x00. Sign until one does.
    let zeroFirst = 0;
    for (let i = 0; i < 5000 && zeroFirst === 0; i++) {
      const real = same('GET', `/n/ns/b/bucket/o/${i}`, { date: 'Thu, 03 Dec 2026 06:07:08 GMT' }, { key: pkcs8, keyId: 'k', headers: ['(request-target)', 'date'] }) as { headers: string[][] };
      const signature = /signature="([^"]+)"/.exec(real.headers.find(([name]) => name === 'authorization')![1])![1];
      if (Buffer.from(signature, 'base64')[0] === 0) zeroFirst += 1;
    }
    expect(zeroFirst).toBe(1);
  });

  test('each key is parsed once, however many requests it signs', () => {
    // The module object itself (an `import * as` namespace is a copy of it, which the shim does not read).
    const parse = jest.spyOn(require('node:crypto') as typeof crypto, 'createPrivateKey');
    try {
      const key = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }) as string;
      for (let i = 0; i < 5; i++) signatureShim.sign(request('GET', `/${i}`, { date: 'x' }), { key, keyId: 'k' });
      expect(parse).toHaveBeenCalledTimes(1);
    } finally {
      parse.mockRestore();
    }
  });

  test('what the SDK never passes throws, naming the shim: keys other than RSA, a key object, parse and verify', () => {
    const ec = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    expect(signOutcome(realSignature.sign, 'GET', '/', { date: 'x' }, { key: ec, keyId: 'k' })).toMatchObject({ returned: true });
    expect(() => signatureShim.sign(request('GET', '/', { date: 'x' }), { key: ec, keyId: 'k' })).toThrow('http-signature sign() with a EC key is not in this bundle: only sign() with a PEM key (RSA, or an HMAC secret) is (lib/bundling/shims/http-signature.ts)');
    expect(() => signatureShim.sign(request('GET', '/', { date: 'x' }), { key: {} as Buffer, keyId: 'k' })).toThrow('http-signature sign() with a key object (sshpk.PrivateKey) is not in this bundle');
    for (const fn of [signatureShim.parse, signatureShim.parseRequest, signatureShim.verify, signatureShim.verifySignature]) expect(fn).toThrow(/is not in this bundle.*shims\/http-signature\.ts/);
  });
});

describe('one key, parsed once, for the SDK\'s three reads of it (shims/parsed-keys.ts)', () => {
  /** Runs `body` counting node:crypto's createPrivateKey calls (on the module object, which the shims read). */
  function parses(body: () => void): number {
    const parse = jest.spyOn(require('node:crypto') as typeof crypto, 'createPrivateKey');
    try {
      body();
      return parse.mock.calls.length;
    } finally {
      parse.mockRestore();
    }
  }
  /** The SDK's SignerRequest (oci-common lib/signer.js) for a GET of `path`. */
  function signable(path: string) {
    const headers = new Headers({ date: 'Thu, 03 Dec 2026 06:07:08 GMT' });
    return { method: 'GET', path, headers, getHeader: (name: string) => headers.get(name), setHeader: (name: string, value: string) => headers.set(name, value) };
  }
  const newPkcs8 = () => crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;

  test("the text sshpk's shim read, and the PKCS#1 text it wrote, are that key again for sshpk and for http-signature", () => {
    const pem = newPkcs8();
    let pkcs1 = '';
    let signatures: Array<string | null> = [];
    const count = parses(() => {
      pkcs1 = sshpkShim.parsePrivateKey(pem, 'auto', {}).toBuffer('pem').toString(); // the key supplier
      sshpkShim.parsePrivateKey(pkcs1, 'auto', {}); // DefaultRequestSigner
      sshpkShim.parsePrivateKey(pem, 'auto', {});
      signatures = [0, 1].map((i) => {
        const signed = signable(`/${i}`);
        signatureShim.sign(signed, { key: pkcs1, keyId: 'k' }); // each request
        return signed.headers.get('authorization');
      });
    });
    expect(count).toBe(1);
    // The same signatures as the real http-signature, which parses the text itself.
    expect(signatures).toEqual([0, 1].map((i) => {
      const signed = signable(`/${i}`);
      realSignature.sign(signed, { key: pkcs1, keyId: 'k' });
      return signed.headers.get('authorization');
    }));
  });

  test('an encrypted key is parsed at every read, so a wrong passphrase still fails after a right one', () => {
    const key = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const encrypted = key.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'right' }) as string;
    expect(parses(() => {
      sshpkShim.parsePrivateKey(encrypted, 'auto', { passphrase: 'right' });
      sshpkShim.parsePrivateKey(encrypted, 'auto', { passphrase: 'right' });
    })).toBe(2);
    expect(() => sshpkShim.parsePrivateKey(encrypted, 'auto', { passphrase: 'wrong' })).toThrow(expect.objectContaining({ name: 'KeyParseError' }));
    expect(() => sshpkShim.parsePrivateKey(encrypted, 'auto', {})).toThrow(expect.objectContaining({ name: 'KeyEncryptedError' }));
  });

  test("oci-common's resource principal and request signer, bundled with the shims: one parse for the provider and every request", async () => {
    const entry = path.join(tmp, 'rp-signer.js');
    fs.writeFileSync(
      entry,
      [
        "const common = require('oci-common');",
        "const Fixed = require('oci-common/lib/auth/fixed-content-key-supplier').default;",
        'module.exports = async (pem, count) => {',
        '  const pair = new Fixed(pem).getKeyPair();',
        "  const provider = new common.SimpleAuthenticationDetailsProvider('ocid1.tenancy.oc1..t', 'ocid1.user.oc1..u', 'aa:bb', pair.getPrivate(), null, common.Region.US_ASHBURN_1);",
        '  const signer = new common.DefaultRequestSigner(provider);',
        '  const out = [];',
        '  for (let i = 0; i < count; i++) {',
        "    const headers = new Headers({ 'x-date': 'Thu, 03 Dec 2026 06:07:08 GMT' });",
        "    await signer.signHttpRequest({ method: 'POST', uri: 'https://cell-1.streaming.us-ashburn-1.oci.oraclecloud.com/20180418/streams/s/messages', headers, body: JSON.stringify({ n: i }) });",
        "    out.push(headers.get('authorization'));",
        '  }',
        '  return out;',
        '};',
      ].join('\n'),
    );
    const out = bundleFunction({ entry, outFile: path.join(tmp, 'rp-signer-bundle.js'), cache: false, minify: false, sdkShims: true });
    const bundled = require(out.outFile) as (pem: string, count: number) => Promise<string[]>;
    const real = require(entry) as (pem: string, count: number) => Promise<string[]>;
    const pem = newPkcs8();
    const parse = jest.spyOn(require('node:crypto') as typeof crypto, 'createPrivateKey');
    let headers: string[];
    try {
      headers = await bundled(pem, 3);
      expect(parse).toHaveBeenCalledTimes(1);
    } finally {
      parse.mockRestore();
    }
    expect(headers).toEqual(await real(pem, 3));
  });
});

describe('which bundles get the shims', () => {
  /** The packages in a bundle of `entry` (esbuild's metafile), built without the cache. */
  function packagesIn(entry: string, sdkShims?: boolean): Set<string> {
    let metafile: Metafile | undefined;
    bundleFunction(
      { entry, outFile: path.join(tmp, `out-${Math.random().toString(36).slice(2)}.js`), cache: false, ...(sdkShims === undefined ? {} : { sdkShims }) },
      { build: (options) => { const result = buildSync(options); metafile = result.metafile; return result; } },
    );
    return new Set(Object.keys(metafile!.inputs).map((input) => /node_modules\/((@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? input));
  }

  test("the publisher's: none of http-signature, jsonwebtoken, jssha, sshpk and what they pulled in, the four shims instead", () => {
    const packages = packagesIn(defaultFunctionEntry());
    const gone = ['http-signature', 'jsprim', 'jsonwebtoken', 'jssha', 'jws', 'semver', 'sshpk', 'tweetnacl', 'jsbn', 'ecc-jsbn', 'bcrypt-pbkdf', 'asn1', 'assert-plus'];
    expect(gone.filter((name) => packages.has(name))).toEqual([]);
    expect(SDK_SHIMS.map((name) => packages.has(`lib/bundling/shims/${name}.ts`))).toEqual([true, true, true, true]);
  });

  test("another entry's keeps the real packages (its own code may use them), unless it asks for the shims", () => {
    const entry = path.join(tmp, 'handler.ts');
    fs.writeFileSync(entry, "import * as common from 'oci-common';\nimport * as jwt from 'jsonwebtoken';\nexport const both = [common, jwt.sign];\n");
    expect(SDK_SHIMS.filter((name) => packagesIn(entry).has(name))).toEqual(['http-signature', 'jsonwebtoken', 'jssha', 'sshpk']);
    expect(SDK_SHIMS.filter((name) => packagesIn(entry, true).has(name))).toEqual([]);
  });

  test("oci-common's request signer signs through the shim as through http-signature: the same Authorization header", async () => {
    const entry = path.join(tmp, 'signer.js');
    fs.writeFileSync(
      entry,
      [
        "const common = require('oci-common');",
        'module.exports = async (pem, method, uri, body) => {',
        "  const provider = new common.SimpleAuthenticationDetailsProvider('ocid1.tenancy.oc1..t', 'ocid1.user.oc1..u', 'aa:bb', pem, null, common.Region.US_ASHBURN_1);",
        "  const headers = new Headers({ 'x-date': 'Thu, 03 Dec 2026 06:07:08 GMT' });",
        '  await new common.DefaultRequestSigner(provider).signHttpRequest({ method, uri, headers, body });',
        '  return [...headers.entries()];',
        '};',
      ].join('\n'),
    );
    const out = bundleFunction({ entry, outFile: path.join(tmp, 'signer-bundle.js'), cache: false, minify: false, sdkShims: true });
    expect(fs.readFileSync(out.outFile, 'utf8')).not.toContain('node_modules/http-signature');
    const bundled = require(out.outFile) as (...args: unknown[]) => Promise<string[][]>;
    const real = require(entry) as (...args: unknown[]) => Promise<string[][]>;
    const pem = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    for (const [method, uri, body] of [
      ['GET', "https://objectstorage.us-ashburn-1.oraclecloud.com/n/ns/b/bucket/o/it%27s%20r%C3%A9sum%C3%A9.pdf", undefined],
      ['POST', 'https://cell-1.streaming.us-ashburn-1.oci.oraclecloud.com/20180418/streams/ocid1.stream.oc1.iad.x/messages', '{"messages":[{"key":"a2V5","value":"dmFsdWU="}]}'],
    ]) {
      const headers = await bundled(pem, method, uri, body);
      expect(headers).toEqual(await real(pem, method, uri, body));
      expect(headers).toContainEqual(['authorization', expect.stringMatching(/^Signature version="1",keyId="ocid1\.tenancy\.oc1\.\.t\/ocid1\.user\.oc1\.\.u\/aa:bb",algorithm="rsa-sha256",headers="x-date \(request-target\) host/)]);
    }
  });

  test("oci-common's token adapter reads a session token through the shim as through jsonwebtoken", () => {
    const entry = path.join(tmp, 'adapter.js');
    fs.writeFileSync(
      entry,
      [
        "const Adapter = require('oci-common/lib/auth/security-token-adapter').default;",
        'module.exports = (token) => { const a = new Adapter(token, undefined); return { jwt: a.jwt, valid: a.isValid(), tenant: a.getStringClaim("res_tenant") }; };',
      ].join('\n'),
    );
    const out = bundleFunction({ entry, outFile: path.join(tmp, 'adapter-bundle.js'), cache: false, minify: false, sdkShims: true });
    expect(fs.readFileSync(out.outFile, 'utf8')).not.toContain('node_modules/jsonwebtoken');
    const bundled = require(out.outFile) as (token: string) => unknown;
    const real = require(entry) as (token: string) => unknown;
    const now = Math.round(Date.now() / 1000);
    for (const exp of [now + 3600, now - 3600]) {
      const token = `${b64url('{"alg":"RS256","typ":"JWT"}')}.${b64url(JSON.stringify({ exp, res_tenant: 'ocid1.tenancy.oc1..aaaa' }))}.c2ln`;
      expect(bundled(token)).toEqual(real(token));
    }
    expect((bundled(`${b64url('{"typ":"JWT"}')}.${b64url(JSON.stringify({ exp: now + 60 }))}.s`) as { valid: boolean }).valid).toBe(true);
  });
});
