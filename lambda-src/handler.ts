/**
 * The invocation flow: parse the event → build the claim check → publish it → answer.
 *
 * Response contract (README.md):
 * - published: 200 `{status:'published', id, key, streamId, partition, offset}`, only after the stream acked.
 * - rejected:  200 `{status:'rejected', error:{code, message, field}}` for input that no retry can fix (answering
 *   with a failure would make OCI Events redeliver it again and again). Via an HTTP trigger the status is 422.
 * - filtered:  200 `{status:'filtered', bucket, object}` for an object the pipeline's object filter excludes (the
 *   rule condition cannot express every filter: lib/contract/object-filter.ts); acknowledged, nothing published.
 * - failure:   the handler throws, the FDK answers 502, Events retries: misconfiguration or the stream not
 *   acknowledging before the deadline.
 * The handler never resolves to null/undefined: the FDK (0.0.76) crashes the process on that (fdk-node issue 32).
 */
import type { FnContext } from '@fnproject/fdk';
import { buildClaimCheck, ClaimCheck, ClaimTooLargeError, encodeClaimMessage, matchesObjectFilter, StreamMessage } from '../lib/contract';
import { configFor } from './config';
import { ConfigError, InputRejectedError, PublishError, RejectionCode } from './errors';
import { parseEventBody } from './event';
import { namespaced } from '../lib/runtime/logger';
import { defaultDeps, getRuntime, RuntimeDeps } from './runtime';

export interface PublishedResponse {
  status: 'published';
  id: string;
  key: string;
  streamId: string;
  partition: string;
  offset: number;
}

export interface RejectedResponse {
  status: 'rejected';
  error: { code: RejectionCode; message: string; field: string | null };
}

export interface FilteredResponse {
  status: 'filtered';
  bucket: string;
  object: string;
}

export type HandlerResponse = PublishedResponse | RejectedResponse | FilteredResponse;

export type ClaimCheckHandler = (input: unknown, ctx: FnContext) => Promise<HandlerResponse>;

export function createHandler(deps: RuntimeDeps = defaultDeps): ClaimCheckHandler {
  const { clock } = deps;
  const logger = namespaced(deps.logger, 'claim-check');
  return async function handleObjectEvent(input, ctx) {
    const started = clock.now();
    const base = { callId: ctx.callID };
    let fields: Record<string, unknown> = base;
    try {
      const event = parseEventBody(bodyText(input));
      fields = { ...base, sourceEventId: event.eventId, eventType: event.eventType, namespace: event.namespace, bucket: event.bucket, object: event.object };
      // The FDK copies the whole environment at each read of ctx.config: the deps read it without the copy (runtime.ts).
      const env = deps.environment ? deps.environment() : ctx.config;
      const config = configFor(env);
      if (!matchesObjectFilter(event.object, config.objectFilters?.[event.bucket])) {
        logger.log('info', 'filtered', { ...fields, durationMs: clock.now() - started });
        return { status: 'filtered', bucket: event.bucket, object: event.object };
      }
      const runtime = await getRuntime(config, env, deps);
      const claim = buildClaimCheck(event, runtime.location);
      const message = encodeOrReject(claim);
      fields = { ...fields, claimId: claim.id, key: message.keyText, bytes: message.value.length };
      const ack = await runtime.publisher.publish(message, ctx.deadline, fields);
      logger.log('info', 'published', {
        ...fields,
        streamId: ack.streamId,
        partition: ack.partition,
        offset: ack.offset,
        attempts: ack.attempts,
        durationMs: clock.now() - started,
      });
      return { status: 'published', id: claim.id, key: message.keyText, streamId: ack.streamId, partition: ack.partition, offset: ack.offset };
    } catch (error) {
      if (error instanceof InputRejectedError) {
        logger.log('warn', 'rejected', { ...fields, code: error.code, field: error.field, error: error.message, durationMs: clock.now() - started });
        markRejected(ctx);
        return { status: 'rejected', error: { code: error.code, message: error.message, field: error.field } };
      }
      logger.log('error', 'failed', { ...fields, ...failureFields(error), durationMs: clock.now() - started });
      // Throwing makes the FDK answer 502, so the event is redelivered.
      throw error;
    }
  };
}

/** The claim's message; a claim over the Streaming message limit is bad input, never worth a retry. */
function encodeOrReject(claim: ClaimCheck): StreamMessage {
  try {
    return encodeClaimMessage(claim);
  } catch (error) {
    if (error instanceof ClaimTooLargeError) throw new InputRejectedError('ClaimTooLarge', error.message, 'data.resourceName');
    throw error;
  }
}

/** inputMode 'string' gives a string; accept a Buffer too, should the mode ever change. */
function bodyText(input: unknown): string {
  if (typeof input === 'string') return input;
  if (Buffer.isBuffer(input)) return input.toString('utf8');
  throw new InputRejectedError('MalformedJson', `Expected the request body as text, got ${typeof input}`);
}

/** `Fn-Http-Status` is only honoured for HTTP triggers; a plain invoke (Events) keeps HTTP 200. */
function markRejected(ctx: FnContext): void {
  const viaHttpTrigger = ctx.getHeader('Fn-Intent') === 'httprequest' || ctx.getHeader('Fn-Http-Method') !== null;
  if (viaHttpTrigger) ctx.httpGateway.statusCode = 422;
}

function failureFields(error: unknown): Record<string, unknown> {
  if (error instanceof ConfigError) return { reason: 'config', variable: error.variable, error: error.message };
  if (error instanceof PublishError) {
    return {
      reason: 'publish',
      attempts: error.attempts,
      statusCode: error.statusCode,
      exhausted: error.exhausted,
      budgetEndsAt: error.budgetEnd?.toISOString() ?? null,
      error: error.message,
    };
  }
  return { reason: 'unexpected', error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
}
