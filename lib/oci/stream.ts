import { Construct, IConstruct } from 'constructs';
import { StreamingStream } from '../generated/providers/oci/streaming-stream';
import { Grant } from './grant';
import { IGrantable } from './principal';
import { equals, policyStatement } from './policy-statement';
import { MIN_RETENTION_HOURS } from './limits';
import { physicalName } from './private/naming';
import { checkStreamAttributes, checkStreamProps } from './private/prop-checks';
import { pathOf, PropValidator } from './private/validation';
import { IStreamPool } from './stream-pool';
import { applyTagProps, OciTagProps } from './tags';

/** A stream, created here or elsewhere. */
export interface IStream extends IConstruct {
  readonly streamId: string;
  readonly compartmentId: string;
  /** The endpoint for the Streaming data-plane API (PutMessages, GetMessages...) of this stream. */
  readonly messagesEndpoint: string;
  /** Publish messages to this stream. */
  grantPush(grantee: IGrantable): Grant;
  /** Read messages from this stream (cursors, group cursors, commits). */
  grantPull(grantee: IGrantable): Grant;
}

/** An existing stream, for `Stream.fromStreamAttributes`. */
export interface StreamAttributes {
  /** OCID of the stream. */
  readonly streamId: string;
  /** OCID of the compartment holding the stream (grants are scoped to it). */
  readonly compartmentId: string;
  /** The stream's messages endpoint, e.g. `https://cell-1.streaming.us-ashburn-1.oci.oraclecloud.com`. */
  readonly messagesEndpoint: string;
}

/** Props of `Stream`: an `oci_streaming_stream` in a stream pool. */
export interface StreamProps extends OciTagProps {
  /** The pool the stream belongs to. */
  readonly streamPool: IStreamPool;
  /**
   * Stream name (the Kafka topic name). Unique in the pool.
   * @default - derived from the construct path
   */
  readonly name?: string;
  /**
   * Number of partitions: the most consumers of one group that can read in parallel. Fixed at creation. They count
   * against the tenancy's partition limit (200 Universal Credits, 50 Pay-as-you-go: `MAX_PARTITIONS`).
   * @default 1 (fits any tenancy's limit)
   */
  readonly partitions?: number;
  /**
   * Hours a message is kept, 24 to 168. Fixed at creation.
   * @default 24
   */
  readonly retentionInHours?: number;
}

abstract class StreamBase extends Construct implements IStream {
  public abstract readonly streamId: string;
  public abstract readonly compartmentId: string;
  public abstract readonly messagesEndpoint: string;

  public grantPush(grantee: IGrantable): Grant {
    return this.grant(grantee, 'stream-push');
  }

  public grantPull(grantee: IGrantable): Grant {
    return this.grant(grantee, 'stream-pull');
  }

  /**
   * Streaming policy reference: `stream-push` / `stream-pull` with `target.stream.id`.
   * https://docs.oracle.com/iaas/Content/Identity/Reference/streamingpolicyreference.htm
   */
  private grant(grantee: IGrantable, resourceType: 'stream-push' | 'stream-pull'): Grant {
    return Grant.addToPrincipal({
      grantee,
      compartmentId: this.compartmentId,
      statements: [
        policyStatement({
          subject: grantee.policySubject,
          verb: 'use',
          resourceType,
          compartmentId: this.compartmentId,
          conditions: [equals('target.stream.id', this.streamId)],
        }),
      ],
    });
  }
}

/** An OCI Streaming stream. */
export class Stream extends StreamBase {
  /** Uses a stream created elsewhere. */
  public static fromStreamAttributes(scope: Construct, id: string, attrs: StreamAttributes): IStream {
    const v = new PropValidator('Stream.fromStreamAttributes');
    checkStreamAttributes(v, attrs);
    v.throwIfInvalid(pathOf(scope, id));
    class Imported extends StreamBase {
      public readonly streamId = attrs.streamId;
      public readonly compartmentId = attrs.compartmentId;
      public readonly messagesEndpoint = attrs.messagesEndpoint;
    }
    return new Imported(scope, id);
  }

  public readonly resource: StreamingStream;
  public readonly streamId: string;
  public readonly compartmentId: string;
  public readonly messagesEndpoint: string;
  public readonly partitions: number;

  constructor(scope: Construct, id: string, props: StreamProps) {
    super(scope, id);
    const v = new PropValidator('Stream');
    checkStreamProps(v, props);
    v.throwIfInvalid(this);
    applyTagProps(this, props);
    this.partitions = props.partitions ?? 1;
    const retention = props.retentionInHours ?? MIN_RETENTION_HOURS;

    this.compartmentId = props.streamPool.compartmentId;
    this.resource = new StreamingStream(this, 'Resource', {
      name: props.name ?? physicalName(this, { maxLength: 255 }),
      partitions: this.partitions,
      retentionInHours: retention,
      streamPoolId: props.streamPool.streamPoolId,
    });
    this.streamId = this.resource.id;
    this.messagesEndpoint = this.resource.messagesEndpoint;
  }
}
