/**
 * ClaimCheckReconciler: lists a bucket and publishes a claim check for every object whose current state no consumer
 * group has a claim for on the stream (or, as a backfill, for every object). Design, costs and limits:
 * lib/reconciler/README.md.
 *
 *   1. partitions of the stream; for each target group, where it counts claims per partition (its progress records)
 *   2. the stream's retained claims → ClaimIndex (8-byte object-state hashes), skipped for a backfill
 *   3. ListObjects pages (fields name,etag,timeModified), `pagesPerSecond` at most, resumed after the saved position:
 *      own state → skip; modified before `since` → skip; state in the index → already claimed; else → claim
 *   4. the page's claims → PutMessages (≤ 1 MiB per request, retried, never dropped) → position saved → next page
 */
import { createHash } from 'node:crypto';
import type * as common from 'oci-common';
import {
  buildClaimCheck,
  ClaimOrigin,
  encodeClaimMessage,
  isRfc3339DateTime,
  matchesObjectFilter,
  ObjectFilter,
  objectFilterProblems,
  ociEventTypeOf,
  StreamMessage,
  STREAMING_LIMITS,
} from '../contract';
import { ClaimIndex, objectStateHash } from './claim-index';
import { ClaimPublisher } from './claim-publisher';
import {
  buildReconcilerClients,
  createReconcilerAuthProvider,
  ListedObject,
  realmDomainFor,
  ReconcilerAuthOptions,
  ReconcilerObjectStorageApi,
  ReconcilerStreamApi,
} from './clients';
import { GroupStarts, readGroupStarts } from './group-progress';
import { BucketPositionStore, PositionRecord, PositionStore, POSITION_FORMAT, RunIdentity, sameRun } from './position-store';
import { readStreamIntoIndex, streamPartitions } from './stream-index';
import { defaultReconcilerLogger, describeError, Pacer, ReconcilerClock, ReconcilerLogger, systemReconcilerClock } from './toolkit';

/** The consumers' state prefix in their state bucket (dead letters, progress records), and the reconciler's. */
export const DEFAULT_STATE_PREFIX = 'claim-check/';
/** ListObjects returns at most 1000 objects per page (ListObjects API reference, `limit`). */
export const MAX_LIST_PAGE_SIZE = 1000;
/** OCI's default (and minimum) stream retention: "The minimum retention period is 24 hours" (Streaming limits). */
export const DEFAULT_RETENTION_HOURS = 24;
/** Subtracted from the retention for the default horizon (see README, "Horizon"). */
export const HORIZON_MARGIN_MS = 60 * 60 * 1000;
/** See `publishRequestBytes`. */
export const DEFAULT_PUBLISH_REQUEST_BYTES = 256 * 1024;

export interface ClaimCheckReconcilerOptions extends ReconcilerAuthOptions {
  /** The bucket to reconcile and its namespace. */
  namespace: string;
  /** Name of the bucket to reconcile. */
  bucket: string;
  /** Only objects whose names start with this (the listing's prefix). @default '' (all) */
  prefix?: string;
  /**
   * The pipeline's object filter (lib/contract/object-filter.ts), the same one its function applies: objects it
   * excludes never get a claim, so they are not republished either. @default every object
   */
  objectFilter?: ObjectFilter;
  /** The claim-check stream and its stream pool's messages endpoint. */
  streamId: string;
  /** The stream pool's messages endpoint (the pipeline's `StreamMessagesEndpoint` output). */
  messagesEndpoint: string;
  /** @default from the provider's region */
  objectStorageEndpoint?: string;
  /** The OCI SDK's client configuration (retries, circuit breaker) for both clients. @default the SDK's */
  clientConfiguration?: common.ClientConfiguration;
  /** Region of the objects, for the claims' objectUrl. @default the provider's region */
  region?: string;
  /** @default from the region (oraclecloud.com for OC1) */
  realmDomain?: string;
  /**
   * Consumer groups a claim must reach: a retained claim counts only from the offset each group began reading its
   * partition at (its progress record's `decidedFrom`). Without groups, every retained claim counts.
   */
  groups?: string[];
  /**
   * The consumers' state bucket (dedupe option of the consumer: where `<prefix>progress/<group>/` records live);
   * required with `groups`. Also where the position is kept by default, and whose `prefix` is skipped when it is the
   * reconciled bucket itself. `namespace` defaults to the reconciled bucket's.
   */
  stateBucket?: { namespace?: string; bucket: string; prefix?: string };
  /**
   * Objects modified before this are left alone (their claims would have aged out of the stream: they were
   * processed, or lost, long ago). @default now − (streamRetentionHours − 1 h)
   */
  since?: Date;
  /** The stream's retention (24 to 168 hours). @default 24 */
  streamRetentionHours?: number;
  /** Publish a claim for every object (own state excepted), claimed or not, whatever its age. @default false */
  backfill?: boolean;
  /** Count what would be republished; publish nothing, save no position. @default false */
  dryRun?: boolean;
  /**
   * Where the listing position is kept. @default a BucketPositionStore in `stateBucket`
   * (`<prefix>reconcile/<bucket>/<run id>.json`), none without a state bucket (a killed run starts over).
   * `false`: none.
   */
  position?: PositionStore | false;
  /** ListObjects page size (1..1000). @default 1000 */
  pageSize?: number;
  /** ListObjects pages per second at most (0 = unpaced). @default 10 */
  pagesPerSecond?: number;
  /** Partitions of the stream. @default found by probing */
  partitions?: number;
  /** GetMessages `limit` while indexing (≤ 10000). @default 1000 */
  getLimit?: number;
  /** Gap between two GetMessages on one partition. @default 250 (4/s, under Streaming's 5 GET/s per partition) */
  minGetIntervalMs?: number;
  /** Partitions read at the same time while indexing. @default 4 */
  readConcurrency?: number;
  /** PutMessages bytes (keys + values) per second at most, all partitions together (0 = unpaced). @default 1000000 */
  publishBytesPerSecond?: number;
  /**
   * Keys + values per PutMessages request, at most 1 MiB (Streaming's request limit). @default 262144 (256 KiB): the
   * SDK (oci-common 2.139.1) enumerates a string body character by character before sending it (`isEmpty` =
   * `Object.keys(body).length`), about 0.8 ms and 70 MB of transient heap per MiB, so smaller requests keep the
   * peak memory down at the same total cost.
   */
  publishRequestBytes?: number;
  /** How long one PutMessages batch may be retried before the run fails (the position stays before it). @default 120000 */
  publishRetryTimeoutMs?: number;
  /** Backoff between PutMessages retries. @default {baseDelayMs: 200, maxDelayMs: 10000} */
  retryBackoff?: { baseDelayMs: number; maxDelayMs: number };
  /** Called after each GetMessages while indexing, when the listing starts, and after each listing page. */
  onProgress?: (progress: ReconcileProgress) => void;
  /** Where log events go. @default JSON lines on stderr, warnings and errors only */
  logger?: ReconcilerLogger;
  /** For tests and custom transports. */
  clients?: { objectStorage: ReconcilerObjectStorageApi; stream: ReconcilerStreamApi };
  /** The clock pacing and retries wait on (tests). @default systemClock */
  clock?: ReconcilerClock;
}

/** What a run did. The first six fields are the summary; the CLI prints the whole object with --json. */
export interface ReconcileResult {
  /** Objects listed (under the prefix, after the resumed position). */
  listed: number;
  /** Listed objects whose current state has a claim that counts (never for a backfill). */
  alreadyClaimed: number;
  /** Claims published (with dryRun: that would have been). */
  republished: number;
  /** Objects under the consumers' state prefix of a state bucket that is the reconciled bucket. */
  skippedOwnState: number;
  /** Objects modified before the horizon (never for a backfill). */
  skippedOutsideHorizon: number;
  /** Objects that could not be handled, plus 1 if the run failed (then see `failure`). */
  errors: number;
  /** Objects the pipeline's object filter leaves out. */
  skippedFiltered: number;
  /** The position this run resumed after (null: it started at the beginning). */
  resumedAfter: string | null;
  /** Object states of the bucket the stream's retained claims cover (for the groups). */
  claimsIndexed: number;
  partitions: number;
  /** The horizon (ISO), null for a backfill. */
  since: string | null;
  dryRun: boolean;
  backfill: boolean;
  /** The run stopped early (abort signal) at a page boundary; the position is saved. */
  stopped: boolean;
  /** Why the run failed, when it did. */
  failure: string | null;
  /** The first few per-object problems. */
  problems: string[];
}

/** Counters of a run so far, for `onProgress` (the CLI prints them once a second). */
export interface ReconcileProgress {
  phase: 'index' | 'list' | 'done';
  messagesRead: number;
  claimsIndexed: number;
  listed: number;
  alreadyClaimed: number;
  republished: number;
  skippedOwnState: number;
  skippedOutsideHorizon: number;
  errors: number;
  /** The last object name fully handled. */
  after: string | null;
}

const MAX_PROBLEMS = 10;

export class ClaimCheckReconciler {
  constructor(private readonly o: ClaimCheckReconcilerOptions) {
    validateOptions(o);
  }

  /**
   * One pass. Resolves with what it did, also when it failed (`failure`, `errors` ≥ 1) or was stopped through
   * `signal` (at the next page boundary, position saved). Rejects only for a bad configuration.
   */
  async run(options: { signal?: AbortSignal } = {}): Promise<ReconcileResult> {
    const o = this.o;
    const clock = o.clock ?? systemReconcilerClock;
    const logger = o.logger ?? defaultReconcilerLogger;
    const signal = options.signal;
    const startedAt = clock.now();
    const backfill = o.backfill === true;
    const dryRun = o.dryRun === true;
    const prefix = o.prefix ?? '';
    const groups = [...new Set(o.groups ?? [])];
    const statePrefix = o.stateBucket?.prefix ?? DEFAULT_STATE_PREFIX;
    const stateNamespace = o.stateBucket?.namespace ?? o.namespace;
    const since = backfill ? null : (o.since?.getTime() ?? startedAt - ((o.streamRetentionHours ?? DEFAULT_RETENTION_HOURS) * 3600_000 - HORIZON_MARGIN_MS));
    const listingOwnState = o.stateBucket !== undefined && stateNamespace === o.namespace && o.stateBucket.bucket === o.bucket;

    const result: ReconcileResult = {
      listed: 0,
      alreadyClaimed: 0,
      republished: 0,
      skippedOwnState: 0,
      skippedOutsideHorizon: 0,
      errors: 0,
      skippedFiltered: 0,
      resumedAfter: null,
      claimsIndexed: 0,
      partitions: 0,
      since: since === null ? null : new Date(since).toISOString(),
      dryRun,
      backfill,
      stopped: false,
      failure: null,
      problems: [],
    };
    let messagesRead = 0;
    let after: string | null = null;
    const progress = (phase: ReconcileProgress['phase']): void =>
      o.onProgress?.({
        phase,
        messagesRead,
        claimsIndexed: result.claimsIndexed,
        listed: result.listed,
        alreadyClaimed: result.alreadyClaimed,
        republished: result.republished,
        skippedOwnState: result.skippedOwnState,
        skippedOutsideHorizon: result.skippedOutsideHorizon,
        errors: result.errors,
        after,
      });
    const problem = (text: string): void => {
      result.errors++;
      if (result.problems.length < MAX_PROBLEMS) result.problems.push(text);
    };

    let built: ReturnType<typeof buildReconcilerClients> | null = null;
    let clients = o.clients;
    let region = o.region ?? null;
    if (!clients) {
      const provider = await createReconcilerAuthProvider(o);
      built = buildReconcilerClients(provider, { objectStorageEndpoint: o.objectStorageEndpoint, messagesEndpoint: o.messagesEndpoint, clientConfiguration: o.clientConfiguration, logger });
      clients = built;
      region ??= built.region;
    }
    if (region === null) {
      built?.close();
      throw new Error("region is required when the authentication provider has none (it goes into the claims' objectUrl)");
    }
    const location = { region, realmDomain: o.realmDomain ?? realmDomainFor(region) };
    const origin: ClaimOrigin = backfill ? 'backfill' : 'reconcile';

    const run: RunIdentity = { namespace: o.namespace, bucket: o.bucket, prefix, groups, backfill };
    let positionStore: PositionStore | null = null;
    if (!dryRun) {
      if (o.position !== undefined) positionStore = o.position || null;
      else if (o.stateBucket && !listingOwnState) {
        positionStore = new BucketPositionStore({ client: clients.objectStorage, namespace: stateNamespace, bucket: o.stateBucket.bucket, objectName: positionObjectName(statePrefix, run) });
      } else if (listingOwnState) {
        // Its writes would raise object events in a bucket that has them on, and come back as claims.
        logger.log('warn', 'no-position', { reason: 'the state bucket is the reconciled bucket: the position is not saved there; pass `position`' });
      }
    }

    const index = new ClaimIndex();
    try {
      // The saved position, if this reconcile was interrupted.
      let positionVersion: string | null = null;
      let record: PositionRecord | null = null;
      if (positionStore) {
        const loaded = await positionStore.load();
        positionVersion = loaded.version;
        if (loaded.problem) logger.log('warn', 'position-unreadable', { where: positionStore.where, problem: loaded.problem });
        if (loaded.record && !loaded.record.done && sameRun(loaded.record.run, run)) {
          record = loaded.record;
          result.resumedAfter = loaded.record.after;
        }
      }
      after = result.resumedAfter;
      const iso = new Date(startedAt).toISOString();
      record = record ?? { format: POSITION_FORMAT, run, after: null, done: false, startedAt: iso, updatedAt: iso };
      const savePosition = async (done: boolean): Promise<void> => {
        if (!positionStore) return;
        record = { ...record!, after, done, updatedAt: new Date(clock.now()).toISOString() };
        positionVersion = await positionStore.save(record, positionVersion);
      };

      // 1-2. What the stream says is claimed (not needed for a backfill: everything is republished).
      if (!backfill) {
        const partitions = await streamPartitions(clients.stream, o.streamId, o.partitions);
        result.partitions = partitions.length;
        let starts: GroupStarts = new Map();
        if (groups.length > 0) {
          starts = await readGroupStarts(
            { client: clients.objectStorage, namespace: stateNamespace, bucket: o.stateBucket!.bucket, prefix: statePrefix, streamId: o.streamId, groups, partitions },
            (group, partition, text) => logger.log('warn', 'progress-record-unreadable', { group, partition, problem: text }),
          );
        }
        const stats = await readStreamIntoIndex(index, {
          stream: clients.stream,
          streamId: o.streamId,
          partitions,
          namespace: o.namespace,
          bucket: o.bucket,
          groupStarts: starts,
          until: startedAt,
          getLimit: o.getLimit ?? 1000,
          minGetIntervalMs: o.minGetIntervalMs ?? 250,
          concurrency: o.readConcurrency ?? 4,
          clock,
          signal,
          onProgress: (s) => {
            messagesRead = s.messages;
            result.claimsIndexed = index.size;
            progress('index');
          },
        });
        messagesRead = stats.messages;
        result.claimsIndexed = index.size;
        logger.log('info', 'indexed', { partitions: partitions.length, messages: stats.messages, states: index.size, notCounted: stats.notCounted, indexBytes: index.bytes });
      }

      // 3-4. The listing, page by page.
      const publisher = new ClaimPublisher({
        stream: clients.stream,
        streamId: o.streamId,
        bytesPerSecond: o.publishBytesPerSecond ?? 1_000_000,
        retryTimeoutMs: o.publishRetryTimeoutMs ?? 120_000,
        maxRequestBytes: o.publishRequestBytes ?? DEFAULT_PUBLISH_REQUEST_BYTES,
        backoff: o.retryBackoff ?? { baseDelayMs: 200, maxDelayMs: 10_000 },
        clock,
        logger,
      });
      const pagePacer = new Pacer((o.pagesPerSecond ?? 10) > 0 ? 1000 / (o.pagesPerSecond ?? 10) : 0, clock);
      let start: string | undefined;
      progress('list');
      for (;;) {
        if (signal?.aborted) {
          result.stopped = true;
          break;
        }
        await pagePacer.wait(signal);
        const response = await clients.objectStorage.listObjects({
          namespaceName: o.namespace,
          bucketName: o.bucket,
          ...(prefix !== '' ? { prefix } : {}),
          ...(start !== undefined ? { start } : after !== null ? { startAfter: after } : {}),
          limit: o.pageSize ?? MAX_LIST_PAGE_SIZE,
          fields: 'name,etag,timeModified',
        });
        const objects = response.listObjects.objects ?? [];
        const claims: StreamMessage[] = [];
        for (const object of objects) {
          result.listed++;
          const decision = decide(object);
          if (decision === 'publish') {
            try {
              claims.push(encodeClaimMessage(buildClaimCheck(stateChangeOf(o.namespace, o.bucket, object), location, { origin })));
            } catch (e) {
              problem(`${JSON.stringify(object.name)}: ${describeError(e)}`);
            }
          }
        }
        if (!dryRun && claims.length > 0) await publisher.publish(claims, undefined);
        result.republished += claims.length;
        if (objects.length > 0) after = objects[objects.length - 1].name;
        const next = response.listObjects.nextStartWith;
        if (next === undefined || next === null || objects.length === 0) break;
        await savePosition(false);
        progress('list');
        start = next;
      }
      if (!result.stopped) await savePosition(true);
      else await savePosition(false);
    } catch (e) {
      result.failure = describeError(e);
      result.errors++;
      logger.log('error', 'failed', { failure: result.failure, after });
    } finally {
      built?.close();
    }
    progress('done');
    return result;

    function decide(object: ListedObject): 'publish' | 'skip' {
      if (listingOwnState && object.name.startsWith(statePrefix)) {
        result.skippedOwnState++;
        return 'skip';
      }
      if (!matchesObjectFilter(object.name, o.objectFilter)) {
        result.skippedFiltered++;
        return 'skip';
      }
      if (typeof object.etag !== 'string' || object.etag === '') {
        problem(`${JSON.stringify(object.name)}: ListObjects returned no etag`);
        return 'skip';
      }
      if (backfill) return 'publish';
      const modified = timeOf(object.timeModified);
      // An object without a time is not left out: better a claim too many than a file forgotten.
      if (since !== null && modified !== null && modified < since) {
        result.skippedOutsideHorizon++;
        return 'skip';
      }
      if (index.has(objectStateHash(o.namespace, o.bucket, object.name, object.etag))) {
        result.alreadyClaimed++;
        return 'skip';
      }
      return 'publish';
    }
  }
}

/** `<prefix>reconcile/<bucket>/<first 16 hex digits of SHA-256 of the run's identity>.json` */
export function positionObjectName(statePrefix: string, run: RunIdentity): string {
  const id = createHash('sha256').update(JSON.stringify([run.namespace, run.bucket, run.prefix, [...run.groups].sort(), run.backfill]), 'utf8').digest('hex');
  return `${statePrefix}reconcile/${run.bucket}/${id.slice(0, 16)}.json`;
}

/** A listed object as the state change a claim is built from: a createobject without a source event. */
function stateChangeOf(namespace: string, bucket: string, object: ListedObject) {
  return {
    eventType: ociEventTypeOf('createobject'),
    action: 'createobject' as const,
    eventId: null,
    eventTime: rfc3339Of(object.timeModified),
    namespace,
    bucket,
    object: object.name,
    etag: object.etag!,
    versionId: null,
  };
}

function rfc3339Of(value: Date | string | undefined): string | null {
  if (typeof value === 'string' && isRfc3339DateTime(value)) return value;
  const time = timeOf(value);
  return time === null ? null : new Date(time).toISOString();
}

function timeOf(value: Date | string | undefined): number | null {
  if (value === undefined || value === null) return null;
  const time = value instanceof Date ? value.getTime() : Date.parse(value);
  return Number.isNaN(time) ? null : time;
}

function validateOptions(o: ClaimCheckReconcilerOptions): void {
  const need = (ok: boolean, message: string): void => {
    if (!ok) throw new Error(`ClaimCheckReconciler: ${message}`);
  };
  for (const key of ['namespace', 'bucket', 'streamId'] as const) need(typeof o[key] === 'string' && o[key] !== '', `${key} is required`);
  need(o.clients !== undefined || (typeof o.messagesEndpoint === 'string' && o.messagesEndpoint !== ''), 'messagesEndpoint is required');
  need(!(o.groups && o.groups.length > 0) || o.stateBucket !== undefined, 'stateBucket is required with groups (their progress records are there)');
  for (const group of o.groups ?? []) need(typeof group === 'string' && group !== '', 'groups must be non-empty names');
  const int = (value: number | undefined, name: string, min: number, max: number): void =>
    need(value === undefined || (Number.isInteger(value) && value >= min && value <= max), `${name} must be an integer from ${min} to ${max}`);
  int(o.pageSize, 'pageSize', 1, MAX_LIST_PAGE_SIZE);
  int(o.getLimit, 'getLimit', 1, 10_000);
  int(o.partitions, 'partitions', 1, 100_000);
  int(o.readConcurrency, 'readConcurrency', 1, 64);
  int(o.publishRequestBytes, 'publishRequestBytes', 1, STREAMING_LIMITS.maxRequestBytes);
  int(o.streamRetentionHours, 'streamRetentionHours', 24, 168);
  const nonNegative = (value: number | undefined, name: string): void => need(value === undefined || (Number.isFinite(value) && value >= 0), `${name} must be a number >= 0`);
  nonNegative(o.pagesPerSecond, 'pagesPerSecond');
  nonNegative(o.minGetIntervalMs, 'minGetIntervalMs');
  nonNegative(o.publishBytesPerSecond, 'publishBytesPerSecond');
  nonNegative(o.publishRetryTimeoutMs, 'publishRetryTimeoutMs');
  if (o.objectFilter !== undefined) for (const p of objectFilterProblems(o.objectFilter, 'objectFilter')) need(false, `${p.path}: ${p.rule}`);
  need(o.since === undefined || (o.since instanceof Date && !Number.isNaN(o.since.getTime())), 'since must be a valid Date');
}
