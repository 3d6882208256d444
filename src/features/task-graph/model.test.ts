import { describe, expect, it } from 'vitest';
import { SubtaskInstance, type SubtaskInstanceWire } from '../../api/schemas';
import { buildGraphStructure, countStatuses, countsAttribute, findCycle, findFocusSubtask, toLayoutInput } from './model';

type Wire = Partial<SubtaskInstanceWire> & { id: number };

function subtasks(...wire: Wire[]): SubtaskInstance[] {
  return wire.map((w) => SubtaskInstance.parse({ name: `step ${w.id}`, status: 'PENDING', operation: 'EXECUTE', ...w }));
}

const diamond = () =>
  subtasks(
    { id: 1, downstreams: [2, 3] },
    { id: 2, upstreams: [1], downstream: [4], parallelIdx: 0 },
    { id: 3, upstreams: [1], downstreams: [4], paralleIdx: 1 },
    { id: 4, upstreams: [2, 3] },
  );

describe('buildGraphStructure', () => {
  it('builds edges upstream → downstream from both lists, in either spelling, without duplicates', () => {
    const s = buildGraphStructure(diamond());
    expect(s.nodeIds).toEqual(['1', '2', '3', '4']);
    expect(s.edges.map((e) => e.id)).toEqual(['1->2', '1->3', '2->4', '3->4']);
    expect(s.edges[0]).toEqual({ id: '1->2', source: '1', target: '2' });
    expect(s.unknownRefs).toEqual([]);
    expect(s.cycle).toBeNull();
  });

  it('takes an edge named on one side only', () => {
    const s = buildGraphStructure(subtasks({ id: 1 }, { id: 2, upstreams: [1] }, { id: 3, downstreams: [2] }));
    expect(s.edges.map((e) => e.id)).toEqual(['1->2', '3->2']);
  });

  it('ignores references to unknown subtasks but reports them', () => {
    const s = buildGraphStructure(subtasks({ id: 1, downstreams: [2, 99] }, { id: 2, upstreams: [1, 98] }));
    expect(s.edges.map((e) => e.id)).toEqual(['1->2']);
    expect(s.unknownRefs).toEqual([
      { subtaskId: '1', ref: '99', list: 'downstreams' },
      { subtaskId: '2', ref: '98', list: 'upstreams' },
    ]);
  });

  it('groups parallel siblings that share upstreams and downstreams, in parallelIdx order', () => {
    const s = buildGraphStructure(
      subtasks(
        { id: 1, downstreams: [2, 3, 4, 5] },
        { id: 2, upstreams: [1], downstreams: [6], parallelIdx: 2 },
        { id: 3, upstreams: [1], downstreams: [6], parallelIdx: 0 },
        { id: 4, upstreams: [1], downstreams: [6], parallelIdx: 1 },
        // Parallel, but its downstreams differ: not part of the fan-out.
        { id: 5, upstreams: [1], parallelIdx: 3 },
        { id: 6, upstreams: [2, 3, 4] },
      ),
    );
    expect(s.groups).toEqual([{ id: 'parallel:2', memberIds: ['3', '4', '2'] }]);
  });

  it('does not group siblings without parallelIdx', () => {
    const s = buildGraphStructure(subtasks({ id: 1, downstreams: [2, 3] }, { id: 2 }, { id: 3 }));
    expect(s.groups).toEqual([]);
  });

  it('reports a cycle instead of hanging', () => {
    const s = buildGraphStructure(
      subtasks({ id: 1, downstreams: [2] }, { id: 2, downstreams: [3] }, { id: 3, downstreams: [1] }, { id: 4, upstreams: [3] }),
    );
    expect(s.cycle).not.toBeNull();
    expect([...(s.cycle ?? [])].sort()).toEqual(['1', '2', '3']);
  });

  it('reports a self-loop as a cycle', () => {
    expect(buildGraphStructure(subtasks({ id: 1, upstreams: [1] })).cycle).toEqual(['1']);
  });

  it('gives a cycle in edge order', () => {
    const edges = [
      { id: 'a->b', source: 'a', target: 'b' },
      { id: 'b->c', source: 'b', target: 'c' },
      { id: 'c->a', source: 'c', target: 'a' },
    ];
    const cycle = findCycle(['a', 'b', 'c'], edges) ?? [];
    const next = (id: string) => edges.find((e) => e.source === id)?.target;
    cycle.forEach((id, i) => expect(next(id)).toBe(cycle[(i + 1) % cycle.length]));
  });

  it('hashes structure only: the same under reordering and status changes', () => {
    const base = diamond();
    const hash = buildGraphStructure(base).hash;
    expect(buildGraphStructure([...base].reverse()).hash).toBe(hash);
    const changed = base.map((s) => ({ ...s, status: 'FAILED' as const, operation: 'ROLLBACK' as const, runTime: 3 }));
    expect(buildGraphStructure(changed).hash).toBe(hash);
  });

  it('changes the hash when an edge or a node changes', () => {
    const hash = buildGraphStructure(diamond()).hash;
    // 3 → 4 is named on both sides; drop it from both.
    const noEdge = diamond().map((s) => (s.id === '4' ? { ...s, upstreams: ['2'] } : s.id === '3' ? { ...s, downstreams: [] } : s));
    const extra = [...diamond(), ...subtasks({ id: 5 })];
    expect(buildGraphStructure(noEdge).hash).not.toBe(hash);
    expect(buildGraphStructure(extra).hash).not.toBe(hash);
  });

  it('handles an empty task', () => {
    const s = buildGraphStructure([]);
    expect(s).toMatchObject({ nodeIds: [], edges: [], groups: [], cycle: null });
    expect(s.hash).toMatch(/^0n0e/);
  });
});

describe('countStatuses', () => {
  it('counts all six statuses, zero included', () => {
    const list = subtasks({ id: 1, status: 'FAILED' }, { id: 2, status: 'FAILED' }, { id: 3, status: 'RUNNING' });
    expect(countStatuses(list)).toEqual({ PENDING: 0, READY: 0, RUNNING: 1, CANCELING: 0, FAILED: 2, SUCCESSFUL: 0 });
  });

  it('reads as data-counts in SUBTASK_STATUSES order', () => {
    const list = subtasks({ id: 1, status: 'FAILED' }, { id: 2, status: 'FAILED' }, { id: 3, status: 'RUNNING' });
    expect(countsAttribute(countStatuses(list))).toBe('0,0,1,0,2,0');
  });
});

describe('findFocusSubtask', () => {
  it('prefers the first FAILED, then RUNNING, then READY', () => {
    const list = subtasks(
      { id: 1, status: 'READY' },
      { id: 2, status: 'RUNNING' },
      { id: 3, status: 'FAILED' },
      { id: 4, status: 'FAILED' },
    );
    expect(findFocusSubtask(list)).toBe('3');
    expect(findFocusSubtask(list.slice(0, 2))).toBe('2');
    expect(findFocusSubtask(list.slice(0, 1))).toBe('1');
    expect(findFocusSubtask(subtasks({ id: 1, status: 'SUCCESSFUL' }))).toBeNull();
  });
});

describe('toLayoutInput', () => {
  it('marks the collapsed groups', () => {
    const s = buildGraphStructure(diamond());
    expect(toLayoutInput(s, new Set(['parallel:2'])).groups).toEqual([{ id: 'parallel:2', memberIds: ['2', '3'], collapsed: true }]);
    expect(toLayoutInput(s).groups[0]?.collapsed).toBe(false);
  });
});
