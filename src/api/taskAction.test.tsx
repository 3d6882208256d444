import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorEnvelope, jsonResponse, okEnvelope } from '../test/fetchMock';
import { isApiError } from './errors';
import { createQueryClient } from './queryClient';
import { TaskInstance, type SubtaskInstanceWire, type TaskInstanceWire } from './schemas';
import { useCancelSubtask } from './subtaskCancel';
import { useRetrySubtask } from './subtaskRetry';
import { useSkipSubtask } from './subtaskSkip';
import { taskKeys } from './taskKeys';
import { useRetryTask } from './taskRetry';

afterEach(() => vi.restoreAllMocks());

const subtask = (id: number, status: SubtaskInstanceWire['status'], over: Partial<SubtaskInstanceWire> = {}): SubtaskInstanceWire => ({
  id,
  name: `Subtask ${id}`,
  status,
  operation: 'EXECUTE',
  runTime: 1,
  parallelIdx: -1,
  upstreams: [],
  downstreams: [],
  ...over,
});
const wireTask = (over: Partial<TaskInstanceWire> = {}): TaskInstanceWire => ({
  id: 7,
  name: 'Add zone',
  status: 'FAILED',
  operation: 'EXECUTE',
  subtasks: [subtask(1, 'SUCCESSFUL'), subtask(2, 'FAILED')],
  ...over,
});

/** A query client holding task 7 (FAILED), and a renderer of hooks inside it. */
function setup() {
  const queryClient = createQueryClient();
  queryClient.setQueryData(taskKeys.instance('7'), TaskInstance.parse(wireTask()));
  queryClient.setQueryData(taskKeys.subtaskLog('7', '2'), 'old log');
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
  return { queryClient, render: <T,>(hook: () => T) => renderHook(hook, { wrapper }).result };
}

/** Answers every POST with `reply` and counts what was sent. */
function answerPosts(status: number, body: unknown) {
  const spy = vi.spyOn(globalThis, 'fetch').mockImplementation(() => Promise.resolve(jsonResponse(body, status)));
  return () => spy.mock.calls.map(([input, init]) => `${init?.method ?? 'GET'} ${input instanceof Request ? input.url : input.toString()}`);
}

const cachedTask = (queryClient: QueryClient) => queryClient.getQueryData<TaskInstance>(taskKeys.instance('7'));
const invalidated = (queryClient: QueryClient, key: readonly unknown[]) => queryClient.getQueryState(key)?.isInvalidated;

const ACTIONS: { name: string; useAction: () => { mutateAsync: () => Promise<unknown> }; path: string }[] = [
  { name: 'task retry', useAction: () => useRetryTask('7'), path: '/api/v2/tasks/instances/7/retry' },
  { name: 'subtask retry', useAction: () => useRetrySubtask('7', '2'), path: '/api/v2/tasks/instances/7/subtasks/2/retry' },
  { name: 'subtask skip', useAction: () => useSkipSubtask('7', '2'), path: '/api/v2/tasks/instances/7/subtasks/2/skip' },
  { name: 'subtask cancel', useAction: () => useCancelSubtask('7', '2'), path: '/api/v2/tasks/instances/7/subtasks/2/cancel' },
];

describe.each(ACTIONS)('$name', ({ useAction, path }) => {
  it('sends one POST to its path and then marks the task and its logs for refetching', async () => {
    const { queryClient, render } = setup();
    const sent = answerPosts(200, okEnvelope(undefined));
    const result = render(useAction);
    await act(() => result.current.mutateAsync());
    expect(sent()).toEqual([`POST ${path}`]);
    expect(invalidated(queryClient, taskKeys.instance('7'))).toBe(true);
    expect(invalidated(queryClient, taskKeys.subtaskLog('7', '2'))).toBe(true);
  });

  it('is never retried: a 503 is one request and an ApiError; OCP’s refusal keeps its code and message', async () => {
    const { render } = setup();
    const sent = answerPosts(503, errorEnvelope(503, 'Service unavailable'));
    const result = render(useAction);
    const error: unknown = await act(() => result.current.mutateAsync().catch((e: unknown) => e));
    expect(isApiError(error) && error.status).toBe(503);
    expect(sent()).toHaveLength(1);

    vi.restoreAllMocks();
    const refused = 'This operation is not supported for the 2 task in the RUNNING state.';
    answerPosts(400, errorEnvelope(400, refused, 20003));
    const second: unknown = await act(() => result.current.mutateAsync().catch((e: unknown) => e));
    expect(isApiError(second) && [second.code, second.message]).toEqual([20003, refused]);
  });
});

describe('what OCP answers goes into the cached task at once', () => {
  it('task retry: the task OCP answers with (RUNNING/RETRY)', async () => {
    const { queryClient, render } = setup();
    answerPosts(
      200,
      okEnvelope(
        wireTask({
          status: 'RUNNING',
          operation: 'RETRY',
          subtasks: [subtask(1, 'SUCCESSFUL'), subtask(2, 'READY', { operation: 'RETRY', runTime: 2 })],
        }),
      ),
    );
    const result = render(() => useRetryTask('7'));
    await act(() => result.current.mutateAsync());
    expect(cachedTask(queryClient)).toMatchObject({ status: 'RUNNING', operation: 'RETRY' });
  });

  it('subtask retry: OCP’s subtask replaces the cached one and the task is RUNNING (so it polls)', async () => {
    const { queryClient, render } = setup();
    answerPosts(200, okEnvelope(subtask(2, 'READY', { operation: 'RETRY', runTime: 2 })));
    const result = render(() => useRetrySubtask('7', '2'));
    await act(() => result.current.mutateAsync());
    const task = cachedTask(queryClient);
    expect(task?.status).toBe('RUNNING');
    expect(task?.operation).toBe('EXECUTE');
    expect(task?.subtasks.find((s) => s.id === '2')).toMatchObject({ status: 'READY', operation: 'RETRY', runTime: 2 });
  });

  it('a reply without data (OCP Express, skip, cancel) leaves the cache to the refetch', async () => {
    const { queryClient, render } = setup();
    answerPosts(200, okEnvelope(undefined));
    const result = render(() => useRetryTask('7'));
    await act(() => result.current.mutateAsync());
    expect(cachedTask(queryClient)?.status).toBe('FAILED');
  });
});
