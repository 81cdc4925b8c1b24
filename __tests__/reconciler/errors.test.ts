import { ClaimPublisher, PublishFailedError } from '../../lib/reconciler/claim-publisher';
import { PositionConflictError } from '../../lib/reconciler/position-store';
import { ClaimCheckError } from '../../lib/runtime/errors';

describe("the reconciler's errors", () => {
  it.each([
    [new PublishFailedError('PutMessages refused: HTTP 401', 3), 'PublishFailedError', 'PublishFailed', false],
    [new PublishFailedError('Claims not published after 9 attempts', 3, true), 'PublishFailedError', 'PublishFailed', true],
    [new PositionConflictError('oci://b@ns/p'), 'PositionConflictError', 'PositionConflict', false],
  ])('%s is a ClaimCheckError named %s, code %s, retriable %s', (error, name, code, retriable) => {
    expect(error).toBeInstanceOf(ClaimCheckError);
    expect(error).toMatchObject({ name, code, retriable });
  });

  it('PublishFailedError says how many claims are unpublished', () => {
    expect(new PublishFailedError('x', 7)).toMatchObject({ unpublished: 7 });
  });
});

describe('ClaimPublisher failures', () => {
  let now = 0;
  const clock = { now: () => now, sleep: async (ms: number) => void (now += Math.max(0, ms)), random: () => 0.5 };
  const message = { keyText: 'k', key: Buffer.from('k'), value: Buffer.from('{}') };
  const publisher = (error: unknown) =>
    new ClaimPublisher({
      stream: { putMessages: async () => { throw error; } } as never,
      streamId: 's',
      bytesPerSecond: 0,
      retryTimeoutMs: 5_000,
      backoff: { baseDelayMs: 100, maxDelayMs: 1_000 },
      clock,
      logger: { log: () => undefined },
    });

  it('a refusal (the shared rule says final: 409 Conflict) is not retriable; a spent retry budget is', async () => {
    const refused = await publisher(Object.assign(new Error('conflict'), { statusCode: 409, serviceCode: 'Conflict' })).publish([message]).catch((e) => e);
    expect(refused).toMatchObject({ name: 'PublishFailedError', retriable: false, unpublished: 1 });
    const busy = await publisher(Object.assign(new Error('busy'), { statusCode: 409, serviceCode: 'IncorrectState' })).publish([message]).catch((e) => e);
    expect(busy).toMatchObject({ name: 'PublishFailedError', retriable: true, message: expect.stringMatching(/^Claims not published after \d+ attempts/) });
  });
});
