/**
 * The bundle cache (lib/bundling/bundle-cache.ts): a synth whose function sources did not change takes the bundle
 * from the project's private cache without running esbuild, byte for byte what esbuild makes; any change to what the
 * build read (a lambda-src file, a contract file), to the esbuild version or to an option runs esbuild again;
 * CLAIMCHECK_FORCE_BUNDLING=1 always does; concurrent bundlings of the same inputs both succeed with the same bytes.
 *
 * The function's sources are copied into a throwaway project (lambda-src, lib/contract, lib/runtime, with this
 * repository's node_modules linked in), so that editing them touches nothing of the checkout.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { BuildOptions, BuildResult } from 'esbuild';
import { build, buildSync } from 'esbuild';
import {
  AsyncBundler,
  Bundler,
  bundleFunctionContents,
  BundleFunctionOptions,
  clearPreparedBundles,
  FORCE_BUNDLING_ENV,
  prebundleFunctionContents,
} from '../../lib/bundling/bundle-function';
import { readCachedBundle, writeCachedBundle } from '../../lib/bundling/bundle-cache';
import { handlerEntry } from '../../lib/bundling/handler-entry';

const repoRoot = join(__dirname, '..', '..');
const ESBUILD_VERSION = (require('esbuild/package.json') as { version: string }).version;

let base: string;
let project: string;
let cacheRoot: string;
let builds: number;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'bundle-cache-'));
  project = join(base, 'project');
  for (const dir of ['lambda-src', 'lib/contract', 'lib/runtime']) cpSync(join(repoRoot, dir), join(project, dir), { recursive: true });
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'bundle-cache-probe', private: true }));
  // Sources written a while ago (a build whose inputs were written in the last 2 s is not stored).
  backdate(project);
  symlinkSync(join(repoRoot, 'node_modules'), join(project, 'node_modules'), 'dir');
  // The cache lives under another project (the one a synth runs in), so each test can start from an empty one.
  mkdirSync(join(base, 'app'));
  writeFileSync(join(base, 'app', 'package.json'), '{}');
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

beforeEach(() => {
  builds = 0;
  cacheRoot = join(base, 'app', 'node_modules');
  rmSync(cacheRoot, { recursive: true, force: true });
});

/** Sets the modification time of `path` (and, for a directory, everything under it) a minute back. */
function backdate(path: string): void {
  const then = new Date(Date.now() - 60_000);
  if (statSync(path).isDirectory()) for (const name of readdirSync(path)) backdate(join(path, name));
  utimesSync(path, then, then);
}

/** The latest change time (ctime: a backdated modification time still moves it) of a file under `dir`, node_modules aside. */
function newestChange(dir: string): number {
  let newest = statSync(dir).ctimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(path) : statSync(path).ctimeMs);
  }
  return newest;
}

/** Waits until a change at `changedMs` is settled for the cache (bundle-cache.ts notes statuses 2 s after a change). */
async function settleSince(changedMs: number): Promise<void> {
  const wait = changedMs + 2_100 - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}

/** An edit made a while ago: the content changes, the timestamp says it is not fresh. */
function edit(file: string, content: string): void {
  writeFileSync(file, content);
  backdate(file);
}

const entry = () => join(project, 'lambda-src', 'func.ts');
const options = (extra: Partial<BundleFunctionOptions> = {}): BundleFunctionOptions => ({ entry: entry(), outFile: join(base, 'out', 'func.js'), ...extra });

/** Real esbuild, counted. */
function bundler(extra: Partial<Bundler> = {}): Bundler {
  return {
    build: (o: BuildOptions): BuildResult => {
      builds += 1;
      return buildSync(o);
    },
    cache: { workingDirectory: join(base, 'app') },
    env: {},
    ...extra,
  };
}

const bundle = (extra: Partial<BundleFunctionOptions> = {}, with_: Partial<Bundler> = {}) => bundleFunctionContents(options(extra), bundler(with_));
const sha = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
const bundleDir = () => join(cacheRoot, '.cache', 'cdktf-oci-claim-check', 'bundles');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)).map((f) => `${e.name}/${f}`) : [e.name]));

/** What esbuild makes of the sources as they are now, outside the cache. */
const fresh = (extra: Partial<BundleFunctionOptions> = {}) => bundleFunctionContents(options({ ...extra, cache: false }), bundler()).contents;

describe('the bundle cache', () => {
  test('a second bundling of unchanged sources comes from the cache, byte for byte what esbuild makes, without running esbuild', () => {
    const first = bundle();
    expect([first.cached, builds]).toEqual([false, 1]);
    const second = bundle();
    expect([second.cached, builds]).toEqual([true, 1]);
    expect(second.sha256).toBe(first.sha256);
    expect(second.contents.equals(first.contents)).toBe(true);
    expect(sha(second.contents)).toBe(second.sha256);
    // The cache holds one record and its output, in a private directory, and no temporary file.
    const held = files(bundleDir());
    expect(held).toHaveLength(2);
    expect(held.every((f) => /^[0-9a-f]{64}\/[0-9a-f]{64}\.(js|json)$/.test(f))).toBe(true);
    expect(readdirSync(bundleDir()).length).toBe(1);
    expect(fresh().equals(first.contents)).toBe(true);
  });

  test('a changed lambda-src file or contract file runs esbuild again, and the result is what esbuild makes of the new sources', () => {
    const before = bundle();
    expect(bundle().cached).toBe(true);

    const handler = join(project, 'lambda-src', 'handler.ts');
    const original = readFileSync(handler, 'utf8');
    try {
      edit(handler, `${original}\nconsole.log("bundle-cache-probe: handler");\n`);
      const afterHandler = bundle();
      expect([afterHandler.cached, builds]).toEqual([false, 2]);
      expect(afterHandler.contents.toString()).toContain('bundle-cache-probe: handler');
      expect(bundle().cached).toBe(true);
      expect(builds).toBe(2);

      const contract = join(project, 'lib', 'contract', 'claim.ts');
      const contractSource = readFileSync(contract, 'utf8');
      try {
        edit(contract, `${contractSource}\nconsole.log("bundle-cache-probe: contract");\n`);
        const afterContract = bundle();
        expect([afterContract.cached, builds]).toEqual([false, 3]);
        expect(afterContract.contents.toString()).toContain('bundle-cache-probe: contract');
        expect(afterContract.contents.equals(fresh())).toBe(true);
      } finally {
        edit(contract, contractSource);
      }
    } finally {
      edit(handler, original);
    }
    // Back to the first sources: their record is still there.
    const restored = bundle();
    expect(restored.cached).toBe(true);
    expect(restored.sha256).toBe(before.sha256);
  });

  test('a change that leaves the output the same (a comment) still runs esbuild: the key is what was read, not what came out', () => {
    bundle();
    const errors = join(project, 'lambda-src', 'errors.ts');
    const original = readFileSync(errors, 'utf8');
    try {
      edit(errors, `${original}\n// bundle-cache-probe\n`);
      const after = bundle();
      expect([after.cached, builds]).toEqual([false, 2]);
    } finally {
      edit(errors, original);
    }
  });

  test('a config file that appears beside an input (tsconfig.json) runs esbuild again', () => {
    bundle();
    const tsconfig = join(project, 'lambda-src', 'tsconfig.json');
    try {
      edit(tsconfig, '{}');
      expect(bundle().cached).toBe(false);
      expect(bundle().cached).toBe(true);
    } finally {
      rmSync(tsconfig);
    }
    expect(bundle().cached).toBe(true);
    expect(builds).toBe(2);
  });

  test('another esbuild version or another option is another build', () => {
    bundle();
    expect(bundle({}, { esbuildVersion: `${ESBUILD_VERSION}-other` }).cached).toBe(false);
    expect(bundle({ minify: false }).cached).toBe(false);
    expect(bundle({ define: { __BENCH_REUSE_CLIENTS__: 'false' } }).cached).toBe(false);
    expect(builds).toBe(4);
    // Each has its own entry now.
    expect(bundle({}, { esbuildVersion: `${ESBUILD_VERSION}-other` }).cached).toBe(true);
    expect(bundle({ minify: false }).cached).toBe(true);
    expect(bundle().cached).toBe(true);
    expect(builds).toBe(4);
  });

  test('a generated entry is keyed by its source', () => {
    const handlerFile = join(project, 'lambda-src', 'handler.ts');
    const generated = handlerEntry(handlerFile, 'fleet');
    const a = bundleFunctionContents({ entry: generated, outFile: join(base, 'out', 'main.js'), minify: false }, bundler());
    const b = bundleFunctionContents({ entry: generated, outFile: join(base, 'out', 'main.js'), minify: false }, bundler());
    expect([a.cached, b.cached, builds]).toEqual([false, true, 1]);
    const other = { ...generated, contents: `${generated.contents}// another entry\n` };
    expect(bundleFunctionContents({ entry: other, outFile: join(base, 'out', 'main.js'), minify: false }, bundler()).cached).toBe(false);
    expect(builds).toBe(2);
  });

  test(`${FORCE_BUNDLING_ENV}=1 (or forceRebuild) runs esbuild although the cache has the build, and stores its output`, () => {
    const first = bundle();
    const forced = bundle({}, { env: { [FORCE_BUNDLING_ENV]: '1' } });
    expect([forced.cached, builds]).toEqual([false, 2]);
    expect(forced.sha256).toBe(first.sha256);
    expect(bundle({ forceRebuild: true }).cached).toBe(false);
    expect(bundle({}, { env: { [FORCE_BUNDLING_ENV]: 'true' } }).cached).toBe(false);
    expect(builds).toBe(4);
    expect(bundle({}, { env: { [FORCE_BUNDLING_ENV]: '0' } }).cached).toBe(true);
    expect(bundle({ cache: false }).cached).toBe(false);
    expect(builds).toBe(5);
  });

  test('a tampered, truncated or missing output, or a malformed record, is a miss and is rebuilt, never returned', () => {
    const good = bundle();
    // Each step spoils every build stored for the key: a rebuild may store its record under a new name (an input's
    // status is trusted only 2 s after its last change), next to the spoilt one, and a lookup would take that one.
    const stored = (suffix: '.js' | '.json'): string[] => {
      const [dir] = readdirSync(bundleDir());
      return readdirSync(join(bundleDir(), dir)).filter((f) => f.endsWith(suffix)).map((f) => join(bundleDir(), dir, f));
    };
    expect(stored('.js')).toHaveLength(1);

    for (const output of stored('.js')) writeFileSync(output, good.contents.toString().replace('fdk-node', 'fdk-evil'));
    const afterTamper = bundle();
    expect([afterTamper.cached, afterTamper.sha256]).toEqual([false, good.sha256]);

    for (const output of stored('.js')) writeFileSync(output, good.contents.subarray(0, 1000));
    expect(bundle().cached).toBe(false);

    for (const output of stored('.js')) rmSync(output);
    expect(bundle().cached).toBe(false);

    for (const record of stored('.json')) writeFileSync(record, '{"format":1,');
    expect(bundle().cached).toBe(false);
    expect(builds).toBe(5);
    expect(bundle()).toMatchObject({ cached: true, sha256: good.sha256 });
  });

  test('a build during which an input changes is not stored (the content hashed after it may not be what esbuild read)', () => {
    const handler = join(project, 'lambda-src', 'handler.ts');
    const original = readFileSync(handler, 'utf8');
    try {
      const during = bundle(
        {},
        {
          build: (o: BuildOptions): BuildResult => {
            builds += 1;
            const result = buildSync(o);
            appendFileSync(handler, '\nconsole.log("bundle-cache-probe: written while esbuild ran");\n');
            return result;
          },
        },
      );
      expect(during.cached).toBe(false);
      expect(during.contents.toString()).not.toContain('written while esbuild ran');
      expect(readdirSync(bundleDir())).toEqual([]);
      // A minute later (as far as the timestamps go), the same sources are built and stored.
      backdate(handler);
      const next = bundle();
      expect([next.cached, builds]).toEqual([false, 2]);
      expect(next.contents.toString()).toContain('written while esbuild ran');
      expect(bundle().cached).toBe(true);
    } finally {
      edit(handler, original);
    }
  });

  test('a build that fails stores nothing', () => {
    const broken = join(project, 'lambda-src', 'broken.ts');
    writeFileSync(broken, 'import { nope } from "./does-not-exist";\nexport const x = nope;\n');
    try {
      expect(() => bundleFunctionContents({ entry: broken, outFile: join(base, 'out', 'b.js') }, bundler())).toThrow(/Could not resolve "\.\/does-not-exist"/);
      expect(readdirSync(bundleDir())).toEqual([]);
    } finally {
      rmSync(broken);
    }
  });

  test('a bundling that another one overtakes (same inputs, stored while it ran) still succeeds, with the same bytes', () => {
    let nested: ReturnType<typeof bundleFunctionContents> | undefined;
    const overtaken = bundle(
      {},
      {
        build: (o: BuildOptions): BuildResult => {
          builds += 1;
          // Another synth bundles the same sources and stores them while this build runs.
          nested = bundle();
          return buildSync(o);
        },
      },
    );
    expect(nested?.cached).toBe(false);
    expect(overtaken.cached).toBe(false);
    expect(overtaken.sha256).toBe(nested!.sha256);
    const held = files(bundleDir());
    expect(held.filter((f) => f.includes('.tmp-'))).toEqual([]);
    expect(held).toHaveLength(2);
    expect(bundle()).toMatchObject({ cached: true, sha256: overtaken.sha256 });
  });

  test('two processes bundling the same sources at once both succeed with identical bytes, and leave one complete entry', async () => {
    const script = join(base, 'concurrent.js');
    writeFileSync(
      script,
      [
        `require(${JSON.stringify(require.resolve('tsx/cjs', { paths: [repoRoot] }))});`,
        `const { bundleFunctionContents } = require(${JSON.stringify(join(repoRoot, 'lib', 'bundling', 'bundle-function.ts'))});`,
        `const r = bundleFunctionContents({ entry: ${JSON.stringify(entry())}, outFile: ${JSON.stringify(join(base, 'out', 'func.js'))} },`,
        `  { cache: { workingDirectory: ${JSON.stringify(join(base, 'app'))} }, env: {} });`,
        `process.stdout.write(JSON.stringify({ sha256: r.sha256, cached: r.cached, computed: require('node:crypto').createHash('sha256').update(r.contents).digest('hex') }));`,
      ].join('\n'),
    );
    const run = () =>
      new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
        const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        let err = '';
        child.stdout.on('data', (d) => (out += d));
        child.stderr.on('data', (d) => (err += d));
        child.on('close', (code) => resolve({ code, out, err }));
      });
    // Both builds must see every input as settled (changed more than 2 s before they start; earlier tests edited some),
    // or one notes a file's status and the other does not, and the two records differ.
    await settleSince(newestChange(project));
    const results = await Promise.all([run(), run()]);
    for (const r of results) expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: '' });
    const [a, b] = results.map((r) => JSON.parse(r.out) as { sha256: string; cached: boolean; computed: string });
    expect(a.sha256).toBe(b.sha256);
    expect([a.computed, b.computed]).toEqual([a.sha256, a.sha256]);
    expect(files(bundleDir()).filter((f) => f.includes('.tmp-'))).toEqual([]);
    expect(files(bundleDir())).toHaveLength(2);
    const again = bundle();
    expect([again.cached, again.sha256, builds]).toEqual([true, a.sha256, 0]);
  });
});

describe('prebundleFunctionContents: the bundle started before the constructs load', () => {
  let asyncBuilds: number;
  const asyncBundler = (extra: Partial<AsyncBundler> = {}): AsyncBundler => ({
    build: (o: BuildOptions): Promise<BuildResult> => {
      asyncBuilds += 1;
      return build(o);
    },
    cache: { workingDirectory: join(base, 'app') },
    env: {},
    ...extra,
  });
  beforeEach(() => {
    asyncBuilds = 0;
  });
  afterEach(() => clearPreparedBundles());

  test("bundles with esbuild's asynchronous API, byte for byte what buildSync makes, and the construct's bundling then takes it without esbuild, even forced", async () => {
    const prepared = await prebundleFunctionContents(options(), asyncBundler({ env: { [FORCE_BUNDLING_ENV]: '1' } }));
    expect([prepared.cached, asyncBuilds]).toEqual([false, 1]);
    expect(prepared.contents.equals(fresh())).toBe(true);
    builds = 0;
    const taken = bundle({}, { env: { [FORCE_BUNDLING_ENV]: '1' } });
    expect([taken.sha256, builds]).toEqual([prepared.sha256, 0]);
    // It was stored like any build: once forgotten by this process, the next bundling is a cache hit, and forcing one
    // runs esbuild again.
    clearPreparedBundles();
    expect([bundle().cached, builds]).toEqual([true, 0]);
    expect([bundle({ forceRebuild: true }).cached, builds]).toEqual([false, 1]);
  });

  test('unchanged sources: a cache hit, no esbuild started', async () => {
    const first = bundle();
    const prepared = await prebundleFunctionContents(options(), asyncBundler());
    expect([prepared.cached, prepared.sha256, asyncBuilds]).toEqual([true, first.sha256, 0]);
  });

  test('a bundle with other options is not taken for the construct\'s', async () => {
    await prebundleFunctionContents(options({ minify: false }), asyncBundler());
    builds = 0;
    expect([bundle().cached, builds]).toEqual([false, 1]);
  });

  test('a failing build rejects with the error the construct would throw, and stores nothing', async () => {
    const broken = join(project, 'lambda-src', 'broken-async.ts');
    writeFileSync(broken, 'import { nope } from "./does-not-exist";\nexport const x = nope;\n');
    try {
      await expect(prebundleFunctionContents({ entry: broken, outFile: join(base, 'out', 'b.js') }, asyncBundler())).rejects.toThrow(
        /^Cannot bundle OCI function .*broken-async\.ts: .*Could not resolve "\.\/does-not-exist"/,
      );
      expect(existsSync(bundleDir()) ? readdirSync(bundleDir()) : []).toEqual([]);
    } finally {
      rmSync(broken);
    }
  });
});

describe('the bundle cache trusts an unchanged file status instead of reading the file', () => {
  let dir: string;
  let cache: string;
  const hashed: string[] = [];
  const countingHash = (path: string): string | null => {
    hashed.push(basename(path));
    return existsSync(path) ? sha(readFileSync(path)) : null;
  };
  const inputs = ['a.ts', 'b.ts'];
  const output = Buffer.from('bundle output');

  beforeEach(() => {
    hashed.length = 0;
    dir = mkdtempSync(join(tmpdir(), 'bundle-status-'));
    cache = join(dir, 'cache');
    writeFileSync(join(dir, 'a.ts'), 'export const a = 1;\n');
    writeFileSync(join(dir, 'b.ts'), 'export const b = 2;\n');
    // Whole seconds, so that a Date can set the modification time back exactly.
    const then = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
    for (const name of inputs) utimesSync(join(dir, name), then, then);
    // Stored as by a build that started well after the files were last changed: their status is noted.
    expect(writeCachedBundle(cache, 'k'.repeat(64), dir, inputs, output, Date.now() + 10_000)).toBe(true);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('an unchanged input is not read on lookup', () => {
    expect(readCachedBundle(cache, 'k'.repeat(64), dir, countingHash)?.equals(output)).toBe(true);
    expect(hashed.filter((name) => inputs.includes(name))).toEqual([]);
  });

  test('a write that keeps the size and sets the modification time back is still seen (the change time moved)', () => {
    const file = join(dir, 'a.ts');
    const before = statSync(file);
    writeFileSync(file, 'export const a = 9;\n'); // same length
    utimesSync(file, before.atime, before.mtime);
    expect([statSync(file).size, statSync(file).mtimeMs]).toEqual([before.size, before.mtimeMs]);
    expect(readCachedBundle(cache, 'k'.repeat(64), dir, countingHash)).toBeUndefined();
    expect(hashed).toContain('a.ts');
  });

  test('a file rewritten with the same content is read, and still a hit', () => {
    writeFileSync(join(dir, 'b.ts'), 'export const b = 2;\n');
    expect(readCachedBundle(cache, 'k'.repeat(64), dir, countingHash)?.equals(output)).toBe(true);
    expect(hashed.filter((name) => inputs.includes(name))).toEqual(['b.ts']);
  });

  test('a file whose status changed shortly before the build gets none noted, and is read at every lookup', () => {
    const recent = join(dir, 'recent');
    const file = join(dir, 'c.ts');
    writeFileSync(file, 'export const c = 3;\n');
    backdate(file); // modified a minute ago, but its change time is now
    expect(writeCachedBundle(recent, 'r'.repeat(64), dir, ['c.ts'], output, Date.now())).toBe(true);
    for (let lookup = 0; lookup < 2; lookup++) {
      hashed.length = 0;
      expect(readCachedBundle(recent, 'r'.repeat(64), dir, countingHash)?.equals(output)).toBe(true);
      expect(hashed).toContain('c.ts');
    }
  });
});
