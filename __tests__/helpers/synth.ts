import { TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { validateTerraformJson } from '../../lib/testing';

export const COMPARTMENT = 'ocid1.compartment.oc1..aaaaaaaatestcompartment000000000000000000000000000000000';
export const TENANCY = 'ocid1.tenancy.oc1..aaaaaaaatesttenancy0000000000000000000000000000000000000000';
export const SUBNET = 'ocid1.subnet.oc1.iad.aaaaaaaatestsubnet00000000000000000000000000000000000000';
export const SUBNET_2 = 'ocid1.subnet.oc1.iad.aaaaaaaatestsubnet00000000000000000000000000000000000002';
export const KMS_KEY = 'ocid1.key.oc1.iad.aaaaaaaatestkey0000.aaaaaaaatestkey000000000000000000000000000000000';
export const IMAGE = 'iad.ocir.io/testns/claimcheck/publisher:1.0.0';

export interface Synthesized {
  /** The whole cdk.tf.json document. */
  readonly json: any;
  /** Resources of one type, by logical name. */
  resources(type: string): Record<string, any>;
  /** The single resource of a type (fails if there are 0 or several). */
  only(type: string): any;
  /** Every statement of every oci_identity_policy. */
  statements(): string[];
}

/** A fresh app + stack, built by `build`, synthesized, and checked against the OCI provider schema. */
export function synth(build: (stack: TerraformStack) => void): Synthesized {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'test');
  build(stack);
  return synthesizeStack(stack);
}

export function synthesizeStack(stack: TerraformStack): Synthesized {
  const json = JSON.parse(Testing.synth(stack));
  const violations = validateTerraformJson(json);
  if (violations.length > 0) {
    throw new Error(`Synthesized stack is not valid against the OCI provider schema:\n${violations.map((v) => `${v.path}: ${v.message}`).join('\n')}`);
  }
  const resources = (type: string): Record<string, any> => json.resource?.[type] ?? {};
  return {
    json,
    resources,
    only(type: string) {
      const all = Object.values(resources(type));
      if (all.length !== 1) throw new Error(`expected exactly one ${type}, found ${all.length}`);
      return all[0];
    },
    statements() {
      return Object.values(resources('oci_identity_policy')).flatMap((p: any) => p.statements);
    },
  };
}

/** A construct scope inside a fresh stack, for construction-time error tests. */
export function newScope(): Construct {
  return new TerraformStack(Testing.app(), 'test');
}
