/**
 * The floor of bench/function.mjs's throughput: a bare loop of signed PutMessages, one at a time, through the same SDK
 * client factory the function uses (lib/runtime/stream-client.ts newStreamClient, with the function's resource
 * principal provider), to the same emulator, with messages of the function's shape and size (the contract's claim of
 * the same event). No FDK, no event parsing, no retry loop: what the function's events/s is a share of.
 *
 * Bundled by bench/function.mjs with the function's esbuild options (bundleFunction) and run as its own process:
 *
 *   STREAM_OCID=... STREAM_ENDPOINT=... OCI_RESOURCE_PRINCIPAL_*=... FLOOR_SECONDS=2 FLOOR_WARMUP=20 node floor.js
 *
 * Prints one JSON line: {events, seconds}.
 */
// The same HTTP transport as the function (lambda-src/http-transport.ts), so the floor differs from it only by the
// function's own work.
import '../lambda-src/http-transport';
import { readFileSync } from 'node:fs';
import * as common from 'oci-common';
import type * as streaming from 'oci-streaming';
import { buildClaimCheck, encodeClaimMessage, StreamMessage } from '../lib/contract';
import { newStreamClient } from '../lib/runtime/stream-client';
import { parseEventBody } from '../lambda-src/event';

const ONE_ATTEMPT: common.RetryConfiguration = { terminationStrategy: new common.MaxAttemptsTerminationStrategy(1) };

function messages(template: string, count: number): StreamMessage[] {
  const raw = JSON.parse(template) as { eventID: string; data: { resourceName: string; resourceId: string } };
  return Array.from({ length: count }, (_, i) => {
    const name = `incoming/bench/${String(i).padStart(6, '0')} Résumé.pdf`;
    raw.eventID = `floor-${i}`;
    raw.data.resourceName = name;
    raw.data.resourceId = `/n/exampletenantns/b/landing-bucket/o/${name}`;
    const event = parseEventBody(JSON.stringify(raw));
    return encodeClaimMessage(buildClaimCheck(event, { region: 'us-ashburn-1', realmDomain: 'oraclecloud.com' }));
  });
}

async function main(): Promise<void> {
  const env = process.env;
  const provider = common.ResourcePrincipalAuthenticationDetailsProvider.builder();
  const client = newStreamClient(provider, env.STREAM_ENDPOINT!);
  const streamId = env.STREAM_OCID!;
  const pool = messages(readFileSync(env.FLOOR_EVENT_FILE!, 'utf8'), 1000);
  const put = async (message: StreamMessage): Promise<void> => {
    const request: streaming.requests.PutMessagesRequest = {
      streamId,
      putMessagesDetails: { messages: [{ key: message.key.toString('base64'), value: message.value.toString('base64') }] },
      retryConfiguration: ONE_ATTEMPT,
    };
    const response = await client.putMessages(request);
    const entry = response.putMessagesResult?.entries?.[0];
    if (!entry || entry.error || typeof entry.offset !== 'number') throw new Error(`PutMessages entry failed: ${JSON.stringify(entry)}`);
  };
  const warmup = Number(env.FLOOR_WARMUP ?? 20);
  for (let i = 0; i < warmup; i++) await put(pool[i % pool.length]);
  const limitNs = BigInt(Math.round(Number(env.FLOOR_SECONDS ?? 2) * 1e9));
  const maxEvents = Number(env.FLOOR_MAX_EVENTS ?? 100_000);
  let events = 0;
  const start = process.hrtime.bigint();
  while (process.hrtime.bigint() - start < limitNs && events < maxEvents) {
    await put(pool[(warmup + events) % pool.length]);
    events += 1;
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  process.stdout.write(`${JSON.stringify({ events, seconds })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
