import { configFor, normalizeRegion, readConfig, realmDomainFor } from '../../lambda-src/config';
import { ConfigError } from '../../lambda-src/errors';

const base = { STREAM_OCID: 'ocid1.stream.oc1.iad.x', STREAM_ENDPOINT: 'https://cell-1.streaming.us-ashburn-1.oci.oraclecloud.com' };

function configError(env: Record<string, string>): ConfigError {
  try {
    readConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('readConfig', () => {
  it('defaults to resource principal auth, region from OCI_RESOURCE_PRINCIPAL_REGION, no attempt cap', () => {
    expect(readConfig({ ...base, OCI_RESOURCE_PRINCIPAL_REGION: 'iad' })).toEqual({
      streamId: 'ocid1.stream.oc1.iad.x',
      streamEndpoint: 'https://cell-1.streaming.us-ashburn-1.oci.oraclecloud.com',
      auth: 'resource_principal',
      configFile: null,
      configProfile: null,
      region: 'us-ashburn-1',
      maxAttempts: null,
      objectFilters: null,
    });
  });

  it('lets OCI_REGION override the resource principal region', () => {
    expect(readConfig({ ...base, OCI_REGION: 'eu-frankfurt-1', OCI_RESOURCE_PRINCIPAL_REGION: 'iad' }).region).toBe('eu-frankfurt-1');
  });

  it('reads config_file auth, the attempt cap, and strips a trailing slash or /20180418 from the endpoint', () => {
    const config = readConfig({
      ...base,
      STREAM_ENDPOINT: 'http://127.0.0.1:4000/20180418/',
      OCI_AUTH: 'CONFIG_FILE',
      OCI_CONFIG_FILE: '/etc/oci/config',
      OCI_CONFIG_PROFILE: 'PUBLISHER',
      PUBLISH_MAX_ATTEMPTS: '5',
    });
    expect(config).toMatchObject({
      streamEndpoint: 'http://127.0.0.1:4000', auth: 'config_file', configFile: '/etc/oci/config', configProfile: 'PUBLISHER', maxAttempts: 5, region: null,
    });
  });

  it.each([
    [{ STREAM_ENDPOINT: base.STREAM_ENDPOINT }, 'STREAM_OCID', 'Missing required configuration STREAM_OCID'],
    [{ STREAM_OCID: 'x', STREAM_ENDPOINT: '  ' }, 'STREAM_ENDPOINT', 'Missing required configuration STREAM_ENDPOINT'],
    [{ ...base, STREAM_ENDPOINT: 'cell-1.streaming' }, 'STREAM_ENDPOINT', 'must be an absolute URL'],
    [{ ...base, STREAM_ENDPOINT: 'ftp://x' }, 'STREAM_ENDPOINT', 'http(s)'],
    [{ ...base, OCI_AUTH: 'api_key' }, 'OCI_AUTH', 'resource_principal, config_file, instance_principal'],
    [{ ...base, PUBLISH_MAX_ATTEMPTS: '0' }, 'PUBLISH_MAX_ATTEMPTS', 'positive integer'],
    [{ ...base, PUBLISH_MAX_ATTEMPTS: 'three' }, 'PUBLISH_MAX_ATTEMPTS', 'positive integer'],
    [{ ...base, OCI_REGION: 'us ashburn' }, 'OCI_REGION', 'region id'],
  ])('%j → ConfigError naming %s', (env, variable, text) => {
    const error = configError(env);
    expect(error.variable).toBe(variable);
    expect(error.message).toContain(text);
  });
});

describe('configFor (the handler reads the configuration once per container)', () => {
  test('the same object while the variables it reads keep their values, whatever object carries them', () => {
    const first = configFor({ ...base, OCI_REGION: 'iad' });
    expect(first).toEqual(readConfig({ ...base, OCI_REGION: 'iad' }));
    expect(Object.isFrozen(first)).toBe(true);
    expect(configFor({ ...base, OCI_REGION: 'iad', HOSTNAME: 'another-container', FN_CALL_ID: 'x' })).toBe(first);
  });

  test('a changed, added or removed variable is read anew', () => {
    const first = configFor({ ...base, OCI_REGION: 'iad' });
    const region = configFor({ ...base, OCI_REGION: 'fra' });
    expect(region).not.toBe(first);
    expect(region.region).toBe('eu-frankfurt-1');
    expect(configFor({ ...base, OCI_REGION: 'fra', PUBLISH_MAX_ATTEMPTS: '3' }).maxAttempts).toBe(3);
    expect(configFor({ ...base, OCI_REGION: 'fra' }).maxAttempts).toBeNull();
    expect(configFor({ ...base, OCI_RESOURCE_PRINCIPAL_REGION: 'phx' }).region).toBe('us-phoenix-1');
  });

  test('an error is not remembered: thrown again at every read, then gone once the variable is fixed', () => {
    const broken = { ...base, PUBLISH_MAX_ATTEMPTS: '0' };
    expect(() => configFor(broken)).toThrow(/PUBLISH_MAX_ATTEMPTS must be a positive integer/);
    expect(() => configFor(broken)).toThrow(/PUBLISH_MAX_ATTEMPTS must be a positive integer/);
    expect(configFor({ ...base, PUBLISH_MAX_ATTEMPTS: '2' }).maxAttempts).toBe(2);
  });
});

describe('regions', () => {
  it('maps short codes to region ids and passes unknown ids through', () => {
    expect(normalizeRegion('PHX')).toBe('us-phoenix-1');
    expect(normalizeRegion('us-ashburn-1')).toBe('us-ashburn-1');
    expect(normalizeRegion('xx-newregion-9')).toBe('xx-newregion-9');
  });

  it('knows the realm domain of a region (default oraclecloud.com)', () => {
    expect(realmDomainFor('us-ashburn-1')).toBe('oraclecloud.com');
    expect(realmDomainFor('us-langley-1')).toBe('oraclegovcloud.com');
    expect(realmDomainFor('xx-newregion-9')).toBe('oraclecloud.com');
  });
});

describe('OBJECT_FILTERS', () => {
  const base = { STREAM_OCID: 'ocid1.stream.oc1.iad.x', STREAM_ENDPOINT: 'https://cell-1.streaming.us-ashburn-1.oci.oraclecloud.com' };

  it('is absent by default, and parsed per bucket when set', () => {
    expect(readConfig(base).objectFilters).toBeNull();
    const filters = { landing: { include: [{ prefix: 'in/' }], exclude: [{ suffix: '.tmp' }] } };
    expect(readConfig({ ...base, OBJECT_FILTERS: JSON.stringify(filters) }).objectFilters).toEqual(filters);
  });

  it('a broken value is a ConfigError naming the variable and the pattern', () => {
    expect(() => readConfig({ ...base, OBJECT_FILTERS: '{not json' })).toThrow(expect.objectContaining({ name: 'ConfigError', variable: 'OBJECT_FILTERS', message: expect.stringMatching(/^OBJECT_FILTERS is not JSON/) }));
    expect(() => readConfig({ ...base, OBJECT_FILTERS: JSON.stringify({ landing: { include: [{}] } }) })).toThrow(/OBJECT_FILTERS landing\.include\[0\]: give a prefix, a suffix or a wildcard/);
    expect(() => readConfig({ ...base, OBJECT_FILTERS: '[]' })).toThrow(/OBJECT_FILTERS must be a JSON object/);
  });
});
