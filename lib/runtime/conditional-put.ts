/**
 * Writing a small JSON object to Object Storage only if it is as the writer last saw it: PutObject with
 * `if-none-match: *` (create-only) or `if-match: <ETag>` (compare-and-swap). Object Storage answers 412 when the
 * precondition fails (PutObject, https://docs.oracle.com/iaas/api/#/en/objectstorage/20160918/Object/PutObject),
 * the one answer here that is an outcome rather than an error. Used for the consumer's dead letters, markers and
 * progress checkpoints and the reconciler's position.
 */
import type * as objectstorage from 'oci-objectstorage';
import { httpStatusOf } from './errors';

export interface ObjectPutApi {
  putObject(request: objectstorage.requests.PutObjectRequest): Promise<{ eTag?: string }>;
}

export interface ObjectRef {
  namespaceName: string;
  bucketName: string;
  objectName: string;
}

/**
 * Puts `json` at `target` if the object's ETag is still `version`, or if there is no object when `version` is null.
 * Resolves with the new ETag (`'unknown'` if the answer had none), or null when the precondition failed (412).
 * A string body is retried by the SDK's default policy (5xx, 429 TooManyRequests, network errors).
 */
export async function putJsonIfVersion(client: ObjectPutApi, target: ObjectRef, json: string, version: string | null): Promise<string | null> {
  try {
    const response = await client.putObject({
      ...target,
      putObjectBody: json,
      contentLength: Buffer.byteLength(json),
      contentType: 'application/json',
      ...(version === null ? { ifNoneMatch: '*' } : { ifMatch: version }),
    });
    return response.eTag ?? 'unknown';
  } catch (e) {
    if (httpStatusOf(e) === 412) return null;
    throw e;
  }
}
