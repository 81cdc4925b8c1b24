// Benchmark of request signing, CPU per signed request (each signer runs in this one process, one request at a time):
//
//   npm run bench:signing         (plain `node bench/signing.mjs`; about 10 s)
//   BENCH_JSON=out.json ...       (also writes the figures as JSON, for bench/run-all.mjs)
//
// Side by side, in alternating rounds so drift in the machine's load falls on all of them:
//   - the product's signer (lib/runtime/request-signer.ts KeyCachingRequestSigner), which every SDK client the
//     product builds signs with;
//   - the SDK's own signer (oci-common DefaultRequestSigner over http-signature 1.3.1 and sshpk, as installed), what
//     those clients used before;
//   - the floor: the RSA-SHA256 signature alone, with a parsed crypto.KeyObject over a string of the same shape.
// For a GET of an object (three headers signed) and a PutMessages-shaped POST (six, with the body's SHA-256).
// The TypeScript is loaded through tsx's CommonJS API, so the script needs nothing but `node`.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const tsx = require('tsx/cjs/api');
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const common = require('oci-common');
const { KeyCachingRequestSigner } = tsx.require(path.join(repoRoot, 'lib/runtime/request-signer.ts'), import.meta.url);

const ROUNDS = 5;
const PER_ROUND = Number(process.env.BENCH_SIGNING_REQUESTS || 300);
const pem = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' });
const provider = new common.SimpleAuthenticationDetailsProvider('ocid1.tenancy.oc1..bench', 'ocid1.user.oc1..bench', '12:34:56:78:90:ab:cd:ef', pem, null, common.Region.US_ASHBURN_1);
const key = crypto.createPrivateKey(pem);

const requests = {
  'GET object': (i) => ({ method: 'GET', uri: `https://objectstorage.us-ashburn-1.oraclecloud.com/n/ns/b/landing-bucket/o/incoming%2F${i}%20r%C3%A9sum%C3%A9.pdf`, headers: new Headers() }),
  'POST PutMessages': (i) => ({
    method: 'POST',
    uri: 'https://cell-1.streaming.us-ashburn-1.oci.oraclecloud.com/20180418/streams/ocid1.stream.oc1.iad.bench/messages',
    headers: new Headers(),
    body: JSON.stringify({ messages: [{ key: Buffer.from(`ns/bucket/${i}`).toString('base64'), value: Buffer.from('x'.repeat(600)).toString('base64') }] }),
  }),
};

const signers = {
  product: new KeyCachingRequestSigner(provider, new common.DefaultRequestSigner(provider)),
  sdk: new common.DefaultRequestSigner(provider),
  floor: {
    // The signature alone: a signing string of the same length, no headers, no parsing.
    async signHttpRequest(request) {
      const text = `x-date: ${new Date().toUTCString()}\n(request-target): ${request.method.toLowerCase()} ${request.uri}\nhost: h`;
      crypto.sign('sha256', Buffer.from(text), key);
    },
  },
};

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

/** CPU ms per request of `signer` over PER_ROUND requests of `make` (process CPU: user + system). */
async function round(signer, make) {
  const before = process.cpuUsage();
  for (let i = 0; i < PER_ROUND; i++) await signer.signHttpRequest(make(i));
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / PER_ROUND;
}

async function main() {
  console.log(`node ${process.version}; ${ROUNDS} alternating rounds of ${PER_ROUND} requests per signer; CPU ms per signed request (median of rounds)\n`);
  const results = {};
  for (const [requestName, make] of Object.entries(requests)) {
    // Warm every signer up (first parse, first signature, JIT) before measuring.
    for (const signer of Object.values(signers)) for (let i = 0; i < 50; i++) await signer.signHttpRequest(make(i));
    const samples = Object.fromEntries(Object.keys(signers).map((name) => [name, []]));
    for (let r = 0; r < ROUNDS; r++) for (const [name, signer] of Object.entries(signers)) samples[name].push(await round(signer, make));
    const row = Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, median(values)]));
    results[requestName] = row;
    console.log(`${requestName.padEnd(18)} product ${row.product.toFixed(3)} ms   SDK's signer ${row.sdk.toFixed(3)} ms   signature alone ${row.floor.toFixed(3)} ms   product ÷ SDK ${(row.product / row.sdk).toFixed(2)}×   product ÷ signature ${(row.product / row.floor).toFixed(2)}×`);
  }
  if (process.env.BENCH_JSON) fs.writeFileSync(process.env.BENCH_JSON, `${JSON.stringify({ node: process.version, perRound: PER_ROUND, rounds: ROUNDS, results }, null, 2)}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
