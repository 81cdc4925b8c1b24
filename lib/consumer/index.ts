/**
 * `cdktf-oci-claim-check/consumer`: reads claim checks from OCI Streaming with a consumer group and hands each
 * referenced Object Storage object, as a stream, to your handler. See lib/consumer/README.md.
 */
export { ClaimCheckConsumer } from './consumer';
export { ConsumerFatalError, ConsumerStoppingError, HandlerTimeoutError } from './errors';
export { ClaimCheckError } from '../runtime/errors';
export { defaultLogger } from './logger';
export type { ConsumerLogger, LogLevel } from './logger';
export { toReadable, userMetadata } from './object-fetcher';
export type { ClaimCheckConsumerOptions, DedupeOption } from './options';
export type {
  BucketRef,
  ClaimHandler,
  ClaimObject,
  ClaimOutcome,
  ConsumerEvents,
  ConsumerStats,
  HandlerContext,
  PreviousStatus,
  SkipReason,
} from './types';
export { runUntilSignal } from './run-until-signal';
export type { RunUntilSignalOptions } from './run-until-signal';
export { claimProblem, decodeBase64Text, parseClaimMessage, CLAIM_CHECK_SCHEMA_ID, CLAIM_TYPE_PREFIX } from '../contract';
export type { ClaimCheck, ClaimCheckData, MalformedClaim, ObjectAction, ParsedClaim, RawStreamMessage } from '../contract';
export { dedupeKey, MemoryProcessedStore, ObjectStorageProcessedStore } from './dedupe';
export type { ObjectStorageProcessedStoreOptions, ProcessedClaimStore, ProcessedDetails } from './dedupe';
export { BucketProgressStore } from './progress-store';
export type { BucketProgressStoreOptions, LedgerEntry, ProgressStore } from './progress-store';
export {
  BucketDeadLetterSink,
  compactTime,
  deadLetterObjectName,
  DEFAULT_DEAD_LETTER_PREFIX,
  encodeWithinLimit,
  StreamDeadLetterSink,
} from './dead-letter';
export type {
  BucketDeadLetterDestination,
  DeadLetterDestination,
  DeadLetterRawMessage,
  DeadLetterReason,
  DeadLetterRecord,
  DeadLetterSink,
  StreamDeadLetterDestination,
  StreamDeadLetterOptions,
} from './dead-letter';
export { backoffDelayMs } from '../runtime/backoff';
export type { BackoffPolicy } from '../runtime/backoff';
export { systemClock } from '../runtime/clock';
export type { Clock as ConsumerClock } from '../runtime/clock';
export { createAuthProvider, createObjectStorageClient, createStreamClient } from './clients';
export { routeSdkLogs, signWhatIsSent, WireSafeObjectStorageClient } from '../runtime/oci-sdk-clients';
export type { ConsumerAuthOptions, GetObjectResult, ObjectStorageApi, PutMessagesApi, StreamApi } from './clients';
export { errorMessage } from '../runtime/errors';
export { fetchOutcomeOf, isTransient } from './errors';
export { isRetryable, OCI_RETRYABILITY } from '../runtime/retryability';
export type { RetryRow } from '../runtime/retryability';
export type { ErrorInfo } from './errors';
