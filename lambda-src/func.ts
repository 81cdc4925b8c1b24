/**
 * OCI Function entry point (Fn FDK, http-stream). Bundled by lib/bundling/bundle-function.ts into one file.
 *
 * inputMode 'string': we parse JSON ourselves, because the FDK's default 'json' mode silently hands the raw
 * string to the handler when the body is not JSON, which would turn malformed input into a confusing error.
 */
import './http-transport';
import * as fdk from '@fnproject/fdk';
import { createHandler } from './handler';
import { FUNCTION_IMAGE_BUILD_VARIABLES as IMAGE_BUILD } from '../lib/contract';
import { primeOnce } from './prime';

const serve = () => fdk.handle(createHandler(), { inputMode: 'string' });

if (process.env[IMAGE_BUILD.prime] === '1') {
  // The image build's code-cache step (lambda-src/start.cjs, prime.ts): answer one event against a loopback stand-in
  // of the stream, then exit; start.cjs writes V8's code cache at exit.
  primeOnce(serve).then(
    () => process.exit(0),
    (error) => {
      console.error(`priming failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
} else if (process.env[IMAGE_BUILD.loadOnly] !== '1') {
  serve();
}
