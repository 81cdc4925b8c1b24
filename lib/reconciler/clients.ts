/**
 * The SDK calls the reconciler makes, as narrow interfaces (the real clients satisfy them; tests may pass fakes),
 * and how the real ones are built: always through lib/runtime's factories, which make the SDK send the request it
 * signs for every object name (lib/emulators/README.md, "Wire facts").
 *
 * SDK facts relied on (oci-common / oci-objectstorage / oci-streaming 2.139.1): ListObjects, GetObject, PutObject
 * (string body), CreateCursor and GetMessages are retried by the SDK's default policy (up to 8 attempts on
 * 429/5xx/network errors); PutMessages makes exactly one attempt, so the reconciler retries it itself.
 * ListObjects' `timeModified` arrives as the service's RFC 3339 string even though the SDK types it `Date`.
 */
import * as common from 'oci-common';
import type * as objectstorage from 'oci-objectstorage';
import type * as streaming from 'oci-streaming';
import type { RawStreamMessage } from '../contract';
import { AuthProviderOptions, newAuthProvider } from '../runtime/auth-provider';
import type { LogSink } from '../runtime/logger';
import { newObjectStorageClient, newStreamClient } from '../runtime/oci-sdk-clients';

/** One entry of a ListObjects page, with the fields the reconciler asks for (`name,etag,timeModified`). */
export interface ListedObject {
  name: string;
  etag?: string;
  timeModified?: Date | string;
}

/** The Object Storage calls the reconciler makes (`clients.objectStorage`, for tests and custom transports). */
export interface ReconcilerObjectStorageApi {
  listObjects(request: objectstorage.requests.ListObjectsRequest): Promise<{ listObjects: { objects: ListedObject[]; nextStartWith?: string } }>;
  /** Progress records of the consumer groups and the reconciler's own position. */
  getObject(request: objectstorage.requests.GetObjectRequest): Promise<{ value: unknown; eTag: string }>;
  headObject(request: objectstorage.requests.HeadObjectRequest): Promise<unknown>;
  putObject(request: objectstorage.requests.PutObjectRequest): Promise<{ eTag?: string }>;
}

/** The Streaming calls the reconciler makes (`clients.stream`, for tests and custom transports). */
export interface ReconcilerStreamApi {
  createCursor(request: streaming.requests.CreateCursorRequest): Promise<{ cursor: { value: string } }>;
  getMessages(request: streaming.requests.GetMessagesRequest): Promise<{ items: RawStreamMessage[]; opcNextCursor: string }>;
  putMessages(request: streaming.requests.PutMessagesRequest): Promise<{ putMessagesResult: streaming.models.PutMessagesResult }>;
}

/** How the reconciler authenticates: lib/runtime's options (a provider, or `auth` with `configFile`/`configProfile`). */
export type ReconcilerAuthOptions = AuthProviderOptions;

/** The provider given, or one built from `auth`: lib/runtime's factory (`newAuthProvider`). */
export const createReconcilerAuthProvider: (options: ReconcilerAuthOptions) => Promise<common.AuthenticationDetailsProvider> = newAuthProvider;

export interface BuiltClients {
  objectStorage: ReconcilerObjectStorageApi;
  stream: ReconcilerStreamApi;
  /** The provider's region id (for the claims' objectUrl), when it has one. */
  region: string | null;
  close(): void;
}

export function buildReconcilerClients(
  provider: common.AuthenticationDetailsProvider,
  options: { objectStorageEndpoint?: string; messagesEndpoint: string; clientConfiguration?: common.ClientConfiguration; logger?: LogSink },
): BuiltClients {
  // The SDK's own log lines (oci-sdk.*) go to the reconciler's logger.
  const objectStorage = newObjectStorageClient(provider, { endpoint: options.objectStorageEndpoint, clientConfiguration: options.clientConfiguration, logger: options.logger });
  const stream = newStreamClient(provider, options.messagesEndpoint, options.clientConfiguration, options.logger);
  const region = (provider as { getRegion?: () => common.Region | undefined }).getRegion?.()?.regionId ?? null;
  return {
    objectStorage: objectStorage as unknown as ReconcilerObjectStorageApi,
    stream: stream as unknown as ReconcilerStreamApi,
    region,
    close: () => {
      objectStorage.close();
      stream.close();
    },
  };
}

/** The realm's domain for a region id (`oraclecloud.com` for OC1, and for ids the SDK does not know yet). */
export function realmDomainFor(regionId: string): string {
  return common.Region.values().find((r) => r.regionId === regionId)?.realm.secondLevelDomain ?? 'oraclecloud.com';
}
