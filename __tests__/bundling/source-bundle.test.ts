/**
 * lib/bundling/source-bundle.ts on a package of its own in a temp directory: the bundle runs as the sources would
 * (each module's own __dirname and __filename, packages required from the entry's directory, a lazily required module
 * run only when first required), comes from the cache while nothing it read changed and is built again when a source
 * changes, a source that does not build is an error naming the file and line, and so is a bundling worker that fails
 * or ends without answering (naming what happened), with nothing cached.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSourceBundle, loadSourceBundle, runSourceBundle, SourceBundler } from '../../lib/bundling/source-bundle';

let project: string;
let bundler: SourceBundler;

beforeEach(() => {
  project = realpathSync(mkdtempSync(join(tmpdir(), 'source-bundle-')));
  bundler = { cache: { workingDirectory: project } };
  write('package.json', JSON.stringify({ name: 'fixture', private: true }));
  // A package the sources import: it stays a require, resolved from the entry's directory up.
  write('node_modules/greeting/package.json', JSON.stringify({ name: 'greeting', main: 'index.js' }));
  write('node_modules/greeting/index.js', 'exports.loadedFrom = __filename;\n');
  write('src/where.ts', 'export const where = { dir: __dirname, file: __filename };\n');
  write('src/deep/where.ts', 'export const deepWhere = { dir: __dirname, file: __filename };\n');
  write('src/runs.ts', 'export const runs: string[] = [];\n');
  write('src/lazy.ts', "import { runs } from './runs';\nruns.push('lazy');\nexport const lazy = 'lazy';\n");
  write(
    'src/entry.ts',
    [
      "import { loadedFrom } from 'greeting';",
      "import { where } from './where';",
      "import { deepWhere } from './deep/where';",
      'export const facts = { where, deepWhere, loadedFrom, entryDir: __dirname };',
      "export class NamedConstruct {}",
      "export function loadLazy(): string { return (require('./lazy') as typeof import('./lazy')).lazy; }",
      "export { runs } from './runs';",
      'export function fails(): never { throw new Error("thrown in entry.ts"); }',
      '',
    ].join('\n'),
  );
});

afterEach(() => rmSync(project, { recursive: true, force: true }));

/** Writes a fixture file, last modified a minute ago: the cache stores no build of a file written just before it. */
function write(file: string, text: string): void {
  mkdirSync(join(project, file, '..'), { recursive: true });
  writeFileSync(join(project, file), text);
  const aMinuteAgo = new Date(Date.now() - 60_000);
  utimesSync(join(project, file), aMinuteAgo, aMinuteAgo);
}

/** What src/entry.ts exports. */
interface Entry {
  facts: { where: { dir: string; file: string }; deepWhere: { dir: string; file: string }; loadedFrom: string; entryDir: string };
  NamedConstruct: new () => object;
  loadLazy(): string;
  runs: string[];
  fails(): never;
}

test("each module keeps its own __dirname and __filename, and packages resolve from the entry's directory", async () => {
  const entry = await loadSourceBundle<Entry>(join(project, 'src', 'entry.ts'), bundler);
  expect(entry.facts).toEqual({
    where: { dir: join(project, 'src'), file: join(project, 'src', 'where.ts') },
    deepWhere: { dir: join(project, 'src', 'deep'), file: join(project, 'src', 'deep', 'where.ts') },
    loadedFrom: join(project, 'node_modules', 'greeting', 'index.js'),
    entryDir: join(project, 'src'),
  });
  // Names as the sources give them (keepNames, as tsx keeps them).
  expect(entry.NamedConstruct.name).toBe('NamedConstruct');
  // The package stayed a require (bundled, its own __filename would still be its path: the plugin declares it).
  const bundle = await buildSourceBundle(join(project, 'src', 'entry.ts'), bundler);
  expect(bundle.code.toString('utf8')).toMatch(/require\("greeting"\)/);
  expect(bundle.code.toString('utf8')).not.toContain('exports.loadedFrom');
});

test('a lazily required module runs when first required, not when the bundle loads', async () => {
  const entry = await loadSourceBundle<Entry>(join(project, 'src', 'entry.ts'), bundler);
  expect(entry.runs).toEqual([]);
  expect(entry.loadLazy()).toBe('lazy');
  expect(entry.loadLazy()).toBe('lazy');
  expect(entry.runs).toEqual(['lazy']);
});

test('unchanged sources come from the cache; a changed source is bundled again, and the bundle has the change', async () => {
  const first = await buildSourceBundle(join(project, 'src', 'entry.ts'), bundler);
  const again = await buildSourceBundle(join(project, 'src', 'entry.ts'), bundler);
  expect([first.cached, again.cached]).toEqual([false, true]);
  expect(again.code.equals(first.code)).toBe(true);
  write('src/deep/where.ts', "export const deepWhere = { dir: 'changed', file: __filename };\n");
  const changed = await buildSourceBundle(join(project, 'src', 'entry.ts'), bundler);
  expect(changed.cached).toBe(false);
  expect(runSourceBundle<Entry>(changed).facts.deepWhere.dir).toBe('changed');
  // With a source map, another build of its own (another key), cached as well.
  const mapped = await buildSourceBundle(join(project, 'src', 'entry.ts'), { ...bundler, sourceMap: true });
  expect([mapped.cached, mapped.code.toString('utf8')]).toEqual([false, expect.stringContaining('sourceMappingURL=data:application/json')]);
  expect((await buildSourceBundle(join(project, 'src', 'entry.ts'), { ...bundler, sourceMap: true })).cached).toBe(true);
});

test('a source that does not build: an error naming the entry, and the file and line esbuild stopped at', async () => {
  write('src/deep/where.ts', 'export const deepWhere = {\n  dir: __dirname,\n  file: ;\n};\n');
  await expect(buildSourceBundle(join(project, 'src', 'entry.ts'), bundler)).rejects.toThrow(
    new RegExp(`^Cannot bundle ${join(project, 'src', 'entry.ts')}: src/deep/where\\.ts:3:8: `),
  );
});

test('with source maps enabled, a frame in the bundle shows its TypeScript file and line', async () => {
  const bundle = await buildSourceBundle(join(project, 'src', 'entry.ts'), { ...bundler, sourceMap: true });
  // In a process of its own: Node's source-map support, not jest's.
  const script = [
    "const { runSourceBundle } = require('./lib/bundling/source-bundle');",
    'process.setSourceMapsEnabled(true);',
    `const entry = runSourceBundle({ code: Buffer.from(${JSON.stringify(bundle.code.toString('base64'))}, 'base64'), filename: ${JSON.stringify(bundle.filename)} });`,
    'try { entry.fails(); } catch (error) { console.log(error.stack); }',
  ].join('\n');
  const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: join(__dirname, '..', '..'), encoding: 'utf8' });
  expect(run.stderr).toBe('');
  // The line of `fails` in src/entry.ts (Node writes the file's path as the map names it, relative to the bundle).
  const line = readFileSync(join(project, 'src', 'entry.ts'), 'utf8').split('\n').findIndex((text) => text.includes('function fails')) + 1;
  expect(line).toBeGreaterThan(1);
  expect(run.stdout).toMatch(new RegExp(`at Object\\.fails \\(\\S*src/entry\\.ts:${line}:\\d+\\)`));
});

test('a bundling worker that fails or ends without an answer: an error naming the entry and what happened, nothing cached', async () => {
  const entry = join(project, 'src', 'entry.ts');
  // Stand-ins for the esbuild module the worker loads: one that throws as it loads, one that ends the worker's thread.
  write('broken-esbuild/throws.js', "throw new Error('esbuild is broken here');\n");
  write('broken-esbuild/exits.js', 'process.exit(3);\n');
  await expect(buildSourceBundle(entry, { ...bundler, esbuildModule: join(project, 'broken-esbuild', 'throws.js') })).rejects.toThrow(
    `Cannot bundle ${entry}: the bundling worker failed: esbuild is broken here`,
  );
  await expect(buildSourceBundle(entry, { ...bundler, esbuildModule: join(project, 'broken-esbuild', 'exits.js') })).rejects.toThrow(
    `Cannot bundle ${entry}: the bundling worker exited (code 3) before it answered`,
  );
  // Neither left anything in the cache: the next build runs esbuild and gives the bundle the sources make.
  const built = await buildSourceBundle(entry, bundler);
  expect(built.cached).toBe(false);
  expect(runSourceBundle<Entry>(built).facts.loadedFrom).toBe(join(project, 'node_modules', 'greeting', 'index.js'));
});
