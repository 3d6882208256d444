import { QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, expect, it, vi } from 'vitest';
import { errorEnvelope, jsonResponse, okEnvelope } from '../test/fetchMock';
import { createQueryClient } from './queryClient';
import { TaskInstance } from './schemas';
import { useTaskInstance } from './taskInstance';
import { taskKeys } from './taskKeys';
import { useRetryTask } from './taskRetry';

afterEach(() => vi.restoreAllMocks());

const wireTask = (status: string, operation: string) => ({ id: 7, name: 't', status, operation, subtasks: [] });

// Every task action shares this mutation (taskAction.ts); task retry stands for them.
it('shows the task OCP answers an action with, even when the refetch after it fails', async () => {
  const queryClient = createQueryClient();
  // One failed refetch is enough to show the point; the policy's backoff would only slow the test down.
  queryClient.setQueryDefaults(taskKeys.instance('7'), { retry: false });
  queryClient.setQueryData(taskKeys.instance('7'), TaskInstance.parse(wireTask('FAILED', 'EXECUTE')));
  const fetchMock = vi
    .spyOn(globalThis, 'fetch')
    .mockImplementation((_input, init) =>
      Promise.resolve(
        init?.method === 'POST'
          ? jsonResponse(okEnvelope(wireTask('RUNNING', 'RETRY')))
          : jsonResponse(errorEnvelope(503, 'Service unavailable'), 503),
      ),
    );
  const gets = () => fetchMock.mock.calls.filter(([, init]) => (init?.method ?? 'GET') === 'GET').length;
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
  // The page observes the task while the action runs, so the invalidation after the POST refetches it.
  const { result } = renderHook(() => ({ task: useTaskInstance('7'), retry: useRetryTask('7') }), { wrapper });
  expect(gets()).toBe(0);

  await act(() => result.current.retry.mutateAsync());

  await waitFor(() => expect(result.current.task.isRefetchError).toBe(true));
  expect(gets()).toBeGreaterThan(0);
  expect(result.current.task.data).toMatchObject({ status: 'RUNNING', operation: 'RETRY' });
});
