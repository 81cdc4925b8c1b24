import { Construct } from 'constructs';
import { TerraformStack } from 'cdktf';
import { DataOciCoreServices } from '../generated/providers/oci/data-oci-core-services';

/**
 * The region's "All <region> Services in Oracle Services Network" service: what a service gateway enables so that
 * hosts without public IPs reach Object Storage, Streaming, OCIR and the other Oracle services of the region
 * without going over the internet.
 *
 * - The service CIDR label "All <region> Services in Oracle Services Network" covers Object Storage and the other
 *   services of the Oracle Services Network:
 *   https://docs.oracle.com/iaas/Content/Network/Tasks/servicegateway.htm
 *   https://docs.oracle.com/iaas/releasenotes/changes/657c9e15-4792-4a96-bd70-b3dba7767edd/
 * - `oci_core_services` lists the Service objects of the region; a service's `cidr_block` (its service CIDR label,
 *   e.g. `all-iad-services-in-oracle-services-network`) is the destination of the route rule and of the egress security
 *   rule, its `id` goes into the gateway's `services`:
 *   https://docs.oracle.com/iaas/tools/terraform-provider-oci/latest/docs/d/core_services.html
 */
export interface OracleServices {
  /** OCID of the Service object (for `oci_core_service_gateway.services.service_id`). */
  readonly serviceId: string;
  /** Its service CIDR label (destination of route rules and security rules with type `SERVICE_CIDR_BLOCK`). */
  readonly cidrLabel: string;
  /** The data source that reads it (one per stack). */
  readonly dataSource: DataOciCoreServices;
}

/**
 * The filter on the services' `name`. The provider matches `regex = true` values with Go regular expressions
 * (terraform-provider-oci `website/docs/guides/filters.html.markdown`). Oracle's docs spell the label
 * "All <region> Services in Oracle Services Network", the API names seen in Oracle's own Terraform spell it
 * "... Services In ..."; both are accepted, nothing else (not "OCI <region> Object Storage").
 */
export const ALL_ORACLE_SERVICES_NAME_PATTERN = '^All .* Services [Ii]n Oracle Services Network$';

/**
 * Reads the region's "All <region> Services in Oracle Services Network" service, once per stack (every VCN of the
 * stack shares it). A plan fails with a message saying so if the region has no such service or several.
 */
export function allOracleServices(scope: Construct): OracleServices {
  const stack = TerraformStack.of(scope);
  const id = 'AllOracleServices';
  const existing = stack.node.tryFindChild(id);
  const dataSource =
    existing instanceof DataOciCoreServices
      ? existing
      : new DataOciCoreServices(stack, id, {
          filter: [{ name: 'name', values: [ALL_ORACLE_SERVICES_NAME_PATTERN], regex: true }],
          lifecycle: {
            postcondition: [
              {
                condition: '${length(self.services) == 1}',
                errorMessage: `Expected exactly one service named like "${ALL_ORACLE_SERVICES_NAME_PATTERN}" in this region (oci_core_services), for the service gateway.`,
              },
            ],
          },
        });
  const service = dataSource.services.get(0);
  return { serviceId: service.id, cidrLabel: service.cidrBlock, dataSource };
}
