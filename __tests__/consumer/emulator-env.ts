/**
 * Object Storage and Streaming emulators with a throwaway API key, real SDK clients with real request signing,
 * and consumers started against them; a fresh set per test (`useEmulatorEnv()` registers the hooks). Claims are
 * built with the function's own claim builder (lambda-src/claim-check.ts), so the wire format is the real one.
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import { Readable } from 'node:stream';
import * as common from 'oci-common';
import * as objectstorage from 'oci-objectstorage';
import * as streaming from 'oci-streaming';
import { ClaimCheck, encodeClaimMessage } from '../../lib/contract';
import { apiKeyFingerprint, ObjectStorageEmulator, StreamingEmulator } from '../../lib/emulators';
import { ClaimCheckConsumer, ClaimCheckConsumerOptions, ClaimOutcome, ConsumerLogger } from '../../lib/consumer';
import { makeClaim, waitFor } from './helpers';

export const NS = 'testns';
export const STREAM = 'ocid1.stream.oc1.iad.claimchecks';
export const DLQ_STREAM = 'ocid1.stream.oc1.iad.deadletters';
export const PARTITIONS = 4;
const TENANCY = 'ocid1.tenancy.oc1..consumertests';
const USER = 'ocid1.user.oc1..consumertests';

// A throwaway RSA key; keyId = <tenancy>/<user>/<fingerprint>.
const { privateKey, publicKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});
const FINGERPRINT = apiKeyFingerprint(publicKey);
export const apiKey = { tenancyId: TENANCY, userId: USER, fingerprint: FINGERPRINT, privateKeyPem: privateKey };
export const provider = new common.SimpleAuthenticationDetailsProvider(TENANCY, USER, FINGERPRINT, privateKey, null, common.Region.US_ASHBURN_1);
const auth = { apiKeys: { [`${TENANCY}/${USER}/${FINGERPRINT}`]: publicKey } };

/** SDK retries with short delays, so fault tests do not wait 1 s, 2 s, 4 s…; no circuit breaker in tests. */
export function fastSdk(maxAttempts = 3): common.ClientConfiguration {
  return {
    retryConfiguration: {
      terminationStrategy: new common.MaxAttemptsTerminationStrategy(maxAttempts),
      delayStrategy: new common.FixedTimeDelayStrategy(0.02),
    },
    circuitBreaker: { noCircuit: true } as common.CircuitBreaker,
  };
}

export interface Started {
  consumer: ClaimCheckConsumer;
  outcomes: ClaimOutcome[];
  events: string[];
  run: Promise<void>;
}

export interface EmulatorEnvOptions {
  /** Shortens the Streaming emulator's 5-minute cursor lifetime. */
  cursorTtlMs?: number;
}

export class EmulatorEnv {
  os!: ObjectStorageEmulator;
  st!: StreamingEmulator;
  osClient!: objectstorage.ObjectStorageClient;
  streamClient!: streaming.StreamClient;
  private readonly running: ClaimCheckConsumer[] = [];

  async start(options: EmulatorEnvOptions = {}): Promise<void> {
    this.os = await ObjectStorageEmulator.start({ namespace: NS, buckets: ['landing', 'payroll', 'ops'], auth });
    this.st = await StreamingEmulator.start({
      streams: [{ id: STREAM, name: 'claimchecks', partitions: PARTITIONS }, { id: DLQ_STREAM, name: 'deadletters' }],
      auth,
      cursorTtlMs: options.cursorTtlMs,
    });
    this.osClient = new objectstorage.ObjectStorageClient({ authenticationDetailsProvider: provider }, fastSdk());
    this.osClient.endpoint = this.os.endpoint;
    this.streamClient = new streaming.StreamClient({ authenticationDetailsProvider: provider }, fastSdk());
    this.streamClient.endpoint = this.st.endpoint;
  }

  async stop(): Promise<void> {
    await Promise.all(this.running.splice(0).map((c) => c.stop()));
    await this.st?.stop();
    await this.os?.stop();
  }

  putObject = async (name: string, data: Buffer | string, bucket = 'landing'): Promise<string> => {
    const body = Buffer.from(data);
    const response = await this.osClient.putObject({
      namespaceName: NS,
      bucketName: bucket,
      objectName: name,
      putObjectBody: Readable.from([body]),
      contentLength: body.length,
      contentType: 'application/octet-stream',
      opcMeta: { source: 'test' },
    });
    return response.eTag;
  };

  /** Publishes claims the way the function does (key namespace/bucket/object, CloudEvents JSON value). */
  publish = async (...claims: ClaimCheck[]): Promise<void> => {
    const messages = claims.map((claim) => {
      const m = encodeClaimMessage(claim);
      return { key: m.key.toString('base64'), value: m.value.toString('base64') };
    });
    const response = await this.streamClient.putMessages({ streamId: STREAM, putMessagesDetails: { messages } });
    if (response.putMessagesResult.failures !== 0) throw new Error(`publish failed: ${JSON.stringify(response.putMessagesResult)}`);
  };

  /** Uploads the object, then publishes its claim (create, with the etag the upload returned). */
  upload = async (name: string, data: Buffer | string = `content of ${name}`, bucket = 'landing'): Promise<ClaimCheck> => {
    const etag = await this.putObject(name, data, bucket);
    const claim = makeClaim({ namespace: NS, bucket, object: name, etag, eventId: `evt-${name}-${etag}` });
    await this.publish(claim);
    return claim;
  };

  getJson = async <T>(bucket: string, name: string): Promise<T> => {
    const response = await this.osClient.getObject({ namespaceName: NS, bucketName: bucket, objectName: name });
    const chunks: Buffer[] = [];
    for await (const chunk of Readable.fromWeb(response.value as never)) chunks.push(chunk as Buffer);
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as T;
  };

  list = async (bucket: string, prefix: string): Promise<string[]> => {
    const response = await this.osClient.listObjects({ namespaceName: NS, bucketName: bucket, prefix });
    return response.listObjects.objects.map((o) => o.name);
  };

  /** Starts a consumer with test-friendly timings; resolves once it holds a group cursor. */
  startConsumer = async (options: Partial<ClaimCheckConsumerOptions> & Pick<ClaimCheckConsumerOptions, 'handler'>): Promise<Started> => {
    const events: string[] = [];
    const logger: ConsumerLogger = { log: (_level, event) => void events.push(event) };
    const consumer = new ClaimCheckConsumer({
      streamId: STREAM,
      messagesEndpoint: this.st.endpoint,
      groupName: 'workers',
      authenticationDetailsProvider: provider,
      objectStorageEndpoint: this.os.endpoint,
      clientConfiguration: fastSdk(),
      allowedBuckets: [{ namespace: NS, bucket: 'landing' }],
      deadLetter: { kind: 'bucket', namespace: NS, bucket: 'ops' },
      pollIntervalMs: 20,
      minGetIntervalMs: 20,
      retryBackoff: { baseDelayMs: 20, maxDelayMs: 200 },
      logger,
      ...options,
    });
    this.running.push(consumer);
    const outcomes: ClaimOutcome[] = [];
    consumer.on('outcome', (o) => outcomes.push(o));
    const run = consumer.run();
    run.catch(() => undefined);
    await waitFor(() => events.includes('claim-consumer.group-cursor'), 10_000, 'group cursor');
    return { consumer, outcomes, events, run };
  };

  /** The group's committed position per partition (GetGroup), as "next offset to read". */
  committedOffsets = async (group = 'workers'): Promise<Record<string, number>> => {
    const response = await this.streamClient.getGroup({ streamId: STREAM, groupName: group });
    return Object.fromEntries(response.group.reservations!.map((r) => [r.partition!, r.committedOffset === undefined ? 0 : r.committedOffset + 1]));
  };

  /** Polls GetGroup until the group's committed offsets reach the end of every partition. */
  waitUntilCommitted = async (timeoutMs = 15_000): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const committed = await this.committedOffsets();
      if (JSON.stringify(committed) === JSON.stringify(this.endOffsets())) return;
      if (Date.now() > deadline) throw new Error(`not committed: ${JSON.stringify(committed)} vs ${JSON.stringify(this.endOffsets())}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  endOffsets = (): Record<string, number> => {
    const ends: Record<string, number> = Object.fromEntries(Array.from({ length: PARTITIONS }, (_, p) => [String(p), 0]));
    for (const m of this.st.readAll(STREAM)) ends[m.partition] = Math.max(ends[m.partition], m.offset + 1);
    return ends;
  };
}

/** A fresh EmulatorEnv for each test of the calling file. */
export function useEmulatorEnv(options: EmulatorEnvOptions = {}): EmulatorEnv {
  const env = new EmulatorEnv();
  beforeEach(async () => {
    await env.start(options);
    // The SDK's retrier console.warns every non-2xx answer (also the expected 404 of an object-gone claim).
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(async () => {
    await env.stop();
    jest.restoreAllMocks();
  });
  return env;
}

/** Wraps an SDK client so each call is recorded as `<method> <bucket>/<object>` (or just `<method>`). */
export function recording<T extends object>(client: T, calls: string[]): T {
  return new Proxy(client, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (request: { bucketName?: string; objectName?: string }) => {
        calls.push(request?.bucketName ? `${String(prop)} ${request.bucketName}/${request.objectName ?? ''}` : String(prop));
        return value.call(target, request);
      };
    },
  });
}

export async function consumeBody(body: Readable): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of body) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
