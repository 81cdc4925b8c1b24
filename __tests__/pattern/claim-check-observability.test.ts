import {
  ClaimCheckPipeline,
  ClaimCheckPipelineProps,
  FunctionCode,
  FunctionsApplication,
  NotificationTopic,
  ValidationError,
} from '../../lib';
import { COMPARTMENT, IMAGE, newScope, SUBNET, synth, Synthesized } from '../helpers/synth';

const REQUIRED: ClaimCheckPipelineProps = { compartmentId: COMPARTMENT, subnetIds: [SUBNET], functionProps: { code: FunctionCode.fromImageUri(IMAGE) } };
const OBSERVABILITY_TYPES = ['oci_logging_log_group', 'oci_logging_log', 'oci_monitoring_alarm', 'oci_ons_notification_topic', 'oci_ons_subscription'];

function pipeline(props: Partial<ClaimCheckPipelineProps> = {}): Synthesized {
  return synth((stack) => new ClaimCheckPipeline(stack, 'Files', { ...REQUIRED, ...props } as ClaimCheckPipelineProps));
}

const ref = (out: Synthesized, type: string, attr = 'id') => `\${${type}.${Object.keys(out.resources(type))[0]}.${attr}}`;
/** The alarms by the construct id they were created under (`Files_Observability_<Id>_<hash>`). */
function alarms(out: Synthesized): Record<string, any> {
  return Object.fromEntries(Object.entries<any>(out.resources('oci_monitoring_alarm')).map(([logicalId, body]) => [logicalId.split('_')[2], body]));
}

describe('ClaimCheckPipeline observability', () => {
  describe('on by default', () => {
    const out = pipeline();
    const fn = ref(out, 'oci_functions_function');
    const stream = ref(out, 'oci_streaming_stream');
    const rule = ref(out, 'oci_events_rule');

    test('the invoke log: a SERVICE log of the functions application, category invoke, 30 days, in its own log group', () => {
      expect(out.only('oci_logging_log_group').compartment_id).toBe(COMPARTMENT);
      expect(out.only('oci_logging_log')).toMatchObject({
        log_group_id: ref(out, 'oci_logging_log_group'),
        log_type: 'SERVICE',
        retention_duration: 30,
        is_enabled: true,
        configuration: {
          compartment_id: COMPARTMENT,
          source: { source_type: 'OCISERVICE', service: 'functions', category: 'invoke', resource: ref(out, 'oci_functions_application') },
        },
      });
    });

    test('five alarms, each with its namespace and query, all to the new topic', () => {
      const byId = alarms(out);
      expect(Object.keys(byId).sort()).toEqual(['PublisherDuration', 'PublisherErrors', 'RuleDeliveryFailures', 'StreamGetThrottling', 'StreamPutThrottling']);
      const summary = Object.fromEntries(Object.entries(byId).map(([id, a]) => [id, [a.namespace, a.query, a.severity]]));
      expect(summary).toEqual({
        PublisherErrors: ['oci_faas', `FunctionResponseCount[1m]{resourceId = "${fn}", responseType = "Error"}.sum() > 0`, 'ERROR'],
        // 80 % of the default 30 s timeout, in milliseconds.
        PublisherDuration: ['oci_faas', `FunctionExecutionDuration[1m]{resourceId = "${fn}"}.max() > 24000`, 'WARNING'],
        StreamPutThrottling: ['oci_streaming', `PutMessagesThrottling.Count[1m]{resourceId = "${stream}"}.sum() > 0`, 'ERROR'],
        StreamGetThrottling: ['oci_streaming', `GetMessagesThrottling.Count[1m]{resourceId = "${stream}"}.sum() > 0`, 'WARNING'],
        RuleDeliveryFailures: ['oci_cloudevents', `DeliveryFailedEvents[1m]{resourceId = "${rule}"}.sum() > 0`, 'ERROR'],
      });
      for (const alarm of Object.values<any>(byId)) {
        expect(alarm).toMatchObject({
          compartment_id: COMPARTMENT,
          metric_compartment_id: COMPARTMENT,
          destinations: [ref(out, 'oci_ons_notification_topic')],
          is_enabled: true,
          body: expect.stringContaining('test/Files'),
        });
      }
    });

    test('a topic and no subscription unless an address is given', () => {
      expect(out.only('oci_ons_notification_topic')).toMatchObject({ compartment_id: COMPARTMENT, name: expect.stringMatching(/^test-Files-Observability-AlarmTopic-/) });
      expect(out.resources('oci_ons_subscription')).toEqual({});
    });

    test('topic and log ids are outputs', () => {
      // Under the pipeline's stable prefix (output-names.ts): the names `terraform output` knows, no hash.
      const outputs = Object.entries<any>(out.json.output).filter(([id]) => /(AlarmTopicId|LogGroupId|InvokeLogId)$/.test(id));
      expect(Object.fromEntries(outputs.map(([id, o]) => [id, o.value]))).toEqual({
        Files_AlarmTopicId: ref(out, 'oci_ons_notification_topic'),
        Files_LogGroupId: ref(out, 'oci_logging_log_group'),
        Files_InvokeLogId: ref(out, 'oci_logging_log'),
      });
    });
  });

  test('observability: false creates none of it', () => {
    const out = pipeline({ observability: false });
    for (const type of OBSERVABILITY_TYPES) expect([type, out.resources(type)]).toEqual([type, {}]);
    expect(Object.keys(out.json.output).filter((id) => /(AlarmTopicId|LogGroupId|InvokeLogId)$/.test(id))).toEqual([]);
  });

  test('alarmEmail subscribes the address; retention and the duration threshold follow the props and the function timeout', () => {
    const out = pipeline({
      functionProps: { code: FunctionCode.fromImageUri(IMAGE), timeoutInSeconds: 120 },
      observability: { alarmEmail: 'ops@example.com', logRetentionDays: 90, durationThresholdPercent: 50 },
    });
    expect(out.only('oci_ons_subscription')).toMatchObject({ protocol: 'EMAIL', endpoint: 'ops@example.com', topic_id: ref(out, 'oci_ons_notification_topic') });
    expect(out.only('oci_logging_log').retention_duration).toBe(90);
    expect(alarms(out).PublisherDuration.query).toMatch(/\.max\(\) > 60000$/);
  });

  test('existingTopic: alarms go there and no topic is created; invokeLog: false drops the log and its outputs', () => {
    const topicId = 'ocid1.onstopic.oc1.iad.aaaaaaaaopsteam';
    const out = synth((stack) => {
      const topic = NotificationTopic.fromTopicAttributes(stack, 'OpsTopic', { topicId });
      new ClaimCheckPipeline(stack, 'Files', { ...REQUIRED, observability: { existingTopic: topic, invokeLog: false } });
    });
    expect(out.resources('oci_ons_notification_topic')).toEqual({});
    expect(out.resources('oci_logging_log')).toEqual({});
    expect(out.resources('oci_logging_log_group')).toEqual({});
    expect(Object.values<any>(out.resources('oci_monitoring_alarm')).map((a) => a.destinations)).toEqual(Array(5).fill([topicId]));
    const observabilityOutputs = Object.entries<any>(out.json.output).filter(([id]) => /(AlarmTopicId|LogGroupId|InvokeLogId)$/.test(id));
    expect(Object.fromEntries(observabilityOutputs.map(([id, o]) => [id, o.value]))).toEqual({ Files_AlarmTopicId: topicId });
  });

  test('an existing application: its OCID is the log source', () => {
    const applicationId = 'ocid1.fnapp.oc1.iad.aaaaaaaaexisting';
    const out = synth((stack) => {
      const existingApplication = FunctionsApplication.fromApplicationAttributes(stack, 'App', { applicationId, compartmentId: COMPARTMENT });
      new ClaimCheckPipeline(stack, 'Files', { ...REQUIRED, existingApplication });
    });
    expect(out.only('oci_logging_log').configuration.source.resource).toBe(applicationId);
  });

  test('the pipeline exposes the parts', () => {
    const scope = newScope();
    const files = new ClaimCheckPipeline(scope, 'Files', REQUIRED);
    expect(files.observability?.topicId).toBe(files.observability?.topic.topicId);
    expect(files.observability?.invokeLogId).toBe(files.observability?.invokeLog?.logId);
    expect(files.observability?.alarms.publisherErrors.query).toContain('FunctionResponseCount');
    expect(new ClaimCheckPipeline(newScope(), 'Files', { ...REQUIRED, observability: false }).observability).toBeUndefined();
  });

  test('invalid observability props are reported with the pipeline, under observability.', () => {
    let error: ValidationError | undefined;
    try {
      new ClaimCheckPipeline(newScope(), 'Files', {
        ...REQUIRED,
        streamProps: { partitions: 0 },
        observability: {
          logRetentionDays: 7,
          alarmEmail: 'nobody',
          durationThresholdPercent: 150,
          existingTopic: NotificationTopic.fromTopicAttributes(newScope(), 'T', { topicId: 'ocid1.onstopic.oc1.iad.a' }),
          topicName: 'x',
        },
      });
    } catch (e) {
      error = e as ValidationError;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect(error!.problems.map((p) => p.message)).toEqual([
      'streamProps.partitions 0: must be an integer from 1 to 50',
      'observability.logRetentionDays 7: must be one of 30, 60, 90, 120, 150, 180',
      'observability.alarmEmail "nobody": must be an e-mail address (name@example.com)',
      'observability.durationThresholdPercent 150: must be an integer from 1 to 100',
      'observability.existingTopic + topicName: give one or the other, not both: a topic created elsewhere already has its name',
      'observability.existingTopic + alarmEmail: give one or the other, not both: subscribe the address to that topic where it is managed',
    ]);
  });
});
