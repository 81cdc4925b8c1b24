#!/usr/bin/env node
// Removes the source maps of what an app's synth loads from the compiled package: the construct layer (the generated
// L1 bindings, the L2 blocks, the pattern, the bundling step, the sample) and the claim contract it validates props
// with. The runtime code (consumer, runtime toolkit, emulators, reconciler, local circuit, the bin) keeps its maps:
// it runs in long-lived processes whose stack traces are read from logs (the contract's errors are messages that
// name the field, as the construct layer's name the prop).
//
// Why: a team's `cdktf synth` runs its app under tsx (or ts-node), which turns Node's source-map support on for the
// whole process; Node then reads and parses the map of every module the app loads. The construct layer is ~80 modules:
// measured on the team app of bench/synth.mjs (2 cores, Node 20; 84 maps), 0.90 s → 0.70 s and 140 → 107 MB per synth.
// Nothing a user reads is lost: the maps mapped tsc's JavaScript back to TypeScript that is nearly line for line the
// same. __tests__/package.test.ts checks that a synth from the packed package loads no map of ours.
//
//   node scripts/drop-synth-source-maps.mjs dist       (run by `npm run build`, after tsc and lazy-barrel)
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Relative to the compiled root: what a synth loads. A folder added to lib/ keeps its maps until listed here. */
export const SYNTH_PATH = ['lib/generated', 'lib/oci', 'lib/pattern', 'lib/bundling', 'lib/sample', 'lib/contract', 'lib/index.js', 'main.js'];

const MAP_COMMENT = /\n\/\/# sourceMappingURL=[^\n]*\n?$/;

/** Drops the maps under `distDir` for SYNTH_PATH; returns the compiled files it changed (relative to distDir). */
export function dropSynthSourceMaps(distDir) {
  const changed = [];
  const visit = (path) => {
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path)) visit(join(path, entry));
    } else if (path.endsWith('.js.map')) {
      rmSync(path);
    } else if (path.endsWith('.js')) {
      const text = readFileSync(path, 'utf8');
      const stripped = text.replace(MAP_COMMENT, '\n');
      if (stripped !== text) {
        writeFileSync(path, stripped);
        changed.push(relative(distDir, path));
      }
    }
  };
  for (const part of SYNTH_PATH) {
    const path = join(distDir, part);
    if (existsSync(path)) visit(path);
    if (part.endsWith('.js') && existsSync(`${path}.map`)) rmSync(`${path}.map`);
  }
  return changed;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const distDir = process.argv[2];
  if (!distDir || !existsSync(distDir)) {
    console.error('usage: node scripts/drop-synth-source-maps.mjs <compiled package dir, e.g. dist>');
    process.exit(2);
  }
  const changed = dropSynthSourceMaps(distDir);
  console.log(`drop-synth-source-maps: ${changed.length} modules on the synth path ship without a source map`);
}
