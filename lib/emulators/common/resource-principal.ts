/**
 * Local resource principals: a throwaway "identity" issuer key, and resource principal session tokens (RPST) that
 * the real SDK accepts and the emulators verify.
 *
 * How the SDK uses them (oci-common 2.139.1, lib/auth/resource-principal-authentication-details-provider.js and
 * security-token-adapter.js): `ResourcePrincipalAuthenticationDetailsProvider.builder()` reads
 * OCI_RESOURCE_PRINCIPAL_VERSION (must be "2.2"), OCI_RESOURCE_PRINCIPAL_RPST (the JWT, or an absolute path to a
 * file holding it), OCI_RESOURCE_PRINCIPAL_PRIVATE_PEM (the session private key, or an absolute path) and
 * OCI_RESOURCE_PRINCIPAL_REGION. It only *decodes* the JWT (no verification) to read claims such as `res_tenant`
 * and `res_compartment`; every request is then signed with the session private key under keyId `ST$<jwt>`.
 *
 * How the service checks them (what the emulators do): the JWT must be signed by the identity issuer, must not be
 * expired (`exp`), and its `jwk` claim is the public half of the session key, which must verify the request
 * signature. OCI's tokens carry `jwk` as a JSON *string* (the Java and .NET SDKs parse it with a JSON parser from a
 * string claim); the verifier accepts a string or an object.
 */
import { createPublicKey, generateKeyPairSync, KeyObject, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { JwtClaims, signJwt, verifyJwt } from './jwt';

/** The local identity's signing key. Keep the private half with whoever mints tokens; emulators need the public. */
export interface IssuerKeyPair {
  readonly privateKeyPem: string;
  readonly publicKeyPem: string;
  /** `kid` written into token headers. */
  readonly keyId: string;
}

/** A new identity issuer key pair, whose private key signs local resource principal session tokens. */
export function createIssuerKeyPair(keyId = 'local-emulator-identity'): IssuerKeyPair {
  const { privateKey, publicKey } = generateRsaPemPair();
  return { privateKeyPem: privateKey, publicKeyPem: publicKey, keyId };
}

/** Options of `createLocalResourcePrincipal`. */
export interface LocalResourcePrincipalOptions {
  /** The issuer that signs the token: a pair from `createIssuerKeyPair()` (or its private PEM). */
  readonly issuerKey?: IssuerKeyPair | string;
  /** Alias of `issuerKey`. */
  readonly issuer?: IssuerKeyPair | string;
  /** `res_tenant`. @default 'ocid1.tenancy.oc1..localtenancy' */
  readonly tenancyId?: string;
  /** `res_compartment`. @default the tenancy */
  readonly compartmentId?: string;
  /** `res_id` / `sub`: the function (or other resource) acting. @default 'ocid1.fnfunc.oc1.local.localfunction' */
  readonly resourceId?: string;
  /** `res_type`. @default 'fnfunc' (an OCI Function) */
  readonly resourceType?: string;
  /** OCI_RESOURCE_PRINCIPAL_REGION. @default 'us-ashburn-1' */
  readonly region?: string;
  /** Token lifetime. Negative values mint an already-expired token (for tests). @default 3600 */
  readonly ttlSeconds?: number;
  /**
   * Write the token and key to files in this directory and put their absolute paths in the env, the way OCI
   * Functions mounts them; the SDK then re-reads the files, so a runner can rotate them. @default inline values
   */
  readonly writeToDirectory?: string;
}

/**
 * A local resource principal: a session token signed by the issuer, its session key, and the environment
 * variables the OCI SDK reads them from.
 */
export interface LocalResourcePrincipal {
  /** OCI_RESOURCE_PRINCIPAL_VERSION=2.2, _RPST, _PRIVATE_PEM, _REGION: merge into a process's environment. */
  readonly env: Record<string, string>;
  readonly token: string;
  readonly sessionPrivateKeyPem: string;
  readonly sessionPublicKeyPem: string;
  readonly claims: JwtClaims;
  readonly expiresAt: Date;
}

/** The claims that identify a resource principal, as read back by the emulators. */
export interface ResourcePrincipalIdentity {
  readonly tenancyId: string;
  readonly compartmentId?: string;
  readonly resourceId: string;
  readonly resourceType?: string;
  readonly sessionPublicKey: KeyObject;
  readonly expiresAt: Date;
}

/**
 * Mints a resource principal session token (version 2.2) for a local function or container, as OCI hands one to a
 * deployed one.
 */
export function createLocalResourcePrincipal(options: LocalResourcePrincipalOptions): LocalResourcePrincipal {
  const issuer = options.issuerKey ?? options.issuer;
  if (!issuer) throw new Error('createLocalResourcePrincipal needs issuerKey (from createIssuerKeyPair())');
  const issuerPrivate = typeof issuer === 'string' ? issuer : issuer.privateKeyPem;
  const kid = typeof issuer === 'string' ? undefined : issuer.keyId;
  const tenancyId = options.tenancyId ?? 'ocid1.tenancy.oc1..localtenancy';
  const resourceId = options.resourceId ?? 'ocid1.fnfunc.oc1.local.localfunction';
  const region = options.region ?? 'us-ashburn-1';
  const session = generateRsaPemPair();
  const now = Math.floor(Date.now() / 1000);
  const exp = now + (options.ttlSeconds ?? 3600);
  const jwk = { kid: randomUUID(), ...createPublicKey(session.publicKey).export({ format: 'jwk' }), alg: 'RS256', use: 'sig' };
  // Claim names follow OCI's RPSTs: res_* describe the resource, `jwk` (a JSON string) the session key.
  const claims: JwtClaims = {
    sub: resourceId,
    iss: 'authService.oracle.com',
    aud: 'oci',
    ptype: 'resource',
    ttype: 'res',
    res_type: options.resourceType ?? 'fnfunc',
    res_id: resourceId,
    res_tenant: tenancyId,
    res_compartment: options.compartmentId ?? tenancyId,
    tenant: tenancyId,
    jwk: JSON.stringify(jwk),
    iat: now,
    exp,
    jti: randomUUID(),
  };
  const token = signJwt(claims, issuerPrivate, kid);
  const env: Record<string, string> = {
    OCI_RESOURCE_PRINCIPAL_VERSION: '2.2',
    OCI_RESOURCE_PRINCIPAL_RPST: token,
    OCI_RESOURCE_PRINCIPAL_PRIVATE_PEM: session.privateKey,
    OCI_RESOURCE_PRINCIPAL_REGION: region,
  };
  if (options.writeToDirectory) {
    if (!isAbsolute(options.writeToDirectory)) throw new Error('writeToDirectory must be an absolute path (the SDK treats relative values as inline content)');
    mkdirSync(options.writeToDirectory, { recursive: true });
    const rpstFile = join(options.writeToDirectory, 'rpst');
    const pemFile = join(options.writeToDirectory, 'private.pem');
    writeFileSync(rpstFile, token, { mode: 0o600 });
    writeFileSync(pemFile, session.privateKey, { mode: 0o600 });
    env.OCI_RESOURCE_PRINCIPAL_RPST = rpstFile;
    env.OCI_RESOURCE_PRINCIPAL_PRIVATE_PEM = pemFile;
  }
  return {
    env,
    token,
    sessionPrivateKeyPem: session.privateKey,
    sessionPublicKeyPem: session.publicKey,
    claims,
    expiresAt: new Date(exp * 1000),
  };
}

/** Verifies an RPST as the service would; throws an Error saying why it is not acceptable. */
export function verifyResourcePrincipalToken(token: string, issuerPublicKey: KeyObject, now = Date.now()): ResourcePrincipalIdentity {
  const claims = verifyJwt(token, issuerPublicKey);
  if (typeof claims.exp !== 'number') throw new Error('session token has no exp claim');
  if (claims.exp * 1000 <= now) throw new Error(`session token expired at ${new Date(claims.exp * 1000).toISOString()}`);
  if (typeof claims.res_tenant !== 'string') throw new Error('session token has no res_tenant claim');
  const resourceId = typeof claims.res_id === 'string' ? claims.res_id : claims.sub;
  if (typeof resourceId !== 'string') throw new Error('session token has neither res_id nor sub');
  return {
    tenancyId: claims.res_tenant,
    compartmentId: typeof claims.res_compartment === 'string' ? claims.res_compartment : undefined,
    resourceId,
    resourceType: typeof claims.res_type === 'string' ? claims.res_type : undefined,
    sessionPublicKey: sessionKeyOf(claims.jwk),
    expiresAt: new Date(claims.exp * 1000),
  };
}

function sessionKeyOf(jwkClaim: unknown): KeyObject {
  let jwk: unknown = jwkClaim;
  if (typeof jwkClaim === 'string') {
    try {
      jwk = JSON.parse(jwkClaim);
    } catch {
      throw new Error('session token jwk claim is not JSON');
    }
  }
  const { kty, n, e } = (jwk ?? {}) as Record<string, unknown>;
  if (kty !== 'RSA' || typeof n !== 'string' || typeof e !== 'string') throw new Error('session token has no RSA jwk claim');
  // Some tokens carry n/e in standard base64 rather than base64url; normalise before importing.
  const toUrl = (v: string) => Buffer.from(v, 'base64').toString('base64url');
  return createPublicKey({ key: { kty: 'RSA', n: toUrl(n), e: toUrl(e) }, format: 'jwk' });
}

function generateRsaPemPair(): { privateKey: string; publicKey: string } {
  return generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
}
