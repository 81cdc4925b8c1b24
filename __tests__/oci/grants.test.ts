import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import {
  Bucket,
  ClaimCheckPipeline,
  DynamicGroup,
  FunctionCode,
  Grant,
  MatchingRule,
  oci,
  Policy,
  Principal,
  Stream,
  StreamPool,
} from '../../lib';
import { COMPARTMENT, IMAGE, newScope, SUBNET, synth, TENANCY } from '../helpers/synth';

const OTHER_COMPARTMENT = 'ocid1.compartment.oc1..aaaaaaaaothercompartment';
const FLEET = 'ocid1.dynamicgroup.oc1..aaaaaaaafleet';
const readLanding = (subject: string) => `Allow ${subject} to read objects in compartment id ${COMPARTMENT} where target.bucket.name = 'landing'`;

/** Stands for what a consumer fleet deploys: resources that use the granted access as soon as they exist. */
function consumerFleet(scope: Construct): Construct {
  const fleet = new Construct(scope, 'ConsumerFleet');
  new oci.loggingLogGroup.LoggingLogGroup(fleet, 'Logs', { compartmentId: COMPARTMENT, displayName: 'consumer-logs' });
  new oci.onsNotificationTopic.OnsNotificationTopic(fleet, 'Alerts', { compartmentId: COMPARTMENT, name: 'consumer-alerts' });
  return fleet;
}

const pipelineProps = { compartmentId: COMPARTMENT, subnetIds: [SUBNET], functionProps: { code: FunctionCode.fromImageUri(IMAGE) }, bucketProps: { bucketName: 'landing' } };

describe('Grant', () => {
  test('a bucket grant returns its statement, its grantee and the policy that carries it', () => {
    const scope = newScope();
    const bucket = new Bucket(scope, 'Files', { compartmentId: COMPARTMENT, bucketName: 'landing' });
    const fleet = Principal.fromDynamicGroupId(scope, 'Fleet', FLEET);

    const grant = bucket.grantRead(fleet);

    expect(grant).toBeInstanceOf(Grant);
    expect(grant.statements).toEqual([readLanding(`dynamic-group id ${FLEET}`)]);
    expect(grant.grantee).toBe(fleet);
    expect(grant.grantees).toEqual([fleet]);
    expect(grant.policies).toHaveLength(1);
    expect(grant.policies[0]).toBeInstanceOf(Policy);
    expect(grant.policies[0].node.path).toBe('test/Fleet/Policy');
    expect(grant.policies[0].statementList).toEqual(grant.statements);
  });

  test('stream grants, on a created and an imported stream, return their statements', () => {
    const scope = newScope();
    const pool = StreamPool.fromStreamPoolAttributes(scope, 'Pool', { streamPoolId: 'ocid1.streampool.oc1.iad.aaaa', compartmentId: COMPARTMENT });
    const created = new Stream(scope, 'Claims', { streamPool: pool });
    const imported = Stream.fromStreamAttributes(scope, 'Legacy', {
      streamId: 'ocid1.stream.oc1.iad.aaaalegacy',
      compartmentId: OTHER_COMPARTMENT,
      messagesEndpoint: 'https://cell-1.streaming.us-ashburn-1.oci.oraclecloud.com',
    });
    const group = Principal.fromGroupId(scope, 'Team', 'ocid1.group.oc1..team');

    const push = created.grantPush(group);
    const pull = imported.grantPull(group);

    expect(push.statements).toEqual([
      `Allow group id ocid1.group.oc1..team to use stream-push in compartment id ${COMPARTMENT} where target.stream.id = '${created.streamId}'`,
    ]);
    expect(pull.statements).toEqual([
      `Allow group id ocid1.group.oc1..team to use stream-pull in compartment id ${OTHER_COMPARTMENT} where target.stream.id = 'ocid1.stream.oc1.iad.aaaalegacy'`,
    ]);
    // One policy per compartment the statements concern.
    expect(push.policies[0]).not.toBe(pull.policies[0]);
    expect(Grant.combine(push, pull).policies).toEqual([push.policies[0], pull.policies[0]]);
  });

  test('combine keeps every statement in order, and each grantee and policy once', () => {
    const scope = newScope();
    const bucket = Bucket.fromBucketAttributes(scope, 'Landing', { bucketName: 'landing', namespace: 'ns', compartmentId: COMPARTMENT });
    const fleet = Principal.fromDynamicGroupId(scope, 'Fleet', FLEET);
    const read = bucket.grantRead(fleet);
    const del = bucket.grantDelete(fleet);

    const both = Grant.combine(read, del);

    expect(both.statements).toEqual([...read.statements, ...del.statements]);
    expect(both.grantees).toEqual([fleet]);
    expect(both.policies).toEqual(read.policies);
    expect(read.policies[0]).toBe(del.policies[0]);
    expect(() => Grant.combine()).toThrow(/at least one grant/);
  });

  test('ClaimCheckPipeline.grantConsume and grantUpload return what they granted', () => {
    const scope = newScope();
    const files = new ClaimCheckPipeline(scope, 'Files', pipelineProps);
    const fleet = Principal.fromDynamicGroupId(scope, 'Fleet', FLEET);
    const uploaders = Principal.fromGroupId(scope, 'Uploaders', 'ocid1.group.oc1..uploaders');

    const consume = files.grantConsume(fleet);
    const upload = files.grantUpload(uploaders);

    const subject = `dynamic-group id ${FLEET}`;
    const writeConditions = "any {request.permission = 'OBJECT_CREATE', request.permission = 'OBJECT_OVERWRITE', request.permission = 'OBJECT_INSPECT'}";
    expect(consume.statements).toEqual([
      readLanding(subject),
      `Allow ${subject} to use stream-pull in compartment id ${COMPARTMENT} where target.stream.id = '${files.stream.streamId}'`,
      `Allow ${subject} to read objects in compartment id ${COMPARTMENT} where target.bucket.name = 'landing-consumer-state'`,
      `Allow ${subject} to manage objects in compartment id ${COMPARTMENT} where all {target.bucket.name = 'landing-consumer-state', ${writeConditions}}`,
    ]);
    expect(consume.grantee).toBe(fleet);
    expect(consume.policies.map((p) => p.node.path)).toEqual(['test/Fleet/Policy']);
    expect(upload.statements).toEqual([
      `Allow group id ocid1.group.oc1..uploaders to manage objects in compartment id ${COMPARTMENT} where all {target.bucket.name = 'landing', ${writeConditions}}`,
    ]);
  });

  test('applyBefore: every resource of the consumer fleet depends on the grant policy in the synthesized stack', () => {
    let grant!: Grant;
    const out = synth((stack: TerraformStack) => {
      const files = new ClaimCheckPipeline(stack, 'Files', pipelineProps);
      const workers = new DynamicGroup(stack, 'Workers', { tenancyId: TENANCY, matchingRule: MatchingRule.forInstancesInCompartment(COMPARTMENT) });
      grant = files.grantConsume(workers);
      const fleet = consumerFleet(stack);
      grant.applyBefore(fleet);
      grant.applyBefore(fleet); // idempotent
    });

    const policies = Object.entries<any>(out.resources('oci_identity_policy'));
    const workersPolicy = policies.filter(([, p]) => p.statements.some((s: string) => s.includes('dynamic-group id ${oci_identity_dynamic_group.Workers')));
    expect(workersPolicy).toHaveLength(1);
    const policyFqn = `oci_identity_policy.${workersPolicy[0][0]}`;
    const fleetOnly = (type: string) => Object.entries<any>(out.resources(type)).filter(([id]) => id.startsWith('ConsumerFleet_'));
    expect(fleetOnly('oci_logging_log_group').map(([, r]) => r.depends_on)).toEqual([[policyFqn]]);
    expect(fleetOnly('oci_ons_notification_topic').map(([, r]) => r.depends_on)).toEqual([[policyFqn]]);
    // The pipeline's own resources (its log group and alarm topic included) are not reordered.
    for (const type of ['oci_logging_log_group', 'oci_ons_notification_topic']) {
      const pipelineOwn = Object.entries<any>(out.resources(type)).filter(([id]) => id.startsWith('Files_'));
      expect([type, pipelineOwn.length, pipelineOwn.map(([, r]) => r.depends_on)]).toEqual([type, 1, [undefined]]);
    }
    for (const [, policy] of policies) expect(policy.depends_on).toBeUndefined();
    expect(out.only('oci_functions_function').depends_on).toBeUndefined();
  });

  test('applyBefore keeps existing dependencies and skips the grantee and the policies themselves (no cycles)', () => {
    const out = synth((stack: TerraformStack) => {
      const bucket = Bucket.fromBucketAttributes(stack, 'Landing', { bucketName: 'landing', namespace: 'ns', compartmentId: COMPARTMENT });
      const workers = new DynamicGroup(stack, 'Workers', { tenancyId: TENANCY, matchingRule: MatchingRule.forInstancesInCompartment(COMPARTMENT) });
      const topic = new oci.onsNotificationTopic.OnsNotificationTopic(stack, 'Topic', { compartmentId: COMPARTMENT, name: 'topic' });
      const logs = new oci.loggingLogGroup.LoggingLogGroup(stack, 'Logs', { compartmentId: COMPARTMENT, displayName: 'logs', dependsOn: [topic] });
      bucket.grantRead(workers).applyBefore(stack);
      expect(logs.dependsOn).toHaveLength(2);
    });
    const [policyId] = Object.keys(out.resources('oci_identity_policy'));
    const [topicId] = Object.keys(out.resources('oci_ons_notification_topic'));
    expect(out.only('oci_logging_log_group').depends_on).toEqual([`oci_ons_notification_topic.${topicId}`, `oci_identity_policy.${policyId}`]);
    expect(out.only('oci_ons_notification_topic').depends_on).toEqual([`oci_identity_policy.${policyId}`]);
    expect(out.only('oci_identity_dynamic_group').depends_on).toBeUndefined();
    expect(out.only('oci_identity_policy').depends_on).toBeUndefined();
  });

  test('a custom IGrantable learns which policy carries the statements', () => {
    const scope = newScope();
    const group = new DynamicGroup(scope, 'Workers', { tenancyId: TENANCY, matchingRule: MatchingRule.forInstancesInCompartment(COMPARTMENT) });
    const policy = group.addToPrincipalPolicy(OTHER_COMPARTMENT, 'Allow dynamic-group id x to read objects in compartment id c');
    expect(group.grantPolicies).toEqual([policy]);
    expect(policy.node.path).toBe('test/Workers/Policy');
  });
});
