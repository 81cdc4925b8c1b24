/**
 * The local tenancy's throwaway identity, shared by the emulators' CLI and the local circuit: one API key that
 * clients (uploaders, consumers, the OCI CLI) sign with, and one identity issuer whose key signs the Resource
 * Principal session tokens a locally run function presents. Kept in `<dir>/identity.json` (owner-only) and reused
 * across restarts, so credentials handed out before a restart keep working after it.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApiKey, LocalApiKey } from './common/api-keys';
import type { SignatureAuthOptions } from './common/credential-store';
import { createIssuerKeyPair, createLocalResourcePrincipal, IssuerKeyPair } from './common/resource-principal';
import { writeFileAtomic } from './common/state-dir';

/** The region the local circuit pretends to be in. */
export const LOCAL_REGION = 'us-ashburn-1';
/** OCID of the local circuit's tenancy. */
export const LOCAL_TENANCY = 'ocid1.tenancy.oc1..localtenancy';

/** The local tenancy's throwaway identity: one API key for clients, one issuer for resource principal tokens. */
export interface LocalIdentity {
  readonly apiKey: LocalApiKey;
  readonly issuer: IssuerKeyPair;
}

/** The local identity written as files clients use: an OCI config file, its key, resource principal variables. */
export interface LocalCredentialFiles {
  readonly apiKeyId: string;
  /** An OCI config file (`[DEFAULT]` profile) using the throwaway API key. */
  readonly ociConfigFile: string;
  /** The API key's private key (referenced by `key_file` in the config file). */
  readonly apiKeyFile: string;
  /** `KEY=VALUE` lines with the OCI_RESOURCE_PRINCIPAL_* variables (values are file paths). */
  readonly resourcePrincipalEnvFile: string;
  readonly resourcePrincipalEnv: Record<string, string>;
}

/** Loads `<dir>/identity.json`, or creates it (key generation takes a moment, so it is done once). */
export function loadOrCreateLocalIdentity(dir: string): LocalIdentity {
  const file = join(dir, 'identity.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as LocalIdentity;
  const identity: LocalIdentity = { apiKey: createApiKey(LOCAL_TENANCY), issuer: createIssuerKeyPair() };
  writeFileAtomic(file, JSON.stringify(identity, null, 2));
  chmodSync(file, 0o600);
  return identity;
}

/** The emulators' signature-verification settings that trust exactly this identity. */
export function identityAuthOptions(identity: LocalIdentity): SignatureAuthOptions {
  return { apiKeys: { [identity.apiKey.keyId]: identity.apiKey.publicKeyPem }, issuerPublicKey: identity.issuer.publicKeyPem };
}

/**
 * Writes the identity out the way OCI tools read credentials: an OCI config file + PEM key (for
 * `ConfigFileAuthenticationDetailsProvider` and the OCI CLI's `--config-file`), and resource principal files
 * (files, the way OCI Functions mounts them, for a function run locally). The token is fresh per call and valid for
 * 24 hours.
 */
export function writeCredentialFiles(
  dir: string,
  identity: LocalIdentity,
  options: { compartmentId?: string; resourceId?: string } = {},
): LocalCredentialFiles {
  mkdirSync(dir, { recursive: true });
  const apiKeyFile = join(dir, 'api-key.pem');
  writeFileSync(apiKeyFile, identity.apiKey.privateKeyPem, { mode: 0o600 });
  const ociConfigFile = join(dir, 'oci-config');
  const { tenancyId, userId, fingerprint } = identity.apiKey;
  writeFileSync(ociConfigFile, `[DEFAULT]\nuser=${userId}\nfingerprint=${fingerprint}\ntenancy=${tenancyId}\nregion=${LOCAL_REGION}\nkey_file=${apiKeyFile}\n`, { mode: 0o600 });
  const principal = createLocalResourcePrincipal({
    issuerKey: identity.issuer,
    tenancyId: LOCAL_TENANCY,
    compartmentId: options.compartmentId,
    resourceId: options.resourceId,
    region: LOCAL_REGION,
    ttlSeconds: 24 * 3600,
    writeToDirectory: join(dir, 'resource-principal'),
  });
  const resourcePrincipalEnvFile = join(dir, 'resource-principal.env');
  writeFileSync(resourcePrincipalEnvFile, Object.entries(principal.env).map(([k, v]) => `${k}=${v}\n`).join(''));
  return { apiKeyId: identity.apiKey.keyId, ociConfigFile, apiKeyFile, resourcePrincipalEnvFile, resourcePrincipalEnv: principal.env };
}
