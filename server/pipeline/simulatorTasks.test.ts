import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSimulator } from '../simulator/simulator.ts';
import { taskToWire, toOcpJson } from '../simulator/wire.ts';
import { startConsole } from '../start.ts';
import { ORIGIN, SAME_ORIGIN_POST, startTestConsole, type TestConsole } from './testkit.ts';

const FIXTURE = readFileSync(new URL('../../e2e/fixtures/failed-upgrade-task.json', import.meta.url));
const T = '/api/v2/tasks/instances';

/** The simulator's own 5,000-subtask FAILED task as OCP replies it (about 2 MB), under another id. */
function largeFile(): Buffer {
  const sim = createSimulator({ env: {} });
  const data = toOcpJson(taskToWire(sim.engine.task('9150'))).replace('"id":9150,"name"', '"id":889150,"name"');
  return Buffer.from(`{"data":${data},"status":200,"successful":true}`);
}

describe('POST /__simulator/tasks through the console’s pipeline', () => {
  let c: TestConsole;
  beforeAll(async () => {
    c = await startTestConsole({ SIM_TICK_MS: '600000' });
  });
  afterAll(() => c.close());
  beforeEach(async () => {
    await c.app.inject({ method: 'POST', url: '/__simulator/reset', headers: SAME_ORIGIN_POST, payload: { dropUploads: true } });
  });

  const upload = (payload: Buffer | string, headers: Record<string, string> = {}) =>
    c.app.inject({
      method: 'POST',
      url: '/__simulator/tasks',
      headers: { ...SAME_ORIGIN_POST, 'content-type': 'application/json', ...headers },
      payload,
    });

  it('takes a task file past the 1 MB JSON limit, byte for byte, and OCP’s API then serves it', async () => {
    const file = largeFile();
    expect(file.byteLength).toBeGreaterThan(1_500_000);
    const res = await upload(file);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ id: '889150', name: expect.any(String) as unknown, subtasks: 5000, replaced: false });
    const task = await c.app.inject({ method: 'GET', url: `${T}/889150` });
    expect(task.json()).toMatchObject({ successful: true, data: { id: 889150, status: 'FAILED' } });
    const list = await c.app.inject({ method: 'GET', url: '/__simulator/scenarios' });
    expect(list.json<{ key: string }[]>().at(-1)).toMatchObject({ key: 'file:889150' });
  });

  it('takes any content type (a saved file is often sent as octet-stream), answers 201, then replaced on a second POST', async () => {
    expect((await upload(FIXTURE, { 'content-type': 'application/octet-stream' })).json()).toMatchObject({
      id: '7300218',
      replaced: false,
    });
    expect((await upload(FIXTURE, { 'content-type': 'text/plain' })).json()).toMatchObject({ id: '7300218', replaced: true });
  });

  it('keeps uploads across a reset; a retry through the API moves the engine', async () => {
    await upload(FIXTURE);
    await c.app.inject({ method: 'POST', url: '/__simulator/reset', headers: SAME_ORIGIN_POST, payload: {} });
    const retry = await c.app.inject({ method: 'POST', url: `${T}/7300218/subtasks/9007199254740995/retry`, headers: SAME_ORIGIN_POST });
    expect(retry.statusCode, retry.body).toBe(200);
    expect((await c.app.inject({ method: 'GET', url: `${T}/7300218` })).json()).toMatchObject({ data: { status: 'RUNNING' } });
  });

  it.each([
    ['another origin', { origin: 'http://evil.example' }],
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['no custom header', { 'x-ocp-console': '' }],
  ])('refuses %s with 403 and installs nothing', async (_name, headers) => {
    const res = await upload(FIXTURE, headers);
    expect(res.statusCode).toBe(403);
    expect(res.headers['x-ocp-console-error']).toBe('cross-site');
    expect((await c.app.inject({ method: 'GET', url: `${T}/7300218` })).statusCode).toBe(404);
  });

  it('passes the simulator’s worded 400 and 409 through', async () => {
    const bad = await upload(
      '{"data":{"id":5,"name":"x","status":"FAILED","operation":"EXECUTE","subtasks":[{"id":1,"name":"a","status":"DONE","operation":"EXECUTE"}]},"status":200,"successful":true}',
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({
      error: expect.stringMatching(/^data\.subtasks\.0\.status \(subtask 1\): expected one of PENDING, .+, got "DONE"\./) as unknown,
      field: 'data.subtasks.0.status',
      subtaskId: '1',
    });
    const builtIn = await upload(FIXTURE.toString('utf8').replace('"id":7300218,"name"', '"id":1001,"name"'));
    expect(builtIn.statusCode).toBe(409);
    expect(builtIn.json<{ error: string }>().error).toContain('built-in scenario "failed-fanout"');
  });

  it('an empty body is an empty file, not a parser error', async () => {
    const res = await c.app.inject({ method: 'POST', url: '/__simulator/tasks', headers: SAME_ORIGIN_POST });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: string }>().error).toMatch(/^The file is empty/);
  });

  it('still reads the other controls’ JSON bodies (the raw route is scoped to /__simulator/tasks)', async () => {
    const res = await c.app.inject({
      method: 'POST',
      url: '/__simulator/reset',
      headers: { ...SAME_ORIGIN_POST, origin: ORIGIN },
      payload: { tickMs: 'x' },
    });
    expect(res.statusCode).toBe(400);
  });
});

describe('SIM_TASKS_DIR with `serve` in simulator mode', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'serve-tasks-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('installs the folder’s tasks at start and names them in the banner', async () => {
    writeFileSync(join(dir, 'upgrade.json'), FIXTURE);
    const c = await startTestConsole({ SIM_TASKS_DIR: dir });
    try {
      expect((await c.app.inject({ method: 'GET', url: `${T}/7300218` })).json()).toMatchObject({ data: { status: 'FAILED' } });
      expect(c.describe()).toContain(`saved tasks: 1 from SIM_TASKS_DIR (${dir})`);
    } finally {
      await c.close();
    }
  });

  it('does not start with a bad file, and says which', async () => {
    writeFileSync(join(dir, 'zz-cut.json'), FIXTURE.subarray(0, 500));
    await expect(startConsole({ env: { SIM_TASKS_DIR: dir, LOG_LEVEL: 'silent' }, handOff: true })).rejects.toThrow(
      /^SIM_TASKS_DIR: .*zz-cut\.json: The file is not JSON/,
    );
  });
});
