import { Construct } from 'constructs';
import { Alarm, AlarmSeverity } from '../oci/alarm';
import { OciFunction } from '../oci/function';
import { IFunctionsApplication } from '../oci/functions-application';
import { LogGroup } from '../oci/log-group';
import { Metric, MetricCondition } from '../oci/metric';
import { INotificationTopic, NotificationTopic } from '../oci/notification-topic';
import { checkEmail, checkRetentionDays } from '../oci/private/observability-checks';
import { checkTagProps } from '../oci/private/tag-checks';
import { PropValidator } from '../oci/private/validation';
import { EventsMetrics, FunctionMetrics, StreamingMetrics } from '../oci/service-metrics';
import { ServiceLog, ServiceLogSources } from '../oci/service-log';
import { IStream } from '../oci/stream';
import { applyTagProps, OciTagProps } from '../oci/tags';
import { checkOutputNamePrefix, outputNamePrefix, stableOutput } from './output-names';
import { pauseSourceMappedStacks } from '../oci/private/source-mapped-stacks';

/** What the pipeline's `observability` prop takes (every field optional: the defaults are the recommended setup). */
export interface PipelineObservabilityProps {
  /**
   * Days the function's invoke logs are kept: 30, 60, 90, 120, 150 or 180.
   * @default 30
   */
  readonly logRetentionDays?: number;
  /**
   * Collect the function's invoke logs. Turn off when the application already has an invoke log (OCI allows one log
   * per application and category), e.g. an `existingApplication` whose team set one up.
   * @default true
   */
  readonly invokeLog?: boolean;
  /**
   * An e-mail address subscribed to the alarm topic. OCI mails it a confirmation link first (valid 3 days); alarms
   * reach it only once confirmed. Not allowed with `existingTopic` (subscribe to that topic where it is managed).
   * @default - no subscription: alarms go to the topic only
   */
  readonly alarmEmail?: string;
  /**
   * Send the alarms to this topic instead of a new one. Not allowed with `topicName` or `alarmEmail`.
   * @default - a new topic
   */
  readonly existingTopic?: INotificationTopic;
  /**
   * Name of the new topic; topic names are unique in the tenancy, so two copies of one stack in a tenancy need
   * different names.
   * @default - derived from the construct path
   */
  readonly topicName?: string;
  /**
   * The duration alarm fires when an invocation takes more than this percentage of the function's timeout.
   * @default 80
   */
  readonly durationThresholdPercent?: number;
}

/** The parts of a pipeline that are watched. */
export interface ClaimCheckObservabilityProps extends PipelineObservabilityProps, OciTagProps {
  /** OCID of the compartment for the log group, the topic and the alarms. */
  readonly compartmentId: string;
  /** The application whose functions' invoke logs are collected. */
  readonly application: IFunctionsApplication;
  /** The publisher function (its errors and its duration against its timeout). */
  readonly publisher: OciFunction;
  /** The stream claim checks go to (its throttling). */
  readonly stream: IStream;
  /** The events rule that invokes the publisher (its failed deliveries). */
  readonly rule: { readonly ruleId: string; readonly compartmentId: string };
  /**
   * What the output names start with: `<prefix>AlarmTopicId`, `<prefix>LogGroupId`, `<prefix>InvokeLogId`.
   * @default - the construct's path below the stack, `_`-joined, then `_` (a pipeline passes its own prefix)
   */
  readonly outputNamePrefix?: string;
}

/** The alarms, by what they watch. */
export interface ClaimCheckAlarms {
  /** The publisher returned errors (`FunctionResponseCount`, `responseType = "Error"`). */
  readonly publisherErrors: Alarm;
  /** An invocation came close to the function's timeout (`FunctionExecutionDuration`). */
  readonly publisherDuration: Alarm;
  /** Claim checks were refused by the stream (`PutMessagesThrottling.Count`). */
  readonly streamPutThrottling: Alarm;
  /** Consumers' reads were refused by the stream (`GetMessagesThrottling.Count`). */
  readonly streamGetThrottling: Alarm;
  /** The events rule failed to deliver object events to the function (`DeliveryFailedEvents`). */
  readonly ruleDeliveryFailures: Alarm;
}

/**
 * Checks the `observability` props, with the rules of the parts they configure, into `v` (a nested validator of
 * the pipeline's, so one error lists every problem).
 */
export function checkObservabilityProps(v: PropValidator, props: PipelineObservabilityProps): void {
  checkRetentionDays(v, 'logRetentionDays', props.logRetentionDays);
  if (props.alarmEmail !== undefined) checkEmail(v, 'alarmEmail', props.alarmEmail);
  if (props.topicName !== undefined) v.notEmpty('topicName', props.topicName);
  if (props.durationThresholdPercent !== undefined) v.intInRange('durationThresholdPercent', props.durationThresholdPercent, 1, 100);
  const conflict = (a: keyof PipelineObservabilityProps, b: keyof PipelineObservabilityProps, why: string) => {
    if (props[a] !== undefined && props[b] !== undefined) v.fail(`${a} + ${b}`, `give one or the other, not both: ${why}`);
  };
  conflict('existingTopic', 'topicName', 'a topic created elsewhere already has its name');
  conflict('existingTopic', 'alarmEmail', 'subscribe the address to that topic where it is managed');
}

/**
 * Watches a claim-check pipeline: the publisher's invoke logs in a log group, and alarms on the failures that lose
 * or delay claim checks, sent to a Notifications topic (optionally mailed).
 *
 * Alarm queries (namespaces, metric names and dimensions from OCI's metric references, see `service-metrics.ts`):
 *
 *   oci_faas         FunctionResponseCount[1m]{resourceId = "<fn>", responseType = "Error"}.sum() > 0
 *   oci_faas         FunctionExecutionDuration[1m]{resourceId = "<fn>"}.max() > <80 % of the timeout, in ms>
 *   oci_streaming    PutMessagesThrottling.Count[1m]{resourceId = "<stream>"}.sum() > 0
 *   oci_streaming    GetMessagesThrottling.Count[1m]{resourceId = "<stream>"}.sum() > 0
 *   oci_cloudevents  DeliveryFailedEvents[1m]{resourceId = "<rule>"}.sum() > 0
 *
 * The 1-minute interval matches the one-minute emission of these service metrics (MQL reference: choose an interval
 * at least as long as the metric's emission period).
 */
export class ClaimCheckObservability extends Construct {
  public readonly topic: INotificationTopic;
  public readonly topicId: string;
  public readonly logGroup?: LogGroup;
  public readonly invokeLog?: ServiceLog;
  public readonly logGroupId?: string;
  public readonly invokeLogId?: string;
  public readonly alarms: ClaimCheckAlarms;

  constructor(scope: Construct, id: string, props: ClaimCheckObservabilityProps) {
    super(scope, id);
    // cdktf's token traces recorded while building skip source maps (oci/private/source-mapped-stacks.ts says why).
    const restoreSourceMaps = pauseSourceMappedStacks();
    try {
      const v = new PropValidator('ClaimCheckObservability');
      v.ocid('compartmentId', props.compartmentId, 'compartment', 'tenancy');
      checkObservabilityProps(v, props);
      checkTagProps(v, props);
      checkOutputNamePrefix(v, props.outputNamePrefix);
      v.throwIfInvalid(this);
      applyTagProps(this, props);

      // 1. The function's invoke logs.
      if (props.invokeLog ?? true) {
        this.logGroup = new LogGroup(this, 'LogGroup', {
          compartmentId: props.compartmentId,
          description: `Logs of the claim-check pipeline ${scope.node.path} (managed by cdktf-oci-claim-check)`,
        });
        this.invokeLog = new ServiceLog(this, 'InvokeLog', {
          logGroup: this.logGroup,
          source: ServiceLogSources.functionsInvoke(props.application),
          retentionInDays: props.logRetentionDays,
        });
        this.logGroupId = this.logGroup.logGroupId;
        this.invokeLogId = this.invokeLog.logId;
      }

      // 2. The topic alarms notify (and the address it mails).
      if (props.existingTopic) {
        this.topic = props.existingTopic;
      } else {
        const topic = new NotificationTopic(this, 'AlarmTopic', {
          compartmentId: props.compartmentId,
          name: props.topicName,
          description: `Alarms of the claim-check pipeline ${scope.node.path} (managed by cdktf-oci-claim-check)`,
        });
        if (props.alarmEmail) topic.addEmailSubscription(props.alarmEmail);
        this.topic = topic;
      }
      this.topicId = this.topic.topicId;

      // 3. The alarms.
      const fn = { functionId: props.publisher.functionId, compartmentId: props.publisher.compartmentId };
      const where = this.invokeLogId ? ` Invoke log: ${this.invokeLogId}.` : '';
      const alarm = (alarmId: string, metric: Metric, condition: MetricCondition, severity: AlarmSeverity, body: string) =>
        new Alarm(this, alarmId, { compartmentId: props.compartmentId, metric, condition, topic: this.topic, severity, body });
      const over = (statistic: MetricCondition['statistic'], threshold: number): MetricCondition => ({ statistic, operator: '>', threshold });

      this.alarms = {
        publisherErrors: alarm(
          'PublisherErrors',
          FunctionMetrics.responseCount(fn, 'Error'),
          over('sum', 0),
          'ERROR',
          `The claim-check publisher of ${scope.node.path} returned errors: those object events did not become claim checks.${where}`,
        ),
        publisherDuration: alarm(
          'PublisherDuration',
          FunctionMetrics.executionDuration(fn),
          over('max', durationThresholdMs(props.publisher, props.durationThresholdPercent ?? 80)),
          'WARNING',
          `An invocation of the claim-check publisher of ${scope.node.path} came close to the function's timeout.${where}`,
        ),
        streamPutThrottling: alarm(
          'StreamPutThrottling',
          StreamingMetrics.putMessagesThrottling(props.stream),
          over('sum', 0),
          'ERROR',
          `The claim-check stream of ${scope.node.path} throttled the publisher: more partitions may be needed.`,
        ),
        streamGetThrottling: alarm(
          'StreamGetThrottling',
          StreamingMetrics.getMessagesThrottling(props.stream),
          over('sum', 0),
          'WARNING',
          // 5 GET requests per second per partition and consumer group:
          // https://docs.oracle.com/iaas/Content/Streaming/Concepts/streamingoverview_topic-Limits_on_Streaming_Resources.htm
          `The claim-check stream of ${scope.node.path} throttled consumer reads (5 GET requests per second per partition and group).`,
        ),
        ruleDeliveryFailures: alarm(
          'RuleDeliveryFailures',
          EventsMetrics.deliveryFailedEvents(props.rule),
          over('sum', 0),
          'ERROR',
          `The events rule of ${scope.node.path} failed to deliver object events to the publisher (check the function and the rule's invoke policy).`,
        ),
      };

      // 4. What an operator needs to find them, under stable names (output-names.ts).
      const prefix = outputNamePrefix(this, props.outputNamePrefix);
      const output = (name: string, value: string, description: string) => stableOutput(this, 'ClaimCheckObservability', prefix, name, { value, description });
      output('AlarmTopicId', this.topicId, 'OCID of the Notifications topic the alarms send to');
      if (this.logGroupId && this.invokeLogId) {
        output('LogGroupId', this.logGroupId, 'OCID of the log group of the function invoke logs');
        output('InvokeLogId', this.invokeLogId, 'OCID of the function invoke log');
      }
    } finally {
      restoreSourceMaps();
    }
  }
}

/**
 * `FunctionExecutionDuration` is in milliseconds (https://docs.oracle.com/iaas/Content/Functions/Reference/functionsmetrics.htm);
 * the function's timeout (`timeout_in_seconds`) as configured, 30 s when unset (OciFunction's default).
 */
function durationThresholdMs(fn: OciFunction, percent: number): number {
  const timeoutSeconds = fn.resource.timeoutInSecondsInput ?? 30;
  return Math.round(timeoutSeconds * 1000 * (percent / 100));
}
