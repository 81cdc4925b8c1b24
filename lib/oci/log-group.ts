import { Construct } from 'constructs';
import { LoggingLogGroup } from '../generated/providers/oci/logging-log-group';
import { physicalName } from './private/naming';
import { checkLogGroupProps } from './private/observability-checks';
import { PropValidator } from './private/validation';
import { applyTagProps, OciTagProps } from './tags';

/** Props of `LogGroup`: an `oci_logging_log_group`. */
export interface LogGroupProps extends OciTagProps {
  /** OCID of the compartment for the log group. */
  readonly compartmentId: string;
  /**
   * Display name, unique in the compartment.
   * @default - derived from the construct path
   */
  readonly displayName?: string;
  /** @default - a description naming the library */
  readonly description?: string;
}

/**
 * An OCI Logging log group: the container of logs (`ServiceLog`); access to logs is granted per log group.
 * `display_name` must be unique in the compartment (terraform-provider-oci `website/docs/r/logging_log_group.html.markdown`).
 */
export class LogGroup extends Construct {
  public readonly resource: LoggingLogGroup;
  public readonly logGroupId: string;
  public readonly compartmentId: string;

  constructor(scope: Construct, id: string, props: LogGroupProps) {
    super(scope, id);
    const v = new PropValidator('LogGroup');
    checkLogGroupProps(v, props);
    v.throwIfInvalid(this);
    applyTagProps(this, props);
    this.compartmentId = props.compartmentId;
    this.resource = new LoggingLogGroup(this, 'Resource', {
      compartmentId: props.compartmentId,
      displayName: props.displayName ?? physicalName(this, { maxLength: 255 }),
      description: props.description ?? 'Managed by cdktf-oci-claim-check',
    });
    this.logGroupId = this.resource.id;
  }
}
