import { QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, expect, it, vi } from 'vitest';
import { errorEnvelope, mockFetch, okEnvelope } from '../test/fetchMock';
import { createQueryClient } from './queryClient';
import type { SubtaskInstance } from './schemas';
import { fetchSubtaskLog, subtaskLogQueryOptions, useSubtaskLog } from './subtaskLog';

afterEach(() => vi.restoreAllMocks());

it('fetches GET …/subtasks/{sid}/log and unwraps the text; a reply without `log` is a contract error naming it', async () => {
  const { requestedUrls } = mockFetch((url) =>
    url.pathname.endsWith('/9/log') ? [200, okEnvelope({})] : [200, okEnvelope({ log: 'a\nb' })],
  );
  await expect(fetchSubtaskLog('7', '2')).resolves.toBe('a\nb');
  expect(requestedUrls()[0]?.pathname).toBe('/api/v2/tasks/instances/7/subtasks/2/log');
  await expect(fetchSubtaskLog('7', '9')).rejects.toMatchObject({ kind: 'schema', field: 'data.log' });
});

it('polls every second only while the subtask runs', () => {
  const interval = (live: boolean) => {
    const option = subtaskLogQueryOptions('7', '2', live).refetchInterval;
    return typeof option === 'function' ? 'fn' : option;
  };
  expect(interval(true)).toBe(1000);
  expect(interval(false)).toBe(false);
});

it('fetches again when the subtask’s state changes (a run ended, a retry began), not on every render', async () => {
  let text = 'run 1';
  const { spy } = mockFetch(() => [200, okEnvelope({ log: text })]);
  const queryClient = createQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
  type Sub = Pick<SubtaskInstance, 'id' | 'status' | 'operation' | 'runTime'>;
  const failed: Sub = { id: '2', status: 'FAILED', operation: 'EXECUTE', runTime: 1 };
  const { result, rerender } = renderHook(({ s }: { s: Sub }) => useSubtaskLog('7', s), { wrapper, initialProps: { s: failed } });
  await waitFor(() => expect(result.current.data).toBe('run 1'));
  rerender({ s: { ...failed } });
  expect(spy).toHaveBeenCalledTimes(1);
  text = 'run 1\nrun 2';
  rerender({ s: { ...failed, status: 'READY', operation: 'RETRY', runTime: 2 } });
  await waitFor(() => expect(result.current.data).toBe('run 1\nrun 2'));
  expect(spy).toHaveBeenCalledTimes(2);
});

it('keeps the last text on screen when a poll fails', async () => {
  let fail = false;
  // A 4xx, which the query policy does not retry, so the error shows at once.
  mockFetch(() => (fail ? [404, errorEnvelope(404, 'The 7 task does not exist.', 20000)] : [200, okEnvelope({ log: 'kept' })]));
  const queryClient = createQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
  const { result } = renderHook(() => useSubtaskLog('7', { id: '2', status: 'FAILED', operation: 'EXECUTE', runTime: 1 }), { wrapper });
  await waitFor(() => expect(result.current.data).toBe('kept'));
  fail = true;
  const after = await result.current.refetch();
  expect(after.error).toMatchObject({ status: 404 });
  expect(after.data).toBe('kept');
});
