/**
 * Publishes one claim-check message to OCI Streaming (PutMessages, official SDK) and does not report success
 * until the stream acknowledged it with a partition and offset.
 *
 * SDK facts this relies on (oci-streaming 2.139.1): putMessages makes exactly one attempt (its spec retry config
 * is NoRetryConfigurationDetails; we also pin it per request so a global SDK default cannot change that and
 * double our retries), does not base64-encode keys/values, and answers HTTP 200 even when an entry failed:
 * each entry is `{partition, offset, timestamp}` or `{error, errorMessage}`.
 * API: https://docs.oracle.com/iaas/api/#/en/streaming/20180418/Message/PutMessages
 */
import * as common from 'oci-common';
import type * as streaming from 'oci-streaming';
import type { StreamMessage } from '../lib/contract';
import type { Clock } from '../lib/runtime/clock';
import { ClaimCheckError, errorMessage, httpStatusOf } from '../lib/runtime/errors';
import { Logger, LogSink, namespaced } from '../lib/runtime/logger';
import { retryRule } from '../lib/runtime/retryability';
import { newStreamClient } from '../lib/runtime/stream-client';
import type { AuthSetup } from './auth';
import { AttemptFailure, RetryPolicy, retryUntilDeadline } from './retry';

/** The one SDK call we need; an interface so unit tests can fake the stream. */
export interface PutMessagesApi {
  putMessages(request: streaming.requests.PutMessagesRequest): Promise<streaming.responses.PutMessagesResponse>;
}

export interface PublishAck {
  streamId: string;
  partition: string;
  offset: number;
  attempts: number;
}

/** HTTP 200, but the stream refused our entry (e.g. throttled per partition). Retriable (code `EntryFailed`). */
export class EntryFailedError extends ClaimCheckError {
  constructor(readonly entryError: string, readonly entryErrorMessage: string | null) {
    super(`Stream rejected the message: ${entryError}${entryErrorMessage ? ` (${entryErrorMessage})` : ''}`, { code: 'EntryFailed', retriable: true });
    this.name = 'EntryFailedError';
  }
}

/**
 * HTTP 200 without a usable entry; we cannot know whether the message landed, so we retry (at-least-once).
 * Retriable (code `UnexpectedResponse`).
 */
export class UnexpectedResponseError extends ClaimCheckError {
  constructor(message: string) {
    super(message, { code: 'UnexpectedResponse', retriable: true });
    this.name = 'UnexpectedResponseError';
  }
}

const ONE_ATTEMPT: common.RetryConfiguration = {
  terminationStrategy: new common.MaxAttemptsTerminationStrategy(1),
};

export class StreamPublisher {
  private readonly logger: Logger;

  constructor(
    private readonly api: PutMessagesApi,
    readonly streamId: string,
    private readonly options: { policy: RetryPolicy; clock: Clock; logger: LogSink },
  ) {
    this.logger = namespaced(options.logger, 'claim-check');
  }

  async publish(message: StreamMessage, deadline: Date | null, logFields: Record<string, unknown> = {}): Promise<PublishAck> {
    const request: streaming.requests.PutMessagesRequest = {
      streamId: this.streamId,
      putMessagesDetails: {
        messages: [{ key: message.key.toString('base64'), value: message.value.toString('base64') }],
      },
      retryConfiguration: ONE_ATTEMPT,
    };
    const { value, attempts } = await retryUntilDeadline(() => this.putOnce(request), {
      policy: this.options.policy,
      clock: this.options.clock,
      deadline,
      classify: classifyPublishFailure,
      onRetry: ({ attempt, delayMs, failure }) =>
        this.logger.log('warn', 'publish-retry', {
          ...logFields,
          attempt,
          delayMs,
          statusCode: failure.statusCode,
          error: failure.message,
        }),
    });
    return { streamId: this.streamId, ...value, attempts };
  }

  private async putOnce(request: streaming.requests.PutMessagesRequest): Promise<{ partition: string; offset: number }> {
    const response = await this.api.putMessages(request);
    const entry = response.putMessagesResult?.entries?.[0];
    if (!entry) throw new UnexpectedResponseError('PutMessages returned no entry for our message');
    if (entry.error) throw new EntryFailedError(entry.error, entry.errorMessage ?? null);
    if (entry.partition === undefined || entry.partition === null || typeof entry.offset !== 'number') {
      throw new UnexpectedResponseError(`PutMessages entry has no partition/offset: ${JSON.stringify(entry)}`);
    }
    return { partition: String(entry.partition), offset: entry.offset };
  }
}

/**
 * The likely cause named in the final error when PutMessages still answers 404 at the deadline.
 * OCI answers 404 NotAuthorizedOrNotFound both for "no such stream" and for "not authorized"
 * (https://docs.oracle.com/iaas/Content/API/References/apierrors.htm), so the function cannot tell them apart.
 */
export const NOT_FOUND_HINT =
  'Likely cause: the IAM policy that lets this function use stream-push has not propagated yet (this happens for a ' +
  'few minutes after a deploy; the event is redelivered). If it persists, check the policy, the dynamic group and ' +
  'STREAM_OCID/STREAM_ENDPOINT';

/**
 * The shared retry rule (lib/runtime/retryability.ts: 408, 409 IncorrectState, 429, 5xx and network errors; the
 * per-entry failures, timeouts and unexpected answers above are retriable ClaimCheckErrors), with one override:
 *
 * Also retry 404, within the same deadline budget and backoff as a 429. OCI's API error table marks
 * 404 NotAuthorizedOrNotFound "Retry: No" (https://docs.oracle.com/iaas/Content/API/References/apierrors.htm), but
 * right after a deploy it is what PutMessages answers while the new policy for the function's dynamic group
 * propagates, and the call then succeeds unchanged. The deadline bounds the cost when the 404 is real (a wrong
 * stream), and the final error names both causes (NOT_FOUND_HINT).
 *
 * Any other 4xx means the request itself is wrong (bad signature, bad parameter, a lasting conflict) and retrying
 * within this invocation cannot help.
 */
const isPublishRetryable = retryRule([
  { status: 404, retry: true, why: 'IAM policy propagation after a deploy answers 404 NotAuthorizedOrNotFound for minutes (NOT_FOUND_HINT)' },
]);

export function classifyPublishFailure(error: unknown): AttemptFailure {
  const retryable = isPublishRetryable(error);
  if (error instanceof ClaimCheckError) return { retryable, statusCode: null, message: error.message };
  const statusCode = httpStatusOf(error);
  // The function's log format: `<code>: <message> [opc-request-id ...]`, the status appended by retryUntilDeadline.
  const message = errorMessage(error, { withStatus: false, separator: ': ' });
  if (statusCode === null) return { retryable, statusCode: null, message: `Network error: ${message}` };
  if (statusCode === 404) return { retryable, statusCode, message, hint: NOT_FOUND_HINT };
  return { retryable, statusCode, message };
}

/**
 * A StreamClient signing with the given credentials and pointed at the stream pool's messages endpoint, built by
 * the product's shared factory (lib/runtime/stream-client.ts: the request target the SDK signs is the one it sends;
 * the SDK's own log lines go to `logger` as `oci-sdk.<event>`).
 */
export function createStreamClient(auth: AuthSetup, messagesEndpoint: string, logger?: LogSink): streaming.StreamClient {
  return newStreamClient(auth.provider, messagesEndpoint, undefined, logger);
}
