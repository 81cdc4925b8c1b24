import { Construct, IConstruct } from 'constructs';
import { ObjectstorageBucket } from '../generated/providers/oci/objectstorage-bucket';
import { Grant } from './grant';
import { IGrantable } from './principal';
import { anyOf, equals, policyStatement } from './policy-statement';
import { physicalName } from './private/naming';
import { checkBucketAttributes, checkBucketProps } from './private/prop-checks';
import { pathOf, PropValidator } from './private/validation';
import { objectStorageNamespace } from './stack-inputs';

/** A bucket, created here or elsewhere. */
export interface IBucket extends IConstruct {
  readonly bucketName: string;
  readonly namespace: string;
  readonly compartmentId: string;
  /** Read (get, head, list) objects in this bucket. */
  grantRead(grantee: IGrantable): Grant;
  /** Create and overwrite objects in this bucket. */
  grantWrite(grantee: IGrantable): Grant;
  /** Delete objects in this bucket. */
  grantDelete(grantee: IGrantable): Grant;
}

export interface BucketAttributes {
  readonly bucketName: string;
  readonly namespace: string;
  /** OCID of the compartment holding the bucket (grants are scoped to it). */
  readonly compartmentId: string;
}

export interface BucketProps {
  /** OCID of the compartment for the bucket. */
  readonly compartmentId: string;
  /**
   * Bucket name, unique in the namespace.
   * @default - derived from the construct path
   */
  readonly bucketName?: string;
  /**
   * Object Storage namespace of the tenancy.
   * @default - read once per stack with the `oci_objectstorage_namespace` data source
   */
  readonly namespace?: string;
  /**
   * Keep previous versions of overwritten and deleted objects.
   * @default false
   */
  readonly versioning?: boolean;
  /**
   * OCID of a customer-managed Vault key to encrypt objects with.
   * @default - Oracle-managed keys
   */
  readonly kmsKeyId?: string;
  /**
   * Emit object events (create, update, delete) to the Events service. The claim-check pattern needs them.
   * @default true
   */
  readonly objectEventsEnabled?: boolean;
  /**
   * Protect the bucket from `terraform destroy` with lifecycle `prevent_destroy`: it holds the only copy of the files.
   * @default true
   */
  readonly preventDestroy?: boolean;
  /** @default - none */
  readonly freeformTags?: Record<string, string>;
}

abstract class BucketBase extends Construct implements IBucket {
  public abstract readonly bucketName: string;
  public abstract readonly namespace: string;
  public abstract readonly compartmentId: string;

  public grantRead(grantee: IGrantable): Grant {
    return this.grant(grantee, 'read', []);
  }

  public grantWrite(grantee: IGrantable): Grant {
    // OBJECT_INSPECT lets multipart uploads and existence checks work; OVERWRITE is needed to update an object.
    return this.grant(grantee, 'manage', [anyOf('request.permission', ['OBJECT_CREATE', 'OBJECT_OVERWRITE', 'OBJECT_INSPECT'])]);
  }

  public grantDelete(grantee: IGrantable): Grant {
    return this.grant(grantee, 'manage', [equals('request.permission', 'OBJECT_DELETE')]);
  }

  /**
   * Object Storage policy reference: resource type `objects`, variable `target.bucket.name`.
   * https://docs.oracle.com/iaas/Content/Identity/Reference/objectstoragepolicyreference.htm
   */
  private grant(grantee: IGrantable, verb: 'read' | 'manage', extra: string[]): Grant {
    return Grant.addToPrincipal({
      grantee,
      compartmentId: this.compartmentId,
      statements: [
        policyStatement({
          subject: grantee.policySubject,
          verb,
          resourceType: 'objects',
          compartmentId: this.compartmentId,
          conditions: [equals('target.bucket.name', this.bucketName), ...extra],
        }),
      ],
    });
  }
}

/** An Object Storage bucket with secure defaults: no public access, object events on, protected from destroy. */
export class Bucket extends BucketBase {
  /** Uses a bucket created elsewhere. */
  public static fromBucketAttributes(scope: Construct, id: string, attrs: BucketAttributes): IBucket {
    const v = new PropValidator('Bucket.fromBucketAttributes');
    checkBucketAttributes(v, attrs);
    v.throwIfInvalid(pathOf(scope, id));
    class Imported extends BucketBase {
      public readonly bucketName = attrs.bucketName;
      public readonly namespace = attrs.namespace;
      public readonly compartmentId = attrs.compartmentId;
    }
    return new Imported(scope, id);
  }

  public readonly resource: ObjectstorageBucket;
  public readonly bucketName: string;
  public readonly namespace: string;
  public readonly compartmentId: string;

  constructor(scope: Construct, id: string, props: BucketProps) {
    super(scope, id);
    const v = new PropValidator('Bucket');
    checkBucketProps(v, props);
    v.throwIfInvalid(this);

    this.compartmentId = props.compartmentId;
    this.namespace = props.namespace ?? objectStorageNamespace(this, props.compartmentId);
    // The literal name (not the resource's `name` token) goes into policy statements and the events rule
    // condition, so they read plainly in the synthesized stack and in the local events emulator.
    this.bucketName = props.bucketName ?? physicalName(this, { maxLength: 256 });
    this.resource = new ObjectstorageBucket(this, 'Resource', {
      compartmentId: props.compartmentId,
      name: this.bucketName,
      namespace: this.namespace,
      accessType: 'NoPublicAccess',
      objectEventsEnabled: props.objectEventsEnabled ?? true,
      versioning: props.versioning ? 'Enabled' : 'Disabled',
      kmsKeyId: props.kmsKeyId,
      storageTier: 'Standard',
      freeformTags: props.freeformTags,
      lifecycle: { preventDestroy: props.preventDestroy ?? true },
    });
  }
}
