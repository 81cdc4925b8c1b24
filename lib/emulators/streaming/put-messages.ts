/**
 * PutMessages: request parsing, the documented size limits, and per-entry results.
 *
 * Wire format (StreamClient.putMessages): `{"messages":[{"key":"<b64>"|null,"value":"<b64>"}]}` →
 * `{"failures":n,"entries":[{"partition":"0","offset":5,"timestamp":"..."} | {"error":"...","errorMessage":"..."}]}`,
 * entries in request order.
 *
 * Limits (https://docs.oracle.com/iaas/Content/Streaming/Concepts/streamingoverview_topic-Limits_on_Streaming_Resources.htm):
 * a value of at most 1 MiB and a key of at most 256 bytes, and at most 1 MiB of keys plus values per request,
 * all measured after base64 decoding.
 *
 * Emulator choice (OCI's exact behaviour is UNCONFIRMED): a message over the per-message limits fails *as an entry*
 * (`error: "MessageTooLarge"` / `"KeyTooLarge"`, counted in `failures`) and the rest of the batch is still
 * written, which is what the PutMessagesResult shape allows for; the 1 MiB request total is then checked over the
 * entries that passed, and exceeding it rejects the whole request with 400 InvalidParameter, nothing written.
 * Malformed requests (no messages, value missing or not base64) are 400 InvalidParameter as well.
 */
import { apiErrors } from '../common/api-error';
import type { EmulatedStream } from './emulated-stream';
import { MAX_MESSAGE_KEY_BYTES, MAX_MESSAGE_VALUE_BYTES, MAX_PUT_REQUEST_BYTES } from './limits';

export interface PutEntry {
  readonly key: Buffer | null;
  readonly value: Buffer;
}

/** The result of one message of a PutMessages request: where it went, or why it was refused. */
export type PutResultEntry = { partition: string; offset: number; timestamp: string } | { error: string; errorMessage: string };

/** The result of a PutMessages request: one entry per message, in order, and how many failed. */
export interface PutMessagesResult {
  failures: number;
  entries: PutResultEntry[];
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function parsePutMessagesBody(body: Buffer): PutEntry[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw apiErrors.cannotParseRequest(`Request body is not JSON: ${(error as Error).message}`);
  }
  const messages = (parsed as { messages?: unknown } | null)?.messages;
  if (!Array.isArray(messages) || messages.length === 0) throw apiErrors.invalidParameter('messages must be a non-empty array');
  return messages.map((message, i) => {
    const { key, value } = (message ?? {}) as { key?: unknown; value?: unknown };
    if (typeof value !== 'string' || !BASE64.test(value)) throw apiErrors.invalidParameter(`messages[${i}].value must be a base64 string`);
    if (key !== undefined && key !== null && (typeof key !== 'string' || !BASE64.test(key))) {
      throw apiErrors.invalidParameter(`messages[${i}].key must be a base64 string or null`);
    }
    return { key: typeof key === 'string' ? Buffer.from(key, 'base64') : null, value: Buffer.from(value, 'base64') };
  });
}

export function putMessages(stream: EmulatedStream, entries: readonly PutEntry[], now: Date): PutMessagesResult {
  const results: Array<PutResultEntry | null> = entries.map(entryLimitError);
  const acceptedBytes = entries.reduce((sum, e, i) => sum + (results[i] ? 0 : e.value.length + (e.key?.length ?? 0)), 0);
  if (acceptedBytes > MAX_PUT_REQUEST_BYTES) {
    throw apiErrors.invalidParameter(
      `The messages total ${acceptedBytes} bytes (keys and values, decoded); a PutMessages request may carry at most ${MAX_PUT_REQUEST_BYTES} bytes (1 MiB)`,
    );
  }
  // One write per partition, keeping request order within each partition.
  const byPartition = new Map<number, number[]>();
  entries.forEach((entry, i) => {
    if (results[i]) return;
    const partition = stream.partitionFor(entry.key);
    byPartition.set(partition, [...(byPartition.get(partition) ?? []), i]);
  });
  const timestamp = now.toISOString();
  for (const [partition, indexes] of byPartition) {
    const stored = stream.partition(partition).append(indexes.map((i) => entries[i]), timestamp);
    indexes.forEach((i, n) => (results[i] = { partition: String(partition), offset: stored[n].offset, timestamp }));
  }
  const done = results as PutResultEntry[];
  return { failures: done.filter((e) => 'error' in e).length, entries: done };
}

function entryLimitError(entry: PutEntry): PutResultEntry | null {
  if (entry.value.length > MAX_MESSAGE_VALUE_BYTES) {
    return { error: 'MessageTooLarge', errorMessage: `Message value is ${entry.value.length} bytes; the limit is ${MAX_MESSAGE_VALUE_BYTES} bytes (1 MiB)` };
  }
  if (entry.key && entry.key.length > MAX_MESSAGE_KEY_BYTES) {
    return { error: 'KeyTooLarge', errorMessage: `Message key is ${entry.key.length} bytes; the limit is ${MAX_MESSAGE_KEY_BYTES} bytes` };
  }
  return null;
}
