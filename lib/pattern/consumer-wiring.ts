/**
 * What the fleet and the serverless consumer share: the configuration they hand the generated entry (keys from
 * lib/contract/consumer-config.ts), wired from the claim source's resources, and the checks on the props they have
 * in common. Reusable logic lives here so each construct's file reads as its recipe.
 */
import { Lazy, Token } from 'cdktf';
import { handlerExportProblem } from '../bundling/handler-entry';
import { CONSUMER_CONFIG_KEYS as K } from '../contract/consumer-config';
import type { IBucket } from '../oci/bucket';
import type { ContainerImageCode } from '../oci/container-image-code';
import { PropValidator } from '../oci/private/validation';
import type { IClaimCheckSource } from './claim-check-source';

/** Consumer group / consumer names: they become object name segments (dead letters, checkpoints, markers). */
const CONSUMER_NAME_PATTERN = /^[A-Za-z0-9._-]{1,255}$/;
const RESERVED_ENV_PREFIXES = ['CLAIMCHECK_CONSUMER_', 'OCI_RESOURCE_PRINCIPAL_'];

/** The entry's configuration for a consumer of `source`, writing its records to `stateBucket`. */
export function consumerConfig(source: IClaimCheckSource, stateBucket: IBucket, groupName: string): Record<string, string> {
  return {
    [K.bucketNamespace]: source.bucket.namespace,
    [K.bucketName]: source.bucket.bucketName,
    // Lazy: a pipeline's sources added after the consumer was defined are included too.
    [K.moreBuckets]: Lazy.stringValue({
      produce: () => JSON.stringify((source.sourceBuckets ?? [source.bucket]).slice(1).map((b) => ({ namespace: b.namespace, bucket: b.bucketName }))),
    }),
    [K.stateBucketNamespace]: stateBucket.namespace,
    [K.stateBucketName]: stateBucket.bucketName,
    [K.groupName]: groupName,
    [K.auth]: 'resource_principal',
  };
}

export interface CommonConsumerProps {
  readonly pipeline?: IClaimCheckSource;
  readonly handlerEntry?: string;
  readonly stateBucket?: IBucket;
  readonly environment?: Record<string, string>;
}

/** Checks what both consumer constructs take; `nameProp` is `consumerGroup` or `consumerName`. */
export function checkCommonConsumerProps(v: PropValidator, props: CommonConsumerProps, nameProp: string, name: string | undefined): void {
  v.check(props.pipeline !== undefined, 'pipeline', props.pipeline, 'is required: a ClaimCheckPipeline or ClaimCheckSource.fromAttributes(...)');
  v.check(typeof name === 'string' && CONSUMER_NAME_PATTERN.test(name), nameProp, name, 'must be 1 to 255 letters, digits, ".", "_" or "-" (it names the consumer\'s records in the state bucket)');
  if (props.pipeline && !props.stateBucket && !props.pipeline.consumerStateBucket) {
    v.fail('stateBucket', 'is required: the pipeline has no consumer state bucket (createConsumerStateBucket: false); give one for dead letters and dedupe records');
  }
  for (const key of Object.keys(props.environment ?? {})) {
    if (RESERVED_ENV_PREFIXES.some((prefix) => key.startsWith(prefix))) v.fail(`environment.${key}`, `is set by the construct (names starting with ${RESERVED_ENV_PREFIXES.join(' or ')} are reserved)`);
  }
}

/** The handler file must exist, parse, and export one recognisable handler. */
export function checkHandlerEntry(v: PropValidator, handlerEntry: string | undefined): void {
  if (handlerEntry === undefined) return;
  const problem = handlerExportProblem(handlerEntry);
  if (problem !== null) v.check(false, 'handlerEntry', handlerEntry, problem);
}

/** `image` problems, prefixed with the prop. */
export function checkImage(v: PropValidator, image: ContainerImageCode | undefined): void {
  for (const problem of image?.validate() ?? []) v.fail('image', problem);
}

/** Total size of environment names and values: unresolved tokens count at their placeholder length (≥ real). */
export function environmentBytes(environment: Record<string, string>): number {
  return Object.entries(environment).reduce((total, [key, value]) => total + Buffer.byteLength(key) + Buffer.byteLength(Token.isUnresolved(value) ? 'x'.repeat(255) : value), 0);
}
