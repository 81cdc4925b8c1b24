/**
 * The emulators' command line: flags, printed endpoints, and credential files that real SDK providers accept.
 */
import { readFileSync } from 'node:fs';
import * as common from 'oci-common';
import { ObjectStorageClient } from 'oci-objectstorage';
import { StreamClient } from 'oci-streaming';
import { EMULATORS_USAGE, runEmulatorsFromArgs } from '../../lib/emulators';
import { b64, silenceSdkWarnings, tempDir, withEnv } from './emulator-test-helpers';

silenceSdkWarnings();

describe('runEmulatorsFromArgs', () => {
  test('starts both emulators with keys; the printed OCI config and resource principal env sign accepted requests', async () => {
    const data = tempDir('emulators-cli');
    let output = '';
    const running = await runEmulatorsFromArgs(
      ['--stream', 'ocid1.stream.oc1..cli:3', '--bucket', 'landing', '--bucket', 'archive:versioned', '--namespace', 'clins', '--data', data.dir],
      (text) => (output += text),
    );
    try {
      expect(output).toContain(`Object Storage  ${running.objectStorage!.endpoint}  namespace clins, buckets landing, archive`);
      expect(output).toContain(`Streaming       ${running.streaming!.endpoint}`);
      expect(output).toContain('ocid1.stream.oc1..cli (3)');
      expect(output).toContain(running.credentials!.ociConfigFile);

      const apiKey = new common.ConfigFileAuthenticationDetailsProvider(running.credentials!.ociConfigFile);
      const os = new ObjectStorageClient({ authenticationDetailsProvider: apiKey });
      os.endpoint = running.objectStorage!.endpoint;
      expect((await os.getNamespace({})).value).toBe('clins');
      const versioned = await os.putObject({ namespaceName: 'clins', bucketName: 'archive', objectName: 'a', putObjectBody: 'x', contentLength: 1 });
      expect(versioned.versionId).toBeDefined();

      const envLines = readFileSync(running.credentials!.resourcePrincipalEnvFile, 'utf8').trim().split('\n');
      const env = Object.fromEntries(envLines.map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
      expect(env).toEqual(running.credentials!.resourcePrincipalEnv);
      const stream = await withEnv(env, () => new StreamClient({ authenticationDetailsProvider: common.ResourcePrincipalAuthenticationDetailsProvider.builder() }));
      stream.endpoint = running.streaming!.endpoint;
      const put = await stream.putMessages({ streamId: 'ocid1.stream.oc1..cli', putMessagesDetails: { messages: [{ key: b64('k'), value: b64('v') }] } });
      expect(put.putMessagesResult.failures).toBe(0);
      expect(running.streaming!.readAll('ocid1.stream.oc1..cli')).toHaveLength(1);
    } finally {
      await running.stop();
    }

    // Same data dir: same API key, messages still there.
    const again = await runEmulatorsFromArgs(['--stream', 'ocid1.stream.oc1..cli:3', '--data', data.dir, '--json'], (text) => (output = text));
    try {
      const printed = JSON.parse(output);
      expect(printed).toMatchObject({ dataDir: data.dir, streaming: { endpoint: again.streaming!.endpoint }, auth: { apiKeyId: running.credentials!.apiKeyId } });
      expect(again.objectStorage).toBeUndefined();
      expect(again.streaming!.readAll('ocid1.stream.oc1..cli')).toHaveLength(1);
    } finally {
      await again.stop();
      data.remove();
    }
  });

  test('--auth none starts without verification; bad flags are errors', async () => {
    const data = tempDir('emulators-cli-none');
    let output = '';
    const running = await runEmulatorsFromArgs(['--bucket', 'b', '--auth', 'none', '--data', data.dir], (text) => (output += text));
    try {
      expect(output).toContain('Auth            none');
      expect((await fetch(`${running.objectStorage!.endpoint}/n/`)).status).toBe(200);
    } finally {
      await running.stop();
      data.remove();
    }
    // Every bad command line is a UsageError carrying the usage text (the bin prints both and exits 2).
    const usageError = (message: RegExp) => expect.objectContaining({ name: 'UsageError', message: expect.stringMatching(message), usage: EMULATORS_USAGE });
    await expect(runEmulatorsFromArgs([], () => undefined)).rejects.toEqual(usageError(/Nothing to start/));
    await expect(runEmulatorsFromArgs(['--stream', 'x:0'], () => undefined)).rejects.toEqual(usageError(/ID:PARTITIONS/));
    await expect(runEmulatorsFromArgs(['--bucket', 'b:weird'], () => undefined)).rejects.toEqual(usageError(/NAME:versioned/));
    await expect(runEmulatorsFromArgs(['--bucket', 'b', '--auth', 'maybe'], () => undefined)).rejects.toEqual(usageError(/--auth/));
    await expect(runEmulatorsFromArgs(['--frobnicate'], () => undefined)).rejects.toEqual(usageError(/Unknown option '--frobnicate'/));
    await expect(runEmulatorsFromArgs(['--bucket', 'b', 'stray'], () => undefined)).rejects.toEqual(usageError(/stray/));
  });

  test.each(['1e2', '0x10', '1.0', '+1', '-1', ' 1', '', '65535'])('--port %j is refused: decimal digits only, 0..65534', async (port) => {
    await expect(runEmulatorsFromArgs(['--bucket', 'b', `--port=${port}`], () => undefined)).rejects.toEqual(
      expect.objectContaining({ name: 'UsageError', message: `--port must be a decimal integer from 0 to 65534, got "${port}"` }),
    );
  });

  test.each(['s:1e1', 's:0x2', 's:2.0', 's:', 's:-1'])('--stream %j is refused: PARTITIONS is decimal digits only', async (stream) => {
    await expect(runEmulatorsFromArgs(['--stream', stream], () => undefined)).rejects.toEqual(
      expect.objectContaining({ name: 'UsageError', message: expect.stringContaining(`got "${stream}"`) }),
    );
  });
});
