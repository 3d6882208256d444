import { focusManager, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import { createElement, type ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockFetch, okEnvelope } from '../test/fetchMock';
import { basicTask, taskPage } from '../test/listFixtures';
import { createQueryClient } from './queryClient';
import type { BasicTaskInstanceWire } from './schemas';
import { useTaskInstances } from './taskInstances';

const params = { page: 1, size: 20 };

/** Serves one page of tasks with these statuses and renders the list query as the task list does. */
function renderList(...statuses: BasicTaskInstanceWire['status'][]) {
  const { requestedUrls } = mockFetch(() => [200, okEnvelope(taskPage(statuses.map((status, i) => basicTask(i + 1, { status }))))]);
  const client = createQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => createElement(QueryClientProvider, { client }, children);
  const { result, unmount } = renderHook(() => useTaskInstances(params), { wrapper });
  const requests = () => requestedUrls().filter((u) => u.pathname === '/api/v2/tasks/instances').length;
  return { result, unmount, requests };
}

const elapse = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  focusManager.setFocused(undefined);
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the task list query', () => {
  it('asks again every 5 s while a task on the page is RUNNING', async () => {
    const list = renderList('FAILED', 'RUNNING');
    await elapse(10);
    expect(list.result.current.isSuccess).toBe(true);
    expect(list.requests()).toBe(1);
    await elapse(4_900);
    expect(list.requests()).toBe(1);
    await elapse(200);
    expect(list.requests()).toBe(2);
    await elapse(5_000);
    expect(list.requests()).toBe(3);
    list.unmount();
  });

  it('does not poll when nothing on the page can change', async () => {
    for (const statuses of [['FAILED', 'SUCCESSFUL'], []] as BasicTaskInstanceWire['status'][][]) {
      const list = renderList(...statuses);
      await elapse(10);
      expect(list.result.current.isSuccess).toBe(true);
      await elapse(30_000);
      expect(list.requests()).toBe(1);
      list.unmount();
      vi.restoreAllMocks();
    }
  });

  it('pauses polling in a hidden tab', async () => {
    const list = renderList('RUNNING');
    await elapse(10);
    expect(list.result.current.isSuccess).toBe(true);
    act(() => focusManager.setFocused(false));
    await elapse(20_000);
    expect(list.requests()).toBe(1);
    list.unmount();
  });
});
