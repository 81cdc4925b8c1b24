/**
 * The HTTP server every emulator runs on: listens on 127.0.0.1 (a chosen port, or a free one with port 0), gives
 * every response an `opc-request-id`, routes to the service's handlers, and in front of them applies fault
 * injection and request-signature verification. Admin paths under `/_emulator/` skip both (see admin-routes.ts).
 *
 * Per call: route → fault decision (latency, then 429/500/dropped connection) → signature check on the headers →
 * body (buffered, checked against the signed x-content-sha256; or streamed, checked by the handler) → handler.
 * Errors anywhere become OCI error responses (`{"code","message"}`).
 *
 * The signature is checked before a byte of the body is read: the signed headers cover the body
 * (`x-content-sha256`, `content-length`), so an unauthenticated request is refused with 401 without the server
 * reading (or buffering up to `maxBodyBytes` of) what it uploads: at most REFUSED_BODY_DISCARD_BYTES of it are read
 * and thrown away, then the connection is cut.
 */
import { randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleAdminRequest, ADMIN_PREFIX } from './admin-routes';
import { OciApiError, apiErrors } from './api-error';
import type { CredentialStore } from './credential-store';
import { FaultInjector } from './fault-injector';
import type { RequestContext, Route } from './http-types';
import { checkSignedBody, verifyRequestSignature } from './request-signature';
import { sendError } from './responses';

export interface EmulatorServerOptions {
  /** Shown by the health endpoint, e.g. `streaming`. */
  readonly service: string;
  readonly routes: Route[];
  /** Verifies request signatures; null turns verification off (auth: 'none'). */
  readonly credentials: CredentialStore | null;
  readonly maxClockSkewSeconds?: number;
  readonly faults: FaultInjector;
  /** @default 0 (a free port) */
  readonly port?: number;
  /** @default '127.0.0.1' */
  readonly host?: string;
  /** Largest body a `buffered` route accepts. @default 16 MiB */
  readonly maxBodyBytes?: number;
  /** Extra fields for `GET /_emulator/health`. */
  readonly health?: () => Record<string, unknown>;
}

export class EmulatorServer {
  public static async listen(options: EmulatorServerOptions): Promise<EmulatorServer> {
    const instance = new EmulatorServer(options);
    await new Promise<void>((resolve, reject) => {
      instance.server.once('error', reject);
      instance.server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
        instance.server.off('error', reject);
        resolve();
      });
    });
    return instance;
  }

  private readonly server: Server;
  private readonly startedAt = Date.now();

  private constructor(private readonly options: EmulatorServerOptions) {
    this.server = createServer((req, res) => void this.dispatch(req, res));
    // The SDK keeps connections alive; without this, tests wait for idle sockets on stop().
    this.server.keepAliveTimeout = 5000;
  }

  public get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  public get endpoint(): string {
    return `http://${this.options.host ?? '127.0.0.1'}:${this.port}`;
  }

  /** Stops accepting, cuts open connections, resolves when the server is closed. */
  public async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = requestIdFor(req);
    res.setHeader('opc-request-id', requestId);
    const clientRequestId = req.headers['opc-client-request-id'];
    if (typeof clientRequestId === 'string') res.setHeader('opc-client-request-id', clientRequestId);

    const url = req.url ?? '/';
    const queryStart = url.indexOf('?');
    const rawPath = queryStart < 0 ? url : url.slice(0, queryStart);
    const query = new URLSearchParams(queryStart < 0 ? '' : url.slice(queryStart + 1));
    const method = (req.method ?? 'GET').toUpperCase();

    if (rawPath.startsWith(ADMIN_PREFIX)) {
      await handleAdminRequest(req, res, rawPath, method, {
        service: this.options.service,
        faults: this.options.faults,
        health: () => ({ uptimeMs: Date.now() - this.startedAt, ...(this.options.health?.() ?? {}) }),
      });
      return;
    }

    const match = this.match(method, rawPath);
    if (match instanceof OciApiError) {
      sendError(res, match, method !== 'HEAD');
      discardAtMost(req, REFUSED_BODY_DISCARD_BYTES);
      return;
    }
    const { route, params } = match;
    let authenticated = false;
    try {
      const decision = this.options.faults.decide(route.operation);
      if (decision.latencyMs > 0) await sleep(decision.latencyMs);
      if (decision.fail?.kind === 'drop') {
        req.socket.destroy();
        return;
      }
      if (decision.fail) {
        const message = decision.fail.kind === 'throttle' ? apiErrors.tooManyRequests().message : `Injected fault: ${decision.fail.code}`;
        throw new OciApiError(decision.fail.status, decision.fail.code, message);
      }
      // Headers only: nothing of the body has been read yet.
      const verified = this.options.credentials
        ? verifyRequestSignature({ method, url, headers: req.headers }, this.options.credentials, {
            bodyExempt: route.bodyExemptFromSignature === true,
            maxClockSkewSeconds: this.options.maxClockSkewSeconds ?? 300,
          })
        : undefined;
      authenticated = true;
      let body: Buffer = Buffer.alloc(0);
      if (route.body === 'buffered') {
        body = await readBody(req, this.options.maxBodyBytes ?? 16 * 1024 * 1024);
        if (verified) checkSignedBody(body, req.headers, verified);
      } else if (route.body === 'none') {
        req.resume();
      }
      const ctx: RequestContext = {
        req,
        res,
        operation: route.operation,
        method,
        rawPath,
        query,
        params,
        requestId,
        body,
        principal: verified?.principal,
        // A buffered body was checked above; a streamed one is checked by its handler as it reads it.
        bodyDigestToCheck: route.body === 'streamed' ? verified?.bodyDigestToCheck : undefined,
      };
      await route.handle(ctx);
    } catch (error) {
      sendError(res, error, !route.noErrorBody);
      if (!req.readableEnded) {
        // The body of an authenticated call drains so the keep-alive connection stays usable for the next call. The
        // body of an unauthenticated (or oversized) one is refused: a small rest is discarded, so a client still
        // sending it reads the answer instead of a reset; past that the connection is cut.
        const refused = !authenticated || (error instanceof OciApiError && error.status === 413);
        if (refused) discardAtMost(req, REFUSED_BODY_DISCARD_BYTES);
        else req.resume();
      }
    }
  }

  private match(method: string, rawPath: string): { route: Route; params: Record<string, string> } | OciApiError {
    let pathMatched = false;
    for (const route of this.options.routes) {
      const m = route.path.exec(rawPath);
      if (!m) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      try {
        const params = Object.fromEntries(Object.entries(m.groups ?? {}).map(([k, v]) => [k, decodeURIComponent(v ?? '')]));
        return { route, params };
      } catch {
        return apiErrors.invalidParameter(`The path ${rawPath} is not valid percent-encoding`);
      }
    }
    return pathMatched ? apiErrors.methodNotAllowed(method) : apiErrors.notAuthorizedOrNotFound(`no such resource ${rawPath}`);
  }
}

/** OCI returns its own request id; the emulator reuses the client's `opc-request-id` when given, so logs correlate. */
function requestIdFor(req: IncomingMessage): string {
  const fromClient = req.headers['opc-request-id'];
  if (typeof fromClient === 'string' && /^[\w\-/.:]{1,98}$/.test(fromClient)) return fromClient;
  return randomBytes(16).toString('hex').toUpperCase();
}

async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (declared > maxBytes) throw new OciApiError(413, 'RequestEntityTooLarge', `Request body exceeds ${maxBytes} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      throw new OciApiError(413, 'RequestEntityTooLarge', `Request body exceeds ${maxBytes} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How much of a refused request body is read and thrown away before the connection is cut. */
export const REFUSED_BODY_DISCARD_BYTES = 64 * 1024;

function discardAtMost(req: IncomingMessage, maxBytes: number): void {
  let discarded = 0;
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > maxBytes) req.socket.destroy();
  });
  req.resume();
}
