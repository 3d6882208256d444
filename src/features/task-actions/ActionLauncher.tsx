import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskInstance } from '../../api/schemas';
import { taskKeys } from '../../api/taskKeys';
import { ActionButton } from './ActionButton';
import { ActionDialog } from './ActionDialog';
import type { ActionSpec } from './actionSpecs';

interface ActionLauncherProps {
  task: TaskInstance;
  spec: ActionSpec;
  variant?: 'light' | 'default' | 'filled';
  size?: 'xs' | 'sm';
}

/** The button of one operation and its confirmation; each opening is a new dialog with its own send guard. */
export function ActionLauncher({ task, spec, variant = 'light', size = 'sm' }: ActionLauncherProps) {
  // The spec words its reasons with i18next.t: this loads (and waits for) the catalogs it reads.
  useTranslation(['actions', 'detail']);
  const availability = spec.availability(task);
  // The dialog keeps the task as it was when opened, so a refetch cannot change what is being confirmed.
  const [planned, setPlanned] = useState<TaskInstance | null>(null);
  const [opened, setOpened] = useState(false);
  const [session, setSession] = useState(0);
  const queryClient = useQueryClient();
  const Icon = spec.icon;
  const button = useRef<HTMLButtonElement>(null);
  // The dialog mounts already open, so Mantine has no "before" to return focus to: do it here, so a
  // keyboard user lands back on the button rather than on <body>.
  const close = () => {
    setOpened(false);
    requestAnimationFrame(() => button.current?.focus());
  };

  const open = () => {
    if (opened) return; // the second click of a double click keeps the dialog as it is
    setPlanned(task);
    setSession((n) => n + 1);
    setOpened(true);
    // A FAILED task is not polled: fetch it now, so the dialog notices if it is out of date.
    void queryClient.invalidateQueries({ queryKey: taskKeys.instance(task.id) });
  };

  return (
    <>
      <ActionButton
        ref={button}
        color={spec.color}
        variant={variant}
        size={size}
        leftSection={<Icon size={16} aria-hidden />}
        reason={availability.allowed ? undefined : availability.reason}
        onClick={open}
      >
        {spec.buttonLabel(task)}
      </ActionButton>
      {planned && (
        <ActionDialog
          key={session}
          spec={spec}
          task={planned}
          current={task}
          onReview={() => setPlanned(task)}
          opened={opened}
          onClose={close}
        />
      )}
    </>
  );
}
