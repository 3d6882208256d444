import { Button, Menu, Text, useComputedColorScheme } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconDownload, IconFileTypePng, IconFileTypeSvg, IconJson } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { rawReplyOf } from '../../../api/rawReply';
import type { TaskInstance } from '../../../api/schemas';
import { formatNumber } from '../../../components/formatting';
import { saveFile } from '../../../components/saveFile';
import { graphSvgOf } from './exportGraph';
import { graphFileName, taskJsonName, type GraphExtent } from './fileNames';
import { pngScale, PictureNotDrawn, PictureTooLarge, svgToPng } from './rasterize';
import type { GraphSnapshotSource } from './snapshotSource';

/** PNGs are drawn at twice the CSS size, sharp on a high-density screen or in print, unless too large for a canvas. */
const PNG_SCALE = 2;

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
  const [busy, setBusy] = useState(false);
  // Only a task parsed from OCP's reply has it; one an action's reply was folded into waits for the refetch.
  const raw = rawReplyOf(task);

  const run = async (work: () => void | Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (error) {
      notifications.show({ color: 'red', title: t('export.failed'), message: failureText(error), autoClose: false });
    } finally {
      setBusy(false);
    }
  };
  const failureText = (error: unknown) => {
    if (error instanceof PictureTooLarge) return t('export.tooLarge');
    if (error instanceof PictureNotDrawn) return t('export.notDrawn');
    return error instanceof Error ? error.message : String(error);
  };
  const drawnSvg = (extent: GraphExtent) => {
    const drawn = snapshot.read();
    if (!drawn) throw new Error(t('export.noGraph'));
    return graphSvgOf(drawn, extent, task, scheme);
  };

  const saveJson = () =>
    run(() => {
      if (raw) saveFile(taskJsonName(task.id), new Blob([raw], { type: 'application/json' }));
    });
  const saveSvg = (extent: GraphExtent) =>
    run(() => {
      const svg = drawnSvg(extent);
      saveFile(graphFileName(task.id, extent, 'svg'), new Blob([svg.text], { type: 'image/svg+xml' }));
    });
  const savePng = (extent: GraphExtent) =>
    run(async () => {
      const svg = drawnSvg(extent);
      const scale = pngScale(svg.width, svg.height, PNG_SCALE);
      const png = await svgToPng(svg, scale);
      saveFile(graphFileName(task.id, extent, 'png', scale), png);
      if (scale < 1) {
        notifications.show({
          color: 'yellow',
          title: t('export.scaledTitle'),
          message: t('export.scaled', {
            percent: Math.floor(scale * 100),
            width: formatNumber(Math.floor(svg.width * scale)),
            height: formatNumber(Math.floor(svg.height * scale)),
          }),
          autoClose: 12_000,
        });
      }
    });

  const graphItem = (label: string, onClick: () => Promise<void>, icon: ReactNode) => (
    <Menu.Item leftSection={icon} onClick={() => void onClick()} disabled={!graphShown}>
      {label}
    </Menu.Item>
  );
  const svgIcon = <IconFileTypeSvg size={16} aria-hidden />;
  const pngIcon = <IconFileTypePng size={16} aria-hidden />;
  return (
    // In place rather than in a portal, so the dropdown sits in the page's main landmark (axe: region);
    // without Mantine's focus placeholder, a focusable presentational child of role=menu (axe).
    <Menu position="bottom-end" shadow="md" width={300} withinPortal={false} withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <Button
          size="xs"
          variant="default"
          loading={busy}
          leftSection={<IconDownload size={14} aria-hidden />}
          rightSection={<IconChevronDown size={12} aria-hidden />}
        >
          {t('export.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('export.graphSection')}</Menu.Label>
        {graphItem(t('export.wholeSvg'), () => saveSvg('whole'), svgIcon)}
        {graphItem(t('export.wholePng'), () => savePng('whole'), pngIcon)}
        {graphItem(t('export.viewSvg'), () => saveSvg('view'), svgIcon)}
        {graphItem(t('export.viewPng'), () => savePng('view'), pngIcon)}
        {!graphShown && (
          <Text size="xs" c="dimmed" px="sm" pb={4}>
            {t('export.graphOnly')}
          </Text>
        )}
        <Menu.Divider />
        <Menu.Label>{t('export.taskSection')}</Menu.Label>
        <Menu.Item leftSection={<IconJson size={16} aria-hidden />} onClick={() => void saveJson()} disabled={!raw}>
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
