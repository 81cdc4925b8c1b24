/**
 * Test helpers for the consumer: real claim checks built by the function's own code (lambda-src), and in-memory
 * fakes of the three SDK surfaces the consumer uses (group-cursor streaming, object storage, put-messages).
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { buildClaimCheck, ClaimCheck, encodeClaimMessage } from '../../lib/contract';
import { parseObjectStorageEvent } from '../../lambda-src/event';
import type { Clock } from '../../lib/runtime/clock';
import type { RawStreamMessage } from '../../lib/contract';
import type { GetObjectResult, ObjectStorageApi, PutMessagesApi, StreamApi } from '../../lib/consumer/clients';

export const LOCATION = { region: 'us-ashburn-1', realmDomain: 'oraclecloud.com' };

export interface ClaimSpec {
  namespace?: string;
  bucket?: string;
  object: string;
  etag?: string | null;
  action?: 'createobject' | 'updateobject' | 'deleteobject';
  eventId?: string;
  eventTime?: string;
}

/** An OCI Events object event, as the Events service delivers it to the function. */
export function ociEvent(spec: ClaimSpec): Record<string, unknown> {
  const namespace = spec.namespace ?? 'testns';
  const bucket = spec.bucket ?? 'landing';
  const action = spec.action ?? 'createobject';
  const etag = spec.etag === undefined ? (action === 'deleteobject' ? null : 'etag-1') : spec.etag;
  return {
    eventType: `com.oraclecloud.objectstorage.${action}`,
    cloudEventsVersion: '0.1',
    eventTypeVersion: '2.0',
    source: 'ObjectStorage',
    eventTime: spec.eventTime ?? '2026-03-14T12:00:07Z',
    contentType: 'application/json',
    eventID: spec.eventId ?? `evt-${action}-${namespace}-${bucket}-${spec.object}-${etag}`,
    data: {
      compartmentId: 'ocid1.compartment.oc1..aaaaaaaatest',
      resourceName: spec.object,
      resourceId: `/n/${namespace}/b/${bucket}/o/${spec.object}`,
      availabilityDomain: 'all',
      additionalDetails: { bucketName: bucket, namespace, ...(etag !== null ? { eTag: etag } : {}) },
    },
  };
}

/** A claim check exactly as the function builds it. */
export function makeClaim(spec: ClaimSpec): ClaimCheck {
  return buildClaimCheck(parseObjectStorageEvent(ociEvent(spec)), LOCATION);
}

/** The Streaming message the function publishes for a claim, as GetMessages returns it (base64 key/value). */
export function claimMessage(claim: ClaimCheck, offset: number, partition = '0'): RawStreamMessage {
  const { key, value } = encodeClaimMessage(claim);
  return { stream: 'ocid1.stream.oc1.iad.test', partition, key: key.toString('base64'), value: value.toString('base64'), offset, timestamp: '2026-03-14T12:00:08.000Z' };
}

export function rawMessage(value: Buffer | string, offset: number, key: string | null = null, partition = '0'): RawStreamMessage {
  return {
    stream: 'ocid1.stream.oc1.iad.test',
    partition,
    key: key === null ? null : Buffer.from(key).toString('base64'),
    value: Buffer.from(value).toString('base64'),
    offset,
    timestamp: '2026-03-14T12:00:08.000Z',
  };
}

export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** An error shaped like the SDK's OciError. */
export function ociError(statusCode: number, serviceCode = 'None', message = `HTTP ${statusCode}`): Error {
  return Object.assign(new Error(message), { statusCode, serviceCode, opcRequestId: 'req-1' });
}

/** A clock whose sleeps take ~1 ms of real time and are recorded. */
export function fastClock(): Clock & { sleeps: number[] } {
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => Date.now(),
    random: () => 0.5,
    sleep: (ms, signal) => {
      sleeps.push(ms);
      return new Promise<void>((resolve) => {
        if (signal?.aborted) return resolve();
        setTimeout(resolve, Math.min(ms, 1));
      });
    },
  };
}

/** An error for the next call, or a function deciding per request (consumed only when it returns an error). */
type Fault = Error | ((request: unknown) => Error | undefined);

function takeFault(queue: Fault[] | undefined, request: unknown): void {
  const next = queue?.[0];
  if (!next) return;
  const error = typeof next === 'function' ? next(request) : next;
  if (error) {
    queue!.shift();
    throw error;
  }
}

/**
 * One partition, one consumer group, and OCI's cursor chain made strict: every GetMessages, ConsumerHeartbeat and
 * ConsumerCommit answer carries a new cursor (`g<generation>:<position>:<serial>`), and only the newest one issued
 * is accepted ("Each subsequent request should use the value returned in the previous response"); an older one
 * fails like an expired cursor. A group cursor starts at the committed position; a commit sets it. `invalidate()`
 * bumps the generation so every older cursor fails. Partition cursors (`p<offset>`) read without the group.
 */
export class FakeStream implements StreamApi {
  readonly messages: RawStreamMessage[] = [];
  committed = 0;
  generation = 0;
  readonly calls: Array<{ op: string; cursor?: string; at: number }> = [];
  readonly commits: number[] = [];
  readonly faults: Record<string, Fault[]> = {};
  /** Called before GetMessages answers (tests use it to pause). */
  beforeGet?: () => Promise<void>;
  private serial = 0;
  private newest: string | null = null;

  append(...messages: RawStreamMessage[]): void {
    for (const m of messages) this.messages.push({ ...m, offset: this.messages.length });
  }

  fail(op: string, ...faults: Fault[]): void {
    (this.faults[op] ??= []).push(...faults);
  }

  invalidate(): void {
    this.generation++;
  }

  private fault(op: string, request: unknown): void {
    takeFault(this.faults[op], request);
  }

  private issue(position: number): string {
    this.newest = `g${this.generation}:${position}:${++this.serial}`;
    return this.newest;
  }

  private position(cursor: string): number {
    const [gen, pos] = cursor.slice(1).split(':').map(Number);
    if (gen !== this.generation || cursor !== this.newest) throw ociError(400, 'InvalidParameter', 'Cursor is invalid or expired');
    return pos;
  }

  async createGroupCursor(request: { createGroupCursorDetails: { commitOnGet?: boolean } }): Promise<{ cursor: { value: string } }> {
    this.calls.push({ op: 'createGroupCursor', at: Date.now() });
    if (request.createGroupCursorDetails.commitOnGet !== false) throw new Error('consumer must use commitOnGet=false');
    this.fault('createGroupCursor', request);
    return { cursor: { value: this.issue(this.committed) } };
  }

  async createCursor(request: { createCursorDetails: { partition: string; type: string; offset?: number } }): Promise<{ cursor: { value: string } }> {
    this.calls.push({ op: 'createCursor', at: Date.now() });
    this.fault('createCursor', request);
    const d = request.createCursorDetails;
    return { cursor: { value: `p${d.type === 'AT_OFFSET' ? d.offset : 0}` } };
  }

  async getMessages(request: { cursor: string; limit?: number }): Promise<{ items: RawStreamMessage[]; opcNextCursor: string }> {
    this.calls.push({ op: 'getMessages', cursor: request.cursor, at: Date.now() });
    if (request.cursor.startsWith('p')) {
      const from = Number(request.cursor.slice(1));
      const items = this.messages.slice(from, from + (request.limit ?? 10_000));
      return { items, opcNextCursor: `p${from + items.length}` };
    }
    await this.beforeGet?.();
    this.fault('getMessages', request);
    const pos = this.position(request.cursor);
    const items = this.messages.slice(pos, pos + (request.limit ?? 10_000));
    return { items, opcNextCursor: this.issue(pos + items.length) };
  }

  async consumerCommit(request: { cursor: string }): Promise<{ cursor: { value: string } }> {
    this.calls.push({ op: 'consumerCommit', cursor: request.cursor, at: Date.now() });
    this.fault('consumerCommit', request);
    const pos = this.position(request.cursor);
    this.committed = pos;
    this.commits.push(pos);
    return { cursor: { value: this.issue(pos) } };
  }

  async consumerHeartbeat(request: { cursor: string }): Promise<{ cursor: { value: string } }> {
    this.calls.push({ op: 'consumerHeartbeat', cursor: request.cursor, at: Date.now() });
    this.fault('consumerHeartbeat', request);
    const pos = this.position(request.cursor);
    return { cursor: { value: this.issue(pos) } };
  }

  count(op: string): number {
    return this.calls.filter((c) => c.op === op).length;
  }

  /** The group calls in order, as `op:position` (the serial left out), heartbeats excluded unless asked. */
  groupOps(withHeartbeats = false): string[] {
    return this.calls
      .filter((c) => c.op !== 'createCursor' && !(c.cursor ?? '').startsWith('p') && (withHeartbeats || c.op !== 'consumerHeartbeat'))
      .map((c) => `${c.op}:${c.cursor ? c.cursor.split(':').slice(0, 2).join(':') : ''}`);
  }
}

interface StoredObject {
  data: Buffer;
  etag: string;
  contentType: string;
}

/** Object Storage in memory; bodies are web ReadableStreams like the SDK's (native fetch). */
export class FakeObjectStorage implements ObjectStorageApi {
  readonly objects = new Map<string, StoredObject>();
  readonly calls: Array<{ op: string; bucket: string; name: string; ifMatch?: string; ifNoneMatch?: string }> = [];
  readonly faults: Record<string, Fault[]> = {};
  readonly bodies: Readable[] = [];
  /** Chunk size of the served bodies. */
  chunkSize = 64 * 1024;
  private etagCounter = 0;

  static key(namespace: string, bucket: string, name: string): string {
    return `${namespace}/${bucket}/${name}`;
  }

  put(namespace: string, bucket: string, name: string, data: Buffer | string, etag?: string): string {
    const e = etag ?? `etag-${++this.etagCounter}`;
    this.objects.set(FakeObjectStorage.key(namespace, bucket, name), { data: Buffer.from(data), etag: e, contentType: 'application/octet-stream' });
    return e;
  }

  get(namespace: string, bucket: string, name: string): StoredObject | undefined {
    return this.objects.get(FakeObjectStorage.key(namespace, bucket, name));
  }

  list(prefix: string): string[] {
    return [...this.objects.keys()].filter((k) => k.startsWith(prefix)).sort();
  }

  fail(op: string, ...faults: Fault[]): void {
    (this.faults[op] ??= []).push(...faults);
  }

  private fault(op: string, request: unknown): void {
    takeFault(this.faults[op], request);
  }

  async getObject(r: { namespaceName: string; bucketName: string; objectName: string; ifMatch?: string }): Promise<GetObjectResult> {
    this.calls.push({ op: 'getObject', bucket: r.bucketName, name: r.objectName, ifMatch: r.ifMatch });
    this.fault('getObject', r);
    const o = this.get(r.namespaceName, r.bucketName, r.objectName);
    if (!o) throw ociError(404, 'ObjectNotFound');
    if (r.ifMatch !== undefined && r.ifMatch !== o.etag) throw ociError(412, 'PreconditionFailed');
    const chunkSize = this.chunkSize;
    const data = o.data;
    let offset = 0;
    const web = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (offset >= data.length) {
          controller.close();
          return;
        }
        controller.enqueue(new Uint8Array(data.subarray(offset, offset + chunkSize)));
        offset += chunkSize;
      },
    });
    return { value: web, eTag: o.etag, contentLength: data.length, contentType: o.contentType, opcMeta: {} };
  }

  async headObject(r: { namespaceName: string; bucketName: string; objectName: string }): Promise<unknown> {
    this.calls.push({ op: 'headObject', bucket: r.bucketName, name: r.objectName });
    this.fault('headObject', r);
    const o = this.get(r.namespaceName, r.bucketName, r.objectName);
    if (!o) throw ociError(404, 'None');
    return { eTag: o.etag };
  }

  async putObject(r: {
    namespaceName: string;
    bucketName: string;
    objectName: string;
    putObjectBody: unknown;
    ifNoneMatch?: string;
    ifMatch?: string;
    contentType?: string;
  }): Promise<{ eTag?: string }> {
    this.calls.push({ op: 'putObject', bucket: r.bucketName, name: r.objectName, ifNoneMatch: r.ifNoneMatch, ifMatch: r.ifMatch });
    this.fault('putObject', r);
    const existing = this.get(r.namespaceName, r.bucketName, r.objectName);
    if (r.ifNoneMatch === '*' && existing) throw ociError(412, 'IfNoneMatchFailed');
    if (r.ifMatch !== undefined && existing?.etag !== r.ifMatch) throw ociError(412, 'IfMatchFailed');
    const etag = this.put(r.namespaceName, r.bucketName, r.objectName, r.putObjectBody as string);
    return { eTag: etag };
  }

  count(op: string, name?: string): number {
    return this.calls.filter((c) => c.op === op && (name === undefined || c.name === name)).length;
  }
}

/** PutMessages with scripted per-entry failures. */
export class FakePutMessages implements PutMessagesApi {
  readonly accepted: Array<{ key: string | null; value: string }> = [];
  readonly script: Array<'entry-failure' | 'http-500' | 'http-400'> = [];
  calls = 0;

  async putMessages(request: { putMessagesDetails: { messages: Array<{ key?: string; value: string }> } }) {
    this.calls++;
    const step = this.script.shift();
    if (step === 'http-500') throw ociError(500, 'InternalServerError');
    if (step === 'http-400') throw ociError(400, 'InvalidParameter');
    const entries = request.putMessagesDetails.messages.map((m) => {
      if (step === 'entry-failure') return { error: 'Throttled', errorMessage: 'partition throttled' };
      this.accepted.push({ key: m.key ? Buffer.from(m.key, 'base64').toString('utf8') : null, value: Buffer.from(m.value, 'base64').toString('utf8') });
      return { partition: '0', offset: this.accepted.length - 1, timestamp: new Date() };
    });
    return { putMessagesResult: { failures: entries.filter((e) => 'error' in e).length, entries } };
  }
}

/** Resolves when `predicate()` holds (polled), or rejects after `timeoutMs`. */
export async function waitFor(predicate: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export const silentLogger = { log: () => undefined };

/** Collects log lines for assertions. */
export function memoryLogger(): { log: (level: string, event: string, fields?: Record<string, unknown>) => void; lines: Array<{ level: string; event: string; fields?: Record<string, unknown> }> } {
  const lines: Array<{ level: string; event: string; fields?: Record<string, unknown> }> = [];
  return { lines, log: (level, event, fields) => lines.push({ level, event, fields }) };
}
