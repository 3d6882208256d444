/**
 * Node sizes, gaps and the layout's input/output types. Kept apart from layout.ts so that components
 * can read them without pulling d3-dag into their chunk.
 */

export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 80;
export const COLLAPSED_GROUP_HEIGHT = 96;
/** Between columns (ranks): room for the edges. */
export const RANK_GAP = 90;
/** Between nodes in a column. */
export const ROW_GAP = 18;
export const GROUP_PADDING = 10;
export const GROUP_HEADER = 26;
/** Every unit gets the same rank extent, so columns line up and plain nodes sit centred in their slot. */
export const SLOT_WIDTH = NODE_WIDTH + 2 * GROUP_PADDING;

export interface LayoutGroup {
  id: string;
  memberIds: readonly string[];
  collapsed: boolean;
}

/** Everything the layout needs, small and structured-cloneable (it is posted to the worker). */
export interface LayoutInput {
  nodeIds: readonly string[];
  edges: readonly { source: string; target: string }[];
  groups: readonly LayoutGroup[];
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface GroupBox extends Box {
  /** Members stacked inside. */
  count: number;
}

export interface GraphLayout {
  /** Top-left corner of each drawn node: subtasks, and collapsed groups by group id. */
  positions: Map<string, { x: number; y: number }>;
  /** Backdrops of expanded parallel groups, by group id. */
  groupBoxes: Map<string, GroupBox>;
  width: number;
  height: number;
}
