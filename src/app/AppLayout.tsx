import { Anchor, Box, Group, Text, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ColorSchemeToggle } from './ColorSchemeToggle';
import { UserMenu } from '../features/auth/UserMenu';
import { OpenTaskFileButton } from '../features/saved-task/OpenTaskFileButton';
import { TaskFileDrop } from '../features/saved-task/TaskFileDrop';
import { LanguageSelect } from './LanguageSelect';
import { OpenTaskField } from './OpenTaskField';

const HEADER_HEIGHT = 48;

/**
 * The frame of every page: a slim top bar (product name home, "Open task by id", open a saved task file,
 * language, theme) above a main area that takes the rest of the viewport, so the task page can give its
 * graph a real height. A task file dropped anywhere opens read-only.
 */
export function AppLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box h="100dvh" style={{ display: 'flex', flexDirection: 'column' }}>
      <Box
        component="header"
        h={HEADER_HEIGHT}
        px={{ base: 'xs', sm: 'md' }}
        style={{
          flexShrink: 0,
          borderBottom: '1px solid var(--mantine-color-default-border)',
          background: 'var(--mantine-color-body)',
          position: 'relative',
          zIndex: 10,
        }}
      >
        <Group h="100%" justify="space-between" wrap="nowrap" gap="xs">
          <Anchor component={Link} to="/" underline="never" c="var(--mantine-color-text)" fw={600} size="md">
            <Group gap={8} wrap="nowrap" component="span">
              <img src="/favicon.svg" alt="" width={22} height={22} />
              {/* On a phone the name would crowd out the controls: only screen readers get it there. */}
              <Text span inherit visibleFrom="sm" style={{ whiteSpace: 'nowrap' }}>
                {t('app.name')}
              </Text>
              <VisuallyHidden hiddenFrom="sm">{t('app.name')}</VisuallyHidden>
            </Group>
          </Anchor>
          <Group gap="sm" wrap="nowrap">
            <Text size="xs" c="dimmed" visibleFrom="lg">
              {t('app.platform')}
            </Text>
            <OpenTaskField />
            <OpenTaskFileButton />
            <LanguageSelect />
            <ColorSchemeToggle />
            <UserMenu />
          </Group>
        </Group>
      </Box>
      <TaskFileDrop />
      <Box component="main" style={{ flex: 1, minHeight: 0, overflow: 'auto' }} bg="var(--ocp-page)">
        {children}
      </Box>
    </Box>
  );
}
