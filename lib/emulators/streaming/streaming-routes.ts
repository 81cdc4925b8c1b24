/**
 * Streaming data-plane routes. The SDK's StreamClient appends `/20180418` to `client.endpoint`; paths and bodies
 * follow the Streaming API reference (https://docs.oracle.com/iaas/api/#/en/streaming/20180418/):
 *
 *   POST /20180418/streams/{streamId}/messages            PutMessages        → {failures, entries}
 *   GET  /20180418/streams/{streamId}/messages?cursor&limit GetMessages      → [Message], header opc-next-cursor
 *   POST /20180418/streams/{streamId}/cursors             CreateCursor       → {value}
 *   POST /20180418/streams/{streamId}/groupCursors        CreateGroupCursor  → {value}
 *   POST /20180418/streams/{streamId}/commit?cursor       ConsumerCommit     → {value}
 *   POST /20180418/streams/{streamId}/heartbeat?cursor    ConsumerHeartbeat  → {value}
 *   GET  /20180418/streams/{streamId}/groups/{groupName}  GetGroup           → Group
 *   PUT  /20180418/streams/{streamId}/groups/{groupName}  UpdateGroup        → 200, empty
 */
import { apiErrors } from '../common/api-error';
import type { RequestContext, Route } from '../common/http-types';
import { sendEmpty, sendJson } from '../common/responses';
import { consumerCommit, consumerHeartbeat, createCursor, createGroupCursor, getMessages, updateGroup } from './consumer-operations';
import { parsePutMessagesBody, putMessages } from './put-messages';
import type { StreamRegistry } from './stream-registry';

const STREAM = '^/20180418/streams/(?<streamId>[^/]+)';

/** `cursorTtlMs` shortens the 5-minute cursor lifetime for tests of long-running consumers. */
export function streamingRoutes(registry: StreamRegistry, clock: () => number, cursorTtlMs?: number): Route[] {
  const stream = (ctx: RequestContext) => registry.stream(ctx.params.streamId);
  return [
    {
      operation: 'PutMessages',
      method: 'POST',
      path: new RegExp(`${STREAM}/messages$`),
      body: 'buffered',
      // The Streaming API spec excludes PutMessages bodies from signing; the SDK signs only date, target, host.
      bodyExemptFromSignature: true,
      handle: (ctx) => {
        const target = stream(ctx);
        sendJson(ctx.res, 200, putMessages(target, parsePutMessagesBody(ctx.body), new Date(clock())));
      },
    },
    {
      operation: 'GetMessages',
      method: 'GET',
      path: new RegExp(`${STREAM}/messages$`),
      body: 'none',
      handle: (ctx) => {
        const result = getMessages(registry, stream(ctx), ctx.query.get('cursor'), ctx.query.get('limit'), clock(), cursorTtlMs);
        sendJson(ctx.res, 200, result.messages, { 'opc-next-cursor': result.nextCursor });
      },
    },
    {
      operation: 'CreateCursor',
      method: 'POST',
      path: new RegExp(`${STREAM}/cursors$`),
      body: 'buffered',
      handle: (ctx) => sendJson(ctx.res, 200, { value: createCursor(stream(ctx), jsonBody(ctx), clock(), cursorTtlMs) }),
    },
    {
      operation: 'CreateGroupCursor',
      method: 'POST',
      path: new RegExp(`${STREAM}/groupCursors$`),
      body: 'buffered',
      handle: (ctx) => sendJson(ctx.res, 200, { value: createGroupCursor(registry, stream(ctx), jsonBody(ctx), clock(), cursorTtlMs) }),
    },
    {
      operation: 'ConsumerCommit',
      method: 'POST',
      path: new RegExp(`${STREAM}/commit$`),
      body: 'buffered',
      handle: (ctx) => sendJson(ctx.res, 200, { value: consumerCommit(registry, stream(ctx), ctx.query.get('cursor'), clock(), cursorTtlMs) }),
    },
    {
      operation: 'ConsumerHeartbeat',
      method: 'POST',
      path: new RegExp(`${STREAM}/heartbeat$`),
      body: 'buffered',
      handle: (ctx) => sendJson(ctx.res, 200, { value: consumerHeartbeat(registry, stream(ctx), ctx.query.get('cursor'), clock(), cursorTtlMs) }),
    },
    {
      operation: 'GetGroup',
      method: 'GET',
      path: new RegExp(`${STREAM}/groups/(?<groupName>[^/]+)$`),
      body: 'none',
      handle: (ctx) => {
        const target = stream(ctx);
        sendJson(ctx.res, 200, registry.existingGroup(target, ctx.params.groupName).describe(clock()));
      },
    },
    {
      operation: 'UpdateGroup',
      method: 'PUT',
      path: new RegExp(`${STREAM}/groups/(?<groupName>[^/]+)$`),
      body: 'buffered',
      handle: (ctx) => {
        updateGroup(registry, stream(ctx), ctx.params.groupName, jsonBody(ctx), clock());
        sendEmpty(ctx.res, 200);
      },
    },
  ];
}

function jsonBody(ctx: RequestContext): Record<string, unknown> {
  if (ctx.body.length === 0) return {};
  try {
    const parsed = JSON.parse(ctx.body.toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
    return parsed as Record<string, unknown>;
  } catch (error) {
    throw apiErrors.cannotParseRequest(`Request body is not a JSON object: ${(error as Error).message}`);
  }
}
