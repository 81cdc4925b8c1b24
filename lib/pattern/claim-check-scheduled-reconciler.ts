import { Construct } from 'constructs';
import { Lazy } from 'cdktf';
import { RECONCILER_CONFIG_KEYS as K } from '../contract/reconciler-config';
import { ResourceSchedulerSchedule } from '../generated/providers/oci/resource-scheduler-schedule';
import { OciFunction } from '../oci/function';
import { Grant } from '../oci/grant';
import { Policy } from '../oci/policy';
import { equals, policyStatement } from '../oci/policy-statement';
import { physicalName } from '../oci/private/naming';
import { checkTagProps } from '../oci/private/tag-checks';
import { PropValidator } from '../oci/private/validation';
import { Stream } from '../oci/stream';
import { applyTagProps } from '../oci/tags';
import {
  checkScheduledReconcileOptions,
  ClaimCheckScheduledReconcilerProps,
  Recurrence,
  SCHEDULED_RECONCILER_DEFAULTS,
  scheduleRecurrence,
} from './claim-check-scheduled-reconciler-props';
import { defaultReconcilerCode } from './reconciler-code';
import { pauseSourceMappedStacks } from '../oci/private/source-mapped-stacks';

export * from './claim-check-scheduled-reconciler-props';

/**
 * Deployed reconciliation: `ClaimCheckReconciler` as a second function of the pipeline, invoked on a schedule by OCI
 * Resource Scheduler, so a claim the event path lost (an event never delivered, a rule or policy gap, objects older
 * than the pipeline with `backfill`) is republished within one interval. lib/reconciler/README.md has the pass itself.
 *
 *   Resource Scheduler --START_RESOURCE, cron/ical--> function (lib/reconciler/entry) --ListObjects--> source buckets
 *                                                        |--GetMessages / PutMessages--> stream
 *                                                        '--progress records, positions--> consumer state bucket
 *
 * - The function: bundled and built like the publisher (reconciler-code.ts), in the pipeline's application; its
 *   configuration is the pipeline's (sources with their object filters, stream, state bucket) under
 *   lib/contract/reconciler-config.ts. Each invocation works for its timeout less a margin and stops at a page
 *   boundary; the position in the state bucket carries a large bucket across invocations.
 * - Its identity: its own dynamic group (`OciFunction`), granted exactly `pipeline.grantConsume` (read and list every
 *   source bucket, `use stream-pull` on the stream, read and create/overwrite objects in the state bucket; sources added
 *   later are granted when added) plus `stream.grantPush`. Nothing else.
 * - The schedule (`oci_resource_scheduler_schedule`): action START_RESOURCE on the function's OCID, which Resource
 *   Scheduler documents for functions (oci-operations-facts §6: D-RS, D-FNS2, the provider's acceptance test); it runs
 *   the function detached (D-FNS1). Created after the function's grants.
 * - The schedule's own policy: a schedule has no permission on its target until granted one ("When a resource schedule
 *   is created, by default, it doesn't have permission to perform the action on target resources", D-RSPOL
 *   https://docs.oracle.com/iaas/Content/resource-scheduler/references/example_policies.htm). Oracle's examples grant
 *   `manage <resource-type>` to `any-user` where `request.principal.type = 'resourceschedule'` and `request.principal.id`
 *   is the schedule's OCID; this grants only what an invocation uses ("Details for Functions",
 *   https://docs.oracle.com/iaas/Content/Identity/Reference/functionspolicyreference.htm: `read fn-function` is
 *   GetFunction, `use fn-invocation` InvokeFunction), under the same two conditions, in the function's compartment.
 */
export class ClaimCheckScheduledReconciler extends Construct {
  public readonly function: OciFunction;
  public readonly schedule: ResourceSchedulerSchedule;
  /** The schedule's permission to invoke the function (unless `createSchedulePolicy: false`). */
  public readonly schedulePolicy?: Policy;
  /** What the function was granted: `pipeline.grantConsume` and `stream.grantPush`. */
  public readonly grant: Grant;

  constructor(scope: Construct, id: string, props: ClaimCheckScheduledReconcilerProps) {
    super(scope, id);
    // cdktf's token traces recorded while building skip source maps (oci/private/source-mapped-stacks.ts says why).
    const restoreSourceMaps = pauseSourceMappedStacks();
    try {
      const pipeline = props.pipeline;
      const v = new PropValidator('ClaimCheckScheduledReconciler');
      v.check(pipeline !== undefined, 'pipeline', pipeline, 'is required: the ClaimCheckPipeline to reconcile');
      if (pipeline) checkScheduledReconcileOptions(v, props, { hasConsumerStateBucket: pipeline.consumerStateBucket !== undefined });
      checkTagProps(v, props);
      v.throwIfInvalid(this);
      // Every taggable resource below: the function, its dynamic group and grant policies, its repository, the schedule.
      applyTagProps(this, props);
      const stateBucket = pipeline.consumerStateBucket!;
      const application = pipeline.application;
      const compartmentId = application.compartmentId;
      const recurrence = scheduleRecurrence(props.schedule ?? SCHEDULED_RECONCILER_DEFAULTS.schedule) as Recurrence;
      const timeoutInSeconds = props.timeoutInSeconds ?? SCHEDULED_RECONCILER_DEFAULTS.timeoutInSeconds;
      const partitions = pipeline.stream instanceof Stream ? pipeline.stream.partitions : undefined;

      // 1. The function, configured from the pipeline (sources added later included: the list is lazy).
      this.function = new OciFunction(this, 'Function', {
        application,
        code: props.code ?? defaultReconcilerCode({ compartmentId, region: pipeline.region, realmDomain: pipeline.realmDomain }),
        tenancyId: pipeline.tenancyId,
        memoryInMbs: props.memoryInMbs ?? SCHEDULED_RECONCILER_DEFAULTS.memoryInMbs,
        timeoutInSeconds,
        config: {
          [K.sources]: Lazy.stringValue({
            produce: () =>
              JSON.stringify(
                pipeline.sourceObjectFilters.map(({ bucket, objectFilter }) => ({
                  namespace: bucket.namespace,
                  bucket: bucket.bucketName,
                  ...(objectFilter !== undefined ? { objectFilter } : {}),
                })),
              ),
          }),
          [K.streamId]: pipeline.stream.streamId,
          [K.messagesEndpoint]: pipeline.stream.messagesEndpoint,
          [K.stateBucketNamespace]: stateBucket.namespace,
          [K.stateBucketName]: stateBucket.bucketName,
          ...(props.groups && props.groups.length > 0 ? { [K.groups]: JSON.stringify([...new Set(props.groups)]) } : {}),
          [K.backfill]: props.backfill ? '1' : '0',
          [K.timeoutSeconds]: String(timeoutInSeconds),
          ...(partitions !== undefined ? { [K.partitions]: String(partitions) } : {}),
          ...(props.streamRetentionHours !== undefined ? { [K.retentionHours]: String(props.streamRetentionHours) } : {}),
          ...(props.pagesPerSecond !== undefined ? { [K.pagesPerSecond]: String(props.pagesPerSecond) } : {}),
          [K.auth]: 'resource_principal',
        },
      });

      // 2. Exactly what a pass does: list and read the sources, pull and push on the stream, read and write the state.
      this.grant = Grant.combine(pipeline.grantConsume(this.function), pipeline.stream.grantPush(this.function));

      // 3. The schedule, once the function may do its work.
      this.schedule = new ResourceSchedulerSchedule(this, 'Schedule', {
        action: 'START_RESOURCE',
        compartmentId,
        displayName: physicalName(this, { maxLength: 255 }),
        description: `Runs the claim-check reconciler ${this.node.path} (managed by cdktf-oci-claim-check)`,
        recurrenceType: recurrence.recurrenceType,
        recurrenceDetails: recurrence.recurrenceDetails,
        resources: [{ id: this.function.functionId }],
      });
      this.grant.applyBefore(this.schedule);

      // 4. The schedule's permission to invoke the function (it names the schedule's OCID, so it comes after it).
      if (props.createSchedulePolicy ?? true) {
        const conditions = [equals('request.principal.type', 'resourceschedule'), equals('request.principal.id', this.schedule.id)];
        this.schedulePolicy = new Policy(this, 'SchedulePolicy', {
          compartmentId,
          description: `Lets the resource schedule of ${this.node.path} invoke its reconciler function (managed by cdktf-oci-claim-check)`,
          statements: [
            policyStatement({ subject: 'any-user', verb: 'read', resourceType: 'fn-function', compartmentId, conditions }),
            policyStatement({ subject: 'any-user', verb: 'use', resourceType: 'fn-invocation', compartmentId, conditions }),
          ],
        });
      }
    } finally {
      restoreSourceMaps();
    }
  }
}
