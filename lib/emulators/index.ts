/**
 * Local emulators of the OCI services the claim-check pattern uses, speaking OCI's REST wire format so the real
 * SDK runs against them unchanged. See ./README.md.
 */
export * from './common';
export * from './streaming';
export * from './objectstorage';
export * from './events';
export { runEmulatorsFromArgs, EMULATORS_USAGE } from './cli';
export type { RunningEmulators, LocalCredentialFiles } from './cli';
