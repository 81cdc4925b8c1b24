/**
 * How the product's OCI SDK clients sign their requests: the steps of oci-common 2.139.1's
 * `DefaultRequestSigner.signHttpRequest` (lib/signer.js), in the same order and with the same headers. One difference:
 * the private key is parsed once per key, and the signature comes from http-signature.ts.
 *
 * Why: the SDK's signer hands the key as PEM text to http-signature 1.3.1. At every request, that package parses the
 * text with sshpk and signs through sshpk. Measured on Node 20: ~1.1 ms of CPU per signed request, against ~0.3 ms for
 * the RSA signature itself with a parsed crypto.KeyObject. Every request of the consumer, the reconciler, the CLI and
 * the uploader is signed (GetObject, GetMessages, the state bucket's checkpoints, PutObject). The publisher's bundle
 * already replaced the package (lib/bundling/shims); this does the same where nothing is bundled.
 *
 * What the SDK does, step by step (a test compares the headers of both signers for the same requests):
 * - `host` from the URI, and `x-date`, when the request has none;
 * - for POST, PUT and PATCH unless the body is excluded:
 *   - `Content-Type: application/json` when none is set;
 *   - `x-content-sha256` (SHA-256 of the body's text, base64; the empty-body digest when there is no body);
 *   - `Content-Length` when none is set;
 * - the key id (`await getKeyId()`, which may refresh a session), then the private key, read after it;
 * - http-signature's `sign` over `x-date (request-target) host` (plus the three body headers), which also adds a
 *   `date` header;
 * - `Signature ` becomes `Signature version="1",` in the Authorization header.
 *
 * What is left to the SDK's own signer, which this one wraps:
 * - providers that delegate: an `auth_type` (instance principal by configuration, delegation tokens) or an inner
 *   provider;
 * - keys that node:crypto does not read as PEM, and keys other than RSA. OCI signs API requests with RSA keys
 *   ("Required Keys and OCIDs", https://docs.oracle.com/en-us/iaas/Content/API/Concepts/apisigningkey.htm).
 * For those, the request gets exactly the SDK's signature, at the SDK's cost.
 */
import { createHash, createPrivateKey } from 'node:crypto';
import { parse as parseUrl } from 'node:url';
import * as common from 'oci-common';
import { getStringFromRequestBody } from 'oci-common/lib/helper';
import { sign } from './http-signature';
import { rememberedPrivateKey, rememberPrivateKey } from './parsed-keys';

/** DefaultRequestSigner.headersToSign, and the three it adds for a body. */
const HEADERS_TO_SIGN: readonly string[] = ['x-date', '(request-target)', 'host'];
const BODY_HEADERS_TO_SIGN: readonly string[] = ['Content-Type', 'Content-Length', 'x-content-sha256'];
/** DefaultRequestSigner.methodsThatRequireExtraHeaders: the methods whose body the signer covers, setting its Content-Length. */
export const METHODS_WITH_BODY_HEADERS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH']);
/** SHA-256 of nothing, base64 (the SDK's EMPTY_SHA). */
const EMPTY_SHA256 = createHash('sha256').digest('base64');

/** The optional members through which an SDK provider delegates (oci-common lib/auth/helpers/delegate-auth-provider.js). */
interface MaybeDelegating {
  getAuthType?(): unknown;
  getProvider?(): unknown;
}

/** The key the provider last gave, and the unencrypted PKCS#1 PEM that signs for it (null: not for this signer). */
interface SigningKey {
  readonly source: string;
  readonly passphrase: string | null;
  readonly pem: string | null;
}

export class KeyCachingRequestSigner implements common.RequestSigner {
  private key: SigningKey | undefined;

  constructor(
    private readonly provider: common.AuthenticationDetailsProvider,
    /** The SDK's DefaultRequestSigner for the same provider, for what this one leaves to it. */
    private readonly sdkSigner: common.RequestSigner,
  ) {}

  public async signHttpRequest(request: common.HttpRequest, forceExcludeBody = false): Promise<void> {
    const delegating = this.provider as MaybeDelegating;
    if (delegating.getAuthType?.() || delegating.getProvider?.()) return this.sdkSigner.signHttpRequest(request, forceExcludeBody);
    const headers = request.headers;
    // The SDK reads the host and the signed path with the legacy URL parser.
    const target = parseUrl(request.uri);
    if (!headers.has('host')) {
      const host = target.host;
      if (!host) throw new Error('Cannot parse host from url');
      headers.set('host', host);
    }
    if (!headers.has('x-date')) headers.set('x-date', new Date().toUTCString());
    let headersToSign = HEADERS_TO_SIGN;
    if (!forceExcludeBody && METHODS_WITH_BODY_HEADERS.has(request.method.toUpperCase())) {
      if (!headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
      let length = 0;
      if (request.body) {
        const text = await getStringFromRequestBody(request.body);
        headers.set('x-content-sha256', createHash('sha256').update(text, 'utf8').digest('base64'));
        length = Buffer.byteLength(text, 'utf8');
      }
      if (length === 0) headers.set('x-content-sha256', EMPTY_SHA256);
      if (!headers.has('Content-Length')) headers.set('Content-Length', String(length));
      headersToSign = [...HEADERS_TO_SIGN, ...BODY_HEADERS_TO_SIGN];
    }
    const keyId = await this.provider.getKeyId();
    const pem = this.signingPem(this.provider.getPrivateKey(), this.provider.getPassphrase());
    if (pem === null) return this.sdkSigner.signHttpRequest(request, forceExcludeBody);
    // The SDK's SignerRequest: the path as the legacy URL parser reads it.
    const path = target.path as string;
    sign({ method: request.method, path, getHeader: (name) => headers.get(name), setHeader: (name, value) => headers.set(name, value) }, { key: pem, keyId, headers: [...headersToSign] });
    const authorization = headers.get('authorization');
    if (!authorization) throw new Error('Unable to sign request');
    headers.set('authorization', authorization.replace('Signature ', 'Signature version="1",'));
  }

  /**
   * The unencrypted PKCS#1 PEM of the provider's key (what sshpk gives the SDK's signer), remembered with its parsed key
   * (parsed-keys.ts) so http-signature.ts signs without parsing; null for a key left to the SDK's signer. Read again
   * only when the provider gives another key (a refreshed session).
   */
  private signingPem(source: string, passphrase: string | null): string | null {
    const known = this.key;
    if (known && known.source === source && known.passphrase === passphrase) return known.pem;
    let pem: string | null = null;
    try {
      // An unencrypted key this process already read (the SDK's key supplier did, through the bundle's sshpk shim) is
      // that key: no new parse, no second first signature (parsed-keys.ts).
      let key = passphrase ? undefined : rememberedPrivateKey(source);
      if (key === undefined) {
        key = createPrivateKey({ key: source, format: 'pem', ...(passphrase ? { passphrase } : {}) });
        if (!passphrase) rememberPrivateKey(source, key);
      }
      if (key.asymmetricKeyType === 'rsa') {
        pem = key.export({ type: 'pkcs1', format: 'pem' }) as string;
        rememberPrivateKey(pem, key);
      }
    } catch {
      // Not PEM that node:crypto reads (or a wrong passphrase): the SDK's signer reads it, or says what is wrong.
    }
    this.key = { source, passphrase, pem };
    return pem;
  }
}

/** The SDK's FetchHttpClient field that holds its signer (private in its typings). */
interface SignerHolder {
  signer?: common.RequestSigner | null;
}

/**
 * Puts a KeyCachingRequestSigner in place of the SDK's DefaultRequestSigner in `transport` (an SDK client's
 * FetchHttpClient, or a pass-through wrapper of it that keeps it as `inner`). Leaves anything else as it is.
 * Returns whether the signer was put in place, or was already there.
 */
export function useKeyCachingSigner(transport: unknown, provider: common.AuthenticationDetailsProvider | undefined): boolean {
  if (!provider) return false;
  for (let at: unknown = transport; at; at = (at as { inner?: unknown }).inner) {
    if (!(at instanceof common.FetchHttpClient)) continue;
    const holder = at as unknown as SignerHolder;
    if (holder.signer instanceof KeyCachingRequestSigner) return true;
    if (!(holder.signer instanceof common.DefaultRequestSigner)) return false;
    holder.signer = new KeyCachingRequestSigner(provider, holder.signer);
    return true;
  }
  return false;
}
