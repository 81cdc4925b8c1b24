import { Construct } from 'constructs';
import { OBJECT_ACTIONS, ObjectAction, ObjectFilter, objectFilterProblems, ociEventTypeOf, resourceNameCondition } from '../contract';
import { EventsRule } from '../generated/providers/oci/events-rule';
import { IBucket } from './bucket';
import { IFunction } from './function';
import { Policy } from './policy';
import { policyStatement } from './policy-statement';
import { physicalName } from './private/naming';
import { checkTagProps } from './private/tag-checks';
import { PropValidator } from './private/validation';
import { applyTagProps, OciTagProps } from './tags';


/**
 * Props of `ObjectEventsRule`: an `oci_events_rule` matching a bucket's object events, with a function as its action.
 */
export interface ObjectEventsRuleProps extends OciTagProps {
  /** The bucket whose object events the rule matches (its bucket must have object events enabled). */
  readonly bucket: IBucket;
  /** The function the events are delivered to. */
  readonly target: IFunction;
  /**
   * Which object events to deliver.
   * @default ['createobject', 'updateobject', 'deleteobject']
   */
  readonly eventTypes?: ObjectAction[];
  /**
   * Which object names the rule passes on: its includes become the condition's `data.resourceName` patterns (OR).
   * OCI's condition language has no negation and no literal `*`, so excludes (and a `*` inside a prefix or suffix)
   * are not in the condition: the target function must apply the filter exactly (the claim-check publisher does,
   * from its `OBJECT_FILTERS` configuration).
   * @default - every object of the bucket
   */
  readonly objectFilter?: ObjectFilter;
  /**
   * Compartment of the rule: the bucket's compartment or one above it (rules see their compartment and children).
   * @default - the bucket's compartment
   */
  readonly compartmentId?: string;
  /** @default - derived from the construct path */
  readonly displayName?: string;
  /** @default true */
  readonly enabled?: boolean;
  /**
   * Create the policy that lets the Events service invoke functions in the target's compartment.
   * Without it the rule fires and every call fails with a 403 that nobody sees.
   * @default true
   */
  readonly createInvokePolicy?: boolean;
}

/**
 * The rule condition: the event types, the bucket by name, and the object names an object filter includes
 * (values are arrays: any of them matches; fields must all match).
 * Filter syntax: https://docs.oracle.com/iaas/Content/Events/Concepts/filterevents.htm
 */
export function objectEventsCondition(bucketName: string, eventTypes: readonly ObjectAction[], objectFilter?: ObjectFilter): string {
  const resourceName = resourceNameCondition(objectFilter);
  return JSON.stringify({
    eventType: eventTypes.map(ociEventTypeOf),
    data: { ...(resourceName ? { resourceName } : {}), additionalDetails: { bucketName: [bucketName] } },
  });
}

/** An Events rule that sends a bucket's object events to a function, with the invoke permission it needs. */
export class ObjectEventsRule extends Construct {
  public readonly resource: EventsRule;
  public readonly condition: string;
  /** The policy letting the Events service invoke functions, when created. */
  public readonly invokePolicy?: Policy;

  constructor(scope: Construct, id: string, props: ObjectEventsRuleProps) {
    super(scope, id);
    const eventTypes = props.eventTypes ?? [...OBJECT_ACTIONS];
    const v = new PropValidator('ObjectEventsRule');
    checkTagProps(v, props);
    v.subsetOf('eventTypes', eventTypes, OBJECT_ACTIONS, 'event type');
    if (props.objectFilter) for (const problem of objectFilterProblems(props.objectFilter, 'objectFilter')) v.fail(problem.path, problem.rule);
    const createInvokePolicy = props.createInvokePolicy ?? true;
    const targetCompartmentId = props.target.compartmentId;
    if (createInvokePolicy) {
      v.check(
        targetCompartmentId !== undefined,
        'target.compartmentId',
        targetCompartmentId,
        'is needed for the invoke policy: give compartmentId to OciFunction.fromFunctionAttributes, or set createInvokePolicy: false',
      );
    }
    v.throwIfInvalid(this);
    applyTagProps(this, props);

    this.condition = objectEventsCondition(props.bucket.bucketName, eventTypes, props.objectFilter);
    this.resource = new EventsRule(this, 'Resource', {
      compartmentId: props.compartmentId ?? props.bucket.compartmentId,
      displayName: props.displayName ?? physicalName(this, { maxLength: 255 }),
      description: `Object events of bucket ${props.bucket.bucketName} to a claim-check function`,
      isEnabled: props.enabled ?? true,
      condition: this.condition,
      actions: {
        action: [
          {
            actionType: 'FAAS',
            functionId: props.target.functionId,
            isEnabled: true,
            description: 'Publish a claim check for each object event',
          },
        ],
      },
    });

    if (createInvokePolicy && targetCompartmentId !== undefined) {
      // Documented statement for Events -> Functions:
      // https://docs.oracle.com/iaas/Content/Events/Concepts/eventsgetstarted.htm#Preparing_for_Events (policy for the Events service)
      this.invokePolicy = new Policy(this, 'InvokePolicy', {
        compartmentId: targetCompartmentId,
        description: 'Lets the Events service invoke the claim-check function (managed by cdktf-oci-claim-check)',
        statements: [
          policyStatement({
            subject: 'service cloudEvents',
            verb: 'use',
            resourceType: 'functions-family',
            compartmentId: targetCompartmentId,
          }),
        ],
      });
    }
  }
}
