/**
 * Live subtasks + cached layout → React Flow nodes and edges.
 *
 * Positions come only from the layout (keyed by structure), data from the live subtask, so a poll can
 * change what a node shows but never where it is. Node and edge objects are reused while what they
 * show is unchanged: React Flow then skips them (it compares user nodes by identity) and memoised
 * nodes do not re-render on a poll.
 */
import { Position, type Edge, type Node, type NodeProps } from '@xyflow/react';
import i18next from 'i18next';
import type { SubtaskInstance, SubtaskStatus } from '../../api/schemas';
import { SUBTASK_STATUS_META } from '../../components/status';
import { subtaskDisplayMeta, subtaskDisplayStatus } from '../../components/subtaskStatus';
import type { GroupSummary } from './collapse';
import { COLLAPSED_GROUP_HEIGHT, NODE_HEIGHT, NODE_WIDTH, type GraphLayout } from './geometry';
import type { GraphEdge, GraphStructure } from './model';

export interface SubtaskNodeData extends Record<string, unknown> {
  subtask: SubtaskInstance;
}
export interface ParallelGroupData extends Record<string, unknown> {
  count: number;
  /** Whether the group may collapse (big enough); its backdrop then offers "Collapse". */
  collapsible: boolean;
}
export interface CollapsedGroupData extends Record<string, unknown> {
  summary: GroupSummary;
}
export type SubtaskFlowNode = Node<SubtaskNodeData, 'subtask'>;
export type ParallelGroupFlowNode = Node<ParallelGroupData, 'parallelGroup'>;
export type CollapsedGroupFlowNode = Node<CollapsedGroupData, 'collapsedGroup'>;
export type FlowNode = SubtaskFlowNode | ParallelGroupFlowNode | CollapsedGroupFlowNode;
export type SubtaskNodeProps = NodeProps<SubtaskFlowNode>;
export type ParallelGroupNodeProps = NodeProps<ParallelGroupFlowNode>;
export type CollapsedGroupNodeProps = NodeProps<CollapsedGroupFlowNode>;

/** A collapsed parallel group to draw in place of its members. */
export interface CollapsedGroupInput {
  id: string;
  summary: GroupSummary;
  memberIds: readonly string[];
}

/** Declared up front so edges can be drawn for nodes that were never rendered (onlyRenderVisibleElements). */
const HANDLES = [
  { type: 'target' as const, position: Position.Left, x: 0, y: NODE_HEIGHT / 2 - 0.5, width: 1, height: 1 },
  { type: 'source' as const, position: Position.Right, x: NODE_WIDTH - 1, y: NODE_HEIGHT / 2 - 0.5, width: 1, height: 1 },
];

/**
 * Every node's size is known before it mounts (its wrapper is sized inline to it): given as already
 * measured, React Flow's ResizeObserver pass finds nothing changed when a window of nodes mounts,
 * instead of reading every node's and handle's box and re-rendering them all (profiled: 20–35 ms of
 * the frame that crosses into the node window at 5,000 subtasks).
 */
const SUBTASK_SIZE = { width: NODE_WIDTH, height: NODE_HEIGHT };
const GROUP_SIZE = { width: NODE_WIDTH, height: COLLAPSED_GROUP_HEIGHT };

/** The fields a node shows; a poll that changes none of them keeps the node object. */
const SHOWN_FIELDS = ['name', 'status', 'operation', 'runTime', 'parallelIdx', 'startTime', 'finishTime'] as const;

const sameView = (a: SubtaskInstance, b: SubtaskInstance) => a === b || SHOWN_FIELDS.every((f) => a[f] === b[f]);

export function subtaskAriaLabel(s: SubtaskInstance): string {
  const display = subtaskDisplayStatus(s);
  const status = subtaskDisplayMeta(display).label;
  const undoing = s.operation === 'ROLLBACK' && display !== 'ROLLED_BACK';
  return i18next.t(undoing ? 'graph:node.ariaLabelRollback' : 'graph:node.ariaLabel', { name: s.name, status });
}

/**
 * The last nodes and edges one graph built, so the next build can reuse the unchanged ones. One per
 * mounted graph (GraphCanvas holds it), never module-wide: two graphs, or two tests, share nothing.
 */
export interface FlowElementsMemo {
  layout: GraphLayout | null;
  /** The language the nodes' labels were worded in. */
  language: string | null;
  nodes: Map<string, FlowNode>;
  structure: GraphStructure | null;
  edges: Map<string, Edge>;
}

export function createFlowElementsMemo(): FlowElementsMemo {
  return { layout: null, language: null, nodes: new Map(), structure: null, edges: new Map() };
}

/**
 * Search, filter and lineage marks are not part of a node (findMarks.ts): a keystroke keeps every node
 * object. A selection or a poll replaces only the nodes it changed, and keeps their label unless what
 * it words changed; another `language` re-words every label.
 */
export function buildFlowNodes(
  memo: FlowElementsMemo,
  layout: GraphLayout,
  subtasks: readonly SubtaskInstance[],
  selectedId: string | null,
  collapsed: readonly CollapsedGroupInput[] = [],
  collapsibleIds: ReadonlySet<string> = new Set(),
  language: string = i18next.language,
): FlowNode[] {
  // Nodes are reused only within one layout: a new layout means new positions.
  const previous = memo.layout === layout ? memo.nodes : new Map<string, FlowNode>();
  const sameLanguage = memo.language === language;
  const next = new Map<string, FlowNode>();
  const nodes: FlowNode[] = [];

  for (const subtask of subtasks) {
    const position = layout.positions.get(subtask.id);
    if (!position) continue;
    const selected = subtask.id === selectedId;
    const old = previous.get(subtask.id) as SubtaskFlowNode | undefined;
    const sameWords = old !== undefined && sameLanguage && sameView(old.data.subtask, subtask);
    const node: SubtaskFlowNode =
      old && sameWords && old.selected === selected
        ? old
        : {
            id: subtask.id,
            type: 'subtask',
            position,
            width: NODE_WIDTH,
            height: NODE_HEIGHT,
            measured: SUBTASK_SIZE,
            handles: HANDLES,
            data: { subtask },
            selected,
            draggable: false,
            connectable: false,
            ariaLabel: sameWords && old.ariaLabel !== undefined ? old.ariaLabel : subtaskAriaLabel(subtask),
          };
    next.set(subtask.id, node);
    nodes.push(node);
  }
  for (const group of collapsed) {
    const position = layout.positions.get(group.id);
    if (!position) continue;
    const old = previous.get(group.id) as CollapsedGroupFlowNode | undefined;
    const node: CollapsedGroupFlowNode =
      old && sameSummary(old.data.summary, group.summary)
        ? old
        : {
            id: group.id,
            type: 'collapsedGroup',
            position,
            width: NODE_WIDTH,
            height: COLLAPSED_GROUP_HEIGHT,
            measured: GROUP_SIZE,
            handles: GROUP_HANDLES,
            data: { summary: group.summary },
            draggable: false,
            connectable: false,
            selectable: false,
          };
    next.set(group.id, node);
    nodes.push(node);
  }
  // Backdrops last in the list (a zIndex of -1 still paints them behind): `.react-flow__node` first is a subtask.
  for (const [id, box] of layout.groupBoxes) {
    const node: ParallelGroupFlowNode = (previous.get(id) as ParallelGroupFlowNode | undefined) ?? {
      id,
      type: 'parallelGroup',
      position: { x: box.x, y: box.y },
      width: box.width,
      height: box.height,
      measured: { width: box.width, height: box.height },
      data: { count: box.count, collapsible: collapsibleIds.has(id) },
      zIndex: -1,
      // Clicks between members reach the pane (clearing the selection), as outside the group; only
      // its Collapse button takes the pointer.
      style: { pointerEvents: 'none' },
      selectable: false,
      focusable: false,
      draggable: false,
      connectable: false,
      ariaRole: 'presentation',
    };
    next.set(id, node);
    nodes.push(node);
  }

  memo.layout = layout;
  memo.language = language;
  memo.nodes = next;
  return nodes;
}

const GROUP_HANDLES = [
  { type: 'target' as const, position: Position.Left, x: 0, y: COLLAPSED_GROUP_HEIGHT / 2 - 0.5, width: 1, height: 1 },
  { type: 'source' as const, position: Position.Right, x: NODE_WIDTH - 1, y: COLLAPSED_GROUP_HEIGHT / 2 - 0.5, width: 1, height: 1 },
];

const sameSummary = (a: GroupSummary, b: GroupSummary) =>
  a.count === b.count &&
  a.headline === b.headline &&
  (Object.keys(a.counts) as (keyof GroupSummary['counts'])[]).every((k) => a.counts[k] === b.counts[k]);

/** Edges into a FAILED or RUNNING subtask are coloured like it: the path to the problem stands out. */
const EDGE_STYLES: Partial<Record<SubtaskStatus, Edge['style']>> = {
  FAILED: { stroke: SUBTASK_STATUS_META.FAILED.color, strokeWidth: 2 },
  RUNNING: { stroke: SUBTASK_STATUS_META.RUNNING.color, strokeWidth: 2 },
  CANCELING: { stroke: SUBTASK_STATUS_META.CANCELING.color, strokeWidth: 2 },
};

export interface EdgeOptions {
  /** The edges as drawn (collapsed groups in place of their members); the structure's own by default. */
  edges?: readonly GraphEdge[];
}

/** Edges styled by where they lead; their marks are not part of them (findMarks.ts, MarkedEdge). */
export function buildFlowEdges(
  memo: FlowElementsMemo,
  structure: GraphStructure,
  statusById: ReadonlyMap<string, SubtaskStatus>,
  options: EdgeOptions = {},
): Edge[] {
  const previous = memo.structure === structure ? memo.edges : new Map<string, Edge>();
  const next = new Map<string, Edge>();
  const edges: Edge[] = [];
  for (const drawn of options.edges ?? structure.edges) {
    const { id, source, target } = drawn;
    // Coloured by where it leads, so the way into a failed or running subtask stands out.
    const style = EDGE_STYLES[statusById.get(target) ?? 'PENDING'];
    const old = previous.get(id);
    const edge: Edge = old && old.style === style ? old : { id, source, target, style, selectable: false, focusable: false };
    next.set(id, edge);
    edges.push(edge);
  }
  memo.structure = structure;
  memo.edges = next;
  return edges;
}
