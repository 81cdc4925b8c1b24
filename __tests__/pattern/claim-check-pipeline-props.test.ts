import { ClaimCheckPipeline, FunctionCode, OciFunctionProps, PipelineFunctionProps } from '../../lib';
import { COMPARTMENT, IMAGE, SUBNET, synth } from '../helpers/synth';

/**
 * `PipelineFunctionProps` is derived from `OciFunctionProps`: exactly the function's props but the four the pipeline
 * decides (its tags are the pipeline's). Both records below must list every key of their type and nothing else, so a prop added to the function
 * fails to compile here until it is either passed through or deliberately left to the pipeline.
 */
const PIPELINE_DECIDES = { application: true, tenancyId: true, freeformTags: true, definedTags: true } as const;
const OVERRIDABLE: Record<keyof PipelineFunctionProps, true> = { code: true, memoryInMbs: true, timeoutInSeconds: true, config: true, displayName: true };
const ALL_FUNCTION_PROPS: Record<keyof OciFunctionProps, true> = { ...OVERRIDABLE, ...PIPELINE_DECIDES };

describe('PipelineFunctionProps', () => {
  test('is every OciFunctionProps key except application, tenancyId, freeformTags and definedTags', () => {
    expect(Object.keys(ALL_FUNCTION_PROPS).sort()).toEqual([...Object.keys(OVERRIDABLE), ...Object.keys(PIPELINE_DECIDES)].sort());
  });

  test('every override reaches the publisher function', () => {
    const out = synth(
      (stack) =>
        new ClaimCheckPipeline(stack, 'Files', {
          compartmentId: COMPARTMENT,
          subnetIds: [SUBNET],
          functionProps: { code: FunctionCode.fromImageUri(IMAGE), memoryInMbs: 1024, timeoutInSeconds: 120, config: { LOG_LEVEL: 'debug' }, displayName: 'publisher' },
        }),
    );
    expect(out.only('oci_functions_function')).toMatchObject({
      image: IMAGE,
      memory_in_mbs: '1024',
      timeout_in_seconds: 120,
      display_name: 'publisher',
      config: { LOG_LEVEL: 'debug', OCI_AUTH: 'resource_principal' },
    });
  });
});
