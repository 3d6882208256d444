import { Button, Menu, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconDownload, IconJson } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { rawReplyOf } from '../../../api/rawReply';
import type { TaskInstance } from '../../../api/schemas';
import { saveFile } from '../../../components/saveFile';
import { taskJsonName } from './fileNames';

interface ExportMenuProps {
  task: TaskInstance;
}

/** The find bar's Export menu: the task as OCP sent it. */
export function ExportMenu({ task }: ExportMenuProps) {
  const { t } = useTranslation('graph');
  // Only a task parsed from OCP's reply has it; one an action's reply was folded into waits for the refetch.
  const raw = rawReplyOf(task);

  const run = (work: () => void) => {
    try {
      work();
    } catch (error) {
      notifications.show({ color: 'red', title: t('export.failed'), message: error instanceof Error ? error.message : String(error) });
    }
  };
  const saveJson = () =>
    run(() => {
      if (raw) saveFile(taskJsonName(task.id), new Blob([raw], { type: 'application/json' }));
    });

  return (
    <Menu position="bottom-end" shadow="md" width={300}>
      <Menu.Target>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconDownload size={14} aria-hidden />}
          rightSection={<IconChevronDown size={12} aria-hidden />}
        >
          {t('export.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('export.taskSection')}</Menu.Label>
        <Menu.Item leftSection={<IconJson size={16} aria-hidden />} onClick={saveJson} disabled={!raw}>
          {t('export.json')}
          {!raw && (
            <Text size="xs" c="dimmed">
              {t('export.jsonPending')}
            </Text>
          )}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
