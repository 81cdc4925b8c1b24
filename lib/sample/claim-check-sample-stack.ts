/**
 * The sample stack: one ClaimCheckPipeline, configured from environment variables so `cdktf synth` works on a
 * fresh clone with none set (safe placeholders) and `cdktf deploy` works once they point at a real tenancy.
 * `main.ts` (the cdktf app) and the local circuit (`claimcheck demo` / `claimcheck local`) both run it.
 *
 *   OCI_COMPARTMENT_OCID     compartment for every resource          (placeholder: an example OCID)
 *   OCI_SUBNET_OCIDS         comma-separated subnet OCIDs for the function (unset: the stack creates a VCN,
 *                            a private subnet and a service gateway: ClaimCheckNetwork)
 *   OCI_TENANCY_OCID         tenancy OCID (dynamic groups live there)
 *   OCI_REGION               region identifier, e.g. us-ashburn-1
 *   OCI_HOME_REGION          the tenancy's home region, where IAM resources are created (default: looked up at plan)
 *   OCI_CONFIG_FILE_PROFILE  profile of ~/.oci/config the provider authenticates with (default DEFAULT)
 *   CLAIMCHECK_BUCKET_NAME   bucket name                              (default claimcheck-landing)
 *   CLAIMCHECK_PARTITIONS    stream partitions                        (default 2)
 *   CLAIMCHECK_ALARM_EMAIL   e-mail address subscribed to the alarm topic (default: none)
 *   CLAIMCHECK_OBJECT_FILTERS JSON object filter for the bucket, e.g. {"include":[{"prefix":"incoming/"}]}
 *                            (default: every object; `claimcheck demo --object-filter`)
 *   CLAIMCHECK_FLEET_HANDLER a claim handler file, e.g. examples/handlers/record-size-and-sha256.ts: adds a
 *                            ClaimCheckConsumerFleet (`Consumers`, consumer group `records`) running it on
 *                            Container Instances in the function's first subnet (default: none; its image is
 *                            pushed with the same OCIR credentials as the function's)
 *
 * The compartment and tenancy OCIDs become the Terraform variables `compartment_ocid` and `tenancy_ocid` (default:
 * the value read at synth); a plan with a placeholder fails at once, naming the environment variable to set
 * (`deploy-variables.ts`).
 *
 * The OCIR credentials for pushing the function image are read at deploy time from TF_VAR_ocir_username and
 * TF_VAR_ocir_auth_token; they never appear in the synthesized JSON.
 */
import { App, LocalBackend, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { OciProvider } from '../generated/providers/oci/provider';
import { HomeRegion } from '../oci/home-region';
import type { ClaimCheckConsumerFleet } from '../pattern/claim-check-consumer-fleet';
import { ClaimCheckNetwork } from '../pattern/claim-check-network';
import { ClaimCheckPipeline, ClaimCheckPipelineProps } from '../pattern/claim-check-pipeline';
import { placeholderCheckedVariable } from './deploy-variables';
import { pauseSourceMappedStacks } from '../oci/private/source-mapped-stacks';

/** The pipeline's object filter (the contract's `ObjectFilter`, taken through the pattern as an app of the constructs would). */
type ObjectFilter = NonNullable<ClaimCheckPipelineProps['objectFilters']>;

/** Name of the sample stack (`cdktf deploy claimcheck-sample`), as `main.ts` and the local circuit create it. */
export const SAMPLE_STACK_NAME = 'claimcheck-sample';

const PLACEHOLDERS = {
  compartmentId: 'ocid1.compartment.oc1..aaaaaaaaplaceholdercompartment00000000000000000000000000',
  tenancyId: 'ocid1.tenancy.oc1..aaaaaaaaplaceholdertenancy000000000000000000000000000000000000',
  region: 'us-ashburn-1',
};

/** What the sample stack is configured with; `sampleInputsFromEnv` reads it from the environment. */
export interface SampleStackInputs {
  readonly compartmentId: string;
  /** The function's subnets; undefined: the stack creates them (`ClaimCheckNetwork`). */
  readonly subnetIds?: string[];
  readonly tenancyId: string;
  readonly region: string;
  /** The tenancy's home region; undefined: looked up at plan time (`HomeRegion`). */
  readonly homeRegion?: string;
  readonly configFileProfile: string;
  readonly bucketName: string;
  readonly partitions: number;
  /** Subscribed to the alarm topic when set. */
  readonly alarmEmail?: string;
  /** A claim handler file: when set, a consumer fleet runs it (`Consumers`). */
  readonly fleetHandler?: string;
  /** Which objects of the bucket become claims (`objectFilters`). */
  readonly objectFilters?: ObjectFilter;
}

/** The sample stack's inputs from the environment variables above, with placeholders for the unset ones. */
export function sampleInputsFromEnv(env: NodeJS.ProcessEnv = process.env): SampleStackInputs {
  return {
    compartmentId: env.OCI_COMPARTMENT_OCID || PLACEHOLDERS.compartmentId,
    subnetIds: subnetIdsFromEnv(env.OCI_SUBNET_OCIDS),
    tenancyId: env.OCI_TENANCY_OCID || PLACEHOLDERS.tenancyId,
    region: env.OCI_REGION || PLACEHOLDERS.region,
    homeRegion: env.OCI_HOME_REGION || undefined,
    configFileProfile: env.OCI_CONFIG_FILE_PROFILE || 'DEFAULT',
    bucketName: env.CLAIMCHECK_BUCKET_NAME || 'claimcheck-landing',
    partitions: Number(env.CLAIMCHECK_PARTITIONS || '2'),
    alarmEmail: env.CLAIMCHECK_ALARM_EMAIL || undefined,
    fleetHandler: env.CLAIMCHECK_FLEET_HANDLER || undefined,
    objectFilters: objectFiltersFromEnv(env.CLAIMCHECK_OBJECT_FILTERS),
  };
}

/** `a, b` -> ['a', 'b']; unset or blank -> undefined (the stack then creates the network). */
function subnetIdsFromEnv(value: string | undefined): string[] | undefined {
  const ids = (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return ids.length ? ids : undefined;
}

/**
 * The OCI provider, a local state file next to cdktf.json, one ClaimCheckPipeline (`Files`) with its invoke logs and
 * alarms, and, when no subnets are given, the network it runs in (`Network`).
 */
export class ClaimCheckSampleStack extends TerraformStack {
  public readonly pipeline: ClaimCheckPipeline;
  /** The provider IAM resources are created with: the tenancy's home region, whatever `OCI_REGION` is. */
  public readonly homeRegion: HomeRegion;
  /** The VCN, private subnet and service gateway, created when `inputs.subnetIds` is undefined. */
  public readonly network?: ClaimCheckNetwork;
  /** The consumer fleet running `inputs.fleetHandler`, when given. */
  public readonly consumers?: ClaimCheckConsumerFleet;

  constructor(scope: Construct, id: string, inputs: SampleStackInputs) {
    super(scope, id);
    // cdktf's token traces recorded while building skip source maps (oci/private/source-mapped-stacks.ts says why).
    const restoreSourceMaps = pauseSourceMappedStacks();
    try {
      // State next to cdktf.json, by a relative path (terraform runs in cdktf.out/stacks/<stack>): the default
      // backend writes this machine's absolute path into cdk.tf.json.
      new LocalBackend(this, { path: `../../../terraform.${id}.tfstate` });
      new OciProvider(this, 'oci', { region: inputs.region, configFileProfile: inputs.configFileProfile });
      // Placeholders (unset environment variables) synthesize, but a plan refuses them, naming what to set.
      const compartmentId = placeholderCheckedVariable(this, {
        name: 'compartment_ocid',
        envVar: 'OCI_COMPARTMENT_OCID',
        what: 'compartment OCID',
        value: inputs.compartmentId,
        placeholder: PLACEHOLDERS.compartmentId,
      }).stringValue;
      const tenancyId = placeholderCheckedVariable(this, {
        name: 'tenancy_ocid',
        envVar: 'OCI_TENANCY_OCID',
        what: 'tenancy OCID',
        value: inputs.tenancyId,
        placeholder: PLACEHOLDERS.tenancyId,
      }).stringValue;
      // Dynamic groups and policies are created in the home region (the same credentials, another region).
      this.homeRegion = new HomeRegion(this, 'HomeRegion', {
        ...(inputs.homeRegion ? { regionName: inputs.homeRegion } : { tenancyId }),
        providerConfig: { configFileProfile: inputs.configFileProfile },
      });
      // Teams with subnets give them; a fresh tenancy gets a VCN with a private subnet routed to Oracle services.
      let subnetIds = inputs.subnetIds;
      if (!subnetIds) {
        this.network = new ClaimCheckNetwork(this, 'Network', { compartmentId });
        subnetIds = this.network.subnetIds;
      }
      this.pipeline = new ClaimCheckPipeline(this, 'Files', {
        compartmentId,
        subnetIds,
        tenancyId,
        region: inputs.region,
        bucketProps: { bucketName: inputs.bucketName },
        objectFilters: inputs.objectFilters,
        streamProps: { partitions: inputs.partitions },
        observability: { alarmEmail: inputs.alarmEmail },
      });
      if (inputs.fleetHandler) {
        // Loaded only when asked for: the Container Instances bindings alone are ~200 KB of TypeScript, which every
        // synth of the sample without a fleet would otherwise load.
        const { ClaimCheckConsumerFleet: Fleet } = require('../pattern/claim-check-consumer-fleet') as typeof import('../pattern/claim-check-consumer-fleet');
        this.consumers = new Fleet(this, 'Consumers', {
          pipeline: this.pipeline,
          consumerGroup: 'records',
          handlerEntry: inputs.fleetHandler,
          subnetId: subnetIds[0],
        });
      }
    } finally {
      restoreSourceMaps();
    }
  }
}

/** `CLAIMCHECK_OBJECT_FILTERS` as JSON (the pipeline checks the patterns themselves and names every problem). */
function objectFiltersFromEnv(text: string | undefined): ObjectFilter | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  try {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as ObjectFilter;
  } catch {
    // below
  }
  throw new Error(`CLAIMCHECK_OBJECT_FILTERS must be a JSON object such as {"include":[{"prefix":"incoming/"}]}; got ${JSON.stringify(text)}`);
}

/** Synthesizes the sample app (one `claimcheck-sample` stack) into `outdir` (default: cdktf's, `cdktf.out`). */
export function synthSampleApp(outdir?: string, env: NodeJS.ProcessEnv = process.env): App {
  const app = new App(outdir ? { outdir } : undefined);
  new ClaimCheckSampleStack(app, SAMPLE_STACK_NAME, sampleInputsFromEnv(env));
  app.synth();
  return app;
}
