/**
 * OCI Function entry point (Fn FDK, http-stream). Bundled by lib/bundling/bundle-function.ts into one file.
 *
 * inputMode 'string': we parse JSON ourselves, because the FDK's default 'json' mode silently hands the raw
 * string to the handler when the body is not JSON, which would turn malformed input into a confusing error.
 */
import * as fdk from '@fnproject/fdk';
import { createHandler } from './handler';

fdk.handle(createHandler(), { inputMode: 'string' });
