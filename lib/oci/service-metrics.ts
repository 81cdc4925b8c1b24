import { Metric } from './metric';

/**
 * The service metrics the pipeline's alarms watch: namespace, metric name and dimensions exactly as OCI documents
 * them, each next to its reference page. (The MQL around them: `metric.ts`.)
 */

/**
 * OCI Functions metrics, namespace `oci_faas`:
 * https://docs.oracle.com/iaas/Content/Functions/Reference/functionsmetrics.htm
 * Dimension `resourceId` is the function's OCID (`applicationId` the application's).
 */
export const FUNCTIONS_NAMESPACE = 'oci_faas';

/**
 * `FunctionResponseCount` dimension `responseType`: `Success`, `Error` or `Throttled`. The Console's "Errors" chart is
 * `responseType = "Error"`, its "Throttles" chart `responseType = "Throttled"` (HTTP 429); there is no separate
 * errors metric (same page).
 */
export type FunctionResponseType = 'Success' | 'Error' | 'Throttled';

/** What a function metric needs to know of the function. */
export interface MeteredFunction {
  readonly functionId: string;
  /** OCID of the function's compartment (where its metrics are emitted). */
  readonly compartmentId: string;
}

/** The OCI Functions metrics (namespace `oci_faas`) of one function, as `Metric`s for alarms. */
export class FunctionMetrics {
  /** `FunctionResponseCount` (count of responses) of one function, for one response type. */
  public static responseCount(fn: MeteredFunction, responseType: FunctionResponseType): Metric {
    return new Metric({
      namespace: FUNCTIONS_NAMESPACE,
      metricName: 'FunctionResponseCount',
      dimensions: { resourceId: fn.functionId, responseType },
      compartmentId: fn.compartmentId,
    });
  }

  /** `FunctionExecutionDuration` of one function, in milliseconds. */
  public static executionDuration(fn: MeteredFunction): Metric {
    return new Metric({
      namespace: FUNCTIONS_NAMESPACE,
      metricName: 'FunctionExecutionDuration',
      dimensions: { resourceId: fn.functionId },
      compartmentId: fn.compartmentId,
    });
  }
}

/**
 * OCI Streaming metrics, namespace `oci_streaming`; every metric has the dimensions `region` and `resourceId`
 * (= the stream's OCID): https://docs.oracle.com/iaas/Content/Streaming/Reference/metric-ref.htm
 */
export const STREAMING_NAMESPACE = 'oci_streaming';

/** What a stream metric needs to know of the stream. */
export interface MeteredStream {
  readonly streamId: string;
  readonly compartmentId: string;
}

/** The OCI Streaming metrics (namespace `oci_streaming`) of one stream, as `Metric`s for alarms. */
export class StreamingMetrics {
  /** `PutMessagesThrottling.Count`: records refused because a producer exceeded the stream's limits. */
  public static putMessagesThrottling(stream: MeteredStream): Metric {
    return StreamingMetrics.metric(stream, 'PutMessagesThrottling.Count');
  }

  /** `GetMessagesThrottling.Count`: consumer reads refused for exceeding the stream's limits. */
  public static getMessagesThrottling(stream: MeteredStream): Metric {
    return StreamingMetrics.metric(stream, 'GetMessagesThrottling.Count');
  }

  private static metric(stream: MeteredStream, metricName: string): Metric {
    return new Metric({ namespace: STREAMING_NAMESPACE, metricName, dimensions: { resourceId: stream.streamId }, compartmentId: stream.compartmentId });
  }
}

/**
 * OCI Events metrics, namespace `oci_cloudevents`; dimension `resourceId` is the rule's OCID (or the compartment's),
 * with `eventType`, `resourceDisplayName` and `actionType`: https://docs.oracle.com/iaas/Content/Events/Reference/eventsmetrics.htm
 */
export const EVENTS_NAMESPACE = 'oci_cloudevents';

/** What `EventsMetrics` needs of an events rule: its OCID and compartment. */
export interface MeteredRule {
  readonly ruleId: string;
  readonly compartmentId: string;
}

/** The OCI Events metrics (namespace `oci_cloudevents`) of one rule, as `Metric`s for alarms. */
export class EventsMetrics {
  /** `DeliveryFailedEvents`: events the rule could not deliver to its actions (here: the function). */
  public static deliveryFailedEvents(rule: MeteredRule): Metric {
    return new Metric({
      namespace: EVENTS_NAMESPACE,
      metricName: 'DeliveryFailedEvents',
      dimensions: { resourceId: rule.ruleId },
      compartmentId: rule.compartmentId,
    });
  }
}
