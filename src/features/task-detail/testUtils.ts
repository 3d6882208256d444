/** Test-only: render inside the same providers the app shell sets up (Mantine in test mode, notifications, queries). */
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createElement, type ReactElement } from 'react';
import { createQueryClient } from '../../api/queryClient';

export function renderWithProviders(ui: ReactElement) {
  const queryClient = createQueryClient();
  // env="test" turns off Mantine's transitions and portals, so dialogs and tooltips render in place and at once.
  const result = render(
    createElement(
      MantineProvider,
      { env: 'test' },
      createElement(Notifications),
      createElement(QueryClientProvider, { client: queryClient }, ui),
    ),
  );
  return { ...result, queryClient };
}
