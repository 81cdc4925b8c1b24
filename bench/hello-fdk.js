// Baseline for bench/function.mjs: the smallest possible Fn FDK function, bundled the same way as ours, so the
// bundle-size and cold-start numbers show what the OCI SDK and our code add on top of the bare runtime.
const fdk = require('@fnproject/fdk');

// The same entry shape as lambda-src/func.ts: the image build's load-only warm-up (CLAIMCHECK_COMPILE_CACHE_WARMUP)
// loads the bundle and exits, so both bundles get their compile cache baked the same way.
if (process.env.CLAIMCHECK_COMPILE_CACHE_WARMUP !== '1') {
  // Never return null/undefined: the FDK crashes the process on it (fdk-node issue 32).
  fdk.handle(() => ({ message: 'hello' }), { inputMode: 'string' });
}
