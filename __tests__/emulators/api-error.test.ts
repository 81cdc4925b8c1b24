import { apiErrors, OciApiError } from '../../lib/emulators/common/api-error';
import { objectStorageErrors } from '../../lib/emulators/objectstorage/object-storage-errors';
import { ClaimCheckError } from '../../lib/runtime/errors';

describe('OciApiError', () => {
  it('is a ClaimCheckError whose retriable flag is the shared rule for its status and code', () => {
    expect(apiErrors.tooManyRequests()).toBeInstanceOf(ClaimCheckError);
    expect(apiErrors.tooManyRequests()).toMatchObject({ status: 429, code: 'TooManyRequests', retriable: true });
    expect(apiErrors.internalServerError()).toMatchObject({ status: 500, retriable: true });
    expect(apiErrors.notAuthenticated('bad signature')).toMatchObject({ status: 401, retriable: false });
    expect(apiErrors.notAuthorizedOrNotFound('stream x')).toMatchObject({ status: 404, retriable: false });
    expect(objectStorageErrors.ifMatchFailed('e1')).toMatchObject({ status: 412, retriable: false });
    expect(new OciApiError(409, 'IncorrectState', 'busy')).toMatchObject({ retriable: true, name: 'OciApiError' });
    expect(new OciApiError(409, 'Conflict', 'no')).toMatchObject({ retriable: false });
  });

  it('serialises as OCI does: {code, message}', () => {
    expect(JSON.parse(JSON.stringify(new OciApiError(400, 'InvalidParameter', 'bad limit')))).toEqual({ code: 'InvalidParameter', message: 'bad limit' });
  });
});
