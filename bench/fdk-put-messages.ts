/**
 * A second floor for bench/function.mjs's throughput: the FDK hop without our handler. An FDK function (the same
 * @fnproject/fdk, http-stream over the same unix socket) whose handler does only what the bare loop of
 * bench/put-messages-floor.ts does per event: one signed PutMessages of a claim-shaped message through the same client
 * factory and transport, one attempt. What it loses against the bare loop is what the Fn wire protocol costs (the
 * agent's HTTP request into the container, the FDK's parsing and answer, one more process on the way); what the
 * function loses against it is our handler's own work (event validation, configuration, claim, retry loop, log line).
 *
 * Bundled by bench/function.mjs with the function's esbuild options and started like the function (FN_FORMAT,
 * FN_LISTENER, the function's resource principal variables, STREAM_OCID, STREAM_ENDPOINT).
 */
import '../lambda-src/http-transport';
import * as fdk from '@fnproject/fdk';
import * as common from 'oci-common';
import { buildClaimCheck, encodeClaimMessage } from '../lib/contract';
import { newStreamClient } from '../lib/runtime/stream-client';
import { parseEventBody } from '../lambda-src/event';

const ONE_ATTEMPT: common.RetryConfiguration = { terminationStrategy: new common.MaxAttemptsTerminationStrategy(1) };
const LOCATION = { region: 'us-ashburn-1', realmDomain: 'oraclecloud.com' };

const client = newStreamClient(common.ResourcePrincipalAuthenticationDetailsProvider.builder(), process.env.STREAM_ENDPOINT!);
const streamId = process.env.STREAM_OCID!;

fdk.handle(
  async (input: string) => {
    // The bare loop encodes its messages before it starts; here the claim is built per event, as cheaply as it goes.
    const message = encodeClaimMessage(buildClaimCheck(parseEventBody(input), LOCATION));
    const response = await client.putMessages({
      streamId,
      putMessagesDetails: { messages: [{ key: message.key.toString('base64'), value: message.value.toString('base64') }] },
      retryConfiguration: ONE_ATTEMPT,
    });
    const entry = response.putMessagesResult?.entries?.[0];
    if (!entry || entry.error || typeof entry.offset !== 'number') throw new Error(`PutMessages entry failed: ${JSON.stringify(entry)}`);
    return { status: 'published', offset: entry.offset };
  },
  { inputMode: 'string' },
);
