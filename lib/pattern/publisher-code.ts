import { defaultFunctionEntry } from '../bundling/bundle-function';
import { BundledFunctionCode } from '../oci/bundled-function-code';
import { FunctionCode } from '../oci/function-code';

/** The claim-check publisher shipped in `lambda-src/`, bundled and built into an image at deploy. */
export function defaultPublisherCode(options: { compartmentId: string; region: string }): FunctionCode {
  return new BundledFunctionCode({
    entry: defaultFunctionEntry(),
    compartmentId: options.compartmentId,
    region: options.region,
  });
}
