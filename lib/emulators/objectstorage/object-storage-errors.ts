/**
 * Object Storage error responses. Codes and messages:
 * - BucketNotFound / ObjectNotFound with these messages: as used by the community emulator
 *   cameritelabs/oci-emulator (app/resources/object_storage/objects.py); Oracle's reference does not list the texts.
 * - IfMatchFailed (412): what the service answers a PutObject with a stale if-match (oracle/oci-cli
 *   tests/test_object_storage.py asserts it). IfNoneMatchFailed (412) is its counterpart.
 * - UnmatchedContentMD5 (400) "The value of the Content-MD5 header ... does not match": the message prefix is
 *   asserted by the same oci-cli test; the code name is UNCONFIRMED.
 * - InvalidRange (416), ContentLengthRequired (411), InvalidObjectName (400): UNCONFIRMED names, HTTP statuses per
 *   RFC 9110 semantics.
 */
import { OciApiError } from '../common/api-error';

export const objectStorageErrors = {
  bucketNotFound: (namespace: string, bucket: string) =>
    new OciApiError(404, 'BucketNotFound', `Either the bucket named '${bucket}' does not exist in the namespace '${namespace}' or you are not authorized to access it`),
  objectNotFound: (bucket: string, object: string) =>
    new OciApiError(404, 'ObjectNotFound', `The object '${object}' was not found in the bucket '${bucket}'`),
  ifMatchFailed: (etag: string | undefined) =>
    new OciApiError(412, 'IfMatchFailed', `The If-Match header value '${etag}' does not match the ETag of the object`),
  ifNoneMatchFailed: () => new OciApiError(412, 'IfNoneMatchFailed', "The If-None-Match header is '*' but the object already exists"),
  unmatchedContentMd5: (claimed: string, actual: string) =>
    new OciApiError(400, 'UnmatchedContentMD5', `The value of the Content-MD5 header '${claimed}' does not match the computed MD5 '${actual}' of the body`),
  invalidContentMd5: (claimed: string) =>
    new OciApiError(400, 'InvalidContentMD5', `The value of the Content-MD5 header '${claimed}' is not a base64-encoded 128-bit MD5`),
  invalidRange: (size: number) => new OciApiError(416, 'InvalidRange', `The requested range is not satisfiable for an object of ${size} bytes`),
  contentLengthRequired: () => new OciApiError(411, 'ContentLengthRequired', 'PutObject needs a Content-Length header'),
  invalidObjectName: (why: string) => new OciApiError(400, 'InvalidObjectName', `Invalid object name: ${why}`),
};
