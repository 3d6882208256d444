import { describe, expect, it } from 'vitest';
import { generateSubtasks } from './fixtures';
import { COLLAPSED_GROUP_HEIGHT, NODE_HEIGHT, NODE_WIDTH, type Box, type GraphLayout, type LayoutInput } from './geometry';
import { layoutGraph } from './layout';
import { buildGraphStructure, toLayoutInput } from './model';

const input = (nodeIds: string[], edges: [string, string][], groups: LayoutInput['groups'] = []): LayoutInput => ({
  nodeIds,
  edges: edges.map(([source, target]) => ({ source, target })),
  groups,
});

function boxes(layout: GraphLayout, collapsed: ReadonlySet<string> = new Set()): Map<string, Box> {
  const out = new Map<string, Box>();
  for (const [id, p] of layout.positions) {
    out.set(id, { ...p, width: NODE_WIDTH, height: collapsed.has(id) ? COLLAPSED_GROUP_HEIGHT : NODE_HEIGHT });
  }
  return out;
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Sweep along x so that 5,000 boxes do not need 12.5 million pair checks. */
function overlappingPairs(all: Map<string, Box>): [string, string][] {
  const sorted = [...all].sort((a, b) => a[1].x - b[1].x);
  const pairs: [string, string][] = [];
  sorted.forEach(([id, box], i) => {
    for (let j = i + 1; j < sorted.length; j++) {
      const [other, b] = sorted[j] as [string, Box];
      if (b.x >= box.x + box.width) break;
      if (overlaps(box, b)) pairs.push([id, other]);
    }
  });
  return pairs;
}

function expectValid(layoutInput: LayoutInput, layout: GraphLayout) {
  const collapsed = new Set(layoutInput.groups.filter((g) => g.collapsed).map((g) => g.id));
  const drawnAs = new Map<string, string>();
  for (const g of layoutInput.groups) if (g.collapsed) for (const m of g.memberIds) drawnAs.set(m, g.id);
  const all = boxes(layout, collapsed);
  for (const id of layoutInput.nodeIds) expect(all.has(drawnAs.get(id) ?? id), `position of ${id}`).toBe(true);
  expect(overlappingPairs(all)).toEqual([]);
  for (const { source, target } of layoutInput.edges) {
    const s = all.get(drawnAs.get(source) ?? source) as Box;
    const t = all.get(drawnAs.get(target) ?? target) as Box;
    if (s === t) continue;
    expect(s.x + s.width, `${source} → ${target} goes right`).toBeLessThan(t.x);
  }
  for (const box of all.values()) {
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(layout.width);
    expect(box.y + box.height).toBeLessThanOrEqual(layout.height);
  }
}

describe('layoutGraph', () => {
  it('lays out nothing for no nodes', () => {
    const layout = layoutGraph(input([], []));
    expect(layout.positions.size).toBe(0);
    expect(layout.width).toBe(0);
    expect(layout.height).toBe(0);
  });

  it('places a single node', () => {
    const layout = layoutGraph(input(['7'], []));
    expect([...layout.positions.keys()]).toEqual(['7']);
    expectValid(input(['7'], []), layout);
  });

  it('lays out a chain left to right on one row', () => {
    const i = input(
      ['1', '2', '3'],
      [
        ['1', '2'],
        ['2', '3'],
      ],
    );
    const layout = layoutGraph(i);
    expectValid(i, layout);
    const ys = [...layout.positions.values()].map((p) => p.y);
    expect(new Set(ys).size).toBe(1);
  });

  it('keeps an edge that skips ranks pointing right', () => {
    const i = input(
      ['1', '2', '3', '4'],
      [
        ['1', '2'],
        ['2', '3'],
        ['3', '4'],
        ['1', '4'],
      ],
    );
    expectValid(i, layoutGraph(i));
  });

  it('stacks disconnected components without overlap', () => {
    const i = input(
      ['1', '2', '3', '4', '5', '6'],
      [
        ['1', '2'],
        ['3', '4'],
        ['4', '5'],
      ],
    );
    const layout = layoutGraph(i);
    expectValid(i, layout);
    expect(layout.positions.size).toBe(6);
  });

  it('stacks the members of an expanded parallel group inside its backdrop', () => {
    const s = buildGraphStructure(generateSubtasks({ count: 60, seed: 3 }));
    expect(s.groups.length).toBeGreaterThan(0);
    const i = toLayoutInput(s);
    const layout = layoutGraph(i);
    expectValid(i, layout);
    for (const g of s.groups) {
      const box = layout.groupBoxes.get(g.id) as Box;
      for (const m of g.memberIds) {
        const p = layout.positions.get(m) as { x: number; y: number };
        expect(p.x).toBeGreaterThanOrEqual(box.x);
        expect(p.y).toBeGreaterThanOrEqual(box.y);
        expect(p.x + NODE_WIDTH).toBeLessThanOrEqual(box.x + box.width);
        expect(p.y + NODE_HEIGHT).toBeLessThanOrEqual(box.y + box.height);
      }
    }
    const backdrops = new Map([...layout.groupBoxes].map(([id, b]) => [id, b]));
    const outside = [...boxes(layout)].filter(([id]) => !s.groups.some((g) => g.memberIds.includes(id)));
    for (const [, b] of outside) for (const backdrop of backdrops.values()) expect(overlaps(b, backdrop)).toBe(false);
  });

  it('draws a collapsed group as one node in place of its members', () => {
    const s = buildGraphStructure(generateSubtasks({ count: 60, seed: 3 }));
    const group = s.groups[0];
    if (!group) throw new Error('fixture has no parallel group');
    const i = toLayoutInput(s, new Set([group.id]));
    const layout = layoutGraph(i);
    expectValid(i, layout);
    expect(layout.positions.has(group.id)).toBe(true);
    for (const m of group.memberIds) expect(layout.positions.has(m)).toBe(false);
    expect(layout.groupBoxes.has(group.id)).toBe(false);
  });

  it('does not depend on the input order', () => {
    const subtasks = generateSubtasks({ count: 80, seed: 5, shape: 'random' });
    const a = layoutGraph(toLayoutInput(buildGraphStructure(subtasks)));
    const b = layoutGraph(toLayoutInput(buildGraphStructure([...subtasks].reverse())));
    expect([...b.positions].sort()).toEqual([...a.positions].sort());
  });

  it.each([
    ['an OCP-like task', 'ocp'],
    ['a random layered DAG', 'random'],
  ] as const)('lays out %s of 2,000 subtasks validly', (_, shape) => {
    const i = toLayoutInput(buildGraphStructure(generateSubtasks({ count: 2_000, seed: 11, shape })));
    const layout = layoutGraph(i);
    expect(layout.positions.size).toBeGreaterThan(0);
    expectValid(i, layout);
  });
});
