/**
 * Numbers the Streaming emulator enforces, with where they come from.
 *
 * Limits on Streaming resources:
 * https://docs.oracle.com/iaas/Content/Streaming/Concepts/streamingoverview_topic-Limits_on_Streaming_Resources.htm
 *   "Maximum size of a unique message: 1 MB"; "Maximum size of a key: 256 bytes" (the PutMessagesDetailsEntry
 *   key doc says the same); "no limit to the number of messages in a request, but the total size of the messages
 *   [keys and values, after base64 decoding] must be 1 MB or less"; "Up to 50 consumer groups per stream".
 */
export const MAX_MESSAGE_VALUE_BYTES = 1024 * 1024;
export const MAX_MESSAGE_KEY_BYTES = 256;
export const MAX_PUT_REQUEST_BYTES = 1024 * 1024;
export const MAX_CONSUMER_GROUPS_PER_STREAM = 50;

/** GetMessages `limit`: "You can specify any value up to 10000" (GetMessages API reference). */
export const MAX_GET_MESSAGES_LIMIT = 10000;

/** "Cursors expire five minutes after you receive them from the service." (CreateCursor API reference) */
export const CURSOR_TTL_MS = 5 * 60 * 1000;

/**
 * CreateGroupCursor `timeoutInMs` when omitted. OCI's API reference gives no default; 30 s is the commonly quoted
 * value (UNCONFIRMED).
 */
export const DEFAULT_INSTANCE_TIMEOUT_MS = 30_000;
