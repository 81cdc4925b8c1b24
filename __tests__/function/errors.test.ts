import { ConfigError, InputRejectedError, PublishError } from '../../lambda-src/errors';
import { ClaimCheckError } from '../../lib/runtime/errors';

describe("the function's errors", () => {
  it.each([
    [new InputRejectedError('MissingField', 'no data.resourceName', 'data.resourceName'), 'InputRejectedError', 'MissingField', false],
    [new ConfigError('STREAM_OCID', 'STREAM_OCID is not set'), 'ConfigError', 'InvalidConfig', false],
    [new PublishError('Deadline reached', 3, true, 503), 'PublishError', 'PublishFailed', true],
    [new PublishError('Non-retryable failure', 1, false, 401), 'PublishError', 'PublishFailed', false],
  ])('%s is a ClaimCheckError named %s, code %s, retriable %s', (error, name, code, retriable) => {
    expect(error).toBeInstanceOf(ClaimCheckError);
    expect(error).toMatchObject({ name, code, retriable });
  });

  it('keep their own fields', () => {
    expect(new InputRejectedError('InvalidField', 'bad', 'data.x')).toMatchObject({ field: 'data.x' });
    expect(new ConfigError('OCI_REGION', 'no region')).toMatchObject({ variable: 'OCI_REGION' });
    expect(new PublishError('x', 2, true, null, new Date(5))).toMatchObject({ attempts: 2, exhausted: true, statusCode: null, budgetEnd: new Date(5) });
  });
});
