import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TaskInstanceWire } from '../../api/schemas';
import { errorEnvelope, mockFetch, okEnvelope } from '../../test/fetchMock';
import { renderWithProviders } from '../../test/renderWithProviders';
import { AppRoutes } from '../router';

const sample: TaskInstanceWire = {
  id: 35000312,
  name: 'Create tenant <b>prod</b>',
  creator: { id: 1, name: 'admin' },
  status: 'FAILED',
  type: 'MANUAL',
  operation: 'EXECUTE',
  prohibitRollback: false,
  createTime: '2024-05-01T10:00:00.000+08:00',
  startTime: '2024-05-01T10:00:01.000+08:00',
  finishTime: '2024-05-01T10:03:00.000+08:00',
  subtasks: [
    { id: 2, seriesId: 2, name: 'Create resource pool', status: 'FAILED', operation: 'EXECUTE', upstreams: [1], downstreams: [] },
    { id: 1, seriesId: 1, name: 'Check parameters', status: 'SUCCESSFUL', operation: 'EXECUTE', upstreams: [], downstreams: [2] },
  ],
};

describe('TaskPage', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each(['abc', '-1', '0', '1.5', '99999999999999999999'])('/tasks/%s is an invalid id and sends no request', async (raw) => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    renderWithProviders(<AppRoutes />, { url: `/tasks/${raw}` });

    expect(await screen.findByRole('heading', { name: 'Invalid task id' })).toBeInTheDocument();
    expect(screen.getByText(new RegExp(`“${raw.replace('.', '\\.')}” is not a task id`))).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Back to tasks/ })).toHaveAttribute('href', '/');
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('says which task does not exist, with a way back', async () => {
    mockFetch(() => [404, errorEnvelope(404, 'The 42 task does not exist.', 20000)]);
    renderWithProviders(<AppRoutes />, { url: '/tasks/42' });

    expect(await screen.findByRole('heading', { name: 'Task 42 does not exist' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Back to tasks/ })).toHaveAttribute('href', '/');
    expect(screen.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
  });

  it('shows the task, titles the tab, and opens the subtask from the URL', async () => {
    mockFetch(() => [200, okEnvelope(sample)]);
    renderWithProviders(<AppRoutes />, { url: '/tasks/35000312?subtask=2' });

    expect(await screen.findByRole('heading', { name: 'Create tenant <b>prod</b>' })).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('Task 35000312 · Create tenant <b>prod</b>'));
    expect(screen.getByRole('region', { name: 'Subtask graph' })).toBeInTheDocument();
    expect(screen.getByRole('complementary', { name: 'Subtask details' })).toBeInTheDocument();
  });

  it('closing the subtask panel drops ?subtask= by replacing the history entry', async () => {
    mockFetch(() => [200, okEnvelope(sample)]);
    const { location, history } = renderWithProviders(<AppRoutes />, { url: '/tasks/35000312?subtask=2&from=%2541' });
    const panel = await screen.findByRole('complementary', { name: 'Subtask details' });
    await screen.findByTestId('rf__node-2', {}, { timeout: 5000 }); // the graph's code has arrived: nothing left to suspend on
    await userEvent.click(within(panel).getByRole('button', { name: /close subtask details/i }));

    await waitFor(() => expect(screen.queryByRole('complementary', { name: 'Subtask details' })).not.toBeInTheDocument());
    // Other parameters survive untouched (decoded once, not twice).
    expect(location()).toEqual({ pathname: '/tasks/35000312', search: '?from=%2541' });
    expect(history).toHaveLength(1);
  });

  it('keeps the task on screen when a poll fails, with a quiet warning', async () => {
    let down = false;
    mockFetch(() => (down ? [503, errorEnvelope(503, 'Service unavailable')] : [200, okEnvelope(sample)]));
    const { queryClient } = renderWithProviders(<AppRoutes />, { url: '/tasks/35000312' });
    await screen.findByRole('heading', { name: 'Create tenant <b>prod</b>' });

    down = true;
    await queryClient.refetchQueries();

    expect(await screen.findByText(/Live updates failing: OCP server error \(HTTP 503\)/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Create tenant <b>prod</b>' })).toBeInTheDocument();
  });

  it('leading zeros redirect to the canonical task URL', async () => {
    const { requestedUrls } = mockFetch(() => [200, okEnvelope(sample)]);
    const { location, history } = renderWithProviders(<AppRoutes />, { url: '/tasks/0035000312?subtask=2' });
    await screen.findByRole('heading', { name: 'Create tenant <b>prod</b>' });
    expect(location()).toEqual({ pathname: '/tasks/35000312', search: '?subtask=2' });
    expect(history).toHaveLength(1); // replaced: Back does not bounce through /tasks/0035000312
    // The task and, with the panel open, its subtask's log: all under the canonical id, none under the raw one.
    const paths = requestedUrls().map((u) => u.pathname);
    expect(paths).toContain('/api/v2/tasks/instances/35000312');
    expect(paths.every((p) => p === '/api/v2/tasks/instances/35000312' || p.startsWith('/api/v2/tasks/instances/35000312/'))).toBe(true);
  });

  it('unknown paths get a not-found page with a link home', async () => {
    renderWithProviders(<AppRoutes />, { url: '/no/such/page' });
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Back to tasks/ })).toHaveAttribute('href', '/');
  });
});
