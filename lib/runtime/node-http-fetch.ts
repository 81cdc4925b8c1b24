/**
 * `fetch`, `Headers`, `Request` and `Response` over node:http(s), for the processes that only call OCI's JSON APIs
 * (the publisher function): the OCI SDK sends every request through the global `fetch` and builds every request's
 * headers with the global `Headers`, and on Node 20 and 22 the first touch of either global loads and runs Node's
 * bundled undici, about 60 ms of CPU (measured: `globalThis.Headers` alone, Node 20.20 and 22.23, this machine).
 * A function answers its first event only after that; with these classes installed (`installNodeHttpFetch`, called
 * by lambda-src/func.ts before anything sends) undici is never loaded.
 *
 * What the SDK and lib/runtime use of the WHATWG classes, and nothing more, with fetch's observable behaviour kept
 * where the SDK or our signing depends on it:
 * - the request line is the WHATWG URL's path and query, and `Host` is the URL's host, whatever `host` header was
 *   signed, exactly as fetch sends them (sign-what-is-sent.ts makes the signed target match that);
 * - a failure to connect rejects with `TypeError('fetch failed')` whose `cause` is the socket error (its `code`,
 *   e.g. ECONNREFUSED), as undici does, so retries classify it the same;
 * - an aborted signal rejects with the signal's reason and destroys the request;
 * - a connection that stays silent for 300 s fails the request (`fetch failed`, cause: a timeout error), as undici's
 *   default headers and body timeouts do, so a hung connection is never held for ever;
 * - headers are case-insensitive, iterate sorted by lower-case name, and repeated names join with `, `;
 * - response bodies are Node streams underneath; `text()`, `json()`, `arrayBuffer()` read them whole, `body` is the
 *   web stream (made on first access) and `clone()` tees them (the SDK's circuit breaker clones error answers).
 * Not provided: redirects (OCI's APIs answer none; a 3xx is returned as it is), compression (no `accept-encoding` is
 * sent, so answers come uncompressed), cookies, CORS, `FormData` and `Blob` bodies.
 */
import * as http from 'node:http';
import * as https from 'node:https';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

type HeaderPairs = Iterable<readonly [string, string]> | Record<string, string>;
type BodySource = string | Uint8Array | ArrayBuffer | Readable | ReadableStream<Uint8Array> | null | undefined;

/** RFC 9110 token characters: what a field name may be made of. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** What fetch refuses in a field value (after trimming HTTP whitespace). */
const INVALID_VALUE = /[\0\r\n]/;

function headerName(name: string): string {
  const text = String(name);
  if (!TOKEN.test(text)) throw new TypeError(`Invalid header name: "${text}"`);
  return text.toLowerCase();
}

function headerValue(value: string): string {
  const text = String(value).replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');
  if (INVALID_VALUE.test(text)) throw new TypeError(`Invalid header value: ${JSON.stringify(text)}`);
  return text;
}

export class NodeHttpHeaders {
  private readonly fields = new Map<string, string>();

  public constructor(init?: HeaderPairs | NodeHttpHeaders) {
    if (init === undefined || init === null) return;
    if (init instanceof NodeHttpHeaders) init.forEach((value, name) => this.append(name, value));
    else if (typeof (init as Iterable<unknown>)[Symbol.iterator] === 'function') {
      for (const pair of init as Iterable<readonly [string, string]>) {
        if (pair.length !== 2) throw new TypeError('Each header pair must be [name, value]');
        this.append(pair[0], pair[1]);
      }
    } else for (const [name, value] of Object.entries(init)) this.append(name, value);
  }

  public append(name: string, value: string): void {
    const key = headerName(name);
    const text = headerValue(value);
    const previous = this.fields.get(key);
    this.fields.set(key, previous === undefined ? text : `${previous}, ${text}`);
  }

  public set(name: string, value: string): void {
    this.fields.set(headerName(name), headerValue(value));
  }

  public get(name: string): string | null {
    return this.fields.get(headerName(name)) ?? null;
  }

  public has(name: string): boolean {
    return this.fields.has(headerName(name));
  }

  public delete(name: string): void {
    this.fields.delete(headerName(name));
  }

  public forEach(callback: (value: string, name: string, headers: NodeHttpHeaders) => void, thisArg?: unknown): void {
    for (const [name, value] of this.entries()) callback.call(thisArg, value, name, this);
  }

  public *entries(): IterableIterator<[string, string]> {
    yield* [...this.fields.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  public *keys(): IterableIterator<string> {
    for (const [name] of this.entries()) yield name;
  }

  public *values(): IterableIterator<string> {
    for (const [, value] of this.entries()) yield value;
  }

  public [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }
}

export interface NodeHttpRequestInit {
  readonly method?: string;
  readonly headers?: HeaderPairs | NodeHttpHeaders;
  readonly body?: BodySource;
  readonly signal?: AbortSignal | null;
  /** Accepted for fetch compatibility (the SDK passes 'half' with streamed bodies); node:http always streams. */
  readonly duplex?: string;
  /** Not in fetch: how long the connection may stay silent. @default NODE_HTTP_FETCH_IDLE_TIMEOUT_MS */
  readonly idleTimeoutMs?: number;
}

/** undici's default headersTimeout and bodyTimeout (300 s): a silent connection fails the request after it. */
export const NODE_HTTP_FETCH_IDLE_TIMEOUT_MS = 300_000;

/** Methods fetch upper-cases whatever their spelling. */
const NORMALIZED_METHODS = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH']);

export class NodeHttpRequest {
  public readonly url: string;
  public readonly method: string;
  public readonly headers: NodeHttpHeaders;
  public readonly body: BodySource;
  public readonly signal: AbortSignal | undefined;
  public readonly idleTimeoutMs: number;

  public constructor(input: string | URL | NodeHttpRequest, init: NodeHttpRequestInit = {}) {
    const base = input instanceof NodeHttpRequest ? input : undefined;
    const url = new URL(base ? base.url : String(input));
    if (url.username || url.password) throw new TypeError(`Request cannot be constructed from a URL that includes credentials: ${url.origin}`);
    this.url = url.href;
    const method = init.method ?? base?.method ?? 'GET';
    this.method = NORMALIZED_METHODS.has(method.toUpperCase()) ? method.toUpperCase() : method;
    this.headers = new NodeHttpHeaders(init.headers ?? base?.headers);
    this.body = init.body !== undefined ? init.body : base?.body;
    if ((this.method === 'GET' || this.method === 'HEAD') && this.body !== undefined && this.body !== null) {
      throw new TypeError(`Request with ${this.method} method cannot have a body`);
    }
    this.signal = init.signal ?? base?.signal ?? undefined;
    this.idleTimeoutMs = init.idleTimeoutMs ?? base?.idleTimeoutMs ?? NODE_HTTP_FETCH_IDLE_TIMEOUT_MS;
  }
}

export interface NodeHttpResponseInit {
  readonly status?: number;
  readonly statusText?: string;
  readonly headers?: HeaderPairs | NodeHttpHeaders;
}

export class NodeHttpResponse {
  public readonly status: number;
  public readonly statusText: string;
  public readonly headers: NodeHttpHeaders;
  public readonly url: string;
  public readonly redirected = false;
  public readonly type = 'basic';
  private stream: Readable | null;
  private used = false;
  private webBody: ReadableStream<Uint8Array> | null = null;

  public constructor(body?: BodySource, init: NodeHttpResponseInit = {}, url = '') {
    this.status = init.status ?? 200;
    this.statusText = init.statusText ?? '';
    this.headers = new NodeHttpHeaders(init.headers);
    this.url = url;
    this.stream = body === undefined || body === null ? null : toReadable(body);
  }

  public get ok(): boolean {
    return this.status >= 200 && this.status <= 299;
  }

  public get bodyUsed(): boolean {
    return this.used;
  }

  /** The body as a web stream (made on first access; reading it uses the body up). */
  public get body(): ReadableStream<Uint8Array> | null {
    if (this.stream === null) return null;
    if (this.webBody === null) this.webBody = Readable.toWeb(this.stream) as unknown as ReadableStream<Uint8Array>;
    return this.webBody;
  }

  public async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = await this.consume();
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }

  public async text(): Promise<string> {
    return (await this.consume()).toString('utf8');
  }

  public async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  /** A second response with the same status, headers and body; both bodies can be read. */
  public clone(): NodeHttpResponse {
    if (this.used || this.webBody !== null) throw new TypeError('Response.clone: the body has already been used');
    let copy: PassThrough | null = null;
    if (this.stream !== null) {
      const source = this.stream;
      const mine = new PassThrough();
      const theirs = new PassThrough();
      source.on('error', (error) => {
        mine.destroy(error);
        theirs.destroy(error);
      });
      source.pipe(mine);
      source.pipe(theirs);
      this.stream = mine;
      copy = theirs;
    }
    return new NodeHttpResponse(copy, { status: this.status, statusText: this.statusText, headers: this.headers }, this.url);
  }

  private async consume(): Promise<Buffer> {
    if (this.used || this.webBody !== null) throw new TypeError('Body is unusable: the body has already been read');
    this.used = true;
    if (this.stream === null) return Buffer.alloc(0);
    const chunks: Buffer[] = [];
    for await (const chunk of this.stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
    return Buffer.concat(chunks);
  }
}

function toReadable(body: Exclude<BodySource, null | undefined>): Readable {
  if (body instanceof Readable) return body;
  if (typeof body === 'string' || body instanceof Uint8Array) return Readable.from([Buffer.from(body as Uint8Array)]);
  if (body instanceof ArrayBuffer) return Readable.from([Buffer.from(body)]);
  if (typeof (body as ReadableStream).getReader === 'function') return Readable.fromWeb(body as import('node:stream/web').ReadableStream);
  throw new TypeError(`Unsupported body type: ${Object.prototype.toString.call(body)}`);
}

/** Statuses whose answers have no body (and HEAD answers), whatever their headers say. */
function hasNoBody(method: string, status: number): boolean {
  return method === 'HEAD' || status === 204 || status === 205 || status === 304 || (status >= 100 && status < 200);
}

/** fetch over node:http(s): see the file's comment for what it keeps of fetch's behaviour and what it leaves out. */
export function nodeHttpFetch(input: string | URL | NodeHttpRequest, init?: NodeHttpRequestInit): Promise<NodeHttpResponse> {
  let request: NodeHttpRequest;
  try {
    request = input instanceof NodeHttpRequest && init === undefined ? input : new NodeHttpRequest(input, init);
  } catch (error) {
    return Promise.reject(error);
  }
  const url = new URL(request.url);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return Promise.reject(new TypeError('fetch failed', { cause: new Error(`unsupported scheme ${url.protocol}`) }));
  const signal = request.signal;
  if (signal?.aborted) return Promise.reject(signal.reason);

  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    if (name !== 'host') headers[name] = value;
  });
  headers.host = url.host;
  const body = request.body ?? undefined;
  const whole = typeof body === 'string' || body instanceof Uint8Array || body instanceof ArrayBuffer ? Buffer.from(body as Uint8Array) : undefined;
  if (whole !== undefined && headers['content-length'] === undefined) headers['content-length'] = String(whole.byteLength);

  return new Promise<NodeHttpResponse>((resolve, reject) => {
    let settled = false;
    let answer: http.IncomingMessage | undefined;
    const fail = (error: unknown): void => {
      if (settled) return;
      settled = true;
      reject(error);
    };
    const outgoing = (url.protocol === 'https:' ? https : http).request(
      {
        method: request.method,
        hostname: url.hostname.replace(/^\[(.*)\]$/, '$1'),
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        headers,
      },
      (incoming) => {
        answer = incoming;
        const status = incoming.statusCode ?? 0;
        const responseHeaders = new NodeHttpHeaders();
        for (let i = 0; i + 1 < incoming.rawHeaders.length; i += 2) responseHeaders.append(incoming.rawHeaders[i], incoming.rawHeaders[i + 1]);
        const noBody = hasNoBody(request.method, status);
        if (noBody) incoming.resume();
        if (signal) {
          const onAbort = (): void => void incoming.destroy(signal.reason);
          signal.addEventListener('abort', onAbort, { once: true });
          incoming.once('close', () => signal.removeEventListener('abort', onAbort));
        }
        settled = true;
        resolve(new NodeHttpResponse(noBody ? null : incoming, { status, statusText: incoming.statusMessage ?? '', headers: responseHeaders }, url.href));
      },
    );
    outgoing.on('error', (error) => fail(signal?.aborted ? signal.reason : new TypeError('fetch failed', { cause: error })));
    // Silence before the answer fails the request; during the body, reading the body fails with it.
    outgoing.setTimeout(request.idleTimeoutMs, () => {
      const silence = Object.assign(new Error(`no data for ${request.idleTimeoutMs} ms from ${url.host}`), { code: 'ETIMEDOUT' });
      if (answer) answer.destroy(silence);
      outgoing.destroy(silence);
    });
    if (signal) {
      const onAbort = (): void => {
        fail(signal.reason);
        outgoing.destroy(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      outgoing.once('close', () => signal.removeEventListener('abort', onAbort));
    }
    if (body === undefined || body === null) outgoing.end();
    else if (whole !== undefined) outgoing.end(whole);
    else pipeline(toReadable(body), outgoing).catch((error) => fail(new TypeError('fetch failed', { cause: error })));
  });
}

/** The globals installNodeHttpFetch replaces. */
export const NODE_HTTP_FETCH_GLOBALS = ['fetch', 'Headers', 'Request', 'Response'] as const;

/**
 * Makes `fetch`, `Headers`, `Request` and `Response` of `target` (globalThis) these classes, without reading the
 * globals first (reading them is what loads undici). For a process of our own whose only HTTP client is the OCI SDK
 * talking to JSON APIs: the publisher function's entry calls it.
 *
 * Each global is deleted before it is defined: on Node 22 (the function image's runtime) `Headers`, `Request` and
 * `Response` are V8 lazy data properties of globalThis, and `Object.defineProperty` over one materializes it first,
 * which loads undici (measured on 22.23: ~35 ms of the cold start); `delete` drops it unread. On Node 20 they are
 * accessors, which neither operation calls.
 */
export function installNodeHttpFetch(target: object = globalThis): void {
  const replacements: Record<(typeof NODE_HTTP_FETCH_GLOBALS)[number], unknown> = {
    fetch: nodeHttpFetch,
    Headers: NodeHttpHeaders,
    Request: NodeHttpRequest,
    Response: NodeHttpResponse,
  };
  for (const name of NODE_HTTP_FETCH_GLOBALS) {
    Reflect.deleteProperty(target, name);
    Object.defineProperty(target, name, { value: replacements[name], writable: true, configurable: true, enumerable: false });
  }
}
