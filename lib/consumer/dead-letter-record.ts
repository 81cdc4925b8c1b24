/** The dead letter of one message: the claim (when it parsed), the raw message, why, and where it came from. */
import { ClaimCheck, decodeBase64Text, RawStreamMessage } from '../contract';
import type { DeadLetterRawMessage, DeadLetterReason, DeadLetterRecord } from './dead-letter';
import type { ErrorInfo } from './errors';

export function deadLetterRecordOf(
  message: RawStreamMessage,
  claim: ClaimCheck | null,
  reason: DeadLetterReason,
  error: ErrorInfo | null,
  attempts: number,
  context: { group: string; instance: string; streamId: string; now: number },
): DeadLetterRecord {
  const messageTime = message.timestamp instanceof Date ? message.timestamp.toISOString() : typeof message.timestamp === 'string' ? message.timestamp : null;
  return {
    claim,
    rawMessage: rawMessageOf(message),
    reason,
    error,
    attempts,
    consumer: { group: context.group, instance: context.instance },
    time: new Date(context.now).toISOString(),
    messageTime,
    stream: message.stream ?? context.streamId,
    partition: message.partition !== undefined && message.partition !== null ? String(message.partition) : null,
    offset: message.offset,
  };
}

/** The key as text, and the value as JSON when it is JSON, else base64. */
export function rawMessageOf(message: RawStreamMessage): DeadLetterRawMessage {
  const key = decodeBase64Text(message.key);
  const text = decodeBase64Text(message.value);
  if (text !== null) {
    try {
      return { key, valueEncoding: 'json', value: JSON.parse(text) };
    } catch {
      // not JSON
    }
  }
  return { key, valueEncoding: 'base64', value: message.value ?? null };
}
