import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMemo, useRef } from 'react';
import { useRollbackTask } from '../../api/rollbackTask';
import type { TaskInstance } from '../../api/schemas';
import { RollbackPlanList } from './RollbackPlanList';
import { rollbackErrorNotice } from './rollbackNotice';
import { rollbackStateKey, rollbackWaves } from './rollbackPlan';

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

interface RollbackDialogProps {
  /** The task as it was when the dialog opened: the confirmation is about what the operator saw. */
  task: TaskInstance;
  /** The task as the page knows it now; when it differs from `task`, Confirm waits for a review. */
  current: TaskInstance;
  /** Replan from `current`. */
  onReview: () => void;
  opened: boolean;
  onClose: () => void;
}

/** Shows what a rollback will undo, in order, and sends it once on Confirm. */
export function RollbackDialog({ task, current, onReview, opened, onClose }: RollbackDialogProps) {
  const waves = useMemo(() => rollbackWaves(task.subtasks), [task.subtasks]);
  const plannedKey = useMemo(() => rollbackStateKey(task), [task]);
  const currentKey = useMemo(() => rollbackStateKey(current), [current]);
  const plan = useMemo(() => waves.flat(), [waves]);
  const mutation = useRollbackTask(task.id);
  // isPending only changes after a re-render; the ref stops a second click that lands before it.
  const inFlight = useRef(false);
  const pending = mutation.isPending;
  // Someone may have retried the task (or started a rollback) since this opened: never confirm a stale
  // reach. Once sent, the task is expected to change.
  const stale = mutation.isIdle && plannedKey !== currentKey;
  const again = task.operation === 'ROLLBACK';
  const n = plan.length;

  async function confirm() {
    if (inFlight.current) return;
    inFlight.current = true;
    try {
      await mutation.mutateAsync();
      notifications.show({
        color: 'green',
        title: `Rollback started for task ${task.id}`,
        message: `OCP is undoing ${plural(n, 'subtask')}; progress updates live on this page.`,
      });
    } catch (error) {
      const notice = rollbackErrorNotice(error);
      notifications.show({ color: 'red', title: notice.title, message: notice.message, autoClose: false });
    } finally {
      inFlight.current = false;
      // The task has been refetched either way: its state now says what happened, not this dialog.
      onClose();
    }
  }

  return (
    <Modal
      opened={opened}
      onClose={() => {
        if (!inFlight.current) onClose();
      }}
      title={again ? `Roll back task ${task.id} again?` : `Roll back task ${task.id}?`}
      size="lg"
      closeOnClickOutside={!pending}
      closeOnEscape={!pending}
      withCloseButton={!pending}
    >
      <Stack gap="sm">
        <Text size="sm">
          Task <strong>{task.name}</strong> ({task.id})
        </Text>
        <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} p="sm">
          {n === 0
            ? 'No subtask has run, so there is nothing to undo; OCP will mark the task rolled back.'
            : `This undoes ${plural(n, 'subtask')} that already ran: every executed subtask, from the failure point back to the start, ` +
              `in the order below${waves.length > 1 ? `, in ${plural(waves.length, 'step')} (subtasks in one step are undone in parallel)` : ''}. ` +
              'Subtasks that never ran are left alone. Once sent, the rollback cannot be stopped from here.'}
        </Alert>
        {stale && (
          <Alert color="yellow" variant="light" title="The task changed since this dialog opened" p="sm">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">Review what the rollback would undo now before confirming.</Text>
              <Button size="xs" variant="default" onClick={onReview}>
                Review again
              </Button>
            </Stack>
          </Alert>
        )}
        {n > 0 && <RollbackPlanList plan={plan} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={pending} data-autofocus>
            Cancel
          </Button>
          <Button color="red" onClick={() => void confirm()} loading={pending} disabled={pending || stale}>
            {n === 0 ? 'Roll back' : `Roll back ${plural(n, 'subtask')}`}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
