import { Construct } from 'constructs';
import { FunctionsApplication as FunctionsApplicationResource } from '../generated/providers/oci/functions-application';
import { configProblems } from './function-config';
import { physicalName } from './private/naming';
import { isOcid, ocidRule } from './private/ocid';
import { PropValidator } from './private/validation';

/** Application shapes: https://docs.oracle.com/iaas/Content/Functions/Tasks/functionscreatingapps.htm */
export const APPLICATION_SHAPES = ['GENERIC_X86', 'GENERIC_ARM', 'GENERIC_X86_ARM'] as const;
export type ApplicationShape = (typeof APPLICATION_SHAPES)[number];

/** A Functions application, created here or elsewhere. */
export interface IFunctionsApplication {
  readonly applicationId: string;
  readonly compartmentId: string;
}

export interface FunctionsApplicationAttributes {
  readonly applicationId: string;
  readonly compartmentId: string;
}

export interface FunctionsApplicationProps {
  /** OCID of the compartment for the application and its functions. */
  readonly compartmentId: string;
  /** OCIDs of the subnets the functions run in (they need a route to the Streaming and Object Storage endpoints). */
  readonly subnetIds: string[];
  /**
   * Display name, unique in the compartment.
   * @default - derived from the construct path
   */
  readonly displayName?: string;
  /**
   * Processor architecture of the images.
   * @default 'GENERIC_X86'
   */
  readonly shape?: ApplicationShape;
  /**
   * Configuration passed to every function of the application as environment variables.
   * @default - none
   */
  readonly config?: Record<string, string>;
  /** @default - none */
  readonly networkSecurityGroupIds?: string[];
  /** @default - none */
  readonly freeformTags?: Record<string, string>;
}

/** An OCI Functions application. */
export class FunctionsApplication extends Construct implements IFunctionsApplication {
  /** Uses an application created elsewhere. */
  public static fromApplicationAttributes(
    scope: Construct,
    id: string,
    attrs: FunctionsApplicationAttributes,
  ): IFunctionsApplication {
    const v = new PropValidator('FunctionsApplication.fromApplicationAttributes');
    v.check(isOcid(attrs.applicationId, 'fnapp'), 'applicationId', attrs.applicationId, ocidRule('fnapp'));
    v.check(isOcid(attrs.compartmentId, 'compartment', 'tenancy'), 'compartmentId', attrs.compartmentId, ocidRule('compartment', 'tenancy'));
    v.throwIfInvalid();
    class Imported extends Construct implements IFunctionsApplication {
      public readonly applicationId = attrs.applicationId;
      public readonly compartmentId = attrs.compartmentId;
    }
    return new Imported(scope, id);
  }

  public readonly resource: FunctionsApplicationResource;
  public readonly applicationId: string;
  public readonly compartmentId: string;

  constructor(scope: Construct, id: string, props: FunctionsApplicationProps) {
    super(scope, id);
    validateApplicationProps(props);
    this.compartmentId = props.compartmentId;
    this.resource = new FunctionsApplicationResource(this, 'Resource', {
      compartmentId: props.compartmentId,
      displayName: props.displayName ?? physicalName(this, { maxLength: 255 }),
      subnetIds: props.subnetIds,
      shape: props.shape ?? 'GENERIC_X86',
      config: props.config,
      networkSecurityGroupIds: props.networkSecurityGroupIds,
      freeformTags: props.freeformTags,
    });
    this.applicationId = this.resource.id;
  }
}

function validateApplicationProps(props: FunctionsApplicationProps): void {
  const v = new PropValidator('FunctionsApplication');
  v.check(isOcid(props.compartmentId, 'compartment', 'tenancy'), 'compartmentId', props.compartmentId, ocidRule('compartment', 'tenancy'));
  v.check(props.subnetIds.length > 0, 'subnetIds', props.subnetIds, 'must list at least one subnet OCID');
  props.subnetIds.forEach((subnetId, i) => v.check(isOcid(subnetId, 'subnet'), `subnetIds[${i}]`, subnetId, ocidRule('subnet')));
  if (props.shape !== undefined) {
    v.check(APPLICATION_SHAPES.includes(props.shape), 'shape', props.shape, `must be one of ${APPLICATION_SHAPES.join(', ')}`);
  }
  for (const problem of configProblems(props.config ?? {})) v.fail('config', problem);
  v.throwIfInvalid();
}
