/**
 * V8's code cache baked into the function image (lib/oci/container-image.ts codeCacheDockerfileLines,
 * lambda-src/start.cjs, lambda-src/prime.ts). There is no docker engine here, so the image build's step is run as the
 * build would run it, in a directory laid out like the image's /function, on this machine's Node (V8 caches work on
 * every Node; a cache is only ever read by the Node that wrote it):
 * - the publisher's step answers one priming event against its loopback stand-in and leaves the cache, without sending
 *   anything to a stream or an endpoint the build's environment names;
 * - through start.cjs with that cache, the function answers real events into the Streaming emulator, which verifies
 *   their signatures; a cache made for another func.js is rejected (said on stderr) and the function still answers;
 * - an entry that cannot be primed gets the load-only step: its modules run once, it never listens.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { TerraformStack, Testing } from 'cdktf';
import { BundledFunctionCode } from '../../lib';
import { projectCacheRoot } from '../../lib/bundling/build-context-cache';
import { defaultFunctionEntry } from '../../lib/bundling/bundle-function';
import { createIssuerKeyPair, createLocalResourcePrincipal, StreamingEmulator } from '../../lib/emulators';
import { bundleHashes } from '../helpers/bundle-hash';
import { fixtureText } from '../helpers/fdk-fixtures';
import { FdkProcess } from '../helpers/fdk-harness';
import { COMPARTMENT } from '../helpers/synth';

const STREAM_ID = 'ocid1.stream.oc1.iad.amaaaaaacodecachestream';
const LOADER = path.join(__dirname, '..', '..', 'lambda-src', 'start.cjs');

/** The synthesized build context of a BundledFunctionCode for `entry`: its directory in the project's cache. */
function buildContext(entry: string): string {
  const stack = new TerraformStack(Testing.app(), 'test');
  new BundledFunctionCode({ entry, compartmentId: COMPARTMENT, region: 'us-ashburn-1' }).bind(stack);
  const [{ contentHash }] = bundleHashes(JSON.parse(Testing.synth(stack)));
  return path.join(projectCacheRoot()!, contentHash);
}

/** The Dockerfile's RUN commands, in order. */
const runs = (dockerfile: string) => dockerfile.split('\n').filter((line) => line.startsWith('RUN ')).map((line) => line.slice(4));

/** Runs the image build's code-cache step in `dir` (standing in for /function), with `env` as the build's environment. */
function runBuildStep(dockerfile: string, dir: string, env: Record<string, string> = {}) {
  const step = runs(dockerfile).find((run) => run.includes('CLAIMCHECK_WRITE_CODE_CACHE=1'))!;
  return spawnSync('sh', ['-c', step.replaceAll('/function', dir).replace(/ >\/dev\/null 2>&1 \|\| true$/, '')], {
    env: { PATH: `${path.dirname(process.execPath)}:${process.env.PATH ?? ''}`, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

/** A directory laid out like the image's /function: the build context's func.js and start.cjs. */
function imageDir(context: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'code-cache-'));
  for (const file of ['func.js', 'start.cjs']) fs.copyFileSync(path.join(context, file), path.join(dir, file));
  return dir;
}

describe("the publisher's image", () => {
  let context: string;
  let dockerfile: string;
  beforeAll(() => {
    context = buildContext(defaultFunctionEntry());
    dockerfile = fs.readFileSync(path.join(context, 'Dockerfile'), 'utf8');
  });

  test('copies start.cjs beside func.js, primes the cache before the permissions step, and starts through start.cjs', () => {
    expect(fs.readFileSync(path.join(context, 'start.cjs'), 'utf8')).toBe(fs.readFileSync(LOADER, 'utf8'));
    expect(dockerfile).toContain('COPY func.js start.cjs /function/\n');
    const steps = runs(dockerfile);
    expect(steps).toEqual(['cd /function && CLAIMCHECK_WRITE_CODE_CACHE=1 CLAIMCHECK_PRIME=1 timeout 60 node start.cjs >/dev/null 2>&1 || true', 'chmod -R o+rX /function']);
    expect(dockerfile.trimEnd().split('\n').pop()).toBe('ENTRYPOINT ["node", "start.cjs"]');
  });

  describe('built as the Dockerfile builds it', () => {
    let dir: string;
    let elsewhere: http.Server;
    let elsewhereRequests = 0;
    let build: ReturnType<typeof runBuildStep>;
    beforeAll(async () => {
      dir = imageDir(context);
      // The build's environment names a stream endpoint and credentials: the priming run must use none of them.
      elsewhere = http.createServer((req, res) => {
        elsewhereRequests += 1;
        res.writeHead(500).end();
      });
      await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
      const endpoint = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}`;
      build = runBuildStep(dockerfile, dir, { STREAM_OCID: 'ocid1.stream.oc1.iad.real', STREAM_ENDPOINT: endpoint, OCI_AUTH: 'config_file', OCI_CONFIG_FILE: '/nonexistent', OCI_REGION: 'eu-frankfurt-1' });
    }, 60_000);
    afterAll(async () => {
      await new Promise((resolve) => elsewhere.close(resolve));
      fs.rmSync(dir, { recursive: true, force: true });
    });

    test('the priming run publishes one claim to its loopback stand-in, exits 0 and leaves the code cache; nothing reaches the environment’s endpoint', () => {
      expect({ status: build.status, signal: build.signal, stderr: build.stderr }).toEqual({ status: 0, signal: null, stderr: '' });
      const published = build.stdout.split('\n').filter((line) => line.includes('"claim-check.published"')).map((line) => JSON.parse(line));
      expect(published).toEqual([expect.objectContaining({ callId: 'priming', streamId: 'ocid1.stream.oc1.iad.primingonly', bucket: 'priming-bucket', attempts: 1 })]);
      expect(elsewhereRequests).toBe(0);
      // The cache holds more than the bundle's top level: the functions the invocation ran (Node's own compile cache
      // of this bundle, for comparison, is ~53 KB).
      expect(fs.statSync(path.join(dir, 'func.js.code-cache')).size).toBeGreaterThan(200_000);
      expect(fs.readdirSync(dir).sort()).toEqual(['func.js', 'func.js.code-cache', 'start.cjs']);
    });

    test('through start.cjs with that cache, the function answers real events into the emulator, which verifies their signatures', async () => {
      const issuer = createIssuerKeyPair();
      const emu = await StreamingEmulator.start({ streams: [{ id: STREAM_ID, name: 'claims', partitions: 1 }], port: 0, auth: { issuerPublicKey: issuer.publicKeyPem } });
      const principal = createLocalResourcePrincipal({ issuer, region: 'us-ashburn-1' });
      const fdk = await FdkProcess.start(path.join(dir, 'start.cjs'), { ...principal.env, OCI_AUTH: 'resource_principal', STREAM_OCID: STREAM_ID, STREAM_ENDPOINT: emu.endpoint });
      try {
        for (let i = 0; i < 3; i++) {
          const response = await fdk.invoke(fixtureText('oci-createobject.json'));
          expect({ status: response.status, outcome: JSON.parse(response.body).status }).toEqual({ status: 200, outcome: 'published' });
        }
        expect(emu.readAll(STREAM_ID)).toHaveLength(3);
        expect(fdk.logs.filter((line) => line.stream === 'stderr').map((line) => line.text)).toEqual([]);
      } finally {
        await fdk.stop();
        await emu.stop();
      }
    });

    test.each([
      ['another func.js of the same length (V8 itself compares only lengths)', 'was made for another func.js', (file: string) => fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('claim-check', 'claim-chekk'))],
      ['another func.js', 'was made for another func.js', (file: string) => fs.appendFileSync(file, '\n// edited after the image was built\n')],
      ['another V8 (its data altered past the digest)', 'was made by another Node', (_file: string, cache: string) => { const bytes = fs.readFileSync(cache); bytes.fill(7, 40, 80); fs.writeFileSync(cache, bytes); }],
    ])('a cache made for %s is not used, said once on stderr, and the function still answers', async (_case, why, alter) => {
      const other = imageDir(context);
      try {
        fs.copyFileSync(path.join(dir, 'func.js.code-cache'), path.join(other, 'func.js.code-cache'));
        alter(path.join(other, 'func.js'), path.join(other, 'func.js.code-cache'));
        const fdk = await FdkProcess.start(path.join(other, 'start.cjs'), { STREAM_OCID: STREAM_ID, STREAM_ENDPOINT: 'http://127.0.0.1:9' });
        try {
          const response = await fdk.invoke('{not json');
          expect({ status: response.status, code: JSON.parse(response.body).error?.code }).toEqual({ status: 200, code: 'MalformedJson' });
          // (the function's own structured log lines are JSON; start.cjs's line is plain text)
          const stderr = fdk.logs.filter((line) => line.stream === 'stderr' && line.json === null).map((line) => line.text);
          expect(stderr).toEqual([`start.cjs: the code cache func.js.code-cache ${why}${why.endsWith('Node') ? ` (${process.version} here) or with other flags` : ''}; starting without it`]);
        } finally {
          await fdk.stop();
        }
      } finally {
        fs.rmSync(other, { recursive: true, force: true });
      }
    });
  });
});

describe('an entry that cannot be primed', () => {
  test('gets the load-only step: its modules run once, the cache is written, nothing listens', () => {
    // Another entry: a handler of the team's own (here, a small FDK function in a temp project).
    const project = fs.mkdtempSync(path.join(os.tmpdir(), 'code-cache-entry-'));
    try {
      const entry = path.join(project, 'handler.ts');
      fs.writeFileSync(entry, "import * as fdk from '@fnproject/fdk';\nfdk.handle(async (input: string) => ({ echoed: input }), { inputMode: 'string' });\n");
      fs.symlinkSync(path.join(__dirname, '..', '..', 'node_modules'), path.join(project, 'node_modules'), 'dir');
      const context = buildContext(entry);
      const dockerfile = fs.readFileSync(path.join(context, 'Dockerfile'), 'utf8');
      expect(runs(dockerfile)[0]).toBe('cd /function && CLAIMCHECK_WRITE_CODE_CACHE=1 CLAIMCHECK_COMPILE_CACHE_WARMUP=1 timeout 60 node start.cjs >/dev/null 2>&1 || true');
      const dir = imageDir(context);
      try {
        // The FDK exits 2 without FN_FORMAT once the modules are loaded; start.cjs writes the cache at that exit.
        const result = runBuildStep(dockerfile, dir);
        expect(result.status).toBe(2);
        expect(fs.readdirSync(dir).sort()).toEqual(['func.js', 'func.js.code-cache', 'start.cjs']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    } finally {
      fs.rmSync(project, { recursive: true, force: true });
    }
  });
});

describe('start.cjs', () => {
  test('runs func.js as `node func.js` would: its require, module, __filename and __dirname, without loading the ESM loader', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'code-cache-require-'));
    try {
      fs.copyFileSync(LOADER, path.join(dir, 'start.cjs'));
      fs.writeFileSync(path.join(dir, 'helper.js'), 'module.exports = "beside func.js";\n');
      // func.js reports what it was given, and (at exit) whether Node's ESM loader was ever loaded: module.createRequire
      // loads it, and a cold start does not need it.
      fs.writeFileSync(
        path.join(dir, 'func.js'),
        [
          'const report = { helper: require("./helper"), path: require("node:path") === require("path"), main: require.main.filename,',
          '  filename: __filename, dirname: __dirname, moduleId: module.id, exportsIsModuleExports: exports === module.exports };',
          'process.on("exit", () => { report.esmLoader = process.moduleLoadList.some((name) => name.includes("internal/modules/esm/loader")); console.log(JSON.stringify(report)); });',
        ].join('\n'),
      );
      const result = spawnSync(process.execPath, ['start.cjs'], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
      expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
      expect(JSON.parse(result.stdout)).toEqual({
        helper: 'beside func.js',
        path: true,
        main: path.join(fs.realpathSync(dir), 'start.cjs'),
        filename: path.join(fs.realpathSync(dir), 'func.js'),
        dirname: fs.realpathSync(dir),
        moduleId: '.',
        exportsIsModuleExports: true,
        esmLoader: false,
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
