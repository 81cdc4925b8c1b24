/**
 * Makes the OCI TypeScript SDK send exactly the request target it signs, for every object name Object Storage
 * accepts. Depends on oci-common and Node built-ins only, so the bundled function (lambda-src) can use it too.
 *
 * The mismatch (oci-common 2.139.1 on Node 18+; read in node_modules/oci-common/lib/signer.js, http.js and
 * request-generator.js, reproduced against the local emulator, which checks the raw request line as OCI does):
 * - The signer computes `(request-target)` from the legacy `url.parse(uri).path`. That parser escapes
 *   `' { } | \ ^ \` " < >`, space, tab, CR and LF, and leaves non-ASCII characters as they are.
 * - FetchHttpClient sends with the global `fetch` (undici), which parses the URI as a WHATWG URL: in the path it
 *   leaves `' | ^` unescaped (and turns `\` into `/`), in the query it leaves `| \ ^ \` { }` unescaped, it
 *   percent-encodes non-ASCII as UTF-8, removes `.` / `..` path segments (also spelled `%2e`), and takes `Host` from
 *   the URL (without a default port such as `:443`) whatever header was signed.
 * - Path parameters are `encodeURIComponent`-ed, which leaves `A-Z a-z 0-9 - _ . ! ~ * ' ( )`; of those only `'`
 *   differs (`%27` signed, `'` sent), and an object named `.` or `..` is a dot segment. Query values are not encoded
 *   at all (`key + "=" + value`), so any of the characters above in a ListObjects `prefix`/`start` differs.
 * Any difference is HTTP 401 "signature does not verify" on OCI.
 *
 * The fix, in one HttpClient wrapper installed on each SDK client (`signWhatIsSent(client)`): before the SDK signs,
 * the URI is rewritten so that both parsers read the same path and query (`wireSafeRequestUri`): every character
 * outside a small set that neither parser touches is percent-encoded as UTF-8 (so `'` travels as `%27`, which the
 * server decodes back to `'`), `#` in the query is data (the SDK never means a fragment), and the origin is the WHATWG
 * origin (so the signed `host` is the one fetch sends). Then the SDK's own FetchHttpClient signs and sends as usual
 * (circuit breaker, retries, httpOptions unchanged). A path with a dot segment cannot go through fetch at all (WHATWG
 * URL removes it, `%2e` included), so those requests are signed for the client's provider and sent with node:http(s),
 * which sends the path verbatim.
 *
 * Not fixed here (see ../consumer/README.md and lib/emulators/README.md): query values that contain `&`, `=`, `+`,
 * `%` need encoding before the SDK builds the query (WireSafeObjectStorageClient in oci-sdk-clients.ts does that for
 * the listing calls).
 */
import * as http from 'node:http';
import * as https from 'node:https';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as common from 'oci-common';
import { KeyCachingRequestSigner, METHODS_WITH_BODY_HEADERS, useKeyCachingSigner } from './request-signer';

/**
 * Characters both parsers leave alone in a path: RFC 3986 unreserved and sub-delims except `'`, plus `:`, `@`, `/`
 * and `%` (existing escapes are kept, so the function is idempotent). In the query `?` is allowed too.
 */
const PATH_SAFE = /[A-Za-z0-9\-._~!$&()*+,;=:@/%]/;
const QUERY_SAFE = /[A-Za-z0-9\-._~!$&()*+,;=:@/%?]/;

function percentEncode(text: string, safe: RegExp): string {
  let out = '';
  for (const char of text) {
    if (safe.test(char)) out += char;
    // Buffer.from turns a lone surrogate into U+FFFD, as WHATWG URL does.
    else for (const byte of Buffer.from(char, 'utf8')) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/**
 * The URI with the same meaning whose path and query read the same to `url.parse` (what the SDK signs) and to
 * WHATWG URL (what fetch sends), and whose origin is the WHATWG origin (what fetch sends as `Host`).
 */
export function wireSafeRequestUri(uri: string): string {
  const { path, query } = splitTarget(uri);
  return `${new URL(uri).origin}${percentEncode(path, PATH_SAFE)}${query === undefined ? '' : `?${percentEncode(query, QUERY_SAFE)}`}`;
}

/** A `.` or `..` path segment (also `%2e` spellings), which WHATWG URL, and so fetch, removes from the path. */
export function hasDotSegment(uri: string): boolean {
  const { path } = splitTarget(uri);
  return path.split('/').some((segment) => /^(\.|%2e){1,2}$/i.test(segment));
}

/**
 * Path and query of an absolute URI as written, without normalisation. Everything after the first `?` is the query
 * (a `#` in it is data: the SDK builds queries from raw values and never means a fragment).
 */
function splitTarget(uri: string): { path: string; query?: string; target: string } {
  const authorityStart = uri.indexOf('//') + 2;
  const pathStart = uri.slice(authorityStart).search(/[/?]/);
  const target = pathStart < 0 ? '/' : uri.slice(authorityStart + pathStart).replace(/^\?/, '/?');
  const queryStart = target.indexOf('?');
  return queryStart < 0 ? { path: target, target } : { path: target.slice(0, queryStart), query: target.slice(queryStart + 1), target };
}

/**
 * Wraps an SDK client's own HttpClient: rewrites each request's URI with `wireSafeRequestUri` before it is signed,
 * and sends dot-segment paths itself (node:http(s), signed by `signer`), since fetch cannot send them.
 */
export class SignWhatIsSentHttpClient implements common.HttpClient {
  constructor(
    /** The client's HttpClient (the SDK's FetchHttpClient: signs, then fetch). */
    public readonly inner: common.HttpClient,
    /** Signs the requests sent verbatim; null when the client has no authentication provider. */
    private readonly verbatimSigner: () => common.RequestSigner | null,
  ) {}

  public send(
    req: common.HttpRequest,
    forceExcludeBody = false,
    targetService?: string,
    operationName?: string,
    timestamp?: string,
    endpoint?: string,
    apiReferenceLink?: string,
  ): Promise<Response> {
    // The retrier passes the same request object to every attempt; the rewrite is idempotent.
    req.uri = wireSafeRequestUri(req.uri);
    if (hasDotSegment(req.uri)) {
      const signer = this.verbatimSigner();
      if (!signer) throw new Error(`Cannot send ${req.method} ${req.uri}: a "." or ".." path segment needs the client's authentication provider to sign it`);
      return sendVerbatim(req, signer, forceExcludeBody);
    }
    return this.inner.send(withCheapBody(req, forceExcludeBody), forceExcludeBody, targetService, operationName, timestamp, endpoint, apiReferenceLink);
  }
}

/**
 * Bodies from this size on reach the SDK's transport as a stream of their bytes. Why: oci-common 2.139.1's
 * FetchHttpClient first asks whether a body is empty with `Object.keys(body).length === 0` (lib/utils.js `isEmpty`,
 * from helper.js `getSignerAndReqBody`). For a string or a Buffer, that lists every index. Measured on Node 20:
 * - 0.9 ms for 10,000 characters;
 * - 30 ms for a 256 KiB string (the reconciler's largest PutMessages);
 * - 2.4 s and +320 MiB of heap for a 10 MiB Buffer (a PutObject of a file).
 * A stream answers that test at once. The SDK then reads it for the signature where the body is signed, as it reads
 * any stream body (the same text, so the same digest), and sends it with the Content-Length the request carries.
 */
export const STREAMED_BODY_BYTES = 8 * 1024;

/**
 * `req`, or a copy of it whose large string or Buffer body is a stream of the same bytes (STREAMED_BODY_BYTES), when
 * the request will carry a Content-Length (already set, or set by the signer). A fresh stream per call: the retrier
 * sends the same request object again, and `req` itself keeps its body.
 */
export function withCheapBody(req: common.HttpRequest, forceExcludeBody: boolean): common.HttpRequest {
  const body: unknown = req.body;
  if (!(typeof body === 'string' || body instanceof Uint8Array) || body.length < STREAMED_BODY_BYTES) return req;
  const lengthKnown = req.headers.has('content-length') || (!forceExcludeBody && METHODS_WITH_BODY_HEADERS.has(req.method.toUpperCase()));
  if (!lengthKnown) return req;
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  return { ...req, body: Readable.from([bytes]) };
}

/** The fields every generated OCI SDK service client has (protected in their typings). */
interface SdkClientInternals {
  _httpClient?: common.HttpClient;
  _authProvider?: common.AuthenticationDetailsProvider;
}

/**
 * Installs SignWhatIsSentHttpClient on an OCI SDK service client (ObjectStorageClient, StreamClient, …) built with
 * an `authenticationDetailsProvider`: the SDK builds its transport (signer, circuit breaker, httpOptions) as usual
 * and this wraps it, after putting a KeyCachingRequestSigner in place of the SDK's signer (request-signer.ts: the same
 * signatures, the key parsed once). Idempotent; returns the client.
 */
export function signWhatIsSent<T extends object>(client: T): T {
  // `_httpClient` and `_authProvider` are protected members of every generated client (see their .d.ts).
  const internals = client as unknown as SdkClientInternals;
  const current = internals._httpClient;
  if (!current || typeof current.send !== 'function') throw new Error('signWhatIsSent: not an OCI SDK service client (no _httpClient)');
  // Already installed, possibly under another pass-through wrapper (sdk-logging.ts's, which keeps it as `inner`).
  for (let transport: unknown = current; transport; transport = (transport as { inner?: unknown }).inner) {
    if (transport instanceof SignWhatIsSentHttpClient) return client;
  }
  // The same request signing as the SDK's, with the key parsed once (request-signer.ts).
  useKeyCachingSigner(current, internals._authProvider);
  let signer: common.RequestSigner | null | undefined;
  internals._httpClient = new SignWhatIsSentHttpClient(current, () => {
    if (signer === undefined) {
      const provider = internals._authProvider;
      signer = provider ? new KeyCachingRequestSigner(provider, new common.DefaultRequestSigner(provider)) : null;
    }
    return signer;
  });
  return client;
}

/** Signs and sends with node:http(s), whose request line is the path exactly as given (and as signed). */
async function sendVerbatim(req: common.HttpRequest, signer: common.RequestSigner, forceExcludeBody: boolean): Promise<Response> {
  const body = isEmptyBody(req.body) ? undefined : req.body;
  if (body !== undefined && !forceExcludeBody && typeof body !== 'string') {
    throw new Error(`Cannot sign the ${typeof body} body of ${req.method} ${req.uri} for a "." or ".." path segment (only string bodies)`);
  }
  await signer.signHttpRequest({ method: req.method, headers: req.headers, uri: req.uri, body: forceExcludeBody ? undefined : body }, forceExcludeBody);
  const url = new URL(req.uri);
  const headers: Record<string, string> = {};
  req.headers.forEach((value, name) => (headers[name] = value));
  const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
    const request = (url.protocol === 'https:' ? https : http).request(
      {
        method: req.method,
        hostname: url.hostname.replace(/^\[(.*)\]$/, '$1'),
        port: url.port || undefined,
        // The signer's (request-target): url.parse(uri).path, which for a wire-safe URI is the target as written.
        path: splitTarget(req.uri).target,
        headers,
      },
      resolve,
    );
    request.on('error', reject);
    if (body === undefined) request.end();
    else if (typeof body === 'string' || body instanceof Uint8Array) request.end(body);
    else pipeline(toNodeReadable(body), request).catch(reject);
  });
  const responseHeaders = new Headers();
  for (let i = 0; i + 1 < response.rawHeaders.length; i += 2) responseHeaders.append(response.rawHeaders[i], response.rawHeaders[i + 1]);
  const status = response.statusCode ?? 500;
  const noBody = req.method === 'HEAD' || status === 204 || status === 205 || status === 304;
  if (noBody) response.resume();
  return new Response(noBody ? null : (Readable.toWeb(response) as ReadableStream<Uint8Array>), {
    status,
    statusText: response.statusMessage,
    headers: responseHeaders,
  });
}

function isEmptyBody(body: unknown): boolean {
  if (body === undefined || body === null || body === '') return true;
  return body instanceof Uint8Array && body.length === 0;
}

function toNodeReadable(body: unknown): Readable {
  if (body instanceof Readable) return body;
  if (typeof Blob !== 'undefined' && body instanceof Blob) return Readable.fromWeb(body.stream() as import('node:stream/web').ReadableStream);
  if (body && typeof (body as ReadableStream).getReader === 'function') return Readable.fromWeb(body as import('node:stream/web').ReadableStream);
  throw new Error(`Cannot send a request body of type ${Object.prototype.toString.call(body)}`);
}
