/**
 * The priming invocation the image build runs (CLAIMCHECK_PRIME=1, lib/oci/container-image.ts codeCacheDockerfileLines):
 * the function answers one object event exactly as in production (the FDK's unix socket, our handler, the OCI SDK's
 * request signing and sending), so that V8 has compiled every function of that path when start.cjs writes the code
 * cache at exit. Each cold start then skips compiling them: measured on Node 22, spawn → first answer 165 → 140 ms
 * (bench/function.mjs).
 *
 * Nothing leaves the build container and nothing real is used: the "stream" is a loopback HTTP server in this process
 * that answers PutMessages as OCI Streaming documents it (below), and the credentials are a resource principal made up
 * here (a fresh RSA key; a session token that no service would accept). Every variable the function's configuration
 * reads is replaced first, so an OCI_* or STREAM_* variable in the build's environment is never used.
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { FUNCTION_CONFIG_KEYS } from '../lib/contract';

const PRIME_STREAM_ID = 'ocid1.stream.oc1.iad.primingonly';
const PRIME_TIMEOUT_MS = 30_000;

export interface PrimeResult {
  /** The function's answer to the priming event. */
  answer: { status: number; body: string };
  /** PutMessages requests the loopback stream received (one: no retry, nothing sent anywhere else). */
  putMessages: number;
}

/**
 * Replaces the function's configuration with the loopback stream and a made-up resource principal, starts the
 * function with `serve` (fdk.handle, as func.ts does) on a socket in a temp directory, sends it one createobject
 * event and resolves with its answer. Rejects when the function does not publish it.
 */
export async function primeOnce(serve: () => void): Promise<PrimeResult> {
  const stream = await startLoopbackStream();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimcheck-prime-'));
  try {
    const socketPath = path.join(dir, 'lsnr.sock');
    for (const name of Object.keys(process.env)) {
      if (name.startsWith('OCI_') || name.startsWith('FN_') || Object.values<string>(FUNCTION_CONFIG_KEYS).includes(name)) delete process.env[name];
    }
    Object.assign(process.env, madeUpResourcePrincipal(), {
      [FUNCTION_CONFIG_KEYS.streamId]: PRIME_STREAM_ID,
      [FUNCTION_CONFIG_KEYS.streamEndpoint]: stream.endpoint,
      [FUNCTION_CONFIG_KEYS.maxAttempts]: '1',
      FN_FORMAT: 'http-stream',
      FN_LISTENER: `unix:${socketPath}`,
    });
    serve();
    await waitFor(() => fs.existsSync(socketPath), 'the function to listen');
    const answer = await invoke(socketPath, JSON.stringify(primeEvent()));
    if (answer.status !== 200 || !answer.body.includes('"published"')) {
      throw new Error(`the priming invocation was not published: ${answer.status} ${answer.body}`);
    }
    return { answer, putMessages: stream.received() };
  } finally {
    stream.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A resource principal (version 2.2) as OCI Functions sets it, made up: the session key is fresh and the token's
 * signature is not one any service would accept. The SDK only decodes the token (its expiry; res_* claims).
 */
function madeUpResourcePrincipal(): Record<string, string> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
  const now = Math.floor(Date.now() / 1000);
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const claims = { sub: 'ocid1.fnfunc.oc1.iad.priming', res_type: 'fnfunc', res_id: 'ocid1.fnfunc.oc1.iad.priming', res_tenant: 'ocid1.tenancy.oc1..priming', res_compartment: 'ocid1.tenancy.oc1..priming', iat: now, exp: now + 3600, jti: randomUUID() };
  return {
    OCI_RESOURCE_PRINCIPAL_VERSION: '2.2',
    OCI_RESOURCE_PRINCIPAL_RPST: `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims)}.${Buffer.from('priming only').toString('base64url')}`,
    OCI_RESOURCE_PRINCIPAL_PRIVATE_PEM: privateKey,
    OCI_RESOURCE_PRINCIPAL_REGION: 'us-ashburn-1',
  };
}

/** An Object Storage createobject event (the envelope lambda-src/event.ts reads) for an object that does not exist. */
function primeEvent(): object {
  return {
    eventType: 'com.oraclecloud.objectstorage.createobject',
    cloudEventsVersion: '0.1',
    eventTypeVersion: '2.0',
    source: 'ObjectStorage',
    eventTime: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    contentType: 'application/json',
    eventID: randomUUID(),
    extensions: { compartmentId: 'ocid1.compartment.oc1..priming' },
    data: {
      compartmentId: 'ocid1.compartment.oc1..priming',
      compartmentName: 'priming',
      resourceName: 'priming/object',
      resourceId: '/n/primingns/b/priming-bucket/o/priming/object',
      availabilityDomain: 'all',
      freeFormTags: {},
      definedTags: {},
      additionalDetails: { bucketName: 'priming-bucket', archivalState: 'Available', namespace: 'primingns', bucketId: 'ocid1.bucket.oc1.iad.priming', eTag: randomUUID() },
    },
  };
}

/**
 * A stand-in for the stream pool's messages endpoint on 127.0.0.1: every POST to
 * /20180418/streams/{id}/messages is acknowledged, one entry per message, in PutMessages' documented response shape
 * (PutMessagesResult: `failures`, `entries[]` with `partition`, `offset`, `timestamp`;
 * https://docs.oracle.com/iaas/api/#/en/streaming/20180418/datatypes/PutMessagesResult). Anything else is a 404.
 */
async function startLoopbackStream(): Promise<{ endpoint: string; received: () => number; close: () => void }> {
  let received = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.method !== 'POST' || !/^\/20180418\/streams\/[^/]+\/messages$/.test(req.url ?? '')) {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"code":"NotAuthorizedOrNotFound","message":"priming stand-in"}');
        return;
      }
      received += 1;
      const { messages = [] } = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { messages?: unknown[] };
      const timestamp = new Date().toISOString();
      const body = JSON.stringify({ failures: 0, entries: messages.map((_, offset) => ({ partition: '0', offset, timestamp })) });
      res.writeHead(200, { 'content-type': 'application/json', 'opc-request-id': randomUUID() }).end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { endpoint: `http://127.0.0.1:${port}`, received: () => received, close: () => server.close() };
}

function invoke(socketPath: string, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        socketPath,
        path: '/call',
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Fn-Call-Id': 'priming', 'Fn-Deadline': new Date(Date.now() + PRIME_TIMEOUT_MS).toISOString() },
        timeout: PRIME_TIMEOUT_MS,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('the priming invocation timed out')));
    req.on('error', reject);
    req.end(body);
  });
}

async function waitFor(ready: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + PRIME_TIMEOUT_MS;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
