import { afterEach, describe, expect, it, vi } from 'vitest';
import { request, setSignInRequiredHandler } from './client';
import { ApiError } from './errors';
import { shouldRetry } from './queryClient';
import { rawReplyOf } from './rawReply';
import { TaskInstance } from './schemas';
import { fetchTaskInstance } from './taskInstance';

function reply(status: number, body: unknown) {
  return vi
    .spyOn(globalThis, 'fetch')
    .mockResolvedValue(
      new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
    );
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    return e as ApiError;
  }
  throw new Error('expected the request to fail');
}

afterEach(() => vi.restoreAllMocks());

describe('request', () => {
  it('unwraps the envelope and parses data', async () => {
    const fetch = reply(200, { data: { id: 7, name: 't', status: 'FAILED', operation: 'EXECUTE' }, status: 200, successful: true });
    const task = await request('/instances/7', TaskInstance);
    expect(task.id).toBe('7');
    expect(fetch).toHaveBeenCalledWith('/api/v2/tasks/instances/7', expect.objectContaining({ method: 'GET' }));
  });

  it('drops empty query parameters', async () => {
    const fetch = reply(200, { status: 200, successful: true });
    await request('/instances', null, { query: { page: 1, name: '', status: undefined } });
    expect(fetch.mock.calls[0]?.[0]).toBe('/api/v2/tasks/instances?page=1');
  });

  it("carries OCP's status, code, message and traceId", async () => {
    reply(400, { error: { code: 20004, message: 'Task 1002 can not rollback.' }, status: 400, successful: false, traceId: 'abc123' });
    const e = await failure(request('/instances/1002/rollback', null, { method: 'POST' }));
    expect(e).toMatchObject({ kind: 'http', status: 400, code: 20004, message: 'Task 1002 can not rollback.', traceId: 'abc123' });
    expect(e.isClientError).toBe(true);
    expect(shouldRetry(0, e)).toBe(false);
  });

  it('explains a 401 without a code', async () => {
    reply(401, {
      error: { message: 'The current user has not logged on or a logon error has occurred. Please log on and try again.' },
      status: 401,
      successful: false,
    });
    const e = await failure(request('/instances/1', TaskInstance));
    expect(e).toMatchObject({ status: 401, code: undefined });
  });

  it('turns a non-JSON 502 from a proxy into a retryable error', async () => {
    reply(502, '<html>Bad Gateway</html>');
    const e = await failure(request('/instances/1', TaskInstance));
    expect(e).toMatchObject({ kind: 'http', status: 502 });
    expect(e.message).toMatch(/HTTP 502/);
    expect(shouldRetry(0, e)).toBe(true);
    expect(shouldRetry(3, e)).toBe(false);
  });

  it('turns a failed fetch into a retryable network error', async () => {
    vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('Failed to fetch'));
    const e = await failure(request('/instances/1', TaskInstance));
    expect(e).toMatchObject({ kind: 'network', status: 0 });
    expect(shouldRetry(1, e)).toBe(true);
  });

  it('names the offending field of a reply that breaks the contract', async () => {
    reply(200, {
      data: {
        id: 7,
        name: 't',
        status: 'FAILED',
        operation: 'EXECUTE',
        subtasks: [{ id: 1, name: 'a', status: 'WAT', operation: 'EXECUTE' }],
      },
      status: 200,
      successful: true,
    });
    const e = await failure(request('/instances/7', TaskInstance));
    expect(e).toMatchObject({ kind: 'schema', field: 'data.subtasks.0.status' });
    expect(e.message).toBe(
      'Unexpected reply from OCP: data.subtasks.0.status: expected one of PENDING, READY, RUNNING, CANCELING, FAILED, SUCCESSFUL',
    );
    expect(shouldRetry(0, e)).toBe(false);
  });

  it('rejects a 200 that is not an OCP envelope', async () => {
    reply(200, '<!doctype html><title>login</title>');
    const e = await failure(request('/instances/7', TaskInstance));
    expect(e.kind).toBe('schema');
  });
});

describe('request timeout', () => {
  it('gives up with a network error when OCP does not answer in time', async () => {
    // A fetch that never answers, but stops when its signal aborts, as the browser's does.
    vi.spyOn(globalThis, 'fetch').mockImplementation(
      (_input, init) =>
        new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason as Error))),
    );
    const e = await failure(request('/instances/1/rollback', null, { method: 'POST', timeoutMs: 20 }));
    expect(e).toMatchObject({ kind: 'network', timedOut: true, message: 'No answer within 0.02 s.' });
    // Someone already waited the full limit: no automatic retries on top.
    expect(shouldRetry(0, e)).toBe(false);
  });

  it('puts a timeout on every GET by default', async () => {
    const fetch = reply(200, { status: 200, successful: true });
    await request('/instances', null);
    expect(fetch.mock.calls[0]?.[1]?.signal).toBeInstanceOf(AbortSignal);
  });
});

describe('the console’s server', () => {
  it('receives the console’s custom header on every request', async () => {
    const fetch = reply(200, { status: 200, successful: true });
    await request('/instances/1/rollback', null, { method: 'POST' });
    expect(fetch.mock.calls[0]?.[1]?.headers).toMatchObject({ 'X-OCP-Console': '1' });
  });

  it('carries the fault the server reported, and does not retry a timeout or a redirect', async () => {
    for (const [status, fault] of [
      [504, 'reply-timeout'],
      [502, 'redirect'],
      [502, 'not-json'],
    ] as const) {
      vi.spyOn(globalThis, 'fetch').mockResolvedValue(
        new Response(JSON.stringify({ error: { message: 'm' }, status, successful: false }), {
          status,
          headers: { 'x-ocp-console-error': fault },
        }),
      );
      const e = await failure(request('/instances/1', TaskInstance));
      expect(e).toMatchObject({ status, fault });
      expect(shouldRetry(0, e)).toBe(false);
    }
  });

  it('hands a sign-in-required 401 to the sign-in handler', async () => {
    const handler = vi.fn();
    setSignInRequiredHandler(handler);
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(
      new Response(JSON.stringify({ error: { message: 'Sign in.' }, status: 401, successful: false }), {
        status: 401,
        headers: { 'x-ocp-console-error': 'sign-in-required' },
      }),
    );
    await failure(request('/instances/1', TaskInstance));
    expect(handler).toHaveBeenCalledTimes(1);
    reply(401, { error: { message: 'OCP refused the service account' }, status: 401, successful: false });
    await failure(request('/instances/1', TaskInstance));
    expect(handler).toHaveBeenCalledTimes(1);
    setSignInRequiredHandler(undefined);
  });
});

describe('a reply that breaks off', () => {
  it('becomes a retryable network error that says so', async () => {
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"data":{"id":'));
        controller.error(new TypeError('network error'));
      },
    });
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(body, { status: 200 }));
    const e = await failure(request('/instances/1', TaskInstance));
    expect(e).toMatchObject({ kind: 'network', message: 'The reply (HTTP 200) broke off before it was complete.' });
    expect(shouldRetry(0, e)).toBe(true);
  });
});

describe('keeping the reply as sent', () => {
  // Spacing, key order, escapes and non-ASCII text: all lost by a re-serialisation.
  const sent =
    '{ "successful":true,"status":200,\n "data":{"status":"FAILED","id":"9007199254740993","name":"A\\u0026B 扩容 <&\\">",' +
    '"operation":"EXECUTE","subtasks":[]},"traceId":"t1" }';

  it('keeps the exact bytes of a task reply with the parsed task', async () => {
    reply(200, sent);
    const task = await fetchTaskInstance('9007199254740993');
    expect(task.id).toBe('9007199254740993');
    expect(task.name).toBe('A&B 扩容 <&">');
    // As plain arrays: jsdom's Uint8Array and Node's are different classes.
    expect(Array.from(rawReplyOf(task) ?? [])).toEqual(Array.from(new TextEncoder().encode(sent)));
    expect(JSON.stringify(JSON.parse(sent))).not.toBe(sent);
  });

  it('keeps nothing for requests that do not ask, nor for a value made from a kept one', async () => {
    reply(200, sent);
    const task = await request('/instances/9007199254740993', TaskInstance);
    expect(rawReplyOf(task)).toBeUndefined();
    reply(200, sent);
    const kept = await fetchTaskInstance('9007199254740993');
    expect(rawReplyOf({ ...kept })).toBeUndefined();
  });
});
