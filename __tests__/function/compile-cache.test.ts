/**
 * Node's compile cache baked into the function image (lib/oci/container-image.ts compileCacheDockerfileLines,
 * lambda-src/func.ts): the Dockerfile sets NODE_COMPILE_CACHE and loads the bundle once at build time in warm-up
 * mode. There is no docker engine here, so the step is run as the image build would run it, on this machine's Node:
 * the warm-up loads every module and exits 0 without serving; on Node 22+ it leaves a compile cache; on Node 20
 * (no compile cache) the variable is ignored and the function serves as before.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TerraformStack, Testing } from 'cdktf';
import { BundledFunctionCode } from '../../lib';
import { COMPILE_CACHE_WARMUP_ENV } from '../../lib/oci/container-image';
import { projectCacheRoot } from '../../lib/bundling/build-context-cache';
import { defaultFunctionEntry } from '../../lib/bundling/bundle-function';
import { bundleHashes } from '../helpers/bundle-hash';
import { bundleFunctionForTest, FdkProcess } from '../helpers/fdk-harness';
import { COMPARTMENT } from '../helpers/synth';

const [major, minor] = process.versions.node.split('.').map(Number);
const nodeHasCompileCache = major > 22 || (major === 22 && minor >= 1);

let bundle: ReturnType<typeof bundleFunctionForTest>;
let dockerfile: string;
beforeAll(() => {
  bundle = bundleFunctionForTest();
  const stack = new TerraformStack(Testing.app(), 'test');
  new BundledFunctionCode({ entry: defaultFunctionEntry(), compartmentId: COMPARTMENT, region: 'us-ashburn-1' }).bind(stack);
  const [{ contentHash }] = bundleHashes(JSON.parse(Testing.synth(stack)));
  // The build context as synthesized, from the project's build context cache (named by its content hash).
  dockerfile = fs.readFileSync(path.join(projectCacheRoot()!, contentHash, 'Dockerfile'), 'utf8');
});
afterAll(() => fs.rmSync(bundle.dir, { recursive: true, force: true }));

/** The image build's steps: ENV values and RUN commands, in order. */
function steps(text: string): { env: Record<string, string>; runs: string[] } {
  const env: Record<string, string> = {};
  const runs: string[] = [];
  for (const line of text.split('\n')) {
    const envMatch = /^ENV (\w+)=(\S+)$/.exec(line);
    if (envMatch) env[envMatch[1]] = envMatch[2];
    if (line.startsWith('RUN ')) runs.push(line.slice(4));
  }
  return { env, runs };
}

describe('the compile cache baked into the function image', () => {
  test('the Dockerfile sets NODE_COMPILE_CACHE inside the function directory and warms it with the bundle before the entry point', () => {
    const { env, runs } = steps(dockerfile);
    expect(env.NODE_COMPILE_CACHE).toBe('/function/.node-compile-cache');
    const warmup = runs.find((run) => run.includes(`${COMPILE_CACHE_WARMUP_ENV}=1`));
    expect(warmup).toMatch(/ node func\.js /);
    // A failed warm-up never fails the image build; the cache's directories stay readable for a non-root user.
    expect(warmup).toMatch(/\|\| true$/);
    expect(runs.indexOf(warmup!)).toBeLessThan(runs.indexOf('chmod -R o+rX /function'));
    expect(dockerfile.trimEnd().split('\n').pop()).toBe('ENTRYPOINT ["node", "func.js"]');
  });

  test('the warm-up step, run as the build runs it, loads the real bundle and exits 0 without listening (and leaves a cache on Node 22+)', () => {
    const { env, runs } = steps(dockerfile);
    const warmup = runs.find((run) => run.includes(COMPILE_CACHE_WARMUP_ENV))!.replace(/ \|\| true$/, '');
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'compile-cache-'));
    try {
      fs.copyFileSync(bundle.outFile, path.join(work, 'func.js'));
      const cache = path.join(work, '.node-compile-cache');
      const started = Date.now();
      // Without FN_FORMAT/FN_LISTENER the FDK would exit 2: exit 0 means the entry honoured the warm-up variable.
      const result = spawnSync('sh', ['-c', warmup], {
        cwd: work,
        env: { PATH: `${path.dirname(process.execPath)}:${process.env.PATH ?? ''}`, NODE_COMPILE_CACHE: env.NODE_COMPILE_CACHE.replace('/function', work) },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect({ status: result.status, signal: result.signal }).toEqual({ status: 0, signal: null });
      expect(Date.now() - started).toBeLessThan(30_000);
      expect(fs.readdirSync(work).filter((f) => f.endsWith('.sock'))).toEqual([]);
      if (nodeHasCompileCache) expect(fs.readdirSync(cache).length).toBeGreaterThan(0);
      else expect(fs.existsSync(cache)).toBe(false);
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  });

  test('with NODE_COMPILE_CACHE set as in the image, the function starts and answers as before', async () => {
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'compile-cache-run-'));
    const fdk = await FdkProcess.start(bundle.outFile, { STREAM_OCID: 's', STREAM_ENDPOINT: 'http://127.0.0.1:9', NODE_COMPILE_CACHE: cache });
    try {
      const response = await fdk.invoke('{not json');
      expect(response.status).toBe(200);
      expect(JSON.parse(response.body)).toMatchObject({ status: 'rejected', error: { code: 'MalformedJson' } });
    } finally {
      await fdk.stop();
      fs.rmSync(cache, { recursive: true, force: true });
    }
  });
});
