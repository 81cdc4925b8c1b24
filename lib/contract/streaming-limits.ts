/**
 * OCI Streaming numbers the claim's transport depends on, with where they come from.
 *
 * Limits on Streaming resources:
 * https://docs.oracle.com/iaas/Content/Streaming/Concepts/streamingoverview_topic-Limits_on_Streaming_Resources.htm
 * a message key is at most 256 bytes; a message, and a whole PutMessages request (keys + values, measured after
 * base64 decoding), at most 1 MB. We read "1 MB" as 1 MiB, the value Oracle recommends for Kafka's
 * `max.request.size` (1048576). Up to 50 consumer groups per stream.
 */
export const STREAMING_LIMITS = {
  maxKeyBytes: 256,
  maxMessageBytes: 1024 * 1024,
  maxRequestBytes: 1024 * 1024,
  maxConsumerGroupsPerStream: 50,
  /** GetMessages `limit`: "You can specify any value up to 10000" (GetMessages API reference). */
  maxGetMessagesLimit: 10_000,
  /** "Cursors expire five minutes after you receive them from the service." (CreateCursor API reference) */
  cursorTtlMs: 5 * 60 * 1000,
} as const;
