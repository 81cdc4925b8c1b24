/**
 * lib/runtime/node-http-fetch.ts against Node's own fetch (undici) where the SDK or our signing depends on the
 * behaviour: the same operations on both, the same results; and against a local server that records what arrives.
 */
import * as http from 'node:http';
import * as net from 'node:net';
import { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { installNodeHttpFetch, nodeHttpFetch, NodeHttpHeaders, NodeHttpRequest, NodeHttpResponse } from '../../lib/runtime/node-http-fetch';

interface Received {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

let server: http.Server;
let base: string;
const received: Received[] = [];
let answer: (req: http.IncomingMessage, res: http.ServerResponse) => void;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      answer(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  received.length = 0;
  answer = (_req, res) => {
    res.writeHead(200, 'OK', { 'Content-Type': 'application/json', 'opc-request-id': 'req-1' });
    res.end('{"ok":true}');
  };
});

/** The same script run on a Headers class: what it observes, for comparing ours with undici's. */
function headerScript(H: typeof NodeHttpHeaders | typeof Headers): unknown[] {
  const seen: unknown[] = [];
  const h = new (H as typeof NodeHttpHeaders)({ 'Content-Type': 'application/json', 'X-B': ' padded\t' });
  h.append('x-a', '1');
  h.append('X-A', '2');
  h.set('opc-request-id', 'abc');
  seen.push(h.get('content-type'), h.get('X-B'), h.get('x-a'), h.get('missing'), h.has('OPC-REQUEST-ID'));
  h.delete('x-b');
  seen.push([...h]);
  const each: string[] = [];
  h.forEach((value, name) => each.push(`${name}=${value}`));
  seen.push(each, [...h.keys()], [...h.values()]);
  seen.push([...new (H as typeof NodeHttpHeaders)([['Z', '1'], ['a', '2']]).entries()]);
  for (const bad of [() => h.set('bad name', 'x'), () => h.set('x', 'a\r\nb'), () => h.append('', 'x')]) {
    try {
      bad();
      seen.push('accepted');
    } catch (error) {
      seen.push((error as Error).name);
    }
  }
  return seen;
}

describe('NodeHttpHeaders', () => {
  test('behaves as the global Headers for what the SDK does with it', () => {
    const ours = headerScript(NodeHttpHeaders);
    expect(ours).toEqual(headerScript(Headers));
    // And what that is, so a change on both sides cannot hide.
    expect(ours.slice(0, 5)).toEqual(['application/json', 'padded', '1, 2', null, true]);
    expect(ours[5]).toEqual([['content-type', 'application/json'], ['opc-request-id', 'abc'], ['x-a', '1, 2']]);
    expect(ours.slice(-3)).toEqual(['TypeError', 'TypeError', 'TypeError']);
  });

  test('copies another Headers', () => {
    const first = new NodeHttpHeaders({ A: '1' });
    const copy = new NodeHttpHeaders(first);
    copy.set('b', '2');
    expect([[...first], [...copy]]).toEqual([[['a', '1']], [['a', '1'], ['b', '2']]]);
  });
});

describe('nodeHttpFetch', () => {
  test('sends the WHATWG URL path and query, Host from the URL, the body and a content length', async () => {
    const target = `${base}/20180418/streams/ocid1.stream/messages/a%27b/%C3%A9?x=1&y=%7C`;
    const headers = { 'Content-Type': 'application/json', host: 'signed.example.com', 'opc-request-id': 'client-1' };
    const body = JSON.stringify({ messages: [{ key: null, value: 'dmFsdWU=' }] });
    const ours = await nodeHttpFetch(new NodeHttpRequest(target, { method: 'post', headers, body }));
    expect({ status: ours.status, statusText: ours.statusText, ok: ours.ok, id: ours.headers.get('OPC-Request-Id'), json: await ours.json() }).toEqual({
      status: 200,
      statusText: 'OK',
      ok: true,
      id: 'req-1',
      json: { ok: true },
    });
    await fetch(target, { method: 'post', headers, body });
    const [mine, theirs] = received;
    expect({ method: mine.method, url: mine.url, host: mine.headers.host, length: mine.headers['content-length'], body: mine.body }).toEqual({
      method: 'POST',
      url: theirs.url,
      host: theirs.headers.host,
      length: String(Buffer.byteLength(body)),
      body,
    });
    expect(mine.url).toBe('/20180418/streams/ocid1.stream/messages/a%27b/%C3%A9?x=1&y=%7C');
    expect(mine.headers.host).toBe(new URL(base).host);
    expect(mine.headers['opc-request-id']).toBe('client-1');
  });

  test('streams a Readable body', async () => {
    await nodeHttpFetch(`${base}/o/streamed`, { method: 'PUT', body: Readable.from([Buffer.from('part one, '), Buffer.from('part two')]), duplex: 'half' });
    expect(received.map((r) => [r.method, r.body])).toEqual([['PUT', 'part one, part two']]);
  });

  test('answers without a body for HEAD and 204, with the headers', async () => {
    answer = (req, res) => {
      res.writeHead(req.method === 'HEAD' ? 200 : 204, { etag: '"e1"', 'content-length': req.method === 'HEAD' ? '42' : '0' });
      res.end();
    };
    const head = await nodeHttpFetch(`${base}/o/name`, { method: 'HEAD' });
    const none = await nodeHttpFetch(`${base}/o/name`, { method: 'DELETE' });
    expect([head.status, head.headers.get('etag'), head.body, await head.text(), none.status, none.body, await none.text()]).toEqual([200, '"e1"', null, '', 204, null, '']);
  });

  test('reads an error answer twice through clone(), as the SDK circuit breaker does', async () => {
    answer = (_req, res) => {
      res.writeHead(404, 'Not Found', { 'content-type': 'application/json' });
      res.end('{"code":"NotAuthorizedOrNotFound","message":"no such stream"}');
    };
    const response = await nodeHttpFetch(`${base}/streams/x/messages`);
    const copy = response.clone();
    expect([response.ok, await copy.text(), await response.json()]).toEqual([
      false,
      '{"code":"NotAuthorizedOrNotFound","message":"no such stream"}',
      { code: 'NotAuthorizedOrNotFound', message: 'no such stream' },
    ]);
    await expect(response.text()).rejects.toThrow(TypeError);
  });

  test('gives the body as a web stream', async () => {
    answer = (_req, res) => res.end('x'.repeat(100_000));
    const response = await nodeHttpFetch(`${base}/o/big`);
    let bytes = 0;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.byteLength;
    expect(bytes).toBe(100_000);
  });

  test('fails to connect as fetch does: TypeError "fetch failed" with the socket error as cause', async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const describe = (error: unknown) => ({ name: (error as Error).name, message: (error as Error).message, code: ((error as Error).cause as NodeJS.ErrnoException)?.code });
    const ours = await nodeHttpFetch(`http://127.0.0.1:${port}/x`).then(() => null, describe);
    const theirs = await fetch(`http://127.0.0.1:${port}/x`).then(() => null, describe);
    expect(ours).toEqual(theirs);
    expect(ours).toEqual({ name: 'TypeError', message: 'fetch failed', code: 'ECONNREFUSED' });
  });

  test('an aborted signal rejects with its reason, before sending and while waiting', async () => {
    const before = new AbortController();
    before.abort(new Error('stopped before'));
    await expect(nodeHttpFetch(`${base}/x`, { signal: before.signal })).rejects.toThrow('stopped before');
    expect(received).toHaveLength(0);

    answer = () => undefined; // never answers
    const during = new AbortController();
    const pending = nodeHttpFetch(`${base}/slow`, { signal: during.signal });
    while (received.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    during.abort(new Error('deadline'));
    await expect(pending).rejects.toThrow('deadline');
  });

  test('a connection silent for longer than the idle timeout fails the request, before the answer and during the body', async () => {
    answer = () => undefined; // never answers
    const silent = await nodeHttpFetch(`${base}/hangs`, { idleTimeoutMs: 100 }).then(() => null, (error: Error) => [error.message, (error.cause as NodeJS.ErrnoException).code]);
    expect(silent).toEqual(['fetch failed', 'ETIMEDOUT']);

    answer = (_req, res) => {
      res.writeHead(200, { 'content-length': '10' });
      res.write('12345'); // and never the rest
    };
    const response = await nodeHttpFetch(`${base}/half`, { idleTimeoutMs: 100 });
    await expect(response.text()).rejects.toThrow('no data for 100 ms');
  });

  test('speaks TLS to an https URL, with the host name as SNI', async () => {
    const hello = await new Promise<Buffer>((resolve, reject) => {
      const tcp = net.createServer((socket) => socket.once('data', (data) => {
        resolve(data);
        socket.destroy();
      }));
      tcp.listen(0, '127.0.0.1', () => {
        const port = (tcp.address() as AddressInfo).port;
        nodeHttpFetch(`https://localhost:${port}/x`)
          .then(() => reject(new Error('answered')), (error: Error) => expect(error.message).toBe('fetch failed'))
          .finally(() => tcp.close());
      });
    });
    // A TLS record of type handshake (22) carrying a ClientHello (1) that names the server.
    expect([hello[0], hello[5]]).toEqual([22, 1]);
    expect(hello.includes(Buffer.from('localhost'))).toBe(true);
  });

  test('refuses what fetch refuses', async () => {
    await expect(nodeHttpFetch('ftp://example.com/x')).rejects.toThrow('fetch failed');
    await expect(nodeHttpFetch(`${base}/x`, { method: 'GET', body: 'x' })).rejects.toThrow(TypeError);
    expect(() => new NodeHttpRequest('http://user:pw@example.com/')).toThrow(TypeError);
  });
});

describe('installNodeHttpFetch', () => {
  test('deletes each global before defining it (defining over a lazy global of Node 22 would load undici)', () => {
    const operations: string[] = [];
    const target = new Proxy<Record<string, unknown>>({}, {
      deleteProperty: (object, name) => (operations.push(`delete ${String(name)}`), Reflect.deleteProperty(object, name)),
      defineProperty: (object, name, descriptor) => (operations.push(`define ${String(name)}`), Reflect.defineProperty(object, name, descriptor)),
      get: (object, name) => (operations.push(`get ${String(name)}`), Reflect.get(object, name)),
      getOwnPropertyDescriptor: (object, name) => (operations.push(`describe ${String(name)}`), Reflect.getOwnPropertyDescriptor(object, name)),
    });
    installNodeHttpFetch(target);
    expect(operations).toEqual(['fetch', 'Headers', 'Request', 'Response'].flatMap((name) => [`delete ${name}`, `define ${name}`]));
  });

  test('replaces the four globals without reading them, and the SDK-style use goes through them', async () => {
    const reads: string[] = [];
    const target: Record<string, unknown> = {};
    for (const name of ['fetch', 'Headers', 'Request', 'Response']) {
      Object.defineProperty(target, name, { configurable: true, get: () => void reads.push(name) });
    }
    installNodeHttpFetch(target);
    expect(reads).toEqual([]);
    expect([target.fetch, target.Headers, target.Request, target.Response]).toEqual([nodeHttpFetch, NodeHttpHeaders, NodeHttpRequest, NodeHttpResponse]);
    const H = target.Headers as typeof NodeHttpHeaders;
    const R = target.Request as typeof NodeHttpRequest;
    const send = target.fetch as typeof nodeHttpFetch;
    const headers = new H();
    headers.set('content-type', 'application/json');
    const response = await send(new R(`${base}/streams/s/messages`, { method: 'POST', headers, body: '{}' }));
    expect([response.status, received[0].method, received[0].headers['content-type']]).toEqual([200, 'POST', 'application/json']);
  });
});
