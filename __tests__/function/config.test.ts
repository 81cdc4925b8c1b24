import { normalizeRegion, readConfig, realmDomainFor } from '../../lambda-src/config';
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
