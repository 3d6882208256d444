// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { formatOcpTime } from './ocpTime.ts';
import { byId, count, manualEngine, refusal, runHeaders, statuses, sub, T0, task } from './testkit.ts';

const failsOnce = (ticks: number) => ({ runs: [{ ticks, fail: true, error: 'boom' }, { ticks }] });

describe('engine: submit and run', () => {
  it('submits RUNNING/EXECUTE with roots READY and every subtask PENDING/EXECUTE, runTime 1', () => {
    const { engine } = manualEngine();
    engine.submit(task('1', [sub('a'), sub('b', ['a']), sub('c')]), T0 + 1234);
    const t = engine.task('1', T0 + 1234);
    expect([t.status, t.operation]).toEqual(['RUNNING', 'EXECUTE']);
    expect(statuses(engine, '1')).toEqual({ a: 'READY', b: 'PENDING', c: 'READY' });
    expect(t.subtasks.every((s) => s.operation === 'EXECUTE' && s.runTime === 1 && s.startMs === undefined)).toBe(true);
    expect(t.createMs).toBe(T0 + 1000); // second precision, like OCP's column
    expect(t.startMs).toBe(T0 + 1234);
  });

  it('runs READY → RUNNING → SUCCESSFUL, promotes a downstream once all its upstreams succeeded', () => {
    const { engine, advance } = manualEngine();
    engine.submit(task('1', [sub('a', [], { runs: [{ ticks: 2 }] }), sub('b', [], { runs: [{ ticks: 4 }] }), sub('c', ['a', 'b'])]));
    advance();
    expect(statuses(engine, '1')).toEqual({ a: 'RUNNING', b: 'RUNNING', c: 'PENDING' });
    expect(byId(engine, '1', 'a').startMs).toBeDefined();
    advance(2);
    expect(statuses(engine, '1')).toEqual({ a: 'SUCCESSFUL', b: 'RUNNING', c: 'PENDING' });
    advance(2);
    expect(statuses(engine, '1')).toEqual({ a: 'SUCCESSFUL', b: 'SUCCESSFUL', c: 'READY' });
    advance();
    expect(byId(engine, '1', 'c').status).toBe('RUNNING');
    advance();
    const t = engine.task('1');
    expect(t.status).toBe('SUCCESSFUL');
    expect(t.finishMs).toBeGreaterThanOrEqual(byId(engine, '1', 'c').finishMs ?? Infinity);
    const c = byId(engine, '1', 'c');
    expect(c.startMs).toBeGreaterThanOrEqual(byId(engine, '1', 'b').finishMs ?? Infinity);
  });

  it('never runs more than 10 subtasks of a task at once', () => {
    const { engine, advance } = manualEngine();
    const fan = Array.from({ length: 25 }, (_, i) => sub(`p${i}`, ['root'], { parallelIdx: i, runs: [{ ticks: 3 }] }));
    engine.submit(
      task('1', [
        sub('root'),
        ...fan,
        sub(
          'join',
          fan.map((s) => s.id),
        ),
      ]),
    );
    let peak = 0;
    for (let i = 0; i < 40 && engine.task('1').status === 'RUNNING'; i++) {
      advance();
      peak = Math.max(peak, count(engine, '1', 'RUNNING'));
      if (i === 2) expect([count(engine, '1', 'RUNNING'), count(engine, '1', 'READY')]).toEqual([10, 15]);
    }
    expect(peak).toBe(10);
    expect(engine.task('1').status).toBe('SUCCESSFUL');
  });

  it('stops promoting after a failure and fails the task only once nothing is running', () => {
    const { engine, advance } = manualEngine();
    const fan = Array.from({ length: 12 }, (_, i) =>
      sub(`p${i}`, ['root'], { parallelIdx: i, ...(i === 0 ? failsOnce(1) : { runs: [{ ticks: 5 }] }) }),
    );
    engine.submit(
      task('1', [
        sub('root'),
        ...fan,
        sub(
          'join',
          fan.map((s) => s.id),
        ),
      ]),
    );
    advance(4); // root runs at tick 1 and ends at 2 (fan READY); 10 start at 3; p0 fails at 4
    expect(byId(engine, '1', 'p0').status).toBe('FAILED');
    expect(engine.task('1').status).toBe('RUNNING');
    advance(3); // the other nine end at tick 8
    expect(engine.task('1').status).toBe('RUNNING');
    advance(1);
    const t = engine.task('1');
    expect(t.status).toBe('FAILED');
    expect(t.finishMs).toBeDefined();
    // The two that were waiting for a slot never started; the join stays PENDING.
    expect([count(engine, '1', 'READY'), count(engine, '1', 'SUCCESSFUL'), byId(engine, '1', 'join').status]).toEqual([2, 10, 'PENDING']);
    advance(100);
    expect(engine.task('1').status).toBe('FAILED');
  });

  it('fails a run that goes past its timeout (seconds = ticks)', () => {
    const { engine, advance } = manualEngine(50);
    engine.submit(task('1', [sub('a', [], { timeout: 3, runs: [{ ticks: 10 }] })]));
    advance(4);
    expect(byId(engine, '1', 'a').status).toBe('RUNNING');
    advance(1);
    expect(byId(engine, '1', 'a').status).toBe('FAILED');
    expect(engine.task('1').status).toBe('FAILED');
    expect(engine.subtaskLog('1', 'a')).toContain('timed out');
  });

  it('counts prohibitRollback only once a prohibiting subtask has run, or from the template', () => {
    const { engine, advance } = manualEngine();
    engine.submit(task('1', [sub('a'), sub('b', ['a'], { prohibitRollback: true })]));
    expect(engine.task('1').prohibitRollback).toBe(false);
    advance(3);
    expect(engine.task('1').prohibitRollback).toBe(true);
    engine.submit(task('2', [sub('a')], { prohibitRollback: true }));
    expect(engine.task('2').prohibitRollback).toBe(true);
  });

  it('writes the subtask log: a header per run, lines every tick while it runs, the state line at the end', () => {
    const { engine, advance } = manualEngine();
    engine.submit(task('1', [sub('a', [], { runs: [{ ticks: 4 }] })]));
    expect(engine.subtaskLog('1', 'a')).toBe('');
    advance(1);
    const a = byId(engine, '1', 'a');
    const first = engine.subtaskLog('1', 'a').split('\n');
    expect(first[0]).toBe(`############{EXECUTE}{${formatOcpTime(a.startMs ?? 0)}}############`);
    advance(1);
    const second = engine.subtaskLog('1', 'a');
    expect(second.startsWith(first.join('\n'))).toBe(true); // it only grows
    expect(second.split('\n').length).toBeGreaterThan(first.length);
    advance(1);
    expect(engine.subtaskLog('1', 'a').split('\n').length).toBeGreaterThan(second.split('\n').length);
    advance(2);
    const done = engine.subtaskLog('1', 'a').split('\n');
    expect(done.at(-1)).toBe('Set state for subtask: a, operation:EXECUTE, state: SUCCESSFUL');
    expect(runHeaders(done.join('\n'))).toEqual(['EXECUTE']);
    // Every line between the framing lines is stamped, and time never goes back.
    const times = done.slice(1, -1).map((l) => /^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}) (INFO |WARN |ERROR)/.exec(l)?.[1]);
    expect(times.every(Boolean)).toBe(true);
    expect([...times].sort()).toEqual(times);
  });

  it('writes a failure as an ERROR line with its message (and trace), a retry as a run of its own', () => {
    const { engine, advance } = manualEngine();
    const trace = ['java.io.IOException: disk full', '\tat a.b.C.d(C.java:1)'];
    engine.submit(task('1', [sub('a', [], { runs: [{ ticks: 2, fail: true, error: 'boom', trace }, { ticks: 1 }] })]));
    advance(4);
    const failed = engine.subtaskLog('1', 'a').split('\n');
    expect(failed.slice(-4)).toEqual([
      expect.stringMatching(/ ERROR \[task-executor-\d+\] .* - Execute subtask a failed: boom$/),
      ...trace,
      'Set state for subtask: a, operation:EXECUTE, state: FAILED',
    ]);
    engine.retrySubtask('1', 'a');
    advance(3);
    const log = engine.subtaskLog('1', 'a');
    expect(runHeaders(log)).toEqual(['EXECUTE', 'RETRY']);
    expect(log.startsWith(failed.join('\n'))).toBe(true);
    expect(log.split('\n').at(-1)).toBe('Set state for subtask: a, operation:RETRY, state: SUCCESSFUL');
  });

  it('answers 404/20000 for an unknown task or subtask', () => {
    const { engine } = manualEngine();
    engine.submit(task('1', [sub('a')]));
    expect(refusal(() => engine.task('2'))).toMatchObject({ status: 404, code: 20000, message: 'The 2 task does not exist.' });
    expect(refusal(() => engine.subtaskLog('1', 'zz'))).toMatchObject({ status: 404, code: 20000 });
  });

  it('rejects malformed graphs', () => {
    const { engine } = manualEngine();
    expect(() => engine.submit(task('1', [sub('a', ['b']), sub('b', ['a'])]))).toThrow(/cycle/);
    expect(() => engine.submit(task('2', [sub('a', ['nope'])]))).toThrow(/bad upstream/);
    expect(() => engine.submit(task('3', [sub('a'), sub('a')]))).toThrow(/duplicate/);
  });

  it('behaves the same at any tick length: plans are counted in ticks', () => {
    const run = (tickMs: number) => {
      const { engine, advance } = manualEngine(tickMs);
      engine.submit(task('1', [sub('a', [], { runs: [{ ticks: 3 }] }), sub('b', ['a'], failsOnce(2)), sub('c', ['a'])]));
      const seen: string[] = [];
      for (let i = 0; i < 10; i++) {
        advance();
        seen.push(JSON.stringify(statuses(engine, '1')) + engine.task('1').status);
      }
      return seen;
    };
    expect(run(100)).toEqual(run(1000));
  });

  it('jumps over idle time, and caps how far back a running task replays', () => {
    const { engine, advanceMs } = manualEngine(1);
    engine.submit(task('1', [sub('a', [], { runs: [{ ticks: 5 }] }), sub('b', ['a'])]));
    engine.submit(task('2', [sub('a', [], { timeout: 0, runs: [{ ticks: 1e12 }] })]));
    advanceMs(365 * 24 * 3600_000); // a year of 1 ms ticks: 3e10 of them
    const started = performance.now();
    expect(engine.task('1').status).toBe('SUCCESSFUL');
    expect(engine.task('2').status).toBe('RUNNING');
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('engine: retry, skip, cancel', () => {
  function failed() {
    const kit = manualEngine();
    kit.engine.submit(
      task('1', [
        sub('a'),
        sub('b', ['a'], failsOnce(1)),
        sub('c', ['a'], { runs: [{ ticks: 3 }] }),
        sub('d', ['b', 'c']),
        sub('e', ['c']),
      ]),
    );
    kit.advance(10);
    return kit;
  }

  it('retries a FAILED task: FAILED subtasks READY/RETRY with runTime+1, held promotions resume', () => {
    const { engine, advance } = failed();
    expect(engine.task('1').status).toBe('FAILED');
    expect(byId(engine, '1', 'e').status).toBe('PENDING'); // c succeeded after b failed: e was held back
    const t = engine.retryTask('1');
    expect([t.status, t.operation, t.finishMs]).toEqual(['RUNNING', 'RETRY', undefined]);
    expect(byId(engine, '1', 'b')).toMatchObject({ status: 'READY', operation: 'RETRY', runTime: 2 });
    advance(6);
    expect(engine.task('1').status).toBe('SUCCESSFUL');
    expect(engine.subtaskLog('1', 'b')).toContain('############{RETRY}{');
  });

  it('refuses to retry a task that is not FAILED (20003)', () => {
    const { engine } = manualEngine();
    engine.submit(task('1', [sub('a')]));
    expect(refusal(() => engine.retryTask('1'))).toMatchObject({
      status: 400,
      code: 20003,
      message: 'This operation is not supported for the 1 task in the RUNNING state.',
    });
    expect(refusal(() => engine.retrySubtask('1', 'a'))).toMatchObject({ code: 20003 });
    expect(refusal(() => engine.skipSubtask('1', 'a'))).toMatchObject({ code: 20003 });
  });

  it('retries one subtask: task RUNNING with its operation unchanged', () => {
    const { engine, advance } = failed();
    engine.retrySubtask('1', 'b');
    expect([engine.task('1').status, engine.task('1').operation]).toEqual(['RUNNING', 'EXECUTE']);
    expect(byId(engine, '1', 'b')).toMatchObject({ status: 'READY', operation: 'RETRY', runTime: 2 });
    advance(6);
    expect(engine.task('1').status).toBe('SUCCESSFUL');
  });

  it('skips a FAILED subtask: READY/SKIP, then SUCCESSFUL, and the task carries on', () => {
    const { engine, advance } = failed();
    engine.skipSubtask('1', 'b');
    expect(byId(engine, '1', 'b')).toMatchObject({ status: 'READY', operation: 'SKIP' });
    advance();
    expect(byId(engine, '1', 'b')).toMatchObject({ status: 'SUCCESSFUL', operation: 'SKIP' });
    advance(5);
    expect(engine.task('1').status).toBe('SUCCESSFUL');
  });

  it('cancels a RUNNING subtask: CANCELING, then FAILED/CANCEL, and the task ends FAILED', () => {
    const { engine, advance } = manualEngine();
    const a = sub('a', [], { runs: [{ ticks: 20 }], cancelTicks: 3 });
    engine.submit(task('1', [a, sub('b', [], { runs: [{ ticks: 5 }] }), sub('c', ['a'])]));
    advance(2);
    expect(refusal(() => engine.cancelSubtask('1', 'c'))).toMatchObject({ code: 20003 });
    engine.cancelSubtask('1', 'a');
    expect(byId(engine, '1', 'a').status).toBe('CANCELING');
    advance(2);
    expect(byId(engine, '1', 'a').status).toBe('CANCELING');
    advance(1);
    expect(byId(engine, '1', 'a')).toMatchObject({ status: 'FAILED', operation: 'CANCEL' });
    expect(engine.task('1').status).toBe('RUNNING'); // b still runs
    advance(2);
    expect(engine.task('1').status).toBe('FAILED');
    expect(engine.subtaskLog('1', 'a')).toContain('Set state for subtask: a, operation:CANCEL, state: FAILED');
  });
});
