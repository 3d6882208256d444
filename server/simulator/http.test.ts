// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { Envelope, TaskInstance, TaskPage } from '../../src/api/schemas.ts';
import { serveSimulator } from './httpTestkit.ts';
import { SCENARIO_IDS, SCENARIOS } from './scenarios.ts';

const { sim, call, post, expectOcpShape, expectError, advanceMs } = serveSimulator();

describe('simulator HTTP: task replies', () => {
  it('answers GET /instances/{id} in the OCP envelope: sorted keys, no nulls, ISO dates, x-trace-id echoed', async () => {
    const path = `/api/v2/tasks/instances/${SCENARIO_IDS['failed-fanout']}`;
    const { res, body, text } = await call(path, { headers: { 'x-trace-id': 'trace-42' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json;charset=UTF-8');
    expect(Object.keys(body)).toEqual(['data', 'duration', 'server', 'status', 'successful', 'timestamp', 'traceId']);
    expect(Envelope.parse(body)).toMatchObject({ status: 200, successful: true, traceId: 'trace-42' });
    expect(body.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?\+08:00$/);
    expect(body.server).toMatch(/^[0-9a-f]{10}$/);
    expectOcpShape(body);
    expect(text).not.toContain('null');
    expect(text).not.toMatch(/"paralleIdx"|"downstream"/);
    const task = TaskInstance.parse(body.data);
    const pending = task.subtasks.find((s) => s.status === 'PENDING');
    expect(pending?.startTime).toBeUndefined();

    // Subtasks come in a (seeded) random order, the same every time.
    const raw = (body.data as { subtasks: { seriesId: number }[] }).subtasks.map((s) => s.seriesId);
    expect(raw).not.toEqual([...raw].sort((a, b) => a - b));
    const again = await call(path);
    expect((again.body.data as { subtasks: { seriesId: number }[] }).subtasks.map((s) => s.seriesId)).toEqual(raw);
    expect(again.body.traceId).toMatch(/^[0-9a-f]{16}$/);
  });

  it('sends ids above 2^53 as strings', async () => {
    const { text } = await call('/api/v2/tasks/instances/9007199254740993');
    expect(text).toContain('"id":"9007199254740993"');
  });

  it('rolls back: WrappedTaskInstance RUNNING/ROLLBACK, live progress, counted per task', async () => {
    const id = SCENARIO_IDS['failed-fanout'];
    const { res, body } = await call(`/api/v2/tasks/instances/${id}/rollback`, { method: 'POST' });
    expect(res.status).toBe(200);
    expectOcpShape(body);
    expect(TaskInstance.parse(body.data)).toMatchObject({ status: 'RUNNING', operation: 'ROLLBACK' });
    advanceMs(40_000);
    const later = TaskInstance.parse((await call(`/api/v2/tasks/instances/${id}`)).body.data);
    expect([later.status, later.operation]).toEqual(['SUCCESSFUL', 'ROLLBACK']);
    await call(`/api/v2/tasks/instances/${id}/rollback`, { method: 'POST' });
    expect((await call('/__simulator/stats')).body).toMatchObject({ rollbackRequests: { [id]: 2 }, requests: { rollback: { [id]: 2 } } });
  });
});

describe('simulator HTTP: errors as OCP sends them', () => {
  it('400 for an id that is not a Long, 404/20000, 400/20003, 400/20004, 405, unknown path', async () => {
    const I = '/api/v2/tasks/instances';
    const POST = { method: 'POST' };
    const notLong = (v: string) => `The parameter 'taskInstanceId' of value '${v}' could not be converted to type 'Long'`;
    const wrongState = (id: string, state: string) => `This operation is not supported for the ${id} task in the ${state} state.`;
    await expectError(`${I}/abc`, {}, 400, undefined, notLong('abc'));
    await expectError(`${I}/99999999999999999999`, {}, 400, undefined, notLong('99999999999999999999'));
    await expectError(`${I}/424242`, {}, 404, 20000, 'The 424242 task does not exist.');
    await expectError(`${I}/-5`, {}, 404, 20000, 'The -5 task does not exist.');
    await expectError(`${I}/1003/rollback`, POST, 400, 20003, wrongState('1003', 'RUNNING'));
    await expectError(`${I}/35000312/rollback`, POST, 400, 20003, wrongState('35000312', 'SUCCESSFUL'));
    await expectError(`${I}/1002/rollback`, POST, 400, 20004, 'Task 1002 can not rollback.');
    await expectError(`${I}/1001/rollback`, {}, 405, undefined, "Request method 'GET' not supported");
    await expectError(`${I}/1001/restart`, POST, 404, undefined, `No handler found for POST ${I}/1001/restart`);
    await expectError('/api/v1/nothing', {}, 404, undefined, 'No handler found for GET /api/v1/nothing');
  });

  it('with auth on: 401 without or with bad credentials (no WWW-Authenticate), viewer reads but gets 403/30014 on POST', async () => {
    await post('/__simulator/reset', { auth: true });
    const login = 'The current user has not logged on or a logon error has occurred. Please log on and try again.';
    await expectError('/api/v2/tasks/instances/1001', {}, 401, undefined, login);
    await expectError('/api/v2/tasks/instances/1001', { user: 'admin:wrong' }, 401, undefined, login);
    await expectError('/api/v2/tasks/instances/1001', { user: 'nobody:admin' }, 401, undefined, login);
    expect((await call('/api/v2/tasks/instances/1001', { user: 'viewer:viewer' })).res.status).toBe(200);
    await expectError(
      '/api/v2/tasks/instances/1001/rollback',
      { method: 'POST', user: 'viewer:viewer' },
      403,
      30014,
      'You are not authorized to perform the corresponding operation. Contact the administrator.',
    );
    expect((await call('/api/v2/tasks/instances/1001/rollback', { method: 'POST', user: 'admin:admin' })).res.status).toBe(200);
    // A reset without "auth" goes back to the start-up setting (off).
    await post('/__simulator/reset', {});
    expect((await call('/api/v2/tasks/instances/1001')).res.status).toBe(200);
  });

  it('injects faults: the next `count` matching requests fail, then the API answers again', async () => {
    const path = '/api/v2/tasks/instances/1001';
    expect((await post('/__simulator/fault', { path, status: 503, count: 2 })).res.status).toBe(200);
    await post('/__simulator/fault', { method: 'POST', path: `${path}/rollback`, status: 500 });
    await expectError(path, {}, 503, undefined, 'Service unavailable');
    await expectError(`${path}?x=1`, {}, 503, undefined, 'Service unavailable');
    expect((await call(path)).res.status).toBe(200);
    expect((await call('/api/v2/tasks/instances/1002')).res.status).toBe(200);
    await expectError(`${path}/rollback`, { method: 'POST' }, 500, undefined, 'Internal server error');
    expect((await call(`${path}/rollback`, { method: 'POST' })).res.status).toBe(200);
    expect((await post('/__simulator/fault', { path, status: 404 })).res.status).toBe(400);
  });
});

describe('simulator HTTP: the task list', { timeout: 30_000 }, () => {
  const list = async (query: string) => {
    const { res, body } = await call(`/api/v2/tasks/instances${query}`);
    expect(res.status).toBe(200);
    expectOcpShape(body);
    return TaskPage.parse(body.data);
  };

  it('pages (1-based) sorted by id desc, with short subtasks', async () => {
    const first = await list('?page=1&size=3');
    expect(first.page).toEqual({ number: 1, size: 3, totalElements: SCENARIOS.length, totalPages: Math.ceil(SCENARIOS.length / 3) });
    expect(first.contents.map((t) => t.id)).toEqual(['9007199254740993', '35000312', '9151']);
    const second = await list('?page=2&size=3');
    expect(second.contents.map((t) => t.id)).toEqual(['9150', '9111', '9110']);
    const { body } = await call('/api/v2/tasks/instances?size=1&page=2');
    const short = (body.data as { contents: { subtasks: object[] }[] }).contents[0]?.subtasks[0];
    expect(Object.keys(short ?? {})).toEqual(['description', 'id', 'name', 'operation', 'status']);
    expect((await list('?sort=id,asc&size=2')).contents.map((t) => t.id)).toEqual(['1001', '1002']);
    expect((await list('?size=5000')).page.size).toBe(2000);
  });

  it('sorts as Spring Data reads `sort`: by start time either way (ties by id), direction ASC when absent, any case', async () => {
    const ids = async (sort: string) => (await list(`?size=50&sort=${sort}`)).contents.map((t) => t.id);
    const starts = async (sort: string) => (await list(`?size=50&sort=${sort}`)).contents.map((t) => Date.parse(t.startTime ?? ''));
    const desc = await starts('startTime,desc');
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
    const asc = await starts('startTime,ASC');
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    expect((await ids('startTime,desc')).slice(0, 2)).toEqual(['1003', '1006']);
    // 9101, 9111 and 9151 started together: id order within the tie, in the sort's direction.
    expect((await ids('startTime,desc')).slice(2, 5)).toEqual(['9151', '9111', '9101']);
    expect((await ids('startTime,asc')).slice(-5, -2)).toEqual(['9101', '9111', '9151']);
    expect(await ids('startTime')).toEqual(await ids('startTime,asc'));
    expect((await ids('id'))[0]).toBe('1001');
    expect((await ids('id,DESC'))[0]).toBe('9007199254740993');
    // A page boundary cuts the same order: page 2 continues page 1.
    const page1 = (await list('?size=4&page=1&sort=startTime,desc')).contents.map((t) => t.id);
    const page2 = (await list('?size=4&page=2&sort=startTime,desc')).contents.map((t) => t.id);
    expect([...page1, ...page2]).toEqual((await ids('startTime,desc')).slice(0, 8));
  });

  it('filters by status list, fuzzy case-insensitive name and type', async () => {
    const running = await list('?status=RUNNING&size=50');
    expect(running.contents.every((t) => t.status === 'RUNNING')).toBe(true);
    expect(running.contents.map((t) => t.id).sort()).toEqual(['1003', '1006', '9101', '9111', '9151']);
    const both = await list('?status=RUNNING,SUCCESSFUL&size=50');
    expect(both.contents.some((t) => t.status === 'SUCCESSFUL')).toBe(true);
    expect(both.contents.some((t) => t.status === 'FAILED')).toBe(false);
    expect((await list('?name=ZONE3')).contents.map((t) => t.id)).toEqual(['1001']);
    expect((await list('?type=SCHEDULED')).page.totalElements).toBe(0);
    const badPage = "The parameter 'page' of value 'x' could not be converted to type 'Integer'";
    await expectError('/api/v2/tasks/instances?page=x', {}, 400, undefined, badPage);
  });
});

describe('simulator control endpoints', () => {
  it('lists scenarios, resets state and stats, validates input, and leaves other paths to next()', async () => {
    const { body } = await call('/__simulator/scenarios');
    expect(body).toEqual(SCENARIOS);
    await call('/api/v2/tasks/instances/1001/rollback', { method: 'POST' });
    const reset = await post('/__simulator/reset', { tickMs: 200 });
    expect(reset.body).toMatchObject({ auth: false, tickMs: 200 });
    expect(sim.engine.tickMs).toBe(200);
    expect((await call('/__simulator/stats')).body).toEqual({ rollbackRequests: {}, requests: {}, apiRequests: 0 });
    expect(TaskInstance.parse((await call('/api/v2/tasks/instances/1001')).body.data).status).toBe('FAILED');
    expect((await post('/__simulator/reset', { auth: 'yes' })).res.status).toBe(400);
    expect((await call('/__simulator/nope')).res.status).toBe(404);
    expect((await call('/index.html')).res.status).toBe(418);
  });
});
