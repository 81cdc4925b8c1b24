/**
 * The cdktf app (`cdktf.json` runs it): the sample stack, configured from the environment. The stack itself lives
 * in the library (`lib/sample/claim-check-sample-stack.ts`), which documents the variables it reads.
 */
import { App } from 'cdktf';
import { ClaimCheckSampleStack, SAMPLE_STACK_NAME, sampleInputsFromEnv } from './lib/sample/claim-check-sample-stack';

// Re-exported for code that imported the sample from here before it moved into the library.
export * from './lib/sample/claim-check-sample-stack';

if (require.main === module) {
  const app = new App();
  new ClaimCheckSampleStack(app, SAMPLE_STACK_NAME, sampleInputsFromEnv(process.env));
  app.synth();
}
