// Baseline for bench/function.mjs: the smallest possible Fn FDK function, bundled the same way as ours, so the
// bundle-size and cold-start numbers show what the OCI SDK and our code add on top of the bare runtime.
const fdk = require('@fnproject/fdk');

// Never return null/undefined: the FDK crashes the process on it (fdk-node issue 32).
fdk.handle(() => ({ message: 'hello' }), { inputMode: 'string' });
