/** Shared set-up for the emulator tests: temp dirs, throwaway credentials, SDK clients with real signing. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as common from 'oci-common';
import { createApiKey, LocalApiKey } from '../../lib/emulators/common';

export function tempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** One API key for the whole test file (RSA key generation takes tens of ms). */
export const testApiKey: LocalApiKey = createApiKey('ocid1.tenancy.oc1..testtenancy', 'ocid1.user.oc1..testuser');

export function apiKeyProvider(key: LocalApiKey = testApiKey): common.SimpleAuthenticationDetailsProvider {
  return new common.SimpleAuthenticationDetailsProvider(key.tenancyId, key.userId, key.fingerprint, key.privateKeyPem, null, common.Region.US_ASHBURN_1);
}

/** The emulators' `auth` option trusting `testApiKey` (and, optionally, an RPST issuer). */
export function trusting(issuerPublicKey?: string) {
  return { apiKeys: { [testApiKey.keyId]: testApiKey.publicKeyPem }, ...(issuerPublicKey ? { issuerPublicKey } : {}) };
}

/** Runs `fn` with `env` merged into process.env, restoring the previous values afterwards. */
export async function withEnv<T>(env: Record<string, string>, fn: () => Promise<T> | T): Promise<T> {
  const previous = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return await fn();
  } finally {
    for (const [k, v] of Object.entries(previous)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** No retries: a test that injects a fault wants to see exactly one attempt unless it says otherwise. */
export const noRetry = { retryConfiguration: { terminationStrategy: new common.MaxAttemptsTerminationStrategy(1) } };

/** Fast retries, so tests that rely on the SDK retrying stay quick. */
export const fastRetry = (attempts = 4) => ({
  retryConfiguration: {
    terminationStrategy: new common.MaxAttemptsTerminationStrategy(attempts),
    delayStrategy: new common.FixedTimeDelayStrategy(0.01),
  },
});

export const b64 = (text: string | Buffer) => Buffer.from(text).toString('base64');
export const unb64 = (text: string) => Buffer.from(text, 'base64');

/** The SDK error's status and service code, for assertions. */
export async function failureOf(promise: Promise<unknown>): Promise<{ statusCode?: number; serviceCode?: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { statusCode?: number; serviceCode?: string; message: string };
    return { statusCode: e.statusCode, serviceCode: e.serviceCode, message: e.message };
  }
  throw new Error('expected the call to fail');
}

/**
 * An SDK HttpClient that signs with the real DefaultRequestSigner but lets a test change the request before or
 * after signing (wrong dates, tampered bodies), then sends it with fetch like the SDK's FetchHttpClient.
 */
export function interceptingHttpClient(
  provider: common.AuthenticationDetailsProvider,
  hooks: {
    beforeSigning?: (req: common.HttpRequest) => void;
    afterSigning?: (req: common.HttpRequest) => void;
    /** Sees each raw response (e.g. headers the SDK does not map). */
    onResponse?: (res: Response) => void;
  },
): common.HttpClient {
  const signer = new common.DefaultRequestSigner(provider);
  return {
    async send(req: common.HttpRequest, forceExcludeBody = false): Promise<Response> {
      hooks.beforeSigning?.(req);
      await signer.signHttpRequest(req, forceExcludeBody);
      hooks.afterSigning?.(req);
      const response = await fetch(new Request(req.uri, { method: req.method, headers: req.headers, body: req.body as BodyInit | undefined, duplex: 'half' } as RequestInit));
      hooks.onResponse?.(response);
      return response;
    },
  };
}

/** The SDK's retrier console.warns every failed attempt; keep test output readable. */
export function silenceSdkWarnings(): void {
  beforeAll(() => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    jest.spyOn(console, 'debug').mockImplementation(() => undefined);
  });
  afterAll(() => jest.restoreAllMocks());
}

/**
 * ObjectStorageClient turns on a circuit breaker by default (opens at 80 % errors after 10 calls); tests that
 * provoke many errors switch it off at the client level.
 */
export const noCircuitBreaker: common.ClientConfiguration = { circuitBreaker: { noCircuit: true } as unknown as common.CircuitBreaker };
