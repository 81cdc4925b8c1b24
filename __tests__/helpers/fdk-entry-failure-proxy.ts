/**
 * A pass-through HTTP proxy in front of the Streaming emulator that can answer the next N PutMessages calls with
 * HTTP 200 carrying a per-entry failure (`{"failures":1,"entries":[{"error":...}]}`), which the emulator's fault
 * injector (429/5xx/latency/drop) does not produce. The failed call is not forwarded, so nothing is written, as
 * with a real per-entry failure. Everything else is forwarded unchanged, including the Host header, so the
 * emulator still verifies the request signatures (`host` is a signed header).
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export class EntryFailureProxy {
  private pendingEntryFailures = 0;
  /** PutMessages calls seen (forwarded or failed here). */
  putMessagesCalls = 0;

  private constructor(private readonly server: http.Server) {}

  static async start(target: string): Promise<EntryFailureProxy> {
    const upstream = new URL(target);
    let proxy!: EntryFailureProxy;
    const server = http.createServer((req, res) => {
      const isPut = req.method === 'POST' && /^\/20180418\/streams\/[^/]+\/messages$/.test((req.url ?? '').split('?')[0]);
      if (isPut) proxy.putMessagesCalls += 1;
      if (isPut && proxy.pendingEntryFailures > 0) {
        proxy.pendingEntryFailures -= 1;
        req.resume().on('end', () => {
          res.writeHead(200, { 'content-type': 'application/json', 'opc-request-id': 'entry-failure-proxy' });
          res.end(JSON.stringify({ failures: 1, entries: [{ error: 'InternalServerError', errorMessage: 'injected per-entry failure' }] }));
        });
        return;
      }
      const forward = http.request(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
        (upstreamRes) => {
          res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
          upstreamRes.pipe(res);
        },
      );
      forward.on('error', () => res.destroy());
      req.pipe(forward);
    });
    proxy = new EntryFailureProxy(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  /** The proxy's own endpoint. The signed Host header is the proxy's, and the emulator checks what it receives. */
  get endpoint(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  failNextPutMessagesEntries(count: number): void {
    this.pendingEntryFailures += count;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
