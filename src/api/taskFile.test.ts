import { describe, expect, it } from 'vitest';
import type { TaskInstanceWire } from './schemas';
import { MAX_TASK_FILE_BYTES, readTaskFileBytes, readTaskFileText } from './taskFile';

const task: TaskInstanceWire = {
  id: 35000312,
  name: 'Reinstall OCP agent',
  status: 'FAILED',
  operation: 'EXECUTE',
  subtasks: [
    { id: 13000335, seriesId: 0, name: 'Prepare', status: 'SUCCESSFUL', operation: 'EXECUTE', downstreams: [13000333] },
    { id: 13000333, seriesId: 1, name: 'Uninstall', status: 'FAILED', operation: 'EXECUTE', upstreams: [13000335] },
  ],
};
const reply = { data: task, status: 200, successful: true, traceId: 'a1b2' };

const problemOf = (text: string) => {
  const r = readTaskFileText(text);
  if (r.ok) throw new Error('expected a problem');
  return r.problem;
};

describe('readTaskFile', () => {
  it("reads an OCP reply (the console's export) and keeps the task object as the file holds it", () => {
    const r = readTaskFileText(JSON.stringify(reply));
    expect(r.ok && { id: r.task.id, ids: r.task.subtasks.map((s) => s.id), reply: r.reply, wire: r.wire }).toEqual({
      id: '35000312',
      ids: ['13000335', '13000333'],
      reply: true,
      wire: task,
    });
  });

  it('reads the task object alone, and bytes with a BOM', () => {
    const bytes = new TextEncoder().encode(`\uFEFF${JSON.stringify(task)}`);
    const r = readTaskFileBytes(bytes);
    expect(r.ok && r.reply).toBe(false);
    expect(r.ok && r.task.name).toBe('Reinstall OCP agent');
  });

  it('names the field that breaks the contract, under data. for a reply', () => {
    const broken = { ...reply, data: { ...task, subtasks: [{ ...task.subtasks?.[0], status: 'DONE' }] } };
    const p = problemOf(JSON.stringify(broken));
    expect(p.kind).toBe('invalid');
    if (p.kind !== 'invalid') return;
    expect(p.root).toBe('data');
    expect(p.error.issues[0]?.path).toEqual(['subtasks', 0, 'status']);
  });

  it('tells an error reply, a list page, a task without subtasks and other JSON apart', () => {
    expect(problemOf(JSON.stringify({ status: 404, successful: false, error: { code: 20000, message: 'Task not found' } }))).toEqual({
      kind: 'error-reply',
      status: 404,
      code: 20000,
      message: 'Task not found',
    });
    expect(problemOf(JSON.stringify({ ...reply, data: { contents: [], page: { number: 1 } } })).kind).toBe('task-list');
    const { subtasks: _dropped, ...bare } = task;
    expect(problemOf(JSON.stringify({ ...reply, data: bare }))).toEqual({ kind: 'no-subtasks', field: 'data.subtasks' });
    expect(problemOf(JSON.stringify({ name: 'package.json', version: '1.0.0' })).kind).toBe('not-a-task');
    expect(problemOf('[1, 2]').kind).toBe('not-a-task');
  });

  it('refuses empty, non-JSON and oversized files before parsing them', () => {
    expect(problemOf('  \n').kind).toBe('empty');
    const notJson = problemOf('{"id": 1,');
    expect(notJson.kind === 'not-json' && notJson.detail.length > 0).toBe(true);
    const tooLarge = readTaskFileBytes(new Uint8Array(MAX_TASK_FILE_BYTES + 1));
    expect(!tooLarge.ok && tooLarge.problem.kind).toBe('too-large');
  });
});
