/** What a consumer works with, built once from its options: SDK clients, the dead-letter sink, its dedupe state. */
import { parseClaimMessage } from '../contract';
import { ClaimLedger } from './claim-ledger';
import {
  createAuthProvider,
  createObjectStorageClient,
  createStreamClient,
  ObjectStorageApi,
  StreamApi,
} from './clients';
import { BucketDeadLetterSink, DeadLetterSink, StreamDeadLetterSink } from './dead-letter';
import { dedupeKey, ObjectStorageProcessedStore, ProcessedClaimStore } from './dedupe';
import { defaultLogger } from './logger';
import { ClaimCheckConsumerOptions, ConsumerSettings, DedupeOption, isBucketDestination, isStoreInstance, isStreamDestination } from './options';
import { BucketProgressStore } from './progress-store';
import type { BucketRef, ConsumerStats } from './types';

export interface ConsumerResources {
  stream: StreamApi;
  objectStorage: ObjectStorageApi;
  sink: DeadLetterSink;
  ledger: ClaimLedger | null;
  store: ProcessedClaimStore | null;
  ownPrefixes: Array<BucketRef & { prefix: string }>;
}

const DEFAULT_STATE_PREFIX = 'claim-check/';

export async function buildResources(
  o: ClaimCheckConsumerOptions,
  settings: ConsumerSettings,
  identity: { group: string; instance: string },
  counters: ConsumerStats,
): Promise<ConsumerResources> {
  const needsProvider = !o.clients?.stream || !o.clients?.objectStorage || (isStreamDestination(o.deadLetter) && !o.clients?.deadLetterStream);
  const provider = needsProvider ? await createAuthProvider(o) : null;
  // The SDK's own lines (oci-sdk.*) go to the consumer's sink, outside its claim-consumer namespace.
  const sdkLogger = o.logger ?? defaultLogger;
  const stream = o.clients?.stream ?? createStreamClient(provider!, o.messagesEndpoint, o.clientConfiguration, sdkLogger);
  const objectStorage = o.clients?.objectStorage ?? createObjectStorageClient(provider!, o.objectStorageEndpoint, o.clientConfiguration, sdkLogger);
  const ownPrefixes: ConsumerResources['ownPrefixes'] = [];

  let sink: DeadLetterSink;
  if (isBucketDestination(o.deadLetter)) {
    const bucketSink = new BucketDeadLetterSink(objectStorage, o.deadLetter);
    ownPrefixes.push({ namespace: o.deadLetter.namespace, bucket: o.deadLetter.bucket, prefix: bucketSink.prefix });
    sink = bucketSink;
  } else if (isStreamDestination(o.deadLetter)) {
    const api = o.clients?.deadLetterStream ?? createStreamClient(provider!, o.deadLetter.messagesEndpoint, o.clientConfiguration, sdkLogger);
    sink = new StreamDeadLetterSink(api, o.deadLetter, { clock: settings.clock });
  } else {
    sink = o.deadLetter;
  }

  const dedupe: DedupeOption = o.dedupe ?? defaultDedupe(o);
  if (dedupe === false) return { stream, objectStorage, sink, ledger: null, store: null, ownPrefixes };

  let progress: BucketProgressStore | null = null;
  let store: ProcessedClaimStore | null = null;
  if (isStoreInstance(dedupe)) {
    store = dedupe;
  } else if (dedupe.kind === 'bucket' || dedupe.kind === 'markers') {
    const where = { client: objectStorage, namespace: dedupe.namespace, bucket: dedupe.bucket, prefix: dedupe.prefix ?? DEFAULT_STATE_PREFIX };
    progress = new BucketProgressStore({ ...where, group: identity.group, instance: identity.instance, streamId: o.streamId });
    ownPrefixes.push({ namespace: dedupe.namespace, bucket: dedupe.bucket, prefix: progress.recordPrefix });
    // The reconciler keeps its listing position beside the group's records (lib/reconciler/position-store.ts).
    ownPrefixes.push({ namespace: dedupe.namespace, bucket: dedupe.bucket, prefix: `${where.prefix}reconcile/` });
    if (dedupe.kind === 'markers') {
      const markers = new ObjectStorageProcessedStore({ ...where, group: identity.group });
      ownPrefixes.push({ namespace: dedupe.namespace, bucket: dedupe.bucket, prefix: markers.markerPrefix });
      store = markers;
    }
  }
  const ledger = new ClaimLedger({
    store: progress,
    history: { stream, streamId: o.streamId },
    keyOf: (message) => {
      const parsed = parseClaimMessage(message);
      return parsed.ok ? dedupeKey(parsed.claim) : null;
    },
    windowSize: settings.dedupeWindow,
    checkpointIntervalMs: settings.checkpointIntervalMs,
    logger: settings.logger,
    onCheckpoint: () => void counters.checkpoints++,
    onCheckpointFailure: () => void counters.markerFailures++,
  });
  return { stream, objectStorage, sink, ledger, store, ownPrefixes };
}

function defaultDedupe(o: ClaimCheckConsumerOptions): DedupeOption {
  if (isBucketDestination(o.deadLetter)) return { kind: 'bucket', namespace: o.deadLetter.namespace, bucket: o.deadLetter.bucket, prefix: DEFAULT_STATE_PREFIX };
  throw new Error('dedupe is required when dead letters do not go to a bucket');
}
