import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as common from 'oci-common';
import { newAuthProvider } from '../../lib/runtime/auth-provider';

describe('newAuthProvider', () => {
  const dir = mkdtempSync(join(tmpdir(), 'auth-provider-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('returns the provider it is given, whatever auth says', async () => {
    const given = new common.SimpleAuthenticationDetailsProvider('t', 'u', 'f', 'k', null, common.Region.US_ASHBURN_1);
    await expect(newAuthProvider({ authenticationDetailsProvider: given, auth: 'instance_principal' })).resolves.toBe(given);
  });

  it('builds an API-key provider from a config file profile (the default kind)', async () => {
    const key = join(dir, 'key.pem');
    writeFileSync(key, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const config = join(dir, 'config');
    writeFileSync(config, `[OTHER]\nuser=ocid1.user.oc1..u\nfingerprint=aa:bb\ntenancy=ocid1.tenancy.oc1..t\nregion=eu-frankfurt-1\nkey_file=${key}\n`);
    const provider = await newAuthProvider({ configFile: config, configProfile: 'OTHER' });
    expect(provider).toBeInstanceOf(common.ConfigFileAuthenticationDetailsProvider);
    expect(await provider.getKeyId()).toBe('ocid1.tenancy.oc1..t/ocid1.user.oc1..u/aa:bb');
  });

  it('a resource principal needs its environment variables; an unknown kind is refused', async () => {
    const saved = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('OCI_RESOURCE_PRINCIPAL')));
    for (const k of Object.keys(saved)) delete process.env[k];
    try {
      await expect(newAuthProvider({ auth: 'resource_principal' })).rejects.toThrow();
    } finally {
      Object.assign(process.env, saved);
    }
    await expect(newAuthProvider({ auth: 'magic' as never })).rejects.toThrow(/Unknown auth "magic"/);
  });
});
