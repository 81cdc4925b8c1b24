#!/usr/bin/env node
// Bundles the publisher with the compiled package (dist) and writes it into dist/publisher/, with the record of what
// it was built from, as the bundle the package ships (lib/bundling/shipped-bundle.ts says when a synth takes it).
//
//   node scripts/ship-publisher-bundle.mjs [package root]      (run by `npm run build`, after tsc; default: this checkout)
//
// The package root holds dist/ (tsc's output), the function's sources (lambda-src, lib/runtime, lib/contract) and
// node_modules with the dependencies (its own, or a parent directory's, as Node resolves them).
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
const compiled = join(root, 'dist', 'lib', 'bundling', 'bundle-function.js');
if (!existsSync(compiled)) {
  console.error(`ship-publisher-bundle: ${compiled} does not exist (run tsc first)`);
  process.exit(2);
}
const { shipPublisherBundle } = createRequire(compiled)(compiled);
const shipped = shipPublisherBundle();
console.log(`ship-publisher-bundle: ${shipped.dir}: ${shipped.bytes} bytes, from ${shipped.files} files of the package and ${shipped.packages} packages`);
