/**
 * OCID format: ocid1.<RESOURCE TYPE>.<REALM>.[REGION][.FUTURE USE].<UNIQUE ID>
 * Source: https://docs.oracle.com/iaas/Content/General/Concepts/identifiers.htm
 * The region part is empty for global resources (tenancy, compartment, user, group, dynamic group),
 * which gives the familiar double dot in `ocid1.compartment.oc1..aaaa...`.
 */
const OCID_PATTERN = /^ocid1\.([a-z0-9_]+)\.([a-z0-9-]+)\.([a-z0-9-]*)(\.[a-z0-9-]+)?\.([a-z0-9]+)$/;

/** Whether `value` is an OCID, optionally of one of the given resource types (e.g. 'compartment', 'tenancy'). */
export function isOcid(value: string, ...resourceTypes: string[]): boolean {
  const match = OCID_PATTERN.exec(value);
  if (!match) return false;
  return resourceTypes.length === 0 || resourceTypes.includes(match[1]);
}

/** The rule text used in validation errors, e.g. "must be an OCID of type compartment or tenancy (ocid1.compartment.oc1..<unique id>)". */
export function ocidRule(...resourceTypes: string[]): string {
  const kinds = resourceTypes.length ? ` of type ${resourceTypes.join(' or ')}` : '';
  const example = resourceTypes[0] ?? '<type>';
  return `must be an OCID${kinds} (ocid1.${example}.oc1..<unique id>)`;
}
