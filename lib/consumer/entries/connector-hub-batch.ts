/**
 * One Connector Hub delivery: the JSON list a service connector with a Streaming source and a Functions target
 * POSTs to the function (one invocation per batch, invocations sequential, at most 6 MB each: D-SCHC,
 * https://docs.oracle.com/en-us/iaas/Content/Logging/Concepts/connectors.htm). Each element is one stream message:
 *
 *   {"stream": "<stream name>", "partition": "0", "key": null | "<key>", "value": "<base64>", "offset": 3,
 *    "timestamp": 1761223385480}
 *
 * (the Fn Project's Go FDK decoder for this source, fnproject/fdk-go fn-events/connectorhub_stream.go, and its
 * tests; it base64-decodes `value` only). Whether `key` arrives base64-encoded as in GetMessages is not documented;
 * the claim's identity never depends on it (the consumer reads the key only for dead-letter records).
 */
import type { RawStreamMessage } from '../../contract';

export class ConnectorHubPayloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConnectorHubPayloadError';
  }
}

/** The delivery's messages, in the order given. Throws when the body is not a list of stream messages. */
export function parseConnectorHubBatch(body: string): RawStreamMessage[] {
  let items: unknown;
  try {
    items = JSON.parse(body);
  } catch (error) {
    throw new ConnectorHubPayloadError(`The invocation body is not JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(items)) throw new ConnectorHubPayloadError('The invocation body is not a JSON list (a Connector Hub batch from a Streaming source)');
  return items.map((item, index) => {
    const m = item as Record<string, unknown> | null;
    if (!m || typeof m !== 'object' || typeof m.value !== 'string' || typeof m.offset !== 'number') {
      throw new ConnectorHubPayloadError(`Element ${index} of the batch is not a stream message ({stream, partition, key, value, offset, timestamp})`);
    }
    return {
      stream: typeof m.stream === 'string' ? m.stream : undefined,
      partition: m.partition === undefined || m.partition === null ? undefined : String(m.partition),
      key: typeof m.key === 'string' ? m.key : null,
      value: m.value,
      offset: m.offset,
      timestamp: typeof m.timestamp === 'number' ? new Date(m.timestamp).toISOString() : typeof m.timestamp === 'string' ? m.timestamp : undefined,
    };
  });
}

/**
 * Runs `process` over the messages with at most `concurrency` at once, keeping the messages of one object in
 * order (one after the other, as in the batch), like the fleet's batch runner. `objectOf` names a message's object
 * (null: unrelated to any other). Resolves with the errors of the messages that got no outcome.
 */
export async function runInObjectOrder<T>(
  messages: readonly T[],
  objectOf: (message: T) => string | null,
  concurrency: number,
  process: (message: T) => Promise<void>,
): Promise<unknown[]> {
  const chains = new Map<string, T[]>();
  const order: T[][] = [];
  for (const message of messages) {
    const object = objectOf(message);
    const chain = object === null ? undefined : chains.get(object);
    if (chain) chain.push(message);
    else {
      const created = [message];
      if (object !== null) chains.set(object, created);
      order.push(created);
    }
  }
  const failures: unknown[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < order.length) {
      const chain = order[next++];
      for (const message of chain) {
        try {
          await process(message);
        } catch (error) {
          failures.push(error);
          break; // later claims of the same object must not overtake this one
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, order.length)) }, worker));
  return failures;
}
