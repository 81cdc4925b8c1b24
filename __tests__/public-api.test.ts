/**
 * The package's main entry (`cdktf-oci-claim-check`, lib/index.ts) exports exactly the names below: the public API
 * the README documents. A name added to or dropped from the index fails here until the list and the README's
 * "API reference" section say so; nothing declared under a `private/` folder may be exported.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';

const ROOT = join(__dirname, '..');
const INDEX = join(ROOT, 'lib', 'index.ts');

/** Exported values (classes, functions, constants, the `oci` bindings namespace). */
const VALUES = [
  // L3
  'ClaimCheckPipeline',
  'ClaimCheckNetwork',
  'STREAM_PRIVATE_ENDPOINT_PORTS',
  'ClaimCheckObservability',
  // L3: the consumers, deployed
  'ClaimCheckConsumerFleet',
  'ClaimCheckServerlessConsumer',
  'ClaimCheckSource',
  // L3: deployed reconciliation
  'ClaimCheckScheduledReconciler',
  // the sample stack
  'ClaimCheckSampleStack',
  'SAMPLE_STACK_NAME',
  'sampleInputsFromEnv',
  'synthSampleApp',
  // L2
  'Bucket',
  'StreamPool',
  'Stream',
  'ObjectEventsRule',
  'objectEventsCondition',
  'OBJECT_ACTIONS',
  'OCI_OBJECT_EVENT_TYPE_PREFIX',
  'ociEventTypeOf',
  'FunctionsApplication',
  'OciFunction',
  'FunctionCode',
  'BundledFunctionCode',
  'prebundleFunction',
  'DEFAULT_FUNCTION_BASE_IMAGE',
  'ContainerImageCode',
  'BundledContainerImage',
  'configProblems',
  'CONFIG_KEY_PATTERN',
  'MAX_CONFIG_BYTES',
  'DynamicGroup',
  'MatchingRule',
  'Policy',
  'MAX_STATEMENTS_PER_POLICY',
  'policyStatement',
  'equals',
  'anyOf',
  'Principal',
  'Grant',
  'tenancyOcidVariable',
  'regionVariable',
  'objectStorageNamespace',
  // tags
  'OciTags',
  // where IAM is created, realm domains
  'HomeRegion',
  'HOME_REGION_RESOURCE_TYPES',
  'REALM_DOMAINS',
  'realmOfOcid',
  'realmDomainOf',
  'serviceHost',
  // network
  'Vcn',
  'PrivateSubnet',
  'allOracleServices',
  'ALL_ORACLE_SERVICES_NAME_PATTERN',
  // observability
  'LogGroup',
  'ServiceLog',
  'ServiceLogSources',
  'NotificationTopic',
  'Alarm',
  'Metric',
  'METRIC_STATISTICS',
  'COMPARISON_OPERATORS',
  'FunctionMetrics',
  'StreamingMetrics',
  'EventsMetrics',
  'FUNCTIONS_NAMESPACE',
  'STREAMING_NAMESPACE',
  'EVENTS_NAMESPACE',
  'ValidationError',
  // limits
  'BUCKET_NAME_PATTERN',
  'MIN_RETENTION_HOURS',
  'MAX_RETENTION_HOURS',
  'MAX_PARTITIONS',
  'FUNCTION_MEMORY_SIZES_MB',
  'MAX_FUNCTION_TIMEOUT_SECONDS',
  'APPLICATION_SHAPES',
  // L1
  'oci',
];

/** Exported types (interfaces and type aliases): props, attributes, I* interfaces. */
const TYPES = [
  'ClaimCheckPipelineProps',
  'PipelineBucketProps',
  'PipelineConsumerStateBucketProps',
  'PipelineStreamPoolProps',
  'PipelineStreamProps',
  'PipelineApplicationProps',
  'PipelineFunctionProps',
  'PipelineRuleProps',
  'PipelineSourceOptions',
  'ClaimCheckNetworkProps',
  'NetworkVcnProps',
  'NetworkSubnetProps',
  'PipelineObservabilityProps',
  'ClaimCheckObservabilityProps',
  'ClaimCheckAlarms',
  'ClaimCheckConsumerFleetProps',
  'FleetConsumerOptions',
  'FleetHealthCheckProps',
  'FleetImageProps',
  'ContainerRestartPolicy',
  'ClaimCheckServerlessConsumerProps',
  'ServerlessFunctionProps',
  'ServerlessImageProps',
  'ConnectorCursor',
  'IClaimCheckSource',
  'ClaimCheckSourceAttributes',
  'ClaimCheckScheduledReconcilerProps',
  'ScheduledReconcileOptions',
  'SampleStackInputs',
  'IBucket',
  'BucketProps',
  'BucketAttributes',
  'IStreamPool',
  'StreamPoolProps',
  'StreamPoolAttributes',
  'StreamPoolPrivateEndpoint',
  'IStream',
  'StreamProps',
  'StreamAttributes',
  'ObjectEventsRuleProps',
  'ObjectAction',
  'OciObjectEventType',
  'IFunctionsApplication',
  'FunctionsApplicationProps',
  'FunctionsApplicationAttributes',
  'ApplicationShape',
  'IFunction',
  'OciFunctionProps',
  'FunctionAttributes',
  'FunctionImage',
  'BundledFunctionCodeProps',
  'ContainerImage',
  'BundledContainerImageProps',
  'ImageBuildResources',
  'IDynamicGroup',
  'DynamicGroupProps',
  'DynamicGroupAttributes',
  'PolicyProps',
  'PolicyStatementSpec',
  'PolicyVerb',
  'IGrantable',
  'GrantOnPrincipalOptions',
  'HomeRegionProps',
  'OciTagProps',
  'ValidationProblem',
  'VcnProps',
  'PrivateSubnetProps',
  'OracleServices',
  'LogGroupProps',
  'ServiceLogProps',
  'ServiceLogSource',
  'INotificationTopic',
  'NotificationTopicProps',
  'NotificationTopicAttributes',
  'AlarmProps',
  'AlarmSeverity',
  'MetricProps',
  'MetricCondition',
  'MetricStatistic',
  'ComparisonOperator',
  'FunctionResponseType',
  'MeteredFunction',
  'MeteredStream',
  'MeteredRule',
];

/** Every name lib/index.ts exports, types included, with the file that declares it (TypeScript's own view). */
function declaredExports(): Map<string, string> {
  const program = ts.createProgram([INDEX], { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, strict: true, esModuleInterop: true, skipLibCheck: true, types: ['node'] });
  const checker = program.getTypeChecker();
  const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(INDEX)!)!;
  const exported = new Map<string, string>();
  for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    const file = target.declarations?.[0]?.getSourceFile().fileName ?? '?';
    exported.set(symbol.name, file.slice(ROOT.length + 1));
  }
  return exported;
}

describe('public API (the package index)', () => {
  test('the runtime exports are exactly the listed values', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const index = require('../lib');
    expect(Object.keys(index).sort()).toEqual([...VALUES].sort());
  });

  describe('with types, as TypeScript sees them', () => {
    let exported: Map<string, string>;
    beforeAll(() => {
      exported = declaredExports();
    });

    test('are exactly the listed values and types', () => {
      expect([...exported.keys()].sort()).toEqual([...VALUES, ...TYPES].sort());
    });

    test('nothing comes from a private/ folder', () => {
      const fromPrivate = [...exported].filter(([, file]) => file.split('/').includes('private'));
      expect(fromPrivate).toEqual([]);
    });
  });

  test("every exported name is in the README's API reference", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const start = readme.indexOf('## API reference');
    expect(start).toBeGreaterThan(-1);
    const next = readme.indexOf('\n## ', start + 1);
    const section = readme.slice(start, next === -1 ? undefined : next);
    const missing = [...VALUES, ...TYPES].filter((name) => !new RegExp(`\`${name}[\`(.<]`).test(section));
    expect(missing).toEqual([]);
  });
});
