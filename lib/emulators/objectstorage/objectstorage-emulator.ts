/**
 * OCI Object Storage (native API) locally: `await ObjectStorageEmulator.start({ namespace, buckets })`, then point a
 * real `ObjectStorageClient` at it with `client.endpoint = emulator.endpoint`. Object changes are reported to
 * `onObjectChange` listeners, which is how the Events emulator learns about them.
 * See lib/emulators/README.md for what is emulated and what is not.
 */
import { join } from 'node:path';
import type { CredentialStore } from '../common/credential-store';
import { clockSkewOf, CommonEmulatorOptions, credentialsFor } from '../common/emulator-options';
import { EmulatorServer } from '../common/emulator-server';
import { FaultInjector } from '../common/fault-injector';
import type { IssuerKeyPair } from '../common/resource-principal';
import { resolveDataDir, safeSegment } from '../common/state-dir';
import { BucketConfig, BucketStore } from './bucket-store';
import { ObjectChangeEvent, objectStorageRoutes } from './objectstorage-routes';

/** Options of `ObjectStorageEmulator`: the namespace and its buckets. */
export interface ObjectStorageEmulatorOptions extends CommonEmulatorOptions {
  /** The tenancy's Object Storage namespace (GetNamespace answers it; paths must use it). */
  readonly namespace: string;
  /** Buckets that exist; a name alone means an unversioned bucket. */
  readonly buckets: ReadonlyArray<BucketConfig | string>;
}

/** Called after every object change (`onObjectChange`): how the Events emulator learns about them. */
export type ObjectChangeListener = (event: ObjectChangeEvent) => void;

/** OCI Object Storage (native API), locally: point a real `ObjectStorageClient` at `endpoint`. */
export class ObjectStorageEmulator {
  public static async start(options: ObjectStorageEmulatorOptions): Promise<ObjectStorageEmulator> {
    if (!/^[a-z0-9-]{1,64}$/i.test(options.namespace)) throw new Error(`namespace must be letters, digits and dashes; got '${options.namespace}'`);
    const dataDir = resolveDataDir(options.dataDir, 'objectstorage');
    const namespaceDir = join(dataDir, 'objectstorage', safeSegment(options.namespace));
    const buckets = new Map<string, BucketStore>();
    for (const entry of options.buckets) {
      const config = typeof entry === 'string' ? { name: entry } : entry;
      if (buckets.has(config.name)) throw new Error(`bucket ${config.name} is configured twice`);
      buckets.set(config.name, BucketStore.open(namespaceDir, config));
    }
    const credentials = credentialsFor(options.auth, dataDir);
    const faults = new FaultInjector();
    const listeners = new Set<ObjectChangeListener>();
    let server: EmulatorServer;
    try {
      server = await EmulatorServer.listen({
        service: 'objectstorage',
        routes: objectStorageRoutes({ namespace: options.namespace, buckets, notify: (event) => notifyAll(listeners, event) }),
        credentials,
        maxClockSkewSeconds: clockSkewOf(options.auth),
        faults,
        port: options.port,
        host: options.host,
        health: () => ({ namespace: options.namespace, buckets: [...buckets.values()].map((b) => ({ name: b.name, versioning: b.versioning, objects: b.objectCount })) }),
      });
    } catch (error) {
      for (const bucket of buckets.values()) bucket.close();
      throw error;
    }
    return new ObjectStorageEmulator(server, options.namespace, dataDir, faults, credentials, listeners, buckets);
  }

  private constructor(
    private readonly server: EmulatorServer,
    public readonly namespace: string,
    /** Where objects and their metadata are kept. */
    public readonly dataDir: string,
    /** Switch faults on and off at runtime. */
    public readonly faults: FaultInjector,
    /** Trusted keys (add API keys at runtime); null when started with `auth: 'none'`. */
    public readonly credentials: CredentialStore | null,
    private readonly listeners: Set<ObjectChangeListener>,
    private readonly buckets: ReadonlyMap<string, BucketStore>,
  ) {}

  /** e.g. `http://127.0.0.1:40123`; use as-is, Object Storage paths carry no version prefix. */
  public get endpoint(): string {
    return this.server.endpoint;
  }

  public get port(): number {
    return this.server.port;
  }

  /** The local identity created because no `issuerPublicKey` was given: mint resource principal tokens with it. */
  public get localIssuer(): IssuerKeyPair | undefined {
    return this.credentials?.localIssuer;
  }

  /**
   * Calls `listener` after every committed object write or delete, before the response is sent. A listener that
   * throws does not fail the request (it is reported on stderr). Returns a function that unsubscribes.
   */
  public onObjectChange(listener: ObjectChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** What a bucket holds in memory (diagnostics and tests): bounded whatever the number of objects. */
  public bucketMemory(bucket: string): BucketStore['memory'] | undefined {
    return this.buckets.get(bucket)?.memory;
  }

  public async stop(): Promise<void> {
    await this.server.close();
    // Index memtables written out: the next start skips the rebuild from metadata files.
    for (const bucket of this.buckets.values()) bucket.close();
  }
}

function notifyAll(listeners: Set<ObjectChangeListener>, event: ObjectChangeEvent): void {
  for (const listener of listeners) {
    try {
      listener(event);
    } catch (error) {
      console.error(`objectstorage emulator: onObjectChange listener failed: ${(error as Error).stack ?? error}`);
    }
  }
}
