import type { IBucket } from '../oci/bucket';
import type { OciTagProps } from '../oci/tags';
import type { BundledContainerImageProps, ContainerImageCode } from '../oci/container-image-code';
import type { IClaimCheckSource } from './claim-check-source';

/** What Container Instances does with a container that exited (`container_restart_policy`). */
export type ContainerRestartPolicy = 'ALWAYS' | 'ON_FAILURE' | 'NEVER';
export const CONTAINER_RESTART_POLICIES: readonly ContainerRestartPolicy[] = ['ALWAYS', 'ON_FAILURE', 'NEVER'];

/** The consumer library's options the fleet passes to every replica (lib/consumer/README.md, "Options"). */
export interface FleetConsumerOptions {
  /**
   * Claims in flight per replica (and so open object bodies).
   * @default 4 (the consumer's default)
   */
  readonly concurrency?: number;
  /**
   * Attempts per claim before it is dead-lettered.
   * @default 5 (the consumer's default)
   */
  readonly maxAttempts?: number;
  /**
   * Longest one handler attempt may take, in milliseconds.
   * @default 300000 (the consumer's default)
   */
  readonly handlerTimeoutMs?: number;
}

/** The replicas' HTTP health check (Container Instances `health_checks`, type HTTP). */
export interface FleetHealthCheckProps {
  /**
   * Port the entry's health endpoint listens on (all interfaces).
   * @default 8080
   */
  readonly port?: number;
  /** @default '/healthz' */
  readonly path?: string;
  /** @default 30 */
  readonly intervalInSeconds?: number;
  /** @default 10 */
  readonly timeoutInSeconds?: number;
  /**
   * Consecutive failures before the container is killed (and restarted per `restartPolicy`).
   * @default 3
   */
  readonly failureThreshold?: number;
  /** @default 30 */
  readonly initialDelayInSeconds?: number;
}

/** Overrides for the image built from `handlerEntry` (the rest comes from the source and the fleet). */
export type FleetImageProps = Partial<Omit<BundledContainerImageProps, 'entry' | 'compartmentId'>>;

/**
 * Props of `ClaimCheckConsumerFleet`: a claim handler file run by N replicas on OCI Container Instances, one
 * consumer group, wired to a pipeline's stream and buckets.
 */
export interface ClaimCheckConsumerFleetProps extends OciTagProps {
  /**
   * What the fleet's output name starts with: `<prefix>ContainerInstanceIds`.
   * @default - the fleet's construct path below the stack, `_`-joined, then `_` (`Consumers_ContainerInstanceIds`)
   */
  readonly outputNamePrefix?: string;
  /** Where the claims come from: a `ClaimCheckPipeline`, or `ClaimCheckSource.fromAttributes(...)`. */
  readonly pipeline: IClaimCheckSource;
  /**
   * The consumer group the replicas join (1 to 255 characters: letters, digits, `.`, `_`, `-`). Groups each get every
   * claim; replicas of one group share the partitions.
   */
  readonly consumerGroup: string;
  /**
   * The handler file (TypeScript or JavaScript) exporting one function with the consumer's handler signature,
   * `(claim, object, context) => Promise<void>` (named `handler`, or the default or only export). It is bundled with
   * a generated entry around it into the image. Not allowed with `image`.
   * @default - none: `image` is required
   */
  readonly handlerEntry?: string;
  /**
   * An image that already runs the consumer entry (built elsewhere, e.g. by your CI from the same generated entry).
   * Not allowed with `handlerEntry` or `imageProps`.
   * @default - built from `handlerEntry`
   */
  readonly image?: ContainerImageCode;
  /**
   * Overrides for the image built from `handlerEntry` (registry, base image, platform). Not allowed with `image`.
   * @default - a private OCIR repository in the fleet's compartment, `fnproject/node:22`, linux/amd64
   */
  readonly imageProps?: FleetImageProps;
  /** OCID of the subnet the replicas' VNICs are in. It needs a route to the Streaming and Object Storage endpoints. */
  readonly subnetId: string;
  /**
   * OCID of the compartment for the container instances and the image repository.
   * @default - the pipeline bucket's compartment
   */
  readonly compartmentId?: string;
  /**
   * Container instances, one consumer each. More replicas than the stream has partitions leaves the extra ones idle.
   * @default 1
   */
  readonly replicas?: number;
  /**
   * Availability domains the replicas are spread over, round robin (e.g. `Uocm:PHX-AD-1`).
   * @default - every availability domain of the region (the `oci_identity_availability_domains` data source)
   */
  readonly availabilityDomains?: string[];
  /**
   * Container instance shape (a flexible shape).
   * @default 'CI.Standard.E4.Flex'
   */
  readonly shape?: string;
  /** @default 1 */
  readonly ocpus?: number;
  /** @default 4 */
  readonly memoryInGbs?: number;
  /**
   * How long claims in flight may still run after SIGTERM (the consumer's `stopGraceMs`), in milliseconds. The
   * container's graceful shutdown timeout is this plus the consumer's final commit (5 s) plus 2 s to exit, so the
   * replica is never killed while it commits.
   * @default 10000 (the consumer's default)
   */
  readonly stopGraceMs?: number;
  /** @default - the consumer's defaults */
  readonly consumerOptions?: FleetConsumerOptions;
  /**
   * What Container Instances does when the consumer process exits.
   * @default 'ALWAYS' (the API's default)
   */
  readonly restartPolicy?: ContainerRestartPolicy;
  /**
   * The HTTP health check; `false` for none.
   * @default - port 8080, `/healthz`, every 30 s, killed after 3 failures
   */
  readonly healthCheck?: FleetHealthCheckProps | false;
  /**
   * The consumer state bucket (dead letters, dedupe checkpoints) when the pipeline has none.
   * @default - the pipeline's `consumerStateBucket`
   */
  readonly stateBucket?: IBucket;
  /**
   * Extra environment variables for the handler (plain values: never secrets, they are written to cdk.tf.json).
   * Names starting with `CLAIMCHECK_CONSUMER_` or `OCI_RESOURCE_PRINCIPAL_` are the fleet's own.
   * @default - none
   */
  readonly environment?: Record<string, string>;
  /**
   * OCIDs of network security groups for the replicas' VNICs.
   * @default - none
   */
  readonly nsgIds?: string[];
  /**
   * Give the replicas public IP addresses (only in a public subnet; a private subnet with a NAT or service gateway is
   * the secure setup).
   * @default false
   */
  readonly assignPublicIp?: boolean;
  /**
   * A read-only root file system for the consumer container (the entry writes nothing; a handler that needs scratch
   * space must turn this off).
   * @default true
   */
  readonly readOnlyRootFileSystem?: boolean;
  /**
   * OCID of the tenancy, where the fleet's dynamic groups are created.
   * @default - the pipeline's `tenancyId`, else the stack's `tenancy_ocid` variable
   */
  readonly tenancyId?: string;
  /**
   * Region identifier, for the image registry.
   * @default - the pipeline's `region`, else the stack's `region` variable
   */
  readonly region?: string;
}
