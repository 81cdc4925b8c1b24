/**
 * The sample stack's consumer fleet: off by default, on with CLAIMCHECK_FLEET_HANDLER (the example handler), running
 * in the network the stack creates, its IAM created in the home region like every other IAM resource of the stack.
 */
import { join, relative } from 'node:path';
import { Testing } from 'cdktf';
import { ClaimCheckSampleStack, sampleInputsFromEnv, SAMPLE_STACK_NAME } from '../../lib/sample/claim-check-sample-stack';
import { validateTerraformJson } from '../../lib/testing';
import { CONSUMER_CONFIG_KEYS } from '../../lib/contract/consumer-config';

const EXAMPLE = relative(process.cwd(), join(__dirname, '..', '..', 'examples', 'handlers', 'record-size-and-sha256.ts'));

describe('sample stack: the consumer fleet', () => {
  test('off by default: no container instances, no image but the publisher’s', () => {
    const stack = new ClaimCheckSampleStack(Testing.app(), SAMPLE_STACK_NAME, sampleInputsFromEnv({}));
    const json = JSON.parse(Testing.synth(stack));
    expect(stack.consumers).toBeUndefined();
    expect(json.resource.oci_container_instances_container_instance).toBeUndefined();
    expect(Object.keys(json.resource.docker_image)).toHaveLength(1);
  });

  test('CLAIMCHECK_FLEET_HANDLER runs the handler as consumer group `records`, in the created subnet; schema-valid; IAM on the home-region provider', () => {
    expect(sampleInputsFromEnv({ CLAIMCHECK_FLEET_HANDLER: EXAMPLE }).fleetHandler).toBe(EXAMPLE);
    const stack = new ClaimCheckSampleStack(Testing.app(), SAMPLE_STACK_NAME, sampleInputsFromEnv({ CLAIMCHECK_FLEET_HANDLER: EXAMPLE }));
    const json = JSON.parse(Testing.synth(stack));
    expect(validateTerraformJson(json)).toEqual([]);
    const instances = Object.values<any>(json.resource.oci_container_instances_container_instance);
    expect(instances).toHaveLength(1);
    const [subnet] = Object.keys(json.resource.oci_core_subnet);
    expect(instances[0].vnics).toEqual([{ subnet_id: `\${oci_core_subnet.${subnet}.id}`, is_public_ip_assigned: false }]);
    expect(instances[0].containers[0].environment_variables[CONSUMER_CONFIG_KEYS.groupName]).toBe('records');
    expect(Object.keys(json.resource.docker_image)).toHaveLength(2);
    // Every dynamic group and policy (the fleet's included) is created with the home region's provider.
    for (const type of ['oci_identity_dynamic_group', 'oci_identity_policy']) {
      const resources = Object.entries<any>(json.resource[type]);
      expect(resources.filter(([id]) => id.startsWith('Consumers_')).length).toBeGreaterThan(0);
      expect(resources.filter(([, r]) => r.provider !== 'oci.home').map(([id]) => id)).toEqual([]);
    }
  });
});
