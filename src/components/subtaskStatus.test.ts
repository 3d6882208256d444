import { describe, expect, it } from 'vitest';
import { subtasksOf, wireSubtasks, makeTask } from '../test/taskFixtures';
import { countDisplayStatuses, failuresInOrder, subtaskDisplayMeta, subtaskDisplayStatus } from './subtaskStatus';

const at = (s: number) => `2021-08-25T07:10:${String(s).padStart(2, '0')}.000+00:00`;

describe('subtaskDisplayStatus', () => {
  it('reads an undone subtask as "Rolled back", and one that never ran as "Pending"', () => {
    const [ran, never] = subtasksOf([
      { id: 1, status: 'PENDING', wire: { operation: 'ROLLBACK', startTime: at(1), finishTime: at(2) } },
      { id: 2, status: 'PENDING', wire: { operation: 'ROLLBACK' } },
    ]);
    expect(subtaskDisplayStatus(ran!)).toBe('ROLLED_BACK');
    expect(subtaskDisplayStatus(never!)).toBe('PENDING');
    expect(subtaskDisplayMeta('ROLLED_BACK').label).toBe('Rolled back');
  });

  it('reads a skipped undo as "Rollback skipped", and keeps every raw status otherwise', () => {
    const [skipped, running, failedUndo] = subtasksOf([
      { id: 1, status: 'PENDING', wire: { operation: 'ROLLBACK_SKIP', startTime: at(1), finishTime: at(2) } },
      { id: 2, status: 'RUNNING', wire: { operation: 'ROLLBACK' } },
      { id: 3, status: 'FAILED', wire: { operation: 'ROLLBACK' } },
    ]);
    expect(subtaskDisplayStatus(skipped!)).toBe('ROLLBACK_SKIPPED');
    expect(subtaskDisplayMeta('ROLLBACK_SKIPPED').label).toBe('Rollback skipped');
    expect(subtaskDisplayStatus(running!)).toBe('RUNNING');
    expect(subtaskDisplayStatus(failedUndo!)).toBe('FAILED');
  });

  it('counts rolled-back subtasks apart from pending ones (the legend no longer says "Pending 14")', () => {
    const subtasks = subtasksOf([
      { id: 1, status: 'PENDING', wire: { operation: 'ROLLBACK', startTime: at(1), finishTime: at(2) } },
      { id: 2, status: 'PENDING', wire: { operation: 'ROLLBACK', startTime: at(1), finishTime: at(3) } },
      { id: 3, status: 'PENDING' },
      { id: 4, status: 'FAILED' },
    ]);
    expect(countDisplayStatuses(subtasks)).toMatchObject({ ROLLED_BACK: 2, PENDING: 1, FAILED: 1, ROLLBACK_SKIPPED: 0 });
  });
});

describe('failuresInOrder', () => {
  it('puts the subtask that failed first first, whatever its place in the flow', () => {
    const subtasks = subtasksOf([
      { id: 1, status: 'SUCCESSFUL' },
      { id: 2, status: 'FAILED', ups: [1], wire: { finishTime: at(30) } },
      { id: 3, status: 'FAILED', ups: [1], wire: { finishTime: at(10) } },
      { id: 4, status: 'FAILED', ups: [1], wire: { finishTime: at(20) } },
    ]);
    expect(failuresInOrder(subtasks).map((s) => s.id)).toEqual(['3', '4', '2']);
  });

  it('breaks a tie in flow order and puts a failure without a finish time last', () => {
    const subtasks = makeTask({
      subtasks: wireSubtasks([
        { id: 5, status: 'FAILED', wire: { finishTime: undefined } },
        { id: 7, status: 'FAILED', wire: { finishTime: at(10) } },
        { id: 6, status: 'FAILED', wire: { finishTime: at(10) } },
      ]),
    }).subtasks;
    expect(failuresInOrder(subtasks).map((s) => s.id)).toEqual(['6', '7', '5']);
  });

  it('compares instants, not strings: offsets differ on the wire', () => {
    const subtasks = subtasksOf([
      { id: 1, status: 'FAILED', wire: { finishTime: '2021-08-25T15:10:20.000+08:00' } }, // 07:10:20Z
      { id: 2, status: 'FAILED', wire: { finishTime: '2021-08-25T07:10:15.000+00:00' } },
    ]);
    expect(failuresInOrder(subtasks).map((s) => s.id)).toEqual(['2', '1']);
  });

  it('is empty when nothing failed', () => {
    expect(failuresInOrder(subtasksOf([{ id: 1, status: 'SUCCESSFUL' }]))).toEqual([]);
  });
});
