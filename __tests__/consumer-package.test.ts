/**
 * The consumers-only package, `cdktf-oci-claim-check-consumer` (scripts/build-consumer-package.mjs): built and
 * packed, installed into a fresh TypeScript project with nothing but its own dependency tree, compiled strictly
 * (Node16 resolution, and the older node10 resolution through typesVersions), and run: a consumer processes a claim
 * built with the packaged contract. None of the construct side's install weight comes with it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const CONSTRUCT_SIDE = ['cdktf', 'constructs', 'esbuild', '@cdktf/provider-docker', '@fnproject/fdk'];

describe('the consumers-only package', () => {
  let work: string;
  let app: string;
  let manifest: { name: string; dependencies: Record<string, string>; license?: string; repository?: unknown; homepage?: string; bugs?: unknown };
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'claimcheck-consumer-package-'));
    const built = join(work, 'package');
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-consumer-package.mjs'), built], { stdio: 'pipe' });
    manifest = JSON.parse(readFileSync(join(built, 'package.json'), 'utf8'));
    const packed = JSON.parse(execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: built, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
    app = join(work, 'app');
    const installed = join(app, 'node_modules', manifest.name);
    mkdirSync(installed, { recursive: true });
    execFileSync('tar', ['-xzf', join(work, packed[0].filename), '-C', installed, '--strip-components=1']);
    // What `npm i cdktf-oci-claim-check-consumer` would bring: the package's own dependency tree, and nothing else
    // (plus Node's types, which the app compiles with).
    for (const name of [...dependencyTree(Object.keys(manifest.dependencies)), '@types/node', 'undici-types']) {
      const target = join(app, 'node_modules', name);
      mkdirSync(join(target, '..'), { recursive: true });
      if (!existsSync(target)) symlinkSync(join(ROOT, 'node_modules', name), target);
    }
  }, 180000);
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test('depends on the three OCI SDK packages the consumer calls, at the construct package\'s versions, and on nothing else', () => {
    const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(manifest.name).toBe('cdktf-oci-claim-check-consumer');
    expect({ license: manifest.license, repository: manifest.repository, homepage: manifest.homepage, bugs: manifest.bugs }).toEqual({
      license: root.license,
      repository: root.repository,
      homepage: root.homepage,
      bugs: root.bugs,
    });
    expect(manifest.repository).toBeDefined();
    expect(manifest.dependencies).toEqual({ 'oci-common': root.dependencies['oci-common'], 'oci-objectstorage': root.dependencies['oci-objectstorage'], 'oci-streaming': root.dependencies['oci-streaming'] });
    const tree = dependencyTree(Object.keys(manifest.dependencies));
    expect(tree.filter((name) => CONSTRUCT_SIDE.includes(name))).toEqual([]);
  });

  test('ships the consumer, the contract and the runtime toolkit, compiled, with sources in the maps; no constructs, no emulators', () => {
    const files = execFileSync('find', [join(app, 'node_modules', manifest.name)], { encoding: 'utf8' }).split('\n').map((f) => f.slice(join(app, 'node_modules', manifest.name).length + 1));
    for (const f of ['dist/lib/consumer/index.js', 'dist/lib/consumer/index.d.ts', 'dist/lib/contract/index.js', 'dist/lib/runtime/retryability.js', 'README.md', 'LICENSE']) expect(files).toContain(f);
    expect(files.filter((f) => /^dist\/lib\/(oci|pattern|generated|emulators|local|sample|bundling|testing)\//.test(f) || f.includes('/entries/'))).toEqual([]);
    const map = JSON.parse(readFileSync(join(app, 'node_modules', manifest.name, 'dist', 'lib', 'consumer', 'consumer.js.map'), 'utf8'));
    expect(map.sourcesContent?.[0]).toContain('export class ClaimCheckConsumer');
  });

  test.each([
    ['node16', { module: 'node16', moduleResolution: 'node16' }],
    ['node10 (cdktf init\'s tsconfig)', { module: 'commonjs', moduleResolution: 'node' }],
  ])('a consumer app compiles with %s resolution and processes a claim, without the construct side installed', (_name, resolution) => {
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'ES2022', strict: true, outDir: 'out', skipLibCheck: true, types: ['node'], ...resolution }, files: ['consume.ts'] }));
    writeFileSync(
      join(app, 'consume.ts'),
      `
import { Readable } from 'node:stream';
import { ClaimCheckConsumer, RawStreamMessage } from 'cdktf-oci-claim-check-consumer';
import { buildClaimCheck, encodeClaimMessage } from 'cdktf-oci-claim-check-consumer/contract';

const claim = buildClaimCheck(
  { eventType: 'com.oraclecloud.objectstorage.createobject', action: 'createobject', eventId: 'e1', eventTime: '2026-01-01T00:00:00Z', namespace: 'ns', bucket: 'landing', object: "it's.csv", etag: 'etag-1', versionId: null },
  { region: 'us-ashburn-1', realmDomain: 'oraclecloud.com' },
);
const { key, value } = encodeClaimMessage(claim);
const message: RawStreamMessage = { partition: '0', offset: 0, key: key.toString('base64'), value: value.toString('base64') };
let committed = false;
const consumer = new ClaimCheckConsumer({
  streamId: 's', messagesEndpoint: 'http://unused', groupName: 'g', instanceName: 'i',
  allowedBuckets: [{ namespace: 'ns', bucket: 'landing' }],
  deadLetter: { kind: 'bucket', namespace: 'ns', bucket: 'state' },
  dedupe: { kind: 'memory' },
  logger: { log: () => undefined },
  clients: {
    stream: {
      createGroupCursor: async () => ({ cursor: { value: 'c' } }),
      createCursor: async () => ({ cursor: { value: 'p' } }),
      getMessages: async () => ({ items: committed ? [] : [message], opcNextCursor: 'c' }),
      consumerCommit: async () => { committed = true; return { cursor: { value: 'c' } }; },
      consumerHeartbeat: async () => ({ cursor: { value: 'c' } }),
    },
    objectStorage: {
      getObject: async () => ({ value: Readable.from([Buffer.from('a,b')]), eTag: 'etag-1' }),
      headObject: async () => ({}),
      putObject: async () => ({}),
    },
  },
  handler: async (c, object) => {
    let text = '';
    for await (const chunk of object!.body) text += chunk;
    console.log(JSON.stringify({ object: c.data.object, text }));
  },
});
consumer.on('commit', () => void consumer.stop());
void consumer.run();
`,
    );
    const compiled = spawnSync(process.execPath, [TSC, '-p', join(app, 'tsconfig.json')], { cwd: app, encoding: 'utf8' });
    expect(compiled.stdout + compiled.stderr).toBe('');
    const out = execFileSync(process.execPath, [join(app, 'out', 'consume.js')], { cwd: app, encoding: 'utf8', timeout: 30000 });
    expect(JSON.parse(out.trim())).toEqual({ object: "it's.csv", text: 'a,b' });
    for (const name of CONSTRUCT_SIDE) {
      const resolved = spawnSync(process.execPath, ['-e', `require.resolve(${JSON.stringify(name)})`], { cwd: app, encoding: 'utf8' });
      expect([name, resolved.status]).toEqual([name, 1]);
    }
  });
});

/** The packages (top-level names in this checkout's node_modules) that `names` need at run time, transitively. */
function dependencyTree(names: string[]): string[] {
  const result = new Set<string>();
  const queue = [...names];
  while (queue.length > 0) {
    const name = queue.shift()!;
    if (result.has(name)) continue;
    result.add(name);
    const manifest = JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8'));
    queue.push(...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.optionalDependencies ?? {}).filter((d) => existsSync(join(ROOT, 'node_modules', d))));
  }
  return [...result];
}
