/**
 * The cdktf app (`cdktf.json` runs it): the sample stack, configured from the environment. The stack itself lives
 * in the library (`lib/sample/claim-check-sample-stack.ts`), which documents the variables it reads.
 *
 * The app is written for the developer's loop, where this runs after every edit; each step below says what it saves.
 * A team's app can do the same (README, "Synth speed").
 */
import { join } from 'node:path';
import { buildSourceBundle, runSourceBundle } from './lib/bundling/source-bundle';

/** The sample stack's module, which main.ts loads as one bundle with the library modules it imports. */
const SAMPLE_STACK_MODULE = join(__dirname, 'lib', 'sample', 'claim-check-sample-stack.ts');

/** Synthesizes the sample stack into cdktf's output directory. */
export async function runSampleApp(): Promise<void> {
  // 1. The library as one bundle of its sources (lib/bundling/source-bundle.ts): one file to load instead of the ~90
  //    modules the sample stack imports, each a resolution, file reads and a tsx cache lookup (or a transform, on a
  //    fresh clone: ~0.3 s here). Unchanged sources: a cache hit. Otherwise esbuild starts on it now, from a worker
  //    thread, while this one goes on.
  const library = buildSourceBundle(SAMPLE_STACK_MODULE, { sourceMap: keepsSourceMaps() });
  library.catch(() => undefined); // awaited below; an error meanwhile must not leave it unhandled

  // 2. The publisher's bundle: when its sources changed since the last synth, esbuild bundles it in its own process
  //    while this one loads cdktf and the library below, and the construct then takes that bundle. Unchanged
  //    sources: a cache hit, nothing is started.
  const { prebundleFunction } = require('./lib/bundling/bundle-function') as typeof import('./lib/bundling/bundle-function');
  const publisher = prebundleFunction();
  publisher.catch(() => undefined);

  // 3. cdktf and the library load with source-mapped stacks off. tsx turns them on, and Node then reads the source
  //    map of every module as it loads (cdktf's and the library's alike) and keeps them: a tenth of the synth, and
  //    more garbage to collect. cdktf also records a stack trace for every token it creates, formatted through
  //    those maps. Nothing here reads a trace on success. The cost: a stack trace through the library shows
  //    positions in its JavaScript bundle rather than TypeScript lines (the messages of the library's errors name
  //    the construct and the prop); CLAIMCHECK_SYNTH_SOURCE_MAPS=1 keeps source maps on for the whole synth.
  const sourceMaps = process.sourceMapsEnabled;
  if (!keepsSourceMaps()) process.setSourceMapsEnabled(false);
  try {
    // 4. cdktf, while esbuild builds whatever changed: the library's bundle requires it and then finds it loaded.
    require('cdktf');
    const { synthSampleApp } = runSourceBundle<typeof import('./lib/sample/claim-check-sample-stack')>(await library);
    await publisher;
    synthSampleApp(undefined, process.env);
  } finally {
    // Back on before an error leaves: the app's own frames (this file) keep their TypeScript lines.
    process.setSourceMapsEnabled(sourceMaps);
  }
}

/** CLAIMCHECK_SYNTH_SOURCE_MAPS=1: source-mapped stacks stay on while the library loads (TypeScript lines in traces). */
function keepsSourceMaps(): boolean {
  return /^(1|true)$/i.test(process.env.CLAIMCHECK_SYNTH_SOURCE_MAPS ?? '');
}

if (require.main === module) {
  runSampleApp().catch((error: unknown) => {
    process.exitCode = 1;
    console.error(error);
    if (!keepsSourceMaps()) {
      console.error("(The library's frames above show positions in its JavaScript bundle; CLAIMCHECK_SYNTH_SOURCE_MAPS=1 shows their TypeScript lines.)");
    }
  });
}
