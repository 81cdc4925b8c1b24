import { createHash } from 'node:crypto';
import {
  buildClaimCheck,
  CLAIM_CHECK_SCHEMA_ID,
  claimProblem,
  ClaimTooLargeError,
  claimId,
  encodeClaimMessage,
  messageKey,
  objectStorageUrl,
  STREAMING_LIMITS,
} from '../../lib/contract';
import { parseEventBody, parseObjectStorageEvent } from '../../lambda-src/event';
import { fixtureJson, fixtureText, REFERENCE_CREATE_CLAIM } from '../helpers/fdk-fixtures';
import { claimSchema as schema, validateAgainstSchema } from '../helpers/claim-schema';

const ASHBURN = { region: 'us-ashburn-1', realmDomain: 'oraclecloud.com' };
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('objectStorageUrl', () => {
  it('percent-encodes the whole object name like the OCI SDK (slash → %2F)', () => {
    expect(objectStorageUrl(ASHBURN, 'ns', 'b', 'incoming/2026 03/Résumé – 日本語 100%+tax #1?.pdf')).toBe(
      'https://objectstorage.us-ashburn-1.oraclecloud.com/n/ns/b/b/o/' +
        'incoming%2F2026%2003%2FR%C3%A9sum%C3%A9%20%E2%80%93%20%E6%97%A5%E6%9C%AC%E8%AA%9E%20100%25%2Btax%20%231%3F.pdf',
    );
  });

  it('uses the realm domain it is given', () => {
    expect(objectStorageUrl({ region: 'us-langley-1', realmDomain: 'oraclegovcloud.com' }, 'ns', 'b', 'a.txt')).toBe(
      'https://objectstorage.us-langley-1.oraclegovcloud.com/n/ns/b/b/o/a.txt',
    );
  });

  it('round-trips: decoding the last path segment gives back the name', () => {
    const name = 'a/b c/%41/+/#/?/ü/🙂';
    const url = new URL(objectStorageUrl(ASHBURN, 'ns', 'b', name));
    expect(decodeURIComponent(url.pathname.split('/o/')[1])).toBe(name);
    expect(url.search).toBe('');
    expect(url.hash).toBe('');
  });
});

describe('buildClaimCheck', () => {
  it('builds the documented CloudEvents 1.0 claim for the reference createobject event', () => {
    const claim = buildClaimCheck(parseEventBody(fixtureText('oci-createobject.json')), ASHBURN);
    expect(claim).toEqual(REFERENCE_CREATE_CLAIM);
    // Attribute order is part of the byte-for-byte message; keep it stable.
    expect(Object.keys(claim)).toEqual([
      'specversion', 'id', 'source', 'type', 'subject', 'time', 'datacontenttype', 'dataschema', 'dataref', 'data',
    ]);
  });

  it('uses null (not a missing key) for absent etag/versionId, and omits time when the event had none', () => {
    const raw = fixtureJson('oci-deleteobject-legacy.json');
    delete raw.eventTime;
    const claim = buildClaimCheck(parseObjectStorageEvent(raw), ASHBURN);
    expect(claim.type).toBe('io.github.cdktf-oci-claim-check.objectstorage.deleteobject.v1');
    expect(claim.data).toHaveProperty('etag', null);
    expect(claim.data).toHaveProperty('versionId', null);
    expect(claim.data).toHaveProperty('eventTime', null);
    expect('time' in claim).toBe(false);
    expect(JSON.stringify(claim)).toContain('"etag":null,"versionId":null');
  });

  it('gives a redelivered event the same id, and different events different ids', () => {
    const a = buildClaimCheck(parseEventBody(fixtureText('oci-createobject.json')), ASHBURN);
    const again = buildClaimCheck(parseEventBody(fixtureText('oci-createobject.json')), ASHBURN);
    const other = buildClaimCheck(parseEventBody(fixtureText('oci-updateobject-versioned.json')), ASHBURN);
    expect(again.id).toBe(a.id);
    expect(other.id).not.toBe(a.id);
  });

  it('derives the id from the object state when there is no event id', () => {
    const raw = fixtureJson('oci-createobject.json');
    delete raw.eventID;
    const event = parseObjectStorageEvent(raw);
    expect(claimId(event)).toBe(
      sha256(JSON.stringify([
        'object-state', 'com.oraclecloud.objectstorage.createobject', 'exampletenantns', 'landing-bucket',
        'incoming/2026/03/14/invoice-0001.pdf', 'd2b0c4a8-3f1e-4c5d-9a7b-6e2f1c0d8b34', null, '2026-03-14T09:26:53Z',
      ])),
    );
    const newerEtag = parseObjectStorageEvent({ ...raw, data: { ...raw.data, additionalDetails: { ...raw.data.additionalDetails, eTag: 'x' } } });
    expect(claimId(newerEtag)).not.toBe(claimId(event));
  });

  it.each([
    'oci-createobject.json',
    'oci-updateobject-versioned.json',
    'oci-deleteobject-legacy.json',
    'oci-createobject-awkward-name.json',
    'cloudevents-1.0-createobject.json',
  ])('claim from %s validates against schema/claim-check.v1.schema.json', (fixture) => {
    const claim = buildClaimCheck(parseEventBody(fixtureText(fixture)), ASHBURN);
    expect(validateAgainstSchema(schema, claim)).toEqual([]);
    expect(claim.dataschema).toBe(schema.$id);
  });

  it("marks the reconciler's claims with the claimorigin extension, and only them", () => {
    const change = { ...parseEventBody(fixtureText('oci-createobject.json')), eventId: null, eventTime: '2026-03-14T09:26:53.123Z' };
    const plain = buildClaimCheck(change, ASHBURN);
    for (const origin of ['reconcile', 'backfill'] as const) {
      const marked = buildClaimCheck(change, ASHBURN, { origin });
      expect(marked.claimorigin).toBe(origin);
      // Same identity (the id is the object state's), one attribute more, placed before data.
      expect(marked.id).toBe(plain.id);
      expect(Object.keys(marked)).toEqual([
        'specversion', 'id', 'source', 'type', 'subject', 'time', 'datacontenttype', 'dataschema', 'dataref', 'claimorigin', 'data',
      ]);
      expect({ schema: validateAgainstSchema(schema, marked), consumer: claimProblem(marked) }).toEqual({ schema: [], consumer: null });
    }
    expect('claimorigin' in plain).toBe(false);
    for (const bad of ['Reconcile', 'replay', '', null, 1]) {
      const forged = { ...plain, claimorigin: bad };
      expect(validateAgainstSchema(schema, forged)).not.toEqual([]);
      expect(claimProblem(forged)).toMatch(/"claimorigin" must be one of reconcile, backfill/);
    }
  });

  it('the schema catches broken claims (so the validation above means something)', () => {
    const good = buildClaimCheck(parseEventBody(fixtureText('oci-createobject.json')), ASHBURN);
    const broken: Array<[string, unknown]> = [
      ['missing etag on create', { ...good, data: { ...good.data, etag: null } }],
      ['data.versionId missing', { ...good, data: (({ versionId: _v, ...rest }) => rest)(good.data) }],
      ['extra data field', { ...good, data: { ...good.data, content: 'AAAA' } }],
      ['wrong type', { ...good, type: 'com.example.object.created' }],
      ['raw slash in dataref', { ...good, dataref: 'https://objectstorage.us-ashburn-1.oraclecloud.com/n/a/b/c/o/x/y' }],
      ['id not a hash', { ...good, id: 'abc' }],
      // Checked only through `format`, i.e. only with ajv-formats: plain Ajv would accept both.
      ['time not a date-time', { ...good, time: 'x' }],
      ['objectUrl not a URI', { ...good, data: { ...good.data, objectUrl: 'not a uri' } }],
    ];
    for (const [what, claim] of broken) {
      expect({ what, errors: validateAgainstSchema(schema, claim).length > 0 }).toEqual({ what, errors: true });
    }
    expect(CLAIM_CHECK_SCHEMA_ID).toBe(schema.$id);
  });
});

describe('messageKey', () => {
  it('is namespace/bucket/object in UTF-8 when it fits in 256 bytes', () => {
    expect(messageKey('ns', 'bkt', 'a/b c/ü.txt')).toBe('ns/bkt/a/b c/ü.txt');
    const exactly256 = 'x'.repeat(256 - 'ns/bkt/'.length);
    expect(Buffer.byteLength(messageKey('ns', 'bkt', exactly256))).toBe(256);
  });

  it('falls back to sha256:<hex> of the full key beyond 256 bytes (counting bytes, not characters)', () => {
    const name = 'é'.repeat(125); // 250 bytes of name, 125 characters
    const key = messageKey('ns', 'bkt', name);
    expect(key).toBe(`sha256:${sha256(`ns/bkt/${name}`)}`);
    expect(key).toHaveLength(71);
    expect(messageKey('ns', 'bkt', name)).toBe(key);
  });
});

describe('encodeClaimMessage', () => {
  it('encodes key and value as UTF-8 bytes of the key text and the claim JSON', () => {
    const claim = buildClaimCheck(parseEventBody(fixtureText('oci-createobject-awkward-name.json')), ASHBURN);
    const message = encodeClaimMessage(claim);
    expect(message.keyText).toBe('exampletenantns/landing-bucket/incoming/2026 03/Résumé – 日本語 100%+tax #1?.pdf');
    expect(message.key.equals(Buffer.from(message.keyText, 'utf8'))).toBe(true);
    expect(message.value.toString('utf8')).toBe(JSON.stringify(claim));
    expect(JSON.parse(message.value.toString('utf8')).subject).toBe('incoming/2026 03/Résumé – 日本語 100%+tax #1?.pdf');
  });

  it('fails clearly when key + value exceed the message limit', () => {
    const claim = buildClaimCheck(parseEventBody(fixtureText('oci-createobject.json')), ASHBURN);
    const size = encodeClaimMessage(claim).value.length + encodeClaimMessage(claim).key.length;
    expect(() => encodeClaimMessage(claim, { maxMessageBytes: size })).not.toThrow();
    let error: unknown;
    try {
      encodeClaimMessage(claim, { maxMessageBytes: size - 1 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ClaimTooLargeError);
    expect(error).toMatchObject({ bytes: size, maxBytes: size - 1 });
    expect((error as Error).message).toContain(`is ${size} bytes`);
  });

  it('uses the documented Streaming limits', () => {
    expect(STREAMING_LIMITS).toEqual({
      maxKeyBytes: 256,
      maxMessageBytes: 1048576,
      maxRequestBytes: 1048576,
      maxConsumerGroupsPerStream: 50,
      maxGetMessagesLimit: 10000,
      cursorTtlMs: 300000,
    });
  });
});
