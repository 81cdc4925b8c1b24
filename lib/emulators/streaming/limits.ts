/**
 * Numbers the Streaming emulator enforces, with where they come from (the shared ones live in the claim contract,
 * lib/contract/streaming-limits.ts, which the function and the consumer use too).
 *
 * Limits on Streaming resources:
 * https://docs.oracle.com/iaas/Content/Streaming/Concepts/streamingoverview_topic-Limits_on_Streaming_Resources.htm
 *   "Maximum size of a unique message: 1 MB"; "Maximum size of a key: 256 bytes" (the PutMessagesDetailsEntry
 *   key doc says the same); "no limit to the number of messages in a request, but the total size of the messages
 *   [keys and values, after base64 decoding] must be 1 MB or less"; "Up to 50 consumer groups per stream".
 */
import { STREAMING_LIMITS } from '../../contract/streaming-limits';

/** Largest message OCI Streaming accepts, in bytes (1 MiB). */
export const MAX_MESSAGE_VALUE_BYTES = STREAMING_LIMITS.maxMessageBytes;
/** Largest message key OCI Streaming accepts, in bytes. */
export const MAX_MESSAGE_KEY_BYTES = STREAMING_LIMITS.maxKeyBytes;
/** Largest PutMessages request OCI Streaming accepts, in bytes. */
export const MAX_PUT_REQUEST_BYTES = STREAMING_LIMITS.maxRequestBytes;
/** Most consumer groups one stream may have. */
export const MAX_CONSUMER_GROUPS_PER_STREAM = STREAMING_LIMITS.maxConsumerGroupsPerStream;
/** Most messages one GetMessages call returns. */
export const MAX_GET_MESSAGES_LIMIT = STREAMING_LIMITS.maxGetMessagesLimit;
/** How long a cursor stays valid after it was issued, in milliseconds (5 minutes). */
export const CURSOR_TTL_MS = STREAMING_LIMITS.cursorTtlMs;

/**
 * CreateGroupCursor `timeoutInMs` when omitted. OCI's API reference gives no default; 30 s is the commonly quoted
 * value (UNCONFIRMED).
 */
export const DEFAULT_INSTANCE_TIMEOUT_MS = 30_000;
