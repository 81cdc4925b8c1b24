/**
 * Stands in for `jsonwebtoken` in the publisher's bundle (bundle-function.ts, `SDK_SHIMS`): its `decode` on Node's
 * Buffer, without the rest of the package.
 *
 * oci-common 2.139.1 calls one function of jsonwebtoken: `decode(token, { complete: true })`
 * (lib/auth/security-token-adapter.js), to read the claims of a resource or instance principal session token (the
 * expiry above all) without verifying it. Bundled, jsonwebtoken brought jws, jwa, semver (whose version ranges it
 * parses as it loads), lodash helpers and ecdsa-sig-formatter: ~56 KB of the bundle and ~8 ms of every cold start.
 *
 * `decode` gives what jsonwebtoken 9's gives for every input (a test compares the two on fixed and random tokens):
 * - a token is a string (or a Buffer, read as UTF-8) of three dot-separated base64url segments, the first two not
 *   empty, no padding; anything else is null;
 * - the header is the first segment's JSON, its bytes read as Latin-1; null when it does not parse or is falsy;
 * - the payload is the second segment's UTF-8 text, parsed as JSON when the header's `typ` is `JWT` or
 *   `options.json` is set (a SyntaxError when it does not parse), else kept as text unless it parses to an object;
 * - `options.complete`: `{ header, payload, signature }` (the third segment as is), else the payload alone.
 * Nothing is verified, as with jsonwebtoken's decode. `sign` and `verify`, which nothing in the bundle calls, throw.
 */
const SEGMENTS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.([A-Za-z0-9_-]*)$/;

export interface DecodeOptions {
  readonly complete?: boolean;
  readonly json?: boolean;
}

export function decode(token: unknown, options: DecodeOptions = {}): unknown {
  const text = typeof token === 'string' ? token : Buffer.isBuffer(token) ? token.toString('utf8') : undefined;
  if (text === undefined || !SEGMENTS.test(text)) return null;
  const [encodedHeader, encodedPayload, signature] = text.split('.');
  let header: unknown;
  try {
    header = JSON.parse(Buffer.from(encodedHeader, 'base64url').toString('latin1'));
  } catch {
    return null;
  }
  if (!header) return null;
  let payload: unknown = Buffer.from(encodedPayload, 'base64url').toString('utf8');
  if ((header as { typ?: unknown }).typ === 'JWT' || options.json) payload = JSON.parse(payload as string);
  if (typeof payload === 'string') {
    try {
      const parsed: unknown = JSON.parse(payload);
      if (parsed !== null && typeof parsed === 'object') payload = parsed;
    } catch {
      // Not JSON: the payload stays text.
    }
  }
  return options.complete ? { header, payload, signature } : payload;
}

function unavailable(name: string): never {
  throw new Error(`jsonwebtoken.${name} is not in this bundle: only decode is (lib/bundling/shims/jsonwebtoken.ts)`);
}

export function sign(): never {
  return unavailable('sign');
}

export function verify(): never {
  return unavailable('verify');
}

// oci-common loads it as `__importDefault(require("jsonwebtoken")).default`: this module is marked as an ES module
// once bundled, so its default export is what the SDK gets.
export default { decode, sign, verify };
