/**
 * What a claim's object looks like now: GetObject for create/update claims (with `if-match: <claim etag>`, so an
 * overwritten object is recognised without downloading it), HeadObject for delete claims (a name that exists
 * again was re-created after the delete, so the delete is stale).
 */
import { Readable } from 'node:stream';
import type { ReadableStream as NodeWebReadableStream } from 'node:stream/web';
import type { ClaimCheck } from '../contract';
import type { GetObjectResult, ObjectStorageApi } from './clients';
import { httpStatusOf, serviceCodeOf } from '../runtime/errors';
import { fetchOutcomeOf } from './errors';
import type { ClaimObject } from './types';

export type FetchResult = { kind: 'object'; object: ClaimObject } | { kind: 'skip'; reason: 'object-gone' | 'superseded' };

/**
 * GetObject of the claim's object state: 404 → object-gone, 412 (or a server that ignores if-match and returns
 * another etag) → superseded. Any other failure is thrown (the caller counts it as a failed attempt).
 */
export async function fetchClaimObject(client: ObjectStorageApi, claim: ClaimCheck): Promise<FetchResult> {
  const { namespace, bucket, object, etag } = claim.data;
  let response: GetObjectResult;
  try {
    response = await client.getObject({ namespaceName: namespace, bucketName: bucket, objectName: object, ifMatch: etag ?? undefined });
  } catch (e) {
    const outcome = fetchOutcomeOf(e);
    if (outcome !== null) return { kind: 'skip', reason: outcome };
    throw e;
  }
  const body = toReadable(response.value);
  if (etag !== null && response.eTag !== undefined && response.eTag !== etag) {
    body.destroy();
    return { kind: 'skip', reason: 'superseded' };
  }
  // A stream error before the handler reads must not become an uncaught 'error' event; readers still see it.
  body.on('error', () => undefined);
  return {
    kind: 'object',
    object: {
      body,
      namespace,
      bucket,
      name: object,
      etag: response.eTag ?? etag ?? '',
      contentLength: typeof response.contentLength === 'number' && Number.isFinite(response.contentLength) ? response.contentLength : null,
      contentType: response.contentType ?? null,
      contentMd5: response.contentMd5 ?? null,
      multipartMd5: response.opcMultipartMd5 ?? null,
      metadata: userMetadata(response.opcMeta),
      versionId: response.versionId ?? null,
      storageTier: response.storageTier ?? null,
    },
  };
}

/**
 * Whether a delete claim still describes the object's current state. The object is looked up by name (its latest
 * version, in a versioned bucket too): absent → 'current' (the delete is what happened last); present → the name
 * was written again after the delete, so the delete is 'superseded' (the newer write has its own claim).
 * Note: HEAD answers carry no body, so a missing bucket also reads as an absent object; a consumer without read
 * permission fails its create/update claims instead (fetch-failed), which makes that misconfiguration visible.
 */
export async function deleteClaimState(client: ObjectStorageApi, claim: ClaimCheck): Promise<'current' | 'superseded'> {
  const { namespace, bucket, object } = claim.data;
  try {
    await client.headObject({ namespaceName: namespace, bucketName: bucket, objectName: object });
    return 'superseded';
  } catch (e) {
    if (httpStatusOf(e) === 404 && serviceCodeOf(e) !== 'BucketNotFound') return 'current';
    throw e;
  }
}

/**
 * `opc-meta-*` headers without the prefix. The SDK (2.139.1) returns GetObject's `opcMeta` with the prefixed header
 * names as keys (`{'opc-meta-source': ...}`), although PutObject takes bare keys; accept both.
 */
export function userMetadata(opcMeta: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(opcMeta ?? {})) out[key.toLowerCase().startsWith('opc-meta-') ? key.slice('opc-meta-'.length) : key] = value;
  return out;
}

/** The SDK hands out a web ReadableStream (native fetch) or, with a custom agent, a Node Readable. */
export function toReadable(value: unknown): Readable {
  if (value instanceof Readable) return value;
  if (value && typeof (value as { getReader?: unknown }).getReader === 'function') {
    return Readable.fromWeb(value as NodeWebReadableStream<Uint8Array>);
  }
  if (typeof value === 'string' || value instanceof Uint8Array) return Readable.from([Buffer.from(value)]);
  if (value === undefined || value === null) return Readable.from([]);
  throw new TypeError(`Unexpected GetObject body type: ${Object.prototype.toString.call(value)}`);
}
