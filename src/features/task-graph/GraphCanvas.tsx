import { useComputedColorScheme } from '@mantine/core';
import {
  ReactFlow,
  useReactFlow,
  useStoreApi,
  type EdgeTypes,
  type NodeChange,
  type NodeMouseHandler,
  type NodeTypes,
  type OnMove,
  type OnMoveEnd,
} from '@xyflow/react';
import { useLayoutEffect, useMemo, useState, type MouseEvent } from 'react';
import { failuresInOrder } from '../../components/subtaskStatus';
import { FirstFailureContext } from './firstFailureContext';
import { createFindMarkStore, FindMarkContext } from './findMarks';
import { MarkedEdge } from './MarkedEdge';
import { NodeWordsContext, useNodeWordsValue } from './nodeWords';
import { FollowToggle } from './FollowToggle';
import { OverviewMarks } from './OverviewMarks';
import { useFollow } from './useFollow';
import { useTranslation } from 'react-i18next';
import type { SubtaskInstance } from '../../api/schemas';
import { CollapsedGroupNode } from './CollapsedGroupNode';
import type { GraphSnapshotSource } from './export/snapshotSource';
import { useGraphSnapshot } from './export/useGraphSnapshot';
import { legendCounts, type StatusFilter } from './find';
import { buildFlowEdges, buildFlowNodes, createFlowElementsMemo, type FlowNode } from './flowElements';
import { setViewportNow } from './flowStore';
import type { GraphLayout } from './geometry';
import { GraphChrome } from './GraphChrome';
import { GroupToggleContext } from './groupToggle';
import { findFocusSubtask, type GraphStructure } from './model';
import { OverviewLayer } from './OverviewLayer';
import { ParallelGroupNode } from './ParallelGroupNode';
import { SubtaskNode } from './SubtaskNode';
import { useFlowStoreElements } from './useFlowStoreElements';
import { useGraphFind, type GraphFindInput } from './useGraphFind';
import { useKeyboardWalk } from './useKeyboardWalk';
import { useStepCommands } from './useStepCommands';
import { useStableHandler } from './useStableHandler';
import { useViewportFocus } from './useViewportFocus';
import type { ViewCommands } from './viewCommands';
import { MIN_ZOOM, openingViewport, subtaskAt, type Size, type Viewport } from './viewport';

/** Module level: a new object per render would remount every node. */
const nodeTypes: NodeTypes = { subtask: SubtaskNode, parallelGroup: ParallelGroupNode, collapsedGroup: CollapsedGroupNode };
/** Every edge is React Flow's default bezier, drawn by MarkedEdge so it takes its mark from the mark store. */
const edgeTypes: EdgeTypes = { default: MarkedEdge };

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
  find: GraphFindInput;
  onStatusesChange: (statuses: StatusFilter[]) => void;
  collapsed: ReadonlySet<string>;
  collapsibleIds: ReadonlySet<string>;
  onToggleGroup: (groupId: string) => void;
  /** Where to open (a link's viewport); else chosen from the layout. */
  initialViewport: Viewport | null;
  onViewportChange: (viewport: Viewport) => void;
  onViewportMoveStart?: (() => void) | undefined;
  commands: ViewCommands | undefined;
  /** The task is RUNNING: Follow mode is offered, and on by default. */
  live?: boolean;
  /** Where the Export menu reads the graph as drawn. */
  snapshot?: GraphSnapshotSource | undefined;
}

/** Mount once per layout (key it by the layout key): the opening viewport is chosen at mount only. */
export function GraphCanvas(props: GraphCanvasProps) {
  const { structure, layout, subtasks, selectedId, onSelect, size, find, collapsed, live = false } = props;
  const { t, i18n } = useTranslation('graph');
  const { language } = i18n;
  const nodeWords = useNodeWordsValue();
  // React Flow's own controls, minimap and background follow the console's theme.
  const colorMode = useComputedColorScheme('light');
  const store = useStoreApi();
  const { screenToFlowPosition } = useReactFlow();
  const drawn = useGraphFind(structure, subtasks, selectedId, find, collapsed);
  const [opening] = useState(() => {
    if (props.initialViewport) return props.initialViewport;
    const focus = selectedId ?? findFocusSubtask(subtasks);
    // A focus inside a collapsed group is drawn as that group: open on the group.
    const drawnAs = focus ? (drawn.hidden.get(focus) ?? focus) : null;
    return openingViewport(layout, size, drawnAs ? (layout.positions.get(drawnAs) ?? null) : null);
  });
  // Before React Flow's own effects, so it works out what is visible once, for this viewport.
  useLayoutEffect(() => setViewportNow(store, opening, size), [store, opening, size]);

  const large = subtasks.length > LARGE_ABOVE;
  // Marks reach the drawn nodes and edges through their own store, not through React Flow. Set before
  // the elements are handed over below, so nodes that mount in this commit read the current marks.
  const [marks] = useState(() => createFindMarkStore(drawn.marks));
  useLayoutEffect(() => marks.set(drawn.marks), [marks, drawn.marks]);
  const [memo] = useState(createFlowElementsMemo);
  const { groups, statusById, edges } = drawn;
  const allNodes = useMemo(
    () => buildFlowNodes(memo, layout, subtasks, selectedId, groups, props.collapsibleIds, language),
    [memo, layout, subtasks, selectedId, groups, props.collapsibleIds, language],
  );
  const allEdges = useMemo(() => buildFlowEdges(memo, structure, statusById, { edges }), [memo, structure, statusById, edges]);
  const overview = useFlowStoreElements(allNodes, allEdges, large);
  useGraphSnapshot(props.snapshot, { layout, subtasks, edges: drawn.edges, groups: drawn.groups });
  const { counts, derived } = useMemo(() => legendCounts(subtasks), [subtasks]);
  const { locate, fit, focusOn } = useViewportFocus({ layout, subtasks, selectedId, hidden: drawn.hidden });
  useStepCommands({ commands: props.commands, layout, subtasks, find, drawn, focusOn, fit, locate });
  const onKeyDown = useKeyboardWalk(structure, layout, focusOn);
  const firstFailureId = useMemo(() => failuresInOrder(subtasks)[0]?.id ?? null, [subtasks]);
  const follow = useFollow({ layout, subtasks, live, selectedId });
  // Every handler below keeps its identity across renders (the graph renders on every search key): a
  // new one would re-render React Flow's view and every drawn node's wrapper, or every group node.
  // Asking for another view is the operator's own move: Follow stops.
  const onLocate = useStableHandler(() => {
    follow.setFollowing(false);
    locate();
  });
  const onFit = useStableHandler(() => {
    follow.setFollowing(false);
    fit();
  });
  const onToggleGroup = useStableHandler(props.onToggleGroup);
  const onStatusesChange = useStableHandler(props.onStatusesChange);
  const onPick = useStableHandler((id: string) => {
    onSelect(id);
    focusOn(id);
  });

  const onNodeClick: NodeMouseHandler<FlowNode> = useStableHandler((_, node) => {
    if (node.type === 'subtask') onSelect(node.id);
    else if (node.type === 'collapsedGroup') props.onToggleGroup(node.id);
  });
  // Selection by keyboard (Enter or Space on a focused node) arrives as a change, not a click.
  const onNodesChange = useStableHandler((changes: NodeChange<FlowNode>[]) => {
    for (const change of changes) if (change.type === 'select' && change.selected) onSelect(change.id);
  });
  // The overview has no node elements: select the subtask under the pointer and zoom in on it.
  const onPaneClick = useStableHandler((event: MouseEvent) => {
    const hit = overview ? subtaskAt(layout, screenToFlowPosition({ x: event.clientX, y: event.clientY })) : null;
    if (hit && collapsed.has(hit)) {
      props.onToggleGroup(hit);
      return;
    }
    onSelect(hit);
    if (hit) focusOn(hit);
  });
  const onMoveEnd: OnMoveEnd = useStableHandler((_, viewport) => props.onViewportChange(viewport));
  const onMoveStart: OnMove = useStableHandler((event) => {
    follow.onMoveStart(event);
    props.onViewportMoveStart?.();
  });

  return (
    <GroupToggleContext value={onToggleGroup}>
      <FirstFailureContext value={firstFailureId}>
        <NodeWordsContext value={nodeWords}>
          <FindMarkContext value={marks}>
            <ReactFlow<FlowNode>
              nodeTypes={nodeTypes}
              edgeTypes={edgeTypes}
              onNodeClick={onNodeClick}
              onNodesChange={onNodesChange}
              onPaneClick={onPaneClick}
              onMoveEnd={onMoveEnd}
              onMoveStart={onMoveStart}
              onKeyDown={onKeyDown}
              nodesDraggable={false}
              nodesConnectable={false}
              elementsSelectable
              onlyRenderVisibleElements={large}
              defaultViewport={opening}
              colorMode={colorMode}
              minZoom={MIN_ZOOM}
              maxZoom={2}
              aria-label={t('flowLabel')}
            >
              {overview && (
                <OverviewLayer
                  layout={layout}
                  structure={structure}
                  subtasks={subtasks}
                  selectedId={selectedId}
                  edges={drawn.edges}
                  emphasis={drawn.emphasisById}
                  groups={drawn.groups}
                />
              )}
              <OverviewMarks layout={layout} subtasks={subtasks} firstFailureId={firstFailureId} onPick={onPick} />
              <GraphChrome
                counts={counts}
                derived={derived}
                statuses={find.statuses}
                onStatusesChange={onStatusesChange}
                nodeCount={subtasks.length}
                onLocate={onLocate}
                onFit={onFit}
                unknownRefs={structure.unknownRefs}
              />
              {live && <FollowToggle following={follow.following} onChange={follow.setFollowing} />}
            </ReactFlow>
          </FindMarkContext>
        </NodeWordsContext>
      </FirstFailureContext>
    </GroupToggleContext>
  );
}
