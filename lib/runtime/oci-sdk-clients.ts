/**
 * The OCI SDK clients the product builds (consumer, demo uploader, CLI examples, and the function's StreamClient
 * through stream-client.ts), in one place, so every one of them sends what it signs for any object name.
 * See sign-what-is-sent.ts for the SDK facts, and lib/emulators/README.md "Wire facts: object names and request
 * signing" for the character-by-character findings.
 */
import * as common from 'oci-common';
import * as objectstorage from 'oci-objectstorage';
import type { LogSink } from './logger';
import { routeSdkLogs } from './sdk-logging';
import { signWhatIsSent } from './sign-what-is-sent';

export { routeSdkLogs, SDK_LOG_NAMESPACE } from './sdk-logging';
export { hasDotSegment, signWhatIsSent, SignWhatIsSentHttpClient, wireSafeRequestUri } from './sign-what-is-sent';
export { newStreamClient } from './stream-client';

/**
 * `request` with the named free-text query values percent-encoded (`encodeURIComponent`), which the SDK would
 * otherwise put into the URL as they are.
 */
function withEncodedQuery<R extends object>(request: R, keys: ReadonlyArray<keyof R & string>): R {
  const encoded = { ...request } as Record<string, unknown>;
  for (const key of keys) {
    const value = encoded[key];
    if (typeof value === 'string') encoded[key] = encodeURIComponent(value);
  }
  return encoded as R;
}

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
    return super.listObjects(withEncodedQuery(request, ['prefix', 'start', 'end', 'startAfter', 'delimiter']));
  }

  public listObjectVersions(request: objectstorage.requests.ListObjectVersionsRequest): Promise<objectstorage.responses.ListObjectVersionsResponse> {
    return super.listObjectVersions(withEncodedQuery(request, ['prefix', 'start', 'end', 'startAfter', 'delimiter', 'page']));
  }
}

/**
 * An Object Storage client for `provider` that works with every object name: WireSafeObjectStorageClient, its SDK
 * log lines routed to `logger` as `oci-sdk.<event>` (sdk-logging.ts; default: JSON lines on stderr, `info` and up).
 * @param endpoint used as-is (e.g. a local emulator); default: derived from the provider's region by the SDK.
 */
export function newObjectStorageClient(
  provider: common.AuthenticationDetailsProvider,
  options: { endpoint?: string; clientConfiguration?: common.ClientConfiguration; logger?: LogSink } = {},
): WireSafeObjectStorageClient {
  const client = routeSdkLogs(new WireSafeObjectStorageClient({ authenticationDetailsProvider: provider }, options.clientConfiguration), options.logger);
  if (options.endpoint !== undefined) client.endpoint = options.endpoint;
  return client;
}
