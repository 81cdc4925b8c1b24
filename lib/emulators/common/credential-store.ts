/**
 * The keys an emulator trusts, and the lookup from a request's keyId to the public key that must verify it:
 *
 * - API keys: keyId `<tenancyOcid>/<userOcid>/<fingerprint>` → the registered public key;
 * - resource principals: keyId `ST$<jwt>` → the jwt must be signed by the identity issuer and unexpired, and its
 *   `jwk` claim is the session public key (see resource-principal.ts).
 *
 * When no issuer key is configured, the store creates a local identity and keeps it in
 * `<dataDir>/identity/issuer.json`, so tokens minted before a restart still verify after it.
 */
import { createPublicKey, KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OciApiError, apiErrors } from './api-error';
import { createIssuerKeyPair, IssuerKeyPair, verifyResourcePrincipalToken } from './resource-principal';
import { writeFileAtomic } from './state-dir';

/** Which keys an emulator trusts when it verifies request signatures. */
export interface SignatureAuthOptions {
  /** keyId (`<tenancy>/<user>/<fingerprint>`) → public key PEM. */
  readonly apiKeys?: Record<string, string | KeyObject>;
  /** Public key of the identity that signs resource principal session tokens. @default a local identity in dataDir */
  readonly issuerPublicKey?: string | KeyObject;
  /** Requests whose date is further off are refused, as OCI does. @default 300 (OCI's documented 5 minutes) */
  readonly maxClockSkewSeconds?: number;
}

/** `'none'` turns signature verification off. For debugging only: the SDK code path then goes unchecked. */
export type AuthOptions = 'none' | SignatureAuthOptions;

/** Who signed a verified request: a user (API key) or a resource (resource principal session token). */
export type Principal =
  | { readonly type: 'user'; readonly keyId: string; readonly tenancyId: string; readonly userId: string }
  | {
      readonly type: 'resource';
      readonly tenancyId: string;
      readonly resourceId: string;
      readonly compartmentId?: string;
      readonly resourceType?: string;
    };

export interface ResolvedKey {
  readonly publicKey: KeyObject;
  readonly principal: Principal;
}

const SESSION_TOKEN_PREFIX = 'ST$';

/** The keys an emulator trusts, and the lookup from a request's keyId to the public key that must verify it. */
export class CredentialStore {
  /** Builds the store; creates (or reloads) the local identity when no issuer key is given. */
  public static create(options: SignatureAuthOptions, dataDir: string): CredentialStore {
    const store = new CredentialStore();
    for (const [keyId, key] of Object.entries(options.apiKeys ?? {})) store.addApiKey(keyId, key);
    if (options.issuerPublicKey) store.issuerPublicKey = toPublicKey(options.issuerPublicKey);
    else store.localIssuerFile = join(dataDir, 'identity', 'issuer.json');
    return store;
  }

  private issuerPublicKey?: KeyObject;
  /** Where the local identity lives when no issuer key was configured; created on first use (key generation is slow). */
  private localIssuerFile?: string;
  private cachedLocalIssuer?: IssuerKeyPair;
  private readonly apiKeys = new Map<string, KeyObject>();

  /** The identity created for this emulator when none was configured; mint tokens with it. */
  public get localIssuer(): IssuerKeyPair | undefined {
    if (!this.localIssuerFile) return undefined;
    this.cachedLocalIssuer ??= loadOrCreateLocalIssuer(this.localIssuerFile);
    return this.cachedLocalIssuer;
  }

  public addApiKey(keyId: string, publicKey: string | KeyObject): void {
    if (keyId.split('/').length !== 3) throw new Error(`API keyId must be <tenancy>/<user>/<fingerprint>, got ${keyId}`);
    this.apiKeys.set(keyId, toPublicKey(publicKey));
  }

  public removeApiKey(keyId: string): void {
    this.apiKeys.delete(keyId);
  }

  /** The public key that must have signed a request with this keyId, or a 401. */
  public resolve(keyId: string, now = Date.now()): ResolvedKey {
    if (keyId.startsWith(SESSION_TOKEN_PREFIX)) return this.resolveSessionToken(keyId.slice(SESSION_TOKEN_PREFIX.length), now);
    const publicKey = this.apiKeys.get(keyId);
    if (!publicKey) throw apiErrors.notAuthenticated(`unknown keyId ${keyId}`);
    const [tenancyId, userId] = keyId.split('/');
    return { publicKey, principal: { type: 'user', keyId, tenancyId, userId } };
  }

  private resolveSessionToken(token: string, now: number): ResolvedKey {
    const local = this.localIssuer;
    if (!this.issuerPublicKey && local) this.issuerPublicKey = createPublicKey(local.publicKeyPem);
    if (!this.issuerPublicKey) throw apiErrors.notAuthenticated('no identity issuer configured for session tokens');
    try {
      const identity = verifyResourcePrincipalToken(token, this.issuerPublicKey, now);
      const { sessionPublicKey, expiresAt: _expiresAt, ...principal } = identity;
      return { publicKey: sessionPublicKey, principal: { type: 'resource', ...principal } };
    } catch (error) {
      if (error instanceof OciApiError) throw error;
      throw apiErrors.notAuthenticated(`resource principal session token rejected: ${(error as Error).message}`);
    }
  }
}

function toPublicKey(key: string | KeyObject): KeyObject {
  if (typeof key !== 'string') return key.type === 'private' ? createPublicKey(key) : key;
  return createPublicKey(key);
}

function loadOrCreateLocalIssuer(file: string): IssuerKeyPair {
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as IssuerKeyPair;
  const issuer = createIssuerKeyPair();
  writeFileAtomic(file, JSON.stringify(issuer, null, 2));
  return issuer;
}
