import {
  Alarm,
  AlarmProps,
  EventsMetrics,
  FunctionMetrics,
  FunctionsApplication,
  LogGroup,
  Metric,
  NotificationTopic,
  ServiceLog,
  ServiceLogSources,
  StreamingMetrics,
  ValidationError,
} from '../../lib';
import { COMPARTMENT, newScope, synth } from '../helpers/synth';

const FN = { functionId: 'ocid1.fnfunc.oc1.iad.aaaaaaaafn', compartmentId: COMPARTMENT };
const STREAM = { streamId: 'ocid1.stream.oc1.iad.aaaaaaaastream', compartmentId: COMPARTMENT };
const RULE = { ruleId: 'ocid1.eventrule.oc1.iad.aaaaaaaarule', compartmentId: COMPARTMENT };
const TOPIC = 'ocid1.onstopic.oc1.iad.aaaaaaaatopic';

function thrown(make: () => unknown): ValidationError {
  try {
    make();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error('expected a ValidationError');
}

describe('service metrics and their MQL', () => {
  test('namespaces, metric names and dimensions as the OCI metric references give them', () => {
    expect(FunctionMetrics.responseCount(FN, 'Error')).toMatchObject({
      namespace: 'oci_faas',
      metricName: 'FunctionResponseCount',
      dimensions: { resourceId: FN.functionId, responseType: 'Error' },
    });
    expect(FunctionMetrics.executionDuration(FN)).toMatchObject({ namespace: 'oci_faas', metricName: 'FunctionExecutionDuration', dimensions: { resourceId: FN.functionId } });
    expect(StreamingMetrics.putMessagesThrottling(STREAM)).toMatchObject({ namespace: 'oci_streaming', metricName: 'PutMessagesThrottling.Count', dimensions: { resourceId: STREAM.streamId } });
    expect(StreamingMetrics.getMessagesThrottling(STREAM)).toMatchObject({ namespace: 'oci_streaming', metricName: 'GetMessagesThrottling.Count' });
    expect(EventsMetrics.deliveryFailedEvents(RULE)).toMatchObject({ namespace: 'oci_cloudevents', metricName: 'DeliveryFailedEvents', dimensions: { resourceId: RULE.ruleId } });
  });

  test('queries: metric[interval]{dimensions}.statistic() operator threshold', () => {
    expect(FunctionMetrics.responseCount(FN, 'Error').query({ statistic: 'sum', operator: '>', threshold: 0 })).toBe(
      `FunctionResponseCount[1m]{resourceId = "${FN.functionId}", responseType = "Error"}.sum() > 0`,
    );
    expect(FunctionMetrics.executionDuration(FN).query({ statistic: 'max', operator: '>=', threshold: 24000, interval: '5m' })).toBe(
      `FunctionExecutionDuration[5m]{resourceId = "${FN.functionId}"}.max() >= 24000`,
    );
    expect(new Metric({ namespace: 'oci_streaming', metricName: 'PutMessagesFault.Count', compartmentId: COMPARTMENT }).query({ statistic: 'sum', operator: '>', threshold: 0 })).toBe(
      'PutMessagesFault.Count[1m].sum() > 0',
    );
  });
});

describe('Alarm', () => {
  const props = (overrides: Partial<AlarmProps> = {}, scope = newScope()): AlarmProps => ({
    compartmentId: COMPARTMENT,
    metric: FunctionMetrics.responseCount(FN, 'Error'),
    condition: { statistic: 'sum', operator: '>', threshold: 0 },
    topic: NotificationTopic.fromTopicAttributes(scope, 'Topic', { topicId: TOPIC }),
    ...overrides,
  });

  test('synthesizes every required field of oci_monitoring_alarm, the topic as destination', () => {
    const out = synth((stack) => new Alarm(stack, 'Errors', { ...props({}, stack), body: 'look at the logs' }));
    expect(out.only('oci_monitoring_alarm')).toEqual({
      compartment_id: COMPARTMENT,
      display_name: expect.stringMatching(/^test-Errors-[0-9a-f]{8}$/),
      metric_compartment_id: COMPARTMENT,
      namespace: 'oci_faas',
      query: `FunctionResponseCount[1m]{resourceId = "${FN.functionId}", responseType = "Error"}.sum() > 0`,
      severity: 'ERROR',
      destinations: [TOPIC],
      is_enabled: true,
      pending_duration: 'PT1M',
      message_format: 'ONS_OPTIMIZED',
      body: 'look at the logs',
    });
  });

  test.each<[Partial<AlarmProps>, string]>([
    [{ severity: 'FATAL' as any }, 'severity "FATAL": must be one of CRITICAL, ERROR, WARNING, INFO'],
    [{ pendingDuration: 'PT2H' }, 'pendingDuration "PT2H": must be PT1M to PT60M (or PT1H)'],
    [{ pendingDuration: 'PT0M' }, 'pendingDuration "PT0M": must be PT1M to PT60M (or PT1H)'],
    [{ condition: { statistic: 'p99' as any, operator: '>', threshold: 0 } }, 'condition.statistic "p99": must be one of sum, max, mean'],
    [{ condition: { statistic: 'sum', operator: '=>' as any, threshold: 0 } }, 'condition.operator "=>": must be one of >, >=, <, <='],
    [{ condition: { statistic: 'sum', operator: '>', threshold: NaN } }, 'condition.threshold null: must be a finite number'],
    [{ condition: { statistic: 'sum', operator: '>', threshold: 0, interval: '90m' } }, 'condition.interval "90m": must be an MQL interval: 1m-60m, 1h-24h or 1d'],
    [{ condition: { statistic: 'sum', operator: '>', threshold: 0, interval: '2d' } }, 'condition.interval "2d": must be an MQL interval'],
    [{ metric: new Metric({ namespace: 'OCI FaaS', metricName: '1x', compartmentId: 'c', dimensions: { resourceId: 'a"b' } }) }, 'metric.namespace "OCI FaaS": must be lowercase'],
  ])('invalid %j', (overrides, message) => {
    const scope = newScope();
    const error = thrown(() => new Alarm(scope, 'A', props(overrides, scope)));
    expect(error.message).toContain(`Invalid Alarm props at test/A:\n  - ${message}`);
  });

  test('a bad metric reports every problem of it', () => {
    const scope = newScope();
    const metric = new Metric({ namespace: 'OCI FaaS', metricName: '1x', compartmentId: 'c', dimensions: { resourceId: 'a"b' } });
    const error = thrown(() => new Alarm(scope, 'A', props({ metric }, scope)));
    expect(error.problems.map((p) => p.prop)).toEqual(['metric.namespace', 'metric.metricName', 'metric.dimensions.resourceId', 'metric.compartmentId']);
  });
});

describe('LogGroup and ServiceLog', () => {
  test('a SERVICE log of the functions invoke category of one application, 30 days unless told', () => {
    const out = synth((stack) => {
      const application = FunctionsApplication.fromApplicationAttributes(stack, 'App', { applicationId: 'ocid1.fnapp.oc1.iad.aaaaaaaaapp', compartmentId: COMPARTMENT });
      const logGroup = new LogGroup(stack, 'Logs', { compartmentId: COMPARTMENT });
      new ServiceLog(stack, 'Invoke', { logGroup, source: ServiceLogSources.functionsInvoke(application) });
    });
    expect(out.only('oci_logging_log_group')).toMatchObject({ compartment_id: COMPARTMENT, display_name: expect.stringMatching(/^test-Logs-/) });
    expect(out.only('oci_logging_log')).toEqual({
      log_group_id: `\${oci_logging_log_group.${Object.keys(out.resources('oci_logging_log_group'))[0]}.id}`,
      display_name: expect.stringMatching(/^test-Invoke-/),
      log_type: 'SERVICE',
      is_enabled: true,
      retention_duration: 30,
      configuration: {
        compartment_id: COMPARTMENT,
        source: { source_type: 'OCISERVICE', service: 'functions', category: 'invoke', resource: 'ocid1.fnapp.oc1.iad.aaaaaaaaapp' },
      },
    });
  });

  test.each([29, 45, 200, 365])('retention %i days is refused (30-day steps, 30 to 180)', (days) => {
    const scope = newScope();
    const logGroup = new LogGroup(scope, 'Logs', { compartmentId: COMPARTMENT });
    const source = { service: 'functions', category: 'invoke', resource: 'ocid1.fnapp.oc1.iad.a' };
    expect(() => new ServiceLog(scope, 'Invoke', { logGroup, source, retentionInDays: days })).toThrow(
      `retentionInDays ${days}: must be one of 30, 60, 90, 120, 150, 180`,
    );
  });
});

describe('NotificationTopic', () => {
  test('a topic, and an EMAIL subscription whose id derives from the address', () => {
    const out = synth((stack) => {
      const topic = new NotificationTopic(stack, 'Alarms', { compartmentId: COMPARTMENT, name: 'claimcheck-alarms' });
      topic.addEmailSubscription('Ops@Example.com');
    });
    const topicId = Object.keys(out.resources('oci_ons_notification_topic'))[0];
    expect(out.only('oci_ons_notification_topic')).toMatchObject({ compartment_id: COMPARTMENT, name: 'claimcheck-alarms' });
    expect(out.only('oci_ons_subscription')).toEqual({
      compartment_id: COMPARTMENT,
      topic_id: `\${oci_ons_notification_topic.${topicId}.id}`,
      protocol: 'EMAIL',
      endpoint: 'Ops@Example.com',
    });
    expect(Object.keys(out.resources('oci_ons_subscription'))[0]).toMatch(/^Alarms_Email[0-9a-f]{8}_/);
  });

  test('refuses what is not an e-mail address, and an imported topic by a wrong OCID', () => {
    const topic = new NotificationTopic(newScope(), 'Alarms', { compartmentId: COMPARTMENT });
    expect(() => topic.addEmailSubscription('ops at example.com')).toThrow('email "ops at example.com": must be an e-mail address');
    expect(() => NotificationTopic.fromTopicAttributes(newScope(), 'T', { topicId: 'ocid1.stream.oc1.iad.a' })).toThrow(
      'Invalid NotificationTopic.fromTopicAttributes props at test/T:\n  - topicId "ocid1.stream.oc1.iad.a": must be an OCID of type onstopic',
    );
  });
});
