import { Group } from '@mantine/core';
import type { TaskInstance } from '../../api/schemas';
import { ActionLauncher } from './ActionLauncher';
import { RETRY_TASK, ROLLBACK } from './actionSpecs';

/** The task's operations: Retry and Rollback, each enabled only where OCP accepts it. */
export function TaskActions({ task }: { task: TaskInstance }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <ActionLauncher task={task} spec={RETRY_TASK} />
      <ActionLauncher task={task} spec={ROLLBACK} />
    </Group>
  );
}
