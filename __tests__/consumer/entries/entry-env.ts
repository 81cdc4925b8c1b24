/**
 * Object Storage and Streaming emulators that trust one local identity issuer (resource principal tokens) and one
 * API key (the test's own uploads and publishes), for running the consumer entries as the cloud runs them: with a
 * resource principal and nothing else.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import * as common from 'oci-common';
import * as objectstorage from 'oci-objectstorage';
import * as streaming from 'oci-streaming';
import { encodeClaimMessage } from '../../../lib/contract';
import { CONSUMER_CONFIG_KEYS as K } from '../../../lib/contract/consumer-config';
import { createApiKey, createIssuerKeyPair, createLocalResourcePrincipal, IssuerKeyPair, ObjectStorageEmulator, StreamingEmulator } from '../../../lib/emulators';
import { makeClaim } from '../helpers';

export const NS = 'entryns';
export const STREAM = 'ocid1.stream.oc1.iad.entrytests';

export class EntryEnv {
  public static async start(partitions = 1): Promise<EntryEnv> {
    const issuer = createIssuerKeyPair();
    const key = createApiKey();
    const auth = { apiKeys: { [key.keyId]: key.publicKeyPem }, issuerPublicKey: issuer.publicKeyPem };
    const dir = mkdtempSync(join(tmpdir(), 'entry-env-'));
    const os = await ObjectStorageEmulator.start({ namespace: NS, buckets: ['landing', 'state'], auth, dataDir: join(dir, 'os') });
    const st = await StreamingEmulator.start({ streams: [{ id: STREAM, name: 'claims', partitions }], auth, dataDir: join(dir, 'st') });
    const provider = new common.SimpleAuthenticationDetailsProvider(key.tenancyId, key.userId, key.fingerprint, key.privateKeyPem, null, common.Region.US_ASHBURN_1);
    return new EntryEnv(dir, issuer, os, st, provider);
  }

  private constructor(
    public readonly dir: string,
    public readonly issuer: IssuerKeyPair,
    public readonly os: ObjectStorageEmulator,
    public readonly st: StreamingEmulator,
    private readonly provider: common.AuthenticationDetailsProvider,
  ) {}

  /** OCI_RESOURCE_PRINCIPAL_* (files, as OCI mounts them) for a resource of `resourceType`, signed by `issuer`. */
  public resourcePrincipal(resourceType: string, issuer: IssuerKeyPair = this.issuer): Record<string, string> {
    const name = `rp-${resourceType}-${Math.random().toString(16).slice(2)}`;
    return createLocalResourcePrincipal({
      issuerKey: issuer,
      resourceType,
      resourceId: `ocid1.${resourceType}.oc1.iad.${name.replace(/[^a-z0-9]/g, '')}`,
      writeToDirectory: join(this.dir, name),
    }).env;
  }

  /** The configuration the fleet construct writes, with these emulators' endpoints. */
  public fleetConfig(group = 'entry-tests'): Record<string, string> {
    return {
      [K.streamId]: STREAM,
      [K.messagesEndpoint]: this.st.endpoint,
      [K.bucketNamespace]: NS,
      [K.bucketName]: 'landing',
      [K.stateBucketName]: 'state',
      [K.groupName]: group,
      [K.auth]: 'resource_principal',
      [K.objectStorageEndpoint]: this.os.endpoint,
      [K.pollIntervalMs]: '100',
      [K.groupCursorTimeoutMs]: '5000',
      [K.retryBaseMs]: '50',
      [K.retryMaxMs]: '500',
    };
  }

  /** Uploads an object and publishes its claim, as the pipeline would. */
  public async upload(name: string, content = `content of ${name}`): Promise<void> {
    const os = new objectstorage.ObjectStorageClient({ authenticationDetailsProvider: this.provider });
    os.endpoint = this.os.endpoint;
    const body = Buffer.from(content);
    const { eTag } = await os.putObject({ namespaceName: NS, bucketName: 'landing', objectName: name, putObjectBody: Readable.from([body]), contentLength: body.length });
    os.close();
    const message = encodeClaimMessage(makeClaim({ namespace: NS, bucket: 'landing', object: name, etag: eTag }));
    const stream = new streaming.StreamClient({ authenticationDetailsProvider: this.provider });
    stream.endpoint = this.st.endpoint;
    await stream.putMessages({ streamId: STREAM, putMessagesDetails: { messages: [{ key: message.key.toString('base64'), value: message.value.toString('base64') }] } });
    stream.close();
  }

  public async stop(): Promise<void> {
    await Promise.all([this.os.stop(), this.st.stop()]);
    rmSync(this.dir, { recursive: true, force: true });
  }
}
