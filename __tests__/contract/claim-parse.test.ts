import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildClaimCheck, ClaimCheck, encodeClaimMessage } from '../../lib/contract';
import { parseObjectStorageEvent } from '../../lambda-src/event';
import { claimProblem, decodeBase64Text, parseClaimMessage } from '../../lib/contract';
import { fixtureJson } from '../helpers/fdk-fixtures';
import { validateAgainstSchema } from '../helpers/claim-schema';
import { claimMessage, LOCATION, makeClaim, rawMessage } from '../consumer/helpers';

const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'schema', 'claim-check.v1.schema.json'), 'utf8'));

const FIXTURES = ['oci-createobject.json', 'oci-createobject-awkward-name.json', 'oci-deleteobject-legacy.json', 'oci-updateobject-versioned.json', 'cloudevents-1.0-createobject.json'];

function mutate(claim: ClaimCheck, change: (c: any) => void): unknown {
  const copy = JSON.parse(JSON.stringify(claim));
  change(copy);
  return copy;
}

describe('parseClaimMessage on claims built by the function', () => {
  it.each(FIXTURES)('accepts the claim for %s, and it is schema-valid', (name) => {
    const claim = buildClaimCheck(parseObjectStorageEvent(fixtureJson(name)), LOCATION);
    const parsed = parseClaimMessage(claimMessage(claim, 7));
    expect(validateAgainstSchema(schema, claim)).toEqual([]);
    expect(parsed).toMatchObject({ ok: true, claim });
    if (parsed.ok) {
      expect(parsed.key).toBe(encodeClaimMessage(claim).keyText);
      expect(parsed.action).toBe(claim.data.eventType.split('.').pop());
    }
  });

  it('decodes non-ASCII keys and values as UTF-8', () => {
    const claim = makeClaim({ object: 'dir/Résumé – 日本語 🙂.pdf' });
    const parsed = parseClaimMessage(claimMessage(claim, 0));
    expect(parsed.ok && parsed.claim.data.object).toBe('dir/Résumé – 日本語 🙂.pdf');
    expect(parsed.key).toBe('testns/landing/dir/Résumé – 日本語 🙂.pdf');
  });

  it('accepts a delete claim without an etag', () => {
    const claim = makeClaim({ object: 'gone.txt', action: 'deleteobject' });
    expect(claim.data.etag).toBeNull();
    expect(parseClaimMessage(claimMessage(claim, 0))).toMatchObject({ ok: true, action: 'deleteobject' });
  });
});

describe('parseClaimMessage rejects what is not a claim check v1', () => {
  const claim = makeClaim({ object: 'a/b.txt' });

  it.each<[string, Buffer | string, RegExp]>([
    ['empty value', '', /no value/],
    ['invalid UTF-8', Buffer.from([0xff, 0xfe, 0x00]), /not UTF-8/],
    ['not JSON', 'hello', /not JSON/],
    ['a JSON array', '[1,2]', /JSON object, got an array/],
    ['a JSON string', '"x"', /JSON object, got string/],
    ['an OCI event (not the claim)', JSON.stringify(fixtureJson('oci-createobject.json')), /missing "specversion"/],
  ])('%s', (_name, value, message) => {
    const parsed = parseClaimMessage(rawMessage(value, 3, 'k'));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error).toMatch(message);
      expect(parsed.key).toBe('k');
    }
  });

  it.each<[string, (c: any) => void, RegExp]>([
    ['missing id', (c) => delete c.id, /missing "id"/],
    ['id not hex', (c) => (c.id = 'x'.repeat(64)), /64 lowercase hex/],
    ['specversion 0.3', (c) => (c.specversion = '0.3'), /specversion/],
    ['a v2 type', (c) => (c.type = c.type.replace(/\.v1$/, '.v2')), /Unsupported type/],
    ['an unknown action', (c) => (c.type = 'io.github.cdktf-oci-claim-check.objectstorage.copyobject.v1'), /Unknown action/],
    ['another dataschema', (c) => (c.dataschema = 'urn:x'), /dataschema/],
    ['datacontenttype text', (c) => (c.datacontenttype = 'text/plain'), /datacontenttype/],
    ['source of another bucket', (c) => (c.source = '/n/testns/b/other'), /does not match/],
    ['malformed source', (c) => (c.source = 'bucket'), /"source" must be/],
    ['subject ≠ data.object', (c) => (c.subject = 'other.txt'), /"subject" does not match/],
    ['dataref ≠ objectUrl', (c) => (c.dataref = c.dataref.replace('a%2Fb.txt', 'c.txt')), /"dataref" does not match/],
    ['objectUrl pointing elsewhere', (c) => (c.dataref = c.data.objectUrl = c.data.objectUrl.replace('/b/landing/', '/b/other/')), /points at/],
    ['dataref not an Object Storage URL', (c) => (c.dataref = 'https://evil.example.com/x'), /dataref/],
    ['missing data.etag on create', (c) => (c.data.etag = null), /must carry "data.etag"/],
    ['missing data.region', (c) => delete c.data.region, /missing "data.region"/],
    ['extra data field', (c) => (c.data.content = 'AAAA'), /Unexpected field\(s\) in "data": content/],
    ['data not an object', (c) => (c.data = 'x'), /"data" must be an object/],
    ['type and eventType disagree', (c) => (c.data.eventType = 'com.oraclecloud.objectstorage.deleteobject'), /disagree/],
    ['bad eventTime', (c) => (c.data.eventTime = 'yesterday'), /eventTime/],
    ['bad time', (c) => (c.time = 'now'), /"time"/],
    ['empty namespace', (c) => (c.data.namespace = ''), /data.namespace/],
    ['versionId a number', (c) => (c.data.versionId = 3), /versionId/],
  ])('%s', (_name, change, message) => {
    const forged = mutate(claim, change);
    const parsed = parseClaimMessage(rawMessage(JSON.stringify(forged), 0));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error).toMatch(message);
      expect(parsed.json).toEqual(forged);
    }
  });

  it('is at least as strict as the JSON Schema on a fixed grid of single-field corruptions (7 values x 19 fields; seeded random ones: schema/claim-corruptions.test.ts)', () => {
    // Every corruption the schema rejects must be rejected by the consumer too.
    const values = [null, 1, '', 'x', [], {}, true];
    const fields = ['specversion', 'id', 'source', 'type', 'subject', 'time', 'datacontenttype', 'dataschema', 'dataref', 'data'];
    const dataFields = ['namespace', 'bucket', 'object', 'etag', 'versionId', 'eventType', 'eventTime', 'region', 'objectUrl'];
    for (const value of values) {
      for (const field of fields) {
        const forged = mutate(claim, (c) => (c[field] = value));
        if (validateAgainstSchema(schema, forged).length > 0) expect(claimProblem(forged)).not.toBeNull();
      }
      for (const field of dataFields) {
        const forged = mutate(claim, (c) => (c.data[field] = value));
        if (validateAgainstSchema(schema, forged).length > 0) expect(claimProblem(forged)).not.toBeNull();
      }
    }
  });
});

describe('decodeBase64Text', () => {
  it('decodes base64 UTF-8 and maps null/undefined/invalid to null', () => {
    expect(decodeBase64Text(Buffer.from('ns/b/ü').toString('base64'))).toBe('ns/b/ü');
    expect(decodeBase64Text(null)).toBeNull();
    expect(decodeBase64Text(undefined)).toBeNull();
    expect(decodeBase64Text(Buffer.from([0xc3]).toString('base64'))).toBeNull();
  });
});
