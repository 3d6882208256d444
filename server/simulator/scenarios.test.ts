// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { TaskInstance, TaskPage, type TaskInstance as Task } from '../../src/api/schemas.ts';
import { createEngine, findUndoOrderViolation, type Engine } from './engine.ts';
import { generateLayeredTask } from './generate.ts';
import { installScenarios, SCENARIO_IDS, SCENARIOS, type ScenarioKey } from './scenarios.ts';
import { T0 } from './testkit.ts';
import { taskToBasicWire, taskToWire, toOcpJson } from './wire.ts';

function world(tickMs = 1000) {
  let now = T0;
  const engine: Engine = createEngine({ now: () => now, tickMs });
  installScenarios(engine, now);
  return {
    engine,
    advance: (ticks: number) => void (now += ticks * tickMs),
    parsed: (key: ScenarioKey): Task => TaskInstance.parse(JSON.parse(toOcpJson(taskToWire(engine.task(SCENARIO_IDS[key]))))),
  };
}

const counts = (t: Task) => {
  const c: Record<string, number> = {};
  for (const s of t.subtasks) c[`${s.status}/${s.operation}`] = (c[`${s.status}/${s.operation}`] ?? 0) + 1;
  return c;
};

const OCP_DATE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?\+08:00$/;

/** Times in the order things happen, as OCP records them. */
function expectConsistentTimes(t: Task): void {
  const ms = (iso: string | undefined) => (iso === undefined ? undefined : Date.parse(iso));
  const [created, started, finished] = [ms(t.createTime), ms(t.startTime), ms(t.finishTime)];
  expect(created).toBeDefined();
  expect(started).toBeGreaterThanOrEqual(created ?? 0);
  expect(finished === undefined).toBe(t.status === 'RUNNING');
  if (finished !== undefined) expect(finished).toBeGreaterThanOrEqual(started ?? 0);
  const byId = new Map(t.subtasks.map((s) => [s.id, s]));
  for (const s of t.subtasks) {
    for (const iso of [s.createTime, s.startTime, s.finishTime]) if (iso) expect(iso).toMatch(OCP_DATE);
    const [ss, sf] = [ms(s.startTime), ms(s.finishTime)];
    if (s.status === 'PENDING' && s.operation === 'EXECUTE') expect([ss, sf]).toEqual([undefined, undefined]);
    if (s.status === 'RUNNING' || s.status === 'CANCELING') expect([ss !== undefined, sf]).toEqual([true, undefined]);
    if (s.status === 'SUCCESSFUL' || s.status === 'FAILED') expect(ss !== undefined && sf !== undefined).toBe(true);
    if (ss !== undefined) expect(ss).toBeGreaterThanOrEqual(started ?? 0);
    if (ss !== undefined && sf !== undefined) expect(sf).toBeGreaterThanOrEqual(ss);
    if (sf !== undefined && finished !== undefined) expect(sf).toBeLessThanOrEqual(finished);
    if (s.status === 'SUCCESSFUL' && s.operation === 'EXECUTE') {
      for (const u of s.upstreams) expect(ss).toBeGreaterThanOrEqual(ms(byId.get(u)?.finishTime) ?? Infinity);
    }
  }
}

describe('scenarios', { timeout: 30_000 }, () => {
  it('have unique ids, and every one parses with the shared schemas in the state it promises', () => {
    const { engine, parsed } = world();
    expect(new Set(SCENARIOS.map((s) => s.id)).size).toBe(SCENARIOS.length);
    const expected: Record<ScenarioKey, [string, string]> = {
      sample: ['SUCCESSFUL', 'EXECUTE'],
      'failed-fanout': ['FAILED', 'EXECUTE'],
      prohibited: ['FAILED', 'EXECUTE'],
      running: ['RUNNING', 'EXECUTE'],
      'rollback-fails': ['FAILED', 'EXECUTE'],
      'rolled-back': ['SUCCESSFUL', 'ROLLBACK'],
      canceling: ['RUNNING', 'EXECUTE'],
      hostile: ['FAILED', 'EXECUTE'],
      large: ['FAILED', 'EXECUTE'],
      'huge-log': ['FAILED', 'EXECUTE'],
      'big-id': ['SUCCESSFUL', 'EXECUTE'],
      'scale-100-failed': ['FAILED', 'EXECUTE'],
      'scale-100-running': ['RUNNING', 'EXECUTE'],
      'scale-1000-failed': ['FAILED', 'EXECUTE'],
      'scale-1000-running': ['RUNNING', 'EXECUTE'],
      'scale-5000-failed': ['FAILED', 'EXECUTE'],
      'scale-5000-running': ['RUNNING', 'EXECUTE'],
    };
    for (const { key } of SCENARIOS) {
      const t = parsed(key);
      expect([t.status, t.operation], key).toEqual(expected[key]);
      expectConsistentTimes(t);
    }
    const wirePage = { contents: engine.tasks().map(taskToBasicWire), page: { number: 1, size: 20, totalElements: 16, totalPages: 1 } };
    const page = TaskPage.parse(JSON.parse(toOcpJson(wirePage)));
    expect(page.contents).toHaveLength(SCENARIOS.length);
  });

  it('sample: the vendor page task, to the field', () => {
    const { engine } = world();
    const data: unknown = JSON.parse(toOcpJson(taskToWire(engine.task('35000312'))));
    type Row = [id: number, seriesId: number, name: string, timeout: number, up: number[], down: number[], start: string, finish: string];
    const s = (...[id, seriesId, name, timeout, up, down, start, finish]: Row) => ({
      createTime: '2021-08-25T15:09:31+08:00',
      description: name,
      downstreams: down,
      executor: 'xxx.xxx.xxx.xxx',
      finishTime: `2021-08-25T15:09:${finish}+08:00`,
      id,
      name,
      nodeType: 'JAVA_TASK',
      operation: 'EXECUTE',
      parallelIdx: -1,
      prohibitRollback: false,
      runTime: 1,
      seriesId,
      startTime: `2021-08-25T15:09:${start}+08:00`,
      status: 'SUCCESSFUL',
      timeout,
      upstreams: up,
    });
    expect(data).toStrictEqual({
      createTime: '2021-08-25T15:09:31+08:00',
      creator: { id: 100, name: 'admin' },
      executor: 'xxx.xxx.xxx.xxx',
      finishTime: '2021-08-25T15:09:54.067+08:00',
      id: 35000312,
      name: 'Reinstall OCP agent',
      operation: 'EXECUTE',
      prohibitRollback: false,
      startTime: '2021-08-25T15:09:31.74+08:00',
      status: 'SUCCESSFUL',
      subtasks: [
        s(13000336, 0, 'Install ocp agent', 5400, [13000333], [13000334], '36.821', '52.182'),
        s(13000334, 1, 'Finish reinstalling OCP agent', 60, [13000336], [], '53.062', '53.252'),
        s(13000333, 2, 'Uninstall ocp agent', 1800, [13000335], [13000336], '33.732', '35.626'),
        s(13000335, 3, 'Prepare reinstalling OCP agent', 60, [], [13000333], '32.688', '33.082'),
      ],
      taskDefinitionId: -1,
      type: 'MANUAL',
    });
  });

  it('failed-fanout: one parallel branch FAILED, later subtasks PENDING; its rollback succeeds in reverse order', () => {
    const { engine, advance, parsed } = world();
    const t = parsed('failed-fanout');
    expect(t.name).toBe('Add zone zone3 to cluster obcluster-prod');
    expect(t.cluster?.name).toBe('obcluster-prod');
    expect(t.tenant).toBeDefined();
    const parallel = t.subtasks.filter((s) => s.parallelIdx >= 0);
    expect(parallel.map((s) => s.parallelIdx)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(parallel.filter((s) => s.status === 'FAILED')).toHaveLength(1);
    expect(parallel.every((s) => s.name.startsWith('Install OBServer on 10.0.0.'))).toBe(true);
    expect(counts(t)).toMatchObject({ 'FAILED/EXECUTE': 1, 'PENDING/EXECUTE': 5 });
    engine.rollback(t.id);
    advance(30);
    const after = parsed('failed-fanout');
    expect([after.status, after.operation]).toEqual(['SUCCESSFUL', 'ROLLBACK']);
    expect(findUndoOrderViolation(engine.task(t.id), engine.undoOrder(t.id))).toBeNull();
    expectConsistentTimes(after);
  });

  it('prohibited: FAILED, prohibitRollback because a prohibiting subtask ran; rollback → 20004', () => {
    const { engine, parsed } = world();
    const t = parsed('prohibited');
    expect(t.prohibitRollback).toBe(true);
    expect(t.subtasks.some((s) => s.prohibitRollback && s.status === 'SUCCESSFUL')).toBe(true);
    expect(() => engine.rollback(t.id)).toThrow('Task 1002 can not rollback.');
  });

  it('running: live from reset, several status changes, SUCCESSFUL after 40 s or more', () => {
    const { advance, parsed } = world();
    let last = JSON.stringify(counts(parsed('running')));
    let changes = 0;
    let seconds = 0;
    while (parsed('running').status === 'RUNNING' && seconds < 300) {
      advance(1);
      seconds++;
      const now = JSON.stringify(counts(parsed('running')));
      if (now !== last) changes++;
      last = now;
      if (seconds % 10 === 0) expectConsistentTimes(parsed('running'));
    }
    expect(parsed('running').status).toBe('SUCCESSFUL');
    expect(seconds).toBeGreaterThanOrEqual(40);
    expect(changes).toBeGreaterThanOrEqual(10);
  });

  it('rollback-fails: its rollback ends FAILED/ROLLBACK with one rollback step FAILED', () => {
    const { engine, advance, parsed } = world();
    engine.rollback(SCENARIO_IDS['rollback-fails']);
    advance(30);
    const t = parsed('rollback-fails');
    expect([t.status, t.operation]).toEqual(['FAILED', 'ROLLBACK']);
    expect(counts(t)['FAILED/ROLLBACK']).toBe(1);
    expectConsistentTimes(t);
  });

  it('rolled-back: SUCCESSFUL/ROLLBACK, every subtask PENDING/ROLLBACK', () => {
    const t = world().parsed('rolled-back');
    expect(counts(t)).toEqual({ 'PENDING/ROLLBACK': t.subtasks.length });
  });

  it('canceling: a CANCELING subtask and READY ones; it ends FAILED/CANCEL and the task FAILED', () => {
    const { advance, parsed } = world();
    const c = counts(parsed('canceling'));
    expect(c['CANCELING/EXECUTE']).toBe(1);
    expect(c['READY/EXECUTE']).toBeGreaterThan(0);
    expect(c['RUNNING/EXECUTE']).toBeGreaterThan(0);
    advance(120);
    const t = parsed('canceling');
    expect(t.status).toBe('FAILED');
    expect(counts(t)['FAILED/CANCEL']).toBe(1);
  });

  it('hostile: script and img tags in names and descriptions', () => {
    const t = world().parsed('hostile');
    const text = [t.name, ...t.subtasks.flatMap((s) => [s.name, s.description])].join(' ');
    expect(t.name).toContain('<script>window.__xss=1</script>');
    expect(text).toContain('<img src=x onerror="window.__xss=1">');
    expect(t.subtasks.some((s) => s.description !== s.name && s.description.includes('<'))).toBe(true);
  });

  it('big-id: ids above 2^53 go on the wire as strings', () => {
    const { engine, parsed } = world();
    const json = toOcpJson(taskToWire(engine.task(SCENARIO_IDS['big-id'])));
    expect(json).toContain('"id":"9007199254740993"');
    expect(json).toContain('"upstreams":["9007199254740995"]');
    expect(parsed('big-id').subtasks.map((s) => s.id)).toEqual(['9007199254740995', '9007199254740997', '9007199254740999']);
  });

  it('large: 2,000 subtasks in host fan-outs, FAILED, parallelIdx on siblings', () => {
    const t = world().parsed('large');
    expect(t.subtasks).toHaveLength(2000);
    expect(t.subtasks.filter((s) => s.parallelIdx === 199).length).toBeGreaterThanOrEqual(8);
    expect(counts(t)['FAILED/EXECUTE']).toBe(1);
  });

  it('scale-5000-running is as busy as OCP at full parallelism: 10 running, 10–30 status changes a second', () => {
    const { advance, parsed } = world();
    const statuses = () => new Map(parsed('scale-5000-running').subtasks.map((s) => [s.id, s.status]));
    advance(5);
    for (let second = 0; second < 5; second++) {
      const before = statuses();
      advance(1);
      const after = statuses();
      const changed = [...after].filter(([id, status]) => before.get(id) !== status).length;
      expect([...after.values()].filter((s) => s === 'RUNNING')).toHaveLength(10);
      expect(changed).toBeGreaterThanOrEqual(10);
      expect(changed).toBeLessThanOrEqual(30);
    }
  });

  it('scale scenarios: the sizes asked for; the RUNNING ones still change after several minutes', () => {
    const { engine, advance, parsed } = world();
    const sizes: [ScenarioKey, number][] = [
      ['scale-100-running', 100],
      ['scale-1000-failed', 1000],
      ['scale-5000-running', 5000],
    ];
    for (const [key, n] of sizes) expect(parsed(key).subtasks, key).toHaveLength(n);
    const before = JSON.stringify(counts(parsed('scale-5000-running')));
    advance(240);
    for (const key of ['scale-100-running', 'scale-1000-running', 'scale-5000-running'] as const) {
      const snap = JSON.stringify(counts(parsed(key)));
      advance(10);
      expect(parsed(key).status, key).toBe('RUNNING');
      expect(JSON.stringify(counts(parsed(key))), key).not.toBe(snap);
    }
    expect(JSON.stringify(counts(parsed('scale-5000-running')))).not.toBe(before);
    expectConsistentTimes(parsed('scale-5000-running'));

    const started = performance.now();
    const json = toOcpJson(taskToWire(engine.task(SCENARIO_IDS['scale-5000-failed'])));
    expect(performance.now() - started).toBeLessThan(500); // ~20 ms here; generous against a busy machine
    expect(json.length).toBeGreaterThan(1_000_000);
  });

  it('reset restores every scenario relative to the reset time', () => {
    const a = world();
    const b = world();
    a.engine.rollback(SCENARIO_IDS['failed-fanout']);
    a.advance(100);
    const again = createEngine({ now: () => T0 + 100_000, tickMs: 1000 });
    installScenarios(again);
    for (const key of ['running', 'canceling', 'failed-fanout'] as const) {
      const fresh = TaskInstance.parse(JSON.parse(toOcpJson(taskToWire(again.task(SCENARIO_IDS[key])))));
      const original = TaskInstance.parse(JSON.parse(toOcpJson(taskToWire(b.engine.task(SCENARIO_IDS[key])))));
      expect(fresh.status).toBe(original.status);
      expect(fresh.subtasks.map((s) => s.status)).toEqual(original.subtasks.map((s) => s.status));
    }
  });
});

describe('generateLayeredTask', () => {
  it('is deterministic, ~40 wide with ~1.5 edges per subtask, with parallel groups sharing up- and downstreams', () => {
    const spec = generateLayeredTask({ id: '1', size: 1000, seed: 7, state: 'FAILED' });
    expect(generateLayeredTask({ id: '1', size: 1000, seed: 7, state: 'FAILED' })).toEqual(spec);
    expect(spec.subtasks).toHaveLength(1000);
    const edges = spec.subtasks.reduce((n, s) => n + (s.upstreams?.length ?? 0), 0);
    expect(edges / spec.subtasks.length).toBeGreaterThan(1.2);
    expect(edges / spec.subtasks.length).toBeLessThan(2);
    const downs = new Map<string, string[]>();
    for (const s of spec.subtasks) for (const u of s.upstreams ?? []) downs.set(u, [...(downs.get(u) ?? []), s.id]);
    const groups = new Map<string, typeof spec.subtasks>();
    for (const s of spec.subtasks) {
      if ((s.parallelIdx ?? -1) < 0) continue;
      const key = `${s.upstreams?.join()}→${downs.get(s.id)?.join()}`;
      groups.set(key, [...(groups.get(key) ?? []), s]);
    }
    expect(groups.size).toBeGreaterThan(5);
    for (const g of groups.values()) expect(g.map((s) => s.parallelIdx)).toEqual(g.map((_, i) => i));
    expect(spec.subtasks.filter((s) => s.runs?.[0]?.fail)).toHaveLength(1);
  });
});
