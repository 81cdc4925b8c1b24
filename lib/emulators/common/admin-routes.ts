/**
 * The emulator's own control plane, under `/_emulator/` (not an OCI API; no signature needed, no faults applied):
 *
 *   GET    /_emulator/health          → 200 {"status":"ok","service":...,"uptimeMs":...,...}
 *   GET    /_emulator/faults          → 200 {"faults":[...]}
 *   POST   /_emulator/faults          body: a FaultSpec or an array of them → 200 {"ids":[...]}
 *   DELETE /_emulator/faults          → 204, removes all faults
 *   DELETE /_emulator/faults/{id}     → 204, or 404 when unknown
 *
 * The server listens on 127.0.0.1 only; anyone who can reach it can already read its data directory.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { OciApiError, apiErrors } from './api-error';
import { FaultInjector, validateFaultSpec } from './fault-injector';
import { sendEmpty, sendError, sendJson } from './responses';

export const ADMIN_PREFIX = '/_emulator/';

export interface AdminContext {
  readonly service: string;
  readonly faults: FaultInjector;
  readonly health: () => Record<string, unknown>;
}

export async function handleAdminRequest(req: IncomingMessage, res: ServerResponse, path: string, method: string, ctx: AdminContext): Promise<void> {
  try {
    if (path === '/_emulator/health' && method === 'GET') {
      sendJson(res, 200, { status: 'ok', service: ctx.service, ...ctx.health() });
    } else if (path === '/_emulator/faults' && method === 'GET') {
      sendJson(res, 200, { faults: ctx.faults.list() });
    } else if (path === '/_emulator/faults' && method === 'POST') {
      const specs = await readJson(req);
      const list = Array.isArray(specs) ? specs : [specs];
      let validated;
      try {
        validated = list.map(validateFaultSpec);
      } catch (error) {
        throw apiErrors.invalidParameter((error as Error).message);
      }
      sendJson(res, 200, { ids: validated.map((spec) => ctx.faults.add(spec)) });
    } else if (path === '/_emulator/faults' && method === 'DELETE') {
      ctx.faults.clear();
      sendEmpty(res, 204);
    } else if (path.startsWith('/_emulator/faults/') && method === 'DELETE') {
      const removed = ctx.faults.remove(decodeURIComponent(path.slice('/_emulator/faults/'.length)));
      if (!removed) throw apiErrors.notAuthorizedOrNotFound('no such fault');
      sendEmpty(res, 204);
    } else {
      throw apiErrors.notAuthorizedOrNotFound(`no admin resource ${method} ${path}`);
    }
  } catch (error) {
    req.resume();
    sendError(res, error);
  }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch (error) {
    throw new OciApiError(400, 'CannotParseRequest', `Body is not JSON: ${(error as Error).message}`);
  }
}
