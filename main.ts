/**
 * The cdktf app (`cdktf.json` runs it): the sample stack, configured from the environment. The stack itself lives
 * in the library (`lib/sample/claim-check-sample-stack.ts`), which documents the variables it reads.
 */
import { App } from 'cdktf';
import { ClaimCheckSampleStack, SAMPLE_STACK_NAME, sampleInputsFromEnv } from './lib/sample/claim-check-sample-stack';

// Re-exported for code that imported the sample from here before it moved into the library.
export * from './lib/sample/claim-check-sample-stack';

if (require.main === module) {
  // cdktf records a full stack trace for every token it creates, and with tsx's source maps on, formatting them
  // (decoding the source map of every file on the stack) took more of this synth than everything else above an
  // empty cdktf app. The traces never reach the output, so the synth runs with source-mapped stacks off, and turns
  // them back on before an error leaves it: an Error's stack is formatted when first read, so it still shows
  // TypeScript lines.
  const sourceMaps = process.sourceMapsEnabled;
  process.setSourceMapsEnabled(false);
  try {
    const app = new App();
    new ClaimCheckSampleStack(app, SAMPLE_STACK_NAME, sampleInputsFromEnv(process.env));
    app.synth();
  } finally {
    process.setSourceMapsEnabled(sourceMaps);
  }
}
