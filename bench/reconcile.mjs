// Benchmark of the reconciler (lib/reconciler) against the local Object Storage + Streaming emulators.
//
//   npm run bench:reconcile         (plain `node bench/reconcile.mjs`; loopback only, about 5-8 minutes)
//   BENCH_OBJECTS=20000 npm run bench:reconcile    (a smaller bucket)
//
// Prints, for a bucket of 100,000 objects (BENCH_OBJECTS), each pass next to the floor measured right before it (the
// machine's load drifts; the ratio compares the two): the floor is a bare paged ListObjects loop (limit 1000, fields
// name,etag,timeModified; same SDK client, same signing) and nothing else.
//   1. a pass where every object is already claimed (the stream holds one claim per object: the steady state): the
//      stream read into the index, then the listing; objects/s of the listing (and its ratio to the floor) and of
//      the whole pass, peak RSS;
//   2. a dry-run pass where nothing is claimed (every object would be republished: claims are built, not sent);
//   3. a backfill that really republishes every object (PutMessages of 256 KiB, publish pacing off);
//   4. the index alone: bytes per retained claim at 100,000 and 1,000,000 claims (the typed-array table) and the
//      heap it took.
// Passes run with the listing unpaced (pagesPerSecond 0) so the ratio measures the reconciler's own work; the
// default (10 pages/s) caps a pass at 10,000 objects/s on purpose. Reading the stream keeps its defaults (1000
// messages per GetMessages, 250 ms apart per partition, 4 partitions at a time); its time is printed apart.
// BENCH_FAST_ISEMPTY=1 replaces oci-common's isEmpty(body) in the passes' processes with one that does not enumerate
// a string body's characters (same answer), to show what that SDK cost is in pass 3.
//
// Each measured pass runs in its own child process (this file with --floor / --pass / --index), so its peak RSS is
// its own and the emulators (in this process) do not share its event loop. TypeScript is loaded through tsx's CJS API.
import { fork } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const tsx = require('tsx/cjs/api');
const selfPath = fileURLToPath(import.meta.url);
const repoRoot = path.resolve(path.dirname(selfPath), '..');
const loadTs = (relative) => tsx.require(path.join(repoRoot, relative), import.meta.url);
const common = require('oci-common');

const NAMESPACE = 'benchns';
const BUCKET = 'landing';
const STATE_BUCKET = 'landing-state';
const STREAM_ID = 'ocid1.stream.oc1.iad.benchreconcile';
const BACKFILL_STREAM_ID = 'ocid1.stream.oc1.iad.benchbackfill';
const PARTITIONS = 4;
const OBJECTS = Number(process.env.BENCH_OBJECTS ?? 100_000);

const mode = process.argv[2];
if (mode === '--floor') await floor();
else if (mode === '--pass') await pass();
else if (mode === '--index') await indexOnly();
else await main();

// ------------------------------------------------------------------------------------------------------------------
// Shared
function providerFrom(cfg) {
  return new common.SimpleAuthenticationDetailsProvider(cfg.tenancyId, cfg.userId, cfg.fingerprint, cfg.privateKeyPem, null, common.Region.US_ASHBURN_1);
}

function fmt(n, digits = 0) {
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function mib(bytes) {
  return `${fmt(bytes / 1024 / 1024, 1)} MiB`;
}

/** This process's own peak RSS (VmHWM), not resourceUsage().maxRSS, which carries a forking parent's peak. */
function highWaterMarkBytes() {
  const kb = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1];
  return kb ? Number(kb) * 1024 : process.resourceUsage().maxRSS * 1024;
}

function finish(result) {
  process.send({ ...result, peakRss: highWaterMarkBytes() }, () => process.exit(0));
}

// ------------------------------------------------------------------------------------------------------------------
// Child: the floor, a bare paged listing
async function floor() {
  const cfg = JSON.parse(process.env.BENCH_CONFIG);
  const { newObjectStorageClient } = loadTs('lib/runtime/oci-sdk-clients.ts');
  const client = newObjectStorageClient(providerFrom(cfg), { endpoint: cfg.objectStorageEndpoint });
  // One request first, untimed: the pass below has warmed its client up reading the stream.
  await client.listObjects({ namespaceName: cfg.namespace, bucketName: cfg.bucket, limit: 1 });
  const started = process.hrtime.bigint();
  let listed = 0;
  let start;
  for (;;) {
    const response = await client.listObjects({ namespaceName: cfg.namespace, bucketName: cfg.bucket, limit: 1000, fields: 'name,etag,timeModified', ...(start ? { start } : {}) });
    listed += response.listObjects.objects.length;
    start = response.listObjects.nextStartWith;
    if (!start) break;
  }
  client.close();
  finish({ listed, seconds: Number(process.hrtime.bigint() - started) / 1e9 });
}

// ------------------------------------------------------------------------------------------------------------------
// Child: one reconcile pass
async function pass() {
  const cfg = JSON.parse(process.env.BENCH_CONFIG);
  const { ClaimCheckReconciler } = loadTs('lib/reconciler/index.ts');
  console.warn = () => undefined; // the SDK's retrier warns on the expected 404s (position, partition probe)
  if (process.env.BENCH_FAST_ISEMPTY === '1') {
    // Experiment: oci-common's isEmpty(body) without enumerating a string body's characters (same answer).
    const utils = require('oci-common/lib/utils');
    const original = utils.isEmpty;
    utils.isEmpty = (obj) => (typeof obj === 'string' ? obj.length === 0 : original(obj));
  }
  const started = process.hrtime.bigint();
  let listingStarted = null;
  const reconciler = new ClaimCheckReconciler({
    authenticationDetailsProvider: providerFrom(cfg),
    namespace: cfg.namespace,
    bucket: cfg.bucket,
    streamId: cfg.streamId,
    messagesEndpoint: cfg.streamingEndpoint,
    objectStorageEndpoint: cfg.objectStorageEndpoint,
    stateBucket: { bucket: cfg.stateBucket },
    partitions: cfg.partitions,
    dryRun: cfg.dryRun,
    backfill: cfg.backfill,
    pagesPerSecond: 0,
    publishBytesPerSecond: 0,
    onProgress: (p) => {
      if (p.phase === 'list' && listingStarted === null) listingStarted = process.hrtime.bigint();
    },
  });
  const result = await reconciler.run();
  const ended = process.hrtime.bigint();
  const seconds = Number(ended - started) / 1e9;
  // The first 'list' progress marks the end of the stream read.
  const listSeconds = listingStarted === null ? seconds : Number(ended - listingStarted) / 1e9;
  finish({ result, seconds, listSeconds, indexSeconds: seconds - listSeconds });
}

// ------------------------------------------------------------------------------------------------------------------
// Child: the index alone
async function indexOnly() {
  const { ClaimIndex, objectStateHash } = loadTs('lib/reconciler/index.ts');
  const sizes = [100_000, 1_000_000];
  const out = [];
  for (const size of sizes) {
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    const index = new ClaimIndex();
    for (let i = 0; i < size; i++) index.add(objectStateHash('ns', 'bucket', `incoming/2026/12/${i}.pdf`, `etag-${i}`));
    global.gc?.();
    const heapAfter = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    out.push({ size, tableBytes: index.bytes, heapBytes: heapAfter - heapBefore, gc: typeof global.gc === 'function' });
  }
  finish({ out });
}

// ------------------------------------------------------------------------------------------------------------------
// Parent
async function main() {
  const { ObjectStorageEmulator } = loadTs('lib/emulators/objectstorage/objectstorage-emulator.ts');
  const { BucketStore } = loadTs('lib/emulators/objectstorage/bucket-store.ts');
  const { safeSegment } = loadTs('lib/emulators/common/state-dir.ts');
  const { StreamingEmulator } = loadTs('lib/emulators/streaming/streaming-emulator.ts');
  const { createApiKey } = loadTs('lib/emulators/common/api-keys.ts');
  const { buildClaimCheck, encodeClaimMessage, STREAMING_LIMITS } = loadTs('lib/contract/index.ts');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-reconcile-'));
  const children = new Set();
  process.on('exit', () => {
    for (const child of children) child.kill('SIGKILL');
    fs.rmSync(work, { recursive: true, force: true });
  });
  console.warn = () => undefined;

  console.log(`reconciler benchmark: ${fmt(OBJECTS)} objects, ${PARTITIONS} partitions, Node ${process.version}, ${os.cpus().length} CPUs`);
  // The bucket is written straight through the emulator's store (an HTTP PutObject per object would take minutes),
  // then served by the emulator as usual.
  const seedStarted = Date.now();
  const osDir = path.join(work, 'os');
  const store = BucketStore.open(path.join(osDir, 'objectstorage', safeSegment(NAMESPACE)), { name: BUCKET });
  const objects = [];
  const attributes = { contentType: 'application/octet-stream', opcMeta: {} };
  const SEED_CONCURRENCY = 32;
  for (let i = 0; i < OBJECTS; i += SEED_CONCURRENCY) {
    const written = await Promise.all(
      Array.from({ length: Math.min(SEED_CONCURRENCY, OBJECTS - i) }, async (_, j) => {
        const name = `incoming/2026/12/${String((i + j) % 100).padStart(2, '0')}/file-${String(i + j).padStart(7, '0')}.pdf`;
        const { stored } = await store.write(name, Readable.from([]), { attributes, beforeCommit: () => undefined });
        return { name, etag: stored.etag, timeModified: stored.timeModified };
      }),
    );
    objects.push(...written);
  }
  // One claim per object on the stream, as the event path would have left them. Seeded over plain HTTP into an
  // emulator without signature checks (the SDK spends ~0.8 s per MiB of request body before sending it), then the
  // emulator is restarted on the same state with signatures checked.
  const streamConfig = {
    streams: [
      { id: STREAM_ID, name: 'claims', partitions: PARTITIONS },
      { id: BACKFILL_STREAM_ID, name: 'backfill', partitions: PARTITIONS },
    ],
    dataDir: path.join(work, 'st'),
  };
  const seeder = await StreamingEmulator.start({ ...streamConfig, auth: 'none' });
  const location = { region: 'us-ashburn-1', realmDomain: 'oraclecloud.com' };
  let batch = [];
  let bytes = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const response = await fetch(`${seeder.endpoint}/20180418/streams/${STREAM_ID}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages: batch }),
    });
    const answer = await response.json();
    if (response.status !== 200 || answer.failures > 0) throw new Error(`seeding the stream failed: ${response.status} ${JSON.stringify(answer).slice(0, 200)}`);
    batch = [];
    bytes = 0;
  };
  for (const [i, o] of objects.entries()) {
    const change = { eventType: 'com.oraclecloud.objectstorage.createobject', action: 'createobject', eventId: `event-${i}`, eventTime: o.timeModified, namespace: NAMESPACE, bucket: BUCKET, object: o.name, etag: o.etag, versionId: null };
    const message = encodeClaimMessage(buildClaimCheck(change, location));
    if (bytes + message.key.length + message.value.length > STREAMING_LIMITS.maxRequestBytes) await flush();
    batch.push({ key: message.key.toString('base64'), value: message.value.toString('base64') });
    bytes += message.key.length + message.value.length;
  }
  await flush();
  await seeder.stop();
  const key = createApiKey();
  const auth = { apiKeys: { [key.keyId]: key.publicKeyPem } };
  const objectStore = await ObjectStorageEmulator.start({ namespace: NAMESPACE, buckets: [BUCKET, STATE_BUCKET], auth, dataDir: osDir });
  const streams = await StreamingEmulator.start({ ...streamConfig, auth });
  const claimBytes = streams.readAll(STREAM_ID).reduce((n, m) => n + m.value.length + (m.key?.length ?? 0), 0);
  console.log(`seeded in ${fmt((Date.now() - seedStarted) / 1000, 1)} s: ${fmt(OBJECTS)} objects, ${fmt(OBJECTS)} claims on the stream (${mib(claimBytes)}, ${fmt(claimBytes / OBJECTS)} B per claim)`);

  const config = {
    tenancyId: key.tenancyId,
    userId: key.userId,
    fingerprint: key.fingerprint,
    privateKeyPem: key.privateKeyPem,
    namespace: NAMESPACE,
    bucket: BUCKET,
    stateBucket: STATE_BUCKET,
    streamId: STREAM_ID,
    partitions: PARTITIONS,
    streamingEndpoint: streams.endpoint,
    objectStorageEndpoint: objectStore.endpoint,
  };
  const child = (args, extra = {}, execArgv = []) =>
    new Promise((resolve, reject) => {
      const c = fork(selfPath, args, { env: { ...process.env, BENCH_CONFIG: JSON.stringify({ ...config, ...extra }) }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv });
      children.add(c);
      c.once('message', resolve);
      c.once('exit', (code) => {
        children.delete(c);
        if (code !== 0) reject(new Error(`${args.join(' ')} exited with ${code}`));
      });
    });

  const rate = (n, s) => `${fmt(n / s)} objects/s`;
  // The floor is measured again right before each pass: the machine's load drifts, and the ratio compares the two.
  let floorRate = 0;
  const measureFloor = async (label) => {
    const floorRun = await child(['--floor']);
    if (floorRun.listed !== OBJECTS) throw new Error(`the floor listed ${floorRun.listed} objects, not ${OBJECTS}`);
    floorRate = floorRun.listed / floorRun.seconds;
    console.log(`${label} ${rate(floorRun.listed, floorRun.seconds)} (${fmt(floorRun.seconds, 2)} s), peak RSS ${mib(floorRun.peakRss)}`);
  };
  console.log('');

  const report = async (label, extra) => {
    await measureFloor('   floor (bare paged ListObjects) now:');
    const run = await child(['--pass'], extra);
    const r = run.result;
    if (r.failure || r.errors) throw new Error(`${label}: ${r.failure ?? r.problems.join('; ')}`);
    const listRate = r.listed / run.listSeconds;
    console.log(
      `${label} listing ${rate(r.listed, run.listSeconds)} = ${fmt(listRate / floorRate, 2)} × the floor; ` +
        `whole pass ${rate(r.listed, run.seconds)} (${fmt(run.seconds, 2)} s); peak RSS ${mib(run.peakRss)}\n` +
        `      listed ${fmt(r.listed)}, already claimed ${fmt(r.alreadyClaimed)}, republished ${fmt(r.republished)}, claims indexed ${fmt(r.claimsIndexed)}` +
        (r.claimsIndexed > 0 ? `; reading the stream took ${fmt(run.indexSeconds, 2)} s (${fmt(r.claimsIndexed / run.indexSeconds)} claims/s)` : ''),
    );
  };
  await report('1. all claimed (steady state):       ', { dryRun: false, backfill: false });
  await report('2. nothing claimed, --dry-run:        ', { dryRun: true, backfill: false, streamId: BACKFILL_STREAM_ID });
  await report('3. backfill, every object republished:', { dryRun: false, backfill: true, streamId: BACKFILL_STREAM_ID });
  if (streams.readAll(BACKFILL_STREAM_ID).length !== OBJECTS) throw new Error('the backfill did not publish one claim per object');
  if (streams.readAll(BACKFILL_STREAM_ID).length !== OBJECTS) throw new Error('the backfill did not publish one claim per object');

  const index = await child(['--index'], {}, ['--expose-gc']);
  console.log('\n4. the index (8-byte object-state hashes, open addressing, grown ×2 past 70 % load):');
  for (const s of index.out) {
    console.log(`      ${fmt(s.size).padStart(9)} claims: table ${mib(s.tableBytes)} = ${fmt(s.tableBytes / s.size, 1)} B per claim; heap + array buffers grew ${mib(s.heapBytes)} = ${fmt(s.heapBytes / s.size, 1)} B per claim`);
  }

  await objectStore.stop();
  await streams.stop();
}
