/**
 * Object names: "letters, digits and any character except line feed, carriage return and NULL", at most 1024
 * bytes of UTF-8; `/` only makes pseudo-folders. Stated in the Object Storage docs of Oracle's OCI-compatible
 * deployments (https://docs.oracle.com/en/engineered-systems/private-cloud-appliance/3.0-latest/concept/concept-obj-stor-overview-objnames.html);
 * the 1024-byte limit for public OCI is assumed (UNCONFIRMED).
 *
 * Listing order is by the UTF-8 bytes of the name (what a byte-ordered key store gives). JavaScript's `<` compares
 * UTF-16 code units, which differs for characters above U+FFFF, so names are compared as buffers.
 */
import { objectStorageErrors } from './object-storage-errors';

export const MAX_OBJECT_NAME_BYTES = 1024;

export function validateObjectName(name: string): void {
  if (name.length === 0) throw objectStorageErrors.invalidObjectName('empty');
  if (/[\n\r\0]/.test(name)) throw objectStorageErrors.invalidObjectName('line feed, carriage return and NULL are not allowed');
  const bytes = Buffer.byteLength(name, 'utf8');
  if (bytes > MAX_OBJECT_NAME_BYTES) throw objectStorageErrors.invalidObjectName(`${bytes} bytes of UTF-8; at most ${MAX_OBJECT_NAME_BYTES}`);
}

/**
 * Orders names by their UTF-8 bytes, which is Unicode code point order, without encoding them: UTF-16 code units
 * compare in code point order except that surrogates (U+D800..U+DFFF, the halves of characters above U+FFFF) must
 * sort after U+E000..U+FFFF; shifting the two ranges at the first difference does that.
 */
export function compareNames(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return inCodePointOrder(x) - inCodePointOrder(y);
  }
  return a.length - b.length;
}

function inCodePointOrder(unit: number): number {
  if (unit < 0xd800) return unit;
  return unit >= 0xe000 ? unit - 0x800 : unit + 0x2000;
}
