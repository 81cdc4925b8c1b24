import type { IBucket } from '../oci/bucket';
import type { BundledFunctionCodeProps } from '../oci/bundled-function-code';
import type { IFunctionsApplication } from '../oci/functions-application';
import type { IClaimCheckSource } from './claim-check-source';
import type { OciTagProps } from '../oci/tags';

/** Where a new connector starts reading the stream (`source.cursor.kind`). */
export type ConnectorCursor = 'TRIM_HORIZON' | 'LATEST';
export const CONNECTOR_CURSORS: readonly ConnectorCursor[] = ['TRIM_HORIZON', 'LATEST'];

/** Overrides for the consumer's function (its application, code and config are the construct's). */
export interface ServerlessFunctionProps {
  /** @default - derived from the construct path */
  readonly displayName?: string;
  /**
   * Memory in MB: 128, 256, 512, 1024, 2048 or 3072.
   * @default 512
   */
  readonly memoryInMbs?: number;
  /**
   * Timeout in seconds, 1 to 300: the time one batch may take, retries and backoff included.
   * @default 300 (the most a function invoked by Connector Hub may run: D-SCHC)
   */
  readonly timeoutInSeconds?: number;
}

/** Overrides for the function image built from `handlerEntry` (registry, base image, platform). */
export type ServerlessImageProps = Partial<Omit<BundledFunctionCodeProps, 'entry' | 'compartmentId'>>;

/**
 * Props of `ClaimCheckServerlessConsumer`: a claim handler file run as a function, fed batches of claims from the
 * pipeline's stream by a Connector Hub service connector.
 */
export interface ClaimCheckServerlessConsumerProps extends OciTagProps {
  /** Where the claims come from: a `ClaimCheckPipeline`, or `ClaimCheckSource.fromAttributes(...)`. */
  readonly pipeline: IClaimCheckSource;
  /**
   * The consumer's name (1 to 255 letters, digits, `.`, `_`, `-`): it names its dead letters and dedupe markers in
   * the state bucket, like a fleet's consumer group.
   */
  readonly consumerName: string;
  /**
   * The handler file exporting one function with the consumer's handler signature (the same file a
   * `ClaimCheckConsumerFleet` takes), bundled with a generated function entry around it.
   */
  readonly handlerEntry: string;
  /**
   * The Functions application the consumer's function joins.
   * @default - the pipeline's application
   */
  readonly application?: IFunctionsApplication;
  /** @default - 512 MB, 300 s */
  readonly functionProps?: ServerlessFunctionProps;
  /** @default - the publisher's image defaults (private OCIR repository, `fnproject/node:22`, linux/amd64) */
  readonly imageProps?: ServerlessImageProps;
  /**
   * Messages per invocation (`batch_size_in_num`). Not allowed with `batchSizeInKbs`.
   * @default - the service's default (not documented in what we read; the console suggests 10)
   */
  readonly batchSizeInNum?: number;
  /**
   * Kilobytes per invocation (`batch_size_in_kbs`); an invocation carries at most 6 MB. Not allowed with
   * `batchSizeInNum`.
   * @default - the service's default
   */
  readonly batchSizeInKbs?: number;
  /**
   * Longest a batch waits to fill up before it is delivered (`batch_time_in_sec`).
   * @default - the service's default (the console suggests 5)
   */
  readonly batchTimeInSec?: number;
  /**
   * Where the connector starts reading when it is created.
   * @default 'TRIM_HORIZON' (every claim still retained, like the fleet's consumer groups)
   */
  readonly cursor?: ConnectorCursor;
  /**
   * Attempts per claim (fetch + handler) within one invocation before it is dead-lettered.
   * @default 5 (the consumer's default)
   */
  readonly maxAttempts?: number;
  /**
   * Claims in flight per invocation (claims of one object stay in order).
   * @default 4
   */
  readonly concurrency?: number;
  /**
   * Record one marker per processed claim in the state bucket and skip claims that have one, so a batch the
   * connector delivers again (after a failed invocation) does not run the handler again for the claims it finished.
   * Costs a HEAD and a PUT per claim.
   * @default false (a retried batch runs the handler again for every claim in it: handlers must be idempotent)
   */
  readonly dedupeMarkers?: boolean;
  /**
   * The consumer state bucket (dead letters, markers) when the pipeline has none.
   * @default - the pipeline's `consumerStateBucket`
   */
  readonly stateBucket?: IBucket;
  /**
   * Extra function configuration for the handler (plain values, never secrets).
   * @default - none
   */
  readonly environment?: Record<string, string>;
  /**
   * OCID of the compartment for the service connector.
   * @default - the function's application's compartment
   */
  readonly compartmentId?: string;
  /**
   * Create the policies Connector Hub needs (read the stream, invoke the function). Turn off only if your tenancy
   * already grants them.
   * @default true
   */
  readonly createConnectorPolicies?: boolean;
  /** OCID of the tenancy (the function's dynamic group). @default - the pipeline's, else the stack's `tenancy_ocid` variable */
  readonly tenancyId?: string;
  /** Region identifier (the image registry). @default - the pipeline's, else the stack's `region` variable */
  readonly region?: string;
}
