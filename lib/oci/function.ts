import { Construct, IConstruct } from 'constructs';
import { Lazy, Token } from 'cdktf';
import { FunctionsFunction } from '../generated/providers/oci/functions-function';
import { DynamicGroup, IDynamicGroup, MatchingRule } from './dynamic-group';
import { configProblems } from './function-config';
import { FunctionCode, FunctionImage } from './function-code';
import { IFunctionsApplication } from './functions-application';
import { Policy } from './policy';
import { IGrantable } from './principal';
import { physicalName } from './private/naming';
import { checkFunctionAttributes, checkFunctionProps } from './private/prop-checks';
import { pathOf, PropValidator } from './private/validation';
import { applyTagProps, OciTagProps } from './tags';

/** A function, created here or elsewhere. */
export interface IFunction extends IConstruct {
  readonly functionId: string;
  /** OCID of the function's compartment; unknown for an imported function unless given. */
  readonly compartmentId?: string;
  /** OCID of the function's application; unknown for an imported function unless given. */
  readonly applicationId?: string;
  /**
   * The dynamic group matching this function, i.e. its identity: grant it access to let the function call OCI.
   * Unknown for an imported function unless given.
   */
  readonly dynamicGroup?: IDynamicGroup;
}

/** An existing function, for `OciFunction.fromFunctionAttributes`. */
export interface FunctionAttributes {
  /** OCID of the function. */
  readonly functionId: string;
  /**
   * OCID of the function's compartment (an `ObjectEventsRule` targeting the function needs it for its invoke policy).
   * @default - unknown
   */
  readonly compartmentId?: string;
  /**
   * OCID of the function's application.
   * @default - unknown
   */
  readonly applicationId?: string;
  /**
   * OCID of a dynamic group that matches the function, so grants can be made to the function's identity.
   * @default - none: `dynamicGroup` is undefined
   */
  readonly dynamicGroupId?: string;
}

/** Props of `OciFunction`: an `oci_functions_function` in an application, with its own dynamic group. */
export interface OciFunctionProps extends OciTagProps {
  /** The application the function belongs to. */
  readonly application: IFunctionsApplication;
  /** The image the function runs. */
  readonly code: FunctionCode;
  /**
   * Display name, unique in the application.
   * @default - derived from the construct path
   */
  readonly displayName?: string;
  /**
   * Memory in MB: 128, 256, 512, 1024, 2048 or 3072.
   * @default 256 (the Node.js runtime plus the OCI SDK is tight in 128)
   */
  readonly memoryInMbs?: number;
  /**
   * Timeout in seconds, 1 to 300.
   * @default 30
   */
  readonly timeoutInSeconds?: number;
  /**
   * Configuration passed to the function as environment variables (4 KB in all).
   * @default - none
   */
  readonly config?: Record<string, string>;
  /**
   * OCID of the tenancy, where the function's dynamic group is created.
   * @default - the stack's `tenancy_ocid` variable
   */
  readonly tenancyId?: string;
}

/**
 * An OCI Function with its own identity: a dynamic group that matches exactly this function
 * (`resource.type = 'fnfunc'` and its OCID), so grants to the function reach no other function.
 */
export class OciFunction extends Construct implements IFunction, IGrantable {
  /**
   * Uses a function created elsewhere, by OCID. With `dynamicGroupId`, its identity is imported as the child
   * `DynamicGroup` (the id an `OciFunction` gives its own), so grants to it land in policies under that child.
   */
  public static fromFunctionAttributes(scope: Construct, id: string, attrs: FunctionAttributes): IFunction {
    const v = new PropValidator('OciFunction.fromFunctionAttributes');
    checkFunctionAttributes(v, attrs);
    v.throwIfInvalid(pathOf(scope, id));
    class Imported extends Construct implements IFunction {
      public readonly functionId = attrs.functionId;
      public readonly compartmentId = attrs.compartmentId;
      public readonly applicationId = attrs.applicationId;
      public readonly dynamicGroup = attrs.dynamicGroupId
        ? DynamicGroup.fromDynamicGroupAttributes(this, 'DynamicGroup', { dynamicGroupId: attrs.dynamicGroupId })
        : undefined;
    }
    return new Imported(scope, id);
  }

  public readonly resource: FunctionsFunction;
  /** The image it runs; `image.build` holds the OCIR repository and the docker build and push when its code builds it. */
  public readonly image: FunctionImage;
  public readonly dynamicGroup: DynamicGroup;
  public readonly functionId: string;
  public readonly compartmentId: string;
  public readonly applicationId: string;
  private readonly config: Record<string, string>;

  constructor(scope: Construct, id: string, props: OciFunctionProps) {
    super(scope, id);
    const v = new PropValidator('OciFunction');
    checkFunctionProps(v, props);
    v.throwIfInvalid(this);
    applyTagProps(this, props);
    const memory = props.memoryInMbs ?? 256;
    const timeout = props.timeoutInSeconds ?? 30;

    this.config = { ...(props.config ?? {}) };
    this.compartmentId = props.application.compartmentId;
    this.applicationId = props.application.applicationId;
    const image = props.code.bind(this);
    this.image = image;
    this.resource = new FunctionsFunction(this, 'Resource', {
      applicationId: props.application.applicationId,
      displayName: props.displayName ?? physicalName(this, { maxLength: 255 }),
      image: image.imageUri,
      imageDigest: image.imageDigest,
      memoryInMbs: String(memory),
      timeoutInSeconds: timeout,
      config: Token.asStringMap(Lazy.anyValue({ produce: () => (Object.keys(this.config).length ? { ...this.config } : undefined) })),
    });
    this.functionId = this.resource.id;
    this.dynamicGroup = new DynamicGroup(this, 'DynamicGroup', {
      tenancyId: props.tenancyId,
      matchingRule: MatchingRule.forFunction(this.functionId),
      description: `Resource principal of function ${this.node.path} (managed by cdktf-oci-claim-check)`,
    });
  }

  public get policySubject(): string {
    return this.dynamicGroup.policySubject;
  }

  public addToPrincipalPolicy(compartmentId: string, ...statements: string[]): Policy {
    return this.dynamicGroup.addToPrincipalPolicy(compartmentId, ...statements);
  }

  /** Adds (or replaces) one configuration entry; the 4 KB limit is checked on every change. */
  public addConfig(key: string, value: string): void {
    const next = { ...this.config, [key]: value };
    const problems = configProblems(next);
    if (problems.length) throw new Error(`OciFunction ${this.node.path}: config ${problems.join('; ')}`);
    this.config[key] = value;
  }

  /** The configuration as it will be synthesized (a copy). */
  public get configuration(): Record<string, string> {
    return { ...this.config };
  }
}
