import { Box, Group, Paper, Skeleton, Stack } from '@mantine/core';
import { MAX_LONG } from '../../api/schemas';
import { ErrorState } from '../../components/ErrorState';
import { taskIdProblem } from '../taskIdProblem';

/** `/tasks/abc`: explained, with a way home, and no request sent. */
export function InvalidTaskId({ raw }: { raw: string }) {
  const problem = taskIdProblem(raw) ?? 'Task id must be a positive whole number';
  return (
    <ErrorState
      title="Invalid task id"
      message={`“${raw}” is not a task id. ${problem}. OCP task ids are whole numbers from 1 to ${MAX_LONG}; nothing was requested from OCP.`}
      backLink
    />
  );
}

/** The page's shape while the first reply is on its way, so nothing jumps when it lands. */
export function TaskPageSkeleton() {
  return (
    <Stack gap={0} style={{ flex: 1 }} aria-busy="true" aria-label="Loading task">
      <Paper radius={0} px="md" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
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
