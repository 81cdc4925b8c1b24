/**
 * The OCI SDK clients the product builds (consumer, demo uploader, CLI examples; the function uses
 * sign-what-is-sent.ts directly), in one place, so every one of them sends what it signs for any object name.
 * See sign-what-is-sent.ts for the SDK facts, and lib/emulators/README.md "Wire facts: object names and request
 * signing" for the character-by-character findings.
 */
import * as common from 'oci-common';
import * as objectstorage from 'oci-objectstorage';
import * as streaming from 'oci-streaming';
import { signWhatIsSent } from './sign-what-is-sent';

export { hasDotSegment, signWhatIsSent, SignWhatIsSentHttpClient, wireSafeRequestUri } from './sign-what-is-sent';

/** Percent-encodes a query value the SDK would otherwise put into the URL as it is (`encodeURIComponent`). */
const q = <T extends string | undefined>(value: T): T => (typeof value === 'string' ? (encodeURIComponent(value) as T) : value);

/**
 * An ObjectStorageClient that signs what it sends (signWhatIsSent) and percent-encodes the free-text query values
 * of the listing calls before the SDK builds the URL: oci-common 2.139.1 joins query values unencoded
 * (`key + "=" + value`), so a `prefix`/`start` containing `&`, `=`, `+`, `#` or `%` reached the service garbled
 * (`+` as a space, `%27` as `'`). Pass the values raw; do not encode them yourself. The SDK's list iterators
 * (`listObjectsRecordIterator`, …) go through these overrides too, so a `nextStartWith` fed back as `start` is
 * encoded once.
 */
export class WireSafeObjectStorageClient extends objectstorage.ObjectStorageClient {
  constructor(params: common.AuthParams, clientConfiguration?: common.ClientConfiguration) {
    super(params, clientConfiguration);
    signWhatIsSent(this);
  }

  public listObjects(request: objectstorage.requests.ListObjectsRequest): Promise<objectstorage.responses.ListObjectsResponse> {
    return super.listObjects({
      ...request,
      prefix: q(request.prefix),
      start: q(request.start),
      end: q(request.end),
      startAfter: q(request.startAfter),
      delimiter: q(request.delimiter),
    });
  }

  public listObjectVersions(request: objectstorage.requests.ListObjectVersionsRequest): Promise<objectstorage.responses.ListObjectVersionsResponse> {
    return super.listObjectVersions({
      ...request,
      prefix: q(request.prefix),
      start: q(request.start),
      end: q(request.end),
      startAfter: q(request.startAfter),
      delimiter: q(request.delimiter),
      page: q(request.page),
    });
  }
}

/**
 * An Object Storage client for `provider` that works with every object name: WireSafeObjectStorageClient.
 * @param endpoint used as-is (e.g. a local emulator); default: derived from the provider's region by the SDK.
 */
export function newObjectStorageClient(
  provider: common.AuthenticationDetailsProvider,
  options: { endpoint?: string; clientConfiguration?: common.ClientConfiguration } = {},
): WireSafeObjectStorageClient {
  const client = new WireSafeObjectStorageClient({ authenticationDetailsProvider: provider }, options.clientConfiguration);
  if (options.endpoint !== undefined) client.endpoint = options.endpoint;
  return client;
}

/**
 * A Streaming data-plane client for a stream pool's messages endpoint (the SDK appends `/20180418`), signing what it
 * sends. Streaming paths carry OCIDs and query values the service issued (cursors), so this is for consistency.
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
