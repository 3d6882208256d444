import { describe, expect, it } from 'vitest';
import { SubtaskInstance, type SubtaskInstanceWire } from '../../api/schemas';
import { summarizeGraph } from './graphSummary';

type Wire = Partial<SubtaskInstanceWire> & { id: number };
const parse = (...wire: Wire[]) =>
  wire.map((w) => SubtaskInstance.parse({ name: `Step ${w.id}`, status: 'PENDING', operation: 'EXECUTE', ...w }));

describe('summarizeGraph', () => {
  it('counts subtasks as the nodes read them, worst first, and names the first failure by finish time', () => {
    const ran = { startTime: '2026-12-01T10:00:00+08:00' };
    const subtasks = parse(
      { id: 1, status: 'SUCCESSFUL', ...ran, finishTime: '2026-12-01T10:01:00+08:00' },
      { id: 2, name: 'Late failure', status: 'FAILED', ...ran, finishTime: '2026-12-01T10:09:00+08:00' },
      { id: 3, name: 'Install OBServer on 10.0.0.34', status: 'FAILED', ...ran, finishTime: '2026-12-01T10:05:00+08:00' },
      { id: 4, status: 'PENDING', operation: 'ROLLBACK', ...ran, finishTime: '2026-12-01T10:02:00+08:00' },
      { id: 5, status: 'PENDING' },
      { id: 6, status: 'RUNNING', ...ran },
    );
    const summary = summarizeGraph(subtasks);
    expect(summary.total).toBe(6);
    expect(summary.parts).toEqual([
      { status: 'FAILED', count: 2 },
      { status: 'RUNNING', count: 1 },
      { status: 'SUCCESSFUL', count: 1 },
      { status: 'ROLLED_BACK', count: 1 },
      { status: 'PENDING', count: 1 },
    ]);
    expect(summary.failures).toBe(2);
    expect(summary.firstFailure).toEqual({ id: '3', name: 'Install OBServer on 10.0.0.34', finishTime: '2026-12-01T10:05:00+08:00' });
  });

  it('has no first failure when nothing failed', () => {
    expect(summarizeGraph(parse({ id: 1, status: 'SUCCESSFUL' })).firstFailure).toBeNull();
  });
});
