import { IConstruct } from 'constructs';
import { checkFunctionProps } from '../oci/private/prop-checks';
import { checkTagProps } from '../oci/private/tag-checks';
import { PropValidator } from '../oci/private/validation';
import { CONNECTOR_CURSORS, ClaimCheckServerlessConsumerProps } from './claim-check-serverless-consumer-props';
import { checkCommonConsumerProps, checkHandlerEntry } from './consumer-wiring';

/** Checks every prop up front and throws one error naming the construct and each problem. */
export function validateServerlessProps(scope: IConstruct, props: ClaimCheckServerlessConsumerProps): void {
  const v = new PropValidator('ClaimCheckServerlessConsumer');
  checkTagProps(v, props);
  checkCommonConsumerProps(v, props, 'consumerName', props.consumerName);
  v.notEmpty('handlerEntry', props.handlerEntry);
  checkHandlerEntry(v, props.handlerEntry);
  if (props.pipeline && !props.application && !props.pipeline.application) {
    v.fail('application', 'is required: the pipeline has no Functions application to join (ClaimCheckSource.fromAttributes without `application`)');
  }
  // The function's own rules (memory sizes, timeout 1..300), on the overrides given.
  if (props.functionProps) checkFunctionProps(v.nested('functionProps', { partial: true }), props.functionProps);
  if (props.batchSizeInNum !== undefined && props.batchSizeInKbs !== undefined) {
    v.fail('batchSizeInNum + batchSizeInKbs', 'give one or the other, not both: a Functions target takes one batch size (provider docs, oci_sch_service_connector `target`)');
  }
  // Connector Hub's limits on these are not in what we read; an invocation carries at most 6 MB (D-SCHC).
  if (props.batchSizeInNum !== undefined) v.intInRange('batchSizeInNum', props.batchSizeInNum, 1, 10_000, '(GetMessages returns at most 10000)');
  if (props.batchSizeInKbs !== undefined) v.intInRange('batchSizeInKbs', props.batchSizeInKbs, 1, 6_144, '(an invocation carries at most 6 MB)');
  if (props.batchTimeInSec !== undefined) v.check(Number.isSafeInteger(props.batchTimeInSec) && props.batchTimeInSec >= 1, 'batchTimeInSec', props.batchTimeInSec, 'must be a whole number of seconds, at least 1');
  if (props.cursor !== undefined) v.oneOf('cursor', props.cursor, CONNECTOR_CURSORS);
  if (props.maxAttempts !== undefined) v.intInRange('maxAttempts', props.maxAttempts, 1, 100);
  if (props.concurrency !== undefined) v.intInRange('concurrency', props.concurrency, 1, 1000);
  if (props.compartmentId !== undefined) v.ocid('compartmentId', props.compartmentId, 'compartment', 'tenancy');
  if (props.tenancyId !== undefined) v.ocid('tenancyId', props.tenancyId, 'tenancy');
  if (props.imageProps?.registryAuthToken !== undefined && !props.imageProps.registryAuthToken.includes('${')) {
    v.fail('imageProps.registryAuthToken', 'must come from a Terraform variable or secret reference, not a literal (it would be written to cdk.tf.json)');
  }
  v.throwIfInvalid(scope);
}
