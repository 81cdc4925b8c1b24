/**
 * The sshpk shim of the publisher's bundle (lib/bundling/shims/sshpk.ts): for what the OCI SDK reads of keys and
 * certificates, it gives what sshpk gives (compared with the real package, installed as oci-common's dependency),
 * and the SDK's key suppliers and signer read keys through it as through sshpk.
 *
 * The certificates in __tests__/fixtures/certificates were made once with `openssl req -x509` (their keys thrown
 * away): a leaf with an instance principal's subject and an intermediate whose subject needs escaping.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { bundleFunction } from '../../lib/bundling/bundle-function';
import * as sshpkShim from '../../lib/bundling/shims/sshpk';

interface AnyKey {
  type: string;
  size: number;
  toBuffer(format?: string, options?: object): Buffer;
  toString(format?: string): string;
  toPublic(): { toString(format?: string): string };
}
interface AnyCertificate {
  subjects: Array<{ components: Array<{ name: string; value: string }> }>;
  toString(format?: string): string;
  fingerprint(algorithm: string): { toString(format?: string): string };
}
const realSshpk = require('sshpk') as {
  parsePrivateKey(data: string | Buffer, format?: string, options?: object): AnyKey;
  parseCertificate(data: string | Buffer, format: string): AnyCertificate;
};
const shim = sshpkShim as unknown as typeof realSshpk;
const AuthUtils = (require('oci-common/lib/auth/helpers/auth-utils') as { default: { getTenantIdFromCertificate(certificate: unknown): string } }).default;

const fixtures = path.join(__dirname, '..', 'fixtures', 'certificates');
const certificates = ['instance-leaf.pem', 'intermediate.pem'].map((file) => fs.readFileSync(path.join(fixtures, file), 'utf8'));

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sshpk-shim-'));
fs.symlinkSync(path.join(__dirname, '..', '..', 'node_modules'), path.join(tmp, 'node_modules'), 'dir');
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** What the SDK reads of a parsed private key. */
function keyView(parse: typeof realSshpk.parsePrivateKey, data: string | Buffer, options: object = {}) {
  try {
    const key = parse(data, 'auto', options);
    return { type: key.type, size: key.size, pem: key.toBuffer('pem', {}).toString(), text: key.toString('pem'), pkcs8: key.toString('pkcs8'), publicPem: key.toPublic().toString('pem') };
  } catch (error) {
    return { threw: (error as Error).name };
  }
}

describe('sshpk shim: private keys as sshpk reads and writes them', () => {
  const rsa = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const forms: Array<[string, string, object]> = [
    ['PKCS#1', rsa.export({ type: 'pkcs1', format: 'pem' }) as string, {}],
    ['PKCS#8', rsa.export({ type: 'pkcs8', format: 'pem' }) as string, {}],
    ['encrypted PKCS#8', rsa.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pass phrase' }) as string, { passphrase: 'pass phrase' }],
    ['encrypted PKCS#1 (DEK-Info)', rsa.export({ type: 'pkcs1', format: 'pem', cipher: 'aes-128-cbc', passphrase: 'pw' }) as string, { passphrase: 'pw' }],
  ];

  test.each(forms)('RSA, %s, as string and Buffer, CRLF and blank lines around: the same PEM, PKCS#8 and public key', (_, pem, options) => {
    const real = keyView(realSshpk.parsePrivateKey, pem, options);
    expect(real.pem).toBe(rsa.export({ type: 'pkcs1', format: 'pem' }));
    for (const input of [pem, Buffer.from(pem), pem.replace(/\n/g, '\r\n'), `\n  \n${pem}\n\n`]) {
      expect(keyView(shim.parsePrivateKey, input, options)).toEqual(real);
    }
  });

  test('EC keys (P-256, P-384): SEC1 PEM, as sshpk writes them', () => {
    for (const namedCurve of ['P-256', 'P-384']) {
      const pem = crypto.generateKeyPairSync('ec', { namedCurve }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
      const real = keyView(realSshpk.parsePrivateKey, pem);
      expect(real.pem).toContain('-----BEGIN EC PRIVATE KEY-----');
      expect(keyView(shim.parsePrivateKey, pem)).toEqual(real);
    }
  });

  test("the errors sshpk names: an encrypted key without a passphrase, text that is no key, a public key", () => {
    const encrypted = forms[2][1];
    const publicPem = crypto.createPublicKey(rsa).export({ type: 'spki', format: 'pem' }) as string;
    for (const [data, options] of [
      [encrypted, {}],
      ['not a key at all', {}],
      [publicPem, {}],
    ] as Array<[string, object]>) {
      const real = keyView(realSshpk.parsePrivateKey, data, options);
      expect(real).toHaveProperty('threw');
      expect(keyView(shim.parsePrivateKey, data, options)).toEqual(real);
    }
    expect(() => shim.parsePrivateKey(encrypted, 'auto', {})).toThrow('is encrypted (password-protected), and no passphrase was provided');
    // An empty passphrase is none (sshpk tries it and fails asynchronously; oci-common passes only non-empty ones).
    expect(() => shim.parsePrivateKey(encrypted, 'auto', { passphrase: '' })).toThrow(expect.objectContaining({ name: 'KeyEncryptedError' }));
    expect(() => shim.parsePrivateKey('not a key at all')).toThrow("not PEM: this bundle's sshpk reads PEM only (lib/bundling/shims/sshpk.ts)");
  });

  test('a wrong passphrase is an error thrown to the caller, naming the shim', () => {
    // (sshpk 1.18 raises this one asynchronously, from a decipher stream: it cannot be compared here.)
    expect(() => shim.parsePrivateKey(forms[2][1], 'auto', { passphrase: 'wrong' })).toThrow(expect.objectContaining({ name: 'KeyParseError', message: expect.stringContaining('lib/bundling/shims/sshpk.ts') }));
  });

  test('what OCI does not use throws, naming the shim: ed25519 keys, OpenSSH and DER encodings, the rest of the package', () => {
    const ed25519 = crypto.generateKeyPairSync('ed25519').privateKey;
    expect(() => shim.parsePrivateKey(ed25519.export({ type: 'pkcs8', format: 'pem' }) as string)).toThrow('sshpk for a ed25519 key is not in this bundle');
    expect(() => shim.parsePrivateKey(rsa.export({ type: 'pkcs8', format: 'der' }) as Buffer)).toThrow('lib/bundling/shims/sshpk.ts');
    expect(() => shim.parsePrivateKey('-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n')).toThrow('lib/bundling/shims/sshpk.ts');
    expect(() => shim.parsePrivateKey(forms[0][1], 'ssh')).toThrow('sshpk parsePrivateKey() of format ssh is not in this bundle');
    expect(() => shim.parsePrivateKey(forms[0][1]).toPublic().toString('ssh')).toThrow('sshpk writing a public key as ssh is not in this bundle');
    for (const name of ['parseKey', 'parseFingerprint', 'parseSignature', 'generatePrivateKey', 'createCertificate', 'createSelfSignedCertificate']) {
      expect(() => (sshpkShim as unknown as Record<string, () => unknown>)[name]()).toThrow(`sshpk ${name}() is not in this bundle`);
    }
  });
});

describe('sshpk shim: certificates as an instance principal reads them', () => {
  /** What the SDK reads of a certificate (X509-federation-client.js, auth-utils.js). */
  function certificateView(parse: typeof realSshpk.parseCertificate, pem: string) {
    const certificate = parse(pem, 'pem');
    return {
      pem: certificate.toString('pem'),
      sha1: certificate.fingerprint('sha1').toString('hex'),
      sha256: certificate.fingerprint('sha256').toString('hex'),
      subjects: certificate.subjects.map((subject) => subject.components.map(({ name, value }) => ({ name, value }))),
    };
  }

  test.each(certificates.map((pem, i) => [i === 0 ? 'leaf' : 'intermediate (escaped subject)', pem]))('%s: the same PEM, fingerprints and subject', (_, pem) => {
    const real = certificateView(realSshpk.parseCertificate, pem);
    expect(real.subjects.flat().length).toBeGreaterThanOrEqual(5);
    expect(certificateView(shim.parseCertificate, pem)).toEqual(real);
    expect(certificateView(shim.parseCertificate, Buffer.from(pem) as unknown as string)).toEqual(real);
  });

  test("oci-common's getTenantIdFromCertificate finds the same tenancy in both", () => {
    for (const pem of certificates) {
      expect(AuthUtils.getTenantIdFromCertificate(shim.parseCertificate(pem, 'pem'))).toBe(AuthUtils.getTenantIdFromCertificate(realSshpk.parseCertificate(pem, 'pem')));
    }
    expect(AuthUtils.getTenantIdFromCertificate(shim.parseCertificate(certificates[0], 'pem'))).toBe('ocid1.tenancy.oc1..aaaaaaaaexampletenant');
  });

  test('not a certificate: the parse error sshpk names', () => {
    expect(() => shim.parseCertificate('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n', 'pem')).toThrow(expect.objectContaining({ name: 'CertificateParseError' }));
    expect(() => shim.parseCertificate('nothing', 'pem')).toThrow(expect.objectContaining({ name: 'CertificateParseError' }));
    expect(() => shim.parseCertificate(certificates[0], 'x509')).toThrow('sshpk parseCertificate() of format x509 is not in this bundle');
  });
});

describe("oci-common's key suppliers, bundled with the shim, read keys as with sshpk", () => {
  test('FixedContentKeySupplier (resource principals) and loadPrivateKeyFromFile (API-key profiles): the same key pair', () => {
    const entry = path.join(tmp, 'suppliers.js');
    fs.writeFileSync(
      entry,
      [
        "const Fixed = require('oci-common/lib/auth/fixed-content-key-supplier').default;",
        "const { loadPrivateKeyFromFile } = require('oci-common/lib/auth/helpers/load-private-key-from-file');",
        'module.exports = (pem, passphrase, file, passphraseFile) => {',
        '  const pair = new Fixed(pem, passphrase).getKeyPair();',
        '  return { fixed: [pair.getPublic(), pair.getPrivate()], file: loadPrivateKeyFromFile(file, passphraseFile) };',
        '};',
      ].join('\n'),
    );
    const out = bundleFunction({ entry, outFile: path.join(tmp, 'suppliers-bundle.js'), cache: false, minify: false, sdkShims: true });
    expect(fs.readFileSync(out.outFile, 'utf8')).not.toContain('node_modules/sshpk');
    const bundled = require(out.outFile) as (...args: Array<string | undefined>) => unknown;
    const real = require(entry) as (...args: Array<string | undefined>) => unknown;
    const key = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const encrypted = key.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'secret' }) as string;
    const keyFile = path.join(tmp, 'api-key.pem');
    const passphraseFile = path.join(tmp, 'passphrase');
    fs.writeFileSync(keyFile, encrypted);
    fs.writeFileSync(passphraseFile, 'secret');
    const fromShim = bundled(encrypted, 'secret', keyFile, passphraseFile);
    expect(fromShim).toEqual(real(encrypted, 'secret', keyFile, passphraseFile));
    expect(fromShim).toEqual({
      fixed: [crypto.createPublicKey(key).export({ type: 'spki', format: 'pem' }), key.export({ type: 'pkcs1', format: 'pem' })],
      file: { publicKey: crypto.createPublicKey(key).export({ type: 'spki', format: 'pem' }), privateKey: key.export({ type: 'pkcs1', format: 'pem' }) },
    });
    // A key sshpk cannot read: both wrap the error in the same words.
    expect(() => bundled('garbage', undefined, keyFile, passphraseFile)).toThrow(/^Failed to read file contents, error: KeyParseError: Failed to parse \(unnamed\) as a valid auto format key/);
    expect(() => real('garbage', undefined, keyFile, passphraseFile)).toThrow(/^Failed to read file contents, error: KeyParseError: Failed to parse \(unnamed\) as a valid auto format key/);
  });
});
