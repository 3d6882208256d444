import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors';
import { rollbackErrorNotice } from './rollbackNotice';

describe('rollbackErrorNotice', () => {
  it('quotes a refusal with its code and traceId', () => {
    const e = new ApiError({ kind: 'http', status: 400, code: 20003, traceId: 'abc', message: 'This operation is not supported for the 1001 task in the RUNNING state.' });
    expect(rollbackErrorNotice(e)).toEqual({
      title: 'Rollback refused',
      message: 'This operation is not supported for the 1001 task in the RUNNING state. (code 20003, trace abc)',
    });
  });

  it('names the HTTP status when OCP sent no code, and explains 401', () => {
    const e = new ApiError({ kind: 'http', status: 401, message: 'Not logged in.' });
    expect(rollbackErrorNotice(e)).toEqual({ title: 'Not logged in to OCP', message: 'Not logged in. (HTTP 401)' });
  });

  it('calls a 5xx a failure, not a refusal', () => {
    const e = new ApiError({ kind: 'http', status: 502, message: 'The OCP server failed (HTTP 502).', traceId: 't1' });
    expect(rollbackErrorNotice(e)).toEqual({ title: 'Rollback failed', message: 'The OCP server failed (HTTP 502). (HTTP 502, trace t1)' });
  });

  it('says a network failure may or may not have reached OCP', () => {
    const e = new ApiError({ kind: 'network', message: 'Could not reach the OCP server.' });
    expect(rollbackErrorNotice(e).title).toBe('Rollback may not have been sent');
  });

  it('explains 403 as the missing TASK_MANAGER permission', () => {
    const e = new ApiError({ kind: 'http', status: 403, code: 30014, message: 'You are not authorized.' });
    expect(rollbackErrorNotice(e).message).toMatch(/^Rolling back a task needs the TASK_MANAGER permission.*You are not authorized\. \(code 30014\)$/);
  });

  it('still says something for an unexpected error', () => {
    expect(rollbackErrorNotice(new Error('boom'))).toEqual({ title: 'Rollback failed', message: 'boom' });
  });
});
