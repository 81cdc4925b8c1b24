#!/usr/bin/env node
// Builds the consumers-only package, `cdktf-oci-claim-check-consumer`, from the same sources as the construct
// package's `./consumer` entry: lib/consumer with the claim contract (lib/contract) and the runtime toolkit
// (lib/runtime) it imports, and nothing else. Its only dependencies are the three OCI SDK packages the consumer
// calls, at the versions the construct package pins, so a service that only consumes claims installs neither
// cdktf, constructs, esbuild, the docker provider nor the Fn FDK.
//
//   node scripts/build-consumer-package.mjs [outDir]      default: build/consumer-package
//   npm run pack:consumer                                  build, then `npm pack` it into build/
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(process.argv[2] ?? join(root, 'build', 'consumer-package'));
const rootPackage = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** What the consumer's code imports at run time (checked by __tests__/consumer-package.test.ts). */
export const CONSUMER_DEPENDENCIES = ['oci-common', 'oci-objectstorage', 'oci-streaming'];

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.consumer.json'), '--outDir', join(out, 'dist')], {
  stdio: 'inherit',
});

const entry = (dir) => ({ types: `./dist/lib/${dir}/index.d.ts`, default: `./dist/lib/${dir}/index.js` });
const dependencies = Object.fromEntries(
  CONSUMER_DEPENDENCIES.map((name) => {
    const version = rootPackage.dependencies?.[name];
    if (!version) throw new Error(`${name} is not a dependency of ${rootPackage.name}: the consumer package pins what the construct package pins`);
    return [name, version];
  }),
);
const pkg = {
  name: `${rootPackage.name}-consumer`,
  version: rootPackage.version,
  description: 'Consume claim checks from OCI Streaming (the consumer of cdktf-oci-claim-check, without the constructs): a consumer-group client that fetches each referenced Object Storage object as a stream, with bounded retries, dead letters and dedupe.',
  license: rootPackage.license,
  ...(rootPackage.repository ? { repository: rootPackage.repository } : {}),
  ...(rootPackage.homepage ? { homepage: rootPackage.homepage } : {}),
  ...(rootPackage.bugs ? { bugs: rootPackage.bugs } : {}),
  main: 'dist/lib/consumer/index.js',
  types: 'dist/lib/consumer/index.d.ts',
  // typesVersions: the subpath for TypeScript projects still on moduleResolution "node" (node10).
  typesVersions: { '*': { contract: ['dist/lib/contract/index.d.ts'] } },
  exports: { '.': entry('consumer'), './contract': entry('contract'), './package.json': './package.json' },
  files: ['dist', 'README.md', 'LICENSE'],
  engines: rootPackage.engines,
  dependencies,
};
writeFileSync(join(out, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
cpSync(join(root, 'lib', 'consumer', 'README.md'), join(out, 'README.md'));
if (existsSync(join(root, 'LICENSE'))) cpSync(join(root, 'LICENSE'), join(out, 'LICENSE'));
console.log(`${pkg.name}@${pkg.version} built in ${out}`);
