/**
 * `claimcheck local` as a user drives it: start it, read the printed endpoints and OCI config file, upload with the
 * SDK using only what was printed, read the claim check back from the stream, stop it with Ctrl-C (SIGINT).
 */
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as common from 'oci-common';
import * as objectstorage from 'oci-objectstorage';
import * as streaming from 'oci-streaming';

const BIN = join(__dirname, '..', '..', 'bin', 'claimcheck.ts');

describe('claimcheck local', () => {
  let child: ChildProcess | undefined;
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'claimcheck-local-'));
  });
  afterAll(() => {
    child?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('what it prints is enough to upload with the SDK and read the claim check; Ctrl-C stops it', async () => {
    child = spawn(process.execPath, ['--import', 'tsx', BIN, 'local', '--data', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let printed = '';
    child.stdout!.on('data', (chunk) => (printed += chunk));
    const deadline = Date.now() + 60000;
    while (!printed.includes('Try it:')) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`claimcheck local did not start:\n${printed}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const field = (pattern: RegExp) => printed.match(pattern)?.[1] ?? fail(`nothing matches ${pattern} in:\n${printed}`);
    const objectStorageEndpoint = field(/Object Storage\s+(http:\/\/\S+)/);
    const streamingEndpoint = field(/Streaming\s+(http:\/\/\S+)/);
    const configFile = field(/OCI config file\s+(\S+)/);
    const namespace = field(/namespace (\S+);/);
    const bucket = field(/; bucket (\S+) \(object events on\)/);
    const streamId = field(/stream (ocid1\.stream\S+),/);
    const partitions = Number(field(/, (\d+) partitions/));
    expect(configFile).toBe(join(dataDir, 'identity', 'oci-config'));

    const auth = new common.ConfigFileAuthenticationDetailsProvider(configFile, 'DEFAULT');
    const storage = new objectstorage.ObjectStorageClient({ authenticationDetailsProvider: auth });
    storage.endpoint = objectStorageEndpoint;
    await storage.putObject({ namespaceName: namespace, bucketName: bucket, objectName: 'from the printout.txt', putObjectBody: 'hi', contentLength: 2 });
    storage.close();

    const stream = new streaming.StreamClient({ authenticationDetailsProvider: auth });
    stream.endpoint = streamingEndpoint;
    const claims: any[] = [];
    while (claims.length === 0 && Date.now() < deadline) {
      for (let p = 0; p < partitions; p++) {
        const partition = String(p);
        const cursor = await stream.createCursor({ streamId, createCursorDetails: { partition, type: streaming.models.CreateCursorDetails.Type.TrimHorizon } });
        const got = await stream.getMessages({ streamId, cursor: cursor.cursor.value });
        claims.push(...got.items.map((m) => JSON.parse(Buffer.from(m.value, 'base64').toString('utf8'))));
      }
      if (claims.length === 0) await new Promise((r) => setTimeout(r, 100));
    }
    stream.close();
    expect(claims.map((c) => [c.data.bucket, c.data.object, c.data.eventType])).toEqual([
      [bucket, 'from the printout.txt', 'com.oraclecloud.objectstorage.createobject'],
    ]);

    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });
});

function fail(message: string): never {
  throw new Error(message);
}
