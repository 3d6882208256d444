import { describe, expect, it } from 'vitest';
import type { TaskInstance } from '../../api/schemas';
import { FAN_OUT_SPECS, failedFanOutTask, makeTask, wireSubtasks, wireTask } from '../../test/taskFixtures';
import { TaskInstance as TaskSchema } from '../../api/schemas';
import {
  retrySubtaskAvailability,
  retryTaskAvailability,
  rollbackAvailability,
  skipSubtaskAvailability,
  stopSubtaskAvailability,
} from './availability';

const sub = (task: TaskInstance, id: string) => task.subtasks.find((s) => s.id === id)!;
/** A task reply that lacks `subtasks` altogether, parsed by the real contract. */
const withoutSubtasks = () => {
  const { subtasks: _omitted, ...wire } = wireTask();
  return TaskSchema.parse(wire);
};

describe('rollbackAvailability', () => {
  it('allows a FAILED task, also after a failed rollback (roll back again)', () => {
    expect(rollbackAvailability(failedFanOutTask())).toEqual({ allowed: true });
    expect(rollbackAvailability(failedFanOutTask({ operation: 'ROLLBACK' }))).toEqual({ allowed: true });
  });

  it('refuses a task that prohibits rollback and names the subtasks that ran and forbid it', () => {
    const subtasks = wireSubtasks(FAN_OUT_SPECS).map((s) => (s.id === 2 || s.id === 6 ? { ...s, prohibitRollback: true } : s));
    expect(rollbackAvailability(makeTask({ prohibitRollback: true, subtasks }))).toEqual({
      allowed: false,
      reason: 'Rollback is prohibited for this task (forbidden by subtask Install on host a (2))',
    });
    expect(rollbackAvailability(makeTask({ prohibitRollback: true }))).toEqual({
      allowed: false,
      reason: 'Rollback is prohibited for this task',
    });
  });

  it.each([
    ['RUNNING', 'EXECUTE', 'The task is running'],
    ['RUNNING', 'ROLLBACK', 'The task is being rolled back'],
    ['SUCCESSFUL', 'EXECUTE', 'Nothing failed: the task succeeded'],
    ['SUCCESSFUL', 'ROLLBACK', 'This task was already rolled back'],
  ] as const)('refuses a %s/%s task: "%s"', (status, operation, reason) => {
    expect(rollbackAvailability(makeTask({ status, operation }))).toEqual({ allowed: false, reason });
  });

  it('refuses when the reply lacks its subtasks: the reach is unknown, not empty', () => {
    const result = rollbackAvailability(withoutSubtasks());
    expect(result.allowed).toBe(false);
    expect(!result.allowed && result.reason).toMatch(/^The reach is unknown.*"subtasks"/);
  });
});

describe('retryTaskAvailability', () => {
  it('allows a FAILED task, refuses a failed rollback (OCP answers 20003)', () => {
    expect(retryTaskAvailability(failedFanOutTask())).toEqual({ allowed: true });
    expect(retryTaskAvailability(failedFanOutTask({ operation: 'RETRY' }))).toEqual({ allowed: true });
    const afterRollback = retryTaskAvailability(failedFanOutTask({ operation: 'ROLLBACK' }));
    expect(!afterRollback.allowed && afterRollback.reason).toMatch(/^A failed rollback cannot be retried/);
    expect(retryTaskAvailability(makeTask({ status: 'RUNNING' }))).toEqual({ allowed: false, reason: 'The task is running' });
    expect(retryTaskAvailability(withoutSubtasks()).allowed).toBe(false);
  });
});

describe('subtask actions', () => {
  const task = failedFanOutTask();

  it('retry and skip a FAILED subtask only', () => {
    expect(retrySubtaskAvailability(task, sub(task, '3'))).toEqual({ allowed: true });
    expect(skipSubtaskAvailability(task, sub(task, '3'))).toEqual({ allowed: true });
    expect(retrySubtaskAvailability(task, sub(task, '2'))).toEqual({
      allowed: false,
      reason: 'Only a failed subtask can be run again; this one is Successful',
    });
    expect(skipSubtaskAvailability(task, sub(task, '5'))).toEqual({
      allowed: false,
      reason: 'Only a failed subtask can be set to successful; this one is Pending',
    });
  });

  it('does not retry a rollback step, but skips it', () => {
    const subtasks = wireSubtasks(FAN_OUT_SPECS).map((s) => (s.id === 3 ? { ...s, operation: 'ROLLBACK' as const } : s));
    const undo = makeTask({ operation: 'ROLLBACK', subtasks });
    const retry = retrySubtaskAvailability(undo, sub(undo, '3'));
    expect(!retry.allowed && retry.reason).toMatch(/rollback step/);
    expect(skipSubtaskAvailability(undo, sub(undo, '3'))).toEqual({ allowed: true });
  });

  it('stops a RUNNING subtask only, and says when it is already stopping', () => {
    const subtasks = wireSubtasks(FAN_OUT_SPECS).map((s) =>
      s.id === 3 ? { ...s, status: 'RUNNING' as const } : s.id === 4 ? { ...s, status: 'CANCELING' as const } : s,
    );
    const running = makeTask({ status: 'RUNNING', subtasks });
    expect(stopSubtaskAvailability(running, sub(running, '3'))).toEqual({ allowed: true });
    expect(stopSubtaskAvailability(running, sub(running, '4'))).toEqual({ allowed: false, reason: 'The subtask is already stopping' });
    expect(stopSubtaskAvailability(running, sub(running, '2'))).toEqual({
      allowed: false,
      reason: 'Only a running subtask can be stopped; this one is Successful',
    });
  });
});
