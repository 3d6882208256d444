import { Button, Group, Tooltip } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { taskKeys } from '../../api/taskKeys';
import type { TaskInstance } from '../../api/schemas';
import { RollbackDialog } from './RollbackDialog';
import { rollbackAvailability } from './rollbackPlan';

/** The task's actions: Rollback, enabled only when OCP would accept it, and its confirmation dialog. */
export function TaskActions({ task }: { task: TaskInstance }) {
  const availability = rollbackAvailability(task);
  const reason = availability.allowed ? undefined : availability.reason;
  const reasonId = useId();
  // The dialog keeps the task as it was when opened, so a refetch cannot change what is being confirmed.
  const [planned, setPlanned] = useState<TaskInstance | null>(null);
  const [opened, setOpened] = useState(false);
  // Each opening is a new dialog, with its own mutation state.
  const [session, setSession] = useState(0);
  const queryClient = useQueryClient();

  return (
    <Group gap="xs">
      {/* A disabled button gets no pointer events of its own in some browsers: the wrapper carries the tooltip.
          The label stays in the DOM (hidden while closed) so the button's accessible description is always there. */}
      <Tooltip
        label={<span id={reasonId}>{reason}</span>}
        disabled={reason === undefined}
        withArrow
        multiline
        maw={320}
        keepMounted
        transitionProps={{ keepMountedMode: 'display-none' }}
      >
        <span style={{ display: 'inline-block', cursor: reason === undefined ? undefined : 'not-allowed' }}>
          <Button
            color="red"
            variant="light"
            leftSection={<IconArrowBackUp size={16} aria-hidden />}
            disabled={reason !== undefined}
            aria-describedby={reason === undefined ? undefined : reasonId}
            onClick={() => {
              setPlanned(task);
              setSession((n) => n + 1);
              setOpened(true);
              // A FAILED task is not polled: fetch it now, so the dialog notices if it is out of date.
              void queryClient.invalidateQueries({ queryKey: taskKeys.instance(task.id) });
            }}
          >
            {task.status === 'FAILED' && task.operation === 'ROLLBACK' ? 'Rollback again…' : 'Rollback…'}
          </Button>
        </span>
      </Tooltip>
      {planned && (
        <RollbackDialog
          key={session}
          task={planned}
          current={task}
          onReview={() => setPlanned(task)}
          opened={opened}
          onClose={() => setOpened(false)}
        />
      )}
    </Group>
  );
}
