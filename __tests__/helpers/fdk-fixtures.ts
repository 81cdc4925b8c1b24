import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const EVENT_FIXTURES_DIR = path.join(__dirname, '..', 'fixtures', 'events');

/** The fixture's exact text (what the e2e tests send as the request body). */
export function fixtureText(name: string): string {
  return fs.readFileSync(path.join(EVENT_FIXTURES_DIR, name), 'utf8');
}

/** A mutable parsed copy of a fixture. */
export function fixtureJson(name: string): Record<string, any> {
  return JSON.parse(fixtureText(name));
}

const REFERENCE_OBJECT_URL =
  'https://objectstorage.us-ashburn-1.oraclecloud.com/n/exampletenantns/b/landing-bucket/o/incoming%2F2026%2F03%2F14%2Finvoice-0001.pdf';

/**
 * The claim check the reference event `oci-createobject.json` must become in us-ashburn-1, written out by hand
 * from the documented format (schema/claim-check.v1.schema.json, lambda-src/README.md), attribute order included.
 */
export const REFERENCE_CREATE_CLAIM = {
  specversion: '1.0',
  id: createHash('sha256').update('["event-id","5b3f2c1e-8d4a-4f6b-9c2e-1a7d3e9f0b42"]', 'utf8').digest('hex'),
  source: '/n/exampletenantns/b/landing-bucket',
  type: 'io.github.cdktf-oci-claim-check.objectstorage.createobject.v1',
  subject: 'incoming/2026/03/14/invoice-0001.pdf',
  time: '2026-03-14T09:26:53Z',
  datacontenttype: 'application/json',
  dataschema: 'urn:cdktf-oci-claim-check:schema:claim-check:v1',
  dataref: REFERENCE_OBJECT_URL,
  data: {
    namespace: 'exampletenantns',
    bucket: 'landing-bucket',
    object: 'incoming/2026/03/14/invoice-0001.pdf',
    etag: 'd2b0c4a8-3f1e-4c5d-9a7b-6e2f1c0d8b34',
    versionId: null,
    eventType: 'com.oraclecloud.objectstorage.createobject',
    eventTime: '2026-03-14T09:26:53Z',
    region: 'us-ashburn-1',
    objectUrl: REFERENCE_OBJECT_URL,
  },
};
