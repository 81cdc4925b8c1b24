import { IConstruct } from 'constructs';
import { CONSUMER_CONFIG_KEYS, gracefulShutdownSeconds } from '../contract/consumer-config';
import { checkTagProps } from '../oci/private/tag-checks';
import { PropValidator } from '../oci/private/validation';
import { CONTAINER_RESTART_POLICIES, ClaimCheckConsumerFleetProps } from './claim-check-consumer-fleet-props';
import { checkCommonConsumerProps, checkHandlerEntry, checkImage, environmentBytes } from './consumer-wiring';
import { checkOutputNamePrefix } from './output-names';

/**
 * Container environment variables, names and values together: at most 64 KB
 * (https://registry.terraform.io/providers/oracle/oci/latest/docs/resources/container_instances_container_instance,
 * `environment_variables`).
 */
const MAX_ENVIRONMENT_BYTES = 64 * 1024;
/**
 * Upper bound of a container instance's grace period. OCI's own limit is not in what we could read; the
 * Private Cloud Appliance copy of the same API bounds DeleteContainerInstance's `gracePeriodInSeconds` at 3600
 * (https://docs.oracle.com/cd/F90410_01/3.0-latest/ceapi/op-20210415-containerinstances-container_instance_id-delete.html).
 */
const MAX_GRACEFUL_SHUTDOWN_SECONDS = 3600;

/** Checks every prop up front and throws one error naming the fleet and each problem. */
export function validateFleetProps(scope: IConstruct, props: ClaimCheckConsumerFleetProps): void {
  const v = new PropValidator('ClaimCheckConsumerFleet');
  checkTagProps(v, props);
  checkOutputNamePrefix(v, props.outputNamePrefix);
  checkCommonConsumerProps(v, props, 'consumerGroup', props.consumerGroup);
  if (props.handlerEntry === undefined && props.image === undefined) v.fail('handlerEntry', 'is required (or give an existing image with `image`)');
  if (props.handlerEntry !== undefined && props.image !== undefined) v.fail('handlerEntry + image', 'give one or the other, not both: the image is built from handlerEntry');
  if (props.imageProps !== undefined && props.image !== undefined) v.fail('imageProps + image', 'give one or the other, not both: image props cannot be applied to an image built elsewhere');
  checkHandlerEntry(v, props.handlerEntry);
  checkImage(v, props.image);
  if (props.imageProps?.registryAuthToken !== undefined && !props.imageProps.registryAuthToken.includes('${')) {
    v.fail('imageProps.registryAuthToken', 'must come from a Terraform variable or secret reference, not a literal (it would be written to cdk.tf.json)');
  }

  v.ocid('subnetId', props.subnetId, 'subnet');
  if (props.compartmentId !== undefined) v.ocid('compartmentId', props.compartmentId, 'compartment', 'tenancy');
  if (props.tenancyId !== undefined) v.ocid('tenancyId', props.tenancyId, 'tenancy');
  (props.nsgIds ?? []).forEach((nsg, i) => v.ocid(`nsgIds[${i}]`, nsg, 'networksecuritygroup'));
  if (props.region !== undefined) v.check(/^[a-z]{2,}-[a-z]+-\d+$/.test(props.region), 'region', props.region, 'must be a region identifier such as us-ashburn-1');

  if (props.replicas !== undefined) v.intInRange('replicas', props.replicas, 1, 100);
  if (props.availabilityDomains !== undefined) {
    v.check(props.availabilityDomains.length > 0, 'availabilityDomains', props.availabilityDomains, 'must list at least one availability domain (or leave it out: every domain of the region)');
    props.availabilityDomains.forEach((ad, i) => v.notEmpty(`availabilityDomains[${i}]`, ad));
  }
  if (props.shape !== undefined) v.check(/^CI\.[A-Za-z0-9.]+$/.test(props.shape), 'shape', props.shape, 'must be a container instance shape such as CI.Standard.E4.Flex');
  if (props.ocpus !== undefined) v.check(props.ocpus > 0 && Number.isFinite(props.ocpus), 'ocpus', props.ocpus, 'must be a positive number');
  if (props.memoryInGbs !== undefined) v.check(props.memoryInGbs > 0 && Number.isFinite(props.memoryInGbs), 'memoryInGbs', props.memoryInGbs, 'must be a positive number');
  if (props.restartPolicy !== undefined) v.oneOf('restartPolicy', props.restartPolicy, CONTAINER_RESTART_POLICIES);

  if (props.stopGraceMs !== undefined) {
    v.intInRange('stopGraceMs', props.stopGraceMs, 1, 3_600_000);
    if (Number.isInteger(props.stopGraceMs) && gracefulShutdownSeconds(props.stopGraceMs) > MAX_GRACEFUL_SHUTDOWN_SECONDS) {
      v.fail('stopGraceMs', `gives a graceful shutdown timeout of ${gracefulShutdownSeconds(props.stopGraceMs)} s (grace + 5 s commit + 2 s exit), more than ${MAX_GRACEFUL_SHUTDOWN_SECONDS} s`);
    }
  }
  const options = props.consumerOptions ?? {};
  if (options.concurrency !== undefined) v.intInRange('consumerOptions.concurrency', options.concurrency, 1, 1000);
  if (options.maxAttempts !== undefined) v.intInRange('consumerOptions.maxAttempts', options.maxAttempts, 1, 100);
  if (options.handlerTimeoutMs !== undefined) v.intInRange('consumerOptions.handlerTimeoutMs', options.handlerTimeoutMs, 1, 2_147_483_647);

  if (props.healthCheck) {
    const h = props.healthCheck;
    if (h.port !== undefined) v.intInRange('healthCheck.port', h.port, 1024, 65535, '(unprivileged: the container does not run as root)');
    if (h.path !== undefined) v.check(/^\/[\x21-\x7e]*$/.test(h.path), 'healthCheck.path', h.path, 'must start with / and have no spaces');
    for (const key of ['intervalInSeconds', 'timeoutInSeconds', 'failureThreshold', 'initialDelayInSeconds'] as const) {
      if (h[key] !== undefined) v.intInRange(`healthCheck.${key}`, h[key], key === 'initialDelayInSeconds' ? 0 : 1, 3600);
    }
  }

  const environment = props.environment ?? {};
  // The fleet's own variables take a few hundred bytes more; 8 KB leaves ample room for them and the OCIDs.
  const room = MAX_ENVIRONMENT_BYTES - 8 * 1024;
  v.check(environmentBytes(environment) <= room, 'environment', `${Object.keys(environment).length} variables`, `must stay under ${room} bytes of names and values (containers allow 64 KB in all, and the fleet adds ${Object.keys(CONSUMER_CONFIG_KEYS).length} of its own)`);
  v.throwIfInvalid(scope);
}
