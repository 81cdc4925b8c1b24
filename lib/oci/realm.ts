import { Fn, TerraformLocal, TerraformStack, Token } from 'cdktf';
import { IConstruct } from 'constructs';

/**
 * The domain of each OCI realm: service endpoints are `<service>.<region>.oci.<realm domain>`, e.g.
 * `ocir.us-ashburn-1.oci.oraclecloud.com` (OC1) or `ocir.us-langley-1.oci.oraclegovcloud.com` (OC2).
 * - Endpoint pattern: https://docs.oracle.com/iaas/Content/General/Concepts/dedicatedregions.htm ("Service Endpoint
 *   Patterns": `https://<service>.<region_identifier>.oci.<realm_domain>`).
 * - Realm to domain: the OCI SDK's realm table (oci-common 2.139.1, `lib/realm.js`, `Realm.register(...)`);
 *   `__tests__/oci/realm.test.ts` checks this table against the SDK's, so an SDK upgrade with a new realm says so.
 */
export const REALM_DOMAINS: Readonly<Record<string, string>> = Object.freeze({
  oc1: 'oraclecloud.com',
  oc2: 'oraclegovcloud.com',
  oc3: 'oraclegovcloud.com',
  oc4: 'oraclegovcloud.uk',
  oc8: 'oraclecloud8.com',
  oc9: 'oraclecloud9.com',
  oc10: 'oraclecloud10.com',
  oc14: 'oraclecloud14.com',
  oc15: 'oraclecloud15.com',
  oc19: 'oraclecloud.eu',
  oc20: 'oraclecloud20.com',
  oc21: 'oraclecloud21.com',
  oc23: 'oraclecloud23.com',
  oc24: 'oraclecloud24.com',
  oc26: 'oraclecloud26.com',
  oc29: 'oraclecloud29.com',
  oc35: 'oraclecloud35.com',
  oc42: 'oraclecloud42.com',
  oc51: 'oraclecloud51.com',
  oc52: 'oraclecloud52.com',
});

/**
 * The realm an OCID was issued in (`oc1`, `oc2`...), or undefined if `ocid` is not an OCID (or not known yet).
 * OCIDs carry their realm: `ocid1.<RESOURCE TYPE>.<REALM>.[REGION][.FUTURE USE].<UNIQUE ID>`
 * (https://docs.oracle.com/iaas/Content/General/Concepts/identifiers.htm). A region identifier alone does not tell
 * the realm (us-langley-1 is OC2, us-gov-ashburn-1 OC3), so the library reads it from the compartment's OCID.
 */
export function realmOfOcid(ocid: string): string | undefined {
  if (Token.isUnresolved(ocid)) return undefined;
  const parts = ocid.split('.');
  return parts.length >= 4 && parts[0] === 'ocid1' && /^[a-z0-9-]+$/.test(parts[2]) ? parts[2] : undefined;
}

/**
 * The domain of the realm `ocid` belongs to (`oraclecloud.com` for `ocid1.compartment.oc1..`).
 *
 * A literal OCID is resolved now; a realm missing from `REALM_DOMAINS` throws, naming it. An OCID that is a
 * Terraform reference (e.g. `var.compartment_ocid`) becomes the expression
 * `local.realm_domains[element(split(".", <ocid>), 2)]`, resolved at plan time (an unknown realm then fails the
 * plan: "The given key does not identify an element in this collection value"), with the table above written once
 * per stack as the local `realm_domains`.
 */
export function realmDomainOf(scope: IConstruct, ocid: string): string {
  if (!Token.isUnresolved(ocid)) {
    const realm = realmOfOcid(ocid);
    const domain = realm === undefined ? undefined : REALM_DOMAINS[realm];
    if (domain === undefined) {
      throw new Error(
        `Cannot tell the realm domain of ${JSON.stringify(ocid)}: ${
          realm === undefined ? 'it is not an OCID' : `realm "${realm}" is not in REALM_DOMAINS`
        } (known: ${Object.keys(REALM_DOMAINS).join(', ')})`,
      );
    }
    return domain;
  }
  return Token.asString(Fn.lookup(realmDomainsLocal(scope).expression, Fn.element(Fn.split('.', ocid), 2)));
}

/** `<service>.<region>.oci.<realm domain>`: the regional endpoint host of an OCI service (see `REALM_DOMAINS`). */
export function serviceHost(service: string, region: string, realmDomain: string): string {
  return `${service}.${region}.oci.${realmDomain}`;
}

/** The `realm_domains` local of the stack, created on first use. */
function realmDomainsLocal(scope: IConstruct): TerraformLocal {
  const stack = TerraformStack.of(scope);
  const id = 'realm_domains';
  const existing = stack.node.tryFindChild(id);
  if (existing instanceof TerraformLocal) return existing;
  if (existing) throw new Error(`The stack already has a construct with id '${id}' that is not a TerraformLocal`);
  return new TerraformLocal(stack, id, { ...REALM_DOMAINS });
}
