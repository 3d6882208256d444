import { describe, expect, it } from 'vitest';
import type { SubtaskInstance, TaskInstance } from '../../api/schemas';
import { FAN_OUT_SPECS, failedFanOutTask, makeTask, wireSubtasks, type SubtaskSpec } from '../../test/taskFixtures';
import { retrySubtaskEffect, retryTaskEffect, rollbackEffect, skipSubtaskEffect, stopSubtaskEffect } from './effects';

const ids = (list: readonly SubtaskInstance[]) => list.map((s) => s.id);
const sub = (task: TaskInstance, id: string) => task.subtasks.find((s) => s.id === id)!;

/** The fan-out task (1 → {2, 3, 4} → 5 → 6) with some statuses changed. */
function fanOut(changes: Record<number, Partial<SubtaskSpec['wire']>>, over: Parameters<typeof makeTask>[0] = {}) {
  return makeTask({ subtasks: wireSubtasks(FAN_OUT_SPECS).map((s) => ({ ...s, ...changes[Number(s.id)] })), ...over });
}

describe('retry effects', () => {
  it('task retry runs the failed subtask again, then everything after it', () => {
    const effect = retryTaskEffect(failedFanOutTask());
    expect(ids(effect.targets)).toEqual(['3']);
    expect(ids(effect.startNext)).toEqual(['5']);
    expect(ids(effect.continues)).toEqual(['5', '6']);
    expect(effect.stillFailed).toEqual([]);
  });

  it('task retry runs every failed subtask again', () => {
    const task = fanOut({ 2: { status: 'FAILED' } });
    const effect = retryTaskEffect(task);
    expect(ids(effect.targets)).toEqual(['2', '3']);
    expect(ids(effect.continues)).toEqual(['5', '6']);
  });

  it('subtask retry: nothing continues past a join while another branch is still failed', () => {
    const task = fanOut({ 2: { status: 'FAILED' } });
    const effect = retrySubtaskEffect(task, sub(task, '3'));
    expect(ids(effect.targets)).toEqual(['3']);
    expect(ids(effect.stillFailed)).toEqual(['2']);
    expect(effect.continues).toEqual([]);
  });

  it('counts held READY subtasks elsewhere in the flow as continuing', () => {
    // 1 → 2 (FAILED), 1 → 3 (READY, held by the failure), 3 → 4
    const task = makeTask({
      subtasks: wireSubtasks([
        { id: 1, status: 'SUCCESSFUL' },
        { id: 2, status: 'FAILED', ups: [1] },
        { id: 3, status: 'READY', ups: [1] },
        { id: 4, status: 'PENDING', ups: [3] },
      ]),
    });
    const effect = retrySubtaskEffect(task, sub(task, '2'));
    expect(ids(effect.startNext)).toEqual(['3']);
    expect(ids(effect.continues)).toEqual(['3', '4']);
  });

  it('changes key when what it shows changes, not otherwise', () => {
    const a = retryTaskEffect(failedFanOutTask());
    expect(retryTaskEffect(failedFanOutTask()).key).toBe(a.key);
    expect(retryTaskEffect(fanOut({ 5: { status: 'SUCCESSFUL' } })).key).not.toBe(a.key);
    expect(retryTaskEffect(fanOut({ 3: { runTime: 2 } })).key).not.toBe(a.key);
  });
});

describe('skip effects', () => {
  it('"set to successful" lists the downstream subtasks that then start', () => {
    const task = failedFanOutTask();
    const effect = skipSubtaskEffect(task, sub(task, '3'));
    expect(effect.kind).toBe('skipSubtask');
    if (effect.kind !== 'skipSubtask') return;
    expect(ids(effect.targets)).toEqual(['3']);
    expect(ids(effect.startNext)).toEqual(['5']);
    expect(ids(effect.continues)).toEqual(['5', '6']);
  });

  it('during a failed rollback it is a rollback skip: the undo then goes on upstream', () => {
    // 4 and 2 were undone, undoing 3 failed, 1 waits for it.
    const task = fanOut(
      {
        1: { operation: 'ROLLBACK' },
        2: { status: 'PENDING', operation: 'ROLLBACK' },
        3: { operation: 'ROLLBACK' },
        4: { status: 'PENDING', operation: 'ROLLBACK' },
      },
      { operation: 'ROLLBACK' },
    );
    const effect = skipSubtaskEffect(task, sub(task, '3'));
    expect(effect.kind).toBe('rollbackSkip');
    if (effect.kind !== 'rollbackSkip') return;
    expect(effect.target.id).toBe('3');
    expect(ids(effect.thenUndo)).toEqual(['1']);
  });
});

describe('rollback effect', () => {
  it('is the engine order, and its key follows the statuses it shows', () => {
    const effect = rollbackEffect(failedFanOutTask());
    expect(effect.waves.map(ids)).toEqual([['4', '3', '2'], ['1']]);
    expect(ids(effect.plan)).toEqual(['4', '3', '2', '1']);
    expect(rollbackEffect(fanOut({ 5: { status: 'SUCCESSFUL' } })).key).not.toBe(effect.key);
  });
});

describe('stop effect', () => {
  const running = () =>
    fanOut({ 2: { status: 'RUNNING', finishTime: undefined }, 3: { status: 'RUNNING', finishTime: undefined } }, { status: 'RUNNING' });

  it('names the subtask, counts the others running and says whether it stops a rollback', () => {
    const task = running();
    const effect = stopSubtaskEffect(task, sub(task, '3'));
    expect(effect).toMatchObject({ kind: 'stopSubtask', rollback: false, othersRunning: 1 });
    expect(effect.target.name).toBe('Install on host b');
    const undoing = makeTask({ ...task, id: task.id, status: 'RUNNING', operation: 'ROLLBACK', subtasks: wireSubtasks(FAN_OUT_SPECS) });
    expect(stopSubtaskEffect(undoing, sub(undoing, '3')).rollback).toBe(true);
  });

  it('keeps its key while the rest of the running task progresses', () => {
    const task = running();
    const later = fanOut({ 2: { status: 'SUCCESSFUL' }, 3: { status: 'RUNNING', finishTime: undefined } }, { status: 'RUNNING' });
    expect(stopSubtaskEffect(later, sub(later, '3')).key).toBe(stopSubtaskEffect(task, sub(task, '3')).key);
    const canceling = fanOut({ 3: { status: 'CANCELING', finishTime: undefined } }, { status: 'RUNNING' });
    expect(stopSubtaskEffect(canceling, sub(canceling, '3')).key).not.toBe(stopSubtaskEffect(task, sub(task, '3')).key);
  });
});
