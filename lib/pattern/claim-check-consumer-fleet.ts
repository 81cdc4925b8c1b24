import { Construct } from 'constructs';
import { Annotations, Fn, Token } from 'cdktf';
import { handlerEntry } from '../bundling/handler-entry';
import { CONSUMER_CONFIG_KEYS as K, gracefulShutdownSeconds } from '../contract/consumer-config';
import { ContainerInstancesContainerInstance } from '../generated/providers/oci/container-instances-container-instance';
import { DataOciIdentityAvailabilityDomains } from '../generated/providers/oci/data-oci-identity-availability-domains';
import { BundledContainerImage, ContainerImage, CONTAINER_USER } from '../oci/container-image-code';
import { DynamicGroup } from '../oci/dynamic-group';
import { Grant } from '../oci/grant';
import { Policy } from '../oci/policy';
import { equals, policyStatement } from '../oci/policy-statement';
import { IGrantable } from '../oci/principal';
import { physicalName } from '../oci/private/naming';
import { regionVariable, tenancyOcidVariable } from '../oci/stack-inputs';
import { applyTagProps } from '../oci/tags';
import { ClaimCheckConsumerFleetProps } from './claim-check-consumer-fleet-props';
import { validateFleetProps } from './claim-check-consumer-fleet-validation';
import { consumerConfig } from './consumer-wiring';
import { outputNamePrefix, stableOutput } from './output-names';
import { pauseSourceMappedStacks } from '../oci/private/source-mapped-stacks';

export * from './claim-check-consumer-fleet-props';

/** Container Instances' resource type, in matching rules: D-CIV, https://docs.oracle.com/iaas/Content/container-instances/vault-secrets-image-authorization.htm */
export const CONTAINER_INSTANCE_RESOURCE_TYPE = 'computecontainerinstance';

/** Defaults of the fleet's props (`@default` in the props file). */
export const FLEET_DEFAULTS = {
  replicas: 1,
  shape: 'CI.Standard.E4.Flex',
  ocpus: 1,
  memoryInGbs: 4,
  stopGraceMs: 10_000,
  restartPolicy: 'ALWAYS',
  healthCheck: { port: 8080, path: '/healthz', intervalInSeconds: 30, timeoutInSeconds: 10, failureThreshold: 3, initialDelayInSeconds: 30 },
} as const;

/**
 * A dynamic group rule matching exactly these resources, by OCID (`resource.id` works "for all supported resource
 * types", and a rule with several conditions is `any {...}`:
 * https://docs.oracle.com/iaas/Content/Identity/dynamicgroups/Writing_Matching_Rules_to_Define_Dynamic_Groups.htm).
 */
export function matchingRuleForResources(resourceIds: readonly string[]): string {
  return `ANY {${resourceIds.map((id) => equals('resource.id', id)).join(', ')}}`;
}

/**
 * A claim-check consumer group on OCI Container Instances: N replicas of one container that runs your handler with
 * the consumer library, each its own container instance.
 *
 *   handler.ts --esbuild + generated entry--> image (OCIR, content-hash tag)
 *     --> container instance × replicas (resource principal) --pull/commit--> stream; GetObject --> bucket
 *
 * - The image is built the way the publisher's is (lib/oci/container-image.ts) from `handlerEntry` plus a generated
 *   entry (lib/bundling/handler-entry.ts → lib/consumer/entries/fleet-entry.ts) that reads the configuration wired
 *   here, runs `ClaimCheckConsumer` with resource-principal auth until SIGTERM, stops within its grace period and
 *   exits; it serves the HTTP health check.
 * - Identity: a dynamic group matching exactly these container instances by OCID, granted `pipeline.grantConsume`.
 *   It can only be created after the instances (it names them), so each replica retries a consumer that cannot
 *   start yet for up to 10 minutes while IAM catches up.
 * - Image pull: Container Instances pull from a private OCIR repository with their resource principal (D-CIV). The
 *   pull has to work before the instances exist, so a second dynamic group, every container instance of the
 *   compartment, may `read repos` of this one repository (`target.repo.name`:
 *   https://docs.oracle.com/iaas/Content/Identity/policyreference/registrypolicyreference.htm), and nothing else.
 * - Shutdown: `graceful_shutdown_timeout_in_seconds` = `stopGraceMs` + the consumer's final commit (5 s) + 2 s.
 * - Logs: the entry and the consumer write JSON lines to stdout/stderr, which Container Instances keep for the
 *   console's "View logs" and `oci container-instances container retrieve-logs` (the most recent 256 KB, D-CIL:
 *   https://docs.oracle.com/en-us/iaas/Content/container-instances/retrieve-logs.htm); `grantRetrieveLogs` grants it.
 */
export class ClaimCheckConsumerFleet extends Construct implements IGrantable {
  /** The container instances, one per replica (construct ids `Replica1`, `Replica2`, ...). */
  public readonly instances: ContainerInstancesContainerInstance[];
  /** The fleet's identity: matches exactly its container instances. Grants to the fleet land in its policies. */
  public readonly dynamicGroup: DynamicGroup;
  /** Every container instance of the compartment, allowed to pull the fleet's image (when it is in OCIR). */
  public readonly imagePullDynamicGroup?: DynamicGroup;
  public readonly imagePullPolicy?: Policy;
  /** What `pipeline.grantConsume(fleet)` granted. */
  public readonly consumeGrant: Grant;
  /** The image the replicas run. */
  public readonly image: ContainerImage;
  public readonly consumerGroup: string;
  public readonly compartmentId: string;
  /** The containers' `graceful_shutdown_timeout_in_seconds`. */
  public readonly gracefulShutdownTimeoutInSeconds: number;

  constructor(scope: Construct, id: string, props: ClaimCheckConsumerFleetProps) {
    super(scope, id);
    // cdktf's token traces recorded while building skip source maps (oci/private/source-mapped-stacks.ts says why).
    const restoreSourceMaps = pauseSourceMappedStacks();
    try {
      validateFleetProps(this, props);
      const source = props.pipeline;
      const stateBucket = props.stateBucket ?? source.consumerStateBucket!;
      const tenancyId = props.tenancyId ?? source.tenancyId ?? tenancyOcidVariable(this).stringValue;
      applyTagProps(this, props);
      this.consumerGroup = props.consumerGroup;
      this.compartmentId = props.compartmentId ?? source.bucket.compartmentId;
      const stopGraceMs = props.stopGraceMs ?? FLEET_DEFAULTS.stopGraceMs;
      this.gracefulShutdownTimeoutInSeconds = gracefulShutdownSeconds(stopGraceMs);

      // 1. The image: the handler and the generated entry, bundled, built and pushed to a private OCIR repository.
      const code =
        props.image ??
        new BundledContainerImage({
          region: props.region ?? source.region ?? regionVariable(this).stringValue,
          ...props.imageProps,
          entry: handlerEntry(props.handlerEntry!, 'fleet'),
          compartmentId: this.compartmentId,
        });
      this.image = code.bind(new Construct(this, 'Image'));

      // 2. The pull identity, in place before the instances are created.
      if (!this.image.repository) {
        Annotations.of(this).addWarning(
          `No image-pull policy for ${this.image.imageUri}: the image's OCIR repository is unknown. A private OCIR image needs ` +
            '`read repos` for the container instances: pass its repository to ContainerImageCode.fromImageUri, or grant it yourself.',
        );
      } else {
        this.imagePullDynamicGroup = new DynamicGroup(this, 'ImagePullDynamicGroup', {
          tenancyId,
          matchingRule: `ALL {${equals('resource.type', CONTAINER_INSTANCE_RESOURCE_TYPE)}, ${equals('resource.compartment.id', this.compartmentId)}}`,
          description: `Container instances of the compartment of ${this.node.path}: image pulls only (managed by cdktf-oci-claim-check)`,
        });
        const { name, compartmentId } = this.image.repository;
        this.imagePullPolicy = this.imagePullDynamicGroup.addToPrincipalPolicy(
          compartmentId,
          policyStatement({
            subject: this.imagePullDynamicGroup.policySubject,
            verb: 'read',
            resourceType: 'repos',
            compartmentId,
            conditions: [equals('target.repo.name', name)],
          }),
        );
      }

      // 3. The replicas, spread over the availability domains, each with the configuration wired from the pipeline.
      const environment = {
        ...props.environment,
        ...consumerConfig(source, stateBucket, props.consumerGroup),
        [K.streamId]: source.stream.streamId,
        [K.messagesEndpoint]: source.stream.messagesEndpoint,
        [K.stopGraceMs]: String(stopGraceMs),
        ...optionalConfig(props),
      };
      const given = props.availabilityDomains;
      const domains = given ? (i: number) => given[i % given.length] : this.allAvailabilityDomains(tenancyId);
      const name = physicalName(this, { maxLength: 200 });
      const replicas = props.replicas ?? FLEET_DEFAULTS.replicas;
      this.instances = Array.from({ length: replicas }, (_, i) => {
        const instanceName = `${name}-${i + 1}`;
        return new ContainerInstancesContainerInstance(this, `Replica${i + 1}`, {
          compartmentId: this.compartmentId,
          availabilityDomain: domains(i),
          displayName: instanceName,
          shape: props.shape ?? FLEET_DEFAULTS.shape,
          shapeConfig: { ocpus: props.ocpus ?? FLEET_DEFAULTS.ocpus, memoryInGbs: props.memoryInGbs ?? FLEET_DEFAULTS.memoryInGbs },
          vnics: [{ subnetId: props.subnetId, isPublicIpAssigned: props.assignPublicIp ?? false, nsgIds: props.nsgIds }],
          containerRestartPolicy: props.restartPolicy ?? FLEET_DEFAULTS.restartPolicy,
          // A string in the provider's schema (TFP svc/container_instances, ex/container_instances/main.tf).
          gracefulShutdownTimeoutInSeconds: String(this.gracefulShutdownTimeoutInSeconds),
          containers: [
            {
              displayName: 'consumer',
              imageUrl: this.image.imageUri,
              // A stable name per replica: a restarted replica takes its partitions back at once (consumer README).
              environmentVariables: { ...environment, [K.instanceName]: instanceName },
              // The resource principal (version 2.2) is what the entry authenticates with.
              isResourcePrincipalDisabled: false,
              healthChecks: healthChecks(props),
              // Not root, and refused if the image would run as root (isNonRootUserCheckEnabled); read-only root fs.
              // https://docs.oracle.com/en-us/iaas/tools/dotnet/latest/api/Oci.ContainerinstancesService.Models.CreateLinuxSecurityContextDetails.html
              securityContext: {
                securityContextType: 'LINUX',
                runAsUser: CONTAINER_USER.uid,
                runAsGroup: CONTAINER_USER.gid,
                isNonRootUserCheckEnabled: true,
                isRootFileSystemReadonly: props.readOnlyRootFileSystem ?? true,
              },
            },
          ],
          dependsOn: this.imagePullPolicy ? [this.imagePullPolicy.resource] : undefined,
        });
      });

      // 4. The fleet's identity: exactly these instances, allowed to consume and nothing else.
      this.dynamicGroup = new DynamicGroup(this, 'DynamicGroup', {
        tenancyId,
        matchingRule: matchingRuleForResources(this.instances.map((instance) => instance.id)),
        description: `Resource principal of the consumer fleet ${this.node.path} (managed by cdktf-oci-claim-check)`,
      });
      this.consumeGrant = source.grantConsume(this);

      stableOutput(this, 'ClaimCheckConsumerFleet', outputNamePrefix(this, props.outputNamePrefix), 'ContainerInstanceIds', {
        value: this.instances.map((instance) => instance.id),
        description: `Container instances of consumer group ${props.consumerGroup} (logs: oci container-instances container retrieve-logs)`,
      });
    } finally {
      restoreSourceMaps();
    }
  }

  public get policySubject(): string {
    return this.dynamicGroup.policySubject;
  }

  public addToPrincipalPolicy(compartmentId: string, ...statements: string[]): Policy {
    return this.dynamicGroup.addToPrincipalPolicy(compartmentId, ...statements);
  }

  /**
   * Lets `grantee` read the replicas' logs (console "View logs", `RetrieveLogs`): `use compute-containers`, which
   * covers COMPUTE_CONTAINER_LOG_RETRIEVE (D-CIP, https://docs.cloud.oracle.com/iaas/Content/container-instances/permissions/policy-reference.htm),
   * in the fleet's compartment (the policy reference lists no variable to narrow it to these containers).
   */
  public grantRetrieveLogs(grantee: IGrantable): Grant {
    return Grant.addToPrincipal({
      grantee,
      compartmentId: this.compartmentId,
      statements: [policyStatement({ subject: grantee.policySubject, verb: 'use', resourceType: 'compute-containers', compartmentId: this.compartmentId })],
    });
  }

  /** Replica i's availability domain: the region's domains in turn (Terraform's `element` wraps around). */
  private allAvailabilityDomains(tenancyId: string): (replica: number) => string {
    const ads = new DataOciIdentityAvailabilityDomains(this, 'AvailabilityDomains', { compartmentId: tenancyId });
    return (i) => Token.asString(Fn.lookup(Fn.element(ads.availabilityDomains, i), 'name'));
  }
}

function optionalConfig(props: ClaimCheckConsumerFleetProps): Record<string, string> {
  const config: Record<string, string> = {};
  const options = props.consumerOptions ?? {};
  if (options.concurrency !== undefined) config[K.concurrency] = String(options.concurrency);
  if (options.maxAttempts !== undefined) config[K.maxAttempts] = String(options.maxAttempts);
  if (options.handlerTimeoutMs !== undefined) config[K.handlerTimeoutMs] = String(options.handlerTimeoutMs);
  if (props.healthCheck !== false) {
    const health = { ...FLEET_DEFAULTS.healthCheck, ...props.healthCheck };
    config[K.healthPort] = String(health.port);
    config[K.healthPath] = health.path;
  }
  return config;
}

/**
 * An HTTP check of the entry's health endpoint. `failure_action` KILL is the default: "the container will be
 * subject to the container restart policy" (provider docs, `health_checks`).
 */
function healthChecks(props: ClaimCheckConsumerFleetProps) {
  if (props.healthCheck === false) return undefined;
  const health = { ...FLEET_DEFAULTS.healthCheck, ...props.healthCheck };
  return [
    {
      name: 'consumer-health',
      healthCheckType: 'HTTP',
      port: health.port,
      path: health.path,
      intervalInSeconds: health.intervalInSeconds,
      timeoutInSeconds: health.timeoutInSeconds,
      failureThreshold: health.failureThreshold,
      initialDelayInSeconds: health.initialDelayInSeconds,
      failureAction: 'KILL',
    },
  ];
}
