/** The pieces an emulator service plugs into the shared HTTP server: its routes and what each handler receives. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Principal } from './credential-store';

export type HttpMethod = 'GET' | 'HEAD' | 'PUT' | 'POST' | 'DELETE';

/**
 * How the server treats a request body before the handler runs:
 * - `buffered`: read whole (up to the server's `maxBodyBytes`), hash-checked against a signed x-content-sha256,
 *   handed over as `ctx.body`;
 * - `streamed`: left on `ctx.req` for the handler to stream (Object Storage PutObject); a signed digest arrives
 *   as `ctx.bodyDigestToCheck` for the handler to check once it has seen the bytes;
 * - `none`: the operation takes no body (a body, if any, is ignored).
 */
export type BodyHandling = 'buffered' | 'streamed' | 'none';

export interface Route {
  /** OCI's operation name (e.g. `GetMessages`); fault injection and logs use it. */
  readonly operation: string;
  readonly method: HttpMethod;
  /** Matched against the raw (still percent-encoded) path; named groups become `ctx.params`, percent-decoded. */
  readonly path: RegExp;
  readonly body: BodyHandling;
  /** The API spec excludes this operation's body from the request signature (PutObject, PutMessages). */
  readonly bodyExemptFromSignature?: boolean;
  /** Error responses carry no body (HEAD). */
  readonly noErrorBody?: boolean;
  handle(ctx: RequestContext): Promise<void> | void;
}

export interface RequestContext {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly operation: string;
  readonly method: string;
  /** The path as received (percent-encoded), without the query. */
  readonly rawPath: string;
  readonly query: URLSearchParams;
  /** Named groups of the route's path pattern, percent-decoded. */
  readonly params: Record<string, string>;
  readonly requestId: string;
  /** The buffered body (`body: 'buffered'` routes); an empty buffer when there was none. */
  readonly body: Buffer;
  /** Who signed the request; undefined when verification is off. */
  readonly principal?: Principal;
  /** For streamed bodies covered by the signature: the base64 SHA-256 they must hash to. */
  readonly bodyDigestToCheck?: string;
}
