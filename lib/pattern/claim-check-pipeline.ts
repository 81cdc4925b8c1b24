import { Construct } from 'constructs';
import { Annotations, Lazy } from 'cdktf';
import { Bucket, IBucket } from '../oci/bucket';
import { ObjectEventsRule } from '../oci/events-rule';
import { OciFunction } from '../oci/function';
import { FunctionsApplication, IFunctionsApplication } from '../oci/functions-application';
import { Grant } from '../oci/grant';
import { Policy } from '../oci/policy';
import { IGrantable } from '../oci/principal';
import { realmDomainOf, serviceHost } from '../oci/realm';
import { regionVariable, tenancyOcidVariable } from '../oci/stack-inputs';
import { IStream, Stream } from '../oci/stream';
import { IStreamPool, StreamPool } from '../oci/stream-pool';
import { applyTagProps } from '../oci/tags';
import { FUNCTION_CONFIG_KEYS, OBJECT_ACTIONS, ObjectFilter, objectFilterProblems } from '../contract';
import { PropValidator } from '../oci/private/validation';
import { ClaimCheckObservability } from './claim-check-observability';
import { ClaimCheckPipelineProps, PipelineSourceOptions } from './claim-check-pipeline-props';
import type { ClaimCheckScheduledReconciler } from './claim-check-scheduled-reconciler';
import { outputNamePrefix, stableOutput } from './output-names';
import { defaultPublisherCode } from './publisher-code';
import { validatePipelineProps } from './claim-check-pipeline-validation';
import { pauseSourceMappedStacks } from '../oci/private/source-mapped-stacks';

export * from './claim-check-pipeline-props';

/**
 * The claim-check file pipeline: a bucket that emits object events, an events rule, a function that turns
 * each event into a claim check on a stream, least-privilege IAM for all of it, and the outputs and grants
 * a consumer fleet needs.
 *
 *   bucket --object events--> rule --FAAS--> function --PutMessages--> stream --> consumers (grantConsume)
 */
export class ClaimCheckPipeline extends Construct {
  /** The bucket files land in: created here, or `existingBucket` (`createdBucket` is the created one, typed). */
  public readonly bucket: IBucket;
  /** The bucket the pipeline created, typed for escape hatches (`createdBucket.resource`); undefined with `existingBucket`. */
  public readonly createdBucket?: Bucket;
  /** Dead letters and dedupe markers of the consumers (see `createConsumerStateBucket`). */
  public readonly consumerStateBucket?: Bucket;
  public readonly streamPool?: IStreamPool;
  /** The stream pool the pipeline created, typed; undefined with `existingStreamPool` or `existingStream`. */
  public readonly createdStreamPool?: StreamPool;
  public readonly stream: IStream;
  /** The stream the pipeline created, typed (`createdStream.resource`); undefined with `existingStream`. */
  public readonly createdStream?: Stream;
  public readonly application: IFunctionsApplication;
  /** The Functions application the pipeline created, typed; undefined with `existingApplication`. */
  public readonly createdApplication?: FunctionsApplication;
  public readonly publisher: OciFunction;
  /** The events rule of the pipeline's own bucket (`rules` lists every source's). */
  public readonly rule: ObjectEventsRule;
  /** The policy letting Object Storage use the bucket's customer key, when one is set (`bucket.kmsKeyPolicy`). */
  public readonly kmsPolicy?: Policy;
  /** Invoke logs, alarm topic and alarms (unless `observability: false`). */
  public readonly observability?: ClaimCheckObservability;
  /** The reconciler function and its schedule (with `reconcile`). */
  public readonly reconciler?: ClaimCheckScheduledReconciler;
  public readonly region: string;
  public readonly tenancyId: string;
  /** The domain of the realm the pipeline deploys to (`oraclecloud.com` in OC1), for service hostnames. */
  public readonly realmDomain: string;
  private readonly sources: Array<{ readonly bucket: IBucket; readonly filter?: ObjectFilter; readonly rule: ObjectEventsRule }> = [];
  private readonly compartmentId: string;
  private readonly tags?: Record<string, string>;
  /**
   * What the pipeline's output names start with (`outputNamePrefix`): `${pipeline.outputNamePrefix}BucketName` is the
   * name `terraform output` knows.
   */
  public readonly outputNamePrefix: string;
  /** Policy subjects given grantConsume / grantUpload, to warn about consumers that can feed themselves. */
  private readonly consumers = new Set<string>();
  private readonly uploaders = new Set<string>();

  constructor(scope: Construct, id: string, props: ClaimCheckPipelineProps) {
    super(scope, id);
    // cdktf's token traces recorded while building skip source maps (oci/private/source-mapped-stacks.ts says why).
    const restoreSourceMaps = pauseSourceMappedStacks();
    try {
      validatePipelineProps(this, props);
      // Every taggable resource under the pipeline, those created later (grants, sources) included.
      applyTagProps(this, props);
      this.region = props.region ?? regionVariable(this).stringValue;
      this.tenancyId = props.tenancyId ?? tenancyOcidVariable(this).stringValue;
      this.realmDomain = props.realmDomain ?? realmDomainOf(this, props.compartmentId);
      this.compartmentId = props.compartmentId;
      const tags = props.freeformTags;
      this.tags = tags;
      this.outputNamePrefix = outputNamePrefix(this, props.outputNamePrefix);

      // 1. The bucket files land in (with the policy its customer key needs, if it has one).
      if (props.existingBucket) {
        this.bucket = props.existingBucket;
      } else {
        const bucket = new Bucket(this, 'Bucket', { compartmentId: props.compartmentId, region: this.region, freeformTags: tags, ...props.bucketProps });
        this.bucket = this.createdBucket = bucket;
        this.kmsPolicy = bucket.kmsKeyPolicy;
      }

      if (props.createConsumerStateBucket ?? true) {
        const state = props.consumerStateBucketProps ?? {};
        this.consumerStateBucket = new Bucket(this, 'ConsumerStateBucket', {
          ...state,
          compartmentId: state.compartmentId ?? props.compartmentId,
          region: this.region,
          bucketName: state.bucketName ?? consumerStateBucketName(this.bucket.bucketName),
          objectEventsEnabled: false,
          namespace: this.bucket.namespace,
          // Destroyable together with the landing bucket unless said otherwise.
          preventDestroy: state.preventDestroy ?? props.bucketProps?.preventDestroy,
        });
      }

      // 2. The stream claim checks go to.
      if (props.existingStream) {
        this.stream = props.existingStream;
        this.streamPool = props.existingStreamPool;
      } else {
        if (props.existingStreamPool) {
          this.streamPool = props.existingStreamPool;
        } else {
          this.streamPool = this.createdStreamPool = new StreamPool(this, 'StreamPool', { compartmentId: props.compartmentId, freeformTags: tags, ...props.streamPoolProps });
        }
        this.stream = this.createdStream = new Stream(this, 'Stream', { streamPool: this.streamPool, freeformTags: tags, ...props.streamProps });
      }

      // 3. The publisher function, allowed to push to that one stream and nothing else.
      if (props.existingApplication) {
        this.application = props.existingApplication;
      } else {
        this.application = this.createdApplication = new FunctionsApplication(this, 'Application', {
          compartmentId: props.compartmentId,
          subnetIds: props.subnetIds,
          freeformTags: tags,
          ...props.applicationProps,
        });
      }
      const fnProps = props.functionProps ?? {};
      this.publisher = new OciFunction(this, 'Publisher', {
        ...fnProps,
        application: this.application,
        code: fnProps.code ?? defaultPublisherCode({ compartmentId: props.compartmentId, region: this.region, realmDomain: this.realmDomain }),
        tenancyId: this.tenancyId,
        config: {
          ...fnProps.config,
          // The function's configuration contract (lib/contract/function-config.ts, lambda-src/README.md).
          [FUNCTION_CONFIG_KEYS.streamId]: this.stream.streamId,
          [FUNCTION_CONFIG_KEYS.streamEndpoint]: this.stream.messagesEndpoint,
          [FUNCTION_CONFIG_KEYS.auth]: 'resource_principal',
        },
        freeformTags: tags,
      });
      this.stream.grantPush(this.publisher);

      // 4. The rule that sends the bucket's object events to the function (with the Events invoke policy).
      this.rule = new ObjectEventsRule(this, 'Rule', {
        bucket: this.bucket,
        target: this.publisher,
        eventTypes: props.eventTypes ?? [...OBJECT_ACTIONS],
        objectFilter: props.objectFilters,
        compartmentId: props.compartmentId,
        displayName: props.ruleProps?.displayName,
        enabled: props.ruleProps?.enabled,
        createInvokePolicy: props.ruleProps?.createInvokePolicy,
        freeformTags: tags,
      });
      this.addSourceRecord(this.bucket, props.objectFilters, this.rule);

      // 5. Invoke logs and alarms, on by default (claim-check-observability.ts).
      if (props.observability !== false) {
        this.observability = new ClaimCheckObservability(this, 'Observability', {
          ...props.observability,
          compartmentId: props.compartmentId,
          application: this.application,
          publisher: this.publisher,
          stream: this.stream,
          rule: { ruleId: this.rule.resource.id, compartmentId: props.compartmentId },
          outputNamePrefix: this.outputNamePrefix,
          freeformTags: tags,
        });
      }

      // 6. Deployed reconciliation, off by default (claim-check-scheduled-reconciler.ts; README, "Scheduled reconciliation").
      if (props.reconcile) {
        // Loaded only here: its Resource Scheduler bindings and the reconciler's code are tens of kilobytes every
        // synth of a pipeline without `reconcile` would otherwise load for nothing.
        const { ClaimCheckScheduledReconciler: Reconciler } = require('./claim-check-scheduled-reconciler') as typeof import('./claim-check-scheduled-reconciler');
        this.reconciler = new Reconciler(this, 'Reconciler', {
          streamRetentionHours: props.streamProps?.retentionInHours,
          ...(props.reconcile === true ? {} : props.reconcile),
          pipeline: this,
        });
      }

      this.createOutputs();
    } finally {
      restoreSourceMaps();
    }
  }

  /** Every bucket whose files become claims: the pipeline's own first, then those added with `addSource`. */
  public get sourceBuckets(): IBucket[] {
    return this.sources.map((s) => s.bucket);
  }

  /** The events rule of each source, in the order of `sourceBuckets`. */
  public get rules(): ObjectEventsRule[] {
    return this.sources.map((s) => s.rule);
  }

  /** Each source bucket with the object filter its function applies (none: every object), in the order of `sourceBuckets`. */
  public get sourceObjectFilters(): Array<{ readonly bucket: IBucket; readonly objectFilter?: ObjectFilter }> {
    return this.sources.map((s) => ({ bucket: s.bucket, objectFilter: s.filter }));
  }

  /**
   * Makes a further bucket's files claims on the same stream, for the same consumers: one partner or region per
   * bucket, one stream and one consumer fleet for all. The bucket (created here or imported with
   * `Bucket.fromBucketAttributes`) must have object events enabled. It gets its own events rule (condition: its
   * name, its event types, its object filter's includes) targeting the pipeline's function; the function applies
   * the rest of the filter; `grantConsume` covers it from now on, and the `SourceBuckets` output lists it.
   */
  public addSource(bucket: IBucket, options: PipelineSourceOptions = {}): ObjectEventsRule {
    const v = new PropValidator('ClaimCheckPipeline.addSource');
    const same = (a: IBucket, b: IBucket) => a === b || (a.bucketName === b.bucketName && a.namespace === b.namespace);
    if (this.consumerStateBucket && same(bucket, this.consumerStateBucket)) {
      v.fail('bucket', `${bucket.bucketName} is the pipeline's consumer state bucket: its dead letters and checkpoints would come back as claims`);
    }
    if (this.sources.some((s) => same(s.bucket, bucket))) v.fail('bucket', `${bucket.bucketName} is already a source of this pipeline`);
    if (options.eventTypes !== undefined) v.subsetOf('eventTypes', options.eventTypes, OBJECT_ACTIONS, 'event type');
    if (options.objectFilters !== undefined) for (const p of objectFilterProblems(options.objectFilters)) v.fail(p.path, p.rule);
    v.throwIfInvalid(this);
    const rule = new ObjectEventsRule(this, `${bucket.node.id}Rule`, {
      bucket,
      target: this.publisher,
      eventTypes: options.eventTypes ?? [...OBJECT_ACTIONS],
      objectFilter: options.objectFilters,
      compartmentId: options.ruleCompartmentId ?? bucket.compartmentId ?? this.compartmentId,
      // The pipeline's own rule already lets the Events service invoke functions in the function's compartment.
      createInvokePolicy: false,
      freeformTags: this.tags,
    });
    this.addSourceRecord(bucket, options.objectFilters, rule);
    // Consumers granted before this source was added can read it too.
    for (const grantee of this.consumerGrantees) bucket.grantRead(grantee);
    return rule;
  }

  /**
   * Lets a consumer fleet do its job: read objects in every source bucket, pull (cursors, group cursors, commits)
   * from the stream, and read/write its own records in the consumer state bucket. Nothing else: no writes to the
   * source buckets, no deletes, no other bucket or stream. Sources added later are granted when added.
   *
   * Returns the combined grant: `grant.applyBefore(fleet)` creates the fleet once the policy exists.
   */
  public grantConsume(grantee: IGrantable): Grant {
    const grants = [...this.sourceBuckets.map((b) => b.grantRead(grantee)), this.stream.grantPull(grantee)];
    if (this.consumerStateBucket) {
      grants.push(this.consumerStateBucket.grantRead(grantee), this.consumerStateBucket.grantWrite(grantee));
    }
    this.consumerGrantees.push(grantee);
    this.consumers.add(grantee.policySubject);
    this.warnIfConsumersFeedThemselves();
    return Grant.combine(...grants);
  }

  /** Lets producers upload files into the pipeline's own bucket (create and overwrite objects). */
  public grantUpload(grantee: IGrantable): Grant {
    this.uploaders.add(grantee.policySubject);
    this.warnIfConsumersFeedThemselves();
    return this.bucket.grantWrite(grantee);
  }

  private readonly consumerGrantees: IGrantable[] = [];
  private readonly warnedAbout = new Set<string>();

  private addSourceRecord(bucket: IBucket, filter: ObjectFilter | undefined, rule: ObjectEventsRule): void {
    this.sources.push({ bucket, filter, rule });
    const filters = Object.fromEntries(this.sources.filter((s) => s.filter !== undefined).map((s) => [s.bucket.bucketName, s.filter!]));
    // The function applies what the rule conditions cannot (lib/contract/object-filter.ts).
    if (Object.keys(filters).length > 0) this.publisher.addConfig(FUNCTION_CONFIG_KEYS.objectFilters, JSON.stringify(filters));
  }

  /**
   * A principal that consumes claims and may also write into the pipeline's bucket can write its results where they
   * become claims again (and feed itself) unless the bucket's filter excludes them: say so at synth.
   */
  private warnIfConsumersFeedThemselves(): void {
    const both = [...this.consumers].filter((subject) => this.uploaders.has(subject) && !this.warnedAbout.has(subject));
    const own = this.sources[0];
    if (both.length === 0 || (own.filter?.exclude ?? []).length > 0) return;
    both.forEach((subject) => this.warnedAbout.add(subject));
    Annotations.of(this).addWarning(
      `${both.join(', ')} consumes this pipeline's claims and may write into its bucket ${own.bucket.bucketName}, which has no exclude filter: ` +
        `results written there become claims again (a consumer that feeds itself). Write results to another bucket, or exclude their prefix with objectFilters.exclude.`,
    );
  }

  private createOutputs(): void {
    // Stable names, `<prefix><id>` (output-names.ts): what scripts reading `terraform output` use.
    const output = (id: string, value: string, description: string) =>
      stableOutput(this, 'ClaimCheckPipeline', this.outputNamePrefix, id, { value, description });
    output('BucketName', this.bucket.bucketName, 'Bucket the files land in');
    stableOutput(this, 'ClaimCheckPipeline', this.outputNamePrefix, 'SourceBuckets', {
      // Lazy: sources added after construction are listed too.
      value: Lazy.anyValue({ produce: () => this.sourceBuckets.map((b) => ({ namespace: b.namespace, bucket: b.bucketName })) }),
      description: 'Every bucket whose files become claims ({namespace, bucket}): the consumers\' allowedBuckets',
    });
    output('BucketNamespace', this.bucket.namespace, 'Object Storage namespace of the bucket');
    if (this.consumerStateBucket) {
      output('ConsumerStateBucketName', this.consumerStateBucket.bucketName, 'Bucket for consumer dead letters and dedupe markers');
    }
    output('StreamId', this.stream.streamId, 'OCID of the claim-check stream');
    output('StreamMessagesEndpoint', this.stream.messagesEndpoint, 'Streaming API endpoint for StreamClient (consumers)');
    output('KafkaBootstrapServers', this.kafkaBootstrapServers(), 'Kafka bootstrap servers (SASL_SSL, PLAIN)');
    output(
      'KafkaSaslUsernameFormat',
      `<tenancyName>/<identityDomainName>/<userName>/${this.streamPool?.streamPoolId ?? '<streamPoolOcid>'}`,
      'Kafka SASL PLAIN username; the password is an auth token of that user',
    );
    output('PublisherFunctionId', this.publisher.functionId, 'OCID of the claim-check publisher function');
    if (this.reconciler) output('ReconcilerFunctionId', this.reconciler.function.functionId, 'OCID of the scheduled reconciler function (invoke it for a pass now)');
  }

  /**
   * The pool's own bootstrap servers when known; otherwise the regional public endpoint, `streaming.<region>.oci.
   * <realm domain>:9092`: https://docs.oracle.com/iaas/Content/Streaming/Tasks/kafkacompatibility_topic-Configuration.htm
   * (OC1's form), other realms per `REALM_DOMAINS`.
   */
  private kafkaBootstrapServers(): string {
    return this.streamPool?.kafkaBootstrapServers ?? `${serviceHost('streaming', this.region, this.realmDomain)}:9092`;
  }
}

/** `<landing>-consumer-state`, trimmed to the 256-character bucket name limit. */
function consumerStateBucketName(landingBucketName: string): string {
  const suffix = '-consumer-state';
  return `${landingBucketName.slice(0, 256 - suffix.length)}${suffix}`;
}
