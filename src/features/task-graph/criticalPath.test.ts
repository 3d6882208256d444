import { describe, expect, it } from 'vitest';
import { SubtaskInstance, type SubtaskInstanceWire } from '../../api/schemas';
import { criticalPath } from './criticalPath';
import { buildGraphStructure } from './model';

type Wire = Partial<SubtaskInstanceWire> & { id: number };
const at = (s: number) => new Date(Date.UTC(2024, 0, 1, 0, 0, s)).toISOString();
const parse = (...wire: Wire[]) =>
  wire.map((w) => SubtaskInstance.parse({ name: `Step ${w.id}`, status: 'SUCCESSFUL', operation: 'EXECUTE', ...w }));

describe('criticalPath', () => {
  // 1 → {2 (slow), 3 (fast)} → 4 → 5; 6 is a side branch off 1 that ends early.
  const task = parse(
    { id: 1, startTime: at(0), finishTime: at(5), downstreams: [2, 3, 6] },
    { id: 2, startTime: at(5), finishTime: at(60), upstreams: [1], downstreams: [4] },
    { id: 3, startTime: at(5), finishTime: at(10), upstreams: [1], downstreams: [4] },
    { id: 4, startTime: at(60), finishTime: at(70), upstreams: [2, 3], downstreams: [5] },
    { id: 5, startTime: at(70), finishTime: at(80), upstreams: [4] },
    { id: 6, startTime: at(5), finishTime: at(7), upstreams: [1] },
  );
  const { edges } = buildGraphStructure(task);

  it('follows the slowest upstream back from what finished last', () => {
    expect(criticalPath(task, edges)).toEqual(['1', '2', '4', '5']);
  });

  it('ends at a running subtask, timed until now', () => {
    const running = task.map((s) => (s.id === '5' ? { ...s, finishTime: undefined, status: 'RUNNING' as const } : s));
    expect(criticalPath(running, edges)).toEqual(['1', '2', '4', '5']);
    // A side branch still running past everything else decides the duration instead.
    const side = running.map((s) => (s.id === '6' ? { ...s, finishTime: undefined } : s));
    expect(
      criticalPath(
        side.filter((s) => s.id !== '5'),
        edges,
      ),
    ).toEqual(['1', '6']);
  });

  it('does not depend on the clock: a running subtask outlasts any finish, even one stamped after our now', () => {
    const running = task.map((s) => (s.id === '5' ? { ...s, finishTime: undefined, status: 'RUNNING' as const } : s));
    // A server clock ahead of ours: the side branch "finished" an hour on; 5 still runs, so it ends later.
    const skewed = running.map((s) => (s.id === '6' ? { ...s, finishTime: at(3600) } : s));
    expect(criticalPath(skewed, edges)).toEqual(['1', '2', '4', '5']);
  });

  it('is empty when nothing has run, and skips upstreams that never started', () => {
    const fresh = task.map((s) => ({ ...s, startTime: undefined, finishTime: undefined }));
    expect(criticalPath(fresh, edges)).toEqual([]);
    const partly = task.map((s) => (s.id === '1' ? { ...s, startTime: undefined, finishTime: undefined } : s));
    expect(criticalPath(partly, edges)).toEqual(['2', '4', '5']);
  });
});
