import { createHash } from 'node:crypto';
import { Construct, IConstruct } from 'constructs';
import { OnsNotificationTopic } from '../generated/providers/oci/ons-notification-topic';
import { OnsSubscription } from '../generated/providers/oci/ons-subscription';
import { physicalName } from './private/naming';
import { checkEmail, checkNotificationTopicProps } from './private/observability-checks';
import { pathOf, PropValidator } from './private/validation';
import { applyTagProps, OciTagProps } from './tags';

/** A Notifications topic, created here or elsewhere: what alarms send to. */
export interface INotificationTopic extends IConstruct {
  /** The topic's OCID (an alarm's `destinations` entry). */
  readonly topicId: string;
}

/** An existing Notifications topic, for `NotificationTopic.fromTopicAttributes`. */
export interface NotificationTopicAttributes {
  /** OCID of the topic. */
  readonly topicId: string;
}

/** Props of `NotificationTopic`: an `oci_ons_notification_topic`, with an optional e-mail subscription. */
export interface NotificationTopicProps extends OciTagProps {
  /** OCID of the compartment for the topic and its subscriptions. */
  readonly compartmentId: string;
  /**
   * Topic name, unique in the tenancy (case-sensitive); cannot be changed after creation.
   * @default - derived from the construct path
   */
  readonly name?: string;
  /** @default - a description naming the library */
  readonly description?: string;
}

/**
 * An OCI Notifications topic (`oci_ons_notification_topic`). The name must be unique across the tenancy and is
 * ForceNew: https://docs.oracle.com/iaas/Content/Notification/Tasks/create-topic.htm, terraform-provider-oci
 * `website/docs/r/ons_notification_topic.html.markdown`.
 */
export class NotificationTopic extends Construct implements INotificationTopic {
  /** Uses a topic created elsewhere, by OCID. */
  public static fromTopicAttributes(scope: Construct, id: string, attrs: NotificationTopicAttributes): INotificationTopic {
    const v = new PropValidator('NotificationTopic.fromTopicAttributes');
    v.ocid('topicId', attrs.topicId, 'onstopic');
    v.throwIfInvalid(pathOf(scope, id));
    class Imported extends Construct implements INotificationTopic {
      public readonly topicId = attrs.topicId;
    }
    return new Imported(scope, id);
  }

  public readonly resource: OnsNotificationTopic;
  public readonly topicId: string;
  public readonly compartmentId: string;

  constructor(scope: Construct, id: string, props: NotificationTopicProps) {
    super(scope, id);
    const v = new PropValidator('NotificationTopic');
    checkNotificationTopicProps(v, props);
    v.throwIfInvalid(this);
    applyTagProps(this, props);
    this.compartmentId = props.compartmentId;
    this.resource = new OnsNotificationTopic(this, 'Resource', {
      compartmentId: props.compartmentId,
      // The API's name length and character rules are not in the sources we read; the derived name keeps to letters,
      // digits and hyphens, 100 characters at most, like the other derived names.
      name: props.name ?? physicalName(this, { maxLength: 100 }),
      description: props.description ?? 'Managed by cdktf-oci-claim-check',
    });
    this.topicId = this.resource.id;
  }

  /**
   * Subscribes an e-mail address (protocol `EMAIL`). OCI mails a confirmation link, valid 3 days; nothing is delivered
   * until someone clicks it, and `terraform apply` succeeds with the subscription still PENDING.
   * https://docs.oracle.com/iaas/Content/Notification/Tasks/confirm-subscription.htm, terraform-provider-oci
   * `website/docs/r/ons_subscription.html.markdown`. The child's id derives from the address, so the order of calls
   * does not matter.
   */
  public addEmailSubscription(email: string): OnsSubscription {
    const v = new PropValidator('NotificationTopic.addEmailSubscription');
    checkEmail(v, 'email', email);
    v.throwIfInvalid(this);
    const id = `Email${createHash('sha256').update(email.toLowerCase()).digest('hex').slice(0, 8)}`;
    return new OnsSubscription(this, id, {
      compartmentId: this.compartmentId,
      topicId: this.topicId,
      protocol: 'EMAIL',
      endpoint: email,
    });
  }
}
