/**
 * A tiny stand-in for OCP's task endpoints behind `fetch`, for component tests of the operations: GET
 * answers the task as it is now; each POST is recorded and applies the operation's first step as the
 * engine does, then answers as `reply` says. Tests assert on `posts()`, counted where they arrive.
 */
import { vi } from 'vitest';
import type { SubtaskInstanceWire, TaskInstanceWire } from '../api/schemas';
import { errorEnvelope, jsonResponse, okEnvelope, requestUrl } from './fetchMock';

/** How a POST is answered: applied and 200, applied but 500, refused with 400, or held until `release()`. */
export type FakeReply = 'ok' | 'applied-500' | 'refuse-400' | 'hold';

function apply(task: TaskInstanceWire, path: string): TaskInstanceWire {
  const subtasks = task.subtasks ?? [];
  const sid = /\/subtasks\/([^/]+)\//.exec(path)?.[1];
  const edit = (f: (s: SubtaskInstanceWire) => SubtaskInstanceWire) => subtasks.map((s) => (String(s.id) === sid ? f(s) : s));
  const reopened = { ...task, status: 'RUNNING' as const, finishTime: undefined };
  if (path.endsWith('/rollback')) {
    const undo = subtasks.map((s) => (s.status === 'PENDING' ? s : { ...s, operation: 'ROLLBACK' as const }));
    return { ...reopened, operation: 'ROLLBACK', subtasks: undo };
  }
  if (sid === undefined && path.endsWith('/retry')) {
    const again = subtasks.map((s) =>
      s.status === 'FAILED' ? { ...s, status: 'READY' as const, operation: 'RETRY' as const, runTime: (s.runTime ?? 1) + 1 } : s,
    );
    return { ...reopened, operation: 'RETRY', subtasks: again };
  }
  if (path.endsWith('/retry'))
    return { ...reopened, subtasks: edit((s) => ({ ...s, status: 'READY', operation: 'RETRY', runTime: (s.runTime ?? 1) + 1 })) };
  if (path.endsWith('/skip')) {
    const op = task.operation === 'ROLLBACK' ? 'ROLLBACK_SKIP' : 'SKIP';
    return { ...reopened, subtasks: edit((s) => ({ ...s, status: 'READY', operation: op })) };
  }
  return { ...task, subtasks: edit((s) => ({ ...s, status: 'CANCELING' })) };
}

export function fakeOcp(initial: TaskInstanceWire) {
  let task = initial;
  let reply: FakeReply = 'ok';
  const held: Array<() => void> = [];
  const fetch = vi.fn<typeof globalThis.fetch>(async (input, init) => {
    const path = new URL(requestUrl(input), 'http://localhost').pathname;
    if (init?.method !== 'POST') return jsonResponse(okEnvelope(task));
    if (reply === 'refuse-400') return jsonResponse(errorEnvelope(400, `Task ${String(task.id)} can not rollback.`, 20004, 't400'), 400);
    if (reply === 'hold') await new Promise<void>((resolve) => held.push(resolve));
    task = apply(task, path);
    if (reply === 'applied-500') return jsonResponse(errorEnvelope(500, 'Internal server error', undefined, 't500'), 500);
    return jsonResponse(okEnvelope(path.endsWith('/rollback') ? task : undefined));
  });
  return {
    fetch,
    posts: () => fetch.mock.calls.filter(([, init]) => init?.method === 'POST').map(([input]) => requestUrl(input)),
    gets: () => fetch.mock.calls.filter(([, init]) => init?.method !== 'POST').length,
    answer(next: FakeReply) {
      reply = next;
    },
    /** Lets held POSTs through. */
    release() {
      for (const go of held.splice(0)) go();
    },
    get task() {
      return task;
    },
  };
}

/** The Web Locks API as browsers implement it for one origin: exclusive, queued per name. */
export function installFakeLocks() {
  const chains = new Map<string, Promise<unknown>>();
  const locks = {
    request(name: string, _options: unknown, callback: () => Promise<unknown>) {
      const run = (chains.get(name) ?? Promise.resolve()).then(() => callback());
      chains.set(
        name,
        run.catch(() => undefined),
      );
      return run;
    },
  };
  Object.defineProperty(navigator, 'locks', { value: locks, configurable: true });
  return () => Reflect.deleteProperty(navigator, 'locks');
}
