/**
 * OCI Streaming data plane, locally: `await StreamingEmulator.start({ streams: [{ id, name, partitions }] })`,
 * then point a real `StreamClient` at it with `client.endpoint = emulator.endpoint`.
 * See lib/emulators/README.md for what is emulated and what is not.
 */
import type { IssuerKeyPair } from '../common/resource-principal';
import type { CredentialStore } from '../common/credential-store';
import { clockSkewOf, CommonEmulatorOptions, credentialsFor } from '../common/emulator-options';
import { EmulatorServer } from '../common/emulator-server';
import { FaultInjector } from '../common/fault-injector';
import { resolveDataDir } from '../common/state-dir';
import type { StreamConfig } from './emulated-stream';
import type { StoredMessage } from './partition-log';
import { StreamRegistry } from './stream-registry';
import { streamingRoutes } from './streaming-routes';

/** Options of `StreamingEmulator`: its streams, clock and cursor lifetime. */
export interface StreamingEmulatorOptions extends CommonEmulatorOptions {
  /** The streams that exist (the emulator creates none on demand). */
  readonly streams: readonly StreamConfig[];
  /** Clock for timestamps, cursor expiry and instance timeouts (tests). @default Date.now */
  readonly clock?: () => number;
  /**
   * How long a cursor stays valid after it is issued. OCI: 5 minutes (CreateCursor API reference); tests of
   * consumers whose work outlasts a cursor shorten it instead of waiting 5 real minutes.
   * @default 300000
   */
  readonly cursorTtlMs?: number;
}

/** A stored message, as `readAll` returns it. */
export interface StreamMessage {
  /** Partition number as a string, as on the wire. */
  readonly partition: string;
  readonly offset: number;
  readonly key: Buffer | null;
  readonly value: Buffer;
  readonly timestamp: Date;
}

/** OCI Streaming (data plane), locally: point a real `StreamClient` at `endpoint`. */
export class StreamingEmulator {
  public static async start(options: StreamingEmulatorOptions): Promise<StreamingEmulator> {
    const dataDir = resolveDataDir(options.dataDir, 'streaming');
    const registry = new StreamRegistry(dataDir, options.streams);
    const credentials = credentialsFor(options.auth, dataDir);
    const faults = new FaultInjector();
    try {
      const server = await EmulatorServer.listen({
        service: 'streaming',
        routes: streamingRoutes(registry, options.clock ?? Date.now, options.cursorTtlMs),
        credentials,
        maxClockSkewSeconds: clockSkewOf(options.auth),
        faults,
        port: options.port,
        host: options.host,
        health: () => ({ streams: registry.all().map((s) => ({ id: s.id, name: s.name, partitions: s.partitions.length })) }),
      });
      return new StreamingEmulator(server, registry, dataDir, faults, credentials);
    } catch (error) {
      registry.close();
      throw error;
    }
  }

  private constructor(
    private readonly server: EmulatorServer,
    private readonly registry: StreamRegistry,
    /** Where messages and committed offsets are kept. */
    public readonly dataDir: string,
    /** Switch faults on and off at runtime. */
    public readonly faults: FaultInjector,
    /** Trusted keys (add API keys at runtime); null when started with `auth: 'none'`. */
    public readonly credentials: CredentialStore | null,
  ) {}

  /** e.g. `http://127.0.0.1:40123`; the SDK adds `/20180418` itself. */
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

  /** Every stored message of a stream, by partition then offset, in one array (tests and diagnostics). */
  public readAll(streamId: string): StreamMessage[] {
    return this.registry.stream(streamId).readAll().map(toStreamMessage);
  }

  /** Every stored message of a stream, by partition then offset, read from disk as it is iterated (any length). */
  public *messages(streamId: string): Generator<StreamMessage> {
    for (const message of this.registry.stream(streamId).messages()) yield toStreamMessage(message);
  }

  /** How many messages a stream holds (no reading: the partitions' next offsets, summed). */
  public messageCount(streamId: string): number {
    return this.registry.stream(streamId).messageCount();
  }

  public async stop(): Promise<void> {
    await this.server.close();
    this.registry.close();
  }
}

function toStreamMessage(m: StoredMessage): StreamMessage {
  return { partition: String(m.partition), offset: m.offset, key: m.key, value: m.value, timestamp: new Date(m.timestamp) };
}
