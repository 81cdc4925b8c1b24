/**
 * A second cold-start peer for bench/function.mjs: the FDK hello-world (bench/hello-fdk.js) that also loads what the
 * publisher needs before it can publish (the function's HTTP transport, oci-common and oci-streaming), bundled with
 * the same options and shims and started as the image starts it (start.cjs, a load-only code cache). It answers the
 * same constant as hello-world, so it splits the publisher's cold start in two: what loading the SDK costs (this ÷
 * hello-world) and what the first real event costs on top (the publisher ÷ this: configuration, credentials, the
 * client, one signed PutMessages and its answer).
 */
import '../lambda-src/http-transport';
import * as fdk from '@fnproject/fdk';
import * as common from 'oci-common';
import * as streaming from 'oci-streaming';

// Referenced, so that the bundle keeps (and the start runs) both packages' module bodies.
if (typeof common.ResourcePrincipalAuthenticationDetailsProvider !== 'function' || typeof streaming.StreamClient !== 'function') {
  throw new Error('hello-sdk-fdk: the OCI SDK did not load');
}

// The same entry shape as hello-fdk.js: the image build's load-only warm-up loads the bundle and exits.
if (process.env.CLAIMCHECK_COMPILE_CACHE_WARMUP !== '1') {
  fdk.handle(() => ({ message: 'hello' }), { inputMode: 'string' });
}
