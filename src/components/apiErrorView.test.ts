import { describe, expect, it } from 'vitest';
import type { ConsoleFault } from '../api/consoleProtocol';
import { ApiError } from '../api/errors';
import { apiErrorView } from './apiErrorView';

const http = (status: number, message: string, code?: number) => new ApiError({ kind: 'http', status, code, message, traceId: 'abc123' });

describe('apiErrorView', () => {
  it('404 / 20000 names the missing task and offers the way back, not a retry', () => {
    const view = apiErrorView(http(404, 'The 42 task does not exist.', 20000), { taskId: '42' });
    expect(view.title).toBe('Task 42 does not exist');
    expect(view.message).toContain('The 42 task does not exist.');
    expect(view).toMatchObject({ backLink: true, retry: false });
    expect(view.details).toContainEqual({ label: 'OCP code', value: '20000' });
  });

  it('code 20000 means not found even when the HTTP status says otherwise', () => {
    expect(apiErrorView(http(400, 'The 7 task does not exist.', 20000), { taskId: '7' }).title).toBe('Task 7 does not exist');
  });

  it('404 without a task in context says "Not found"', () => {
    expect(apiErrorView(http(404, 'nope')).title).toBe('Not found');
  });

  it('401 says how to fix the credentials on the server', () => {
    const view = apiErrorView(http(401, 'The current user has not logged on.'));
    expect(view.title).toBe('Not logged in to OCP');
    expect(view.message).toContain('OCP_USERNAME');
    expect(view.message).toContain('OCP_PASSWORD');
    expect(view.details).toContainEqual({ label: 'OCP says', value: 'The current user has not logged on.' });
    expect(view.retry).toBe(true);
  });

  it('403 / 30014 quotes OCP and names the permissions', () => {
    const msg = 'You are not authorized to perform the corresponding operation. Contact the administrator.';
    for (const view of [apiErrorView(http(403, msg, 30014)), apiErrorView(http(400, msg, 30014))]) {
      expect(view.title).toBe('Not authorized');
      expect(view.message).toContain(msg);
      expect(view.message).toContain('TASK_VIEWER');
      expect(view.message).toContain('TASK_MANAGER');
      expect(view.retry).toBe(false);
    }
  });

  it('a network failure offers Retry', () => {
    const view = apiErrorView(new ApiError({ kind: 'network', message: 'Failed to fetch' }));
    expect(view.title).toBe('Cannot reach the OCP server');
    expect(view.retry).toBe(true);
    expect(view.details).toEqual([]);
  });

  it('5xx shows the status, OCP message and traceId, with Retry', () => {
    const view = apiErrorView(http(503, 'Service unavailable', 10001));
    expect(view.title).toBe('OCP server error (HTTP 503)');
    expect(view.message).toBe('Service unavailable');
    expect(view.details).toEqual([
      { label: 'HTTP status', value: '503' },
      { label: 'OCP code', value: '10001' },
      { label: 'Trace id', value: 'abc123' },
    ]);
    expect(view.retry).toBe(true);
  });

  it('a schema error names the field', () => {
    const error = new ApiError({
      kind: 'schema',
      status: 200,
      field: 'data.subtasks.3.status',
      message: 'Unexpected reply from OCP: data.subtasks.3.status: Invalid option',
    });
    const view = apiErrorView(error);
    expect(view.title).toBe('OCP sent a reply the console does not understand');
    expect(view.message).toContain('data.subtasks.3.status');
    expect(view.details).toContainEqual({ label: 'Field', value: 'data.subtasks.3.status' });
  });

  it('other 4xx quote OCP without a retry', () => {
    const view = apiErrorView(http(400, "The parameter 'taskInstanceId' of value 'abc' could not be converted"));
    expect(view.title).toBe('OCP refused the request (HTTP 400)');
    expect(view.message).toContain("'abc'");
    expect(view.retry).toBe(false);
  });

  it('anything that is not an ApiError still gets words', () => {
    expect(apiErrorView(new TypeError('x is undefined'))).toMatchObject({
      title: 'Something went wrong',
      message: 'x is undefined',
    });
    expect(apiErrorView('boom').message).toBe('boom');
  });

  describe('faults reported by the console’s server', () => {
    const fault = (f: ConsoleFault, status: number, message: string) => new ApiError({ kind: 'http', status, message, fault: f });

    it('a hung OCP says how long the server waited and offers Retry', () => {
      const view = apiErrorView(fault('reply-timeout', 504, 'OCP did not answer within 30 s.'));
      expect(view.title).toBe('OCP did not answer in time');
      expect(view.message).toContain('OCP did not answer within 30 s.');
      expect(view.retry).toBe(true);
    });

    it('a redirect says OCP asked for a sign-in, and never shows a URL', () => {
      const view = apiErrorView(fault('redirect', 502, 'OCP answered with a redirect (HTTP 302) instead of data.'));
      expect(view.title).toBe('OCP asked for a sign-in');
      expect(view.message).toMatch(/^OCP asked for a sign-in: OCP answered with a redirect \(HTTP 302\)/);
      expect(view.message).not.toMatch(/https?:/);
    });

    it('HTML instead of JSON keeps OCP’s status', () => {
      const view = apiErrorView(fault('not-json', 502, 'OCP answered HTTP 200 with text/html, not JSON.'));
      expect(view.title).toBe('OCP sent a page instead of data');
      expect(view.message).toContain('HTTP 200 with text/html');
    });

    it('an unreachable OCP says so', () => {
      expect(apiErrorView(fault('unreachable', 502, 'Could not reach OCP: the connection was refused.')).title).toBe(
        'Cannot reach the OCP server',
      );
      expect(apiErrorView(fault('connect-timeout', 504, 'OCP did not accept a connection within 5 s.')).message).toContain('within 5 s');
    });

    it('sign-in required offers neither Retry nor the list (the app shows the sign-in page)', () => {
      expect(apiErrorView(fault('sign-in-required', 401, 'Sign in.'))).toMatchObject({
        title: 'Sign in required',
        retry: false,
        backLink: false,
      });
    });

    it('a reply that broke off mid-body is worded apart from no reply at all', () => {
      const view = apiErrorView(
        new ApiError({ kind: 'network', status: 200, message: 'The reply (HTTP 200) broke off before it was complete.' }),
      );
      expect(view.title).toBe('The reply broke off');
      expect(view.retry).toBe(true);
    });

    it('the console’s own client-side timeout is worded apart from a dropped connection', () => {
      const view = apiErrorView(new ApiError({ kind: 'network', timedOut: true, message: 'No answer within 35 s.' }));
      expect(view.title).toBe('No answer in time');
      expect(view.message).toContain('No answer within 35 s.');
    });
  });
});
