import type { FunctionCode } from '../oci/function-code';
import { FUNCTION_MEMORY_SIZES_MB, MAX_FUNCTION_TIMEOUT_SECONDS, MAX_RETENTION_HOURS, MIN_RETENTION_HOURS } from '../oci/limits';
import { PropValidator } from '../oci/private/validation';
import type { OciTagProps } from '../oci/tags';
import type { ClaimCheckPipeline } from './claim-check-pipeline';

/** The scheduled reconciler's settings: the pipeline's `reconcile` option, or `ClaimCheckScheduledReconciler`'s props. */
export interface ScheduledReconcileOptions {
  /**
   * When the reconciler runs: `every N minutes` (N dividing 60, the function's timeout at least), `every N hours`
   * (N dividing 24), `every N days`, a UNIX cron expression of five fields (minute hour day-of-month month
   * day-of-week, UTC), or an RFC 5545 recurrence rule (`FREQ=...`). `every` forms become Resource Scheduler's CRON
   * (minutes, hours) or ICAL (days) recurrences; they must leave every object inside the horizon (stream retention
   * − 1 h) for some pass: the interval plus the timeout fits in it.
   * @default 'every 1 hour'
   */
  readonly schedule?: string;
  /**
   * Consumer groups a claim must reach: a retained claim counts only from where each group began reading its
   * partition (its progress record's `decidedFrom`), so a group created at LATEST gets the objects it never saw.
   * @default - none: every retained claim counts
   */
  readonly groups?: string[];
  /**
   * Backfill each source once: the first invocations republish every object of the bucket (claimorigin `backfill`,
   * whatever its age), over as many invocations as it takes; then the source is reconciled like the others. Brings in
   * objects that were in a bucket before the pipeline. Changing `groups` starts a new backfill (its record is per run).
   * @default false
   */
  readonly backfill?: boolean;
  /**
   * The function's memory in MB.
   * @default 512 (the claim index and a listing page; a backfill peaks near 300 MiB, lib/reconciler/README.md)
   */
  readonly memoryInMbs?: number;
  /**
   * The function's timeout in seconds: each invocation stops its passes `reconcileMarginMs` before it.
   * @default 300 (the most OCI Functions allows)
   */
  readonly timeoutInSeconds?: number;
  /**
   * ListObjects pages per second at most, per invocation (0 = unpaced).
   * @default 10
   */
  readonly pagesPerSecond?: number;
  /**
   * The stream's retention in hours (24 to 168): the horizon is this minus one hour.
   * @default - the pipeline's `streamProps.retentionInHours`, else 24 (OCI's minimum, the safe assumption)
   */
  readonly streamRetentionHours?: number;
  /**
   * The function's image.
   * @default - lib/reconciler/entry bundled with esbuild and built like the publisher's
   */
  readonly code?: FunctionCode;
  /**
   * Create the policy that lets the schedule invoke the function (`read fn-function` and `use fn-invocation` in the
   * function's compartment, only for this schedule's principal). Turn off to write your own (README, "Scheduled
   * reconciliation").
   * @default true
   */
  readonly createSchedulePolicy?: boolean;
}

/** `ClaimCheckScheduledReconciler`'s props: the options, the pipeline, and the tags of its resources. */
export interface ClaimCheckScheduledReconcilerProps extends ScheduledReconcileOptions, OciTagProps {
  /** The pipeline whose source buckets are reconciled, with its stream and consumer state bucket. */
  readonly pipeline: ClaimCheckPipeline;
}

export const SCHEDULED_RECONCILER_DEFAULTS = { schedule: 'every 1 hour', memoryInMbs: 512, timeoutInSeconds: 300 } as const;

/** A Resource Scheduler recurrence (`recurrence_type` / `recurrence_details`). */
export interface Recurrence {
  readonly recurrenceType: 'CRON' | 'ICAL';
  readonly recurrenceDetails: string;
  /** The time between two runs, when the schedule says it plainly (`every ...`). */
  readonly intervalMinutes?: number;
}

const EVERY = /^every\s+(?:(\d+)\s+)?(minute|minutes|hour|hours|day|days)$/i;
const CRON_FIELD = /^[0-9*\/,-]+$/;
const RRULE = /^FREQ=(SECONDLY|MINUTELY|HOURLY|DAILY|WEEKLY|MONTHLY|YEARLY)(;[A-Z]+=[A-Za-z0-9,+-]+)*$/;

/**
 * The recurrence for a schedule, or what is wrong with it. Resource Scheduler takes `recurrence_type` CRON ("UNIX cron
 * formatting") or ICAL ("RFC-5545 formatting", e.g. `FREQ=DAILY;INTERVAL=1`) (terraform-provider-oci
 * `website/docs/r/resource_scheduler_schedule.html.markdown` and its acceptance test; oci-operations-facts §6). Every
 * N minutes or hours is written as cron (the Console's form offers no hourly interval: "ONCE, DAILY, WEEKLY, MONTHLY",
 * https://docs.oracle.com/en-us/iaas/Content/resource-scheduler/tasks/schedule-info.htm), N days as the documented
 * ICAL rule. How many cron fields the service takes is not documented (facts §6, unverified): five, as UNIX cron.
 */
export function scheduleRecurrence(schedule: string): Recurrence | string {
  const text = schedule.trim();
  const every = EVERY.exec(text);
  if (every) {
    const n = every[1] === undefined ? 1 : Number(every[1]);
    const unit = every[2].toLowerCase().replace(/s$/, '');
    if (!Number.isSafeInteger(n) || n < 1) return 'must count at least 1 unit';
    if (unit === 'minute') {
      if (n >= 60 || 60 % n !== 0) return `every ${n} minutes: N must divide 60 and be under 60 (cron */N restarts every hour); use hours above that`;
      return { recurrenceType: 'CRON', recurrenceDetails: `*/${n} * * * *`, intervalMinutes: n };
    }
    if (unit === 'hour') {
      if (n >= 24 || 24 % n !== 0) return `every ${n} hours: N must divide 24 and be under 24 (cron */N restarts every day); use days above that`;
      return { recurrenceType: 'CRON', recurrenceDetails: n === 1 ? '0 * * * *' : `0 */${n} * * *`, intervalMinutes: n * 60 };
    }
    return { recurrenceType: 'ICAL', recurrenceDetails: `FREQ=DAILY;INTERVAL=${n}`, intervalMinutes: n * 1440 };
  }
  if (text.startsWith('FREQ=')) {
    return RRULE.test(text) ? { recurrenceType: 'ICAL', recurrenceDetails: text } : 'must be an RFC 5545 rule such as FREQ=DAILY;INTERVAL=1 (NAME=VALUE pairs joined by ";")';
  }
  const fields = text.split(/\s+/);
  if (fields.length === 5 && fields.every((f) => CRON_FIELD.test(f))) return { recurrenceType: 'CRON', recurrenceDetails: fields.join(' ') };
  return "must be 'every N minutes|hours|days', a five-field cron expression (digits, *, /, ',' and -) or an RFC 5545 rule (FREQ=...)";
}

/** Checks the options (under `v`, e.g. the pipeline's `reconcile`), with the pipeline's facts that bear on them. */
export function checkScheduledReconcileOptions(
  v: PropValidator,
  options: ScheduledReconcileOptions,
  pipeline: { readonly hasConsumerStateBucket: boolean; readonly streamRetentionHours?: number },
): void {
  if (!pipeline.hasConsumerStateBucket) {
    v.fail('stateBucket', "the pipeline has no consumer state bucket (createConsumerStateBucket: false): the reconciler keeps its positions and reads the groups' progress there");
  }
  if (options.memoryInMbs !== undefined) v.oneOf('memoryInMbs', options.memoryInMbs, FUNCTION_MEMORY_SIZES_MB as readonly number[]);
  if (options.timeoutInSeconds !== undefined) v.intInRange('timeoutInSeconds', options.timeoutInSeconds, 10, MAX_FUNCTION_TIMEOUT_SECONDS, '(a pass needs a few seconds besides its margin)');
  if (options.pagesPerSecond !== undefined) v.check(Number.isFinite(options.pagesPerSecond) && options.pagesPerSecond >= 0 && options.pagesPerSecond <= 1000, 'pagesPerSecond', options.pagesPerSecond, 'must be a number from 0 (unpaced) to 1000');
  if (options.streamRetentionHours !== undefined) v.intInRange('streamRetentionHours', options.streamRetentionHours, MIN_RETENTION_HOURS, MAX_RETENTION_HOURS);
  (options.groups ?? []).forEach((group, i) =>
    v.check(typeof group === 'string' && /^[A-Za-z0-9._-]{1,255}$/.test(group), `groups[${i}]`, group, 'must be a consumer group name: 1 to 255 letters, digits, ".", "_" or "-"'),
  );
  for (const problem of options.code?.validate() ?? []) v.fail('code', problem);

  const schedule = options.schedule ?? SCHEDULED_RECONCILER_DEFAULTS.schedule;
  const recurrence = typeof schedule === 'string' ? scheduleRecurrence(schedule) : 'must be a string';
  if (typeof recurrence === 'string') {
    v.check(false, 'schedule', schedule, recurrence);
    return;
  }
  if (recurrence.intervalMinutes === undefined) return;
  const timeoutMinutes = (options.timeoutInSeconds ?? SCHEDULED_RECONCILER_DEFAULTS.timeoutInSeconds) / 60;
  // Two invocations at once would race for the same position records (the second one's writes fail).
  v.check(recurrence.intervalMinutes >= timeoutMinutes, 'schedule', schedule, `must not run more often than the function's timeout (${timeoutMinutes * 60} s): invocations would overlap`);
  const retention = options.streamRetentionHours ?? pipeline.streamRetentionHours ?? MIN_RETENTION_HOURS;
  const horizonMinutes = (retention - 1) * 60;
  v.check(
    recurrence.intervalMinutes + timeoutMinutes <= horizonMinutes,
    'schedule',
    schedule,
    `must run again before an object leaves the horizon (stream retention ${retention} h − 1 h): the interval plus the timeout must be at most ${horizonMinutes} minutes`,
  );
}
