/**
 * The Streaming data-plane client factory, in a file of its own so the function's bundle (lambda-src, esbuild)
 * takes only oci-streaming from here, not the Object Storage SDK that oci-sdk-clients.ts also builds on.
 */
import type * as common from 'oci-common';
import * as streaming from 'oci-streaming';
import { signWhatIsSent } from './sign-what-is-sent';

/**
 * A Streaming data-plane client for a stream pool's messages endpoint (the SDK appends `/20180418`; StreamClient has
 * no region), signing what it sends. Streaming paths carry OCIDs and query values the service issued (cursors), so
 * signWhatIsSent is for consistency with every other client the product builds.
 */
export function newStreamClient(
  provider: common.AuthenticationDetailsProvider,
  messagesEndpoint: string,
  clientConfiguration?: common.ClientConfiguration,
): streaming.StreamClient {
  const client = signWhatIsSent(new streaming.StreamClient({ authenticationDetailsProvider: provider }, clientConfiguration));
  client.endpoint = messagesEndpoint;
  return client;
}
