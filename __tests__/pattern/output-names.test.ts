/**
 * Stable output names (lib/pattern/output-names.ts): what `terraform output` shows for the library's constructs is
 * `<prefix><Name>`, guessable by scripts, with the construct's path as the default prefix; collisions and bad
 * prefixes are refused at construction, naming the prop.
 */
import { join } from 'node:path';
import { Construct } from 'constructs';
import { ClaimCheckConsumerFleet, ClaimCheckPipeline, ClaimCheckPipelineProps, FunctionCode, ValidationError } from '../../lib';
import { COMPARTMENT, IMAGE, synth, SUBNET, TENANCY } from '../helpers/synth';

const REQUIRED: ClaimCheckPipelineProps = { compartmentId: COMPARTMENT, subnetIds: [SUBNET], tenancyId: TENANCY, functionProps: { code: FunctionCode.fromImageUri(IMAGE) } };
const HANDLER = join(__dirname, '..', '..', 'examples', 'handlers', 'record-size-and-sha256.ts');

describe('stable output names', () => {
  test('the default prefix is the construct path below the stack, so two pipelines in a stack have their own names, without hashes', () => {
    const out = synth((stack) => {
      new ClaimCheckPipeline(stack, 'Invoices', REQUIRED);
      const billing = new Construct(stack, 'Billing');
      new ClaimCheckPipeline(billing, 'Receipts', { ...REQUIRED, observability: false });
    });
    const names = Object.keys(out.json.output).sort();
    expect(names.filter((n) => n.endsWith('BucketName'))).toEqual(['Billing_Receipts_BucketName', 'Billing_Receipts_ConsumerStateBucketName', 'Invoices_BucketName', 'Invoices_ConsumerStateBucketName']);
    expect(names.filter((n) => n.endsWith('AlarmTopicId'))).toEqual(['Invoices_AlarmTopicId']);
    expect(names.every((n) => !/_[0-9A-F]{8}$/.test(n))).toBe(true);
  });

  test("outputNamePrefix: '' gives the bare names; a custom prefix is used as given, also for the pipeline's observability", () => {
    const bare = synth((stack) => new ClaimCheckPipeline(stack, 'Files', { ...REQUIRED, outputNamePrefix: '' }));
    expect(Object.keys(bare.json.output)).toEqual(expect.arrayContaining(['BucketName', 'StreamId', 'PublisherFunctionId', 'AlarmTopicId', 'InvokeLogId']));
    const custom = synth((stack) => new ClaimCheckPipeline(stack, 'Files', { ...REQUIRED, outputNamePrefix: 'claims_' }));
    expect(Object.keys(custom.json.output)).toEqual(expect.arrayContaining(['claims_BucketName', 'claims_StreamId', 'claims_AlarmTopicId']));
    expect(Object.keys(custom.json.output).filter((n) => !n.startsWith('claims_'))).toEqual([]);
  });

  test('the fleet names its output after its own path', () => {
    const out = synth((stack) => {
      const pipeline = new ClaimCheckPipeline(stack, 'Files', REQUIRED);
      new ClaimCheckConsumerFleet(stack, 'Consumers', { pipeline, consumerGroup: 'recorder', handlerEntry: HANDLER, subnetId: SUBNET });
    });
    expect(Object.keys(out.json.output)).toContain('Consumers_ContainerInstanceIds');
  });

  test('two constructs that would share an output name are refused, naming the name and the other construct', () => {
    expect(() =>
      synth((stack) => {
        new ClaimCheckPipeline(stack, 'A', { ...REQUIRED, outputNamePrefix: '' });
        new ClaimCheckPipeline(stack, 'B', { ...REQUIRED, outputNamePrefix: '' });
      }),
    ).toThrow(/outputNamePrefix.*output name "\w+" is already used by test\/A\//);
    expect(() =>
      synth((stack) => {
        new ClaimCheckPipeline(stack, 'A', { ...REQUIRED, outputNamePrefix: '' });
        new ClaimCheckPipeline(stack, 'B', { ...REQUIRED, outputNamePrefix: '' });
      }),
    ).toThrow(ValidationError);
  });

  test.each(['1x', 'with space', 'a.b'])('outputNamePrefix %j is refused as a prop error', (prefix) => {
    expect(() => synth((stack) => new ClaimCheckPipeline(stack, 'Files', { ...REQUIRED, outputNamePrefix: prefix }))).toThrow(/outputNamePrefix/);
  });
});
