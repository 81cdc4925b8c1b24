/**
 * The scheduled reconciler's function as it deploys: the generated entry bundled with esbuild through the publisher's
 * path (what `ClaimCheckScheduledReconciler` builds into its image), run as a real process under the Fn FDK
 * (FdkProcess: the Fn agent's unix-socket protocol, with `Fn-Deadline`), authenticated with a resource principal only,
 * against Object Storage and Streaming emulators that verify every request. Configuration: the keys the construct
 * writes (lib/contract/reconciler-config.ts).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import * as common from 'oci-common';
import * as objectstorage from 'oci-objectstorage';
import * as streaming from 'oci-streaming';
import { bundleFunction } from '../../lib/bundling/bundle-function';
import { buildClaimCheck, encodeClaimMessage, ociEventTypeOf } from '../../lib/contract';
import { RECONCILER_CONFIG_KEYS as K } from '../../lib/contract/reconciler-config';
import { createApiKey, createIssuerKeyPair, createLocalResourcePrincipal, IssuerKeyPair, ObjectStorageEmulator, StreamingEmulator } from '../../lib/emulators';
import { FdkProcess } from '../../lib/local/fdk-process';
import { scheduledReconcilerEntry } from '../../lib/pattern/reconciler-code';

const NS = 'schedns';
const STREAM = 'ocid1.stream.oc1.iad.scheduledreconciler';
const BUCKETS = ['landing', 'big', 'empty', 'old', 'state'];

interface Pass {
  namespace: string;
  bucket: string;
  mode: string;
  result?: { listed: number; alreadyClaimed: number; republished: number; skippedFiltered: number; resumedAfter: string | null; stopped: boolean; failure: string | null };
}
interface Answer {
  budgetMs: number;
  durationMs: number;
  sources: Pass[];
}

describe('the scheduled reconciler entry, bundled, as a function process', () => {
  let dir: string;
  let bundle: string;
  let issuer: IssuerKeyPair;
  let os: ObjectStorageEmulator;
  let st: StreamingEmulator;
  let provider: common.AuthenticationDetailsProvider;
  const processes: FdkProcess[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'scheduled-reconciler-'));
    bundle = bundleFunction({ entry: scheduledReconcilerEntry(), outFile: join(dir, 'func.js') }).outFile;
    issuer = createIssuerKeyPair();
    const key = createApiKey();
    const auth = { apiKeys: { [key.keyId]: key.publicKeyPem }, issuerPublicKey: issuer.publicKeyPem };
    os = await ObjectStorageEmulator.start({ namespace: NS, buckets: BUCKETS, auth, dataDir: join(dir, 'os') });
    st = await StreamingEmulator.start({ streams: [{ id: STREAM, name: 'claims', partitions: 2 }], auth, dataDir: join(dir, 'st') });
    provider = new common.SimpleAuthenticationDetailsProvider(key.tenancyId, key.userId, key.fingerprint, key.privateKeyPem, null, common.Region.US_ASHBURN_1);
  }, 60_000);
  afterEach(async () => {
    for (const p of processes.splice(0)) await p.kill();
  });
  afterAll(async () => {
    await Promise.all([os?.stop(), st?.stop()]);
    rmSync(dir, { recursive: true, force: true });
  });

  /** Uploads objects (with the API key: the test's own writes); returns their etags. */
  async function upload(bucket: string, names: string[]): Promise<Record<string, string>> {
    const client = new objectstorage.ObjectStorageClient({ authenticationDetailsProvider: provider });
    client.endpoint = os.endpoint;
    const etags: Record<string, string> = {};
    try {
      for (const name of names) {
        const body = Buffer.from(`content of ${bucket}/${name}`);
        const { eTag } = await client.putObject({ namespaceName: NS, bucketName: bucket, objectName: name, putObjectBody: Readable.from([body]), contentLength: body.length });
        etags[name] = eTag;
      }
    } finally {
      client.close();
    }
    return etags;
  }

  /** Publishes the event path's claim for each object, as the publisher function would. */
  async function publishClaims(bucket: string, etags: Record<string, string>): Promise<void> {
    const client = new streaming.StreamClient({ authenticationDetailsProvider: provider });
    client.endpoint = st.endpoint;
    try {
      const messages = Object.entries(etags).map(([object, etag]) => {
        const claim = buildClaimCheck(
          { eventType: ociEventTypeOf('createobject'), action: 'createobject', eventId: `event-${object}`, eventTime: new Date().toISOString(), namespace: NS, bucket, object, etag, versionId: null },
          { region: 'us-ashburn-1', realmDomain: 'oraclecloud.com' },
        );
        const { key, value } = encodeClaimMessage(claim);
        return { key: key.toString('base64'), value: value.toString('base64') };
      });
      await client.putMessages({ streamId: STREAM, putMessagesDetails: { messages } });
    } finally {
      client.close();
    }
  }

  const claims = (bucket: string) =>
    st
      .readAll(STREAM)
      .map((m) => JSON.parse(m.value.toString('utf8')))
      .filter((c) => c.data.bucket === bucket);

  /** The function's config as the construct writes it, with the emulators' endpoints, and a resource principal. */
  async function startFunction(sources: Array<{ bucket: string; objectFilter?: unknown }>, extra: Record<string, string> = {}): Promise<FdkProcess> {
    const principal = createLocalResourcePrincipal({ issuerKey: issuer, resourceType: 'fnfunc', resourceId: 'ocid1.fnfunc.oc1.iad.scheduledreconciler', writeToDirectory: join(dir, `rp-${processes.length}-${Date.now()}`) });
    const fn = await FdkProcess.start(bundle, {
      [K.sources]: JSON.stringify(sources.map((s) => ({ namespace: NS, ...s }))),
      [K.streamId]: STREAM,
      [K.messagesEndpoint]: st.endpoint,
      [K.stateBucketNamespace]: NS,
      [K.stateBucketName]: 'state',
      [K.backfill]: '0',
      [K.timeoutSeconds]: '300',
      [K.partitions]: '2',
      [K.pagesPerSecond]: '0',
      [K.auth]: 'resource_principal',
      [K.objectStorageEndpoint]: os.endpoint,
      ...principal.env,
      ...extra,
    });
    processes.push(fn);
    return fn;
  }

  async function invoke(fn: FdkProcess, deadlineInMs: number): Promise<{ status: number; answer: Answer; elapsedMs: number }> {
    const response = await fn.invoke('', { deadline: new Date(Date.now() + deadlineInMs) });
    expect({ status: response.status, body: response.status === 200 ? 'ok' : response.body }).toEqual({ status: 200, body: 'ok' });
    return { status: response.status, answer: JSON.parse(response.body), elapsedMs: response.elapsedMs };
  }

  test('the generated entry bundles into one file that carries the reconciler and no path of this machine', () => {
    const text = readFileSync(bundle, 'utf8');
    expect(text).toContain('claim-reconciler-scheduled');
    expect(text).toContain('claimorigin');
    expect(text).not.toContain(dir);
    expect(text).not.toContain(join(__dirname, '..', '..'));
  });

  test("a missing claim is republished (marked reconcile); claimed objects and what the pipeline's filter excludes are not", async () => {
    const etags = await upload('landing', ['a.csv', 'b.csv', 'c.csv', 'tmp/scratch.csv']);
    await publishClaims('landing', { 'a.csv': etags['a.csv'], 'b.csv': etags['b.csv'] });
    const fn = await startFunction([{ bucket: 'landing', objectFilter: { exclude: [{ prefix: 'tmp/' }] } }]);

    const { answer } = await invoke(fn, 60_000);
    expect(answer.sources).toEqual([
      {
        namespace: NS,
        bucket: 'landing',
        mode: 'reconcile',
        result: expect.objectContaining({ listed: 4, alreadyClaimed: 2, republished: 1, skippedFiltered: 1, stopped: false, failure: null }),
      },
    ]);
    const republished = claims('landing').filter((c) => c.claimorigin === 'reconcile');
    expect(republished.map((c) => [c.data.object, c.data.etag])).toEqual([['c.csv', etags['c.csv']]]);
    expect(fn.events('claim-reconciler-scheduled.invocation-done')).toHaveLength(1);

    // The next invocation finds nothing left to do.
    const again = await invoke(fn, 60_000);
    expect(again.answer.sources[0].result).toEqual(expect.objectContaining({ listed: 4, alreadyClaimed: 3, republished: 0 }));
  });

  test('the time budget: a pass larger than one invocation stops before the deadline at a page boundary, and the next invocation resumes it first', async () => {
    const names = Array.from({ length: 40 }, (_, i) => `obj-${String(i).padStart(3, '0')}.bin`);
    await upload('big', names);
    // 2 objects a page, 2 pages a second: the 20 pages take at least 9.5 s; a 10 s invocation leaves 8 s of budget
    // (2 s margin), some of it spent reading the stream for each source.
    const fn = await startFunction([{ bucket: 'empty' }, { bucket: 'big' }], { [K.pageSize]: '2', [K.pagesPerSecond]: '2' });

    const first = await invoke(fn, 10_000);
    expect(first.elapsedMs).toBeLessThan(10_000);
    expect(first.answer.budgetMs).toBeLessThanOrEqual(8_000);
    const [empty, big] = first.answer.sources;
    expect(empty).toMatchObject({ bucket: 'empty', mode: 'reconcile', result: { listed: 0, stopped: false } });
    expect(big).toMatchObject({ bucket: 'big', mode: 'reconcile', result: { stopped: true, failure: null, resumedAfter: null } });
    const listedFirst = big.result!.listed;
    expect(listedFirst).toBeGreaterThan(0);
    expect(listedFirst).toBeLessThan(40);
    expect(listedFirst % 2).toBe(0);
    expect(claims('big')).toHaveLength(listedFirst);

    // The cut-short source goes first, resumed after the last page it finished; nothing is published twice.
    const second = await invoke(fn, 60_000);
    expect(second.answer.sources.map((s) => s.bucket)).toEqual(['big', 'empty']);
    expect(second.answer.sources[0].result).toMatchObject({ resumedAfter: names[listedFirst - 1], listed: 40 - listedFirst, stopped: false, failure: null });
    const objects = claims('big').map((c) => c.data.object);
    expect(objects.sort()).toEqual(names);
  });

  test('backfill once: the first invocation republishes every object (claimed or not), later ones reconcile', async () => {
    const etags = await upload('old', ['x.csv', 'y.csv']);
    await publishClaims('old', { 'x.csv': etags['x.csv'] });
    const fn = await startFunction([{ bucket: 'old' }], { [K.backfill]: '1' });

    const first = await invoke(fn, 60_000);
    expect(first.answer.sources).toEqual([{ namespace: NS, bucket: 'old', mode: 'backfill', result: expect.objectContaining({ listed: 2, republished: 2, failure: null }) }]);
    expect(claims('old').filter((c) => c.claimorigin === 'backfill').map((c) => c.data.object).sort()).toEqual(['x.csv', 'y.csv']);

    const second = await invoke(fn, 60_000);
    expect(second.answer.sources).toEqual([{ namespace: NS, bucket: 'old', mode: 'reconcile', result: expect.objectContaining({ listed: 2, alreadyClaimed: 2, republished: 0 }) }]);
  });

  test('a configuration it cannot run with: the invocation fails naming every variable', async () => {
    const fn = await startFunction([{ bucket: 'landing' }], { [K.streamId]: '', [K.groups]: '["ok", "not ok"]' });
    const response = await fn.invoke('', { deadline: new Date(Date.now() + 30_000) });
    expect(response.status).toBe(502);
    const [line] = await fn.waitForEvents((l) => l.event === 'claim-reconciler-scheduled.invalid-configuration');
    expect(String(line?.error)).toContain(`${K.streamId} is required`);
    expect(String(line?.error)).toContain(`${K.groups} must be a JSON list of consumer group names`);
  });
});
