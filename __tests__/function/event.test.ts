import { InputRejectedError } from '../../lambda-src/errors';
import { parseEventBody, parseObjectStorageEvent } from '../../lambda-src/event';
import { fixtureJson, fixtureText } from '../helpers/fdk-fixtures';

function rejection(run: () => unknown): InputRejectedError {
  try {
    run();
  } catch (e) {
    if (e instanceof InputRejectedError) return e;
    throw e;
  }
  throw new Error('expected an InputRejectedError');
}

describe('parseEventBody: OCI Events envelope', () => {
  it('parses the reference createobject event', () => {
    expect(parseEventBody(fixtureText('oci-createobject.json'))).toEqual({
      envelope: 'oci-events',
      eventType: 'com.oraclecloud.objectstorage.createobject',
      action: 'createobject',
      eventId: '5b3f2c1e-8d4a-4f6b-9c2e-1a7d3e9f0b42',
      eventTime: '2026-03-14T09:26:53Z',
      namespace: 'exampletenantns',
      bucket: 'landing-bucket',
      object: 'incoming/2026/03/14/invoice-0001.pdf',
      etag: 'd2b0c4a8-3f1e-4c5d-9a7b-6e2f1c0d8b34',
      versionId: null,
    });
  });

  it('keeps versionId and the exact time string of an updateobject event', () => {
    const event = parseEventBody(fixtureText('oci-updateobject-versioned.json'));
    expect(event.action).toBe('updateobject');
    expect(event.versionId).toBe('7c1e2a9f-3b4d-4e5f-8a6b-0c9d1e2f3a4b');
    expect(event.eventTime).toBe('2026-03-14T10:02:11.381Z');
    expect(event.etag).toBe('9f61c1d2-5a7e-4b8c-8d3f-2e4a6b8c0d1e');
  });

  it('accepts a legacy deleteobject: lower-case source, empty resourceId, no tags, no eTag', () => {
    const event = parseEventBody(fixtureText('oci-deleteobject-legacy.json'));
    expect(event).toMatchObject({
      action: 'deleteobject',
      namespace: 'exampletenantns',
      bucket: 'landing-bucket',
      object: 'incoming/2026/03/14/invoice-0001.pdf',
      etag: null,
      versionId: null,
    });
  });

  it('keeps an awkward object name byte for byte', () => {
    const event = parseEventBody(fixtureText('oci-createobject-awkward-name.json'));
    expect(event.object).toBe('incoming/2026 03/Résumé – 日本語 100%+tax #1?.pdf');
  });

  it('takes namespace and bucket from resourceId when additionalDetails lacks them', () => {
    const raw = fixtureJson('oci-createobject.json');
    delete raw.data.additionalDetails.namespace;
    delete raw.data.additionalDetails.bucketName;
    const event = parseObjectStorageEvent(raw);
    expect([event.namespace, event.bucket]).toEqual(['exampletenantns', 'landing-bucket']);
  });

  it('matches the event type case-insensitively and tolerates missing id/time', () => {
    const raw = fixtureJson('oci-createobject.json');
    raw.eventType = 'COM.ORACLECLOUD.OBJECTSTORAGE.CREATEOBJECT';
    delete raw.eventID;
    delete raw.eventTime;
    const event = parseObjectStorageEvent(raw);
    expect(event.eventType).toBe('com.oraclecloud.objectstorage.createobject');
    expect(event.eventId).toBeNull();
    expect(event.eventTime).toBeNull();
  });
});

describe('parseEventBody: CloudEvents 1.0 envelope', () => {
  it('parses a structured-mode CloudEvents 1.0 event', () => {
    expect(parseEventBody(fixtureText('cloudevents-1.0-createobject.json'))).toEqual({
      envelope: 'cloudevents-1.0',
      eventType: 'com.oraclecloud.objectstorage.createobject',
      action: 'createobject',
      eventId: '3f6d2b8a-7c1e-4e9f-a0b2-5d4c3e2f1a09',
      eventTime: '2026-03-14T13:30:00.125+01:00',
      namespace: 'exampletenantns',
      bucket: 'landing-bucket',
      object: 'batch/day 14/a+b.json',
      etag: 'e3a5c7d9-0b2d-4f6a-8c0e-1f3a5c7e9b2d',
      versionId: '11a2b3c4-d5e6-4f70-8192-a3b4c5d6e7f8',
    });
  });

  it('accepts data as a JSON string and as data_base64', () => {
    const raw = fixtureJson('cloudevents-1.0-createobject.json');
    const asString = { ...raw, data: JSON.stringify(raw.data) };
    const asBase64 = { ...raw, data: undefined, data_base64: Buffer.from(JSON.stringify(raw.data)).toString('base64') };
    expect(parseObjectStorageEvent(asString).object).toBe('batch/day 14/a+b.json');
    expect(parseObjectStorageEvent(asBase64).object).toBe('batch/day 14/a+b.json');
  });

  it('rejects other specversions, naming the field', () => {
    const raw = { ...fixtureJson('cloudevents-1.0-createobject.json'), specversion: '0.3' };
    const error = rejection(() => parseObjectStorageEvent(raw));
    expect([error.code, error.field]).toEqual(['InvalidField', 'specversion']);
  });

  it('names "type" (not eventType) when the CloudEvents type is unsupported', () => {
    const raw = { ...fixtureJson('cloudevents-1.0-createobject.json'), type: 'com.example.thing' };
    const error = rejection(() => parseObjectStorageEvent(raw));
    expect([error.code, error.field]).toEqual(['UnsupportedEventType', 'type']);
  });
});

describe('parseEventBody: rejections', () => {
  it.each([
    ['{"eventType": ', 'MalformedJson', null],
    ['', 'MalformedJson', null],
    ['   ', 'MalformedJson', null],
    ['[1,2]', 'InvalidEvent', null],
    ['"just a string"', 'InvalidEvent', null],
    ['null', 'InvalidEvent', null],
    ['{}', 'MissingField', 'eventType'],
    ['{"eventType": 42, "data": {}}', 'InvalidField', 'eventType'],
    ['{"eventType": "com.oraclecloud.objectstorage.createobject"}', 'MissingField', 'data'],
  ])('%j → %s (%s)', (body, code, field) => {
    const error = rejection(() => parseEventBody(body));
    expect(error.code).toBe(code);
    expect(error.field).toBe(field);
    expect(error.message.length).toBeGreaterThan(10);
  });

  it('rejects bucket events as unsupported', () => {
    const error = rejection(() => parseEventBody(fixtureText('oci-createbucket-unsupported.json')));
    expect(error.code).toBe('UnsupportedEventType');
    expect(error.field).toBe('eventType');
    expect(error.message).toContain('com.oraclecloud.objectstorage.createbucket');
  });

  const missing: Array<[string, (raw: Record<string, any>) => void, string]> = [
    ['namespace', (r) => { delete r.data.additionalDetails.namespace; r.data.resourceId = ''; }, 'data.additionalDetails.namespace'],
    ['bucket', (r) => { delete r.data.additionalDetails.bucketName; delete r.data.resourceId; }, 'data.additionalDetails.bucketName'],
    ['object name', (r) => { delete r.data.resourceName; }, 'data.resourceName'],
    ['empty object name', (r) => { r.data.resourceName = ''; }, 'data.resourceName'],
    ['eTag on create', (r) => { delete r.data.additionalDetails.eTag; }, 'data.additionalDetails.eTag'],
  ];
  it.each(missing)('missing %s → MissingField naming the field', (_what, mutate, field) => {
    const raw = fixtureJson('oci-createobject.json');
    mutate(raw);
    const error = rejection(() => parseObjectStorageEvent(raw));
    expect(error.code).toBe('MissingField');
    expect(error.field).toBe(field);
  });

  it('does not derive the object name from resourceId (its encoding is undocumented)', () => {
    const raw = fixtureJson('oci-createobject.json');
    delete raw.data.resourceName;
    expect(rejection(() => parseObjectStorageEvent(raw)).field).toBe('data.resourceName');
  });

  it('rejects a bucket that disagrees with resourceId', () => {
    const raw = fixtureJson('oci-createobject.json');
    raw.data.additionalDetails.bucketName = 'other-bucket';
    const error = rejection(() => parseObjectStorageEvent(raw));
    expect([error.code, error.field]).toEqual(['InvalidField', 'data.additionalDetails.bucketName']);
    expect(error.message).toContain('landing-bucket');
  });

  it.each([
    ['eventTime not RFC 3339', (r: Record<string, any>) => { r.eventTime = 'yesterday'; }, 'eventTime'],
    ['eventTime not a string', (r: Record<string, any>) => { r.eventTime = 1710408413; }, 'eventTime'],
    // RFC 3339 shape, but no such day or time: the claim's `format: date-time` would fail on them.
    ['eventTime on February 30', (r: Record<string, any>) => { r.eventTime = '2026-02-30T09:26:53Z'; }, 'eventTime'],
    ['eventTime at hour 24', (r: Record<string, any>) => { r.eventTime = '2026-03-14T24:00:00Z'; }, 'eventTime'],
    ['eventTime with offset +24:00', (r: Record<string, any>) => { r.eventTime = '2026-03-14T09:26:53+24:00'; }, 'eventTime'],
    ['resourceName a number', (r: Record<string, any>) => { r.data.resourceName = 7; }, 'data.resourceName'],
    ['additionalDetails an array', (r: Record<string, any>) => { r.data.additionalDetails = []; }, 'data.additionalDetails'],
    ['eventID an object', (r: Record<string, any>) => { r.eventID = { id: 1 }; }, 'eventID'],
  ])('%s → InvalidField', (_what, mutate, field) => {
    const raw = fixtureJson('oci-createobject.json');
    mutate(raw);
    const error = rejection(() => parseObjectStorageEvent(raw));
    expect([error.code, error.field]).toEqual(['InvalidField', field]);
  });
});
