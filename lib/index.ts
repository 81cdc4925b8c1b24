// L3: the pattern.
export * from './pattern/claim-check-pipeline';
// L3 helpers: the network for a tenancy that has none, the pipeline's logs and alarms.
export { ClaimCheckNetwork, STREAM_PRIVATE_ENDPOINT_PORTS } from './pattern/claim-check-network';
export type { ClaimCheckNetworkProps, NetworkSubnetProps, NetworkVcnProps } from './pattern/claim-check-network';
export { ClaimCheckObservability } from './pattern/claim-check-observability';
export type { ClaimCheckAlarms, ClaimCheckObservabilityProps, PipelineObservabilityProps } from './pattern/claim-check-observability';
// L3: the consumers, deployed: a fleet on Container Instances, or a function behind a Connector Hub connector.
export { ClaimCheckConsumerFleet } from './pattern/claim-check-consumer-fleet';
export type {
  ClaimCheckConsumerFleetProps,
  ContainerRestartPolicy,
  FleetConsumerOptions,
  FleetHealthCheckProps,
  FleetImageProps,
} from './pattern/claim-check-consumer-fleet';
export { ClaimCheckServerlessConsumer } from './pattern/claim-check-serverless-consumer';
export type {
  ClaimCheckServerlessConsumerProps,
  ConnectorCursor,
  ServerlessFunctionProps,
  ServerlessImageProps,
} from './pattern/claim-check-serverless-consumer';
export { ClaimCheckSource } from './pattern/claim-check-source';
export type { ClaimCheckSourceAttributes, IClaimCheckSource } from './pattern/claim-check-source';
// L3: deployed reconciliation (the pipeline's `reconcile` option): the reconciler as a scheduled function.
export { ClaimCheckScheduledReconciler } from './pattern/claim-check-scheduled-reconciler';
export type { ClaimCheckScheduledReconcilerProps, ScheduledReconcileOptions } from './pattern/claim-check-scheduled-reconciler';
// The sample stack (`main.ts`, `claimcheck demo`): one pipeline configured from the environment.
export * from './sample/claim-check-sample-stack';
// L2: OCI building blocks.
export * from './oci/bucket';
export * from './oci/stream-pool';
export * from './oci/stream';
export * from './oci/events-rule';
// The object event actions an events rule and a pipeline take (the whole claim contract: `cdktf-oci-claim-check/contract`).
export { OBJECT_ACTIONS, OCI_OBJECT_EVENT_TYPE_PREFIX, ociEventTypeOf } from './contract/object-events';
export type { ObjectAction, OciObjectEventType } from './contract/object-events';
export * from './oci/functions-application';
export * from './oci/function';
export * from './oci/function-code';
export * from './oci/bundled-function-code';
// Starts a function's bundle before the app loads its constructs (the developer's loop; main.ts shows the order).
export { prebundleFunction } from './bundling/bundle-function';
export { BundledContainerImage, ContainerImageCode } from './oci/container-image-code';
export type { BundledContainerImageProps, ContainerImage } from './oci/container-image-code';
// The OCIR repository and docker build/push of a built image (`image.build`), for escape hatches.
export type { ImageBuildResources } from './oci/container-image';
export * from './oci/function-config';
export * from './oci/dynamic-group';
export * from './oci/policy';
export * from './oci/policy-statement';
export * from './oci/principal';
export * from './oci/grant';
export * from './oci/stack-inputs';
// Tags on every taggable resource under a scope (the constructs' `freeformTags` / `definedTags` props use it too).
export { OciTags } from './oci/tags';
export type { OciTagProps } from './oci/tags';
// Where IAM resources are created (the tenancy's home region), and realm domains for service hostnames.
export * from './oci/home-region';
export { REALM_DOMAINS, realmDomainOf, realmOfOcid, serviceHost } from './oci/realm';
// L2: network.
export * from './oci/vcn';
export * from './oci/private-subnet';
export * from './oci/oracle-services';
// L2: observability.
export * from './oci/log-group';
export * from './oci/service-log';
export * from './oci/notification-topic';
export * from './oci/alarm';
export { Metric, METRIC_STATISTICS, COMPARISON_OPERATORS } from './oci/metric';
export type { MetricProps, MetricCondition, MetricStatistic, ComparisonOperator } from './oci/metric';
export * from './oci/service-metrics';
export * from './oci/limits';
export * from './oci/validation-error';
// Generated L1 bindings, for escape hatches: `oci.objectstorageBucket.ObjectstorageBucket`, ...
export * as oci from './generated/providers/oci';
