import { describe, expect, it } from 'vitest';
import type { SubtaskInstance, SubtaskStatus } from '../../api/schemas';
import { failedFanOutTask, makeTask, subtasksOf, wireSubtasks, type SubtaskSpec } from '../../test/taskFixtures';
import { rollbackPlan, rollbackWaves } from './rollbackPlan';

const ids = (list: readonly SubtaskInstance[]) => list.map((s) => s.id);

/** Every undone subtask comes after all of its undone downstreams. */
function expectReverseTopological(all: readonly SubtaskInstance[], plan: readonly SubtaskInstance[]) {
  const pos = new Map(plan.map((s, i) => [s.id, i]));
  for (const s of all) {
    const p = pos.get(s.id);
    if (p === undefined) continue;
    for (const d of s.downstreams) {
      const q = pos.get(d);
      if (q !== undefined) expect(q, `${d} before ${s.id}`).toBeLessThan(p);
    }
  }
}

describe('rollbackPlan', () => {
  it('undoes a chain from its last executed subtask back to the first', () => {
    const subtasks = subtasksOf([
      { id: 1, status: 'SUCCESSFUL' },
      { id: 2, status: 'SUCCESSFUL', ups: [1] },
      { id: 3, status: 'FAILED', ups: [2] },
      { id: 4, status: 'PENDING', ups: [3] },
    ]);
    expect(ids(rollbackPlan(subtasks))).toEqual(['3', '2', '1']);
    expect(rollbackWaves(subtasks).map(ids)).toEqual([['3'], ['2'], ['1']]);
  });

  it('undoes a fan-out in parallel before its root, and skips what never ran', () => {
    const subtasks = failedFanOutTask().subtasks;
    expect(rollbackWaves(subtasks).map(ids)).toEqual([['4', '3', '2'], ['1']]);
    expect(ids(rollbackPlan(subtasks))).toEqual(['4', '3', '2', '1']);
  });

  it('waits for every branch of a fan-in before undoing the fan-out root', () => {
    // 1 → {2, 3}; 2 → 4; {3, 4} → 5: 1 can start only after 2 and 3, and 2 only after 4.
    const specs: SubtaskSpec[] = [
      { id: 1, status: 'SUCCESSFUL' },
      { id: 2, status: 'SUCCESSFUL', ups: [1] },
      { id: 3, status: 'SUCCESSFUL', ups: [1] },
      { id: 4, status: 'SUCCESSFUL', ups: [2] },
      { id: 5, status: 'FAILED', ups: [3, 4] },
    ];
    const subtasks = subtasksOf(specs);
    expect(rollbackWaves(subtasks).map(ids)).toEqual([['5'], ['4', '3'], ['2'], ['1']]);
    expectReverseTopological(subtasks, rollbackPlan(subtasks));
  });

  it('has nothing to undo when every subtask is PENDING', () => {
    const subtasks = subtasksOf([
      { id: 1, status: 'PENDING' },
      { id: 2, status: 'PENDING', ups: [1] },
    ]);
    expect(rollbackPlan(subtasks)).toEqual([]);
    expect(rollbackWaves(subtasks)).toEqual([]);
    expect(rollbackPlan([])).toEqual([]);
  });

  it('includes READY and FAILED subtasks and excludes PENDING ones', () => {
    const statuses: SubtaskStatus[] = ['PENDING', 'READY', 'FAILED', 'SUCCESSFUL', 'PENDING'];
    const subtasks = subtasksOf(statuses.map((status, i) => ({ id: i + 1, status })));
    expect(ids(rollbackPlan(subtasks))).toEqual(['4', '3', '2']);
  });

  it('breaks ties by higher seriesId, then higher id, whatever order the server sent', () => {
    const specs: SubtaskSpec[] = [
      { id: 10, status: 'SUCCESSFUL', seriesId: 1 },
      { id: 11, status: 'SUCCESSFUL', seriesId: 3 },
      { id: 12, status: 'SUCCESSFUL', seriesId: 2 },
      { id: 13, status: 'SUCCESSFUL', seriesId: 2 },
      { id: 99, status: 'FAILED', seriesId: 2, wire: { id: '9007199254740993' } }, // a Long above 2^53
    ];
    const forward = rollbackPlan(subtasksOf(specs));
    const shuffled = rollbackPlan([...subtasksOf(specs)].reverse());
    expect(ids(forward)).toEqual(['11', '9007199254740993', '13', '12', '10']);
    expect(ids(shuffled)).toEqual(ids(forward));
  });

  it('reads edges from upstreams when downstreams are missing', () => {
    const wire = wireSubtasks([
      { id: 1, status: 'SUCCESSFUL' },
      { id: 2, status: 'FAILED', ups: [1] },
    ]).map((s) => ({ ...s, downstreams: [] }));
    // Without the edge, 1 (lower seriesId) would come last anyway; make it the tie winner to prove the edge is used.
    const task = makeTask({ subtasks: wire.map((s) => ({ ...s, seriesId: s.id === 1 ? 9 : 1 })) });
    expect(ids(rollbackPlan(task.subtasks))).toEqual(['2', '1']);
  });

  it('does not hang on a malformed cycle and still lists every subtask once', () => {
    const subtasks = subtasksOf([
      { id: 1, status: 'SUCCESSFUL', ups: [2] },
      { id: 2, status: 'SUCCESSFUL', ups: [1] },
      { id: 3, status: 'FAILED' },
    ]);
    expect(ids(rollbackPlan(subtasks))).toEqual(['3', '2', '1']);
  });

  it('plans a generated 2,000-subtask DAG in reverse topological order', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const specs: SubtaskSpec[] = [];
    for (let id = 1; id <= 2000; id++) {
      const ups = id === 1 ? [] : [...new Set([1 + Math.floor(random() * (id - 1)), 1 + Math.floor(random() * (id - 1))])];
      // The first 1,500 ran; one failed; the rest never started.
      const status: SubtaskStatus = id <= 1500 ? (id === 1500 ? 'FAILED' : 'SUCCESSFUL') : 'PENDING';
      specs.push({ id, status, ups });
    }
    const subtasks = subtasksOf(specs);
    const plan = rollbackPlan(subtasks);
    expect(plan).toHaveLength(1500);
    expect(new Set(ids(plan)).size).toBe(1500);
    expectReverseTopological(subtasks, plan);
    const waves = rollbackWaves(subtasks);
    expect(waves.flat()).toHaveLength(1500);
  });
});
