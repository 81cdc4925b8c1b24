import { Construct } from 'constructs';
import { handlerEntry } from '../bundling/handler-entry';
import { CONSUMER_CONFIG_KEYS as K } from '../contract/consumer-config';
import { SchServiceConnector } from '../generated/providers/oci/sch-service-connector';
import { BundledFunctionCode } from '../oci/bundled-function-code';
import { OciFunction } from '../oci/function';
import { IFunctionsApplication } from '../oci/functions-application';
import { Grant } from '../oci/grant';
import { Policy } from '../oci/policy';
import { equals } from '../oci/policy-statement';
import { physicalName } from '../oci/private/naming';
import { regionVariable } from '../oci/stack-inputs';
import { applyTagProps } from '../oci/tags';
import { ClaimCheckServerlessConsumerProps } from './claim-check-serverless-consumer-props';
import { validateServerlessProps } from './claim-check-serverless-consumer-validation';
import { consumerConfig } from './consumer-wiring';
import { pauseSourceMappedStacks } from '../oci/private/source-mapped-stacks';

export * from './claim-check-serverless-consumer-props';

export const SERVERLESS_DEFAULTS = { memoryInMbs: 512, timeoutInSeconds: 300, cursor: 'TRIM_HORIZON' } as const;

/**
 * The claim-check consumer as a function: a Connector Hub service connector reads the stream and invokes a function
 * that runs your handler (the same file a `ClaimCheckConsumerFleet` takes) on each batch.
 *
 *   stream --service connector (batch size / time)--> function (generated entry + handler) --GetObject--> bucket
 *
 * - The function is bundled through the publisher's path (lib/oci/container-image.ts) from `handlerEntry` plus a
 *   generated entry (lib/consumer/entries/serverless-entry.ts): each claim of the batch gets the consumer library's
 *   processing (allowlist, if-match fetch, `maxAttempts` with backoff, dead letter in the state bucket); the
 *   invocation fails only when a claim got no outcome, and then the connector retries the batch.
 * - Identity: the function's own dynamic group (`OciFunction`), granted read on the bucket and read/write on the
 *   state bucket. Nothing on the stream: the connector reads it.
 * - Connector Hub's policies, as Oracle's own Terraform writes them (oci-operations-facts §4, [QS], [SCCA],
 *   [LZOBS]): `any-user` with `request.principal.type = 'serviceconnector'` from the connector's compartment may
 *   `{STREAM_READ, STREAM_CONSUME}` on this stream and `use fn-function` / `use fn-invocation` in the function's
 *   compartment. The connector is created after them.
 *
 * Against the fleet (README, "Serverless or fleet"): no consumer group (the connector keeps its own position), one
 * invocation at a time per batch with a 5-minute ceiling, cold starts, a failed batch retried whole (at-least-once;
 * `dedupeMarkers` skips finished claims), no instances to run or scale.
 */
export class ClaimCheckServerlessConsumer extends Construct {
  public readonly function: OciFunction;
  public readonly connector: SchServiceConnector;
  /** The Connector Hub policies (unless `createConnectorPolicies: false`): reading the stream, invoking the function. */
  public readonly connectorPolicies: Policy[] = [];
  /** What the function was granted (bucket read, state bucket read/write). */
  public readonly grant: Grant;
  public readonly consumerName: string;

  constructor(scope: Construct, id: string, props: ClaimCheckServerlessConsumerProps) {
    super(scope, id);
    // cdktf's token traces recorded while building skip source maps (oci/private/source-mapped-stacks.ts says why).
    const restoreSourceMaps = pauseSourceMappedStacks();
    try {
      validateServerlessProps(this, props);
      const source = props.pipeline;
      const stateBucket = props.stateBucket ?? source.consumerStateBucket!;
      const application: IFunctionsApplication = props.application ?? source.application!;
      applyTagProps(this, props);
      this.consumerName = props.consumerName;

      // 1. The function: the handler and the generated entry, bundled and built like the publisher.
      const fnProps = props.functionProps ?? {};
      this.function = new OciFunction(this, 'Function', {
        application,
        code: new BundledFunctionCode({
          region: props.region ?? source.region ?? regionVariable(this).stringValue,
          ...props.imageProps,
          entry: handlerEntry(props.handlerEntry, 'serverless'),
          compartmentId: application.compartmentId,
        }),
        tenancyId: props.tenancyId ?? source.tenancyId,
        displayName: fnProps.displayName,
        memoryInMbs: fnProps.memoryInMbs ?? SERVERLESS_DEFAULTS.memoryInMbs,
        timeoutInSeconds: fnProps.timeoutInSeconds ?? SERVERLESS_DEFAULTS.timeoutInSeconds,
        config: {
          ...props.environment,
          ...consumerConfig(source, stateBucket, props.consumerName),
          [K.streamId]: source.stream.streamId,
          ...(props.maxAttempts !== undefined ? { [K.maxAttempts]: String(props.maxAttempts) } : {}),
          ...(props.concurrency !== undefined ? { [K.concurrency]: String(props.concurrency) } : {}),
          [K.dedupe]: props.dedupeMarkers ? 'markers' : 'none',
        },
      });
      this.grant = Grant.combine(source.bucket.grantRead(this.function), stateBucket.grantRead(this.function), stateBucket.grantWrite(this.function));

      // 2. What Connector Hub may do: read this stream, invoke functions in the function's compartment.
      const connectorCompartment = props.compartmentId ?? application.compartmentId;
      if (props.createConnectorPolicies ?? true) {
        const fromConnector = [equals('request.principal.type', 'serviceconnector'), equals('request.principal.compartment.id', connectorCompartment)];
        const streamCompartment = source.stream.compartmentId;
        this.connectorPolicies.push(
          new Policy(this, 'ConnectorSourcePolicy', {
            compartmentId: streamCompartment,
            description: `Lets the service connector of ${this.node.path} read its stream (managed by cdktf-oci-claim-check)`,
            statements: [
              `Allow any-user to {STREAM_READ, STREAM_CONSUME} in compartment id ${streamCompartment} where all {${[
                fromConnector[0],
                equals('target.stream.id', source.stream.streamId),
                fromConnector[1],
              ].join(', ')}}`,
            ],
          }),
          new Policy(this, 'ConnectorTargetPolicy', {
            compartmentId: application.compartmentId,
            description: `Lets the service connector of ${this.node.path} invoke its function (managed by cdktf-oci-claim-check)`,
            statements: ['fn-function', 'fn-invocation'].map(
              (resourceType) => `Allow any-user to use ${resourceType} in compartment id ${application.compartmentId} where all {${fromConnector.join(', ')}}`,
            ),
          }),
        );
      }

      // 3. The connector: stream → function, in batches.
      this.connector = new SchServiceConnector(this, 'Connector', {
        compartmentId: connectorCompartment,
        displayName: physicalName(this, { maxLength: 255 }),
        description: `Claim checks of ${source.stream.streamId} to the serverless consumer ${props.consumerName} (managed by cdktf-oci-claim-check)`,
        source: { kind: 'streaming', streamId: source.stream.streamId, cursor: { kind: props.cursor ?? SERVERLESS_DEFAULTS.cursor } },
        target: {
          kind: 'functions',
          functionId: this.function.functionId,
          batchSizeInNum: props.batchSizeInNum,
          batchSizeInKbs: props.batchSizeInKbs,
          batchTimeInSec: props.batchTimeInSec,
        },
        dependsOn: this.connectorPolicies.length ? this.connectorPolicies.map((policy) => policy.resource) : undefined,
      });
    } finally {
      restoreSourceMaps();
    }
  }
}
