/**
 * Headers that describe an object on GetObject/HeadObject (GetObject API reference; names the SDK reads in
 * oci-objectstorage's getObject/headObject response mapping): etag, content-length, content-md5, content-type,
 * last-modified (HTTP-date), opc-meta-*, version-id, storage-tier, content-language/-encoding/-disposition,
 * cache-control, accept-ranges.
 */
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import type { ObjectAttributes, StoredObject } from './bucket-store';

export function objectHeaders(stored: StoredObject): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {
    etag: stored.etag,
    'content-md5': stored.md5,
    'content-type': stored.contentType,
    'last-modified': new Date(stored.timeModified).toUTCString(),
    'storage-tier': stored.storageTier,
    'accept-ranges': 'bytes',
  };
  if (stored.versionId) headers['version-id'] = stored.versionId;
  if (stored.contentLanguage) headers['content-language'] = stored.contentLanguage;
  if (stored.contentEncoding) headers['content-encoding'] = stored.contentEncoding;
  if (stored.contentDisposition) headers['content-disposition'] = stored.contentDisposition;
  if (stored.cacheControl) headers['cache-control'] = stored.cacheControl;
  for (const [key, value] of Object.entries(stored.opcMeta)) headers[`opc-meta-${key}`] = value;
  return headers;
}

/** What a PutObject request says about the object: content headers and `opc-meta-*` user metadata. */
export function attributesFromRequest(headers: IncomingHttpHeaders): ObjectAttributes {
  const single = (name: string) => {
    const value = headers[name];
    return Array.isArray(value) ? value.join(', ') : value;
  };
  const opcMeta: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name.startsWith('opc-meta-') && value !== undefined) opcMeta[name.slice('opc-meta-'.length)] = Array.isArray(value) ? value.join(', ') : value;
  }
  return {
    // OCI's default content type for objects uploaded without one.
    contentType: single('content-type') ?? 'application/octet-stream',
    contentLanguage: single('content-language'),
    contentEncoding: single('content-encoding'),
    contentDisposition: single('content-disposition'),
    cacheControl: single('cache-control'),
    opcMeta,
  };
}
