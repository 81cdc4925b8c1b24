/**
 * The SDK example `claimcheck local` prints is copied and run as printed (only the package specifier points at this
 * checkout), against an Object Storage emulator that verifies signatures with the printed OCI config file's key:
 * it must store its object whose name has an apostrophe.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as common from 'oci-common';
import { ObjectStorageEmulator } from '../../lib/emulators/objectstorage';
import { identityAuthOptions, loadOrCreateLocalIdentity, writeCredentialFiles } from '../../lib/emulators/local-identity';
import type { LocalCircuit } from '../../lib/local/circuit';
import { describeLocalCircuit } from '../../lib/local/local-command';
import { newObjectStorageClient } from '../../lib/runtime/oci-sdk-clients';
import { tempDir } from '../emulators/emulator-test-helpers';

const ROOT = join(__dirname, '..', '..');

test("the printed SDK example uploads an object named with an apostrophe, signed with the printed config file", async () => {
  const data = tempDir('local-example');
  const identity = loadOrCreateLocalIdentity(data.dir);
  const credentials = writeCredentialFiles(join(data.dir, 'identity'), identity);
  const emu = await ObjectStorageEmulator.start({ dataDir: join(data.dir, 'os'), namespace: 'localns', buckets: ['landing'], auth: identityAuthOptions(identity) });
  try {
    // The fields describeLocalCircuit reads, from a real emulator and real credential files.
    const circuit = {
      credentials,
      objectStorage: emu,
      streaming: { endpoint: 'http://127.0.0.1:1' },
      namespace: 'localns',
      bucketName: 'landing',
      stateBucketName: 'state',
      streamId: 'ocid1.stream.oc1..local',
      region: 'us-ashburn-1',
      topology: { partitions: 1, rules: [{ displayName: 'rule' }], stackName: 'sample', pipelinePath: 'sample/Files', stateBucketName: 'state' },
      stackSource: { kind: 'sample' },
    } as unknown as LocalCircuit;
    const printed = describeLocalCircuit(circuit, data.dir).split('\n');
    const start = printed.findIndex((line) => line.startsWith('  SDK'));
    const end = printed.findIndex((line) => line.startsWith('  Consumer:'));
    const snippet = printed.slice(start + 1, end).map((line) => line.replace(/^ {4}/, ''));
    expect(snippet.some((line) => line.includes("objectName: \"it's here.txt\""))).toBe(true);

    // As a CommonJS TypeScript file (top-level statements in an async function), resolving packages from this checkout.
    const imports = snippet.filter((line) => line.startsWith('import '));
    const body = snippet.filter((line) => !line.startsWith('import '));
    const file = join(data.dir, 'example.ts');
    writeFileSync(
      file,
      [...imports.map((line) => line.replace("'cdktf-oci-claim-check/consumer'", JSON.stringify(join(ROOT, 'lib', 'consumer', 'index.ts')))), '(async () => {', ...body, '})().catch((e) => { console.error(e.statusCode, e.message); process.exit(1); });'].join('\n'),
    );
    // Asynchronously: the emulator answers from this process.
    const run = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = execFile(process.execPath, ['--import', 'tsx', file], { timeout: 60000, env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') } }, (error, _stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stderr }),
      );
      child.stdin?.end();
    });
    expect(run).toEqual({ code: 0, stderr: '' });
    const key = identity.apiKey;
    const reader = newObjectStorageClient(
      new common.SimpleAuthenticationDetailsProvider(key.tenancyId, key.userId, key.fingerprint, key.privateKeyPem, null, common.Region.US_ASHBURN_1),
      { endpoint: emu.endpoint },
    );
    const listed = await reader.listObjects({ namespaceName: 'localns', bucketName: 'landing' });
    reader.close();
    expect(listed.listObjects.objects.map((o) => o.name)).toEqual(["it's here.txt"]);
  } finally {
    await emu.stop();
    data.remove();
  }
});
