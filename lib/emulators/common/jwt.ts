/**
 * Minimal RS256 JSON Web Tokens (RFC 7519 / RFC 7515 compact serialization), enough to mint and verify the
 * resource principal session tokens (RPST) the local "identity" issues. Node's crypto only; no dependency.
 */
import { createPublicKey, KeyObject, sign, verify } from 'node:crypto';

export type JwtClaims = Record<string, unknown>;

const base64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

export function signJwt(claims: JwtClaims, privateKey: KeyObject | string, keyId?: string): string {
  const header = { alg: 'RS256', typ: 'JWT', ...(keyId ? { kid: keyId } : {}) };
  const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
  const signature = sign('sha256', Buffer.from(signingInput), privateKey);
  return `${signingInput}.${base64url(signature)}`;
}

/**
 * Verifies the RS256 signature and returns the claims. Throws an Error saying what is wrong; expiry is the
 * caller's business (it needs a clock).
 */
export function verifyJwt(token: string, publicKey: KeyObject | string): JwtClaims {
  const parts = token.split('.');
  if (parts.length !== 3) throw new Error('token is not a JWT (expected header.payload.signature)');
  const [headerPart, payloadPart, signaturePart] = parts;
  const header = parseJsonPart(headerPart, 'header');
  if (header.alg !== 'RS256') throw new Error(`token alg must be RS256, got ${JSON.stringify(header.alg)}`);
  const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey;
  const valid = verify('sha256', Buffer.from(`${headerPart}.${payloadPart}`), key, Buffer.from(signaturePart, 'base64url'));
  if (!valid) throw new Error('token signature does not verify against the issuer key');
  return parseJsonPart(payloadPart, 'payload');
}

function parseJsonPart(part: string, what: string): JwtClaims {
  try {
    const value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not an object');
    return value as JwtClaims;
  } catch (error) {
    throw new Error(`token ${what} is not base64url JSON: ${(error as Error).message}`);
  }
}
