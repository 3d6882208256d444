import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { errorEnvelope, mockFetch } from '../test/fetchMock';
import { renderWithProviders } from '../test/renderWithProviders';
import { AppRoutes } from './router';

// The list page's code "fails": what a render error (or a chunk that did not download) looks like.
vi.mock('./pages/TaskListPage', () => ({
  TaskListPage: () => {
    throw new Error('list exploded');
  },
}));

describe('AppRoutes', () => {
  beforeEach(() => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterEach(() => vi.restoreAllMocks());

  it('a page that throws gets words under the top bar, not a white screen', async () => {
    renderWithProviders(<AppRoutes />);

    expect(await screen.findByRole('heading', { name: 'The page failed to render' })).toBeInTheDocument();
    expect(screen.getByText('list exploded')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Reload' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Back to tasks/ })).toHaveAttribute('href', '/');
    // The frame survives: home link and "Open task by id" still work.
    expect(screen.getByRole('link', { name: /OCP task console/ })).toHaveAttribute('href', '/');
    expect(screen.getByRole('textbox', { name: 'Open task by id' })).toBeInTheDocument();
  });

  it('navigating away clears the error', async () => {
    mockFetch(() => [404, errorEnvelope(404, 'The 12 task does not exist.', 20000)]);
    const { location } = renderWithProviders(<AppRoutes />);
    await screen.findByRole('heading', { name: 'The page failed to render' });

    await userEvent.type(screen.getByRole('textbox', { name: 'Open task by id' }), '12{Enter}');

    expect(await screen.findByRole('heading', { name: 'Task 12 does not exist' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'The page failed to render' })).not.toBeInTheDocument();
    expect(location().pathname).toBe('/tasks/12');
  });
});
