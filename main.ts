/**
 * The cdktf app (`cdktf.json` runs it): the sample stack, configured from the environment. The stack itself lives
 * in the library (`lib/sample/claim-check-sample-stack.ts`), which documents the variables it reads.
 *
 * The app is written for the developer's loop, where this runs after every edit; each step below says what it saves.
 * A team's app can do the same (README, "Synth speed").
 */
import { prebundleFunction } from './lib/bundling/bundle-function';

/** Synthesizes the sample stack into cdktf's output directory. */
export async function runSampleApp(): Promise<void> {
  // 1. The publisher's bundle first: when its sources changed since the last synth, esbuild bundles it in its own
  //    process while this one loads cdktf and the library below (each takes ~0.3 s here), and the construct then
  //    takes that bundle. Unchanged sources: a cache hit, nothing is started.
  const publisher = prebundleFunction();
  publisher.catch(() => undefined); // awaited below; an error while loading must not leave it unhandled

  // 2. cdktf and the library load with source-mapped stacks off. tsx turns them on, and Node then reads the source
  //    map of every module as it loads (cdktf's and the library's TypeScript alike) and keeps them: a tenth of the
  //    synth, and more garbage to collect. cdktf also records a stack trace for every token it creates, formatted
  //    through those maps. Nothing here reads a trace on success. The cost: a stack trace through the library
  //    shows positions in tsx's JavaScript rather than TypeScript lines (the messages of the library's errors name
  //    the construct and the prop); CLAIMCHECK_SYNTH_SOURCE_MAPS=1 keeps source maps on for the whole synth.
  const sourceMaps = process.sourceMapsEnabled;
  if (!keepsSourceMaps()) process.setSourceMapsEnabled(false);
  try {
    const { synthSampleApp } = require('./lib/sample/claim-check-sample-stack') as typeof import('./lib/sample/claim-check-sample-stack');
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
      console.error("(The library's frames above show positions in tsx's JavaScript; CLAIMCHECK_SYNTH_SOURCE_MAPS=1 shows their TypeScript lines.)");
    }
  });
}
