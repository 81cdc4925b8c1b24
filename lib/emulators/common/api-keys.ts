/**
 * API signing keys, as a user uploads them to OCI IAM. A request signed with one carries
 * `keyId="<tenancyOcid>/<userOcid>/<fingerprint>"`, where the fingerprint is the MD5 of the DER-encoded public key
 * in colon-separated hex (https://docs.oracle.com/iaas/Content/API/Concepts/apisigningkey.htm#four).
 */
import { createHash, createPublicKey, generateKeyPairSync, KeyObject } from 'node:crypto';

/** A throwaway API key of the local tenancy that clients sign requests with. */
export interface LocalApiKey {
  readonly tenancyId: string;
  readonly userId: string;
  readonly fingerprint: string;
  /** `<tenancy>/<user>/<fingerprint>`, what the SDK sends as keyId. */
  readonly keyId: string;
  readonly privateKeyPem: string;
  readonly publicKeyPem: string;
}

/** OCI's key fingerprint: MD5 over the DER SubjectPublicKeyInfo, as `aa:bb:...`. */
export function apiKeyFingerprint(publicKey: string | KeyObject): string {
  const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey;
  const der = key.export({ type: 'spki', format: 'der' });
  return createHash('md5').update(der).digest('hex').match(/../g)!.join(':');
}

/** A throwaway API key for local runs and tests; register `keyId → publicKeyPem` with the emulator. */
export function createApiKey(tenancyId = 'ocid1.tenancy.oc1..localtenancy', userId = 'ocid1.user.oc1..localuser'): LocalApiKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const fingerprint = apiKeyFingerprint(publicKey);
  return { tenancyId, userId, fingerprint, keyId: `${tenancyId}/${userId}/${fingerprint}`, privateKeyPem: privateKey, publicKeyPem: publicKey };
}
