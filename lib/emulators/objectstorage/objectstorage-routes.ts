/**
 * Object Storage native API routes (https://docs.oracle.com/iaas/api/#/en/objectstorage/20160918/). No version
 * prefix: the SDK uses `client.endpoint` as-is.
 *
 *   GET    /n/                              GetNamespace   → "namespace" (a JSON string)
 *   GET    /n/{ns}/b/{bucket}/o             ListObjects
 *   PUT    /n/{ns}/b/{bucket}/o/{object}    PutObject      (body streamed to disk)
 *   GET    /n/{ns}/b/{bucket}/o/{object}    GetObject      (streamed from disk; Range, if-match, if-none-match)
 *   HEAD   /n/{ns}/b/{bucket}/o/{object}    HeadObject     (no body, not even on errors)
 *   DELETE /n/{ns}/b/{bucket}/o/{object}    DeleteObject   (if-match)
 *
 * The SDK percent-encodes the whole object name (`a/b c` → `a%2Fb%20c`); a raw `/` is accepted too.
 */
import { closeSync, createReadStream, openSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { apiErrors } from '../common/api-error';
import type { RequestContext, Route } from '../common/http-types';
import { checkDigest } from '../common/request-signature';
import { sendEmpty, sendJson } from '../common/responses';
import type { BucketStore, StoredObject } from './bucket-store';
import { parseRange } from './byte-range';
import { attributesFromRequest, objectHeaders } from './object-headers';
import { validateObjectName } from './object-names';
import { objectStorageErrors } from './object-storage-errors';
import { listObjects } from './list-objects';

/** An object change the Object Storage emulator reports: what happened to which object, and its new state. */
export interface ObjectChangeEvent {
  readonly type: 'createobject' | 'updateobject' | 'deleteobject';
  readonly namespace: string;
  readonly bucket: string;
  readonly object: string;
  readonly etag: string;
  readonly versionId?: string;
  readonly time: Date;
}

export interface ObjectStorageRouteDeps {
  readonly namespace: string;
  readonly buckets: ReadonlyMap<string, BucketStore>;
  readonly notify: (event: ObjectChangeEvent) => void;
}

const BUCKET = '^/n/(?<namespace>[^/]+)/b/(?<bucket>[^/]+)';
const OBJECT = new RegExp(`${BUCKET}/o/(?<object>.+)$`);

export function objectStorageRoutes(deps: ObjectStorageRouteDeps): Route[] {
  const bucketOf = (ctx: RequestContext) => {
    const { namespace, bucket } = ctx.params;
    const store = namespace === deps.namespace ? deps.buckets.get(bucket) : undefined;
    if (!store) throw objectStorageErrors.bucketNotFound(namespace, bucket);
    return store;
  };
  const objectOf = (ctx: RequestContext, bucket: BucketStore) => {
    const stored = bucket.get(ctx.params.object, ctx.query.get('versionId') ?? undefined);
    if (!stored) throw objectStorageErrors.objectNotFound(bucket.name, ctx.params.object);
    return stored;
  };

  return [
    {
      operation: 'GetNamespace',
      method: 'GET',
      path: /^\/n\/?$/,
      body: 'none',
      handle: (ctx) => sendJson(ctx.res, 200, deps.namespace),
    },
    {
      operation: 'ListObjects',
      method: 'GET',
      path: new RegExp(`${BUCKET}/o/?$`),
      body: 'none',
      handle: (ctx) => {
        const q = (name: string) => ctx.query.get(name) ?? undefined;
        const result = listObjects(bucketOf(ctx), {
          prefix: q('prefix'),
          start: q('start'),
          end: q('end'),
          startAfter: q('startAfter'),
          limit: q('limit'),
          delimiter: q('delimiter'),
          fields: q('fields'),
        });
        sendJson(ctx.res, 200, result);
      },
    },
    {
      operation: 'PutObject',
      method: 'PUT',
      path: OBJECT,
      body: 'streamed',
      // Object Storage's API spec excludes PutObject bodies from the request signature.
      bodyExemptFromSignature: true,
      handle: (ctx) => putObject(ctx, bucketOf(ctx), deps),
    },
    {
      operation: 'GetObject',
      method: 'GET',
      path: OBJECT,
      body: 'none',
      handle: (ctx) => getObject(ctx, bucketOf(ctx), objectOf, true),
    },
    {
      operation: 'HeadObject',
      method: 'HEAD',
      path: OBJECT,
      body: 'none',
      noErrorBody: true,
      handle: (ctx) => getObject(ctx, bucketOf(ctx), objectOf, false),
    },
    {
      operation: 'DeleteObject',
      method: 'DELETE',
      path: OBJECT,
      body: 'none',
      handle: (ctx) => {
        const bucket = bucketOf(ctx);
        const target = objectOf(ctx, bucket);
        checkIfMatch(ctx.req.headers, target);
        const result = bucket.delete(ctx.params.object, ctx.query.get('versionId') ?? undefined)!;
        const versionId = result.markerVersionId ?? result.deleted.versionId;
        const time = new Date();
        deps.notify({ type: 'deleteobject', namespace: deps.namespace, bucket: bucket.name, object: target.name, etag: target.etag, versionId, time });
        sendEmpty(ctx.res, 204, {
          'last-modified': time.toUTCString(),
          ...(versionId ? { 'version-id': versionId } : {}),
          ...(result.markerVersionId ? { 'is-delete-marker': 'true' } : {}),
        });
      },
    },
  ];
}

async function putObject(ctx: RequestContext, bucket: BucketStore, deps: ObjectStorageRouteDeps): Promise<void> {
  const name = ctx.params.object;
  validateObjectName(name);
  const headers = ctx.req.headers;
  if (headers['content-length'] === undefined) throw objectStorageErrors.contentLengthRequired();
  const contentMd5 = single(headers['content-md5']);
  if (contentMd5 !== undefined && Buffer.from(contentMd5, 'base64').length !== 16) throw objectStorageErrors.invalidContentMd5(contentMd5);
  const ifNoneMatch = single(headers['if-none-match']);
  if (ifNoneMatch !== undefined && ifNoneMatch !== '*') throw apiErrors.invalidParameter("PutObject accepts only 'if-none-match: *'");
  // Check preconditions before taking the body (and again at commit, in case another write won the race).
  checkPutPreconditions(headers, bucket.get(name));

  const { stored, created } = await bucket.write(name, ctx.req, {
    attributes: attributesFromRequest(headers),
    beforeCommit: (written, current) => {
      if (contentMd5 !== undefined && contentMd5 !== written.md5) throw objectStorageErrors.unmatchedContentMd5(contentMd5, written.md5);
      // Only when the client chose to sign the body (the SDK does not for PutObject).
      if (ctx.bodyDigestToCheck !== undefined) checkDigest(written.sha256, ctx.bodyDigestToCheck);
      checkPutPreconditions(headers, current);
    },
  });
  deps.notify({
    type: created ? 'createobject' : 'updateobject',
    namespace: deps.namespace,
    bucket: bucket.name,
    object: name,
    etag: stored.etag,
    versionId: stored.versionId,
    time: new Date(stored.timeModified),
  });
  sendEmpty(ctx.res, 200, {
    etag: stored.etag,
    'opc-content-md5': stored.md5,
    'last-modified': new Date(stored.timeModified).toUTCString(),
    ...(stored.versionId ? { 'version-id': stored.versionId } : {}),
  });
}

async function getObject(
  ctx: RequestContext,
  bucket: BucketStore,
  objectOf: (ctx: RequestContext, bucket: BucketStore) => StoredObject,
  withBody: boolean,
): Promise<void> {
  const stored = objectOf(ctx, bucket);
  const headers = ctx.req.headers;
  checkIfMatch(headers, stored);
  const ifNoneMatch = single(headers['if-none-match']);
  if (ifNoneMatch !== undefined && (ifNoneMatch === '*' || etagList(ifNoneMatch).includes(stored.etag))) {
    sendEmpty(ctx.res, 304, { etag: stored.etag, 'last-modified': new Date(stored.timeModified).toUTCString() });
    return;
  }
  const range = parseRange(single(headers.range), stored.size);
  const response = objectHeaders(stored);
  const length = range ? range.end - range.start + 1 : stored.size;
  response['content-length'] = length;
  if (range) response['content-range'] = `bytes ${range.start}-${range.end}/${stored.size}`;
  if (!withBody) {
    ctx.res.writeHead(range ? 206 : 200, response);
    ctx.res.end();
    return;
  }
  // Open now: a concurrent overwrite may unlink the file, but an open descriptor keeps reading the old bytes.
  const fd = openSync(bucket.dataPath(stored), 'r');
  let stream;
  try {
    stream = createReadStream('', { fd, start: range?.start ?? 0, end: range ? range.end : Math.max(0, stored.size - 1) });
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  ctx.res.writeHead(range ? 206 : 200, response);
  if (stored.size === 0) {
    stream.destroy();
    ctx.res.end();
    return;
  }
  await pipeline(stream, ctx.res);
}

function checkIfMatch(headers: IncomingHttpHeaders, stored: StoredObject): void {
  const ifMatch = single(headers['if-match']);
  if (ifMatch !== undefined && ifMatch !== '*' && !etagList(ifMatch).includes(stored.etag)) throw objectStorageErrors.ifMatchFailed(ifMatch);
}

function checkPutPreconditions(headers: IncomingHttpHeaders, current: StoredObject | undefined): void {
  const ifMatch = single(headers['if-match']);
  if (ifMatch !== undefined && (current === undefined || (ifMatch !== '*' && !etagList(ifMatch).includes(current.etag)))) {
    throw objectStorageErrors.ifMatchFailed(ifMatch);
  }
  if (single(headers['if-none-match']) === '*' && current !== undefined) throw objectStorageErrors.ifNoneMatchFailed();
}

/** ETags as sent, with or without quotes, comma-separated. */
function etagList(value: string): string[] {
  return value.split(',').map((v) => v.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1'));
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
