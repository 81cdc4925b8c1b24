/**
 * Stands in for `http-signature` in the publisher's bundle (bundle-function.ts, `SDK_SHIMS`): the package's `sign`,
 * with the private key parsed once per key instead of once per request. The implementation is the runtime toolkit's
 * (lib/runtime/http-signature.ts), which the product's other SDK clients sign through as well.
 */
export * from '../../runtime/http-signature';
