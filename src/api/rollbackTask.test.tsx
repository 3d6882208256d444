import { QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, expect, it, vi } from 'vitest';
import { errorEnvelope, jsonResponse, okEnvelope } from '../test/fetchMock';
import { createQueryClient } from './queryClient';
import { useRollbackTask } from './rollbackTask';
import type { TaskInstance } from './schemas';
import { taskKeys } from './taskKeys';

afterEach(() => vi.restoreAllMocks());

it('shows the task OCP answers the rollback with, even when the refetch after it fails', async () => {
  const queryClient = createQueryClient();
  queryClient.setQueryData(taskKeys.instance('7'), { id: '7', status: 'FAILED', operation: 'EXECUTE' } as TaskInstance);
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (_input, init) =>
    init?.method === 'POST'
      ? jsonResponse(okEnvelope({ id: 7, name: 't', status: 'RUNNING', operation: 'ROLLBACK', subtasks: [] }))
      : jsonResponse(errorEnvelope(503, 'Service unavailable'), 503),
  );
  // The cached task has no observer, so the invalidation after the POST does not refetch it here; what
  // matters is that the cache holds OCP's answer, whatever a refetch then does.
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
  const { result } = renderHook(() => useRollbackTask('7'), { wrapper });
  await act(() => result.current.mutateAsync());
  expect(queryClient.getQueryData<TaskInstance>(taskKeys.instance('7'))).toMatchObject({ status: 'RUNNING', operation: 'ROLLBACK' });
});
