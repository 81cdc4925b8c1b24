/**
 * How the product's long-running processes (consumers, the reconciler) get OCI credentials: a provider given as is,
 * or one built from the kind of principal they run as. (The function builds its own in lambda-src/auth.ts, which
 * checks the resource principal variables first and maps failures onto its ConfigError.)
 */
import * as common from 'oci-common';

export interface AuthProviderOptions {
  /** Any OCI SDK provider (an API key, or the local emulators' key). Wins over `auth`. */
  authenticationDetailsProvider?: common.AuthenticationDetailsProvider;
  /**
   * - `config_file`: an API-key profile from an OCI config file (`configFile`, `configProfile`).
   * - `instance_principal`: a compute instance (or OKE node) in a dynamic group.
   * - `resource_principal`: OCI Functions / OKE workload identity style resource principal (reads the
   *   `OCI_RESOURCE_PRINCIPAL_*` environment variables).
   * @default 'config_file'
   */
  auth?: 'resource_principal' | 'instance_principal' | 'config_file';
  /** @default the SDK's (`~/.oci/config`, or $OCI_CONFIG_FILE) */
  configFile?: string;
  /** @default 'DEFAULT' */
  configProfile?: string;
}

export async function newAuthProvider(options: AuthProviderOptions): Promise<common.AuthenticationDetailsProvider> {
  if (options.authenticationDetailsProvider) return options.authenticationDetailsProvider;
  switch (options.auth ?? 'config_file') {
    case 'resource_principal':
      // Synchronous despite its name; throws when the OCI_RESOURCE_PRINCIPAL_* variables are missing.
      return common.ResourcePrincipalAuthenticationDetailsProvider.builder();
    case 'instance_principal':
      return new common.InstancePrincipalsAuthenticationDetailsProviderBuilder().build();
    case 'config_file':
      return new common.ConfigFileAuthenticationDetailsProvider(options.configFile, options.configProfile);
    default:
      throw new Error(`Unknown auth ${JSON.stringify(options.auth)}; expected resource_principal, instance_principal or config_file`);
  }
}
