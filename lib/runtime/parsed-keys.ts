/**
 * Private keys this process has already parsed, by PEM text: shared by the request signing (http-signature.ts,
 * request-signer.ts) and, in the publisher's bundle, the sshpk shim (lib/bundling/shims/sshpk.ts).
 *
 * Why: oci-common 2.139.1 reads one key three times before the first request is sent.
 * 1. The resource principal's key supplier parses the PEM from the environment (sshpk `parsePrivateKey`) and keeps it
 *    re-encoded as PKCS#1 PEM (`toBuffer("pem")`).
 * 2. The client's DefaultRequestSigner parses that PKCS#1 text again.
 * 3. http-signature's `sign` parses it a third time.
 * Each parse makes a new OpenSSL key, and each new key pays its own first signature. Measured on Node 22 (RSA 2048):
 * - a parse takes ~0.07 ms after the process's first, which takes ~0.6 ms;
 * - the first signature with a new key takes ~0.57 ms, against ~0.3 ms for the next ones.
 * Kept here, the text the supplier wrote and the text it read both map to the key it parsed. Every later read of
 * either text gets that same key: no new parse, no second first signature. A function keeps one key for its whole
 * life, and the first event is what gets faster.
 *
 * Only unencrypted PEM is kept. Text encrypted with a passphrase is parsed every time, so a wrong passphrase still
 * fails. A KeyObject is immutable, so sharing one is the same as parsing the same text again.
 */
import { createPrivateKey, KeyObject } from 'node:crypto';

/** A function signs with one key, the supplier writes it once: a handful of texts at most. */
const MAX_KEPT = 8;
const keysByPem = new Map<string, KeyObject>();

/** Remembers `key` as what `pem` (an unencrypted PEM private key, read or written by a shim) parses to. */
export function rememberPrivateKey(pem: string, key: KeyObject): void {
  if (key.type !== 'private' || keysByPem.has(pem)) return;
  if (keysByPem.size >= MAX_KEPT) keysByPem.delete(keysByPem.keys().next().value as string);
  keysByPem.set(pem, key);
}

/** The key `pem` was remembered as, if any. */
export function rememberedPrivateKey(pem: string): KeyObject | undefined {
  return keysByPem.get(pem);
}

/** The key for an unencrypted PEM private key: the one remembered for that text, else parsed now and remembered. */
export function privateKeyFromPem(pem: string): KeyObject {
  let key = keysByPem.get(pem);
  if (key === undefined) {
    key = createPrivateKey(pem);
    rememberPrivateKey(pem, key);
  }
  return key;
}
