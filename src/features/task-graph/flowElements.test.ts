import i18next from 'i18next';
import { describe, expect, it, vi } from 'vitest';
import { generateSubtasks } from './fixtures';
import { buildFlowEdges, buildFlowNodes, createFlowElementsMemo, subtaskAriaLabel } from './flowElements';
import { layoutGraph } from './layout';
import { buildGraphStructure, toLayoutInput } from './model';
import { sameStructureInput } from './useGraphStructure';

const setup = () => {
  const subtasks = generateSubtasks({ count: 40, seed: 9 });
  const structure = buildGraphStructure(subtasks);
  const layout = layoutGraph(toLayoutInput(structure));
  return { subtasks, structure, layout, memo: createFlowElementsMemo() };
};

describe('buildFlowNodes', () => {
  it('reuses node objects whose subtask shows the same, and only those', () => {
    const { subtasks, layout, memo } = setup();
    const first = buildFlowNodes(memo, layout, subtasks, null);
    // A poll: every subtask a new object, one status changed.
    const polled = subtasks.map((s, i) => ({ ...s, status: i === 5 ? ('RUNNING' as const) : s.status }));
    const second = buildFlowNodes(memo, layout, polled, null);
    expect(second).toHaveLength(first.length);
    const changed = second.filter((n, i) => n !== first[i]).map((n) => n.id);
    expect(changed).toEqual([subtasks[5]?.id]);
    const moved = second.find((n) => n.id === subtasks[5]?.id);
    expect(moved?.position).toEqual(first.find((n) => n.id === subtasks[5]?.id)?.position);
  });

  it('replaces only the nodes whose selection changed', () => {
    const { subtasks, layout, memo } = setup();
    const a = buildFlowNodes(memo, layout, subtasks, subtasks[1]?.id ?? null);
    const b = buildFlowNodes(memo, layout, subtasks, subtasks[2]?.id ?? null);
    expect(b.filter((n, i) => n !== a[i]).map((n) => n.id)).toEqual([subtasks[1]?.id, subtasks[2]?.id]);
    expect(b.find((n) => n.id === subtasks[2]?.id)?.selected).toBe(true);
  });

  it('keeps every node object and label while nothing it shows changes, and re-words every label in another language', () => {
    const { subtasks, layout, memo } = setup();
    const first = buildFlowNodes(memo, layout, subtasks, null, [], new Set(), 'en');
    const t = vi.spyOn(i18next, 't');
    try {
      // What a search or a filter used to rebuild: marks are not part of a node (findMarks.ts).
      const again = buildFlowNodes(memo, layout, subtasks, null, [], new Set(), 'en');
      expect(again.every((n, i) => n === first[i])).toBe(true);
      expect(again.some((n) => n.className !== undefined)).toBe(false);
      expect(t).not.toHaveBeenCalled();
      // Another language: every label worded again, every node a new object.
      const reworded = buildFlowNodes(memo, layout, subtasks, null, [], new Set(), 'zh-CN');
      expect(t.mock.calls.length).toBeGreaterThanOrEqual(subtasks.length);
      expect(reworded.some((n, i) => n === again[i] && n.type === 'subtask')).toBe(false);
    } finally {
      t.mockRestore();
    }
  });

  it('puts parallel backdrops last in the list, behind and out of reach', () => {
    const { subtasks, layout, structure, memo } = setup();
    const nodes = buildFlowNodes(memo, layout, subtasks, null);
    const backdrops = nodes.filter((n) => n.type === 'parallelGroup');
    expect(backdrops.map((n) => n.id)).toEqual(structure.groups.map((g) => g.id));
    expect(nodes.slice(-backdrops.length)).toEqual(backdrops);
    for (const b of backdrops) expect(b).toMatchObject({ zIndex: -1, selectable: false, focusable: false });
  });
});

describe('flow element memo', () => {
  it('belongs to one graph: another memo, or another layout, builds fresh objects', () => {
    const { subtasks, layout, structure, memo } = setup();
    const first = buildFlowNodes(memo, layout, subtasks, null);
    expect(buildFlowNodes(createFlowElementsMemo(), layout, subtasks, null).some((n, i) => n === first[i])).toBe(false);
    const relaid = { ...layout, positions: new Map(layout.positions) };
    expect(buildFlowNodes(memo, relaid, subtasks, null).some((n, i) => n === first[i])).toBe(false);
    const statuses = new Map(subtasks.map((s) => [s.id, s.status]));
    const edges = buildFlowEdges(memo, structure, statuses);
    expect(buildFlowEdges(createFlowElementsMemo(), structure, statuses).some((e, i) => e === edges[i])).toBe(false);
  });
});

describe('buildFlowEdges', () => {
  it('colours edges into failed subtasks and keeps unchanged edge objects', () => {
    const { subtasks, structure, memo } = setup();
    const statuses = new Map(subtasks.map((s) => [s.id, s.status]));
    const first = buildFlowEdges(memo, structure, statuses);
    expect(first.map((e) => e.id)).toEqual(structure.edges.map((e) => e.id));
    const failed = subtasks.find((s) => s.status === 'FAILED')?.id;
    const into = first.filter((e) => e.target === failed);
    expect(into.length).toBeGreaterThan(0);
    for (const e of into) expect(e.style?.stroke).toBeDefined();
    expect(first.filter((e) => e.target !== failed && e.style)).toEqual([]);
    const again = buildFlowEdges(memo, structure, new Map(statuses));
    expect(again.every((e, i) => e === first[i])).toBe(true);
  });
});

describe('subtaskAriaLabel', () => {
  it('names the subtask and its status, and a rollback', () => {
    const [s] = generateSubtasks({ count: 1 });
    if (!s) throw new Error('no subtask');
    expect(subtaskAriaLabel({ ...s, name: 'Install OBServer on 10.0.0.3', status: 'FAILED' })).toBe(
      'Install OBServer on 10.0.0.3 — Failed',
    );
    expect(subtaskAriaLabel({ ...s, name: 'x', status: 'RUNNING', operation: 'ROLLBACK' })).toBe('x — Running (rollback)');
  });
});

describe('sameStructureInput', () => {
  it('ignores statuses but not edges or ids', () => {
    const { subtasks } = setup();
    expect(
      sameStructureInput(
        subtasks,
        subtasks.map((s) => ({ ...s, upstreams: [...s.upstreams], status: 'FAILED' })),
      ),
    ).toBe(true);
    expect(
      sameStructureInput(
        subtasks,
        subtasks.map((s, i) => (i === 3 ? { ...s, upstreams: [] } : s)),
      ),
    ).toBe(false);
    expect(sameStructureInput(subtasks, subtasks.slice(1))).toBe(false);
    expect(
      sameStructureInput(
        subtasks,
        subtasks.map((s, i) => (i === 3 ? { ...s, id: '1' } : s)),
      ),
    ).toBe(false);
  });
});
