import { BucketProps, IBucket } from '../oci/bucket';
import type { ObjectAction, ObjectFilter } from '../contract';
import { OciFunctionProps } from '../oci/function';
import { FunctionsApplicationProps, IFunctionsApplication } from '../oci/functions-application';
import { IStream, StreamProps } from '../oci/stream';
import { IStreamPool, StreamPoolProps } from '../oci/stream-pool';
import type { OciTagProps } from '../oci/tags';
import type { PipelineObservabilityProps } from './claim-check-observability';
import type { ScheduledReconcileOptions } from './claim-check-scheduled-reconciler-props';

/**
 * Overrides for the bucket the pipeline creates (its compartment defaults to the pipeline's; its region is the
 * pipeline's).
 */
export type PipelineBucketProps = Partial<Omit<BucketProps, 'region'>>;
/**
 * Overrides for the consumer state bucket the pipeline creates: its name, `preventDestroy`, `versioning`, a customer
 * key (`kmsKeyId`, `kmsKeyCompartmentId`, `createKmsKeyPolicy`), its compartment, its tags. Its namespace is the
 * landing bucket's, its region the pipeline's, and object events stay off (its writes must never become claims).
 */
export type PipelineConsumerStateBucketProps = Partial<Omit<BucketProps, 'region' | 'namespace' | 'objectEventsEnabled'>>;
/** Overrides for the stream pool the pipeline creates. */
export type PipelineStreamPoolProps = Partial<StreamPoolProps>;
/** Overrides for the stream the pipeline creates. */
export type PipelineStreamProps = Omit<StreamProps, 'streamPool'>;
/** Overrides for the Functions application the pipeline creates. */
export type PipelineApplicationProps = Omit<Partial<FunctionsApplicationProps>, 'subnetIds'>;

/**
 * Overrides for the claim-check publisher function: the function's own props, less what the pipeline decides
 * (its application, the tenancy of its dynamic group, the tags), so the two cannot drift apart.
 */
export interface PipelineFunctionProps extends Partial<Omit<OciFunctionProps, 'application' | 'tenancyId' | 'freeformTags' | 'definedTags'>> {
  /**
   * The image the function runs.
   * @default - the bundled claim-check publisher from `lambda-src/`, built and pushed to OCIR at deploy
   */
  readonly code?: OciFunctionProps['code'];
  /**
   * Extra configuration; the pipeline sets STREAM_OCID, STREAM_ENDPOINT and OCI_AUTH itself.
   * @default - none
   */
  readonly config?: OciFunctionProps['config'];
}

/** Overrides for the events rule. */
export interface PipelineRuleProps {
  /** @default - derived from the construct path */
  readonly displayName?: string;
  /** @default true */
  readonly enabled?: boolean;
  /**
   * Create the `service cloudEvents` policy that lets the rule invoke the function.
   * Turn off only if your tenancy already grants it.
   * @default true
   */
  readonly createInvokePolicy?: boolean;
}

/**
 * Props of `ClaimCheckPipeline`. Only `compartmentId` and `subnetIds` are required; for each part give either
 * `existingX` or `xProps`, never both.
 */
export interface ClaimCheckPipelineProps extends OciTagProps {
  /** OCID of the compartment for every resource of the pipeline. */
  readonly compartmentId: string;
  /** OCIDs of the subnets the function runs in. They need a route to the Streaming endpoint (NAT or service gateway). */
  readonly subnetIds: string[];
  /**
   * OCID of the tenancy (the function's dynamic group is created in the root compartment).
   * @default - the stack's `tenancy_ocid` Terraform variable, which OCI Resource Manager fills in
   */
  readonly tenancyId?: string;
  /**
   * Region identifier, e.g. `us-ashburn-1` (OCIR host, Kafka endpoint, Object Storage service principal).
   * @default - the stack's `region` Terraform variable, which OCI Resource Manager fills in
   */
  readonly region?: string;
  /**
   * Domain of the realm the pipeline deploys to, for service hostnames (`ocir.<region>.oci.<domain>`, the Kafka
   * endpoint): `oraclecloud.com` in the commercial realm OC1, `oraclegovcloud.com` in OC2/OC3...
   * @default - the domain of the realm in `compartmentId`'s OCID (`REALM_DOMAINS`)
   */
  readonly realmDomain?: string;

  /**
   * Use this bucket instead of creating one. It must have object events enabled.
   * @default - a new bucket (see `bucketProps`)
   */
  readonly existingBucket?: IBucket;
  /**
   * Overrides for the new bucket. Not allowed with `existingBucket`.
   * @default - private, object events on, versioning off, Oracle-managed key, protected from destroy
   */
  readonly bucketProps?: PipelineBucketProps;

  /**
   * Create a second, private bucket (object events off) for the consumer fleet's own records: dead letters and
   * the per-group markers that make duplicate claims processed once. Kept apart from the landing bucket so these
   * writes never become claim checks themselves. `grantConsume` includes read/write on it.
   * @default true
   */
  readonly createConsumerStateBucket?: boolean;
  /**
   * What the pipeline's output names start with: `<prefix>BucketName`, `<prefix>StreamId`... (its observability's
   * too). `''` gives the bare names (`BucketName`), for a stack with one pipeline. Two constructs of the library can
   * never share an output name: the second is refused at construction.
   * @default - the pipeline's construct path below the stack, `_`-joined, then `_`: `Invoices_` for `new ClaimCheckPipeline(stack, 'Invoices', ...)`
   */
  readonly outputNamePrefix?: string;
  /**
   * Overrides for the consumer state bucket. Not allowed with `createConsumerStateBucket: false`. Its
   * `preventDestroy` follows the landing bucket's (`bucketProps.preventDestroy`) unless given here, so
   * `bucketProps: { preventDestroy: false }` makes both buckets of a dev stack destroyable (README, "Destroying a dev
   * stack").
   * @default - `<landing bucket name>-consumer-state`, private, versioning off, Oracle-managed key, protected from destroy like the landing bucket
   */
  readonly consumerStateBucketProps?: PipelineConsumerStateBucketProps;

  /**
   * Use this stream pool for the new stream. Not allowed with `streamPoolProps` or `existingStream`.
   * @default - a new stream pool (see `streamPoolProps`)
   */
  readonly existingStreamPool?: IStreamPool;
  /**
   * Overrides for the new stream pool.
   * @default - public endpoint, Kafka topic auto-creation off, Oracle-managed key
   */
  readonly streamPoolProps?: PipelineStreamPoolProps;
  /**
   * Use this stream instead of creating one. Not allowed with `streamProps`, `existingStreamPool` or `streamPoolProps`.
   * @default - a new stream (see `streamProps`)
   */
  readonly existingStream?: IStream;
  /**
   * Overrides for the new stream.
   * @default - 1 partition, 24 hours retention
   */
  readonly streamProps?: PipelineStreamProps;

  /**
   * Use this Functions application. Not allowed with `applicationProps`.
   * @default - a new application in `subnetIds`
   */
  readonly existingApplication?: IFunctionsApplication;
  /**
   * Overrides for the new application.
   * @default - GENERIC_X86 shape
   */
  readonly applicationProps?: PipelineApplicationProps;
  /**
   * Overrides for the publisher function.
   * @default - the bundled publisher, 256 MB, 30 s
   */
  readonly functionProps?: PipelineFunctionProps;

  /**
   * Object events that produce claim checks.
   * @default ['createobject', 'updateobject', 'deleteobject']
   */
  readonly eventTypes?: ObjectAction[];
  /**
   * Which objects of the bucket become claims: include and exclude patterns on the object name (`{prefix?,
   * suffix?}` or an OCI wildcard `{wildcard: 'in/*.csv'}`). Includes go into the events rule condition (OCI drops
   * the rest before the function is called); what OCI's condition language cannot express (excludes, a literal
   * `*`) the function applies, acknowledging an excluded object's event without publishing. See README, "Which
   * files become claims".
   * @default - every object of the bucket
   */
  readonly objectFilters?: ObjectFilter;
  /**
   * Overrides for the events rule.
   * @default - enabled, with its invoke policy
   */
  readonly ruleProps?: PipelineRuleProps;

  /**
   * The function's invoke logs (a log group and a log, 30 days) and alarms on publisher errors, publisher duration
   * near its timeout, stream throttling and events rule delivery failures, sent to a new Notifications topic
   * (`observability.alarmEmail` subscribes an address). `false` creates none of it.
   * @default - on, with the defaults of `PipelineObservabilityProps`
   */
  readonly observability?: PipelineObservabilityProps | false;

  /**
   * Deployed reconciliation: a second function that lists every source bucket and republishes the claims the event
   * path missed (`ClaimCheckReconciler`), invoked on a schedule by OCI Resource Scheduler, with its own
   * least-privilege identity (`ClaimCheckScheduledReconciler`). `true` takes the defaults (hourly); needs the consumer
   * state bucket. Off by default: it adds a second image build, a dynamic group and three policies, and needs a
   * Resource Scheduler permission the deploying user may not have (README, "Scheduled reconciliation").
   * @default false
   */
  readonly reconcile?: boolean | ScheduledReconcileOptions;
}

/** A further bucket whose files become claims on the same stream (`ClaimCheckPipeline.addSource`). */
export interface PipelineSourceOptions {
  /**
   * Object events of this bucket that produce claim checks.
   * @default ['createobject', 'updateobject', 'deleteobject']
   */
  readonly eventTypes?: ObjectAction[];
  /**
   * Which objects of this bucket become claims (see `ClaimCheckPipelineProps.objectFilters`).
   * @default - every object of the bucket
   */
  readonly objectFilters?: ObjectFilter;
  /**
   * Compartment of the source's events rule: the bucket's compartment or one above it (a rule sees events of its
   * compartment and the compartments below it).
   * @default - the bucket's compartment, else the pipeline's
   */
  readonly ruleCompartmentId?: string;
}
