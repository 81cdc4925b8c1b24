/**
 * The few SDK calls the consumer makes, as narrow interfaces (the real `StreamClient` / `ObjectStorageClient`
 * satisfy them; tests pass fakes), and the construction of the real clients, once per consumer.
 *
 * SDK facts relied on (oci-common / oci-streaming / oci-objectstorage 2.139.1):
 * - `StreamClient` has no region: `client.endpoint = messagesEndpoint` (the setter appends `/20180418`).
 * - `ObjectStorageClient` derives its endpoint from the provider's region; an explicit endpoint is used as-is.
 * - GetMessages, CreateGroupCursor, ConsumerCommit/Heartbeat, GetObject, HeadObject and PutObject (with a string
 *   body) are retried by the SDK's default policy (8 attempts, exponential backoff, 5xx/429 TooManyRequests/
 *   network errors); PutMessages is not (the stream dead-letter sink retries itself).
 */
import * as common from 'oci-common';
import * as objectstorage from 'oci-objectstorage';
import * as streaming from 'oci-streaming';
import { AuthProviderOptions, newAuthProvider } from '../runtime/auth-provider';
import type { LogSink } from '../runtime/logger';
import { newObjectStorageClient, newStreamClient } from '../runtime/oci-sdk-clients';
import type { RawStreamMessage } from '../contract';

/** The Streaming calls the consumer makes: what `StreamClient` offers, or a stand-in for tests (`clients.stream`). */
export interface StreamApi {
  createGroupCursor(request: streaming.requests.CreateGroupCursorRequest): Promise<{ cursor: { value: string } }>;
  /** A plain partition cursor: the consumer reads the stream's recent past with it to warm its dedupe window. */
  createCursor(request: streaming.requests.CreateCursorRequest): Promise<{ cursor: { value: string } }>;
  getMessages(request: streaming.requests.GetMessagesRequest): Promise<{ items: RawStreamMessage[]; opcNextCursor: string }>;
  consumerCommit(request: streaming.requests.ConsumerCommitRequest): Promise<{ cursor: { value: string } }>;
  consumerHeartbeat(request: streaming.requests.ConsumerHeartbeatRequest): Promise<{ cursor: { value: string } }>;
}

/** The Streaming call a stream dead-letter destination makes (`StreamDeadLetterSink`). */
export interface PutMessagesApi {
  putMessages(request: streaming.requests.PutMessagesRequest): Promise<{ putMessagesResult: streaming.models.PutMessagesResult }>;
}

/** The GetObject response fields the consumer reads. */
export interface GetObjectResult {
  value: unknown;
  eTag: string;
  contentLength?: number;
  contentType?: string;
  contentMd5?: string;
  opcMultipartMd5?: string;
  opcMeta?: { [key: string]: string };
  versionId?: string;
  storageTier?: string;
  opcRequestId?: string;
}

/**
 * The Object Storage calls the consumer makes: what `ObjectStorageClient` offers, or a stand-in for tests
 * (`clients.objectStorage`).
 */
export interface ObjectStorageApi {
  getObject(request: objectstorage.requests.GetObjectRequest): Promise<GetObjectResult>;
  headObject(request: objectstorage.requests.HeadObjectRequest): Promise<unknown>;
  putObject(request: objectstorage.requests.PutObjectRequest): Promise<{ eTag?: string }>;
}

/** How the consumer authenticates: lib/runtime's options (a provider, or `auth` with `configFile`/`configProfile`). */
export type ConsumerAuthOptions = AuthProviderOptions;

/** The provider given, or one built from `auth`: lib/runtime's factory (`newAuthProvider`). */
export const createAuthProvider: (options: ConsumerAuthOptions) => Promise<common.AuthenticationDetailsProvider> = newAuthProvider;

/**
 * `createStreamClient(provider, messagesEndpoint, clientConfiguration?, logger?)`: a StreamClient for the stream pool's
 * messages endpoint, the shared factory itself (lib/runtime/stream-client.ts), so it sends exactly the request it signs.
 * The SDK's own log lines go to `logger` as `oci-sdk.<event>` (lib/runtime/sdk-logging.ts), as for every client below.
 */
export const createStreamClient = newStreamClient;

/**
 * An ObjectStorageClient that works with every object name OCI accepts (`'`, `.`, `..`, non-ASCII in listing
 * prefixes …): the shared WireSafeObjectStorageClient (lib/runtime/oci-sdk-clients.ts).
 */
export function createObjectStorageClient(
  provider: common.AuthenticationDetailsProvider,
  endpoint: string | undefined,
  clientConfiguration?: common.ClientConfiguration,
  logger?: LogSink,
): objectstorage.ObjectStorageClient {
  return newObjectStorageClient(provider, { endpoint, clientConfiguration, logger });
}
