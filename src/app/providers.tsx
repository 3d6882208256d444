import { localStorageColorSchemeManager, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createQueryClient } from '../api/queryClient';
import { createAppTheme, cssVariablesResolver } from './theme';

/** Light or dark follows the system until the operator picks one in the top bar; the pick is remembered. */
const colorSchemeManager = localStorageColorSchemeManager({ key: 'ocp-console.color-scheme' });

interface Props {
  children: ReactNode;
  /** Tests pass their own client; the app builds one with the shared policy. */
  queryClient?: QueryClient;
  /** 'test' turns off Mantine transitions and portals. */
  env?: 'default' | 'test';
}

export function AppProviders({ children, queryClient, env = 'default' }: Props) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  const { t } = useTranslation();
  const closeLabel = t('close');
  const theme = useMemo(() => createAppTheme(closeLabel), [closeLabel]);
  return (
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      defaultColorScheme="auto"
      colorSchemeManager={colorSchemeManager}
      env={env}
    >
      <QueryClientProvider client={client}>
        <Notifications position="top-right" limit={4} />
        {children}
      </QueryClientProvider>
    </MantineProvider>
  );
}
