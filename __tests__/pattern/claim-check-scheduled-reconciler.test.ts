/**
 * Deployed reconciliation: the pipeline's `reconcile` option (ClaimCheckScheduledReconciler). Every stack is checked
 * against the provider schema by `synth`; IAM is asserted statement by statement.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectCacheRoot } from '../../lib/bundling/build-context-cache';
import { RECONCILER_CONFIG_KEYS as K } from '../../lib/contract/reconciler-config';
import { Bucket, ClaimCheckPipeline, ClaimCheckPipelineProps, ClaimCheckScheduledReconciler, FunctionCode, ValidationError } from '../../lib';
import { scheduleRecurrence } from '../../lib/pattern/claim-check-scheduled-reconciler';
import { withBundleHashPlaceholders } from '../helpers/bundle-hash';
import { COMPARTMENT, IMAGE, newScope, SUBNET, synth, Synthesized, TENANCY } from '../helpers/synth';

const RECONCILER_IMAGE = 'iad.ocir.io/testns/claimcheck/reconciler:1.0.0';
const PROPS: ClaimCheckPipelineProps = { compartmentId: COMPARTMENT, subnetIds: [SUBNET], tenancyId: TENANCY, functionProps: { code: FunctionCode.fromImageUri(IMAGE) } };
const PREBUILT = { code: FunctionCode.fromImageUri(RECONCILER_IMAGE) };

const entries = (out: Synthesized, type: string) => Object.entries<any>(out.resources(type));
const one = (out: Synthesized, type: string, match: (id: string, r: any) => boolean): [string, any] => {
  const found = entries(out, type).filter(([id, r]) => match(id, r));
  expect(found).toHaveLength(1);
  return found[0];
};
const ref = (type: string, id: string, attribute = 'id') => `\${${type}.${id}.${attribute}}`;
const NAMESPACE = '${data.oci_objectstorage_namespace.ObjectStorageNamespace.namespace}';

function pipelineStack(props: Partial<ClaimCheckPipelineProps> = {}, more?: (pipeline: ClaimCheckPipeline) => void): { out: Synthesized; pipeline: ClaimCheckPipeline } {
  let pipeline!: ClaimCheckPipeline;
  const out = synth((stack) => {
    pipeline = new ClaimCheckPipeline(stack, 'Files', { ...PROPS, ...props });
    more?.(pipeline);
  });
  return { out, pipeline };
}

describe('off by default', () => {
  test.each([
    ['no reconcile prop', {}],
    ['reconcile: false', { reconcile: false }],
  ])('%s: no schedule, no second function, no reconciler output', (_name, props) => {
    const { out, pipeline } = pipelineStack(props);
    expect(out.resources('oci_resource_scheduler_schedule')).toEqual({});
    expect(entries(out, 'oci_functions_function')).toHaveLength(1);
    expect(pipeline.reconciler).toBeUndefined();
    expect(Object.keys(out.json.output ?? {}).filter((name) => name.includes('Reconciler'))).toEqual([]);
  });

  test('reconcile: true turns it on with the defaults: hourly, 512 MB, 300 s', () => {
    const { out, pipeline } = pipelineStack({ reconcile: true });
    expect(pipeline.reconciler).toBeInstanceOf(ClaimCheckScheduledReconciler);
    const [, schedule] = one(out, 'oci_resource_scheduler_schedule', () => true);
    expect([schedule.recurrence_type, schedule.recurrence_details]).toEqual(['CRON', '0 * * * *']);
    const [, fn] = one(out, 'oci_functions_function', (id) => id.includes('Reconciler'));
    expect([fn.memory_in_mbs, fn.timeout_in_seconds]).toEqual(['512', 300]);
    // The bundled reconciler, built and pushed at deploy.
    expect(fn.image).toMatch(/^\$\{docker_registry_image\.Files_Reconciler_Function_RegistryImage_[0-9A-F]+\.name\}$/);
  });
});

describe('with reconcile on', () => {
  const filter = { include: [{ prefix: 'incoming/' }], exclude: [{ suffix: '.part' }] };
  const partnerFilter = { exclude: [{ prefix: 'tmp/' }] };
  const { out, pipeline } = pipelineStack({ objectFilters: filter, streamProps: { partitions: 4, retentionInHours: 48 }, reconcile: { ...PREBUILT, groups: ['thumbs', 'audit'], schedule: 'every 30 minutes' } }, (p) => {
    // A source added after the reconciler was defined is reconciled and granted too.
    p.addSource(new Bucket(p, 'PartnerBucket', { compartmentId: COMPARTMENT, bucketName: 'partner-drop', namespace: 'testns' }), { objectFilters: partnerFilter });
  });
  const reconciler = pipeline.reconciler!;
  const [fnId, fn] = one(out, 'oci_functions_function', (id) => id.includes('Reconciler'));
  const [groupId, group] = one(out, 'oci_identity_dynamic_group', (id) => id.includes('Reconciler'));
  const [scheduleId, schedule] = one(out, 'oci_resource_scheduler_schedule', () => true);
  const [streamId] = one(out, 'oci_streaming_stream', () => true);
  const [, landing] = one(out, 'oci_objectstorage_bucket', (id) => id.startsWith('Files_Bucket'));
  const [, state] = one(out, 'oci_objectstorage_bucket', (id) => id.startsWith('Files_ConsumerStateBucket'));
  const [appId] = one(out, 'oci_functions_application', () => true);

  test('the function: in the pipeline, configured from it (every source with the object filter its publisher applies)', () => {
    expect(fn.application_id).toBe(ref('oci_functions_application', appId));
    const publisher = one(out, 'oci_functions_function', (id) => id.includes('Publisher'))[1];
    const publisherFilters = JSON.parse(publisher.config.OBJECT_FILTERS);
    expect(fn.config).toEqual({
      [K.sources]: JSON.stringify([
        { namespace: NAMESPACE, bucket: landing.name, objectFilter: filter },
        { namespace: 'testns', bucket: 'partner-drop', objectFilter: partnerFilter },
      ]),
      [K.streamId]: ref('oci_streaming_stream', streamId),
      [K.messagesEndpoint]: ref('oci_streaming_stream', streamId, 'messages_endpoint'),
      [K.stateBucketNamespace]: NAMESPACE,
      [K.stateBucketName]: state.name,
      [K.groups]: '["thumbs","audit"]',
      [K.backfill]: '0',
      [K.timeoutSeconds]: '300',
      [K.partitions]: '4',
      [K.retentionHours]: '48',
      [K.auth]: 'resource_principal',
    });
    // The same filter objects the publisher applies, per bucket.
    const sources = JSON.parse(fn.config[K.sources]);
    expect(Object.fromEntries(sources.map((s: any) => [s.bucket, s.objectFilter]))).toEqual(publisherFilters);
  });

  test('its identity matches exactly this function', () => {
    expect(group.matching_rule).toBe(`ALL {resource.type = 'fnfunc', resource.id = '${ref('oci_functions_function', fnId)}'}`);
  });

  test("its policies: list and read every source, read and write the state bucket, pull and push on the stream; nothing else", () => {
    const subject = `dynamic-group id ${ref('oci_identity_dynamic_group', groupId)}`;
    const inCompartment = `in compartment id ${COMPARTMENT}`;
    const onStream = `where target.stream.id = '${ref('oci_streaming_stream', streamId)}'`;
    const mine = out.statements().filter((s) => s.includes(subject));
    expect(mine.sort()).toEqual(
      [
        `Allow ${subject} to read objects ${inCompartment} where target.bucket.name = '${landing.name}'`,
        `Allow ${subject} to read objects ${inCompartment} where target.bucket.name = 'partner-drop'`,
        `Allow ${subject} to read objects ${inCompartment} where target.bucket.name = '${state.name}'`,
        `Allow ${subject} to manage objects ${inCompartment} where all {target.bucket.name = '${state.name}', any {request.permission = 'OBJECT_CREATE', request.permission = 'OBJECT_OVERWRITE', request.permission = 'OBJECT_INSPECT'}}`,
        `Allow ${subject} to use stream-pull ${inCompartment} ${onStream}`,
        `Allow ${subject} to use stream-push ${inCompartment} ${onStream}`,
      ].sort(),
    );
    // The construct's grant holds the five of construction time; the partner bucket's read came with addSource.
    expect(reconciler.grant.statements).toHaveLength(5);
  });

  test('the schedule: START_RESOURCE on the function, every 30 minutes as cron, created after the function may work', () => {
    expect(schedule).toMatchObject({
      action: 'START_RESOURCE',
      compartment_id: COMPARTMENT,
      recurrence_type: 'CRON',
      recurrence_details: '*/30 * * * *',
      resources: [{ id: ref('oci_functions_function', fnId) }],
    });
    expect(schedule.resources[0]).not.toHaveProperty('parameters');
    expect(schedule.depends_on.sort()).toEqual(
      entries(out, 'oci_identity_policy')
        .filter(([, p]) => p.statements.some((s: string) => s.includes(ref('oci_identity_dynamic_group', groupId))))
        .map(([id]) => `oci_identity_policy.${id}`)
        .sort(),
    );
  });

  test("the schedule's own policy: only this schedule's principal may read and invoke functions in the function's compartment", () => {
    const conditions = `where all {request.principal.type = 'resourceschedule', request.principal.id = '${ref('oci_resource_scheduler_schedule', scheduleId)}'}`;
    expect(out.statements().filter((s) => s.startsWith('Allow any-user'))).toEqual([
      `Allow any-user to read fn-function in compartment id ${COMPARTMENT} ${conditions}`,
      `Allow any-user to use fn-invocation in compartment id ${COMPARTMENT} ${conditions}`,
    ]);
    expect(reconciler.schedulePolicy).toBeDefined();
  });

  test('an output names the function (for a pass on demand)', () => {
    const outputs = Object.entries<any>(out.json.output).filter(([name]) => name.includes('ReconcilerFunctionId'));
    expect(outputs.map(([, o]) => o.value)).toEqual([ref('oci_functions_function', fnId)]);
  });
});

describe('options', () => {
  test('backfill once, memory, timeout, pace; no schedule policy when asked', () => {
    const { out, pipeline } = pipelineStack({ reconcile: { ...PREBUILT, backfill: true, memoryInMbs: 1024, timeoutInSeconds: 120, pagesPerSecond: 5, createSchedulePolicy: false } });
    const [, fn] = one(out, 'oci_functions_function', (id) => id.includes('Reconciler'));
    expect([fn.memory_in_mbs, fn.timeout_in_seconds]).toEqual(['1024', 120]);
    expect(fn.config).toMatchObject({ [K.backfill]: '1', [K.timeoutSeconds]: '120', [K.pagesPerSecond]: '5' });
    expect(fn.config).not.toHaveProperty(K.groups);
    expect(fn.config).not.toHaveProperty(K.retentionHours);
    expect(pipeline.reconciler!.schedulePolicy).toBeUndefined();
    expect(out.statements().filter((s) => s.includes('resourceschedule'))).toEqual([]);
  });

  test.each([
    ['every 15 minutes', 'CRON', '*/15 * * * *'],
    ['every 1 hour', 'CRON', '0 * * * *'],
    ['every hour', 'CRON', '0 * * * *'],
    ['every 6 hours', 'CRON', '0 */6 * * *'],
    ['every 2 days', 'ICAL', 'FREQ=DAILY;INTERVAL=2'],
    ['17 */2 * * *', 'CRON', '17 */2 * * *'],
    ['FREQ=DAILY;INTERVAL=1;BYHOUR=3', 'ICAL', 'FREQ=DAILY;INTERVAL=1;BYHOUR=3'],
  ])("schedule '%s' becomes %s %s", (schedule, type, details) => {
    expect(scheduleRecurrence(schedule)).toMatchObject({ recurrenceType: type, recurrenceDetails: details });
  });

  test('the schedule reaches the resource', () => {
    const { out } = pipelineStack({ streamProps: { retentionInHours: 72 }, reconcile: { ...PREBUILT, schedule: 'every 2 days' } });
    expect(one(out, 'oci_resource_scheduler_schedule', () => true)[1]).toMatchObject({ recurrence_type: 'ICAL', recurrence_details: 'FREQ=DAILY;INTERVAL=2' });
  });

  test("a standalone ClaimCheckScheduledReconciler works like the option (the pipeline's sources, its grants)", () => {
    const out = synth((stack) => {
      const pipeline = new ClaimCheckPipeline(stack, 'Files', PROPS);
      new ClaimCheckScheduledReconciler(stack, 'Reconcile', { pipeline, ...PREBUILT, schedule: 'every 2 hours' });
    });
    expect(one(out, 'oci_resource_scheduler_schedule', () => true)[1].recurrence_details).toBe('0 */2 * * *');
    const [groupId] = one(out, 'oci_identity_dynamic_group', (id) => id.startsWith('Reconcile'));
    expect(out.statements().filter((s) => s.includes(`oci_identity_dynamic_group.${groupId}.id`))).toHaveLength(5);
  });
});

test("the pipeline's tags, and the construct's own, reach every taggable resource of the reconciler", () => {
  const out = synth((stack) => {
    const pipeline = new ClaimCheckPipeline(stack, 'Files', { ...PROPS, freeformTags: { team: 'billing' }, reconcile: { groups: ['thumbs'] } });
    new ClaimCheckScheduledReconciler(stack, 'Reconcile', { pipeline, ...PREBUILT, freeformTags: { team: 'audit' }, definedTags: { 'Operations.CostCenter': '42' } });
  });
  const tagged = (prefix: string) =>
    Object.entries<Record<string, any>>(out.json.resource)
      .filter(([type]) => type.startsWith('oci_'))
      .flatMap(([type, instances]) => Object.entries<any>(instances).filter(([id]) => id.startsWith(prefix)).map(([id, body]) => [`${type}.${id}`, body.freeform_tags, body.defined_tags]));
  const inPipeline = tagged('Files_Reconciler');
  expect(inPipeline.map(([name]) => String(name).split('.')[0]).sort()).toEqual(
    ['oci_artifacts_container_repository', 'oci_functions_function', 'oci_identity_dynamic_group', 'oci_identity_policy', 'oci_identity_policy', 'oci_resource_scheduler_schedule'].sort(),
  );
  expect(inPipeline.filter(([, freeform]) => freeform?.team !== 'billing')).toEqual([]);
  const standalone = tagged('Reconcile_');
  expect(standalone.length).toBe(5); // a prebuilt image: no repository
  expect(standalone.filter(([, freeform, defined]) => freeform?.team !== 'audit' || defined?.['Operations.CostCenter'] !== '42')).toEqual([]);
});

describe('validation', () => {
  const problems = (props: Partial<ClaimCheckPipelineProps>): string[] => {
    try {
      new ClaimCheckPipeline(newScope(), 'Files', { ...PROPS, ...props });
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      return (error as ValidationError).problems.map((p) => p.message);
    }
    throw new Error('expected a ValidationError');
  };

  test('every problem named under reconcile.*', () => {
    expect(
      problems({ createConsumerStateBucket: false, reconcile: { schedule: 'every 7 minutes', groups: ['ok', 'not ok'], memoryInMbs: 100, timeoutInSeconds: 301, pagesPerSecond: -1, streamRetentionHours: 12 } }),
    ).toEqual([
      expect.stringMatching(/^reconcile\.stateBucket: the pipeline has no consumer state bucket/),
      expect.stringMatching(/^reconcile\.memoryInMbs 100: must be one of/),
      expect.stringMatching(/^reconcile\.timeoutInSeconds 301: must be an integer from 10 to 300/),
      expect.stringMatching(/^reconcile\.pagesPerSecond -1: must be a number from 0/),
      expect.stringMatching(/^reconcile\.streamRetentionHours 12: must be an integer from 24 to 168/),
      expect.stringMatching(/^reconcile\.groups\[1\] "not ok": must be a consumer group name/),
      expect.stringMatching(/^reconcile\.schedule "every 7 minutes": every 7 minutes: N must divide 60/),
    ]);
  });

  test.each([
    ['more often than the timeout (invocations would overlap)', { schedule: 'every 1 minute' }, /must not run more often than the function's timeout \(300 s\)/],
    ['less often than the horizon (24 h retention − 1 h)', { schedule: 'every 1 day' }, /must run again before an object leaves the horizon \(stream retention 24 h − 1 h\)/],
    ['not a schedule', { schedule: 'hourly' }, /must be 'every N minutes\|hours\|days', a five-field cron expression/],
    ['a six-field cron (the field count the service takes is undocumented: five)', { schedule: '0 0 * * * *' }, /five-field cron/],
    ['a broken rule', { schedule: 'FREQ=SOMETIMES' }, /RFC 5545 rule/],
  ])('schedule: %s', (_name, reconcile, message) => {
    expect(problems({ reconcile }).join('\n')).toMatch(message);
  });

  test('a daily schedule fits a longer retention', () => {
    expect(() => new ClaimCheckPipeline(newScope(), 'Files', { ...PROPS, streamProps: { retentionInHours: 48 }, reconcile: { ...PREBUILT, schedule: 'every 1 day' } })).not.toThrow();
  });
});

describe('the default code', () => {
  const { out } = pipelineStack({ observability: false, reconcile: { groups: ['thumbs'] } });

  test('snapshot of the shape (bundle hashes as placeholders)', () => {
    expect(withBundleHashPlaceholders(out.json)).toMatchSnapshot();
  });

  test('the image: the generated reconciler entry bundled like the publisher (func.js, func.yaml)', () => {
    const image = Object.values<any>(out.resources('docker_image')).find((i) => String(i.build.context).includes('Reconciler'));
    const dir = join(projectCacheRoot()!, image.triggers.contentHash);
    expect(readdirSync(dir).sort()).toEqual(['Dockerfile', 'func.js', 'func.yaml', 'start.cjs']);
    expect(readFileSync(join(dir, 'func.js'), 'utf8')).toContain('claim-reconciler-scheduled');
  });
});
