import { Button, Text } from '@mantine/core';
import { IconAlertTriangle, IconFocus2, IconMaximize } from '@tabler/icons-react';
import { Background, ControlButton, Controls, MiniMap, Panel } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { SUBTASK_STATUS_META } from '../../components/status';
import { subtaskDisplayMeta, subtaskDisplayStatus } from '../../components/subtaskStatus';
import type { FlowNode } from './flowElements';
import { Legend } from './Legend';
import type { DerivedFilter, StatusFilter } from './find';
import type { StatusCounts, UnknownRef } from './model';

/** Above this many nodes the minimap costs more than it helps (an SVG rect per node, redrawn per poll). */
export const MINIMAP_MAX_NODES = 1_000;

const minimapColor = (node: FlowNode) =>
  node.type === 'subtask'
    ? subtaskDisplayMeta(subtaskDisplayStatus(node.data.subtask)).color
    : node.type === 'collapsedGroup'
      ? SUBTASK_STATUS_META[node.data.summary.headline].color
      : 'rgba(151, 117, 250, 0.15)';

interface GraphChromeProps {
  counts: StatusCounts;
  derived: Record<DerivedFilter, number>;
  statuses: readonly StatusFilter[];
  onStatusesChange: (statuses: StatusFilter[]) => void;
  nodeCount: number;
  onLocate: () => void;
  onFit: () => void;
  unknownRefs: readonly UnknownRef[];
}

/** Background, zoom controls, minimap, the legend and "Locate current progress", over the graph; memoised: a search key changes none of it. */
export const GraphChrome = memo(function GraphChrome({
  counts,
  derived,
  statuses,
  onStatusesChange,
  nodeCount,
  onLocate,
  onFit,
  unknownRefs,
}: GraphChromeProps) {
  const { t } = useTranslation('graph');
  return (
    <>
      <Background gap={24} />
      {/* Our own fit: with windowing React Flow holds only part of a large graph. */}
      <Controls showInteractive={false} showFitView={false}>
        <ControlButton onClick={onFit} title={t('fitView')} aria-label={t('fitView')}>
          <IconMaximize />
        </ControlButton>
      </Controls>
      {nodeCount <= MINIMAP_MAX_NODES && <MiniMap<FlowNode> nodeColor={minimapColor} pannable zoomable />}
      <Panel position="top-left">
        <Legend counts={counts} derived={derived} selected={statuses} onChange={onStatusesChange} />
      </Panel>
      <Panel position="top-right">
        <Button size="xs" variant="default" leftSection={<IconFocus2 size={14} />} onClick={onLocate}>
          {t('locate')}
        </Button>
      </Panel>
      {unknownRefs.length > 0 && (
        <Panel position="bottom-center">
          <UnknownRefsNote refs={unknownRefs} />
        </Panel>
      )}
    </>
  );
});

/** A malformed reply names subtasks it does not contain: say so rather than draw edges to nowhere. */
function UnknownRefsNote({ refs }: { refs: readonly UnknownRef[] }) {
  const { t } = useTranslation('graph');
  const examples = refs.slice(0, 5).map((r) => `${r.subtaskId} → ${r.list} ${r.ref}`);
  return (
    <Text size="xs" c="orange.9" bg="orange.0" px="sm" py={4} role="status" title={examples.join('\n')} style={{ borderRadius: 6 }}>
      <IconAlertTriangle size={12} aria-hidden /> {t('unknownRefs', { count: refs.length })}
    </Text>
  );
}
