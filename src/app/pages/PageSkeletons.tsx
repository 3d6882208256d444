import { Box, Group, Paper, Skeleton, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * Placeholders in each page's own shape, shown while the page's code and then its first reply
 * are on their way, so nothing jumps when they land. Kept light: they ship with the entry chunk.
 */
export function TaskPageSkeleton() {
  const { t } = useTranslation();
  return (
    <Stack gap={0} style={{ flex: 1 }} aria-busy="true" aria-label={t('loading.task')}>
      <Paper radius={0} px="md" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
        <Skeleton h={22} w={320} mb="sm" />
        <Group gap="xl">
          {Array.from({ length: 6 }, (_, i) => (
            <Stack key={i} gap={6}>
              <Skeleton h={10} w={60} />
              <Skeleton h={14} w={110} />
            </Stack>
          ))}
        </Group>
      </Paper>
      <Box p="md" style={{ flex: 1, minHeight: 480 }}>
        <Skeleton h="100%" mih={448} />
      </Box>
    </Stack>
  );
}

export function TaskListPageSkeleton() {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" p="md" maw={1600} mx="auto" aria-busy="true" aria-label={t('loading.tasks')}>
      <Group justify="space-between" align="flex-end">
        <Skeleton h={28} w={90} />
        <Skeleton h={50} w={600} maw="100%" />
      </Group>
      <Paper withBorder radius="sm" p="sm">
        <Stack gap="md">
          {Array.from({ length: 10 }, (_, i) => (
            <Skeleton key={i} h={14} />
          ))}
        </Stack>
      </Paper>
    </Stack>
  );
}
