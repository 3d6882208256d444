import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { createQueryClient } from '../api/queryClient';
import { sessionKey } from '../features/auth/authApi';

/**
 * Renders `ui` (a component, or the whole app's `<AppRoutes />`) at `url` with the app's providers,
 * an in-memory location and a query client with the real policy minus retries, so an error shows up
 * at once. `location()` is where the app is now; `history` lists the entries (a replace overwrites).
 */
export function renderWithProviders(ui: ReactElement, { url = '/' }: { url?: string } = {}) {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({
    ...queryClient.getDefaultOptions(),
    queries: { ...queryClient.getDefaultOptions().queries, retry: false },
  });
  // The top bar asks the console's server who is acting; tests run as the simulator without sign-in.
  queryClient.setQueryData(sessionKey, { mode: 'none' });
  const memory = memoryLocation({ path: url, record: true });
  const location = () => {
    const current = new URL(memory.history.at(-1) ?? '/', 'http://localhost');
    return { pathname: current.pathname, search: current.search };
  };
  const result = render(
    <MantineProvider env="test">
      <QueryClientProvider client={queryClient}>
        <Notifications />
        <Router hook={memory.hook}>{ui}</Router>
      </QueryClientProvider>
    </MantineProvider>,
  );
  return { ...result, location, history: memory.history, queryClient };
}
