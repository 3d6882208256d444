import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors';
import { FAN_OUT_SPECS, failedFanOutTask, makeTask, wireSubtasks } from '../../test/taskFixtures';
import { actionOutcome, effectVisible } from './outcome';

const before = failedFanOutTask();
const rollingBack = failedFanOutTask({ status: 'RUNNING', operation: 'ROLLBACK', finishTime: undefined });
const http = (status: number, message: string, code?: number) => new ApiError({ kind: 'http', status, code, traceId: 't1', message });
const rollback = { kind: 'rollback' } as const;

/** The fan-out task with subtask 3 changed. */
const withThird = (over: Record<string, unknown>, task: Record<string, unknown> = {}) =>
  makeTask({ subtasks: wireSubtasks(FAN_OUT_SPECS).map((s) => (s.id === 3 ? { ...s, ...over } : s)), ...task });

describe('actionOutcome: words the result from the task, not from the HTTP status', () => {
  it('a 500 after OCP started the rollback: "OCP answered with an error, but the task is rolling back"', () => {
    const outcome = actionOutcome(rollback, before, rollingBack, { ok: false, error: http(500, 'The OCP server failed (HTTP 500).') });
    expect(outcome).toEqual({
      tone: 'warning',
      title: 'OCP answered with an error, but the task is rolling back',
      message:
        "OCP said: The OCP server failed (HTTP 500). (HTTP 500, trace t1). The task's own state is what counts; it updates live on this page.",
    });
  });

  it('a 500 and the task unchanged: the rollback failed, and says the task is unchanged', () => {
    const outcome = actionOutcome(rollback, before, before, { ok: false, error: http(502, 'Bad gateway') });
    expect(outcome).toMatchObject({
      tone: 'error',
      title: 'Rollback failed',
      message: 'OCP said: Bad gateway (HTTP 502, trace t1). The task is unchanged.',
    });
  });

  it('a refusal quotes OCP with its code and traceId', () => {
    const outcome = actionOutcome(rollback, before, before, { ok: false, error: http(400, 'Task 1001 can not rollback.', 20004) });
    expect(outcome).toMatchObject({
      title: 'Rollback refused',
      message: 'OCP said: Task 1001 can not rollback. (code 20004, trace t1). The task is unchanged.',
    });
  });

  it('a 403 is the missing TASK_MANAGER permission', () => {
    const outcome = actionOutcome({ kind: 'retryTask' }, before, before, { ok: false, error: http(403, 'You are not authorized.', 30014) });
    expect(outcome.title).toBe('Task retry not permitted');
    expect(outcome.message).toMatch(/TASK_MANAGER.*You are not authorized\. \(code 30014, trace t1\)$/);
  });

  it('no answer and the task unchanged: most likely not received, check before trying again', () => {
    const error = new ApiError({ kind: 'network', message: 'OCP did not answer within 30 s.' });
    const outcome = actionOutcome(rollback, before, before, { ok: false, error });
    expect(outcome).toMatchObject({ tone: 'error', title: 'No answer from OCP' });
    expect(outcome.message).toMatch(/most likely not received/);
  });

  it('success is only claimed when the task shows it', () => {
    expect(actionOutcome(rollback, before, rollingBack, { ok: true })).toEqual({
      tone: 'success',
      title: 'Rollback started for task 1001',
      message: 'OCP is undoing 4 subtasks; progress updates live on this page.',
    });
    expect(actionOutcome(rollback, before, before, { ok: true })).toMatchObject({ tone: 'warning', title: 'OCP accepted the rollback' });
    expect(actionOutcome(rollback, before, undefined, { ok: true }, new Error('offline'))).toMatchObject({
      tone: 'warning',
      message: 'The task could not be reloaded to show its progress: offline',
    });
  });

  it('an error and no task to check says both', () => {
    const outcome = actionOutcome(rollback, before, undefined, { ok: false, error: http(500, 'boom') }, new Error('timeout'));
    expect(outcome.title).toBe('OCP answered the rollback with an error, and the task could not be checked');
    expect(outcome.message).toMatch(/boom.*timeout/);
  });

  it('words subtask operations by the subtask', () => {
    const ref = { kind: 'stopSubtask', subtaskId: '3' } as const;
    const running = withThird({ status: 'RUNNING', finishTime: undefined }, { status: 'RUNNING' });
    const canceling = withThird({ status: 'CANCELING', finishTime: undefined }, { status: 'RUNNING' });
    expect(actionOutcome(ref, running, canceling, { ok: false, error: http(500, 'boom') }).title).toBe(
      'OCP answered with an error, but subtask Install on host b is now Canceling',
    );
    expect(actionOutcome(ref, running, canceling, { ok: true }).title).toBe('Stopping subtask Install on host b');
  });
});

describe('effectVisible', () => {
  it('sees a retry in a higher run count or the RETRY operation', () => {
    const ref = { kind: 'retrySubtask', subtaskId: '3' } as const;
    expect(effectVisible(ref, before, withThird({ runTime: 2, status: 'FAILED' }))).toBe(true);
    expect(effectVisible(ref, before, withThird({ status: 'READY', operation: 'RETRY' }))).toBe(true);
    expect(effectVisible(ref, before, before)).toBe(false);
  });

  it('sees a skip in SKIP or ROLLBACK_SKIP, a task retry in RETRY, and a second rollback in a new finish time', () => {
    expect(effectVisible({ kind: 'skipSubtask', subtaskId: '3' }, before, withThird({ status: 'SUCCESSFUL', operation: 'SKIP' }))).toBe(
      true,
    );
    expect(effectVisible({ kind: 'retryTask' }, before, failedFanOutTask({ status: 'RUNNING', operation: 'RETRY' }))).toBe(true);
    const failedRollback = failedFanOutTask({ operation: 'ROLLBACK' });
    expect(effectVisible(rollback, failedRollback, failedRollback)).toBe(false);
    expect(
      effectVisible(rollback, failedRollback, failedFanOutTask({ operation: 'ROLLBACK', finishTime: '2021-08-25T07:20:00.000+00:00' })),
    ).toBe(true);
  });
});
