import { Button, Menu, Text, useComputedColorScheme } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconDownload, IconFileTypeSvg, IconJson } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { rawReplyOf } from '../../../api/rawReply';
import type { TaskInstance } from '../../../api/schemas';
import { saveFile } from '../../../components/saveFile';
import { graphSvgOf } from './exportGraph';
import { graphFileName, taskJsonName, type GraphExtent } from './fileNames';
import type { GraphSnapshotSource } from './snapshotSource';

interface ExportMenuProps {
  task: TaskInstance;
  /** The graph as drawn, when one is (see snapshotSource.ts). */
  snapshot: GraphSnapshotSource;
  /** The graph is the view on screen (not the timeline). */
  graphShown: boolean;
}

/** The find bar's Export menu: the graph (whole or as on screen) as SVG or PNG, and the task as OCP sent it. */
export function ExportMenu({ task, snapshot, graphShown }: ExportMenuProps) {
  const { t } = useTranslation('graph');
  const scheme = useComputedColorScheme('light');
  // Only a task parsed from OCP's reply has it; one an action's reply was folded into waits for the refetch.
  const raw = rawReplyOf(task);

  const run = (work: () => void) => {
    try {
      work();
    } catch (error) {
      notifications.show({
        color: 'red',
        title: t('export.failed'),
        message: error instanceof Error ? error.message : String(error),
        autoClose: false,
      });
    }
  };
  const saveJson = () =>
    run(() => {
      if (raw) saveFile(taskJsonName(task.id), new Blob([raw], { type: 'application/json' }));
    });
  const saveSvg = (extent: GraphExtent) =>
    run(() => {
      const drawn = snapshot.read();
      if (!drawn) throw new Error(t('export.noGraph'));
      const svg = graphSvgOf(drawn, extent, task, scheme);
      saveFile(graphFileName(task.id, extent, 'svg'), new Blob([svg.text], { type: 'image/svg+xml' }));
    });

  const graphItem = (label: string, onClick: () => void, icon: ReactNode) => (
    <Menu.Item leftSection={icon} onClick={onClick} disabled={!graphShown}>
      {label}
    </Menu.Item>
  );
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
        <Menu.Label>{t('export.graphSection')}</Menu.Label>
        {graphItem(t('export.wholeSvg'), () => saveSvg('whole'), <IconFileTypeSvg size={16} aria-hidden />)}
        {graphItem(t('export.viewSvg'), () => saveSvg('view'), <IconFileTypeSvg size={16} aria-hidden />)}
        {!graphShown && (
          <Text size="xs" c="dimmed" px="sm" pb={4}>
            {t('export.graphOnly')}
          </Text>
        )}
        <Menu.Divider />
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
