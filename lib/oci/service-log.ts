import { Construct } from 'constructs';
import { LoggingLog } from '../generated/providers/oci/logging-log';
import { IFunctionsApplication } from './functions-application';
import { LogGroup } from './log-group';
import { physicalName } from './private/naming';
import { checkServiceLogProps } from './private/observability-checks';
import { PropValidator } from './private/validation';
import { applyTagProps, OciTagProps } from './tags';

/** Which OCI service resource a service log collects, and which of its log categories. */
export interface ServiceLogSource {
  /** The service, e.g. `functions`. */
  readonly service: string;
  /** The log category, e.g. `invoke`. */
  readonly category: string;
  /** OCID of the resource whose logs are collected. */
  readonly resource: string;
  /**
   * OCID of that resource's compartment.
   * @default - not sent (optional in the API)
   */
  readonly compartmentId?: string;
}

/** The service log sources this library creates logs for (see `ServiceLog`). */
export class ServiceLogSources {
  /**
   * The invoke logs of every function of a Functions application: service `functions`, category `invoke`, resource =
   * the application's OCID (logs are per application, not per function).
   * https://docs.oracle.com/iaas/Content/Logging/Reference/details_for_functions.htm
   * https://docs.oracle.com/iaas/Content/Logging/Task/functions_eg.htm
   */
  public static functionsInvoke(application: IFunctionsApplication): ServiceLogSource {
    return { service: 'functions', category: 'invoke', resource: application.applicationId, compartmentId: application.compartmentId };
  }
}

/** Props of `ServiceLog`: an `oci_logging_log` of type `SERVICE` in a log group. */
export interface ServiceLogProps extends OciTagProps {
  /** The log group the log belongs to. */
  readonly logGroup: LogGroup;
  /** What the log collects (see `ServiceLogSources`). OCI allows one log per service, resource and category. */
  readonly source: ServiceLogSource;
  /**
   * Days the log is kept: 30, 60, 90, 120, 150 or 180.
   * @default 30 (set explicitly: the API's own default is not documented in the sources we checked)
   */
  readonly retentionInDays?: number;
  /**
   * Display name, unique in the log group.
   * @default - derived from the construct path
   */
  readonly displayName?: string;
  /** @default true */
  readonly enabled?: boolean;
}

/**
 * A service log (`log_type = "SERVICE"`, source type `OCISERVICE`, the only one the provider accepts): OCI collects
 * a service's logs for one resource into a log group.
 * terraform-provider-oci `website/docs/r/logging_log.html.markdown` and `internal/service/logging/logging_log_resource.go`.
 */
export class ServiceLog extends Construct {
  public readonly resource: LoggingLog;
  public readonly logId: string;
  public readonly retentionInDays: number;

  constructor(scope: Construct, id: string, props: ServiceLogProps) {
    super(scope, id);
    const v = new PropValidator('ServiceLog');
    checkServiceLogProps(v, props);
    v.throwIfInvalid(this);
    applyTagProps(this, props);
    this.retentionInDays = props.retentionInDays ?? 30;
    this.resource = new LoggingLog(this, 'Resource', {
      logGroupId: props.logGroup.logGroupId,
      displayName: props.displayName ?? physicalName(this, { maxLength: 255 }),
      logType: 'SERVICE',
      isEnabled: props.enabled ?? true,
      retentionDuration: this.retentionInDays,
      configuration: {
        compartmentId: props.source.compartmentId,
        source: {
          sourceType: 'OCISERVICE',
          service: props.source.service,
          category: props.source.category,
          resource: props.source.resource,
        },
      },
    });
    this.logId = this.resource.id;
  }
}
