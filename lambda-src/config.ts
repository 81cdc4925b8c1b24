/**
 * The function's configuration contract (documented in README.md). Everything arrives as environment variables,
 * which the FDK copies into `ctx.config` (`ctx.getConfig()` is broken in the FDK, so it is never used).
 */
import * as common from 'oci-common';
import { FUNCTION_AUTH_MODES, FUNCTION_CONFIG_KEYS as KEYS, FunctionAuthMode, ObjectFiltersByBucket, parseObjectFiltersByBucket, RESOURCE_PRINCIPAL_REGION_VARIABLE } from '../lib/contract';
import { ConfigError } from './errors';

export type AuthMode = FunctionAuthMode;
export const AUTH_MODES: readonly AuthMode[] = FUNCTION_AUTH_MODES;

export interface FunctionConfig {
  /** STREAM_OCID: the stream that receives the claim checks. */
  streamId: string;
  /** STREAM_ENDPOINT: the stream pool's messages endpoint, without the `/20180418` API version. */
  streamEndpoint: string;
  /** OCI_AUTH, default `resource_principal`. */
  auth: AuthMode;
  /** OCI_CONFIG_FILE / OCI_CONFIG_PROFILE, only for `config_file` auth (SDK defaults: ~/.oci/config, DEFAULT). */
  configFile: string | null;
  configProfile: string | null;
  /** OCI_REGION, else OCI_RESOURCE_PRINCIPAL_REGION, normalised to a region id; null = ask the auth provider. */
  region: string | null;
  /** PUBLISH_MAX_ATTEMPTS; null = retry until the invocation deadline. */
  maxAttempts: number | null;
  /** OBJECT_FILTERS: which objects of which source bucket become claims; null = all of them. */
  objectFilters: ObjectFiltersByBucket | null;
}

export type ConfigSource = Readonly<Record<string, string | undefined>>;

export function readConfig(env: ConfigSource): FunctionConfig {
  const auth = (value(env, KEYS.auth) ?? 'resource_principal').toLowerCase();
  if (!AUTH_MODES.includes(auth as AuthMode)) {
    throw new ConfigError(KEYS.auth, `${KEYS.auth} must be one of ${AUTH_MODES.join(', ')}; got ${JSON.stringify(env[KEYS.auth])}`);
  }
  const regionVariable = value(env, KEYS.region) !== null ? KEYS.region : RESOURCE_PRINCIPAL_REGION_VARIABLE;
  const rawRegion = value(env, regionVariable);
  return {
    streamId: required(env, KEYS.streamId),
    streamEndpoint: normalizeEndpoint(required(env, KEYS.streamEndpoint)),
    auth: auth as AuthMode,
    configFile: value(env, KEYS.configFile),
    configProfile: value(env, KEYS.configProfile),
    region: rawRegion === null ? null : normalizeRegion(rawRegion, regionVariable),
    maxAttempts: positiveInteger(env, KEYS.maxAttempts),
    objectFilters: objectFilters(env),
  };
}

/** Every variable readConfig reads: the key of configFor's memory. */
const CONFIG_VARIABLES: readonly string[] = [...Object.values(KEYS), RESOURCE_PRINCIPAL_REGION_VARIABLE];
let remembered: { values: string; config: FunctionConfig } | null = null;

/**
 * readConfig, remembered while the variables it reads keep their values: the same (frozen) object for every event of
 * a container, whose environment is fixed, instead of parsing the endpoint URL and listing the SDK's regions (which
 * stats a file) again per event. A changed value (tests vary them in one process) reads the configuration anew; a
 * configuration error is never remembered, so it is thrown again, naming the variable, at every event.
 */
export function configFor(env: ConfigSource): FunctionConfig {
  const values = JSON.stringify(CONFIG_VARIABLES.map((name) => env[name] ?? null));
  if (remembered?.values === values) return remembered.config;
  const config = Object.freeze(readConfig(env));
  remembered = { values, config };
  return config;
}

/**
 * Region id (e.g. `us-ashburn-1`) from an id or a short code (`iad`): Functions may set
 * OCI_RESOURCE_PRINCIPAL_REGION to either form, and the SDK's own provider accepts both. Unknown ids pass
 * through unchanged (new regions appear before SDK releases know them).
 */
export function normalizeRegion(raw: string, variable: string = KEYS.region): string {
  const text = raw.trim().toLowerCase();
  if (!/^[a-z0-9-]+$/.test(text)) {
    throw new ConfigError(variable, `${variable} must be a region id such as us-ashburn-1; got ${JSON.stringify(raw)}`);
  }
  const byCode = common.Region.values().find((r) => r.regionCode === text);
  return byCode ? byCode.regionId : text;
}

/** The realm's domain for a region (`oraclecloud.com` in the commercial realm OC1, the default for unknown ids). */
export function realmDomainFor(regionId: string): string {
  const region = common.Region.values().find((r) => r.regionId === regionId);
  return region?.realm.secondLevelDomain ?? 'oraclecloud.com';
}

function normalizeEndpoint(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(KEYS.streamEndpoint, `${KEYS.streamEndpoint} must be an absolute URL; got ${JSON.stringify(raw)}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(KEYS.streamEndpoint, `${KEYS.streamEndpoint} must be an http(s) URL; got ${JSON.stringify(raw)}`);
  }
  // The SDK appends "/20180418" itself; tolerate a copy-pasted version suffix or trailing slash.
  return raw.trim().replace(/\/+$/, '').replace(/\/20180418$/, '');
}

function objectFilters(env: ConfigSource): ObjectFiltersByBucket | null {
  const text = value(env, KEYS.objectFilters);
  if (text === null) return null;
  try {
    return parseObjectFiltersByBucket(text);
  } catch (e) {
    throw new ConfigError(KEYS.objectFilters, `${KEYS.objectFilters} ${(e as Error).message}`);
  }
}

function value(env: ConfigSource, name: string): string | null {
  const v = env[name];
  return v === undefined || v.trim() === '' ? null : v.trim();
}

function required(env: ConfigSource, name: string): string {
  const v = value(env, name);
  if (v === null) throw new ConfigError(name, `Missing required configuration ${name}`);
  return v;
}

function positiveInteger(env: ConfigSource, name: string): number | null {
  const v = value(env, name);
  if (v === null) return null;
  if (!/^\d+$/.test(v) || Number(v) < 1) {
    throw new ConfigError(name, `${name} must be a positive integer; got ${JSON.stringify(v)}`);
  }
  return Number(v);
}
