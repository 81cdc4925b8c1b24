/**
 * Stands in for `sshpk` in the publisher's bundle (bundle-function.ts, `SDK_SHIMS`): the key and certificate reading
 * the OCI SDK does with it, by node:crypto.
 *
 * oci-common 2.139.1 calls two functions of sshpk:
 * - `parsePrivateKey(text, "auto", { passphrase? })`, then `toBuffer("pem")` and `toPublic().toString("pem")` of the
 *   result (lib/signer.js DefaultRequestSigner; the key suppliers of resource principals, API-key profiles and
 *   instance principals: lib/auth/fixed-content-key-supplier.js, helpers/load-private-key-from-file.js,
 *   url-based-x509-certificate-supplier.js);
 * - `parseCertificate(text, "pem")` for an instance principal's certificates, of which it reads `toString("pem")`,
 *   `fingerprint("sha1").toString("hex")` and the values of `subjects[].components[]` (helpers/auth-utils.js looks for
 *   `opc-tenant:` there).
 * sshpk with its own ASN.1, big-number, curve and NaCl code was ~200 KB of the 470 KB bundle, all of it loaded and
 * run at every cold start; node:crypto (OpenSSL) reads the same PEM.
 *
 * What it gives is what sshpk 1.18 gives for those calls (a test compares both): a private RSA key written as PKCS#1
 * PEM (`RSA PRIVATE KEY`), an EC key as SEC1 (`EC PRIVATE KEY`), either as PKCS#8 when asked, the public key as SPKI
 * (`PUBLIC KEY`), a certificate's PEM, its colon-separated lower-case hex fingerprint and its subject's attributes
 * (named as sshpk names them, values unescaped). Read: PEM private keys (PKCS#1, PKCS#8, SEC1, encrypted with the
 * passphrase given; CRLF or surrounding blank lines allowed) and PEM certificates. OCI signs API requests with RSA
 * keys in PEM ("Required Keys and OCIDs", https://docs.oracle.com/en-us/iaas/Content/API/Concepts/apisigningkey.htm);
 * other key types (DSA, ed25519), other encodings (OpenSSH, PuTTY, DER) and the rest of the package throw, naming this
 * file. Errors carry sshpk's names (`KeyParseError`, `KeyEncryptedError`), and a wrong passphrase is an error thrown
 * to the caller, where sshpk 1.18 raises it asynchronously from a decipher stream, out of the caller's reach.
 */
import { createHash, createPrivateKey, createPublicKey, KeyObject, X509Certificate } from 'node:crypto';
import { rememberedPrivateKey, rememberPrivateKey } from '../../runtime/parsed-keys';

const SHIM = 'lib/bundling/shims/sshpk.ts';
const PEM_BEGIN = /-----BEGIN [A-Z0-9 ]+-----/;
/** A passphrase-protected PEM private key: traditional (Proc-Type header) or PKCS#8. */
const ENCRYPTED_PEM = /Proc-Type: *4,ENCRYPTED|-----BEGIN ENCRYPTED PRIVATE KEY-----/;

function unsupported(what: string): never {
  throw new Error(`sshpk ${what} is not in this bundle: only PEM RSA/EC private keys and PEM certificates are read (${SHIM})`);
}

/** sshpk's errors carry these names; oci-common only puts them into messages. */
class SshpkError extends Error {
  constructor(message: string, name: 'KeyParseError' | 'KeyEncryptedError' | 'CertificateParseError') {
    super(message);
    this.name = name;
  }
}

interface ParseOptions {
  readonly passphrase?: string | Buffer;
  readonly filename?: string;
}

type KeyType = 'rsa' | 'ecdsa';

/** sshpk's name for a key type, for the types this shim writes. */
function keyTypeOf(key: KeyObject): KeyType {
  switch (key.asymmetricKeyType) {
    case 'rsa':
      return 'rsa';
    case 'ec':
      return 'ecdsa';
    default:
      return unsupported(`for a ${String(key.asymmetricKeyType)} key`);
  }
}

/** The text of a PEM document; anything else is the parse error sshpk would give for it, naming this shim. */
function pemText(data: string | Buffer, what: string, error: (message: string) => Error): string {
  if (typeof data !== 'string' && !Buffer.isBuffer(data)) throw new TypeError(`${what} (string or Buffer) is required`);
  const text = typeof data === 'string' ? data : data.toString('utf8');
  if (!PEM_BEGIN.test(text)) throw error(`not PEM: this bundle's sshpk reads PEM only (${SHIM})`);
  return text;
}

/** The public half, as sshpk's Key gives it. */
export class PublicKey {
  readonly type: KeyType;
  readonly size: number;

  constructor(private readonly key: KeyObject) {
    this.type = keyTypeOf(key);
    this.size = bitsOf(key);
  }

  toBuffer(format: string = 'ssh'): Buffer {
    return Buffer.from(this.toString(format), 'utf8');
  }

  toString(format: string = 'ssh'): string {
    if (format === 'pem' || format === 'pkcs8') return this.key.export({ type: 'spki', format: 'pem' }) as string;
    if (format === 'pkcs1' && this.type === 'rsa') return this.key.export({ type: 'pkcs1', format: 'pem' }) as string;
    return unsupported(`writing a public key as ${format}`);
  }
}

/** A parsed private key, as sshpk's PrivateKey gives what the SDK reads of it. */
export class PrivateKey {
  readonly type: KeyType;
  readonly size: number;

  constructor(private readonly key: KeyObject) {
    this.type = keyTypeOf(key);
    this.size = bitsOf(key);
  }

  toBuffer(format: string = 'pkcs1'): Buffer {
    return Buffer.from(this.pem(format), 'utf8');
  }

  toString(format: string = 'pkcs1'): string {
    return this.pem(format);
  }

  toPublic(): PublicKey {
    return new PublicKey(createPublicKey(this.key));
  }

  private pem(format: string): string {
    let text: string;
    // sshpk's "pem" and "pkcs1" write RSA keys as PKCS#1 and EC keys as SEC1 (OpenSSL's traditional forms).
    if (format === 'pem' || format === 'pkcs1') text = this.key.export({ type: this.type === 'rsa' ? 'pkcs1' : 'sec1', format: 'pem' }) as string;
    else if (format === 'pkcs8') text = this.key.export({ type: 'pkcs8', format: 'pem' }) as string;
    else return unsupported(`writing a private key as ${format}`);
    // The SDK signs with this text (parsed-keys.ts): reading it again gives this key.
    rememberPrivateKey(text, this.key);
    return text;
  }
}

function bitsOf(key: KeyObject): number {
  const details = key.asymmetricKeyDetails;
  if (details?.modulusLength !== undefined) return details.modulusLength;
  const curveBits: Record<string, number> = { prime256v1: 256, secp384r1: 384, secp521r1: 521 };
  return curveBits[details?.namedCurve ?? ''] ?? 0;
}

/** sshpk's parsePrivateKey for a PEM key (format "auto", "pem", "pkcs1" or "pkcs8"). */
export function parsePrivateKey(data: string | Buffer, format: string = 'auto', options: ParseOptions | string = {}): PrivateKey {
  if (!['auto', 'pem', 'pkcs1', 'pkcs8'].includes(format)) unsupported(`parsePrivateKey() of format ${format}`);
  const opts = typeof options === 'string' ? { filename: options } : (options ?? {});
  const name = opts.filename ?? '(unnamed)';
  const text = pemText(data, 'private key', (why) => new SshpkError(`Failed to parse ${name} as a valid ${format} format key: ${why}`, 'KeyParseError'));
  const encrypted = ENCRYPTED_PEM.test(text);
  if (encrypted && (opts.passphrase === undefined || opts.passphrase === '')) {
    throw new SshpkError(`The PEM format key ${name} is encrypted (password-protected), and no passphrase was provided in \`options\``, 'KeyEncryptedError');
  }
  // Unencrypted text this process already parsed (or wrote) is that key (parsed-keys.ts): the SDK reads one key thrice.
  let key = encrypted ? undefined : rememberedPrivateKey(text);
  if (key === undefined) {
    try {
      key = createPrivateKey({ key: text, format: 'pem', ...(opts.passphrase !== undefined ? { passphrase: opts.passphrase } : {}) });
    } catch (error) {
      throw new SshpkError(`Failed to parse ${name} as a valid ${format} format key: ${(error as Error).message} (${SHIM})`, 'KeyParseError');
    }
    if (!encrypted) rememberPrivateKey(text, key);
  }
  return new PrivateKey(key);
}

/** One attribute of a distinguished name, as sshpk's Identity lists it. */
export interface NameComponent {
  readonly name: string;
  readonly value: string;
}

/** A parsed certificate, as sshpk's Certificate gives what the SDK reads of it. */
export class Certificate {
  /** The subject's distinguished name, one identity: its attributes in order. */
  readonly subjects: ReadonlyArray<{ readonly components: readonly NameComponent[] }>;

  constructor(private readonly certificate: X509Certificate) {
    this.subjects = [{ components: distinguishedName(certificate.subject) }];
  }

  toString(format: string = 'pem'): string {
    if (format !== 'pem') unsupported(`writing a certificate as ${format}`);
    return this.certificate.toString();
  }

  toBuffer(format: string = 'x509'): Buffer {
    return Buffer.from(this.toString(format), 'utf8');
  }

  /** The digest of the certificate's DER; `toString('hex')` gives it colon-separated, as sshpk does. */
  fingerprint(algorithm: string = 'sha256'): { toString(format?: string): string } {
    if (!['md5', 'sha1', 'sha256', 'sha384', 'sha512'].includes(algorithm)) unsupported(`fingerprint() with ${algorithm}`);
    const digest = createHash(algorithm).update(this.certificate.raw).digest('hex');
    return {
      toString(format: string = 'hex') {
        if (format !== 'hex') unsupported(`a fingerprint as ${format}`);
        return digest.replace(/(..)(?!$)/g, '$1:');
      },
    };
  }
}

/** OpenSSL's short names of the attributes whose name sshpk spells otherwise (sshpk lib/identity.js). */
const SSHPK_ATTRIBUTE_NAMES: Readonly<Record<string, string>> = { CN: 'cn', O: 'o', OU: 'ou', L: 'l', ST: 's', C: 'c', SN: 'sn', DC: 'dc', UID: 'uid', GN: 'gn' };

/**
 * Node's `X509Certificate.subject` (one `NAME=value` per line, values escaped as RFC 2253 does: `\,`, `\"`, ... and
 * control bytes as `\XX`) as sshpk's components: the names sshpk gives them, the values unescaped.
 */
function distinguishedName(subject: string): NameComponent[] {
  return subject
    .split('\n')
    .filter((line) => line.includes('='))
    .map((line) => {
      const at = line.indexOf('=');
      const name = line.slice(0, at);
      const value = line.slice(at + 1).replace(/\\([0-9A-Fa-f]{2}|[^])/g, (_, escaped: string) => (escaped.length === 2 ? String.fromCharCode(parseInt(escaped, 16)) : escaped));
      return { name: SSHPK_ATTRIBUTE_NAMES[name] ?? name, value };
    });
}

/** sshpk's parseCertificate for a PEM certificate. */
export function parseCertificate(data: string | Buffer, format: string = 'pem'): Certificate {
  if (format !== 'pem') unsupported(`parseCertificate() of format ${format}`);
  const text = pemText(data, 'certificate', (why) => new SshpkError(`Failed to parse certificate as pem: ${why}`, 'CertificateParseError'));
  try {
    return new Certificate(new X509Certificate(text));
  } catch (error) {
    throw new SshpkError(`Failed to parse certificate as pem: ${(error as Error).message} (${SHIM})`, 'CertificateParseError');
  }
}

export function parseKey(): never {
  return unsupported('parseKey()');
}

export function parseFingerprint(): never {
  return unsupported('parseFingerprint()');
}

export function parseSignature(): never {
  return unsupported('parseSignature()');
}

export function generatePrivateKey(): never {
  return unsupported('generatePrivateKey()');
}

export function createCertificate(): never {
  return unsupported('createCertificate()');
}

export function createSelfSignedCertificate(): never {
  return unsupported('createSelfSignedCertificate()');
}
