import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorEnvelope, mockFetch, okEnvelope } from '../../test/fetchMock';
import { basicTask, taskPage } from '../../test/listFixtures';
import { renderWithProviders } from '../../test/renderWithProviders';
import { AppRoutes } from '../router';

const listed = basicTask(1001, { name: 'Add host' });

describe('TaskListPage', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is the home page: titles the tab, reads its filters from the URL, and its rows link to tasks', async () => {
    const { requestedUrls } = mockFetch((url) =>
      url.pathname.endsWith('/instances')
        ? [200, okEnvelope(taskPage([listed]))]
        : [404, errorEnvelope(404, 'The 1001 task does not exist.', 20000)],
    );
    const { location, history } = renderWithProviders(<AppRoutes />, { url: '/?name=%2541&status=FAILED' });

    expect(await screen.findByRole('heading', { name: 'Tasks' })).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('Tasks · OCP task console'));
    // Decoded once: "%41" stays "%41", it does not become "A".
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveValue('%41');
    expect(requestedUrls()[0]?.searchParams.get('name')).toBe('%41');
    expect(requestedUrls()[0]?.searchParams.get('status')).toBe('FAILED');

    const link = await screen.findByRole('link', { name: 'Add host' });
    expect(link).toHaveAttribute('href', '/tasks/1001');
    await userEvent.click(link);
    expect(await screen.findByRole('heading', { name: 'Task 1001 does not exist' })).toBeInTheDocument();
    expect(location().pathname).toBe('/tasks/1001');
    expect(history).toEqual(['/?name=%2541&status=FAILED', '/tasks/1001']);
    // Two lazily loaded pages in one test: room for a busy machine.
  }, 15_000);
});
