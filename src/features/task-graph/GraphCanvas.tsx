import { ReactFlow, useReactFlow, useStoreApi, type NodeChange, type NodeMouseHandler, type NodeTypes } from '@xyflow/react';
import { useLayoutEffect, useMemo, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubtaskInstance, SubtaskStatus } from '../../api/schemas';
import { buildFlowEdges, buildFlowNodes, type FlowNode } from './flowElements';
import type { GraphLayout } from './geometry';
import { GraphChrome } from './GraphChrome';
import { countStatuses, findFocusSubtask, type GraphStructure } from './model';
import { OverviewLayer } from './OverviewLayer';
import { ParallelGroupNode } from './ParallelGroupNode';
import { SubtaskNode } from './SubtaskNode';
import { useViewportFocus } from './useViewportFocus';
import { useFlowStoreElements } from './useFlowStoreElements';
import { MIN_ZOOM, openingViewport, subtaskAt, type Size } from './viewport';

/** Module level: a new object per render would remount every node. */
const nodeTypes: NodeTypes = { subtask: SubtaskNode, parallelGroup: ParallelGroupNode };

/**
 * Above this many subtasks React Flow gets only what is around the screen, and far out an overview
 * picture (measured: mounting and unmounting thousands of nodes on a zoom-out froze frames for ~1 s).
 */
export const LARGE_ABOVE = 300;

export interface GraphCanvasProps {
  structure: GraphStructure;
  layout: GraphLayout;
  subtasks: readonly SubtaskInstance[];
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  /** The container's size when the canvas mounts, to open on the right spot without a second pass. */
  size: Size;
}

/** Mount once per structure (key it by the structure hash): the opening viewport is chosen at mount only. */
export function GraphCanvas({ structure, layout, subtasks, selectedId, onSelect, size }: GraphCanvasProps) {
  const { t } = useTranslation('graph');
  const store = useStoreApi();
  const { screenToFlowPosition } = useReactFlow();
  const [opening] = useState(() => {
    const focus = selectedId ?? findFocusSubtask(subtasks);
    return openingViewport(layout, size, focus ? (layout.positions.get(focus) ?? null) : null);
  });
  // Before React Flow's own effects, so it works out what is visible once, for this viewport.
  useLayoutEffect(
    () => store.setState({ transform: [opening.x, opening.y, opening.zoom], width: size.width, height: size.height }),
    [store, opening, size],
  );

  const large = subtasks.length > LARGE_ABOVE;
  const allNodes = useMemo(() => buildFlowNodes(layout, subtasks, selectedId), [layout, subtasks, selectedId]);
  const statusById = useMemo(() => new Map<string, SubtaskStatus>(subtasks.map((s) => [s.id, s.status])), [subtasks]);
  const allEdges = useMemo(() => buildFlowEdges(structure, statusById), [structure, statusById]);
  const overview = useFlowStoreElements(allNodes, allEdges, large);
  const counts = useMemo(() => countStatuses(subtasks), [subtasks]);
  const { locate, fit, focusOn } = useViewportFocus({ layout, subtasks, selectedId });

  const onNodeClick: NodeMouseHandler<FlowNode> = (_, node) => {
    if (node.type === 'subtask') onSelect(node.id);
  };
  // Selection by keyboard (Enter or Space on a focused node) arrives as a change, not a click.
  const onNodesChange = (changes: NodeChange<FlowNode>[]) => {
    for (const change of changes) if (change.type === 'select' && change.selected) onSelect(change.id);
  };
  // The overview has no node elements: select the subtask under the pointer and zoom in on it.
  const onPaneClick = (event: MouseEvent) => {
    const hit = overview ? subtaskAt(layout, screenToFlowPosition({ x: event.clientX, y: event.clientY })) : null;
    onSelect(hit);
    if (hit) focusOn(hit);
  };

  return (
    <ReactFlow<FlowNode>
      nodeTypes={nodeTypes}
      onNodeClick={onNodeClick}
      onNodesChange={onNodesChange}
      onPaneClick={onPaneClick}
      nodesDraggable={false}
      nodesConnectable={false}
      elementsSelectable
      onlyRenderVisibleElements={large}
      defaultViewport={opening}
      minZoom={MIN_ZOOM}
      maxZoom={2}
      aria-label={t('flowLabel')}
    >
      {overview && <OverviewLayer layout={layout} structure={structure} subtasks={subtasks} selectedId={selectedId} />}
      <GraphChrome counts={counts} nodeCount={subtasks.length} onLocate={locate} onFit={fit} unknownRefs={structure.unknownRefs} />
    </ReactFlow>
  );
}
