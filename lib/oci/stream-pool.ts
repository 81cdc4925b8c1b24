import { Construct, IConstruct } from 'constructs';
import { StreamingStreamPool } from '../generated/providers/oci/streaming-stream-pool';
import { Policy } from './policy';
import { createServiceKeyPolicy } from './private/key-policy';
import { physicalName } from './private/naming';
import { checkStreamPoolAttributes, checkStreamPoolProps } from './private/prop-checks';
import { pathOf, PropValidator } from './private/validation';
import { applyTagProps, OciTagProps } from './tags';

/** A stream pool, created here or elsewhere. */
export interface IStreamPool extends IConstruct {
  readonly streamPoolId: string;
  readonly compartmentId: string;
  /**
   * Kafka bootstrap servers of the pool (host:port), for Kafka-protocol consumers.
   * Undefined for an imported pool unless given.
   */
  readonly kafkaBootstrapServers?: string;
}

/** An existing stream pool, for `StreamPool.fromStreamPoolAttributes`. */
export interface StreamPoolAttributes {
  /** OCID of the stream pool. */
  readonly streamPoolId: string;
  /** OCID of the compartment holding the pool. */
  readonly compartmentId: string;
  /** @default - unknown */
  readonly kafkaBootstrapServers?: string;
}

/** A stream pool's private endpoint: its streams are then reachable only from the subnet's VCN. */
export interface StreamPoolPrivateEndpoint {
  /** OCID of the subnet the private endpoint lives in. */
  readonly subnetId: string;
  /** @default - none */
  readonly nsgIds?: string[];
}

/** Props of `StreamPool`: an `oci_streaming_stream_pool`, Kafka topic auto-creation off. */
export interface StreamPoolProps extends OciTagProps {
  /** OCID of the compartment for the pool. */
  readonly compartmentId: string;
  /**
   * Pool name.
   * @default - derived from the construct path
   */
  readonly name?: string;
  /**
   * OCID of a customer-managed Vault key for the pool's streams. The deploying user needs `use key-delegate` on it
   * (README, "Deploying").
   * @default - Oracle-managed keys
   */
  readonly kmsKeyId?: string;
  /**
   * OCID of the compartment holding `kmsKeyId` (keys usually live in a vault compartment): the key policy is
   * attached there and scoped to it. Only with `kmsKeyId`.
   * @default - the pool's compartment
   */
  readonly kmsKeyCompartmentId?: string;
  /**
   * With `kmsKeyId`: create the policy that lets the Streaming service use the key, scoped to it
   * (`Allow service streaming to use keys in compartment id <key compartment> where target.key.id = '<key>'`), and
   * create the pool after it. Turn it off when your tenancy already grants it.
   * @default true
   */
  readonly createKmsKeyPolicy?: boolean;
  /**
   * Put the pool on a private endpoint in your VCN (its streams are then reachable only from there).
   * @default - public endpoint (still authenticated and authorized by IAM)
   */
  readonly privateEndpoint?: StreamPoolPrivateEndpoint;
  /**
   * Let Kafka clients create topics (streams) by writing to them. Off so that only this stack defines streams.
   * @default false
   */
  readonly kafkaAutoCreateTopics?: boolean;
}

/** A Streaming stream pool (groups streams that share Kafka settings, encryption and endpoint). */
export class StreamPool extends Construct implements IStreamPool {
  /** Uses a pool created elsewhere, by OCID. */
  public static fromStreamPoolAttributes(scope: Construct, id: string, attrs: StreamPoolAttributes): IStreamPool {
    const v = new PropValidator('StreamPool.fromStreamPoolAttributes');
    checkStreamPoolAttributes(v, attrs);
    v.throwIfInvalid(pathOf(scope, id));
    class Imported extends Construct implements IStreamPool {
      public readonly streamPoolId = attrs.streamPoolId;
      public readonly compartmentId = attrs.compartmentId;
      public readonly kafkaBootstrapServers = attrs.kafkaBootstrapServers;
    }
    return new Imported(scope, id);
  }

  public readonly resource: StreamingStreamPool;
  public readonly streamPoolId: string;
  public readonly compartmentId: string;
  public readonly kafkaBootstrapServers: string;
  /** The policy letting Streaming use `kmsKeyId`, when one is created (the pool is created after it). */
  public readonly kmsKeyPolicy?: Policy;

  constructor(scope: Construct, id: string, props: StreamPoolProps) {
    super(scope, id);
    const v = new PropValidator('StreamPool');
    checkStreamPoolProps(v, props);
    v.throwIfInvalid(this);
    applyTagProps(this, props);

    this.compartmentId = props.compartmentId;
    if (props.kmsKeyId !== undefined && (props.createKmsKeyPolicy ?? true)) {
      // Streaming docs, "Policies for Encryption Keys": "allow service streaming to use keys in compartment ABC
      // where target.key.id = '<key_OCID>'", plus a companion `use key-delegate` for the user group that creates
      // the pool (the deployer's, README "Deploying"):
      // https://docs.oracle.com/iaas/Content/Streaming/Tasks/managingstreams.htm and
      // https://docs.oracle.com/iaas/Content/Streaming/Tasks/update-the-encryption-key-assigned-to-a-stream-pool.htm
      this.kmsKeyPolicy = createServiceKeyPolicy(this, 'KmsKeyPolicy', {
        service: 'streaming',
        keyId: props.kmsKeyId,
        keyCompartmentId: props.kmsKeyCompartmentId ?? props.compartmentId,
        purpose: `stream pool ${this.node.path}`,
      });
    }
    this.resource = new StreamingStreamPool(this, 'Resource', {
      compartmentId: props.compartmentId,
      name: props.name ?? physicalName(this, { maxLength: 255 }),
      kafkaSettings: { autoCreateTopicsEnable: props.kafkaAutoCreateTopics ?? false },
      customEncryptionKey: props.kmsKeyId ? { kmsKeyId: props.kmsKeyId } : undefined,
      privateEndpointSettings: props.privateEndpoint
        ? { subnetId: props.privateEndpoint.subnetId, nsgIds: props.privateEndpoint.nsgIds }
        : undefined,
      // The first apply creates the policy before the pool that needs it.
      dependsOn: this.kmsKeyPolicy ? [this.kmsKeyPolicy.resource] : undefined,
    });
    this.streamPoolId = this.resource.id;
    this.kafkaBootstrapServers = this.resource.kafkaSettings.bootstrapServers;
  }
}
