/**
 * What a crash leaves behind is cleaned up on the next start: a torn last line in a partition log, an upload that
 * never finished, a data file whose metadata was never written.
 */
import { appendFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ObjectStorageClient } from 'oci-objectstorage';
import { StreamClient } from 'oci-streaming';
import { ObjectStorageEmulator } from '../../lib/emulators/objectstorage';
import { StreamingEmulator } from '../../lib/emulators/streaming';
import { apiKeyProvider, b64, silenceSdkWarnings, tempDir, trusting } from './emulator-test-helpers';

silenceSdkWarnings();

test('a torn last line in a partition log is dropped; offsets continue after the last whole message', async () => {
  const data = tempDir('crash-streaming');
  const streams = [{ id: 'ocid1.stream.oc1..crash', partitions: 1 }];
  try {
    let emu = await StreamingEmulator.start({ dataDir: data.dir, streams, auth: trusting() });
    const client = new StreamClient({ authenticationDetailsProvider: apiKeyProvider() });
    client.endpoint = emu.endpoint;
    await client.putMessages({ streamId: streams[0].id, putMessagesDetails: { messages: [{ value: b64('a') }, { value: b64('b') }] } });
    await emu.stop();

    const log = join(data.dir, 'streams', encodeURIComponent(streams[0].id).replace(/\./g, '%2E'), 'partition-0.jsonl');
    appendFileSync(log, '{"offset":2,"timestamp":"2026-01-01T00:00:00.000Z","key":null,"val');
    emu = await StreamingEmulator.start({ dataDir: data.dir, streams, auth: trusting() });
    client.endpoint = emu.endpoint;
    expect(emu.readAll(streams[0].id).map((m) => m.value.toString())).toEqual(['a', 'b']);
    const next = await client.putMessages({ streamId: streams[0].id, putMessagesDetails: { messages: [{ value: b64('c') }] } });
    expect(next.putMessagesResult.entries[0].offset).toBe(2);
    await emu.stop();
    expect(readFileSync(log, 'utf8').trim().split('\n').map((l) => JSON.parse(l).offset)).toEqual([0, 1, 2]);
  } finally {
    data.remove();
  }
});

test('unfinished uploads and unreferenced data files are swept when a bucket opens', async () => {
  const data = tempDir('crash-objectstorage');
  try {
    let emu = await ObjectStorageEmulator.start({ dataDir: data.dir, namespace: 'ns', buckets: ['b'], auth: trusting() });
    const client = new ObjectStorageClient({ authenticationDetailsProvider: apiKeyProvider() });
    client.endpoint = emu.endpoint;
    await client.putObject({ namespaceName: 'ns', bucketName: 'b', objectName: 'kept', putObjectBody: 'kept', contentLength: 4 });
    await emu.stop();

    const bucketDir = join(data.dir, 'objectstorage', 'ns', 'b');
    writeFileSync(join(bucketDir, 'tmp', 'upload-in-progress'), 'partial');
    writeFileSync(join(bucketDir, 'data', 'orphan'), 'no metadata');
    writeFileSync(join(bucketDir, 'objects', 'x.json.123.abc.tmp'), '{"torn');
    emu = await ObjectStorageEmulator.start({ dataDir: data.dir, namespace: 'ns', buckets: ['b'], auth: trusting() });
    client.endpoint = emu.endpoint;
    expect(readdirSync(join(bucketDir, 'tmp'))).toEqual([]);
    expect(readdirSync(join(bucketDir, 'data'))).toHaveLength(1);
    expect(readdirSync(join(bucketDir, 'objects')).every((f) => f.endsWith('.json'))).toBe(true);
    const listed = await client.listObjects({ namespaceName: 'ns', bucketName: 'b' });
    expect(listed.listObjects.objects.map((o) => o.name)).toEqual(['kept']);
    await emu.stop();
  } finally {
    data.remove();
  }
});
