/**
 * The sample stack: one ClaimCheckPipeline, configured from environment variables so `cdktf synth` works on a
 * fresh clone with none set (safe placeholders) and `cdktf deploy` works once they point at a real tenancy.
 * `main.ts` (the cdktf app) and the local circuit (`claimcheck demo` / `claimcheck local`) both run it.
 *
 *   OCI_COMPARTMENT_OCID     compartment for every resource          (placeholder: an example OCID)
 *   OCI_SUBNET_OCIDS         comma-separated subnet OCIDs for the function
 *   OCI_TENANCY_OCID         tenancy OCID (dynamic groups live there)
 *   OCI_REGION               region identifier, e.g. us-ashburn-1
 *   OCI_CONFIG_FILE_PROFILE  profile of ~/.oci/config the provider authenticates with (default DEFAULT)
 *   CLAIMCHECK_BUCKET_NAME   bucket name                              (default claimcheck-landing)
 *   CLAIMCHECK_PARTITIONS    stream partitions                        (default 2)
 *
 * The OCIR credentials for pushing the function image are read at deploy time from TF_VAR_ocir_username and
 * TF_VAR_ocir_auth_token; they never appear in the synthesized JSON.
 */
import { App, LocalBackend, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { OciProvider } from '../generated/providers/oci/provider';
import { ClaimCheckPipeline } from '../pattern/claim-check-pipeline';

export const SAMPLE_STACK_NAME = 'claimcheck-sample';

const PLACEHOLDERS = {
  compartmentId: 'ocid1.compartment.oc1..aaaaaaaaplaceholdercompartment00000000000000000000000000',
  subnetIds: 'ocid1.subnet.oc1.iad.aaaaaaaaplaceholdersubnet0000000000000000000000000000000000',
  tenancyId: 'ocid1.tenancy.oc1..aaaaaaaaplaceholdertenancy000000000000000000000000000000000000',
  region: 'us-ashburn-1',
};

export interface SampleStackInputs {
  readonly compartmentId: string;
  readonly subnetIds: string[];
  readonly tenancyId: string;
  readonly region: string;
  readonly configFileProfile: string;
  readonly bucketName: string;
  readonly partitions: number;
}

/** The sample stack's inputs from the environment variables above, with placeholders for the unset ones. */
export function sampleInputsFromEnv(env: NodeJS.ProcessEnv = process.env): SampleStackInputs {
  return {
    compartmentId: env.OCI_COMPARTMENT_OCID || PLACEHOLDERS.compartmentId,
    subnetIds: (env.OCI_SUBNET_OCIDS || PLACEHOLDERS.subnetIds).split(',').map((s) => s.trim()).filter(Boolean),
    tenancyId: env.OCI_TENANCY_OCID || PLACEHOLDERS.tenancyId,
    region: env.OCI_REGION || PLACEHOLDERS.region,
    configFileProfile: env.OCI_CONFIG_FILE_PROFILE || 'DEFAULT',
    bucketName: env.CLAIMCHECK_BUCKET_NAME || 'claimcheck-landing',
    partitions: Number(env.CLAIMCHECK_PARTITIONS || '2'),
  };
}

/** The OCI provider, a local state file next to cdktf.json, and one ClaimCheckPipeline (`Files`). */
export class ClaimCheckSampleStack extends TerraformStack {
  public readonly pipeline: ClaimCheckPipeline;

  constructor(scope: Construct, id: string, inputs: SampleStackInputs) {
    super(scope, id);
    // State next to cdktf.json, by a relative path (terraform runs in cdktf.out/stacks/<stack>): the default
    // backend writes this machine's absolute path into cdk.tf.json.
    new LocalBackend(this, { path: `../../../terraform.${id}.tfstate` });
    new OciProvider(this, 'oci', { region: inputs.region, configFileProfile: inputs.configFileProfile });
    this.pipeline = new ClaimCheckPipeline(this, 'Files', {
      compartmentId: inputs.compartmentId,
      subnetIds: inputs.subnetIds,
      tenancyId: inputs.tenancyId,
      region: inputs.region,
      bucketProps: { bucketName: inputs.bucketName },
      streamProps: { partitions: inputs.partitions },
    });
  }
}

/** Synthesizes the sample app (one `claimcheck-sample` stack) into `outdir` (default: cdktf's, `cdktf.out`). */
export function synthSampleApp(outdir?: string, env: NodeJS.ProcessEnv = process.env): App {
  const app = new App(outdir ? { outdir } : undefined);
  new ClaimCheckSampleStack(app, SAMPLE_STACK_NAME, sampleInputsFromEnv(env));
  app.synth();
  return app;
}
