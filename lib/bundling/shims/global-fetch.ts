/**
 * Stands in for `isomorphic-fetch` and `node-fetch` in the bundles bundle-function.ts makes (esbuild `alias`): the
 * global `fetch` every Node the bundles run on has (20 and up).
 *
 * oci-common 2.139.1 requires `isomorphic-fetch` (lib/http.js) only for its side effect, which installs node-fetch as
 * `global.fetch` where there is none: never on these Nodes, so the SDK already sends with the global fetch. Its
 * instance-principal certificate supplier (lib/auth/url-based-x509-certificate-supplier.js) calls node-fetch's
 * default export itself, as `fetch(url, {method, headers})`, which the global fetch answers alike. Bundled, those two
 * packages brought node-fetch, whatwg-url and tr46's Unicode tables: about a third of the function's bundle, loaded
 * at every cold start for nothing.
 */
function globalFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  return globalThis.fetch(input, init);
}

export = globalFetch;
