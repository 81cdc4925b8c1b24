/**
 * Exponential backoff with full jitter, the one delay rule of the product (the function's publish retries, the
 * consumer's retries, the stream dead-letter sink, the Events emulator's redeliveries):
 *
 *   delay = random() × min(maxDelay, baseDelay × 2^(failures−1))
 *
 * "Full jitter" spreads the retries of many clients over the whole window instead of bunching them at the ceiling
 * (https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/); OCI's SDKs back off the same way
 * (oci-common's ExponentialBackoffDelayStrategyWithJitter).
 */

export interface BackoffPolicy {
  /** Ceiling of the first delay. */
  baseDelayMs: number;
  /** No delay is longer than this. */
  maxDelayMs: number;
}

/**
 * The delay before retry number `failures` (1 = after the first failure; values below 1 count as 1), always in
 * [0, ceiling). The exponent stops growing at 30, so a huge failure count stays finite and capped.
 */
export function backoffDelayMs(failures: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(0, failures - 1), 30);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
  return Math.floor(random() * ceiling);
}
