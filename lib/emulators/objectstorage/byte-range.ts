/**
 * GetObject `Range` header: "Optional byte range to fetch, as described in RFC 7233 ... only a single range of
 * bytes is supported" (GetObject API reference). Forms: `bytes=a-b`, `bytes=a-`, `bytes=-n` (last n bytes).
 *
 * Emulator choices: a range that starts past the end is 416 InvalidRange (with `Content-Range: bytes *\/size`, as
 * RFC 9110 §15.5.17 asks); a malformed header or several ranges is 400 InvalidParameter rather than RFC's
 * "ignore it and send everything", so client mistakes show up locally. Note that the TypeScript SDK builds the
 * header as `bytes=${startByte}-${endByte}`, so both ends must be given (`new Range(5)` sends `bytes=5-undefined`).
 */
import { apiErrors } from '../common/api-error';
import { objectStorageErrors } from './object-storage-errors';

export interface ByteRange {
  /** First byte, inclusive. */
  readonly start: number;
  /** Last byte, inclusive. */
  readonly end: number;
}

/** undefined when the whole object is wanted. */
export function parseRange(header: string | undefined, size: number): ByteRange | undefined {
  if (header === undefined) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) {
    throw apiErrors.invalidParameter(`The Range header '${header}' is not a single byte range (bytes=start-end, bytes=start- or bytes=-suffix)`);
  }
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0 || size === 0) throw objectStorageErrors.invalidRange(size);
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Number(match[2]);
  if (end < start) throw apiErrors.invalidParameter(`The Range header '${header}' ends before it starts`);
  if (start >= size) throw objectStorageErrors.invalidRange(size);
  return { start, end: Math.min(end, size - 1) };
}
