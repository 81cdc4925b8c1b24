/**
 * What the observability L2s (`LogGroup`, `ServiceLog`, `NotificationTopic`, `Alarm`) accept, each rule next to its
 * source. Same conventions as `prop-checks.ts`; types are imported as types only.
 */
import type { AlarmProps } from '../alarm';
import { COMPARISON_OPERATORS, isMqlInterval, Metric, METRIC_STATISTICS, MetricCondition } from '../metric';
import type { LogGroupProps } from '../log-group';
import type { NotificationTopicProps } from '../notification-topic';
import type { ServiceLogProps } from '../service-log';
import { isUnresolved, PropValidator } from './validation';
import { checkTagProps } from './tag-checks';

/**
 * Log retention, in days: 30-day steps from 30 to 180 (CreateLogDetails.retentionDuration; terraform-provider-oci
 * `website/docs/r/logging_log.html.markdown`). The provider does not check it, so a bad value would fail only at apply.
 */
export const LOG_RETENTION_DAYS = [30, 60, 90, 120, 150, 180] as const;

/** Alarm severities (Alarm.severity in the Monitoring API; terraform-provider-oci `monitoring_alarm`). */
export const ALARM_SEVERITIES = ['CRITICAL', 'ERROR', 'WARNING', 'INFO'] as const;

/**
 * `pending_duration`: how long the condition must hold before the alarm fires, ISO 8601, PT1M to PT1H
 * (terraform-provider-oci `website/docs/r/monitoring_alarm.html.markdown`). Written here in whole minutes.
 */
const PENDING_DURATION_PATTERN = /^PT(\d+)M$|^PT1H$/;
export function isPendingDuration(value: string): boolean {
  const match = PENDING_DURATION_PATTERN.exec(value);
  if (!match) return false;
  return match[1] === undefined || (Number(match[1]) >= 1 && Number(match[1]) <= 60);
}

/** An e-mail address as the EMAIL protocol's endpoint: one `@`, no spaces (the service confirms it by mail). */
const EMAIL_PATTERN = /^[^\s@"]+@[^\s@"]+\.[^\s@"]+$/;

export function checkLogGroupProps(v: PropValidator, props: Partial<LogGroupProps>): void {
  checkTagProps(v, props);
  v.ocid('compartmentId', props.compartmentId, 'compartment', 'tenancy');
  if (props.displayName !== undefined) v.notEmpty('displayName', props.displayName);
}

export function checkRetentionDays(v: PropValidator, prop: string, days: number | undefined): void {
  if (days !== undefined) v.oneOf(prop, days, LOG_RETENTION_DAYS as readonly number[]);
}

export function checkServiceLogProps(v: PropValidator, props: ServiceLogProps): void {
  checkTagProps(v, props);
  checkRetentionDays(v, 'retentionInDays', props.retentionInDays);
  v.notEmpty('source.service', props.source.service);
  v.notEmpty('source.category', props.source.category);
  v.notEmpty('source.resource', props.source.resource);
  if (props.displayName !== undefined) v.notEmpty('displayName', props.displayName);
}

export function checkNotificationTopicProps(v: PropValidator, props: Partial<NotificationTopicProps>): void {
  checkTagProps(v, props);
  v.ocid('compartmentId', props.compartmentId, 'compartment', 'tenancy');
  if (props.name !== undefined) v.notEmpty('name', props.name);
}

export function checkEmail(v: PropValidator, prop: string, email: string | undefined): void {
  v.check(typeof email === 'string' && EMAIL_PATTERN.test(email), prop, email, 'must be an e-mail address (name@example.com)');
}

export function checkAlarmProps(v: PropValidator, props: AlarmProps): void {
  checkTagProps(v, props);
  v.ocid('compartmentId', props.compartmentId, 'compartment', 'tenancy');
  if (props.severity !== undefined) v.oneOf('severity', props.severity, ALARM_SEVERITIES);
  if (props.pendingDuration !== undefined) {
    v.check(isPendingDuration(props.pendingDuration), 'pendingDuration', props.pendingDuration, 'must be PT1M to PT60M (or PT1H)');
  }
  checkMetric(v.nested('metric'), props.metric);
  checkMetricCondition(v.nested('condition'), props.condition);
}

/** Metric and dimension names: letters, digits, `.` and `_` (e.g. `PutMessagesThrottling.Count`, `resourceId`). */
const METRIC_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9._]*$/;

/** A metric's namespace, name, dimensions (values go between double quotes in MQL) and compartment. */
export function checkMetric(v: PropValidator, metric: Metric): void {
  v.check(/^[a-z][a-z0-9_]*$/.test(metric.namespace), 'namespace', metric.namespace, 'must be lowercase letters, digits and _ (e.g. oci_faas)');
  v.check(METRIC_NAME_PATTERN.test(metric.metricName), 'metricName', metric.metricName, 'must be letters, digits, . and _');
  for (const [name, value] of Object.entries(metric.dimensions)) {
    v.check(METRIC_NAME_PATTERN.test(name), `dimensions.${name}`, name, 'dimension names must be letters, digits, . and _');
    v.check(isUnresolved(value) || !/["\\]/.test(value), `dimensions.${name}`, value, 'must not contain " or \\');
  }
  v.ocid('compartmentId', metric.compartmentId, 'compartment', 'tenancy');
}

/** An alarm condition: a statistic and operator MQL knows, a finite threshold, an MQL interval. */
export function checkMetricCondition(v: PropValidator, condition: MetricCondition): void {
  v.oneOf('statistic', condition.statistic, METRIC_STATISTICS);
  v.oneOf('operator', condition.operator, COMPARISON_OPERATORS);
  v.check(Number.isFinite(condition.threshold), 'threshold', condition.threshold, 'must be a finite number');
  const interval = condition.interval ?? '1m';
  v.check(isMqlInterval(interval), 'interval', interval, 'must be an MQL interval: 1m-60m, 1h-24h or 1d');
}
