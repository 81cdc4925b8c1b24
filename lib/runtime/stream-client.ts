/**
 * The Streaming data-plane client factory, in a file of its own so the function's bundle (lambda-src, esbuild)
 * takes only oci-streaming from here, not the Object Storage SDK that oci-sdk-clients.ts also builds on.
 */
import type * as common from 'oci-common';
import * as streaming from 'oci-streaming';
import type { LogSink } from './logger';
import { routeSdkLogs } from './sdk-logging';
import { signWhatIsSent } from './sign-what-is-sent';

/**
 * A Streaming data-plane client for a stream pool's messages endpoint (the SDK appends `/20180418`; StreamClient has
 * no region), signing what it sends. Streaming paths carry OCIDs and query values the service issued (cursors), so
 * signWhatIsSent is for consistency with every other client the product builds. Its SDK log lines go to `logger` as
 * `oci-sdk.<event>` (sdk-logging.ts; default: JSON lines on stderr, `info` and up).
 */
export function newStreamClient(
  provider: common.AuthenticationDetailsProvider,
  messagesEndpoint: string,
  clientConfiguration?: common.ClientConfiguration,
  logger?: LogSink,
): streaming.StreamClient {
  const client = routeSdkLogs(signWhatIsSent(new streaming.StreamClient({ authenticationDetailsProvider: provider }, clientConfiguration)), logger);
  client.endpoint = messagesEndpoint;
  return client;
}
