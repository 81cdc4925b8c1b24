/**
 * Error types the handler maps to its response contract (see README.md):
 * - `InputRejectedError`: the event itself is unusable. Retrying cannot fix it, so the handler answers 200 with
 *   `{status: 'rejected'}` instead of failing (a failure would make OCI Events redeliver it).
 * - `ConfigError`: the function is misconfigured. The invocation fails (HTTP 502), so the event is retried and
 *   succeeds once an operator fixes the configuration.
 * - `PublishError`: the stream did not acknowledge the claim within the deadline. The invocation fails (502).
 * All extend the product's ClaimCheckError (lib/runtime/errors.ts): a `code` and whether retrying can help.
 */
import { ClaimCheckError } from '../lib/runtime/errors';

export type RejectionCode =
  | 'MalformedJson'
  | 'InvalidEvent'
  | 'MissingField'
  | 'InvalidField'
  | 'UnsupportedEventType'
  | 'ClaimTooLarge';

/** Not retriable: the same event is rejected the same way every time. */
export class InputRejectedError extends ClaimCheckError {
  declare readonly code: RejectionCode;

  constructor(
    code: RejectionCode,
    message: string,
    /** Dotted path of the offending field in the incoming event, or null when not about one field. */
    readonly field: string | null = null,
  ) {
    super(message, { code, retriable: false });
    this.name = 'InputRejectedError';
  }
}

/**
 * Not retriable as it stands (code `InvalidConfig`): the invocation still fails, so Events redelivers the event and
 * a redelivery after the operator's fix succeeds.
 */
export class ConfigError extends ClaimCheckError {
  constructor(
    /** The configuration variable to fix, e.g. `STREAM_OCID`. */
    readonly variable: string,
    message: string,
  ) {
    super(message, { code: 'InvalidConfig', retriable: false });
    this.name = 'ConfigError';
  }
}

/** Code `PublishFailed`; retriable when the retries only stopped because the budget (or attempt cap) ran out. */
export class PublishError extends ClaimCheckError {
  constructor(
    message: string,
    readonly attempts: number,
    /** True when the last failure was retryable and we only stopped because the deadline (or attempt cap) hit. */
    readonly exhausted: boolean,
    readonly statusCode: number | null,
    /**
     * When the retries had to stop: `Fn-Deadline` minus the safety margin (or start + the default budget without
     * one). Logged so an operator (and the end-to-end test) can see which budget the invocation had.
     */
    readonly budgetEnd: Date | null = null,
  ) {
    super(message, { code: 'PublishFailed', retriable: exhausted });
    this.name = 'PublishError';
  }
}
