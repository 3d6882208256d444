// @vitest-environment node
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TaskInstance, type TaskInstance as Task } from '../../src/api/schemas.ts';
import { readSavedTask, SavedTaskError } from './savedTasks.ts';
import { SCENARIO_IDS } from './scenarios.ts';
import { createSimulator, type Simulator } from './simulator.ts';
import { manualEngine, sub, task } from './testkit.ts';
import { taskToWire, toOcpJson } from './wire.ts';

const FIXTURE = readFileSync(new URL('../../e2e/fixtures/failed-upgrade-task.json', import.meta.url));
const FIXTURE_ID = '7300218';
const FAILED_SUB = '9007199254740995';
const bytes = (value: unknown) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));

/** After every time in the files below, as a real clock is (a saved task's ticks count from its createTime). */
const NOW = Date.parse('2026-03-01T10:00:00+08:00');

function world(env: Record<string, string> = {}) {
  let now = NOW;
  const sim = createSimulator({ now: () => now, env });
  return {
    sim,
    advance: (ticks: number) => void (now += ticks * sim.engine.tickMs),
    get: (id: string): Task => TaskInstance.parse(JSON.parse(toOcpJson(taskToWire(sim.engine.task(id))))),
    /** OCP's reply for a task, as the console's "Task as JSON" saves it. */
    reply: (id: string) => `{"data":${toOcpJson(taskToWire(sim.engine.task(id)))},"status":200,"successful":true}`,
  };
}

/** What a file says about each subtask, times as instants (offsets may differ), edges as sets. */
function essence(t: Task) {
  const ms = (iso: string | undefined) => (iso === undefined ? undefined : Date.parse(iso));
  return t.subtasks.map((s) => ({
    ...s,
    createTime: undefined,
    startTime: ms(s.startTime),
    finishTime: ms(s.finishTime),
    upstreams: [...s.upstreams].sort(),
    downstreams: [...s.downstreams].sort(),
  }));
}

const fileTask = (text: Uint8Array | string): Task => {
  const value = JSON.parse(typeof text === 'string' ? text : new TextDecoder().decode(text)) as { data?: unknown };
  return TaskInstance.parse(value.data ?? value);
};

function refusal(fn: () => unknown): SavedTaskError {
  try {
    fn();
  } catch (e) {
    if (e instanceof SavedTaskError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

/** A small FAILED task as a bare task object (no envelope), edges as given. */
function small(subtasks: Record<string, unknown>[], extra: Record<string, unknown> = {}) {
  return {
    id: 880001,
    name: 'Small saved task',
    status: 'FAILED',
    operation: 'EXECUTE',
    createTime: '2025-01-02T03:04:05.6+08:00',
    startTime: '2025-01-02T03:04:06+08:00',
    finishTime: '2025-01-02T03:09:00+08:00',
    subtasks,
    ...extra,
  };
}
const done = {
  status: 'SUCCESSFUL',
  operation: 'EXECUTE',
  startTime: '2025-01-02T03:04:07+08:00',
  finishTime: '2025-01-02T03:05:00+08:00',
};
const failed = { status: 'FAILED', operation: 'EXECUTE', startTime: '2025-01-02T03:05:01+08:00', finishTime: '2025-01-02T03:08:59+08:00' };
const pending = { status: 'PENDING', operation: 'EXECUTE' };

describe('a saved task installed in the simulator', () => {
  it('answers GET with the file’s ids, statuses, edges and times, in the file’s order, and is listed', () => {
    const { sim, get } = world();
    expect(sim.upload(readSavedTask(FIXTURE))).toEqual({ replaced: false });
    const back = get(FIXTURE_ID);
    const file = fileTask(FIXTURE);
    expect(essence(back)).toEqual(essence(file));
    expect({ ...back, subtasks: [] }).toEqual({ ...file, subtasks: [] });
    const wireIds = (text: string) => (JSON.parse(text) as { subtasks: { id: unknown }[] }).subtasks.map((s) => s.id);
    const fileData = JSON.stringify((JSON.parse(new TextDecoder().decode(FIXTURE)) as { data: unknown }).data);
    expect(wireIds(toOcpJson(taskToWire(sim.engine.task(FIXTURE_ID))))).toEqual(wireIds(fileData));
    expect(sim.engine.tasks().map((t) => t.spec.id)).toContain(FIXTURE_ID);
    expect(sim.scenarios().at(-1)).toEqual({
      id: FIXTURE_ID,
      key: `file:${FIXTURE_ID}`,
      title: expect.stringContaining('uploaded with POST /__simulator/tasks') as unknown,
    });
  });

  it.each([
    ['failed-fanout', '1001'],
    ['large (READY subtasks in a FAILED task)', '1008'],
    ['rolled back', '1005'],
    ['sample', '35000312'],
  ])('round-trips the simulator’s own %s task, saved as OCP replies it, under another id', (_name, id) => {
    const source = world();
    const text = source.reply(id).replace(`"id":${id},"name"`, `"id":77${id.slice(-4)},"name"`);
    const { sim, get } = world();
    const saved = readSavedTask(bytes(text));
    sim.upload(saved);
    expect(essence(get(saved.spec.id))).toEqual(essence(fileTask(text)));
  });

  it('retries the failed subtask and the engine runs the rest to SUCCESSFUL; the log is synthesised', () => {
    const { sim, get, advance } = world();
    sim.upload(readSavedTask(FIXTURE));
    expect(sim.engine.subtaskLog(FIXTURE_ID, FAILED_SUB)).toMatch(
      /Set state for subtask: 9007199254740995, operation:RETRY, state: FAILED$/,
    );
    sim.engine.retrySubtask(FIXTURE_ID, FAILED_SUB);
    expect(get(FIXTURE_ID).status).toBe('RUNNING');
    advance(10);
    const after = get(FIXTURE_ID);
    expect(after.status).toBe('SUCCESSFUL');
    expect(after.subtasks.every((s) => s.status === 'SUCCESSFUL')).toBe(true);
    expect(after.subtasks.find((s) => s.id === FAILED_SUB)?.runTime).toBe(3);
  });

  it('rolls back (everything that ran undone) and skips, as the reference allows', () => {
    const a = world();
    a.sim.upload(readSavedTask(FIXTURE));
    a.sim.engine.rollback(FIXTURE_ID);
    a.advance(20);
    expect(a.get(FIXTURE_ID)).toMatchObject({ status: 'SUCCESSFUL', operation: 'ROLLBACK' });
    expect(a.get(FIXTURE_ID).subtasks.every((s) => s.status === 'PENDING')).toBe(true);

    const b = world();
    b.sim.upload(readSavedTask(FIXTURE));
    b.sim.engine.skipSubtask(FIXTURE_ID, FAILED_SUB);
    b.advance(10);
    expect(b.get(FIXTURE_ID).status).toBe('SUCCESSFUL');
  });

  it('a task saved with its rollback failed resumes the rollback once the failed step is skipped', () => {
    const source = world();
    source.sim.engine.rollback(SCENARIO_IDS['rollback-fails']);
    source.advance(60);
    const text = source.reply(SCENARIO_IDS['rollback-fails']).replace('"id":1004,"name"', '"id":881004,"name"');
    expect(fileTask(text)).toMatchObject({ status: 'FAILED', operation: 'ROLLBACK' });
    const { sim, get, advance } = world();
    sim.upload(readSavedTask(bytes(text)));
    const stuck = fileTask(text).subtasks.find((s) => s.status === 'FAILED');
    sim.engine.skipSubtask('881004', stuck?.id ?? '');
    advance(60);
    expect(get('881004')).toMatchObject({ status: 'SUCCESSFUL', operation: 'ROLLBACK' });
    expect(get('881004').subtasks.every((s) => s.status === 'PENDING')).toBe(true);
  });

  it('a rollback stopped on one branch while another went on resumes all of it after the skip', () => {
    // r(1) → a(2) (fails late), r → b1(3) → b2(4). Rolling back: a's step fails at once, b2's finishes after it, so b1
    // is waiting to be undone when the rollback stops FAILED: the restored task must know that.
    const m = manualEngine();
    const spec = task('882001', [
      sub('1'),
      sub('2', ['1'], { runs: [{ ticks: 5, fail: true }], rollbackRuns: [{ ticks: 1, fail: true }] }),
      sub('3', ['1']),
      sub('4', ['3'], { rollbackRuns: [{ ticks: 3 }] }),
    ]);
    m.engine.submit(spec);
    m.advance(20);
    m.engine.rollback('882001');
    m.advance(20);
    const saved = toOcpJson(taskToWire(m.engine.task('882001')));
    expect(JSON.parse(saved)).toMatchObject({ status: 'FAILED', operation: 'ROLLBACK' });
    const { sim, get, advance } = world();
    sim.upload(readSavedTask(bytes(saved)));
    expect(get('882001').subtasks.map((s) => `${s.status}/${s.operation}`)).toEqual([
      'SUCCESSFUL/ROLLBACK',
      'FAILED/ROLLBACK',
      'SUCCESSFUL/ROLLBACK',
      'PENDING/ROLLBACK',
    ]);
    sim.engine.skipSubtask('882001', '2');
    advance(20);
    expect(get('882001')).toMatchObject({ status: 'SUCCESSFUL', operation: 'ROLLBACK' });
  });

  it('takes edges listed one way only, ids above 2^53, unknown node types and missing optional fields', () => {
    const { sim, get } = world();
    const task = small([
      { id: '9223372036854775001', name: 'first', nodeType: 'PYTHON_TASK_V9', downstreams: ['9223372036854775002'], ...done },
      { id: '9223372036854775002', name: 'second', ...failed },
      { id: 5, name: 'third', upstreams: ['9223372036854775002'], ...pending },
    ]);
    sim.upload(readSavedTask(bytes(task)));
    const back = get('880001');
    // Without seriesIds the file's order stands in for them, as the engine numbers its own.
    const [first, second, third] = back.subtasks;
    expect(first).toMatchObject({
      id: '9223372036854775001',
      seriesId: 0,
      nodeType: 'PYTHON_TASK_V9',
      downstreams: ['9223372036854775002'],
    });
    expect(second).toMatchObject({ id: '9223372036854775002', upstreams: ['9223372036854775001'], downstreams: ['5'], runTime: 1 });
    expect(third).toMatchObject({ id: '5', name: 'third', description: 'third', upstreams: ['9223372036854775002'] });
    const wire = JSON.parse(toOcpJson(taskToWire(sim.engine.task('880001')))) as { subtasks: { id: unknown }[] };
    expect(wire.subtasks.map((s) => s.id)).toEqual(['9223372036854775001', '9223372036854775002', 5]);
    sim.engine.retrySubtask('880001', '9223372036854775002');
  });

  it('replaces an earlier upload of the same id, and refuses a built-in scenario’s id with 409', () => {
    const { sim, get } = world();
    sim.upload(readSavedTask(bytes(small([{ id: 1, name: 'old', ...failed }]))));
    expect(sim.upload(readSavedTask(bytes(small([{ id: 2, name: 'new', ...failed }]))))).toEqual({ replaced: true });
    expect(get('880001').subtasks.map((s) => s.name)).toEqual(['new']);
    expect(sim.scenarios().filter((s) => s.id === '880001')).toHaveLength(1);

    const e = refusal(() => sim.upload(readSavedTask(bytes(small([{ id: 1, name: 'x', ...failed }], { id: 1001 })))));
    expect(e.status).toBe(409);
    expect(e.message).toContain('built-in scenario "failed-fanout"');
  });

  it('survives a reset in its saved state; reset with dropUploads forgets it', () => {
    const { sim, get, advance } = world();
    sim.upload(readSavedTask(FIXTURE));
    sim.engine.retrySubtask(FIXTURE_ID, FAILED_SUB);
    advance(10);
    sim.reset();
    expect(get(FIXTURE_ID).status).toBe('FAILED');
    expect(essence(get(FIXTURE_ID))).toEqual(essence(fileTask(FIXTURE)));
    sim.reset({}, { dropUploads: true });
    expect(() => sim.engine.task(FIXTURE_ID)).toThrow();
    expect(sim.scenarios().some((s) => s.key.startsWith('file:'))).toBe(false);
  });
});

describe('a file the simulator cannot hold is refused with a worded 400', () => {
  const cases: [string, unknown, RegExp, { field?: string; subtaskId?: string }?][] = [
    ['an empty file', '  ', /^The file is empty/],
    ['not JSON', '{"data":', /^The file is not JSON \(.+\)\. Save the task again/],
    [
      'an error reply',
      { successful: false, status: 404, error: { code: 20000, message: 'The 9 task does not exist.' } },
      /OCP error reply \(HTTP 404, code 20000: The 9 task does not exist\.\)/,
    ],
    [
      'a list page',
      { successful: true, status: 200, data: { contents: [], page: { number: 1, size: 10, totalElements: 0, totalPages: 0 } } },
      /page of the task list/,
    ],
    [
      'a list entry without subtasks',
      { id: 1, status: 'FAILED', name: 'x', operation: 'EXECUTE' },
      /^The task has no subtasks/,
      { field: 'subtasks' },
    ],
    [
      'a bad status',
      {
        successful: true,
        status: 200,
        data: small([
          { id: 1, name: 'a', ...done },
          { id: 2010007, name: 'b', ...failed, status: 'DONE' },
        ]),
      },
      /^data\.subtasks\.1\.status \(subtask 2010007\): expected one of PENDING, READY, RUNNING, CANCELING, FAILED, SUCCESSFUL, got "DONE"\. Fix the field/,
      { field: 'data.subtasks.1.status', subtaskId: '2010007' },
    ],
    ['a missing name', small([{ id: 3, ...failed }]), /^subtasks\.0\.name \(subtask 3\): expected string, but it is missing/],
    [
      'a RUNNING task',
      small([{ id: 1, name: 'a', ...done }], { status: 'RUNNING' }),
      /^Task 880001 is RUNNING: the simulator replays finished tasks only .+ Save the task again once OCP has ended it/,
    ],
    [
      'a RUNNING subtask in a FAILED task',
      small([{ id: 4, name: 'a', ...failed, status: 'RUNNING' }]),
      /^Subtask 4 is RUNNING in a FAILED task/,
      { subtaskId: '4' },
    ],
    [
      'an upstream not in the file',
      small([{ id: 1, name: 'a', upstreams: [99], ...failed }]),
      /^Subtask 1 lists upstream 99, which is not among task 880001's 1 subtasks/,
      { subtaskId: '1' },
    ],
    ['a downstream not in the file', small([{ id: 1, name: 'a', downstreams: [98], ...failed }]), /^Subtask 1 lists downstream 98/],
    [
      'a cycle',
      small([
        { id: 1, name: 'a', ...failed },
        { id: 2, name: 'b', upstreams: [1, 4], ...pending },
        { id: 3, name: 'c', upstreams: [2], ...pending },
        { id: 4, name: 'd', upstreams: [3], ...pending },
      ]),
      /^Subtasks (2 → 3 → 4 → 2|3 → 4 → 2 → 3|4 → 2 → 3 → 4) form a cycle/,
    ],
    [
      'a duplicate subtask id',
      small([
        { id: 1, name: 'a', ...failed },
        { id: 1, name: 'b', ...pending },
      ]),
      /^Subtask id 1 appears twice/,
    ],
  ];
  it.each(cases)('%s', (_name, file, message, where) => {
    const e = refusal(() => readSavedTask(bytes(file)));
    expect(e.status).toBe(400);
    expect(e.message).toMatch(message);
    if (where) expect(e.where).toMatchObject(where);
  });
});

describe('SIM_TASKS_DIR', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const folder = (files: Record<string, string | Uint8Array>) => {
    dir = mkdtempSync(join(tmpdir(), 'sim-tasks-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return dir;
  };

  it('installs every *.json at start and on every reset, listed with its file name; other files are ignored', () => {
    const { sim, get } = world({
      SIM_TASKS_DIR: folder({
        'upgrade.json': FIXTURE,
        'small.json': JSON.stringify(small([{ id: 1, name: 'a', ...failed }])),
        'notes.txt': 'not a task',
      }),
    });
    expect(get(FIXTURE_ID).status).toBe('FAILED');
    expect(sim.scenarios().filter((s) => s.key.startsWith('file:'))).toEqual([
      { id: '880001', key: 'file:880001', title: expect.stringContaining('from SIM_TASKS_DIR (small.json)') as unknown },
      { id: FIXTURE_ID, key: `file:${FIXTURE_ID}`, title: expect.stringContaining('from SIM_TASKS_DIR (upgrade.json)') as unknown },
    ]);
    sim.engine.rollback('880001');
    sim.reset({}, { dropUploads: true });
    expect(get('880001')).toMatchObject({ status: 'FAILED', operation: 'EXECUTE' });
  });

  it.each([
    ['a bad file', { 'good.json': FIXTURE, 'bad.json': '{"id":' }, /^SIM_TASKS_DIR: .*bad\.json: The file is not JSON/],
    [
      'a built-in id',
      { 'a.json': JSON.stringify(small([{ id: 1, name: 'a', ...failed }], { id: 1003 })) },
      /a\.json: task id 1003 is the built-in scenario "running"/,
    ],
    ['two files with one id', { 'a.json': FIXTURE, 'b.json': FIXTURE }, /b\.json and a\.json both hold task 7300218/],
  ])('stops start-up on %s, naming the file', (_name, files, message) => {
    expect(() => world({ SIM_TASKS_DIR: folder(files) })).toThrow(message);
  });

  it('stops start-up on a folder that does not exist', () => {
    dir = join(tmpdir(), 'sim-tasks-missing-folder');
    expect(() => world({ SIM_TASKS_DIR: dir })).toThrow(/SIM_TASKS_DIR=.*sim-tasks-missing-folder: cannot read the folder/);
  });
});

export type { Simulator };
