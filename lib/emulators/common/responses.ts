/** Writing responses in OCI's format: JSON bodies, `{"code","message"}` errors, no error body for HEAD. */
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { OciApiError, apiErrors } from './api-error';

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: OutgoingHttpHeaders = {}): void {
  const payload = Buffer.from(JSON.stringify(body), 'utf8');
  res.writeHead(status, { ...headers, 'content-type': 'application/json', 'content-length': payload.length });
  res.end(payload);
}

export function sendEmpty(res: ServerResponse, status: number, headers: OutgoingHttpHeaders = {}): void {
  res.writeHead(status, { ...headers, 'content-length': 0 });
  res.end();
}

/** Any thrown value becomes an OCI error response; unexpected errors are a 500 that names the cause. */
export function sendError(res: ServerResponse, error: unknown, withBody = true): void {
  const apiError = error instanceof OciApiError ? error : apiErrors.internalServerError(`emulator error: ${(error as Error)?.message ?? String(error)}`);
  if (res.headersSent) {
    // Too late for a status line: cut the connection so the client sees a failure, not a truncated success.
    res.destroy(apiError);
    return;
  }
  if (withBody) sendJson(res, apiError.status, apiError.toJSON());
  else sendEmpty(res, apiError.status, { 'content-type': 'application/json' });
}
