import { notifications } from '@mantine/notifications';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { setSavedTask } from './savedTaskStore';

export const SAVED_TASK_PATH = '/saved';

/**
 * Opens a dropped or picked task file at `/saved`, or says in a notification what is wrong with it
 * (which file, which field, what to do). One file at a time: a second drop while one is read waits its turn.
 */
export function useOpenTaskFile() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [opening, setOpening] = useState(false);
  const busy = useRef(false);

  const open = useCallback(
    async (files: readonly File[]) => {
      const [file] = files;
      if (!file || busy.current) return;
      busy.current = true;
      setOpening(true);
      try {
        // The reader (schemas, zod) loads on the first file, not with every page.
        const { openTaskFile } = await import('./openTaskFile');
        const result = await openTaskFile(file);
        if (!result.ok) {
          notifications.show({
            color: 'red',
            title: t('saved.couldNotOpen', { name: file.name }),
            message: result.message,
            autoClose: false,
          });
          return;
        }
        setSavedTask(result.saved);
        navigate(SAVED_TASK_PATH);
        if (files.length > 1) {
          notifications.show({ color: 'blue', title: t('saved.oneAtATime', { name: file.name, count: files.length - 1 }), message: null });
        }
      } finally {
        busy.current = false;
        setOpening(false);
      }
    },
    [navigate, t],
  );
  return { open, opening };
}
