/**
 * The consumer's claim check (`claimProblem`) against the published JSON Schema (Ajv 2020-12 + ajv-formats), on
 * seeded random corruptions of claims the function builds: whatever the schema rejects, the consumer must reject
 * too. A fresh seed each run explores new corruptions; CLAIM_CORRUPTION_SEED=<seed> replays a failing run (the
 * seed is in every failure message).
 */
import { buildClaimCheck, ClaimCheck } from '../../lib/contract';
import { parseEventBody } from '../../lambda-src/event';
import { claimProblem } from '../../lib/contract';
import { claimSchemaErrors } from '../helpers/claim-schema';
import { fixtureText } from '../helpers/fdk-fixtures';
import { SeededRandom, seededRandom, seedFrom } from '../helpers/seeded-random';

const SEED_VARIABLE = 'CLAIM_CORRUPTION_SEED';
const CASES = 2000;
const ASHBURN = { region: 'us-ashburn-1', realmDomain: 'oraclecloud.com' };
const FIXTURES = ['oci-createobject.json', 'oci-createobject-awkward-name.json', 'oci-deleteobject-legacy.json', 'oci-updateobject-versioned.json', 'cloudevents-1.0-createobject.json'];
const bases: ClaimCheck[] = [
  ...FIXTURES.map((name) => buildClaimCheck(parseEventBody(fixtureText(name)), ASHBURN)),
  // The reconciler's claims: an id from the object state, the listing's time, and the claimorigin extension.
  ...(['reconcile', 'backfill'] as const).map((origin) =>
    buildClaimCheck({ ...parseEventBody(fixtureText('oci-createobject.json')), eventId: null, eventTime: '2026-03-14T09:26:53.123Z' }, ASHBURN, { origin }),
  ),
];

const TOP_FIELDS = ['specversion', 'id', 'source', 'type', 'subject', 'time', 'datacontenttype', 'dataschema', 'dataref', 'claimorigin', 'data'];
const DATA_FIELDS = ['namespace', 'bucket', 'object', 'etag', 'versionId', 'eventType', 'eventTime', 'region', 'objectUrl'];
/** Characters that matter to names, URLs, dates and hex ids. */
const ALPHABET = [...'aAzZ09fF-_.:/%+#? T\n\u0000', 'é', '日', '🙂'];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A corrupted copy of `claim` (one to three changes) and what was done, for the failure message. */
function corrupt(claim: ClaimCheck, random: SeededRandom): { forged: Record<string, any>; changes: string[] } {
  const forged = JSON.parse(JSON.stringify(claim));
  const changes: string[] = [];
  const count = 1 + random.int(3);
  for (let i = 0; i < count; i++) {
    const inData = random.chance(0.5) && typeof forged.data === 'object' && forged.data !== null && !Array.isArray(forged.data);
    const target: Record<string, any> = inData ? forged.data : forged;
    const field = random.pick(inData ? DATA_FIELDS : TOP_FIELDS);
    const at = inData ? `data.${field}` : field;
    switch (random.int(4)) {
      case 0:
        delete target[field];
        changes.push(`delete ${at}`);
        break;
      case 1: {
        const value = randomValue(random, forged);
        target[field] = value;
        changes.push(`${at} = ${JSON.stringify(value)}`);
        break;
      }
      case 2: {
        if (typeof target[field] !== 'string') continue;
        const value = mutateString(target[field], random);
        target[field] = value;
        changes.push(`${at} = ${JSON.stringify(value)} (edited)`);
        break;
      }
      default: {
        const extra = random.pick(['content', 'Etag', 'objectName', 'x', '']);
        target[extra] = randomValue(random, forged);
        changes.push(`add ${inData ? 'data.' : ''}${JSON.stringify(extra)}`);
      }
    }
  }
  return { forged, changes };
}

function randomValue(random: SeededRandom, claim: Record<string, any>): Json {
  switch (random.int(8)) {
    case 0:
      return random.pick([null, true, false, 0, 1, -1, 1.5, 1e21]);
    case 1:
      return '';
    case 2:
      return randomString(random, 1 + random.int(12));
    case 3:
      return [];
    case 4:
      return random.pick<Json>([{}, { a: 1 }, [randomString(random, 3)]]);
    default: {
      // Another field's value: right type and shape, wrong place.
      const all = [...TOP_FIELDS.map((f) => claim[f]), ...DATA_FIELDS.map((f) => claim.data?.[f])].filter((v) => v !== undefined);
      return all.length > 0 ? JSON.parse(JSON.stringify(random.pick(all))) : null;
    }
  }
}

function randomString(random: SeededRandom, length: number): string {
  return Array.from({ length }, () => random.pick(ALPHABET)).join('');
}

function mutateString(value: string, random: SeededRandom): string {
  const chars = [...value];
  const at = random.int(chars.length + 1);
  switch (random.int(5)) {
    case 0:
      return chars.slice(0, at).join('');
    case 1:
      return [...chars.slice(0, at), random.pick(ALPHABET), ...chars.slice(at + 1)].join('');
    case 2:
      return [...chars.slice(0, at), randomString(random, 1 + random.int(3)), ...chars.slice(at)].join('');
    case 3:
      return random.chance(0.5) ? value.toUpperCase() : ` ${value}`;
    default:
      return `${value}${randomString(random, 1 + random.int(3))}`;
  }
}

describe('claim-check schema and the consumer', () => {
  test('the consumer rejects every seeded random corruption the JSON Schema rejects', () => {
    const seed = seedFrom(SEED_VARIABLE);
    const random = seededRandom(seed);
    const escaped: string[] = [];
    let rejectedBySchema = 0;
    for (let i = 0; i < CASES; i++) {
      const base = random.pick(bases);
      const { forged, changes } = corrupt(base, random);
      const schemaErrors = claimSchemaErrors(forged);
      if (schemaErrors.length === 0) continue;
      rejectedBySchema++;
      if (claimProblem(forged) === null) escaped.push(`case ${i} (${base.data.eventType}): ${changes.join('; ')} -> schema: ${schemaErrors[0]}`);
    }
    const replay = `${SEED_VARIABLE}=${seed}`;
    expect({ replay, escaped: escaped.slice(0, 10), escapedCount: escaped.length }).toEqual({ replay, escaped: [], escapedCount: 0 });
    // Most corruptions break the schema; if hardly any did, the generator (not the consumer) would be broken.
    expect({ replay, rejectedBySchema: rejectedBySchema > CASES / 2 }).toEqual({ replay, rejectedBySchema: true });
  });

  test.each([
    ['a day the month does not have', '2026-02-30T09:26:53Z'],
    ['February 29 outside a leap year', '2100-02-29T09:26:53Z'],
    ['month 13', '2026-13-01T09:26:53Z'],
    ['hour 24', '2026-03-14T24:00:00Z'],
    ['minute 60', '2026-03-14T09:60:00Z'],
    ['offset +24:00', '2026-03-14T09:26:53+24:00'],
  ])('a date-time with %s fails the schema and the consumer, in time and data.eventTime', (_what, value) => {
    for (const forged of [{ ...bases[0], time: value }, { ...bases[0], data: { ...bases[0].data, eventTime: value } }]) {
      expect(claimSchemaErrors(forged)).not.toEqual([]);
      expect(claimProblem(forged)).toMatch(/RFC 3339/);
    }
  });

  test('the base claims are schema-valid and accepted by the consumer (so a rejection above is the corruption)', () => {
    for (const claim of bases) {
      expect([claim.data.object, claimSchemaErrors(claim), claimProblem(claim)]).toEqual([claim.data.object, [], null]);
    }
  });
});
