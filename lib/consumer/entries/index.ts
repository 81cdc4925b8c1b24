/**
 * `cdktf-oci-claim-check/consumer-entry`: what a handler run by `ClaimCheckConsumerFleet` or
 * `ClaimCheckServerlessConsumer` may import: `consumerEnvironment()` (the state bucket, and an Object Storage client
 * authenticated like the consumer). Kept light on purpose: the runtimes themselves (fleet-entry.ts,
 * serverless-entry.ts) are imported by the generated entry, by path, and this module pulls in neither of them.
 */
export { consumerEnvironment } from './consumer-environment';
export type { ConsumerEnvironment } from './consumer-environment';
