// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { findUndoOrderViolation, type Engine } from './engine.ts';
import type { SubtaskSpec } from './model.ts';
import { byId, count, manualEngine, refusal, runHeaders, statuses, sub, task } from './testkit.ts';

/**
 * root → fan p0..p{n-1} (parallelIdx) → join → tail; join fails. With n > 10 the fan-out cannot all
 * be undone at once.
 */
function fanoutSpec(n: number, extra: (i: number) => Partial<SubtaskSpec> = () => ({})): SubtaskSpec[] {
  const fan = Array.from({ length: n }, (_, i) => sub(`p${i}`, ['root'], { parallelIdx: i, rollbackRuns: [{ ticks: 2 }], ...extra(i) }));
  return [
    sub('root', [], { rollbackRuns: [{ ticks: 1 }] }),
    ...fan,
    sub(
      'join',
      fan.map((s) => s.id),
      { runs: [{ ticks: 1, fail: true }] },
    ),
    sub('tail', ['join']),
  ];
}

function failedTask(subtasks: SubtaskSpec[]) {
  const kit = manualEngine();
  kit.engine.submit(task('1', subtasks));
  kit.advance(50);
  expect(kit.engine.task('1').status).toBe('FAILED');
  return kit;
}

/** Steps tick by tick until the task stops RUNNING; checks the reverse-topological rule at every tick. */
function runRollback(engine: Engine, advance: () => void) {
  let peak = 0;
  for (let i = 0; i < 200 && engine.task('1').status === 'RUNNING'; i++) {
    advance();
    const t = engine.task('1');
    const undoing = t.subtasks.filter((s) => s.status === 'RUNNING' && s.operation === 'ROLLBACK');
    peak = Math.max(peak, undoing.length);
    for (const s of undoing) {
      for (const d of s.downs) expect(t.subtasks[d]?.status, `${s.spec.id} undone before a downstream`).toBe('PENDING');
    }
  }
  return { peak };
}

describe('engine: rollback', () => {
  it('refuses a task that is not FAILED (20003) and a prohibited one (20004), with OCP messages', () => {
    const { engine, advance } = manualEngine();
    engine.submit(task('7', [sub('a', [], { runs: [{ ticks: 3 }] })]));
    advance();
    expect(refusal(() => engine.rollback('7'))).toMatchObject({
      status: 400,
      code: 20003,
      message: 'This operation is not supported for the 7 task in the RUNNING state.',
    });
    advance(5);
    expect(refusal(() => engine.rollback('7')).message).toBe('This operation is not supported for the 7 task in the SUCCESSFUL state.');

    engine.submit(task('8', [sub('a', [], { prohibitRollback: true }), sub('b', ['a'], { runs: [{ ticks: 1, fail: true }] })]));
    advance(10);
    expect(engine.task('8').status).toBe('FAILED');
    expect(refusal(() => engine.rollback('8'))).toMatchObject({ status: 400, code: 20004, message: 'Task 8 can not rollback.' });
  });

  it('marks everything that is not PENDING for rollback, READY included, and runs the task as RUNNING/ROLLBACK', () => {
    const { engine } = failedTask(fanoutSpec(3));
    const t = engine.rollback('1');
    expect([t.status, t.operation, t.finishMs]).toEqual(['RUNNING', 'ROLLBACK', undefined]);
    const ops = Object.fromEntries(t.subtasks.map((s) => [s.spec.id, s.operation]));
    expect(ops).toEqual({ root: 'ROLLBACK', p0: 'ROLLBACK', p1: 'ROLLBACK', p2: 'ROLLBACK', join: 'ROLLBACK', tail: 'EXECUTE' });

    // A READY leftover: in a 12-wide fan-out the failure stops the last two from ever starting.
    const kit = manualEngine();
    const fan = Array.from({ length: 12 }, (_, i) => sub(`p${i}`, ['root'], i === 0 ? { runs: [{ ticks: 1, fail: true }] } : {}));
    kit.engine.submit(task('2', [sub('root'), ...fan]));
    kit.advance(20);
    expect(count(kit.engine, '2', 'READY')).toBe(2);
    kit.engine.rollback('2');
    expect(count(kit.engine, '2', 'READY', 'ROLLBACK')).toBe(2);
    kit.advance(20);
    expect(kit.engine.task('2')).toMatchObject({ status: 'SUCCESSFUL', operation: 'ROLLBACK' });
  });

  it('undoes in reverse topological order, fan-out siblings in parallel, then ends SUCCESSFUL/ROLLBACK', () => {
    const { engine, advance } = failedTask(fanoutSpec(6));
    engine.rollback('1');
    advance();
    expect(statuses(engine, '1')).toMatchObject({ join: 'RUNNING', p0: 'SUCCESSFUL', root: 'SUCCESSFUL', tail: 'PENDING' });
    advance();
    // join is PENDING again: all six siblings start together, the later ones in the flow first.
    expect(count(engine, '1', 'RUNNING', 'ROLLBACK')).toBe(6);
    runRollback(engine, advance);
    const t = engine.task('1');
    expect([t.status, t.operation]).toEqual(['SUCCESSFUL', 'ROLLBACK']);
    expect(t.finishMs).toBeDefined();
    expect(t.subtasks.every((s) => s.status === 'PENDING')).toBe(true);
    const order = engine.undoOrder('1');
    expect(order).toEqual(['join', 'p5', 'p4', 'p3', 'p2', 'p1', 'p0', 'root']);
    expect(findUndoOrderViolation(t, order)).toBeNull();
    expect(findUndoOrderViolation(t, ['root', 'p1'])).toMatch(/root was undone before its downstream/);
    // The rollback step is a run of its own in the log, after the one that executed.
    const log = engine.subtaskLog('1', 'p3');
    expect(runHeaders(log)).toEqual(['EXECUTE', 'ROLLBACK']);
    expect(log.split('\n').at(-1)).toBe('Set state for subtask: p3, operation:ROLLBACK, state: PENDING');
  });

  it('keeps to 10 concurrent rollback steps', () => {
    const { engine, advance } = failedTask(fanoutSpec(25));
    engine.rollback('1');
    const { peak } = runRollback(engine, advance);
    expect(peak).toBe(10);
    expect(engine.task('1').status).toBe('SUCCESSFUL');
    expect(findUndoOrderViolation(engine.task('1'), engine.undoOrder('1'))).toBeNull();
  });

  it('when a rollback step fails: that subtask FAILED/ROLLBACK, task FAILED/ROLLBACK once siblings finish', () => {
    const { engine, advance } = failedTask(
      fanoutSpec(3, (i) => (i === 1 ? { rollbackRuns: [{ ticks: 1, fail: true }, { ticks: 1 }] } : { rollbackRuns: [{ ticks: 4 }] })),
    );
    engine.rollback('1');
    advance(3); // join undone at 2; siblings start at 2, p1 fails at 3
    expect(byId(engine, '1', 'p1')).toMatchObject({ status: 'FAILED', operation: 'ROLLBACK' });
    expect(engine.task('1').status).toBe('RUNNING'); // p0 and p2 still rolling back
    runRollback(engine, advance);
    const t = engine.task('1');
    expect([t.status, t.operation]).toEqual(['FAILED', 'ROLLBACK']);
    expect(byId(engine, '1', 'root')).toMatchObject({ status: 'SUCCESSFUL', operation: 'ROLLBACK' });

    // Retry is refused now; rolling back again is allowed and finishes the job.
    expect(refusal(() => engine.retryTask('1'))).toMatchObject({ code: 20003 });
    expect(refusal(() => engine.retrySubtask('1', 'p1'))).toMatchObject({ code: 20003 });
    engine.rollback('1');
    runRollback(engine, advance);
    expect(engine.task('1')).toMatchObject({ status: 'SUCCESSFUL', operation: 'ROLLBACK' });
    expect(byId(engine, '1', 'p1').runTime).toBe(1);
  });

  it('skips a failed rollback step: ROLLBACK_SKIP, then PENDING, and the rollback goes on', () => {
    const { engine, advance } = failedTask(fanoutSpec(2, (i) => (i === 0 ? { rollbackRuns: [{ ticks: 1, fail: true }] } : {})));
    engine.rollback('1');
    runRollback(engine, advance);
    expect(engine.task('1').status).toBe('FAILED');
    engine.skipSubtask('1', 'p0');
    expect(byId(engine, '1', 'p0')).toMatchObject({ status: 'READY', operation: 'ROLLBACK_SKIP' });
    expect(engine.task('1')).toMatchObject({ status: 'RUNNING', operation: 'ROLLBACK' });
    runRollback(engine, advance);
    expect(byId(engine, '1', 'p0')).toMatchObject({ status: 'PENDING', operation: 'ROLLBACK_SKIP' });
    expect(engine.task('1')).toMatchObject({ status: 'SUCCESSFUL', operation: 'ROLLBACK' });
  });

  it('refuses to roll back a task that was already rolled back', () => {
    const { engine, advance } = failedTask(fanoutSpec(2));
    engine.rollback('1');
    runRollback(engine, advance);
    expect(refusal(() => engine.rollback('1')).message).toBe('This operation is not supported for the 1 task in the SUCCESSFUL state.');
  });
});
