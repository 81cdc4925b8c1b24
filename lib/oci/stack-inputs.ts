import { Construct } from 'constructs';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { DataOciObjectstorageNamespace } from '../generated/providers/oci/data-oci-objectstorage-namespace';

/**
 * Deploy-time inputs every OCI stack has: the tenancy OCID (dynamic groups live in the root compartment)
 * and the region (OCIR host, Object Storage URLs, service principal names).
 *
 * They are Terraform variables named `tenancy_ocid` and `region` because that is what OCI Resource Manager
 * fills in automatically for every stack, and what `TF_VAR_tenancy_ocid` / `TF_VAR_region` set elsewhere.
 * One variable of each per stack, shared by every construct that needs it.
 */
export function tenancyOcidVariable(scope: Construct): TerraformVariable {
  return stackVariable(scope, 'tenancy_ocid', 'OCID of the tenancy (root compartment): dynamic groups are created there.');
}

/**
 * The stack's `region` Terraform variable (created once per stack, shared by every construct), which OCI
 * Resource Manager fills in.
 */
export function regionVariable(scope: Construct): TerraformVariable {
  return stackVariable(scope, 'region', 'OCI region identifier, e.g. us-ashburn-1.');
}

function stackVariable(scope: Construct, name: string, description: string): TerraformVariable {
  const stack = TerraformStack.of(scope);
  const existing = stack.node.tryFindChild(name);
  if (existing instanceof TerraformVariable) return existing;
  if (existing) throw new Error(`The stack already has a construct with id '${name}' that is not a TerraformVariable`);
  return new TerraformVariable(stack, name, { type: 'string', description, nullable: false });
}

/**
 * The tenancy's Object Storage namespace (also the first path segment of OCIR images), read once per stack
 * with the `oci_objectstorage_namespace` data source.
 */
export function objectStorageNamespace(scope: Construct, compartmentId: string): string {
  const stack = TerraformStack.of(scope);
  const id = 'ObjectStorageNamespace';
  const existing = stack.node.tryFindChild(id);
  if (existing instanceof DataOciObjectstorageNamespace) return existing.namespace;
  return new DataOciObjectstorageNamespace(stack, id, { compartmentId }).namespace;
}
