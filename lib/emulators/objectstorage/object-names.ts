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

export function compareNames(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
