/**
 * What each L2 construct accepts, written once: the construct checks its props with these, and a pattern checks
 * the overrides it passes down (`bucketProps`, `streamProps`...) with the same functions through a nested
 * validator, so one error lists every problem of every level, with the same wording.
 *
 * Props types are imported as types only: this module depends on the limits, never on the constructs.
 */
import type { BucketAttributes, BucketProps } from '../bucket';
import type { DynamicGroupAttributes, DynamicGroupProps } from '../dynamic-group';
import type { FunctionAttributes, OciFunctionProps } from '../function';
import { configProblems } from '../function-config';
import type { FunctionsApplicationAttributes, FunctionsApplicationProps } from '../functions-application';
import {
  APPLICATION_SHAPES,
  BUCKET_NAME_PATTERN,
  FUNCTION_MEMORY_SIZES_MB,
  MAX_FUNCTION_TIMEOUT_SECONDS,
  MAX_PARTITIONS,
  MAX_RETENTION_HOURS,
  MIN_RETENTION_HOURS,
} from '../limits';
import type { PolicyProps } from '../policy';
import type { StreamAttributes, StreamProps } from '../stream';
import type { StreamPoolAttributes, StreamPoolProps } from '../stream-pool';
import { PropValidator } from './validation';
import { checkTagProps } from './tag-checks';

/** Region identifiers: https://docs.oracle.com/iaas/Content/General/Concepts/regions.htm */
export const REGION_PATTERN = /^[a-z]{2,}-[a-z]+-\d+$/;
export const REGION_RULE = 'must be a region identifier such as us-ashburn-1';
const BUCKET_NAME_RULE = 'must be 1-256 letters, digits, hyphens, underscores or periods';
const STREAM_NAME_PATTERN = /^[A-Za-z0-9._-]{1,255}$/;
const STREAM_NAME_RULE = 'must be 1-255 letters, digits, hyphens, underscores or periods (it is also the Kafka topic name)';

export function checkBucketProps(v: PropValidator, props: Partial<BucketProps>): void {
  checkTagProps(v, props);
  v.ocid('compartmentId', props.compartmentId, 'compartment', 'tenancy');
  if (props.bucketName !== undefined) v.check(BUCKET_NAME_PATTERN.test(props.bucketName), 'bucketName', props.bucketName, BUCKET_NAME_RULE);
  checkKmsKeyProps(v, props);
  if (props.namespace !== undefined) v.check(props.namespace.length > 0, 'namespace', props.namespace, 'must not be empty');
  if (props.region !== undefined) v.check(REGION_PATTERN.test(props.region), 'region', props.region, REGION_RULE);
}

/** A customer key and where its policy goes: `kmsKeyCompartmentId` only makes sense with `kmsKeyId`. */
function checkKmsKeyProps(v: PropValidator, props: { kmsKeyId?: string; kmsKeyCompartmentId?: string }): void {
  if (props.kmsKeyId !== undefined) v.ocid('kmsKeyId', props.kmsKeyId, 'key');
  if (props.kmsKeyCompartmentId !== undefined) {
    v.ocid('kmsKeyCompartmentId', props.kmsKeyCompartmentId, 'compartment', 'tenancy');
    if (props.kmsKeyId === undefined) v.fail('kmsKeyCompartmentId', 'is only used with kmsKeyId (the compartment of that key)');
  }
}

export function checkBucketAttributes(v: PropValidator, attrs: BucketAttributes): void {
  v.check(BUCKET_NAME_PATTERN.test(attrs.bucketName), 'bucketName', attrs.bucketName, BUCKET_NAME_RULE);
  v.ocid('compartmentId', attrs.compartmentId, 'compartment', 'tenancy');
  v.check(typeof attrs.namespace === 'string' && attrs.namespace.length > 0, 'namespace', attrs.namespace, 'must not be empty');
}

export function checkStreamPoolProps(v: PropValidator, props: Partial<StreamPoolProps>): void {
  checkTagProps(v, props);
  v.ocid('compartmentId', props.compartmentId, 'compartment', 'tenancy');
  checkKmsKeyProps(v, props);
  if (props.privateEndpoint) v.ocid('privateEndpoint.subnetId', props.privateEndpoint.subnetId, 'subnet');
}

export function checkStreamPoolAttributes(v: PropValidator, attrs: StreamPoolAttributes): void {
  v.ocid('streamPoolId', attrs.streamPoolId, 'streampool');
  v.ocid('compartmentId', attrs.compartmentId, 'compartment', 'tenancy');
}

export function checkStreamProps(v: PropValidator, props: Partial<StreamProps>): void {
  checkTagProps(v, props);
  if (props.partitions !== undefined) v.intInRange('partitions', props.partitions, 1, MAX_PARTITIONS);
  if (props.retentionInHours !== undefined) {
    v.intInRange('retentionInHours', props.retentionInHours, MIN_RETENTION_HOURS, MAX_RETENTION_HOURS, '(24 hours to 7 days)');
  }
  if (props.name !== undefined) v.check(STREAM_NAME_PATTERN.test(props.name), 'name', props.name, STREAM_NAME_RULE);
}

export function checkStreamAttributes(v: PropValidator, attrs: StreamAttributes): void {
  v.ocid('streamId', attrs.streamId, 'stream');
  v.ocid('compartmentId', attrs.compartmentId, 'compartment', 'tenancy');
  v.check(/^https:\/\/\S+$/.test(attrs.messagesEndpoint), 'messagesEndpoint', attrs.messagesEndpoint, 'must be an https:// URL');
}

export function checkApplicationProps(v: PropValidator, props: Partial<FunctionsApplicationProps>): void {
  checkTagProps(v, props);
  v.ocid('compartmentId', props.compartmentId, 'compartment', 'tenancy');
  const subnetIds = props.subnetIds;
  v.check(Array.isArray(subnetIds) && subnetIds.length > 0, 'subnetIds', subnetIds, 'must list at least one subnet OCID');
  (subnetIds ?? []).forEach((subnetId, i) => v.ocid(`subnetIds[${i}]`, subnetId, 'subnet'));
  if (props.shape !== undefined) v.oneOf('shape', props.shape, APPLICATION_SHAPES);
  for (const problem of configProblems(props.config ?? {})) v.fail('config', problem);
}

export function checkApplicationAttributes(v: PropValidator, attrs: FunctionsApplicationAttributes): void {
  v.ocid('applicationId', attrs.applicationId, 'fnapp');
  v.ocid('compartmentId', attrs.compartmentId, 'compartment', 'tenancy');
}

export function checkFunctionProps(v: PropValidator, props: Partial<OciFunctionProps>): void {
  checkTagProps(v, props);
  if (props.memoryInMbs !== undefined) v.oneOf('memoryInMbs', props.memoryInMbs, FUNCTION_MEMORY_SIZES_MB as readonly number[]);
  if (props.timeoutInSeconds !== undefined) v.intInRange('timeoutInSeconds', props.timeoutInSeconds, 1, MAX_FUNCTION_TIMEOUT_SECONDS);
  for (const problem of configProblems(props.config ?? {})) v.fail('config', problem);
  for (const problem of props.code?.validate() ?? []) v.fail('code', problem);
}

export function checkFunctionAttributes(v: PropValidator, attrs: FunctionAttributes): void {
  v.ocid('functionId', attrs.functionId, 'fnfunc');
  if (attrs.applicationId !== undefined) v.ocid('applicationId', attrs.applicationId, 'fnapp');
  if (attrs.compartmentId !== undefined) v.ocid('compartmentId', attrs.compartmentId, 'compartment', 'tenancy');
  if (attrs.dynamicGroupId !== undefined) v.ocid('dynamicGroupId', attrs.dynamicGroupId, 'dynamicgroup');
}

export function checkDynamicGroupAttributes(v: PropValidator, attrs: DynamicGroupAttributes): void {
  v.ocid('dynamicGroupId', attrs.dynamicGroupId, 'dynamicgroup');
}

export function checkDynamicGroupProps(v: PropValidator, props: DynamicGroupProps, tenancyId: string): void {
  checkTagProps(v, props);
  v.ocid('tenancyId', tenancyId, 'tenancy');
  v.notEmpty('matchingRule', props.matchingRule);
}

export function checkPolicyProps(v: PropValidator, props: PolicyProps): void {
  checkTagProps(v, props);
  v.ocid('compartmentId', props.compartmentId, 'compartment', 'tenancy');
}
