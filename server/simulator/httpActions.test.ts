// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { SubtaskInstance, TaskInstance } from '../../src/api/schemas.ts';
import { serveSimulator } from './httpTestkit.ts';

const { call, post, expectOcpShape, expectError, advanceMs } = serveSimulator();

const I = '/api/v2/tasks/instances';
const POST = { method: 'POST' } as const;
const wrongState = (id: string, state: string) => `This operation is not supported for the ${id} task in the ${state} state.`;
const notFound = (id: string) => `The ${id} task does not exist.`;
/** Subtasks of the scenarios (handmadeTasks.ts): 1001's failed install, a successful one, a PENDING one; 1004's steps; 1006's collectors. */
const FAILED_INSTALL = '2010007';
const DONE_CHECK = '2010001';
const NEVER_RAN = '2010011';

async function task(id: string) {
  return TaskInstance.parse((await call(`${I}/${id}`)).body.data);
}
async function subtask(id: string, sid: string) {
  return (await task(id)).subtasks.find((s) => s.id === sid);
}
async function log(id: string, sid: string): Promise<string> {
  const { res, body } = await call(`${I}/${id}/subtasks/${sid}/log`);
  expect(res.status).toBe(200);
  expectOcpShape(body);
  expect(Object.keys(body.data as object)).toEqual(['log']);
  return (body.data as { log: string }).log;
}
/** 1004 rolled back until its failing rollback step leaves it FAILED/ROLLBACK. */
async function failedRollback() {
  expect((await call(`${I}/1004/rollback`, POST)).res.status).toBe(200);
  advanceMs(30_000);
  const t = await task('1004');
  expect([t.status, t.operation]).toEqual(['FAILED', 'ROLLBACK']);
  return t;
}

describe('simulator HTTP: POST /instances/{id}/retry', () => {
  it('retries a FAILED task: WrappedTaskInstance RUNNING/RETRY, its failed subtask READY/RETRY with runTime 2', async () => {
    const { res, body } = await call(`${I}/1001/retry`, POST);
    expect(res.status).toBe(200);
    expectOcpShape(body);
    const t = TaskInstance.parse(body.data);
    expect([t.status, t.operation, t.finishTime]).toEqual(['RUNNING', 'RETRY', undefined]);
    expect(t.subtasks.find((s) => s.id === FAILED_INSTALL)).toMatchObject({ status: 'READY', operation: 'RETRY', runTime: 2 });
    advanceMs(60_000);
    expect((await task('1001')).status).toBe('SUCCESSFUL');
  });

  it('refuses what OCP refuses: 20003 unless FAILED and not a rollback, 404/20000, a bad id, GET', async () => {
    await expectError(`${I}/1003/retry`, POST, 400, 20003, wrongState('1003', 'RUNNING'));
    await expectError(`${I}/1005/retry`, POST, 400, 20003, wrongState('1005', 'SUCCESSFUL'));
    await expectError(`${I}/424242/retry`, POST, 404, 20000, notFound('424242'));
    await expectError(
      `${I}/x1/retry`,
      POST,
      400,
      undefined,
      "The parameter 'taskInstanceId' of value 'x1' could not be converted to type 'Long'",
    );
    await expectError(`${I}/1001/retry`, {}, 405, undefined, "Request method 'GET' not supported");
    await failedRollback();
    await expectError(`${I}/1004/retry`, POST, 400, 20003, wrongState('1004', 'FAILED'));
  });
});

describe('simulator HTTP: POST …/subtasks/{sid}/retry, /skip, /cancel', () => {
  it('retries a FAILED subtask: SubtaskInstance READY/RETRY; the task RUNNING with its operation unchanged', async () => {
    const { res, body } = await call(`${I}/1001/subtasks/${FAILED_INSTALL}/retry`, POST);
    expect(res.status).toBe(200);
    expectOcpShape(body);
    expect(SubtaskInstance.parse(body.data)).toMatchObject({ id: FAILED_INSTALL, status: 'READY', operation: 'RETRY', runTime: 2 });
    expect(Object.keys(body.data as object)).toContain('downstreams');
    const t = await task('1001');
    expect([t.status, t.operation]).toEqual(['RUNNING', 'EXECUTE']);
  });

  it('skips a FAILED subtask: no data; READY/SKIP, then SUCCESSFUL, and the task carries on', async () => {
    const { res, body } = await call(`${I}/1001/subtasks/${FAILED_INSTALL}/skip`, POST);
    expect(res.status).toBe(200);
    expect(Object.keys(body)).toEqual(['duration', 'server', 'status', 'successful', 'timestamp', 'traceId']);
    expect(await subtask('1001', FAILED_INSTALL)).toMatchObject({ status: 'READY', operation: 'SKIP' });
    advanceMs(2_000);
    expect(await subtask('1001', FAILED_INSTALL)).toMatchObject({ status: 'SUCCESSFUL', operation: 'SKIP' });
    expect((await task('1001')).status).toBe('RUNNING');
  });

  it('during a failed rollback: retry of the step is refused (20003), skip is a ROLLBACK_SKIP back to PENDING', async () => {
    const t = await failedRollback();
    const step = t.subtasks.find((s) => s.status === 'FAILED');
    expect(step).toMatchObject({ id: '2040003', operation: 'ROLLBACK' });
    await expectError(`${I}/1004/subtasks/2040003/retry`, POST, 400, 20003, wrongState('2040003', 'FAILED'));
    expect((await call(`${I}/1004/subtasks/2040003/skip`, POST)).res.status).toBe(200);
    expect(await subtask('1004', '2040003')).toMatchObject({ status: 'READY', operation: 'ROLLBACK_SKIP' });
    advanceMs(1_000);
    expect(await subtask('1004', '2040003')).toMatchObject({ status: 'PENDING', operation: 'ROLLBACK_SKIP' });
  });

  it('cancels a RUNNING subtask: no data; CANCELING, then FAILED/CANCEL; the task ends FAILED', async () => {
    const running = (await task('1006')).subtasks.find((s) => s.status === 'RUNNING');
    if (!running) throw new Error('1006 has no RUNNING subtask');
    const { res, body } = await call(`${I}/1006/subtasks/${running.id}/cancel`, POST);
    expect(res.status).toBe(200);
    expect(body.data).toBeUndefined();
    expect(await subtask('1006', running.id)).toMatchObject({ status: 'CANCELING' });
    advanceMs(120_000);
    expect(await subtask('1006', running.id)).toMatchObject({ status: 'FAILED', operation: 'CANCEL' });
    expect((await task('1006')).status).toBe('FAILED');
    expect(await log('1006', running.id)).toContain(`Set state for subtask: ${running.id}, operation:CANCEL, state: FAILED`);
  });

  it('refuses each in the wrong state (20003 naming the subtask and its state), unknown ids (404/20000), bad ids, GET', async () => {
    await expectError(`${I}/1001/subtasks/${DONE_CHECK}/retry`, POST, 400, 20003, wrongState(DONE_CHECK, 'SUCCESSFUL'));
    await expectError(`${I}/1001/subtasks/${NEVER_RAN}/skip`, POST, 400, 20003, wrongState(NEVER_RAN, 'PENDING'));
    await expectError(`${I}/1001/subtasks/${FAILED_INSTALL}/cancel`, POST, 400, 20003, wrongState(FAILED_INSTALL, 'FAILED'));
    await expectError(`${I}/1001/subtasks/999/retry`, POST, 404, 20000, notFound('999'));
    await expectError(`${I}/1002/subtasks/${FAILED_INSTALL}/skip`, POST, 404, 20000, notFound(FAILED_INSTALL)); // not 1002's
    await expectError(`${I}/424242/subtasks/1/cancel`, POST, 404, 20000, notFound('424242'));
    await expectError(
      `${I}/1001/subtasks/abc/skip`,
      POST,
      400,
      undefined,
      "The parameter 'subtaskInstanceId' of value 'abc' could not be converted to type 'Long'",
    );
    await expectError(`${I}/1001/subtasks/${FAILED_INSTALL}/skip`, {}, 405, undefined, "Request method 'GET' not supported");
    await expectError(`${I}/1001/subtasks/${FAILED_INSTALL}/log`, POST, 405, undefined, "Request method 'POST' not supported");
    await expectError(
      `${I}/1001/subtasks/${FAILED_INSTALL}`,
      {},
      404,
      undefined,
      `No handler found for GET ${I}/1001/subtasks/${FAILED_INSTALL}`,
    );
  });
});

describe('simulator HTTP: GET …/subtasks/{sid}/log', () => {
  it('answers "" before any run, and one run per header with the error of a failure, its stack trace included', async () => {
    expect(await log('1001', NEVER_RAN)).toBe('');
    const text = await log('1001', FAILED_INSTALL);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^############\{EXECUTE\}\{\d{4}-\d\d-\d\dT[\d:.]+\+08:00\}############$/);
    expect(lines.at(-1)).toBe(`Set state for subtask: ${FAILED_INSTALL}, operation:EXECUTE, state: FAILED`);
    expect(text).toMatch(/ ERROR .* No space left on device\ncom\.oceanbase\.ocp\.core\.exception\.OcpException: /);
    expect(text).toContain('\tat com.oceanbase.ocp.');
    expect(text).toContain('Caused by: ');
    await expectError(`${I}/1001/subtasks/31337/log`, {}, 404, 20000, notFound('31337'));
  });

  it('grows every tick while the subtask runs, only ever appending', async () => {
    const running = (await task('1006')).subtasks.find((s) => s.status === 'RUNNING');
    if (!running) throw new Error('1006 has no RUNNING subtask');
    const before = await log('1006', running.id);
    advanceMs(1_000);
    const after = await log('1006', running.id);
    expect(after.length).toBeGreaterThan(before.length);
    expect(after.startsWith(before)).toBe(true);
  });

  it('adds a run for a retry and for a rollback step', async () => {
    await call(`${I}/1001/subtasks/${FAILED_INSTALL}/retry`, POST);
    advanceMs(30_000);
    const retried = await log('1001', FAILED_INSTALL);
    expect([...retried.matchAll(/^#{12}\{(\w+)\}/gm)].map((m) => m[1])).toEqual(['EXECUTE', 'RETRY']);
    const rolledBack = await log('1005', '2050001');
    expect([...rolledBack.matchAll(/^#{12}\{(\w+)\}/gm)].map((m) => m[1])).toEqual(['EXECUTE', 'ROLLBACK']);
  });

  it('serves the 10 MB log of the huge-log scenario: two runs, the reason on the last lines', async () => {
    const text = await log('1009', '2080002');
    expect(text.length).toBeGreaterThanOrEqual(10 * 1024 * 1024);
    expect([...text.matchAll(/^#{12}\{(\w+)\}/gm)].map((m) => m[1])).toEqual(['EXECUTE', 'RETRY']);
    expect(text.split('\n').at(-2)).toMatch(/ ERROR .* Checksum mismatch/);
    expect(await log('1009', '2080002')).toBe(text); // the same bytes on every read
  });
});

describe('simulator HTTP: permissions and request counts', () => {
  it('a viewer reads logs but gets 403/30014 on every POST', async () => {
    await post('/__simulator/reset', { auth: true });
    const viewer = { user: 'viewer:viewer' };
    const denied = 'You are not authorized to perform the corresponding operation. Contact the administrator.';
    expect((await call(`${I}/1001/subtasks/${FAILED_INSTALL}/log`, viewer)).res.status).toBe(200);
    for (const path of [`${I}/1001/retry`, ...['retry', 'skip', 'cancel'].map((a) => `${I}/1001/subtasks/${FAILED_INSTALL}/${a}`)]) {
      await expectError(path, { ...POST, ...viewer }, 403, 30014, denied);
    }
    await expectError(
      `${I}/1001/subtasks/${FAILED_INSTALL}/log`,
      {},
      401,
      undefined,
      'The current user has not logged on or a logon error has occurred. Please log on and try again.',
    );
    expect((await call(`${I}/1001/subtasks/${FAILED_INSTALL}/skip`, { ...POST, user: 'admin:admin' })).res.status).toBe(200);
  });

  it('counts every POST and log read per endpoint and target, refused ones included; reset clears them', async () => {
    await call(`${I}/1001/retry`, POST);
    await call(`${I}/1003/retry`, POST);
    await call(`${I}/1001/subtasks/${FAILED_INSTALL}/skip`, POST);
    await call(`${I}/1001/subtasks/${FAILED_INSTALL}/skip`, POST);
    await call(`${I}/1001/subtasks/${DONE_CHECK}/cancel`, POST);
    await call(`${I}/1001/subtasks/${DONE_CHECK}/retry`, POST);
    await call(`${I}/1001/subtasks/${DONE_CHECK}/log`);
    await call(`${I}/1001`);
    await call(`${I}/1001/subtasks/${DONE_CHECK}/retry`); // a GET is not a retry
    const { body } = await call('/__simulator/stats');
    expect(body).toMatchObject({
      rollbackRequests: {},
      requests: {
        retry: { 1001: 1, 1003: 1 },
        subtaskSkip: { [`1001/${FAILED_INSTALL}`]: 2 },
        subtaskCancel: { [`1001/${DONE_CHECK}`]: 1 },
        subtaskRetry: { [`1001/${DONE_CHECK}`]: 1 },
        subtaskLog: { [`1001/${DONE_CHECK}`]: 1 },
      },
    });
    await post('/__simulator/reset', {});
    expect((await call('/__simulator/stats')).body).toEqual({ rollbackRequests: {}, requests: {}, apiRequests: 0 });
  });
});
