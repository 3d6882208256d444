import { ReactFlow, useReactFlow, useStoreApi, type NodeChange, type NodeMouseHandler, type NodeTypes } from '@xyflow/react';
import { useLayoutEffect, useMemo, useState, type MouseEvent } from 'react';
import { failuresInOrder } from '../../components/subtaskStatus';
import { FirstFailureContext } from './firstFailureContext';
import { FollowToggle } from './FollowToggle';
import { OverviewMarks } from './OverviewMarks';
import { useFollow } from './useFollow';
import { useTranslation } from 'react-i18next';
import type { SubtaskInstance, SubtaskStatus } from '../../api/schemas';
import { buildFlowEdges, buildFlowNodes, createFlowElementsMemo, type FlowNode } from './flowElements';
import { setViewportNow } from './flowStore';
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
  /** The task is RUNNING: Follow mode is offered, and on by default. */
  live?: boolean;
}

/** Mount once per structure (key it by the structure hash): the opening viewport is chosen at mount only. */
export function GraphCanvas({ structure, layout, subtasks, selectedId, onSelect, size, live = false }: GraphCanvasProps) {
  const { t } = useTranslation('graph');
  const store = useStoreApi();
  const { screenToFlowPosition } = useReactFlow();
  const [opening] = useState(() => {
    const focus = selectedId ?? findFocusSubtask(subtasks);
    return openingViewport(layout, size, focus ? (layout.positions.get(focus) ?? null) : null);
  });
  // Before React Flow's own effects, so it works out what is visible once, for this viewport.
  useLayoutEffect(() => setViewportNow(store, opening, size), [store, opening, size]);

  const large = subtasks.length > LARGE_ABOVE;
  const [memo] = useState(createFlowElementsMemo);
  const allNodes = useMemo(() => buildFlowNodes(memo, layout, subtasks, selectedId), [memo, layout, subtasks, selectedId]);
  const statusById = useMemo(() => new Map<string, SubtaskStatus>(subtasks.map((s) => [s.id, s.status])), [subtasks]);
  const allEdges = useMemo(() => buildFlowEdges(memo, structure, statusById), [memo, structure, statusById]);
  const overview = useFlowStoreElements(allNodes, allEdges, large);
  const counts = useMemo(() => countStatuses(subtasks), [subtasks]);
  const { locate, fit, focusOn } = useViewportFocus({ layout, subtasks, selectedId });
  const firstFailureId = useMemo(() => failuresInOrder(subtasks)[0]?.id ?? null, [subtasks]);
  const follow = useFollow({ layout, subtasks, live, selectedId });
  // Asking for another view is the operator's own move: Follow stops.
  const byHand = (move: () => void) => () => {
    follow.setFollowing(false);
    move();
  };

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
    <FirstFailureContext value={firstFailureId}>
      <ReactFlow<FlowNode>
        nodeTypes={nodeTypes}
        onNodeClick={onNodeClick}
        onNodesChange={onNodesChange}
        onPaneClick={onPaneClick}
        onMoveStart={follow.onMoveStart}
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
        <OverviewMarks
          layout={layout}
          subtasks={subtasks}
          firstFailureId={firstFailureId}
          onPick={(id) => {
            onSelect(id);
            focusOn(id);
          }}
        />
        <GraphChrome
          counts={counts}
          nodeCount={subtasks.length}
          onLocate={byHand(locate)}
          onFit={byHand(fit)}
          unknownRefs={structure.unknownRefs}
        />
        {live && <FollowToggle following={follow.following} onChange={follow.setFollowing} />}
      </ReactFlow>
    </FirstFailureContext>
  );
}
