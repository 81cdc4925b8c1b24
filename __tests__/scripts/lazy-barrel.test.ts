/**
 * scripts/lazy-barrel.mjs, on a small barrel and its compiled modules: the rewritten entry has the eager entry's
 * exports, each the same object, and loads a module only when one of its exports is read; a barrel that does more
 * than re-export is refused, and so is a rewrite that would change the exports.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SCRIPT = join(__dirname, '..', '..', 'scripts', 'lazy-barrel.mjs');
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lazy-barrel-'));
  mkdirSync(join(dir, 'ns'));
  // The compiled modules, as tsc writes them (CommonJS); each records that it was loaded.
  const mod = (name: string, body: string) => writeFileSync(join(dir, `${name}.js`), `"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\n(global.loaded ??= []).push(${JSON.stringify(name)});\n${body}\n`);
  mod('a', 'exports.A = class A {}; exports.shared = "from a";');
  mod('b', 'exports.B = function B() {}; exports.shared = "from b"; exports.hidden = 1;');
  mod('ns/index', 'exports.one = require("./one");');
  mod('ns/one', 'exports.ONE = 1;');
  writeFileSync(join(dir, 'ns', 'lazy-index.js'), 'Object.defineProperty(exports, "one", { get: function () { return require("./one"); } });\n');
  writeFileSync(join(dir, 'index.js'), '"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\nconst a = require("./a"); const b = require("./b"); const ns = require("./ns/index");\n' +
    'exports.A = a.A; exports.shared = a.shared; exports.Bee = b.B; exports.ns = ns;\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const run = (source: string) => {
  writeFileSync(join(dir, 'index.ts'), source);
  return spawnSync(process.execPath, [SCRIPT, join(dir, 'index.ts'), join(dir, 'index.js')], { encoding: 'utf8' });
};
const inspect = (expression: string) =>
  JSON.parse(spawnSync(process.execPath, ['-e', `global.loaded = []; const m = require(${JSON.stringify(join(dir, 'index.js'))}); console.log(JSON.stringify(${expression}))`], { encoding: 'utf8' }).stdout);

test('the rewritten entry has the same exports and loads each module on first use', () => {
  // `ns` is a directory module with a lazy-index beside its index: the rewrite takes the lazy-index (the check
  // compares its members with the eager namespace's).
  const result = run("export * from './a';\nexport type { Thing } from './b';\nexport { B as Bee, type Hidden } from './b';\nexport * as ns from './ns';\n");
  expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
  expect(inspect('[Object.keys(m).sort(), global.loaded]')).toEqual([['A', 'Bee', 'ns', 'shared'], []]);
  expect(inspect('[typeof m.Bee, global.loaded]')).toEqual(['function', ['b']]);
  expect(inspect('[m.shared, m.ns.one.ONE, global.loaded]')).toEqual(['from a', 1, ['a', 'ns/one']]);
});

test('a barrel that does more than re-export is refused, and the compiled entry is left as it was', () => {
  const before = readFileSync(join(dir, 'index.js'), 'utf8');
  const result = run("export * from './a';\nexport const extra = 1;\n");
  expect(result.status).toBe(1);
  expect(result.stderr).toContain('index.ts:2: a lazy barrel may only re-export from other modules');
  expect(readFileSync(join(dir, 'index.js'), 'utf8')).toBe(before);
});

test('a rewrite whose exports would differ from the eager entry fails the build', () => {
  const before = readFileSync(join(dir, 'index.js'), 'utf8');
  // The source says less than the compiled entry exports (no Bee): the check finds it.
  const result = run("export * from './a';\nexport * as ns from './ns';\n");
  expect(result.status).toBe(1);
  expect(result.stderr).toContain("the lazy barrel's exports differ: missing Bee");
  expect(readFileSync(join(dir, 'index.js'), 'utf8')).toBe(before);
  expect(existsSync(join(dir, 'index.js.map'))).toBe(false);
});
