import { Anchor, Box, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { UserMenu } from '../features/auth/UserMenu';
import { OpenTaskField } from './OpenTaskField';

const HEADER_HEIGHT = 48;

/**
 * The frame of every page: a slim top bar (product name home, "Open task by id") above a main
 * area that takes the rest of the viewport, so the task page can give its graph a real height.
 */
export function AppLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box h="100dvh" style={{ display: 'flex', flexDirection: 'column' }}>
      <Box
        component="header"
        h={HEADER_HEIGHT}
        px="md"
        style={{
          flexShrink: 0,
          borderBottom: '1px solid var(--mantine-color-gray-3)',
          background: 'var(--mantine-color-white)',
          position: 'relative',
          zIndex: 10,
        }}
      >
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Anchor component={Link} to="/" underline="never" c="dark" fw={600} size="md">
            <Group gap={8} wrap="nowrap" component="span">
              <img src="/favicon.svg" alt="" width={22} height={22} />
              <span>{t('app.name')}</span>
            </Group>
          </Anchor>
          <Group gap="md" wrap="nowrap">
            <Text size="xs" c="dimmed" visibleFrom="sm">
              {t('app.platform')}
            </Text>
            <OpenTaskField />
            <UserMenu />
          </Group>
        </Group>
      </Box>
      <Box component="main" style={{ flex: 1, minHeight: 0, overflow: 'auto' }} bg="gray.0">
        {children}
      </Box>
    </Box>
  );
}
