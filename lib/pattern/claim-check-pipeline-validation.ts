import { IConstruct } from 'constructs';
import { OBJECT_ACTIONS, objectFilterProblems } from '../contract';
import {
  checkApplicationProps,
  checkBucketProps,
  checkFunctionProps,
  checkStreamPoolProps,
  checkStreamProps,
} from '../oci/private/prop-checks';
import { checkTagProps } from '../oci/private/tag-checks';
import { PropValidator } from '../oci/private/validation';
import { REALM_DOMAINS, realmOfOcid } from '../oci/realm';
import { checkObservabilityProps } from './claim-check-observability';
import { ClaimCheckPipelineProps } from './claim-check-pipeline-props';
import { checkOutputNamePrefix } from './output-names';
import { checkScheduledReconcileOptions } from './claim-check-scheduled-reconciler-props';

/**
 * Checks every prop up front, the pipeline's own and the overrides it passes to its parts (`bucketProps`,
 * `streamPoolProps`, `streamProps`, `applicationProps`, `functionProps`) with the rules those parts apply, and
 * throws one error naming the pipeline's path and listing every problem.
 */
export function validatePipelineProps(scope: IConstruct, props: ClaimCheckPipelineProps): void {
  const v = new PropValidator('ClaimCheckPipeline');
  v.ocid('compartmentId', props.compartmentId, 'compartment', 'tenancy');
  checkTagProps(v, props);
  checkOutputNamePrefix(v, props.outputNamePrefix);
  v.check(Array.isArray(props.subnetIds) && props.subnetIds.length > 0, 'subnetIds', props.subnetIds, 'must list at least one subnet OCID');
  (props.subnetIds ?? []).forEach((subnetId, i) => v.ocid(`subnetIds[${i}]`, subnetId, 'subnet'));
  if (props.tenancyId !== undefined) v.ocid('tenancyId', props.tenancyId, 'tenancy');
  if (props.region !== undefined) {
    // Region identifiers: https://docs.oracle.com/iaas/Content/General/Concepts/regions.htm
    v.check(/^[a-z]{2,}-[a-z]+-\d+$/.test(props.region), 'region', props.region, 'must be a region identifier such as us-ashburn-1');
  }
  if (props.realmDomain !== undefined) {
    v.check(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(props.realmDomain), 'realmDomain', props.realmDomain, 'must be a domain such as oraclecloud.com');
  } else {
    const realm = realmOfOcid(props.compartmentId ?? '');
    if (realm !== undefined && REALM_DOMAINS[realm] === undefined) {
      v.fail('realmDomain', `must be given: the domain of realm "${realm}" (of compartmentId) is not known (REALM_DOMAINS)`);
    }
  }

  const conflict = (a: keyof ClaimCheckPipelineProps, b: keyof ClaimCheckPipelineProps, why: string) => {
    if (props[a] !== undefined && props[b] !== undefined) v.fail(`${a} + ${b}`, `give one or the other, not both: ${why}`);
  };
  conflict('existingBucket', 'bucketProps', 'bucket props cannot be applied to a bucket created elsewhere');
  conflict('existingStream', 'streamProps', 'stream props cannot be applied to a stream created elsewhere');
  conflict('existingStream', 'streamPoolProps', 'an existing stream already belongs to a pool');
  conflict('existingStreamPool', 'streamPoolProps', 'pool props cannot be applied to a pool created elsewhere');
  conflict('existingApplication', 'applicationProps', 'application props cannot be applied to an application created elsewhere');
  if (props.createConsumerStateBucket === false && props.consumerStateBucketProps !== undefined) {
    v.fail('createConsumerStateBucket + consumerStateBucketProps', 'give one or the other, not both: there is no consumer state bucket to apply the props to');
  }

  if (props.eventTypes !== undefined) v.subsetOf('eventTypes', props.eventTypes, OBJECT_ACTIONS, 'event type');
  if (props.objectFilters !== undefined) for (const p of objectFilterProblems(props.objectFilters)) v.fail(p.path, p.rule);

  // The overrides: absent props are filled in by the pipeline (compartment, subnets), so they are partial.
  const partial = { partial: true };
  if (props.bucketProps) checkBucketProps(v.nested('bucketProps', partial), props.bucketProps);
  if (props.consumerStateBucketProps) checkBucketProps(v.nested('consumerStateBucketProps', partial), props.consumerStateBucketProps);
  if (props.streamPoolProps) checkStreamPoolProps(v.nested('streamPoolProps', partial), props.streamPoolProps);
  if (props.streamProps) checkStreamProps(v.nested('streamProps', partial), props.streamProps);
  if (props.applicationProps) checkApplicationProps(v.nested('applicationProps', partial), props.applicationProps);
  if (props.functionProps) checkFunctionProps(v.nested('functionProps', partial), props.functionProps);
  if (props.observability) checkObservabilityProps(v.nested('observability'), props.observability);
  if (props.reconcile) {
    checkScheduledReconcileOptions(v.nested('reconcile'), props.reconcile === true ? {} : props.reconcile, {
      hasConsumerStateBucket: props.createConsumerStateBucket ?? true,
      streamRetentionHours: props.streamProps?.retentionInHours,
    });
  }
  v.throwIfInvalid(scope);
}
