import { Construct, IConstruct } from 'constructs';
import { FunctionsApplication as FunctionsApplicationResource } from '../generated/providers/oci/functions-application';
import { ApplicationShape } from './limits';
import { physicalName } from './private/naming';
import { checkApplicationAttributes, checkApplicationProps } from './private/prop-checks';
import { pathOf, PropValidator } from './private/validation';
import { applyTagProps, OciTagProps } from './tags';

/** A Functions application, created here or elsewhere. */
export interface IFunctionsApplication extends IConstruct {
  readonly applicationId: string;
  readonly compartmentId: string;
}

/** An existing Functions application, for `FunctionsApplication.fromApplicationAttributes`. */
export interface FunctionsApplicationAttributes {
  /** OCID of the application. */
  readonly applicationId: string;
  /** OCID of the compartment holding the application. */
  readonly compartmentId: string;
}

/** Props of `FunctionsApplication`: an `oci_functions_application` in the given subnets. */
export interface FunctionsApplicationProps extends OciTagProps {
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
    checkApplicationAttributes(v, attrs);
    v.throwIfInvalid(pathOf(scope, id));
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
    const v = new PropValidator('FunctionsApplication');
    checkApplicationProps(v, props);
    v.throwIfInvalid(this);
    applyTagProps(this, props);
    this.compartmentId = props.compartmentId;
    this.resource = new FunctionsApplicationResource(this, 'Resource', {
      compartmentId: props.compartmentId,
      displayName: props.displayName ?? physicalName(this, { maxLength: 255 }),
      subnetIds: props.subnetIds,
      shape: props.shape ?? 'GENERIC_X86',
      config: props.config,
      networkSecurityGroupIds: props.networkSecurityGroupIds,
    });
    this.applicationId = this.resource.id;
  }
}
