/**
 * OCI request signatures (version 1), verified the way the service does:
 * https://docs.oracle.com/iaas/Content/API/Concepts/signingrequests.htm (based on draft-cavage-http-signatures-08).
 *
 *   authorization: Signature version="1",keyId="...",algorithm="rsa-sha256",headers="x-date (request-target) host",signature="<base64>"
 *
 * The signing string is one `name: value` line per listed header, in the listed order, joined by "\n"; header names
 * are lower-cased; `(request-target)` is `<lower-case method> <path and query exactly as sent>`.
 *
 * Required headers (a request that leaves one out gets 401 NotAuthenticated):
 * - every request: `(request-target)`, `host`, and `date` or `x-date`;
 * - PUT/POST/PATCH: additionally `content-length`, `content-type`, `x-content-sha256` (base64 SHA-256 of the body),
 *   except for operations whose API spec excludes the body from signing. The SDK marks those itself
 *   (oci-common `makeServiceCall(..., excludeBody=true)`): Object Storage PutObject/UploadPart and Streaming
 *   PutMessages. The emulator routes declare the same exemption.
 * - If a request does sign `x-content-sha256`, the body must hash to it. The emulators verify the headers first and
 *   read the body only for a request that passed (`checkSignedBody` for buffered bodies, the handler for streamed).
 * - The date must be within 5 minutes of the server's clock ("Client Clock Skew", same page).
 */
import { createHash, verify } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { apiErrors } from './api-error';
import type { CredentialStore, Principal } from './credential-store';

export interface SignatureParameters {
  readonly version?: string;
  readonly keyId: string;
  readonly algorithm: string;
  /** Lower-cased header names, in signing order. */
  readonly headers: string[];
  readonly signature: string;
}

export interface SignedRequest {
  readonly method: string;
  /** Path and query exactly as received (Node's `req.url`). */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  /**
   * The body, when already read; undefined to check the headers alone (the emulators do, before reading a body:
   * then `bodyDigestToCheck` is what the body must hash to, see `checkSignedBody`).
   */
  readonly body?: Buffer;
}

export interface VerificationPolicy {
  /** The operation's API spec excludes the body from the signature (PutObject, PutMessages). */
  readonly bodyExempt: boolean;
  readonly maxClockSkewSeconds: number;
  readonly now?: number;
}

export interface VerifiedSignature {
  readonly principal: Principal;
  readonly keyId: string;
  /** The header names the signature covers, lower-cased. */
  readonly signedHeaders: readonly string[];
  /** Base64 SHA-256 the (streamed) body must have because the signature covers it; undefined if not signed. */
  readonly bodyDigestToCheck?: string;
}

const BODY_METHODS = new Set(['PUT', 'POST', 'PATCH']);
const BODY_HEADERS = ['content-length', 'content-type', 'x-content-sha256'];

/** Parses `Signature k="v",...`. Throws a 401 naming what is wrong. */
export function parseAuthorizationHeader(value: string | undefined): SignatureParameters {
  if (!value) throw apiErrors.notAuthenticated('missing authorization header (the request is not signed)');
  if (!/^Signature\s/i.test(value)) throw apiErrors.notAuthenticated('authorization header does not use the Signature scheme');
  const params: Record<string, string> = {};
  for (const match of value.slice(value.indexOf(' ') + 1).matchAll(/([A-Za-z]+)="([^"]*)"/g)) params[match[1]] = match[2];
  for (const name of ['keyId', 'algorithm', 'signature']) {
    if (!params[name]) throw apiErrors.notAuthenticated(`authorization header has no ${name}`);
  }
  if (params.version !== undefined && params.version !== '1') throw apiErrors.notAuthenticated(`unsupported signature version ${params.version}`);
  if (params.algorithm.toLowerCase() !== 'rsa-sha256') throw apiErrors.notAuthenticated(`unsupported algorithm ${params.algorithm}`);
  // draft-cavage: when `headers` is absent only `date` is signed.
  const headers = (params.headers ?? 'date').trim().split(/\s+/).map((h) => h.toLowerCase());
  return { version: params.version, keyId: params.keyId, algorithm: params.algorithm, headers, signature: params.signature };
}

export function buildSigningString(request: Pick<SignedRequest, 'method' | 'url' | 'headers'>, headerNames: string[]): string {
  return headerNames
    .map((name) => {
      if (name === '(request-target)') return `(request-target): ${request.method.toLowerCase()} ${request.url}`;
      const value = request.headers[name];
      if (value === undefined || value === '') throw apiErrors.notAuthenticated(`signed header ${name} is not in the request`);
      return `${name}: ${Array.isArray(value) ? value.join(', ') : value}`;
    })
    .join('\n');
}

export function verifyRequestSignature(request: SignedRequest, credentials: CredentialStore, policy: VerificationPolicy): VerifiedSignature {
  const now = policy.now ?? Date.now();
  const params = parseAuthorizationHeader(firstHeader(request.headers.authorization));
  checkRequiredHeaders(request.method, params.headers, policy.bodyExempt);
  checkClockSkew(request.headers, params.headers, now, policy.maxClockSkewSeconds);
  const { publicKey, principal } = credentials.resolve(params.keyId, now);
  const signingString = buildSigningString(request, params.headers);
  const valid = verify('sha256', Buffer.from(signingString, 'utf8'), publicKey, Buffer.from(params.signature, 'base64'));
  if (!valid) throw apiErrors.notAuthenticated('signature does not verify (wrong key, or the signed headers were changed)');

  let bodyDigestToCheck: string | undefined;
  if (params.headers.includes('x-content-sha256')) {
    const claimed = firstHeader(request.headers['x-content-sha256']) ?? '';
    if (request.body) checkBodyDigest(request.body, claimed);
    else bodyDigestToCheck = claimed;
  }
  if (request.body && params.headers.includes('content-length')) {
    const claimedLength = Number(firstHeader(request.headers['content-length']));
    if (claimedLength !== request.body.length) throw apiErrors.notAuthenticated(`content-length ${claimedLength} does not match the body (${request.body.length} bytes)`);
  }
  return { principal, keyId: params.keyId, signedHeaders: params.headers, bodyDigestToCheck };
}

/**
 * For a body read after `verifyRequestSignature` checked the headers alone: throws 401 when the signature covers
 * the body (x-content-sha256, content-length) and the body is not what was signed.
 */
export function checkSignedBody(body: Buffer, headers: IncomingHttpHeaders, verified: VerifiedSignature): void {
  if (verified.bodyDigestToCheck !== undefined) checkBodyDigest(body, verified.bodyDigestToCheck);
  const claimedLength = firstHeader(headers['content-length']);
  if (verified.signedHeaders.includes('content-length') && Number(claimedLength) !== body.length) {
    throw apiErrors.notAuthenticated(`content-length ${claimedLength} does not match the body (${body.length} bytes)`);
  }
}

/** Throws 401 when `body` does not hash to the signed x-content-sha256. */
export function checkBodyDigest(body: Buffer, claimedBase64: string): void {
  checkDigest(createHash('sha256').update(body).digest('base64'), claimedBase64);
}

/** Throws 401 when a body's base64 SHA-256 (computed while streaming it) is not the signed x-content-sha256. */
export function checkDigest(actualBase64: string, claimedBase64: string): void {
  if (actualBase64 !== claimedBase64) throw apiErrors.notAuthenticated('x-content-sha256 does not match the body (body changed after signing)');
}

function checkRequiredHeaders(method: string, signed: string[], bodyExempt: boolean): void {
  const missing: string[] = [];
  for (const name of ['(request-target)', 'host']) if (!signed.includes(name)) missing.push(name);
  if (!signed.includes('date') && !signed.includes('x-date')) missing.push('date or x-date');
  if (BODY_METHODS.has(method.toUpperCase()) && !bodyExempt) {
    for (const name of BODY_HEADERS) if (!signed.includes(name)) missing.push(name);
  }
  if (missing.length > 0) throw apiErrors.notAuthenticated(`the signature must cover ${missing.join(', ')}`);
}

function checkClockSkew(headers: IncomingHttpHeaders, signed: string[], now: number, maxSkewSeconds: number): void {
  // x-date takes precedence: browsers cannot set Date, which is why OCI accepts x-date in its place.
  const name = signed.includes('x-date') ? 'x-date' : 'date';
  const value = firstHeader(headers[name]);
  const time = value ? Date.parse(value) : NaN;
  if (Number.isNaN(time)) throw apiErrors.notAuthenticated(`${name} header is missing or not an HTTP date`);
  if (Math.abs(now - time) > maxSkewSeconds * 1000) {
    throw apiErrors.notAuthenticated(`${name} ${value} is more than ${maxSkewSeconds} s from the server clock`);
  }
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
