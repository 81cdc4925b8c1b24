/**
 * Stands in for `jssha` in the publisher's bundle (bundle-function.ts, `SDK_SHIMS`): SHA-256 of text by node:crypto.
 *
 * oci-common 2.139.1 uses jsSHA for one thing: the `x-content-sha256` header of a signed request with a body
 * (lib/signer.js, lib/auth/X509-federation-client.js): `new jsSHA("SHA-256", "TEXT")`, `update(body)`,
 * `getHash("B64")`. jsSHA computes it in JavaScript on every such request; node:crypto computes the same digest of
 * the body's UTF-8 bytes natively, and the 23 KB of jsSHA leave the bundle.
 *
 * The same digest as jsSHA 3 for every string without a lone surrogate (a test compares the two); for one with a lone
 * surrogate this digest is of the bytes Node sends (U+FFFD in its place), where jsSHA's is of other bytes. The SDK's
 * bodies are JSON.stringify's output, which escapes lone surrogates. Other variants, input formats and output formats
 * than the SDK's throw, naming this file.
 */
import { createHash, Hash } from 'node:crypto';

const OUTPUTS: Record<string, 'base64' | 'hex'> = { B64: 'base64', HEX: 'hex' };

function unsupported(what: string): never {
  throw new Error(`jsSHA ${what} is not in this bundle: only SHA-256 of TEXT, as B64 or HEX, is (lib/bundling/shims/jssha.ts)`);
}

export default class Sha256OfText {
  private readonly hash: Hash;

  constructor(variant: string, inputFormat: string, options?: { encoding?: string }) {
    if (variant !== 'SHA-256') unsupported(`variant ${variant}`);
    if (inputFormat !== 'TEXT') unsupported(`input format ${inputFormat}`);
    if (options?.encoding !== undefined && options.encoding !== 'UTF8') unsupported(`encoding ${options.encoding}`);
    this.hash = createHash('sha256');
  }

  update(text: string): this {
    this.hash.update(text, 'utf8');
    return this;
  }

  /** The digest of everything given so far; more may be given after it, as with jsSHA. */
  getHash(format: string): string {
    const encoding = OUTPUTS[format];
    if (encoding === undefined) unsupported(`output format ${format}`);
    return this.hash.copy().digest(encoding);
  }
}
