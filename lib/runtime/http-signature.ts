/**
 * http-signature 1.3.1's `sign`, with the private key parsed once per key instead of at every request: in the
 * publisher's bundle it stands in for the package (lib/bundling/shims/http-signature.ts re-exports it), and the
 * product's other SDK clients sign through it (request-signer.ts).
 *
 * oci-common 2.139.1 calls one function of http-signature: `sign(request, { key, keyId, headers })`
 * (lib/signer.js DefaultRequestSigner for every request, lib/auth/X509-federation-client.js for the instance
 * principal's federation call), with `key` the PEM of an unencrypted private key (sshpk's re-encoding of the
 * provider's key) and `request` the SDK's SignerRequest (`method`, `path`, `getHeader`, `setHeader`). http-signature
 * 1.3.1 parses that PEM with sshpk on every call and signs through sshpk: measured here, ~1.1 ms per signed request
 * against ~0.3 ms for the same RSA signature with a parsed key (crypto.KeyObject), the largest single cost of a
 * request. This module keeps a KeyObject per key (parsed-keys.ts, shared with the sshpk shim: the key the SDK's key
 * supplier parsed is the one that signs).
 *
 * What it gives is what http-signature 1.3.1's `sign` gives (a test compares the Authorization headers of both for
 * the same requests, PKCS#1 and PKCS#8 keys, and its errors): a `Date` header when there is none (RFC 1123, as
 * jsprim writes it), `headers` defaulting to `['date']`, the signing string of `(request-target)`, `request-line`
 * (unless `strict`) and header lines, an RSA PKCS#1 v1.5 signature (`rsa-sha256` unless `algorithm` says
 * `rsa-sha1`/`rsa-sha512`), or an HMAC for `hmac-*`, and the header `Signature keyId="…",algorithm="…",headers="…",
 * signature="…"` (or `authorizationHeaderName`). Keys other than RSA (DSA, ECDSA, ed25519; OCI signs API requests
 * with RSA keys only), an sshpk key object instead of PEM, and the rest of the package (parse, verify) throw, naming
 * the shim.
 */
import { createHmac, sign as signWithKey } from 'node:crypto';
import { privateKeyFromPem } from './parsed-keys';

/** The SDK's SignerRequest (oci-common lib/signer.js), as http-signature reads it. */
export interface SignableRequest {
  readonly method: string;
  readonly path: string;
  getHeader(name: string): string | null | undefined;
  setHeader(name: string, value: string): void;
}

export interface SignOptions {
  readonly key: string | Buffer;
  readonly keyId: string;
  headers?: string[];
  algorithm?: string;
  httpVersion?: string;
  readonly strict?: boolean;
  readonly authorizationHeaderName?: string;
}

const SHIM = 'lib/bundling/shims/http-signature.ts';
const HASHES: ReadonlySet<string> = new Set(['sha1', 'sha256', 'sha512']);
const KEY_TYPES: ReadonlySet<string> = new Set(['rsa', 'dsa', 'ecdsa']);
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** http-signature's errors carry these names; the SDK only lets them through. */
class HttpSignatureError extends Error {
  constructor(message: string, name: string) {
    super(message);
    this.name = name;
  }
}

function unsupported(what: string): never {
  throw new Error(`http-signature ${what} is not in this bundle: only sign() with a PEM key (RSA, or an HMAC secret) is (${SHIM})`);
}

/** jsprim's rfc1123, which http-signature uses for the Date header it adds. */
function rfc1123(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[date.getUTCDay()]}, ${two(date.getUTCDate())} ${MONTHS[date.getUTCMonth()]} ${String(date.getUTCFullYear()).padStart(4, '0')} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} GMT`;
}

/** http-signature's validateAlgorithm: `<key type>-<hash>`, lower case. */
function validateAlgorithm(algorithm: string): [string, string] {
  const parts = algorithm.toLowerCase().split('-');
  if (parts.length !== 2) throw new HttpSignatureError(`${parts[0].toUpperCase()} is not a valid algorithm`, 'InvalidAlgorithmError');
  const [type, hash] = parts;
  if (type !== 'hmac' && !KEY_TYPES.has(type)) throw new HttpSignatureError(`${type.toUpperCase()} type keys are not supported`, 'InvalidAlgorithmError');
  if (!HASHES.has(hash)) throw new HttpSignatureError(`${hash.toUpperCase()} is not a supported hash algorithm`, 'InvalidAlgorithmError');
  return [type, hash];
}

function stringToSign(request: SignableRequest, options: SignOptions, headers: readonly string[], httpVersion: string): string {
  const lines: string[] = [];
  for (const header of headers) {
    if (typeof header !== 'string') throw new TypeError('options.headers must be an array of Strings');
    const name = header.toLowerCase();
    if (name === 'request-line') {
      if (options.strict) throw new HttpSignatureError('request-line is not a valid header with strict parsing enabled.', 'StrictParsingError');
      lines.push(`${request.method} ${request.path} HTTP/${httpVersion}`);
    } else if (name === '(request-target)') {
      lines.push(`(request-target): ${request.method.toLowerCase()} ${request.path}`);
    } else {
      const value = request.getHeader(name);
      if (value === undefined || value === '') throw new HttpSignatureError(`${name} was not in the request`, 'MissingHeaderError');
      lines.push(`${name}: ${value}`);
    }
  }
  return lines.join('\n');
}

/** Adds the Authorization header (and a Date header when there is none) to `request`, as http-signature does. */
export function sign(request: SignableRequest, options: SignOptions): boolean {
  if (typeof request !== 'object' || request === null) throw new TypeError('request (object) is required');
  if (typeof options !== 'object' || options === null) throw new TypeError('options (object) is required');
  if (typeof options.keyId !== 'string') throw new TypeError('options.keyId (string) is required');
  if (!request.getHeader('Date')) request.setHeader('Date', rfc1123(new Date()));
  // http-signature writes its defaults back into the options it was given.
  if (!options.headers) options.headers = ['date'];
  if (!options.httpVersion) options.httpVersion = '1.1';
  let requested: [string | undefined, string | undefined] = [undefined, undefined];
  if (options.algorithm) {
    options.algorithm = options.algorithm.toLowerCase();
    requested = validateAlgorithm(options.algorithm);
  }
  const text = stringToSign(request, options, options.headers, options.httpVersion);

  let signature: string;
  if (requested[0] === 'hmac') {
    if (typeof options.key !== 'string' && !Buffer.isBuffer(options.key)) throw new TypeError('options.key must be a string or Buffer');
    signature = createHmac(requested[1]!.toUpperCase(), options.key).update(text).digest('base64');
  } else {
    if (typeof options.key !== 'string' && !Buffer.isBuffer(options.key)) unsupported('sign() with a key object (sshpk.PrivateKey)');
    const key = privateKeyFromPem(typeof options.key === 'string' ? options.key : options.key.toString('utf8'));
    if (key.asymmetricKeyType !== 'rsa') unsupported(`sign() with a ${String(key.asymmetricKeyType).toUpperCase()} key`);
    if (requested[0] !== undefined && requested[0] !== 'rsa') {
      throw new HttpSignatureError(`options.key must be a ${requested[0].toUpperCase()} key, was given a RSA key instead`, 'InvalidAlgorithmError');
    }
    // sshpk's default hash for an RSA key.
    const hash = requested[1] ?? 'sha256';
    signature = signWithKey(hash, Buffer.from(text, 'utf8'), key).toString('base64');
    options.algorithm = `rsa-${hash}`;
  }

  const headerName = options.authorizationHeaderName || 'Authorization';
  const fields = `keyId="${options.keyId}",algorithm="${options.algorithm}",headers="${options.headers.join(' ')}",signature="${signature}"`;
  request.setHeader(headerName, headerName.toLowerCase() === 'signature' ? fields : `Signature ${fields}`);
  return true;
}

export const signRequest = sign;

export function parse(): never {
  return unsupported('parse()');
}

export function parseRequest(): never {
  return unsupported('parseRequest()');
}

export function verify(): never {
  return unsupported('verify()');
}

export function verifySignature(): never {
  return unsupported('verifySignature()');
}
