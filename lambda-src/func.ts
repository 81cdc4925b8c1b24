/**
 * OCI Function entry point (Fn FDK, http-stream). Bundled by lib/bundling/bundle-function.ts into one file.
 *
 * inputMode 'string': we parse JSON ourselves, because the FDK's default 'json' mode silently hands the raw
 * string to the handler when the body is not JSON, which would turn malformed input into a confusing error.
 */
import './http-transport';
import * as fdk from '@fnproject/fdk';
import { createHandler } from './handler';

// The image build runs the bundle once with this set (the Dockerfile's compile-cache step, COMPILE_CACHE_WARMUP_ENV
// in lib/oci/container-image.ts): by now every module of the bundle is loaded, so Node's compile cache holds them;
// exit without serving.
if (process.env.CLAIMCHECK_COMPILE_CACHE_WARMUP !== '1') {
  fdk.handle(createHandler(), { inputMode: 'string' });
}
