import { describe, expect, it } from 'vitest';
import { matchAllowList } from './allowList.ts';

const T = '/api/v2/tasks/instances';

describe('matchAllowList', () => {
  it.each([
    ['GET', T, 'list'],
    ['GET', `${T}/1001`, 'get'],
    ['GET', `${T}/9223372036854775807`, 'get'],
    ['POST', `${T}/1001/rollback`, 'rollback'],
    ['POST', `${T}/1001/retry`, 'retry'],
    ['POST', `${T}/1001/subtasks/7/retry`, 'subtask-retry'],
    ['POST', `${T}/1001/subtasks/7/skip`, 'subtask-skip'],
    ['POST', `${T}/1001/subtasks/7/cancel`, 'subtask-cancel'],
    ['GET', `${T}/1001/subtasks/7/log`, 'subtask-log'],
  ])('allows %s %s as %s', (method, path, action) => {
    const r = matchAllowList(method, path);
    expect(r.ok && r.call.action).toBe(action);
    expect(r.ok && r.call.mutating).toBe(method === 'POST');
  });

  it.each([
    '/api/v2/users',
    '/api/v2/ob/clusters/1/stop',
    '/apifoo/bar',
    '/api',
    `${T}/`,
    `${T}/../users`,
    '/api/v2/tasks/../users',
    '/api/v2/tasks/%2e%2e/users',
    `${T}/%2e%2e`,
    `${T}%2f1001`,
    `${T}/1001%2frollback`,
    `/api/v2/tasks//instances/1001`,
    `//api/v2/tasks/instances/1001`,
    `${T}/abc`,
    `${T}/12345678901234567890`,
    `${T}/1001/subtasks/7/run`,
    `${T}/1001/rollback/`,
    `${T}/%31001`,
    `${T}/1001;jsessionid=x`,
    `${T}/1001/./rollback`,
  ])('refuses %s with 404', (path) => {
    for (const method of ['GET', 'POST']) {
      const r = matchAllowList(method, path);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.status).toBe(404);
    }
  });

  it.each([
    ['PUT', `${T}/1001/rollback`, 'POST'],
    ['GET', `${T}/1001/rollback`, 'POST'],
    ['DELETE', `${T}/1001`, 'GET'],
    ['POST', `${T}/1001`, 'GET'],
    ['HEAD', T, 'GET'],
    ['OPTIONS', `${T}/1001/rollback`, 'POST'],
    ['POST', `${T}/1001/subtasks/7/log`, 'GET'],
  ])('refuses %s %s with 405 (allow %s)', (method, path, allow) => {
    const r = matchAllowList(method, path);
    expect(r).toMatchObject({ ok: false, status: 405, allow });
  });

  it('forwards only the list endpoint’s known query parameters, once each', () => {
    const r = matchAllowList('GET', `${T}?page=2&size=10&status=RUNNING,FAILED&name=a%20b&admin=1&page=9&sort=id,desc`);
    expect(r.ok && r.call.upstreamPath).toBe(`${T}?name=a+b&status=RUNNING%2CFAILED&page=2&size=10&sort=id%2Cdesc`);
  });

  it.each(['id,desc', 'id,asc', 'startTime,desc', 'startTime,asc'])('forwards the list order sort=%s', (sort) => {
    const r = matchAllowList('GET', `${T}?sort=${sort}`);
    expect(r.ok && r.call.upstreamPath).toBe(`${T}?sort=${encodeURIComponent(sort)}`);
  });

  it.each(['password,asc', 'creator.password,desc', 'startTime', 'id,desc,name', 'startTime,ASC', 'id,desc%0A', 'id%2Cdesc%2Cid'])(
    'drops any other order (sort=%s): OCP then lists in its default order',
    (sort) => {
      const r = matchAllowList('GET', `${T}?page=2&sort=${sort}`);
      expect(r.ok && r.call.upstreamPath).toBe(`${T}?page=2`);
    },
  );

  it('drops any query on other endpoints', () => {
    const r = matchAllowList('POST', `${T}/1001/rollback?force=true`);
    expect(r.ok && r.call.upstreamPath).toBe(`${T}/1001/rollback`);
  });

  it('rebuilds the upstream path from the matched ids', () => {
    const r = matchAllowList('POST', `${T}/1001/subtasks/42/skip`);
    expect(r.ok && r.call).toMatchObject({ taskId: '1001', subtaskId: '42', upstreamPath: `${T}/1001/subtasks/42/skip` });
  });
});
