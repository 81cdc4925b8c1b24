/**
 * Error types the handler maps to its response contract (see README.md):
 * - `InputRejectedError`: the event itself is unusable. Retrying cannot fix it, so the handler answers 200 with
 *   `{status: 'rejected'}` instead of failing (a failure would make OCI Events redeliver it).
 * - `ConfigError`: the function is misconfigured. The invocation fails (HTTP 502), so the event is retried and
 *   succeeds once an operator fixes the configuration.
 * - `PublishError`: the stream did not acknowledge the claim within the deadline. The invocation fails (502).
 */

export type RejectionCode =
  | 'MalformedJson'
  | 'InvalidEvent'
  | 'MissingField'
  | 'InvalidField'
  | 'UnsupportedEventType'
  | 'ClaimTooLarge';

export class InputRejectedError extends Error {
  constructor(
    readonly code: RejectionCode,
    message: string,
    /** Dotted path of the offending field in the incoming event, or null when not about one field. */
    readonly field: string | null = null,
  ) {
    super(message);
    this.name = 'InputRejectedError';
  }
}

export class ConfigError extends Error {
  constructor(
    /** The configuration variable to fix, e.g. `STREAM_OCID`. */
    readonly variable: string,
    message: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

export class PublishError extends Error {
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
    super(message);
    this.name = 'PublishError';
  }
}
