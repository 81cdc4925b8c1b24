import { Construct } from 'constructs';
import { MonitoringAlarm } from '../generated/providers/oci/monitoring-alarm';
import { Metric, MetricCondition } from './metric';
import { INotificationTopic } from './notification-topic';
import { physicalName } from './private/naming';
import { ALARM_SEVERITIES, checkAlarmProps } from './private/observability-checks';
import { PropValidator } from './private/validation';
import { applyTagProps, OciTagProps } from './tags';

/** Severity of an alarm: `CRITICAL`, `ERROR`, `WARNING` or `INFO` (`ALARM_SEVERITIES`). */
export type AlarmSeverity = (typeof ALARM_SEVERITIES)[number];

/** Props of `Alarm`: an `oci_monitoring_alarm` on one metric condition, sent to a Notifications topic. */
export interface AlarmProps extends OciTagProps {
  /** OCID of the compartment for the alarm. */
  readonly compartmentId: string;
  /** The metric watched (see `FunctionMetrics`, `StreamingMetrics`, `EventsMetrics`). */
  readonly metric: Metric;
  /** When the alarm fires, e.g. `{ statistic: 'sum', operator: '>', threshold: 0 }`. */
  readonly condition: MetricCondition;
  /** Where notifications go (an alarm has at most one Notifications destination). */
  readonly topic: INotificationTopic;
  /**
   * @default 'ERROR'
   */
  readonly severity?: AlarmSeverity;
  /**
   * How long the condition must hold before the alarm fires, ISO 8601, PT1M to PT1H.
   * @default 'PT1M'
   */
  readonly pendingDuration?: string;
  /**
   * Text sent with every notification: what broke and where to look.
   * @default - none
   */
  readonly body?: string;
  /** @default - derived from the construct path */
  readonly displayName?: string;
  /** @default true */
  readonly enabled?: boolean;
}

/**
 * An OCI Monitoring alarm on one metric query, notifying one topic.
 * `is_enabled`, `metric_compartment_id`, `namespace`, `query`, `severity` and `destinations` are required by the
 * provider; `message_format = "ONS_OPTIMIZED"` (valid with Notifications destinations) makes the e-mails readable.
 * terraform-provider-oci `website/docs/r/monitoring_alarm.html.markdown`.
 */
export class Alarm extends Construct {
  public readonly resource: MonitoringAlarm;
  public readonly alarmId: string;
  /** The MQL query, as synthesized. */
  public readonly query: string;

  constructor(scope: Construct, id: string, props: AlarmProps) {
    super(scope, id);
    const v = new PropValidator('Alarm');
    checkAlarmProps(v, props);
    v.throwIfInvalid(this);
    applyTagProps(this, props);
    this.query = props.metric.query(props.condition);
    this.resource = new MonitoringAlarm(this, 'Resource', {
      compartmentId: props.compartmentId,
      displayName: props.displayName ?? physicalName(this, { maxLength: 255 }),
      metricCompartmentId: props.metric.compartmentId,
      namespace: props.metric.namespace,
      query: this.query,
      severity: props.severity ?? 'ERROR',
      destinations: [props.topic.topicId],
      isEnabled: props.enabled ?? true,
      pendingDuration: props.pendingDuration ?? 'PT1M',
      body: props.body,
      messageFormat: 'ONS_OPTIMIZED',
    });
    this.alarmId = this.resource.id;
  }
}
