import { putJsonIfVersion } from '../../lib/runtime/conditional-put';

const target = { namespaceName: 'ns', bucketName: 'b', objectName: 'state/p0.json' };
const preconditionFailed = () => Object.assign(new Error('IfMatchFailed'), { statusCode: 412, serviceCode: 'IfMatchFailed' });

function fakeClient(answer: () => { eTag?: string }) {
  const requests: Array<Record<string, unknown>> = [];
  return { requests, client: { putObject: async (request: object) => (requests.push(request as Record<string, unknown>), answer()) } };
}

describe('putJsonIfVersion', () => {
  it('creates only when there is no object (if-none-match: *), as JSON with its byte length', async () => {
    const { client, requests } = fakeClient(() => ({ eTag: 'e1' }));
    await expect(putJsonIfVersion(client, target, '{"é":1}', null)).resolves.toBe('e1');
    expect(requests).toEqual([
      { ...target, putObjectBody: '{"é":1}', contentLength: 8, contentType: 'application/json', ifNoneMatch: '*' },
    ]);
  });

  it('replaces only the version it read (if-match: <ETag>); an answer without ETag is "unknown"', async () => {
    const { client, requests } = fakeClient(() => ({}));
    await expect(putJsonIfVersion(client, target, '{}', 'e1')).resolves.toBe('unknown');
    expect(requests[0]).toMatchObject({ ifMatch: 'e1' });
    expect(requests[0]).not.toHaveProperty('ifNoneMatch');
  });

  it('answers null when the precondition failed (412), and throws anything else', async () => {
    await expect(putJsonIfVersion(fakeClient(() => { throw preconditionFailed(); }).client, target, '{}', 'e1')).resolves.toBeNull();
    const denied = Object.assign(new Error('denied'), { statusCode: 404, serviceCode: 'BucketNotFound' });
    await expect(putJsonIfVersion(fakeClient(() => { throw denied; }).client, target, '{}', null)).rejects.toBe(denied);
  });
});
