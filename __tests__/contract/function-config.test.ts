/** The function's configuration keys: what the pipeline writes is exactly what the function reads. */
import { App, TerraformStack, Testing } from 'cdktf';
import { ClaimCheckPipeline } from '../../lib';
import { FUNCTION_CONFIG_KEYS } from '../../lib/contract';
import { readConfig } from '../../lambda-src/config';

describe('function configuration keys', () => {
  it('the pipeline writes every key the function requires, and the function reads them back', () => {
    const app = Testing.app();
    const stack = new TerraformStack(app as App, 'test');
    new ClaimCheckPipeline(stack, 'Files', { compartmentId: 'ocid1.compartment.oc1..aaaa', subnetIds: ['ocid1.subnet.oc1.iad.aaaa'] });
    const synthesized = JSON.parse(Testing.synth(stack));
    const [fn] = Object.values(synthesized.resource.oci_functions_function) as Array<{ config: Record<string, string> }>;
    expect(Object.keys(fn.config).sort()).toEqual([FUNCTION_CONFIG_KEYS.auth, FUNCTION_CONFIG_KEYS.streamEndpoint, FUNCTION_CONFIG_KEYS.streamId].sort());
    const config = readConfig({ ...fn.config, [FUNCTION_CONFIG_KEYS.streamEndpoint]: 'https://cell-1.streaming.us-ashburn-1.oci.oraclecloud.com' });
    expect(config.streamId).toBe(fn.config[FUNCTION_CONFIG_KEYS.streamId]);
    expect(config.streamId).toMatch(/^\$\{oci_streaming_stream\./);
    expect(config.auth).toBe('resource_principal');
  });
});
