import { buildSync, Metafile } from 'esbuild';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { bundleFunction, defaultFunctionEntry, findPackageRoot } from '../../lib/bundling/bundle-function';
import { FdkProcess } from '../helpers/fdk-harness';

const repoRoot = path.resolve(__dirname, '..', '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fdk-bundle-test-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('defaultFunctionEntry', () => {
  it('resolves lambda-src/func.ts of this package from source', () => {
    expect(defaultFunctionEntry()).toBe(path.join(repoRoot, 'lambda-src', 'func.ts'));
  });

  it('works from a compiled dist/lib/bundling, preferring the shipped .ts source over dist/lambda-src/func.js', () => {
    // Lay out an installed package: package.json, dist/lib/bundling/<compiled helper>, dist/lambda-src/func.js.
    const pkg = path.join(tmp, 'node_modules', 'cdktf-oci-claim-check');
    fs.mkdirSync(path.join(pkg, 'dist', 'lambda-src'), { recursive: true });
    fs.writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: 'cdktf-oci-claim-check' }));
    fs.writeFileSync(path.join(pkg, 'dist', 'lambda-src', 'func.js'), '');
    // A nested package.json with another name must be walked past.
    fs.mkdirSync(path.join(pkg, 'dist', 'lib'), { recursive: true });
    fs.writeFileSync(path.join(pkg, 'dist', 'lib', 'package.json'), JSON.stringify({ type: 'commonjs' }));
    // The compiled helper requires esbuild, which an installation would have next to it.
    fs.mkdirSync(path.join(tmp, 'node_modules', 'esbuild'), { recursive: true });
    fs.writeFileSync(path.join(tmp, 'node_modules', 'esbuild', 'index.js'), `module.exports = require(${JSON.stringify(require.resolve('esbuild'))});`);
    const compiled = path.join(pkg, 'dist', 'lib', 'bundling', 'bundle-function.js');
    buildSync({
      entryPoints: [path.join(repoRoot, 'lib', 'bundling', 'bundle-function.ts')],
      outfile: compiled, bundle: true, platform: 'node', format: 'cjs', external: ['esbuild'], logLevel: 'silent',
    });
    const load = () => {
      delete require.cache[compiled];
      return (require(compiled) as typeof import('../../lib/bundling/bundle-function')).defaultFunctionEntry();
    };
    expect(load()).toBe(path.join(pkg, 'dist', 'lambda-src', 'func.js'));
    fs.mkdirSync(path.join(pkg, 'lambda-src'));
    fs.writeFileSync(path.join(pkg, 'lambda-src', 'func.ts'), '');
    expect(load()).toBe(path.join(pkg, 'lambda-src', 'func.ts'));
  });

  it('findPackageRoot returns null when nothing matches', () => {
    expect(findPackageRoot(tmp, () => false)).toBeNull();
  });
});

describe('bundleFunction', () => {
  const first = bundleFunction({ entry: defaultFunctionEntry(), outFile: path.join(tmp, 'a', 'nested', 'func.js') });

  it('writes one file and reports its size and sha256', () => {
    const bytes = fs.readFileSync(first.outFile);
    expect(first.bytes).toBe(bytes.length);
    expect(first.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(fs.readdirSync(path.dirname(first.outFile))).toEqual(['func.js']);
    // Sanity: minified, but the whole SDK + FDK are in there.
    expect(first.bytes).toBeGreaterThan(200_000);
    expect(first.bytes).toBeLessThan(3_000_000);
  });

  it('is deterministic: same input, same bytes, wherever the output goes', () => {
    // esbuild itself, not the bundle cache.
    const second = bundleFunction({ entry: defaultFunctionEntry(), outFile: path.join(tmp, 'b', 'func.js'), cache: false });
    expect(second.cached).toBe(false);
    expect(second.sha256).toBe(first.sha256);
  });

  it.each([true, false])('contains no absolute path of this machine (minify=%s)', (minify) => {
    const result = minify ? first : bundleFunction({ entry: defaultFunctionEntry(), outFile: path.join(tmp, 'c', 'func.js'), minify: false });
    const text = fs.readFileSync(result.outFile, 'utf8');
    for (const absolute of [repoRoot, path.dirname(result.outFile), tmp]) {
      expect({ absolute, found: text.includes(absolute) }).toEqual({ absolute, found: false });
    }
    // No absolute path into any dependency or our sources (relative `node_modules/...` comments are fine).
    expect(text).not.toMatch(/(^|[^\w.:-])\/[\w.@-]+(\/[\w.@-]+)*\/(node_modules|lambda-src)\//);
    expect(text).not.toMatch(/sourceMappingURL/);
  });

  it('leaves only Node built-ins and the optional require of es6-promise unresolved', () => {
    const text = fs.readFileSync(first.outFile, 'utf8');
    const required = new Set([...text.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]));
    const builtins = new Set(require('node:module').builtinModules as string[]);
    const nonBuiltin = [...required].filter((name) => !builtins.has(name.replace(/^node:/, '')));
    // `encoding` (node-fetch's optional require) went with node-fetch (FETCH_POLYFILLS).
    expect(nonBuiltin.sort()).toEqual(['vertx']);
  });

  it('replaces the fetch polyfills of the SDK by the global fetch: node-fetch, whatwg-url and tr46 are not in the bundle', () => {
    let metafile: Metafile | undefined;
    const seen = bundleFunction(
      { entry: defaultFunctionEntry(), outFile: path.join(tmp, 'meta', 'func.js'), cache: false },
      { build: (options) => { const result = buildSync(options); metafile = result.metafile; return result; } },
    );
    expect(seen.sha256).toBe(first.sha256);
    const packages = new Set(Object.keys(metafile!.inputs).map((i) => /node_modules\/((@[^/]+\/)?[^/]+)/.exec(i)?.[1]));
    expect(['node-fetch', 'whatwg-url', 'tr46', 'isomorphic-fetch'].filter((name) => packages.has(name))).toEqual([]);
    expect(Object.keys(metafile!.inputs)).toContain('lib/bundling/shims/global-fetch.ts');
    expect(['oci-common', 'oci-streaming', '@fnproject/fdk'].filter((name) => !packages.has(name))).toEqual([]);
    expect(first.bytes).toBeLessThan(1024 * 1024);
  });

  it('the fetch shim answers as node-fetch did: require("node-fetch")(url, init) and isomorphic-fetch as a side-effect import', async () => {
    const entry = path.join(tmp, 'uses-fetch.js');
    fs.writeFileSync(
      entry,
      [
        "require('isomorphic-fetch');",
        "const fetch = require('node-fetch');",
        'module.exports = async (url) => { const r = await fetch(url, { method: "GET", headers: { Authorization: "Bearer Oracle" } }); return `${r.status} ${await r.text()}`; };',
      ].join('\n'),
    );
    const out = bundleFunction({ entry, outFile: path.join(tmp, 'uses-fetch-bundle.js'), minify: false, cache: false });
    const text = fs.readFileSync(out.outFile, 'utf8');
    expect(text).toContain('globalThis.fetch');
    expect(text).not.toContain('node_modules/node-fetch');
    const http = await import('node:http');
    const server = http.createServer((req, res) => res.end(`${req.method} ${req.headers.authorization}`));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as { port: number };
      const call = require(out.outFile) as (url: string) => Promise<string>;
      await expect(call(`http://127.0.0.1:${port}/opc/v2/instance`)).resolves.toBe('200 GET Bearer Oracle');
    } finally {
      server.close();
    }
  });

  it('throws an Error naming the entry when the build fails', () => {
    const broken = path.join(tmp, 'broken.ts');
    fs.writeFileSync(broken, 'import { nope } from "./does-not-exist";\nexport const x = nope;\n');
    expect(() => bundleFunction({ entry: broken, outFile: path.join(tmp, 'broken.js') })).toThrow(
      new RegExp(`Cannot bundle OCI function ${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .*Could not resolve "./does-not-exist"`),
    );
    expect(() => bundleFunction({ entry: path.join(tmp, 'missing.ts'), outFile: path.join(tmp, 'm.js') })).toThrow(/missing\.ts does not exist/);
  });

  it('runs from a directory with no node_modules and answers the Fn contract', async () => {
    const isolated = fs.mkdtempSync(path.join(os.tmpdir(), 'fdk-isolated-'));
    const bundle = path.join(isolated, 'func.js');
    fs.copyFileSync(first.outFile, bundle);
    const fdk = await FdkProcess.start(bundle, { STREAM_OCID: 's', STREAM_ENDPOINT: 'http://127.0.0.1:9' }, { cwd: isolated });
    try {
      const response = await fdk.invoke('{not json');
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('application/json');
      expect(response.headers['fn-fdk-version']).toMatch(/^fdk-node\/0\.0\.76 \(njsv=v\d+/);
      expect(JSON.parse(response.body)).toMatchObject({ status: 'rejected', error: { code: 'MalformedJson', field: null } });
      expect(fdk.alive).toBe(true);
    } finally {
      await fdk.stop();
      fs.rmSync(isolated, { recursive: true, force: true });
    }
  });
});
