import { Construct } from 'constructs';
import { OBJECT_ACTIONS, ObjectAction, ociEventTypeOf } from '../contract';
import { EventsRule } from '../generated/providers/oci/events-rule';
import { IBucket } from './bucket';
import { IFunction } from './function';
import { Policy } from './policy';
import { policyStatement } from './policy-statement';
import { physicalName } from './private/naming';
import { PropValidator } from './private/validation';


export interface ObjectEventsRuleProps {
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
  /** @default - none */
  readonly freeformTags?: Record<string, string>;
}

/**
 * The rule condition: the event types, and the bucket by name (values are arrays: any of them matches).
 * Filter syntax: https://docs.oracle.com/iaas/Content/Events/Concepts/filterevents.htm
 */
export function objectEventsCondition(bucketName: string, eventTypes: readonly ObjectAction[]): string {
  return JSON.stringify({
    eventType: eventTypes.map(ociEventTypeOf),
    data: { additionalDetails: { bucketName: [bucketName] } },
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
    v.subsetOf('eventTypes', eventTypes, OBJECT_ACTIONS, 'event type');
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

    this.condition = objectEventsCondition(props.bucket.bucketName, eventTypes);
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
      freeformTags: props.freeformTags,
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
        freeformTags: props.freeformTags,
      });
    }
  }
}
