/**
 * The bundle the package ships (lib/bundling/shipped-bundle.ts): taken only when the options, the package's own
 * files and the versions of the packages it was built from are what a project has now; written from a layout like
 * this repository's and read from an installed one. The whole path through a packed and installed package (no
 * esbuild at the synth, the image gets the shipped bytes): __tests__/package.test.ts.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { readShippedBundle, shippedBundleDirectory, writeShippedBundle } from '../../lib/bundling/shipped-bundle';

const OPTIONS = JSON.stringify({ entryPoints: ['lambda-src/func.ts'], alias: { sshpk: 'dist/lib/bundling/shims/sshpk.js' }, minify: true });
const OUTPUT = Buffer.from('"use strict";/* the bundle */\n');

let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'shipped-bundle-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

function write(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

/** A package as in this repository: its sources, and node_modules under it (one package nested in another). */
function repositoryLayout(root: string): string[] {
  write(join(root, 'lambda-src', 'func.ts'), 'export const handler = 1;\n');
  write(join(root, 'dist', 'lib', 'bundling', 'shims', 'sshpk.js'), 'exports.parsePrivateKey = () => 1;\n');
  write(join(root, 'node_modules', 'oci-common', 'package.json'), '{"name":"oci-common","version":"2.139.1"}');
  write(join(root, 'node_modules', 'oci-common', 'index.js'), 'module.exports = 1;\n');
  write(join(root, 'node_modules', 'oci-common', 'node_modules', 'uuid', 'package.json'), '{"name":"uuid","version":"11.1.1"}');
  write(join(root, 'node_modules', 'oci-common', 'node_modules', 'uuid', 'dist', 'index.js'), 'module.exports = 2;\n');
  write(join(root, 'node_modules', '@fnproject', 'fdk', 'package.json'), '{"name":"@fnproject/fdk","version":"0.0.76"}');
  write(join(root, 'node_modules', '@fnproject', 'fdk', 'fn-fdk.js'), 'module.exports = 3;\n');
  return [
    'lambda-src/func.ts',
    'dist/lib/bundling/shims/sshpk.js',
    'node_modules/oci-common/index.js',
    'node_modules/oci-common/node_modules/uuid/dist/index.js',
    'node_modules/@fnproject/fdk/fn-fdk.js',
  ];
}

function ship(root: string) {
  return writeShippedBundle(shippedBundleDirectory(root), root, OPTIONS, repositoryLayout(root), OUTPUT, '0.28.2');
}

const read = (root: string, options = OPTIONS) => readShippedBundle(shippedBundleDirectory(root), root, options)?.output.toString();

test('the record: own files by path and hash, packages by chain and version', () => {
  const record = ship(join(work, 'repo'));
  expect(record.files.map(([file]) => file)).toEqual(['dist/lib/bundling/shims/sshpk.js', 'lambda-src/func.ts']);
  expect(record.packages).toEqual([
    ['@fnproject/fdk', '0.0.76'],
    ['oci-common', '2.139.1'],
    ['oci-common>uuid', '11.1.1'],
  ]);
});

test('taken when the options, the files and the versions are those it was built from', () => {
  const root = join(work, 'repo');
  ship(root);
  expect(read(root)).toBe(OUTPUT.toString());
});

test.each([
  ['other options', (root: string) => root, JSON.stringify({ entryPoints: ['lambda-src/func.ts'], alias: { sshpk: 'lib/bundling/shims/sshpk.ts' }, minify: true })],
  ['an edited source', (root: string) => (write(join(root, 'lambda-src', 'func.ts'), 'export const handler = 2;\n'), root), OPTIONS],
  ['an edited shim', (root: string) => (write(join(root, 'dist', 'lib', 'bundling', 'shims', 'sshpk.js'), '// changed\n'), root), OPTIONS],
  ['a missing source', (root: string) => (rmSync(join(root, 'lambda-src', 'func.ts')), root), OPTIONS],
  ['another version of a package', (root: string) => (write(join(root, 'node_modules', 'oci-common', 'package.json'), '{"version":"2.140.0"}'), root), OPTIONS],
  ['another version of a nested package', (root: string) => (write(join(root, 'node_modules', 'oci-common', 'node_modules', 'uuid', 'package.json'), '{"version":"9.0.0"}'), root), OPTIONS],
  ['a package gone', (root: string) => (rmSync(join(root, 'node_modules', '@fnproject'), { recursive: true }), root), OPTIONS],
  ['an altered bundle', (root: string) => (write(join(shippedBundleDirectory(root), 'func.js'), 'tampered'), root), OPTIONS],
  ['a malformed record', (root: string) => (write(join(shippedBundleDirectory(root), 'bundle.json'), '{"format":1,"files":7}'), root), OPTIONS],
  ['no record', (root: string) => (rmSync(join(shippedBundleDirectory(root), 'bundle.json')), root), OPTIONS],
])('not taken with %s', (_, change, options) => {
  const root = join(work, 'repo');
  ship(root);
  expect(read(change(root), options)).toBeUndefined();
});

test('read from an installed layout: the package in node_modules, its dependencies hoisted beside it, one nested', () => {
  const repo = join(work, 'repo');
  ship(repo);
  const app = join(work, 'app');
  const installed = join(app, 'node_modules', 'claimcheck');
  for (const part of ['lambda-src', 'dist']) cpSync(join(repo, part), join(installed, part), { recursive: true });
  for (const name of ['oci-common', '@fnproject']) cpSync(join(repo, 'node_modules', name), join(app, 'node_modules', name), { recursive: true });
  expect(read(installed)).toBe(OUTPUT.toString());
  // A nested copy at another version is what Node (and esbuild) would take for the package: not the shipped one's.
  write(join(installed, 'node_modules', 'oci-common', 'package.json'), '{"name":"oci-common","version":"2.100.0"}');
  expect(read(installed)).toBeUndefined();
});

test('written through a symbolic link to node_modules (esbuild names inputs by their real path)', () => {
  const real = join(work, 'real');
  const inputs = repositoryLayout(real);
  const root = join(work, 'stage');
  for (const part of ['lambda-src', 'dist']) cpSync(join(real, part), join(root, part), { recursive: true });
  symlinkSync(join(real, 'node_modules'), join(root, 'node_modules'), 'dir');
  const asEsbuildNames = inputs.map((input) => (input.startsWith('node_modules/') ? `../real/${input}` : input));
  const record = writeShippedBundle(shippedBundleDirectory(root), root, OPTIONS, asEsbuildNames, OUTPUT, '0.28.2');
  expect(record.packages.map(([chain]) => chain)).toEqual(['@fnproject/fdk', 'oci-common', 'oci-common>uuid']);
  expect(read(root)).toBe(OUTPUT.toString());
});

test('an input that is neither the package\'s nor in a node_modules it searches cannot be shipped', () => {
  const root = join(work, 'repo');
  repositoryLayout(root);
  write(join(work, 'elsewhere', 'x.ts'), 'export {};\n');
  expect(() => writeShippedBundle(shippedBundleDirectory(root), root, OPTIONS, ['lambda-src/func.ts', '../elsewhere/x.ts'], OUTPUT, '0.28.2')).toThrow(
    "Cannot ship the publisher's bundle: ../elsewhere/x.ts is neither a file of the package",
  );
});
