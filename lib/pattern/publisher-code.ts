import { defaultFunctionEntry } from '../bundling/bundle-function';
import { BundledFunctionCode } from '../oci/bundled-function-code';
import { FunctionCode } from '../oci/function-code';
import { serviceHost } from '../oci/realm';

/**
 * The claim-check publisher shipped in `lambda-src/`, bundled and built into an image at deploy, pushed to the
 * region's Container Registry, `ocir.<region>.oci.<realm domain>` (the registry domain Oracle recommends:
 * https://docs.oracle.com/iaas/Content/Registry/Concepts/registryconcepts.htm, "registry domain").
 */
export function defaultPublisherCode(options: { compartmentId: string; region: string; realmDomain: string }): FunctionCode {
  return new BundledFunctionCode({
    entry: defaultFunctionEntry(),
    compartmentId: options.compartmentId,
    region: options.region,
    registryHost: serviceHost('ocir', options.region, options.realmDomain),
  });
}
