/**
 * Builds the OCI SDK authentication provider for OCI_AUTH. Called once per container (see runtime.ts).
 *
 * - `resource_principal` (default): how an OCI Function authenticates as itself. The SDK reads
 *   OCI_RESOURCE_PRINCIPAL_VERSION (2.2), _RPST, _PRIVATE_PEM, _REGION from the environment and throws when they
 *   are missing, so we check them first to name the missing variable. Requires a dynamic group
 *   (`resource.type = 'fnfunc'`) with a policy allowing `use stream-push` on the stream.
 * - `config_file`: an API-key profile (OCI_CONFIG_FILE, OCI_CONFIG_PROFILE); for running outside OCI.
 * - `instance_principal`: for running on a compute instance (asks the instance metadata service).
 */
import * as common from 'oci-common';
import type { FunctionConfig, ConfigSource } from './config';
import { ConfigError } from './errors';

export interface AuthSetup {
  provider: common.AuthenticationDetailsProvider;
  /** The provider's home region id, used when OCI_REGION / OCI_RESOURCE_PRINCIPAL_REGION are not set. */
  region: string | null;
}

const RESOURCE_PRINCIPAL_VARIABLES = [
  'OCI_RESOURCE_PRINCIPAL_VERSION',
  'OCI_RESOURCE_PRINCIPAL_RPST',
  'OCI_RESOURCE_PRINCIPAL_PRIVATE_PEM',
  'OCI_RESOURCE_PRINCIPAL_REGION',
] as const;

export async function createAuth(config: FunctionConfig, env: ConfigSource): Promise<AuthSetup> {
  switch (config.auth) {
    case 'resource_principal': {
      for (const name of RESOURCE_PRINCIPAL_VARIABLES) {
        if (!env[name]) {
          throw new ConfigError(name, `OCI_AUTH=resource_principal but ${name} is not set (is this running in OCI Functions?)`);
        }
      }
      // Synchronous despite its name: returns the provider itself, reading process.env.
      const provider = asConfigError('OCI_AUTH', () => common.ResourcePrincipalAuthenticationDetailsProvider.builder());
      return { provider, region: regionOf(provider) };
    }
    case 'config_file': {
      const provider = asConfigError('OCI_CONFIG_FILE', () =>
        new common.ConfigFileAuthenticationDetailsProvider(config.configFile ?? undefined, config.configProfile ?? undefined),
      );
      return { provider, region: regionOf(provider) };
    }
    case 'instance_principal': {
      const provider = await new common.InstancePrincipalsAuthenticationDetailsProviderBuilder().build();
      return { provider, region: regionOf(provider) };
    }
  }
}

function regionOf(provider: common.RegionProvider): string | null {
  try {
    return provider.getRegion()?.regionId ?? null;
  } catch {
    return null;
  }
}

function asConfigError<T>(variable: string, build: () => T): T {
  try {
    return build();
  } catch (e) {
    throw new ConfigError(variable, `Cannot build OCI credentials (${variable}): ${(e as Error).message}`);
  }
}
