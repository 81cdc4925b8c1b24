import { Construct, IConstruct } from 'constructs';
import { ObjectstorageBucket } from '../generated/providers/oci/objectstorage-bucket';
import { Grant } from './grant';
import { Policy } from './policy';
import { IGrantable } from './principal';
import { anyOf, equals, policyStatement } from './policy-statement';
import { createServiceKeyPolicy } from './private/key-policy';
import { physicalName } from './private/naming';
import { checkBucketAttributes, checkBucketProps } from './private/prop-checks';
import { pathOf, PropValidator } from './private/validation';
import { objectStorageNamespace, regionVariable } from './stack-inputs';
import { applyTagProps, OciTagProps } from './tags';

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

/** An existing bucket, for `Bucket.fromBucketAttributes`. */
export interface BucketAttributes {
  /** Name of the bucket. */
  readonly bucketName: string;
  /** The tenancy's Object Storage namespace the bucket lives in. */
  readonly namespace: string;
  /** OCID of the compartment holding the bucket (grants are scoped to it). */
  readonly compartmentId: string;
}

/** Props of `Bucket`: an `oci_objectstorage_bucket`, private, with object events on by default. */
export interface BucketProps extends OciTagProps {
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
   * OCID of a customer-managed Vault key to encrypt objects with. The deploying user needs `use key-delegate` on
   * it (README, "Deploying").
   * @default - Oracle-managed keys
   */
  readonly kmsKeyId?: string;
  /**
   * OCID of the compartment holding `kmsKeyId` (keys usually live in a vault compartment): the key policy is
   * attached there and scoped to it. Only with `kmsKeyId`.
   * @default - the bucket's compartment
   */
  readonly kmsKeyCompartmentId?: string;
  /**
   * With `kmsKeyId`: create the policy that lets Object Storage in this region use the key, scoped to it
   * (`Allow service objectstorage-<region> to use keys in compartment id <key compartment> where target.key.id =
   * '<key>'`), and create the bucket after it. Turn it off when your tenancy already grants it.
   * @default true
   */
  readonly createKmsKeyPolicy?: boolean;
  /**
   * Region identifier of the bucket, e.g. `us-ashburn-1`: the key policy names Object Storage's regional service
   * principal, `objectstorage-<region>`. Only used with `kmsKeyId`.
   * @default - the stack's `region` Terraform variable
   */
  readonly region?: string;
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
  /** The policy letting Object Storage use `kmsKeyId`, when one is created (the bucket is created after it). */
  public readonly kmsKeyPolicy?: Policy;

  constructor(scope: Construct, id: string, props: BucketProps) {
    super(scope, id);
    const v = new PropValidator('Bucket');
    checkBucketProps(v, props);
    v.throwIfInvalid(this);
    applyTagProps(this, props);

    this.compartmentId = props.compartmentId;
    this.namespace = props.namespace ?? objectStorageNamespace(this, props.compartmentId);
    // The literal name (not the resource's `name` token) goes into policy statements and the events rule
    // condition, so they read plainly in the synthesized stack and in the local events emulator.
    this.bucketName = props.bucketName ?? physicalName(this, { maxLength: 256 });
    if (props.kmsKeyId !== undefined && (props.createKmsKeyPolicy ?? true)) {
      // Object Storage encrypts with a Vault key only when its regional service principal may use the key:
      // https://docs.oracle.com/iaas/Content/Object/Tasks/encryption.htm; the same statement, for every service that
      // encrypts with Vault keys, in Vault's "Using Keys" (Required IAM Policy):
      // https://docs.oracle.com/iaas/Content/KeyManagement/Tasks/usingkeys.htm
      this.kmsKeyPolicy = createServiceKeyPolicy(this, 'KmsKeyPolicy', {
        service: `objectstorage-${props.region ?? regionVariable(this).stringValue}`,
        keyId: props.kmsKeyId,
        keyCompartmentId: props.kmsKeyCompartmentId ?? props.compartmentId,
        purpose: `bucket ${this.bucketName}`,
      });
    }
    this.resource = new ObjectstorageBucket(this, 'Resource', {
      compartmentId: props.compartmentId,
      name: this.bucketName,
      namespace: this.namespace,
      accessType: 'NoPublicAccess',
      objectEventsEnabled: props.objectEventsEnabled ?? true,
      versioning: props.versioning ? 'Enabled' : 'Disabled',
      kmsKeyId: props.kmsKeyId,
      storageTier: 'Standard',
      lifecycle: { preventDestroy: props.preventDestroy ?? true },
      // The first apply creates the policy before the bucket that needs it.
      dependsOn: this.kmsKeyPolicy ? [this.kmsKeyPolicy.resource] : undefined,
    });
  }
}
