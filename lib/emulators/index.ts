/**
 * Local emulators of the OCI services the claim-check pattern uses, speaking OCI's REST wire format so the real
 * SDK runs against them unchanged. See ./README.md. (Scaffolding for writing another emulator: ./common.)
 */
export { OciApiError } from './common/api-error';
export { apiKeyFingerprint, createApiKey } from './common/api-keys';
export type { LocalApiKey } from './common/api-keys';
export { CredentialStore } from './common/credential-store';
export type { AuthOptions, Principal, SignatureAuthOptions } from './common/credential-store';
export type { CommonEmulatorOptions } from './common/emulator-options';
export { FaultInjector } from './common/fault-injector';
export type { ActiveFault, FaultKind, FaultSpec } from './common/fault-injector';
export { createIssuerKeyPair, createLocalResourcePrincipal, verifyResourcePrincipalToken } from './common/resource-principal';
export type { IssuerKeyPair, LocalResourcePrincipal, LocalResourcePrincipalOptions } from './common/resource-principal';
export * from './streaming';
export * from './objectstorage';
export * from './events';
export * from './connector-hub';
export { runEmulatorsFromArgs, EMULATORS_USAGE, UsageError } from './cli';
export type { RunningEmulators } from './cli';
export { loadOrCreateLocalIdentity, writeCredentialFiles, identityAuthOptions, LOCAL_REGION, LOCAL_TENANCY } from './local-identity';
export type { LocalIdentity, LocalCredentialFiles } from './local-identity';
