import { isOcid, ocidRule } from '../oci/private/ocid';
import { PropValidator } from '../oci/private/validation';
import { OBJECT_EVENT_TYPES } from '../oci/events-rule';
import { ClaimCheckPipelineProps } from './claim-check-pipeline-props';

/**
 * Checks the pipeline's own props up front (every problem at once). Sub-resource props are validated
 * again by the constructs that use them, with the same messages.
 */
export function validatePipelineProps(props: ClaimCheckPipelineProps): void {
  const v = new PropValidator('ClaimCheckPipeline');
  v.check(isOcid(props.compartmentId, 'compartment', 'tenancy'), 'compartmentId', props.compartmentId, ocidRule('compartment', 'tenancy'));
  v.check(Array.isArray(props.subnetIds) && props.subnetIds.length > 0, 'subnetIds', props.subnetIds, 'must list at least one subnet OCID');
  (props.subnetIds ?? []).forEach((subnetId, i) => v.check(isOcid(subnetId, 'subnet'), `subnetIds[${i}]`, subnetId, ocidRule('subnet')));
  if (props.tenancyId !== undefined) v.check(isOcid(props.tenancyId, 'tenancy'), 'tenancyId', props.tenancyId, ocidRule('tenancy'));
  if (props.region !== undefined) {
    // Region identifiers: https://docs.oracle.com/iaas/Content/General/Concepts/regions.htm
    v.check(/^[a-z]{2,}-[a-z]+-\d+$/.test(props.region), 'region', props.region, 'must be a region identifier such as us-ashburn-1');
  }

  const conflict = (a: keyof ClaimCheckPipelineProps, b: keyof ClaimCheckPipelineProps, why: string) => {
    if (props[a] !== undefined && props[b] !== undefined) v.fail(`${a} + ${b}`, `give one or the other, not both: ${why}`);
  };
  conflict('existingBucket', 'bucketProps', 'bucket props cannot be applied to a bucket created elsewhere');
  conflict('existingStream', 'streamProps', 'stream props cannot be applied to a stream created elsewhere');
  conflict('existingStream', 'streamPoolProps', 'an existing stream already belongs to a pool');
  conflict('existingStreamPool', 'streamPoolProps', 'pool props cannot be applied to a pool created elsewhere');
  conflict('existingApplication', 'applicationProps', 'application props cannot be applied to an application created elsewhere');

  if (props.eventTypes !== undefined) {
    v.check(props.eventTypes.length > 0, 'eventTypes', props.eventTypes, 'must list at least one event type');
    for (const type of props.eventTypes) {
      v.check(OBJECT_EVENT_TYPES.includes(type), 'eventTypes', type, `must be one of ${OBJECT_EVENT_TYPES.join(', ')}`);
    }
  }
  v.throwIfInvalid();
}
