import { Construct } from 'constructs';
import { Bucket, BucketAttributes, IBucket } from '../oci/bucket';
import { FunctionsApplication, FunctionsApplicationAttributes, IFunctionsApplication } from '../oci/functions-application';
import { Grant } from '../oci/grant';
import { IGrantable } from '../oci/principal';
import { IStream, Stream, StreamAttributes } from '../oci/stream';

/**
 * Where a consumer's claims come from: the claim-check stream, the bucket the claims point at, and the consumer
 * state bucket for dead letters and dedupe records. A `ClaimCheckPipeline` is one; `ClaimCheckSource.fromAttributes`
 * makes one from a pipeline deployed elsewhere.
 */
export interface IClaimCheckSource {
  readonly stream: IStream;
  readonly bucket: IBucket;
  /** @default - none: the consumer then needs its own `stateBucket` */
  readonly consumerStateBucket?: IBucket;
  /**
   * Every bucket whose files become claims, `bucket` first (a pipeline's further sources: `addSource`).
   * @default - `[bucket]`
   */
  readonly sourceBuckets?: IBucket[];
  /** The pipeline's Functions application (a serverless consumer's function can join it). @default - none */
  readonly application?: IFunctionsApplication;
  /** OCID of the tenancy the pipeline's dynamic groups are in (consumers put theirs there too). @default - unknown */
  readonly tenancyId?: string;
  /** The pipeline's region identifier (consumers push their images to its registry). @default - unknown */
  readonly region?: string;
  /** Read the bucket's objects, pull from the stream, read and write the consumer state bucket. */
  grantConsume(grantee: IGrantable): Grant;
}

/** A pipeline deployed elsewhere (another stack), from its outputs, for `ClaimCheckSource.fromAttributes`. */
export interface ClaimCheckSourceAttributes {
  /** The claim-check stream (its `messagesEndpoint` is the pipeline's `StreamMessagesEndpoint` output). */
  readonly stream: StreamAttributes;
  /** The bucket the files land in (the pipeline's `BucketName` / `BucketNamespace` outputs). */
  readonly bucket: BucketAttributes;
  /**
   * The consumer state bucket (the pipeline's `ConsumerStateBucketName` output).
   * @default - none
   */
  readonly consumerStateBucket?: BucketAttributes;
  /**
   * The pipeline's Functions application, for a serverless consumer's function.
   * @default - none
   */
  readonly application?: FunctionsApplicationAttributes;
}

/** A claim source defined by attributes, for consumers deployed apart from their pipeline. */
export class ClaimCheckSource extends Construct implements IClaimCheckSource {
  public static fromAttributes(scope: Construct, id: string, attrs: ClaimCheckSourceAttributes): IClaimCheckSource {
    return new ClaimCheckSource(scope, id, attrs);
  }

  public readonly stream: IStream;
  public readonly bucket: IBucket;
  public readonly consumerStateBucket?: IBucket;
  public readonly application?: IFunctionsApplication;

  private constructor(scope: Construct, id: string, attrs: ClaimCheckSourceAttributes) {
    super(scope, id);
    this.stream = Stream.fromStreamAttributes(this, 'Stream', attrs.stream);
    this.bucket = Bucket.fromBucketAttributes(this, 'Bucket', attrs.bucket);
    this.consumerStateBucket = attrs.consumerStateBucket ? Bucket.fromBucketAttributes(this, 'ConsumerStateBucket', attrs.consumerStateBucket) : undefined;
    this.application = attrs.application ? FunctionsApplication.fromApplicationAttributes(this, 'Application', attrs.application) : undefined;
  }

  /** What `ClaimCheckPipeline.grantConsume` grants, for the imported resources. */
  public grantConsume(grantee: IGrantable): Grant {
    const grants = [this.bucket.grantRead(grantee), this.stream.grantPull(grantee)];
    if (this.consumerStateBucket) grants.push(this.consumerStateBucket.grantRead(grantee), this.consumerStateBucket.grantWrite(grantee));
    return Grant.combine(...grants);
  }
}
