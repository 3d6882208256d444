import { OcpErrorCode } from '../../src/api/schemas.ts';

/** A refusal the way OCP words it: HTTP status, optional error code, en-US message. */
export class TaskApiError extends Error {
  override readonly name = 'TaskApiError';
  constructor(
    readonly status: number,
    readonly code: number | undefined,
    message: string,
  ) {
    super(message);
  }
}

export const taskNotFound = (id: string) => new TaskApiError(404, OcpErrorCode.NOT_FOUND, `The ${id} task does not exist.`);

export const illegalState = (id: string, state: string) =>
  new TaskApiError(400, OcpErrorCode.ILLEGAL_STATE, `This operation is not supported for the ${id} task in the ${state} state.`);

export const rollbackProhibited = (id: string) => new TaskApiError(400, OcpErrorCode.ROLLBACK_PROHIBITED, `Task ${id} can not rollback.`);

export const notLoggedIn = () =>
  new TaskApiError(401, undefined, 'The current user has not logged on or a logon error has occurred. Please log on and try again.');

export const accessDenied = () =>
  new TaskApiError(
    403,
    OcpErrorCode.ACCESS_DENIED,
    'You are not authorized to perform the corresponding operation. Contact the administrator.',
  );

/** Spring's type-mismatch message, which OCP passes through unchanged (no error code). */
export const notALong = (param: string, value: string) =>
  new TaskApiError(400, undefined, `The parameter '${param}' of value '${value}' could not be converted to type 'Long'`);
