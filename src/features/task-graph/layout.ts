/**
 * Left-to-right layered layout (Sugiyama, d3-dag). Pure and deterministic: the same input always gives
 * the same positions, so it runs the same in a worker, on the main thread and in tests.
 *
 * A parallel group is laid out as one tall unit (its members stacked inside it), which keeps the
 * fan-out together under its backdrop and makes the graph d3-dag sees smaller; a collapsed group is a
 * unit of one node's size. Weakly connected components are laid out apart and stacked top to bottom.
 */
import { coordCenter, graph, layeringLongestPath, sugiyama, type MutGraphNode } from 'd3-dag';
import { decrossMedian } from './decrossMedian';
import {
  COLLAPSED_GROUP_HEIGHT,
  GROUP_HEADER,
  GROUP_PADDING,
  NODE_HEIGHT,
  RANK_GAP,
  ROW_GAP,
  SLOT_WIDTH,
  type GraphLayout,
  type LayoutInput,
} from './geometry';

const COMPONENT_GAP = 60;

interface Unit {
  id: string;
  height: number;
  /** Subtask ids stacked inside; empty for a plain node or a collapsed group. */
  members: readonly string[];
  group: boolean;
  /** Position in the canonical order. */
  order: number;
}

export function layoutGraph(input: LayoutInput): GraphLayout {
  const { units, unitOf } = buildUnits(input);
  const links = unitLinks(input, unitOf);
  const layout: GraphLayout = { positions: new Map(), groupBoxes: new Map(), width: 0, height: 0 };

  let top = 0;
  for (const component of components(units, links)) {
    const placed = layoutComponent(component, links);
    for (const { unit, x, y } of placed.units) place(layout, unit, x, y + top);
    layout.width = Math.max(layout.width, placed.width);
    top += placed.height + COMPONENT_GAP;
  }
  layout.height = Math.max(0, top - COMPONENT_GAP);
  return layout;
}

function buildUnits(input: LayoutInput): { units: Unit[]; unitOf: Map<string, Unit> } {
  // Units start in the order of nodeIds (canonical, from the model), so the order d3-dag starts from,
  // and so the result, never depends on the order of the reply.
  const index = new Map(input.nodeIds.map((id, i) => [id, i]));
  const unitOf = new Map<string, Unit>();
  const units: Unit[] = [];
  for (const g of input.groups) {
    const k = g.memberIds.length;
    const inner = g.collapsed ? COLLAPSED_GROUP_HEIGHT : k * NODE_HEIGHT + (k - 1) * ROW_GAP;
    const unit: Unit = {
      id: g.id,
      height: inner + (g.collapsed ? 0 : GROUP_HEADER + 2 * GROUP_PADDING),
      members: g.collapsed ? [] : g.memberIds,
      group: true,
      order: Math.min(...g.memberIds.map((m) => index.get(m) ?? Infinity)),
    };
    units.push(unit);
    for (const m of g.memberIds) unitOf.set(m, unit);
  }
  input.nodeIds.forEach((id, order) => {
    if (unitOf.has(id)) return;
    const unit: Unit = { id, height: NODE_HEIGHT, members: [], group: false, order };
    units.push(unit);
    unitOf.set(id, unit);
  });
  units.sort((a, b) => a.order - b.order);
  return { units, unitOf };
}

function unitLinks(input: LayoutInput, unitOf: Map<string, Unit>): Map<Unit, Unit[]> {
  const links = new Map<Unit, Unit[]>();
  const seen = new Set<string>();
  for (const e of input.edges) {
    const s = unitOf.get(e.source);
    const t = unitOf.get(e.target);
    if (!s || !t || s === t) continue;
    const key = `${s.id}>${t.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const list = links.get(s);
    if (list) list.push(t);
    else links.set(s, [t]);
  }
  return links;
}

/** Weakly connected components, each in canonical unit order, ordered by their first unit. */
function components(units: readonly Unit[], links: ReadonlyMap<Unit, Unit[]>): Unit[][] {
  const parent = new Map<Unit, Unit>(units.map((u) => [u, u]));
  const find = (u: Unit): Unit => {
    let root = u;
    while (parent.get(root) !== root) root = parent.get(root) as Unit;
    parent.set(u, root);
    return root;
  };
  for (const [s, targets] of links) for (const t of targets) parent.set(find(s), find(t));
  const byRoot = new Map<Unit, Unit[]>();
  for (const u of units) {
    const root = find(u);
    const list = byRoot.get(root);
    if (list) list.push(u);
    else byRoot.set(root, [u]);
  }
  return [...byRoot.values()];
}

interface PlacedComponent {
  units: { unit: Unit; x: number; y: number }[];
  width: number;
  height: number;
}

/** Fast settings, measured on 5,000 nodes: longest-path layering, one median sweep, centred coordinates. */
const sugiyamaLayout = sugiyama().layering(layeringLongestPath()).decross(decrossMedian).coord(coordCenter()).gap([ROW_GAP, RANK_GAP]);

function layoutComponent(component: readonly Unit[], links: ReadonlyMap<Unit, Unit[]>): PlacedComponent {
  if (component.length === 1) {
    const unit = component[0] as Unit;
    return { units: [{ unit, x: 0, y: 0 }], width: SLOT_WIDTH, height: unit.height };
  }
  const dag = graph<Unit, undefined>();
  const nodes = new Map<Unit, MutGraphNode<Unit, undefined>>();
  for (const u of component) nodes.set(u, dag.node(u));
  for (const u of component) {
    const source = nodes.get(u) as MutGraphNode<Unit, undefined>;
    for (const t of links.get(u) ?? []) dag.link(source, nodes.get(t) as MutGraphNode<Unit, undefined>);
  }
  // d3-dag lays out top to bottom; give it (cross, rank) sizes and swap the axes back.
  const { width, height } = sugiyamaLayout.nodeSize((n: { data: Unit }) => [n.data.height, SLOT_WIDTH] as const)(dag);
  const units = [...nodes.values()].map((n) => ({ unit: n.data, x: n.y - SLOT_WIDTH / 2, y: n.x - n.data.height / 2 }));
  return { units, width: height, height: width };
}

function place(layout: GraphLayout, unit: Unit, slotX: number, top: number) {
  if (!unit.group) {
    layout.positions.set(unit.id, { x: slotX + GROUP_PADDING, y: top });
    return;
  }
  if (unit.members.length === 0) {
    layout.positions.set(unit.id, { x: slotX + GROUP_PADDING, y: top });
    return;
  }
  layout.groupBoxes.set(unit.id, { x: slotX, y: top, width: SLOT_WIDTH, height: unit.height, count: unit.members.length });
  unit.members.forEach((id, i) => {
    layout.positions.set(id, {
      x: slotX + GROUP_PADDING,
      y: top + GROUP_HEADER + GROUP_PADDING + i * (NODE_HEIGHT + ROW_GAP),
    });
  });
}
