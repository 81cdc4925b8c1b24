/** Options every emulator takes, and the credential setup they share. */
import { AuthOptions, CredentialStore } from './credential-store';

/** Options every emulator takes: where it listens, where it keeps its state, how it checks signatures. */
export interface CommonEmulatorOptions {
  /** Port on 127.0.0.1; 0 picks a free one (use it for parallel test runs). @default 0 */
  readonly port?: number;
  /** @default '127.0.0.1' */
  readonly host?: string;
  /** Where state is kept; start again with the same dataDir and nothing is lost. @default a fresh temp dir */
  readonly dataDir?: string;
  /**
   * Request-signature verification. Default: verify, trusting `apiKeys` and resource principal tokens signed by
   * `issuerPublicKey` (or, when none is given, by a local identity kept in dataDir: `emulator.localIssuer`).
   * `'none'` disables verification; for debugging only.
   */
  readonly auth?: AuthOptions;
}

/** null when verification is off. */
export function credentialsFor(auth: AuthOptions | undefined, dataDir: string): CredentialStore | null {
  if (auth === 'none') return null;
  return CredentialStore.create(auth ?? {}, dataDir);
}

export function clockSkewOf(auth: AuthOptions | undefined): number | undefined {
  return auth === 'none' ? undefined : auth?.maxClockSkewSeconds;
}
