/**
 * Request-signature verification against what the real SDK sends: API keys, resource principal session tokens,
 * and the ways a request can fail authentication.
 */
import { sign } from 'node:crypto';
import { connect } from 'node:net';
import * as common from 'oci-common';
import { ObjectStorageClient } from 'oci-objectstorage';
import { StreamClient } from 'oci-streaming';
import {
  apiKeyFingerprint,
  buildSigningString,
  createApiKey,
  createIssuerKeyPair,
  createLocalResourcePrincipal,
  parseAuthorizationHeader,
} from '../../lib/emulators/common';
import { ObjectStorageEmulator } from '../../lib/emulators/objectstorage';
import { StreamingEmulator } from '../../lib/emulators/streaming';
import {
  apiKeyProvider,
  b64,
  failureOf,
  interceptingHttpClient,
  noCircuitBreaker,
  silenceSdkWarnings,
  tempDir,
  testApiKey,
  trusting,
  withEnv,
} from './emulator-test-helpers';
import { waitFor, withDeadline } from '../helpers/wait-for';

const STREAM = 'ocid1.stream.oc1.iad.auth';
const issuer = createIssuerKeyPair();

silenceSdkWarnings();

describe('request signatures', () => {
  let data: ReturnType<typeof tempDir>;
  let emu: StreamingEmulator;

  beforeEach(async () => {
    data = tempDir('signatures');
    emu = await StreamingEmulator.start({ dataDir: data.dir, streams: [{ id: STREAM, partitions: 1 }], auth: trusting(issuer.publicKeyPem) });
  });
  afterEach(async () => {
    await emu.stop();
    data.remove();
  });

  // The SDK's AuthParams type allows only one of httpClient/authenticationDetailsProvider; at runtime both combine.
  const streamClient = (params: { httpClient?: unknown; authenticationDetailsProvider?: unknown }) => {
    const client = new StreamClient(params as common.AuthParams);
    client.endpoint = emu.endpoint;
    return client;
  };
  const put = (client: StreamClient) => client.putMessages({ streamId: STREAM, putMessagesDetails: { messages: [{ value: b64('hello') }] } });
  const createCursor = (client: StreamClient) =>
    client.createCursor({ streamId: STREAM, createCursorDetails: { partition: '0', type: 'TRIM_HORIZON' as never } });

  test('a request signed with a registered API key is accepted (GET, POST with body, POST without body)', async () => {
    const client = streamClient({ authenticationDetailsProvider: apiKeyProvider() });
    expect((await put(client)).putMessagesResult.failures).toBe(0);
    const cursor = (await createCursor(client)).cursor.value;
    expect((await client.getMessages({ streamId: STREAM, cursor })).items).toHaveLength(1);
    const group = await client.createGroupCursor({ streamId: STREAM, createGroupCursorDetails: { groupName: 'g', type: 'TRIM_HORIZON' as never } });
    expect((await client.consumerHeartbeat({ streamId: STREAM, cursor: group.cursor.value })).cursor.value).toBeTruthy();
  });

  test('an unsigned request, an unknown key and a key that does not match are 401 NotAuthenticated', async () => {
    const unsigned = await failureOf(put(streamClient({})));
    expect(unsigned).toMatchObject({ statusCode: 401, serviceCode: 'NotAuthenticated' });
    expect(unsigned.message).toContain('not signed');

    const stranger = createApiKey('ocid1.tenancy.oc1..other', 'ocid1.user.oc1..other');
    const unknown = await failureOf(put(streamClient({ authenticationDetailsProvider: apiKeyProvider(stranger) })));
    expect(unknown).toMatchObject({ statusCode: 401, serviceCode: 'NotAuthenticated' });
    expect(unknown.message).toContain('unknown keyId');

    // The registered keyId, signed with some other private key.
    const wrongKey = { ...testApiKey, privateKeyPem: stranger.privateKeyPem };
    const mismatch = await failureOf(put(streamClient({ authenticationDetailsProvider: apiKeyProvider(wrongKey) })));
    expect(mismatch).toMatchObject({ statusCode: 401, serviceCode: 'NotAuthenticated' });
    expect(mismatch.message).toContain('does not verify');
  });

  test('a body changed after signing is 401 (x-content-sha256 no longer matches)', async () => {
    const tampering = streamClient({
      authenticationDetailsProvider: apiKeyProvider(),
      httpClient: interceptingHttpClient(apiKeyProvider(), {
        afterSigning: (req) => {
          req.body = (req.body as string).replace('TRIM_HORIZON', 'LATEST      ');
        },
      }),
    });
    const failure = await failureOf(createCursor(tampering));
    expect(failure).toMatchObject({ statusCode: 401, serviceCode: 'NotAuthenticated' });
    expect(failure.message).toContain('x-content-sha256');
  });

  test('PutMessages bodies are outside the signature, as in OCI (the SDK signs date, target and host only)', async () => {
    let signedHeaders: string[] = [];
    const tampering = streamClient({
      authenticationDetailsProvider: apiKeyProvider(),
      httpClient: interceptingHttpClient(apiKeyProvider(), {
        afterSigning: (req) => {
          signedHeaders = parseAuthorizationHeader(req.headers.get('authorization')!).headers;
          req.body = (req.body as string).replace(b64('hello'), b64('HELLO'));
        },
      }),
    });
    expect((await put(tampering)).putMessagesResult.failures).toBe(0);
    expect(signedHeaders).toEqual(['x-date', '(request-target)', 'host']);
    expect(emu.readAll(STREAM)[0].value.toString()).toBe('HELLO');
  });

  describe('the signature is checked before the body is read', () => {
    const DECLARED = 64 * 1024 * 1024;
    const FIRST_PART = 1024;

    test.each<[string, string[]]>([
      ['unsigned', []],
      ['signed with an unknown key', [`authorization: Signature version="1",keyId="ST$nobody",algorithm="rsa-sha256",headers="date (request-target) host",signature="AAAA"`]],
    ])('%s, with a 64 MiB body of which 1 KiB was sent: 401 at once, and the rest is not read', async (_what, authHeaders) => {
      const { hostname, port } = new URL(emu.endpoint);
      const socket = connect(Number(port), hostname);
      let received = '';
      let closed = false;
      socket.on('data', (chunk) => (received += chunk.toString('latin1')));
      socket.on('error', () => undefined); // the reset when the server cuts the connection
      socket.on('close', () => (closed = true));
      socket.write(
        [
          `POST /20180418/streams/${STREAM}/messages HTTP/1.1`,
          `host: ${hostname}:${port}`,
          `date: ${new Date().toUTCString()}`,
          'content-type: application/json',
          `content-length: ${DECLARED}`,
          ...authHeaders,
          '',
          '',
        ].join('\r\n'),
      );
      socket.write(Buffer.alloc(FIRST_PART, 0x20));
      try {
        // The rest of the body is held back: a server that reads the body before checking the signature never answers.
        const head = await waitFor(() => (received.includes('\r\n\r\n') ? received : undefined), {
          what: `an answer while ${DECLARED - FIRST_PART} bytes of the body were still unsent (does the server read the body before checking the signature?)`,
        });
        expect(head).toMatch(/^HTTP\/1\.1 401 /);
        expect(received).toContain('"code":"NotAuthenticated"');

        // Now send the rest: the server discards at most a small part, then cuts the connection.
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        let offered = FIRST_PART;
        while (!closed && offered < DECLARED) {
          offered += chunk.length;
          if (!socket.write(chunk)) {
            await withDeadline(new Promise((resolve) => (socket.once('drain', resolve), socket.once('close', resolve))), {
              what: 'the server to read on or close the connection',
            });
          }
        }
        await waitFor(() => closed, { what: 'the server to close the connection of the refused upload', state: () => ({ written: socket.bytesWritten }) });
        expect({ closedBeforeTheWholeBody: socket.bytesWritten < DECLARED }).toEqual({ closedBeforeTheWholeBody: true });
        expect(emu.readAll(STREAM)).toEqual([]);
      } finally {
        socket.destroy();
      }
    });

    test('a small refused body is read to its end: the 401 arrives and the same connection serves the next request', async () => {
      const { hostname, port } = new URL(emu.endpoint);
      const socket = connect(Number(port), hostname);
      let received = '';
      socket.on('data', (chunk) => (received += chunk.toString('latin1')));
      socket.on('error', () => undefined);
      const body = JSON.stringify({ messages: [{ value: b64('x') }] });
      const request = [`POST /20180418/streams/${STREAM}/messages HTTP/1.1`, `host: ${hostname}:${port}`, `content-length: ${body.length}`, '', body].join('\r\n');
      const answers = () => received.match(/HTTP\/1\.1 \d+ /g) ?? [];
      try {
        socket.write(request);
        await waitFor(() => answers().length === 1 && received.includes('NotAuthenticated'), { what: 'the 401 to the first request', state: () => received });
        socket.write(request);
        await waitFor(() => answers().length === 2, { what: 'an answer to a second request on the same connection', state: () => received });
        expect(answers()).toEqual(['HTTP/1.1 401 ', 'HTTP/1.1 401 ']);
      } finally {
        socket.destroy();
      }
    });
  });

  test('a changed path or a stale date is 401', async () => {
    const redirected = streamClient({
      authenticationDetailsProvider: apiKeyProvider(),
      httpClient: interceptingHttpClient(apiKeyProvider(), {
        afterSigning: (req) => {
          req.uri = req.uri.replace('cursors', 'cursors?x=1');
        },
      }),
    });
    expect(await failureOf(createCursor(redirected))).toMatchObject({ statusCode: 401, serviceCode: 'NotAuthenticated' });

    const stale = streamClient({
      authenticationDetailsProvider: apiKeyProvider(),
      httpClient: interceptingHttpClient(apiKeyProvider(), {
        beforeSigning: (req) => req.headers.set('x-date', new Date(Date.now() - 6 * 60 * 1000).toUTCString()),
      }),
    });
    const failure = await failureOf(createCursor(stale));
    expect(failure).toMatchObject({ statusCode: 401, serviceCode: 'NotAuthenticated' });
    expect(failure.message).toContain('300 s');
  });

  test('a signature that leaves out required headers is 401', async () => {
    const provider = apiKeyProvider();
    const client = streamClient({
      authenticationDetailsProvider: provider,
      httpClient: {
        async send(req: common.HttpRequest) {
          // Sign only (request-target) and host: no date, no body headers.
          req.headers.set('host', new URL(req.uri).host);
          const url = new URL(req.uri);
          const signingString = buildSigningString(
            { method: req.method, url: url.pathname + url.search, headers: { host: url.host } },
            ['(request-target)', 'host'],
          );
          const signature = sign('sha256', Buffer.from(signingString), testApiKey.privateKeyPem).toString('base64');
          req.headers.set(
            'authorization',
            `Signature version="1",keyId="${testApiKey.keyId}",algorithm="rsa-sha256",headers="(request-target) host",signature="${signature}"`,
          );
          return fetch(new Request(req.uri, { method: req.method, headers: req.headers, body: req.body as string, duplex: 'half' } as RequestInit));
        },
      },
    });
    const failure = await failureOf(createCursor(client));
    expect(failure).toMatchObject({ statusCode: 401, serviceCode: 'NotAuthenticated' });
    expect(failure.message).toContain('date or x-date, content-length, content-type, x-content-sha256');
  });

  test('keys can be registered at runtime; the fingerprint is OCI\'s MD5 of the DER public key', async () => {
    const later = createApiKey('ocid1.tenancy.oc1..later', 'ocid1.user.oc1..later');
    expect(later.fingerprint).toMatch(/^([0-9a-f]{2}:){15}[0-9a-f]{2}$/);
    expect(apiKeyFingerprint(later.publicKeyPem)).toBe(later.fingerprint);
    const client = streamClient({ authenticationDetailsProvider: apiKeyProvider(later) });
    expect(await failureOf(put(client))).toMatchObject({ statusCode: 401 });
    emu.credentials!.addApiKey(later.keyId, later.publicKeyPem);
    expect((await put(client)).putMessagesResult.failures).toBe(0);
  });

  describe('resource principals', () => {
    const rpClient = async (env: Record<string, string>) =>
      withEnv(env, () => streamClient({ authenticationDetailsProvider: common.ResourcePrincipalAuthenticationDetailsProvider.builder() }));

    test('a minted RPST is accepted by the SDK provider and by the emulator', async () => {
      const principal = createLocalResourcePrincipal({
        issuerKey: issuer,
        tenancyId: 'ocid1.tenancy.oc1..rp',
        compartmentId: 'ocid1.compartment.oc1..rp',
        resourceId: 'ocid1.fnfunc.oc1.iad.publisher',
        region: 'us-phoenix-1',
      });
      expect(Object.keys(principal.env).sort()).toEqual([
        'OCI_RESOURCE_PRINCIPAL_PRIVATE_PEM',
        'OCI_RESOURCE_PRINCIPAL_REGION',
        'OCI_RESOURCE_PRINCIPAL_RPST',
        'OCI_RESOURCE_PRINCIPAL_VERSION',
      ]);
      expect(principal.env.OCI_RESOURCE_PRINCIPAL_VERSION).toBe('2.2');
      const provider = await withEnv(principal.env, () => common.ResourcePrincipalAuthenticationDetailsProvider.builder());
      expect(await provider.getStringClaim('res_tenant')).toBe('ocid1.tenancy.oc1..rp');
      expect(await provider.getStringClaim('res_compartment')).toBe('ocid1.compartment.oc1..rp');
      expect(provider.getRegion().regionId).toBe('us-phoenix-1');
      expect(await provider.getKeyId()).toBe(`ST$${principal.token}`);

      const client = streamClient({ authenticationDetailsProvider: provider });
      expect((await put(client)).putMessagesResult.failures).toBe(0);
      expect((await createCursor(client)).cursor.value).toBeTruthy();
    });

    test('file-based RPST and key (as OCI Functions mounts them) work too', async () => {
      const dir = tempDir('rpst-files');
      try {
        const principal = createLocalResourcePrincipal({ issuerKey: issuer, writeToDirectory: dir.dir });
        expect(principal.env.OCI_RESOURCE_PRINCIPAL_RPST).toBe(`${dir.dir}/rpst`);
        const client = await rpClient(principal.env);
        expect((await put(client)).putMessagesResult.failures).toBe(0);
      } finally {
        dir.remove();
      }
    });

    test('an expired RPST is 401', async () => {
      const expired = createLocalResourcePrincipal({ issuerKey: issuer, ttlSeconds: -60 });
      const failure = await failureOf(put(await rpClient(expired.env)));
      expect(failure).toMatchObject({ statusCode: 401, serviceCode: 'NotAuthenticated' });
      expect(failure.message).toContain('expired');
    });

    test('an RPST from another issuer, or a session key that is not the token\'s, is 401', async () => {
      const forged = createLocalResourcePrincipal({ issuerKey: createIssuerKeyPair() });
      const failure = await failureOf(put(await rpClient(forged.env)));
      expect(failure).toMatchObject({ statusCode: 401, serviceCode: 'NotAuthenticated' });
      expect(failure.message).toContain('issuer');

      const genuine = createLocalResourcePrincipal({ issuerKey: issuer });
      const other = createLocalResourcePrincipal({ issuerKey: issuer });
      const swapped = { ...genuine.env, OCI_RESOURCE_PRINCIPAL_PRIVATE_PEM: other.sessionPrivateKeyPem };
      const mismatch = await failureOf(put(await rpClient(swapped)));
      expect(mismatch).toMatchObject({ statusCode: 401, serviceCode: 'NotAuthenticated' });
      expect(mismatch.message).toContain('does not verify');
    });
  });

  test('without an issuer key, the emulator keeps a local identity in dataDir that survives restarts', async () => {
    const dir = tempDir('local-identity');
    try {
      let local = await StreamingEmulator.start({ dataDir: dir.dir, streams: [{ id: STREAM, partitions: 1 }] });
      const principal = createLocalResourcePrincipal({ issuer: local.localIssuer! });
      await local.stop();
      local = await StreamingEmulator.start({ dataDir: dir.dir, streams: [{ id: STREAM, partitions: 1 }] });
      const client = await withEnv(principal.env, () => new StreamClient({ authenticationDetailsProvider: common.ResourcePrincipalAuthenticationDetailsProvider.builder() }));
      client.endpoint = local.endpoint;
      expect((await put(client)).putMessagesResult.failures).toBe(0);
      await local.stop();
    } finally {
      dir.remove();
    }
  });

  test("auth: 'none' accepts unsigned requests (debugging only)", async () => {
    const dir = tempDir('no-auth');
    const open = await StreamingEmulator.start({ dataDir: dir.dir, streams: [{ id: STREAM, partitions: 1 }], auth: 'none' });
    try {
      expect(open.credentials).toBeNull();
      const client = new StreamClient({} as common.AuthParams);
      client.endpoint = open.endpoint;
      expect((await put(client)).putMessagesResult.failures).toBe(0);
    } finally {
      await open.stop();
      dir.remove();
    }
  });

  test('Object Storage verifies signatures too (GET without body, PUT with its body exempt)', async () => {
    const dir = tempDir('os-auth');
    const os = await ObjectStorageEmulator.start({ dataDir: dir.dir, namespace: 'ns', buckets: [{ name: 'b' }], auth: trusting(issuer.publicKeyPem) });
    try {
      const signed = new ObjectStorageClient({ authenticationDetailsProvider: apiKeyProvider() });
      signed.endpoint = os.endpoint;
      await signed.putObject({ namespaceName: 'ns', bucketName: 'b', objectName: 'x', putObjectBody: 'data', contentLength: 4 });
      expect((await signed.headObject({ namespaceName: 'ns', bucketName: 'b', objectName: 'x' })).contentLength).toBe(4);
      const unsigned = new ObjectStorageClient({} as common.AuthParams, noCircuitBreaker);
      unsigned.endpoint = os.endpoint;
      expect(await failureOf(unsigned.getNamespace({}))).toMatchObject({ statusCode: 401, serviceCode: 'NotAuthenticated' });
    } finally {
      await os.stop();
      dir.remove();
    }
  });
});
