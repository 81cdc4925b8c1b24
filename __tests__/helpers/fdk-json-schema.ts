/**
 * Kept only so `__tests__/consumer/claim.test.ts` (being rewritten with the consumer) keeps its import: the
 * hand-written validator that lived here is gone; this is the Ajv-based checker of claim-schema.ts. Import from
 * './claim-schema' in new code.
 */
export { validateAgainstSchema } from './claim-schema';
