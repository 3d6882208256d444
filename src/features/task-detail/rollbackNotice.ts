import { isApiError } from '../../api/errors';
import { OcpErrorCode } from '../../api/schemas';

export interface Notice {
  title: string;
  message: string;
}

/** "(code 20004, trace 0bc49000675d41af)": what an operator quotes to support. */
function reference(code: number | undefined, status: number, traceId: string | undefined): string {
  const parts = [code !== undefined ? `code ${code}` : status > 0 ? `HTTP ${status}` : undefined, traceId && `trace ${traceId}`];
  const text = parts.filter(Boolean).join(', ');
  return text ? ` (${text})` : '';
}

/** Explains a failed `POST /rollback` in the notification: OCP's own message, its code and the traceId. */
export function rollbackErrorNotice(error: unknown): Notice {
  if (!isApiError(error)) {
    const message = error instanceof Error ? error.message : String(error);
    return { title: 'Rollback failed', message };
  }
  const ref = reference(error.code, error.status, error.traceId);
  if (error.kind === 'network') {
    return {
      title: 'Rollback may not have been sent',
      message: `${error.message} The task is reloaded to show whether OCP started the rollback.`,
    };
  }
  if (error.status === 403 || error.code === OcpErrorCode.ACCESS_DENIED) {
    return {
      title: 'Rollback not permitted',
      message: `Rolling back a task needs the TASK_MANAGER permission in OCP, which this account does not have. OCP said: ${error.message}${ref}`,
    };
  }
  if (error.status === 401) {
    return { title: 'Not logged in to OCP', message: `${error.message}${ref}` };
  }
  if (error.kind === 'schema') {
    return {
      title: 'Rollback sent, but the reply was not understood',
      message: `${error.message}${ref}. The task is reloaded to show its state.`,
    };
  }
  if (error.status >= 400 && error.status < 500) {
    return { title: 'Rollback refused', message: `${error.message}${ref}` };
  }
  return { title: 'Rollback failed', message: `${error.message}${ref}` };
}
