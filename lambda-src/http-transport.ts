/**
 * Imported first by func.ts: from here on the function's `fetch`, `Headers`, `Request` and `Response` are the
 * node:http(s) ones of lib/runtime/node-http-fetch.ts, so the OCI SDK never loads Node's bundled undici (about 60 ms
 * of CPU before the first event could be answered). The function's only HTTP client is the SDK calling Streaming's
 * JSON API, which is all those classes are for.
 */
import { installNodeHttpFetch } from '../lib/runtime/node-http-fetch';

installNodeHttpFetch();
