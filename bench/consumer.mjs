// Benchmark of the claim-check consumer (lib/consumer) against the local Object Storage + Streaming emulators.
//
//   npm run bench:consumer        (plain `node bench/consumer.mjs`; loopback only, bounded, about 2-4 minutes)
//   BENCH_CONSUMERS=1 BENCH_DEDUPE=bucket,memory npm run bench:consumer    (a subset)
//   BENCH_SKIP_BIG=1 ...          (without the 2 GiB object)
//   BENCH_JSON=out.json ...       (also writes the figures as JSON, for bench/run-all.mjs)
//
// Prints:
//   1. the raw ceiling: plain parallel GetObject calls (same SDK, same signing, same objects) at the total concurrency
//      the consumer runs below (4 per consumer), in a separate process;
//   2. claims/s and MB/s with 1, 2 and 4 consumer processes in one consumer group (distinct instance names), each with
//      concurrency 4, batchLimit 100, GetMessages spaced >= 200 ms per instance (5 GET/s per partition per group), the
//      stream having 4 partitions and the claims published once all instances have joined the group; for three dedupe
//      choices: the default (progress checkpoints in Object Storage, written only for batches not yet committed, plus
//      the per-partition window), markers (a HEAD and a create-only PUT per claim on top), and memory; each next to a
//      raw-GET ceiling measured right before it (the machine's load drifts), as a ratio;
//   3. the peak RSS of one consumer process while a handler hashes ONE 2 GiB object (created on the emulator by
//      streaming a generator, never a buffer); skipped with a message when less than 6 GB of disk is free.
//
// Consumers and the raw reader run as child processes (this file with --worker / --raw), so their RSS is their own
// and the emulators (in this process) do not share their event loop. TypeScript is loaded through tsx's CJS API.
import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const tsx = require('tsx/cjs/api');
const selfPath = fileURLToPath(import.meta.url);
const repoRoot = path.resolve(path.dirname(selfPath), '..');
const loadTs = (relative) => tsx.require(path.join(repoRoot, relative), import.meta.url);
const common = require('oci-common');
// The SDK clients the product builds (they sign every object name correctly), so the raw ceiling uses the same ones.
const sdkClients = () => loadTs('lib/runtime/oci-sdk-clients.ts');

const NAMESPACE = 'benchns';
const BUCKET = 'landing';
const OPS_BUCKET = 'ops';
const STREAM_ID = 'ocid1.stream.oc1.iad.benchclaimchecks';
const PARTITIONS = 4;
const OBJECTS = 400;
const OBJECT_BYTES = 256 * 1024;
const CONSUMER_COUNTS = (process.env.BENCH_CONSUMERS ?? '1,2,4').split(',').map(Number);
const DEDUPE_CHOICES = (process.env.BENCH_DEDUPE ?? 'bucket,markers,memory').split(',');
const PER_CONSUMER_CONCURRENCY = 4;
const BIG_OBJECT_BYTES = 2 * 1024 ** 3;
const MIN_FREE_BYTES_FOR_BIG = 6 * 1000 ** 3;
const RUN_TIMEOUT_MS = 60_000;

const mode = process.argv[2];
if (mode === '--worker') await worker();
else if (mode === '--raw') await rawReader();
else await main();

// ------------------------------------------------------------------------------------------------------------------
// Shared
function providerFrom(cfg) {
  return new common.SimpleAuthenticationDetailsProvider(cfg.tenancyId, cfg.userId, cfg.fingerprint, cfg.privateKeyPem, null, common.Region.US_ASHBURN_1);
}

function mb(bytes) {
  return bytes / 1024 / 1024;
}

function fmt(n, digits = 1) {
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/**
 * The process's own peak RSS (VmHWM of its post-exec address space). Not `resourceUsage().maxRSS`: on Linux that
 * also carries the parent's peak from before fork/exec, so a child forked from a big parent reports the parent's.
 */
function highWaterMarkBytes() {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : null;
  } catch {
    return null;
  }
}

/** Samples RSS every 50 ms (peak since the last reset). */
function rssSampler() {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 50);
  timer.unref();
  return {
    reset: () => (peak = process.memoryUsage.rss()),
    peak: () => Math.max(peak, process.memoryUsage.rss()),
    stop: () => clearInterval(timer),
  };
}

// ------------------------------------------------------------------------------------------------------------------
// Child: one consumer instance
async function worker() {
  const cfg = JSON.parse(process.env.BENCH_CONSUMER_CONFIG);
  const { ClaimCheckConsumer } = loadTs('lib/consumer/index.ts');
  let sdkWarnings = 0;
  console.warn = () => void sdkWarnings++; // the SDK retrier warns on every 404 (dedupe checks); count, don't print
  const sampler = rssSampler();
  const warnings = [];
  let bytes = 0;
  let digest = null;
  let idleRss = process.memoryUsage.rss();
  const consumer = new ClaimCheckConsumer({
    streamId: cfg.streamId,
    messagesEndpoint: cfg.streamingEndpoint,
    objectStorageEndpoint: cfg.objectStorageEndpoint,
    groupName: cfg.group,
    instanceName: cfg.instance,
    authenticationDetailsProvider: providerFrom(cfg),
    allowedBuckets: [{ namespace: cfg.namespace, bucket: cfg.bucket }],
    deadLetter: { kind: 'bucket', namespace: cfg.namespace, bucket: cfg.opsBucket },
    ...(cfg.dedupe === 'memory' ? { dedupe: { kind: 'memory' } } : {}),
    ...(cfg.dedupe === 'markers' ? { dedupe: { kind: 'markers', namespace: cfg.namespace, bucket: cfg.opsBucket } } : {}),
    initialPosition: 'LATEST',
    concurrency: cfg.concurrency,
    pollIntervalMs: 50,
    logger: {
      log(level, event, fields) {
        if (event === 'claim-consumer.group-cursor') process.send({ type: 'ready' });
        if ((level === 'warn' || level === 'error') && warnings.length < 5) warnings.push(`${event} ${JSON.stringify(fields)}`);
      },
    },
    async handler(claim, object) {
      if (cfg.hash) {
        const hash = createHash('sha256');
        for await (const chunk of object.body) {
          hash.update(chunk);
          bytes += chunk.length;
        }
        digest = hash.digest('hex');
      } else {
        for await (const chunk of object.body) bytes += chunk.length;
      }
    },
  });
  consumer.on('outcome', (o) => process.send({ type: 'outcome', status: o.status, reason: o.reason ?? null, name: o.object?.name ?? null }));
  process.on('message', async (m) => {
    if (m.type === 'reset-rss') {
      idleRss = process.memoryUsage.rss();
      sampler.reset();
    }
    if (m.type === 'stop') {
      await consumer.stop();
      sampler.stop();
      process.send({ type: 'done', stats: consumer.stats, bytes, digest, peakRss: sampler.peak(), idleRss, hwm: highWaterMarkBytes(), warnings, sdkWarnings }, () => process.exit(0));
    }
  });
  sampler.reset();
  await consumer.run();
}

// ------------------------------------------------------------------------------------------------------------------
// Child: the raw ceiling, plain parallel GETs
async function rawReader() {
  const cfg = JSON.parse(process.env.BENCH_CONSUMER_CONFIG);
  const client = sdkClients().newObjectStorageClient(providerFrom(cfg), { endpoint: cfg.objectStorageEndpoint });
  const names = [...cfg.names];
  let bytes = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: cfg.concurrency }, async () => {
      for (let name = names.shift(); name !== undefined; name = names.shift()) {
        const response = await client.getObject({ namespaceName: cfg.namespace, bucketName: cfg.bucket, objectName: name });
        for await (const chunk of Readable.fromWeb(response.value)) bytes += chunk.length;
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.send({ type: 'done', seconds, bytes, objects: cfg.names.length }, () => process.exit(0));
}

// ------------------------------------------------------------------------------------------------------------------
// Parent
async function main() {
  const { ObjectStorageEmulator, StreamingEmulator, createApiKey } = loadTs('lib/emulators/index.ts');
  const makeClaim = claimBuilder();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-consumer-'));
  const children = new Set();
  process.on('exit', () => {
    for (const child of children) child.kill('SIGKILL');
    fs.rmSync(work, { recursive: true, force: true });
  });

  const key = createApiKey();
  const auth = { apiKeys: { [key.keyId]: key.publicKeyPem } };
  const objectStore = await ObjectStorageEmulator.start({ namespace: NAMESPACE, buckets: [BUCKET, OPS_BUCKET], auth, dataDir: path.join(work, 'os') });
  const streams = await StreamingEmulator.start({ streams: [{ id: STREAM_ID, name: 'bench', partitions: PARTITIONS }], auth, dataDir: path.join(work, 'st') });
  const provider = providerFrom(key);
  const osClient = sdkClients().newObjectStorageClient(provider, { endpoint: objectStore.endpoint });
  const streamClient = sdkClients().newStreamClient(provider, streams.endpoint);
  const baseConfig = {
    tenancyId: key.tenancyId,
    userId: key.userId,
    fingerprint: key.fingerprint,
    privateKeyPem: key.privateKeyPem,
    namespace: NAMESPACE,
    bucket: BUCKET,
    opsBucket: OPS_BUCKET,
    streamId: STREAM_ID,
    streamingEndpoint: streams.endpoint,
    objectStorageEndpoint: objectStore.endpoint,
  };

  const spawn = (args, config) => {
    const child = fork(selfPath, args, { env: { ...process.env, BENCH_CONSUMER_CONFIG: JSON.stringify(config) }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    children.add(child);
    child.on('exit', () => children.delete(child));
    return child;
  };
  const nextMessage = (child, type) =>
    new Promise((resolve, reject) => {
      const onMessage = (m) => {
        if (m.type === type) {
          child.off('message', onMessage);
          resolve(m);
        }
      };
      child.on('message', onMessage);
      child.once('exit', (code) => reject(new Error(`child exited (${code}) before sending ${type}`)));
    });

  /** `size` bytes from `chunkOf` in 1 MiB chunks, hashed on the way out (`digest()` once fully read). */
  function hashedChunks(size, chunkOf) {
    const hash = createHash('sha256');
    async function* generate() {
      for (let offset = 0; offset < size; ) {
        const chunk = chunkOf(offset, Math.min(1024 * 1024, size - offset));
        hash.update(chunk);
        offset += chunk.length;
        yield chunk;
      }
    }
    return { body: Readable.from(generate(), { objectMode: false }), digest: () => hash.digest('hex') };
  }

  async function putStreamed(name, size, chunkOf) {
    const { body, digest } = hashedChunks(size, chunkOf);
    const response = await osClient.putObject({
      namespaceName: NAMESPACE,
      bucketName: BUCKET,
      objectName: name,
      putObjectBody: body,
      contentLength: size,
      contentType: 'application/octet-stream',
    });
    return { etag: response.eTag, sha256: digest() };
  }

  /**
   * PutObject over node:http, signed with the SDK's own request signer. Used for the 2 GiB object: the SDK's
   * putObject sends through fetch (undici), which in Node 20 kept the whole streamed body in memory until the
   * response (a 512 MiB upload peaked at ~600 MiB RSS in a probe), and this process also hosts the emulators.
   */
  async function putStreamedHttp(name, size, chunkOf) {
    const { body, digest } = hashedChunks(size, chunkOf);
    const uri = `${objectStore.endpoint}/n/${NAMESPACE}/b/${BUCKET}/o/${encodeURIComponent(name)}`;
    const headers = new Headers({ 'content-length': String(size), 'content-type': 'application/octet-stream' });
    await new common.DefaultRequestSigner(provider).signHttpRequest({ uri, method: 'PUT', headers }, true);
    let etag;
    await new Promise((resolve, reject) => {
      const request = http.request(uri, { method: 'PUT', headers: Object.fromEntries(headers) }, (response) => {
        const chunks = [];
        response.on('data', (c) => chunks.push(c));
        response.on('end', () => {
          if (response.statusCode !== 200) reject(new Error(`PutObject ${response.statusCode}: ${Buffer.concat(chunks)}`));
          etag = response.headers.etag;
          resolve();
        });
      });
      request.on('error', reject);
      pipeline(body, request).catch(reject);
    });
    return { etag, sha256: digest() };
  }

  async function publish(claims) {
    const { encodeClaimMessage } = loadTs('lib/contract/index.ts');
    for (let i = 0; i < claims.length; i += 100) {
      const messages = claims.slice(i, i + 100).map((claim) => {
        const m = encodeClaimMessage(claim);
        return { key: m.key.toString('base64'), value: m.value.toString('base64') };
      });
      const response = await streamClient.putMessages({ streamId: STREAM_ID, putMessagesDetails: { messages } });
      if (response.putMessagesResult.failures > 0) throw new Error('PutMessages had failures');
    }
  }

  console.log(`Consumer benchmark: ${OBJECTS} objects × ${OBJECT_BYTES / 1024} KiB, stream with ${PARTITIONS} partitions, ` +
    `${os.cpus().length} CPU(s), Node ${process.version}; emulators in this process, readers in child processes.`);

  // Setup: objects with a per-object pattern, uploaded as streams (the SDK is slow with big string/Buffer bodies).
  const setupStarted = Date.now();
  const names = Array.from({ length: OBJECTS }, (_, i) => `incoming/bench/${String(i).padStart(4, '0')}.bin`);
  const etags = new Map();
  const queue = [...names];
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
        const fill = name.charCodeAt(name.length - 5);
        const { etag } = await putStreamed(name, OBJECT_BYTES, (_offset, length) => Buffer.alloc(length, fill));
        etags.set(name, etag);
      }
    }),
  );
  const claims = names.map((name) => makeClaim(name, etags.get(name)));
  console.log(`  setup: uploaded ${OBJECTS} objects in ${fmt((Date.now() - setupStarted) / 1000, 2)} s\n`);

  // 1. Raw ceiling at a given total concurrency (measured right before each consumer run it is compared with).
  const rows = [];
  const rawCeiling = async (n) => {
    const child = spawn(['--raw'], { ...baseConfig, names, concurrency: n * PER_CONSUMER_CONCURRENCY });
    const result = await nextMessage(child, 'done');
    return { perSecond: result.objects / result.seconds, mbPerSecond: mb(result.bytes) / result.seconds };
  };

  // 2. Consumers, per dedupe choice: the default, per-claim markers, in-process only.
  for (const dedupe of DEDUPE_CHOICES) for (const n of CONSUMER_COUNTS) {
    const raw = await rawCeiling(n);
    const group = `bench-${n}-consumers-${dedupe}`;
    const workers = Array.from({ length: n }, (_, i) => spawn(['--worker'], { ...baseConfig, group, dedupe, instance: `${group}-w${i}`, concurrency: PER_CONSUMER_CONCURRENCY }));
    await Promise.all(workers.map((w) => nextMessage(w, 'ready')));
    await new Promise((r) => setTimeout(r, 500)); // let the group settle (each instance re-reads its reservations)
    const processed = new Set();
    let duplicates = 0;
    let other = 0;
    let resolveDone;
    const done = new Promise((r) => (resolveDone = r));
    for (const w of workers) {
      w.on('message', (m) => {
        if (m.type !== 'outcome') return;
        if (m.status === 'processed') {
          if (processed.has(m.name)) duplicates++;
          processed.add(m.name);
        } else if (m.reason === 'duplicate') duplicates++;
        else other++;
        if (processed.size === OBJECTS) resolveDone();
      });
    }
    const started = process.hrtime.bigint();
    await publish(claims);
    const timeout = setTimeout(() => resolveDone(), RUN_TIMEOUT_MS);
    await done;
    clearTimeout(timeout);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const results = await Promise.all(workers.map(async (w) => {
      const finished = nextMessage(w, 'done');
      w.send({ type: 'stop' });
      return finished;
    }));
    const share = results.map((r) => r.stats.processed).join('/');
    const r = raw;
    rows.push({
      n,
      dedupe,
      seconds,
      claimsPerSecond: processed.size / seconds,
      mbPerSecond: mb(processed.size * OBJECT_BYTES) / seconds,
      raw: r,
      share,
      duplicates,
      other,
      complete: processed.size === OBJECTS,
      peakRss: Math.max(...results.map((x) => x.hwm ?? x.peakRss)),
      warnings: results.flatMap((x) => x.warnings),
    });
  }

  for (const dedupe of DEDUPE_CHOICES) {
    console.log({
      bucket: '  Default options (progress checkpoints in Object Storage only for uncommitted batches; GetObject per claim):',
      markers: "  With dedupe: {kind: 'markers'} (HEAD + GetObject + create-only PUT per claim):",
      memory: "  With dedupe: {kind: 'memory'} (GetObject only per claim, like the raw reader):",
    }[dedupe]);
    console.log('  consumers | claims/s | MB/s   | raw GET ceiling (same concurrency) | of raw | share (processed per instance) | peak RSS/instance');
    console.log('  ----------|----------|--------|------------------------------------|--------|--------------------------------|------------------');
    for (const row of rows.filter((r) => r.dedupe === dedupe)) {
      const ceiling = `${fmt(row.raw.perSecond, 0)} obj/s, ${fmt(row.raw.mbPerSecond, 0)} MB/s (c=${row.n * PER_CONSUMER_CONCURRENCY})`;
      const ratio = `${fmt((100 * row.claimsPerSecond) / row.raw.perSecond, 0)}%`;
      console.log(
        `  ${String(row.n).padEnd(9)} | ${fmt(row.claimsPerSecond, 0).padStart(8)} | ${fmt(row.mbPerSecond, 1).padStart(6)} | ${ceiling.padEnd(34)} | ` +
          `${ratio.padStart(6)} | ${row.share.padEnd(30)} | ${fmt(row.peakRss / 1024 / 1024, 0)} MiB`,
      );
      if (!row.complete) console.log(`    INCOMPLETE: timed out after ${RUN_TIMEOUT_MS / 1000} s`);
      if (row.duplicates > 0 || row.other > 0) console.log(`    note: ${row.duplicates} duplicate deliveries (rebalance), ${row.other} other outcomes`);
      for (const w of row.warnings) console.log(`    warning: ${w}`);
    }
    console.log('');
  }
  console.log('  (claims/s: from the first PutMessages of the run to the last object processed. GetMessages is spaced');
  console.log('   >= 200 ms per instance. All processes share this machine\'s CPUs with the single-process emulators.)\n');

  const json = { node: process.version, objects: OBJECTS, objectBytes: OBJECT_BYTES, perConsumerConcurrency: PER_CONSUMER_CONCURRENCY, rows: rows.map(({ warnings, ...row }) => ({ ...row, warnings: warnings.length })) };

  // 3. One 2 GiB object through one consumer whose handler hashes the stream.
  const free = (() => {
    const s = fs.statfsSync(work);
    return s.bavail * s.bsize;
  })();
  if (free < MIN_FREE_BYTES_FOR_BIG || process.env.BENCH_SKIP_BIG) {
    json.bigObject = { skipped: process.env.BENCH_SKIP_BIG ? 'BENCH_SKIP_BIG is set' : `only ${fmt(free / 1e9, 1)} GB free` };
    console.log(`  2 GiB object: SKIPPED, ${json.bigObject.skipped} in ${work} (needs 6 GB)`);
  } else {
    const name = 'incoming/bench/huge-2GiB.bin';
    const uploadStarted = Date.now();
    const pattern = Buffer.alloc(1024 * 1024);
    for (let i = 0; i < pattern.length; i += 4) pattern.writeUInt32LE((i * 2654435761) >>> 0, i);
    const { etag, sha256 } = await putStreamedHttp(name, BIG_OBJECT_BYTES, (offset, length) => {
      const chunk = Buffer.from(pattern.subarray(0, length));
      chunk.writeUInt32LE(offset / (1024 * 1024), 0); // every MiB differs
      return chunk;
    });
    const uploadSeconds = (Date.now() - uploadStarted) / 1000;
    const parentRss = process.memoryUsage.rss();
    const group = 'bench-2gib';
    const w = spawn(['--worker'], { ...baseConfig, group, instance: `${group}-w0`, concurrency: 1, hash: true });
    await nextMessage(w, 'ready');
    await new Promise((r) => setTimeout(r, 300));
    w.send({ type: 'reset-rss' });
    const outcome = nextMessage(w, 'outcome');
    const started = Date.now();
    await publish([makeClaim(name, etag)]);
    const o = await outcome;
    const seconds = (Date.now() - started) / 1000;
    const finished = nextMessage(w, 'done');
    w.send({ type: 'stop' });
    const result = await finished;
    const ok = o.status === 'processed' && result.digest === sha256 && result.bytes === BIG_OBJECT_BYTES;
    console.log(`  2 GiB object: upload (streamed generator, signed PUT) ${fmt(uploadSeconds, 1)} s, bench process RSS after it ${fmt(parentRss / 1024 / 1024, 0)} MiB; consumed + hashed in ${fmt(seconds, 1)} s ` +
      `(${fmt(mb(BIG_OBJECT_BYTES) / seconds, 0)} MB/s); sha256 ${ok ? 'matches' : 'MISMATCH'}`);
    console.log(`  consumer process RSS: idle before the claim ${fmt(result.idleRss / 1024 / 1024, 0)} MiB, peak while processing it ` +
      `${fmt(result.peakRss / 1024 / 1024, 0)} MiB (sampled every 50 ms); high-water mark over its whole life ` +
      `${result.hwm === null ? 'n/a' : `${fmt(result.hwm / 1024 / 1024, 0)} MiB (VmHWM)`}`);
    json.bigObject = { bytes: BIG_OBJECT_BYTES, seconds, ok, idleRss: result.idleRss, peakRss: result.peakRss, hwm: result.hwm };
  }
  if (process.env.BENCH_JSON) fs.writeFileSync(process.env.BENCH_JSON, `${JSON.stringify(json, null, 2)}\n`);

  await streams.stop();
  await objectStore.stop();
  process.exit(0);
}

function claimBuilder() {
  const { buildClaimCheck } = loadTs('lib/contract/index.ts');
  const { parseObjectStorageEvent } = loadTs('lambda-src/event.ts');
  let seq = 0;
  return (name, etag) =>
    buildClaimCheck(
      parseObjectStorageEvent({
        eventType: 'com.oraclecloud.objectstorage.createobject',
        eventID: `bench-${++seq}-${etag}`,
        eventTime: new Date().toISOString(),
        data: {
          resourceName: name,
          resourceId: `/n/${NAMESPACE}/b/${BUCKET}/o/${name}`,
          additionalDetails: { namespace: NAMESPACE, bucketName: BUCKET, eTag: etag },
        },
      }),
      { region: 'us-ashburn-1', realmDomain: 'oraclecloud.com' },
    );
}
