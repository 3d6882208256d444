import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { errorEnvelope, jsonResponse, okEnvelope } from '../test/fetchMock';
import { wireSubtasks, wireTask } from '../test/taskFixtures';
import { ApiError } from './errors';
import { createReplyParser, parseLargeReply, type ReplyParseRequest, type ReplyParseResponse } from './replyParse';
import { TaskInstance } from './schemas';

/** A task reply above the worker threshold (256 KB): 1,500 subtasks. */
function largeTask() {
  const specs = Array.from({ length: 1500 }, (_, i) => ({ id: i + 1, status: 'SUCCESSFUL' as const, ups: i ? [i] : [] }));
  return wireTask({ status: 'SUCCESSFUL', subtasks: wireSubtasks(specs) });
}

const bytesOf = (body: unknown) => new TextEncoder().encode(JSON.stringify(body));

describe('parseLargeReply (what the worker runs)', () => {
  it('gives the same data as parsing on the main thread', () => {
    const wire = largeTask();
    const parsed = parseLargeReply(bytesOf(okEnvelope(wire)), 'TaskInstance');
    expect(parsed?.data).toEqual(TaskInstance.parse(wire));
  });

  it('leaves every other reply to the main thread: error envelope, not JSON, off the contract', () => {
    expect(parseLargeReply(bytesOf(errorEnvelope(500, 'boom')), 'TaskInstance')).toBeNull();
    expect(parseLargeReply(new TextEncoder().encode('<html>proxy error</html>'), 'TaskInstance')).toBeNull();
    expect(parseLargeReply(bytesOf(okEnvelope({ ...largeTask(), status: 'EXPLODED' })), 'TaskInstance')).toBeNull();
  });
});

/**
 * A Worker stand-in that runs the real parse (as reply.worker.ts does) on a later turn, or fails to
 * load. Installed before the client is imported, as the client decides at load whether workers exist.
 */
class FakeWorker {
  static posted: ReplyParseRequest[] = [];
  static answered: ReplyParseResponse[] = [];
  static broken = false;
  parse = createReplyParser();
  onmessage: ((event: MessageEvent<ReplyParseResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  postMessage(request: ReplyParseRequest) {
    FakeWorker.posted.push(request);
    setTimeout(() => {
      if (FakeWorker.broken) {
        this.onerror?.(new ErrorEvent('error', { message: 'failed to load' }));
        return;
      }
      const data = structuredClone(this.parse(request));
      FakeWorker.answered.push(data);
      this.onmessage?.(new MessageEvent('message', { data }));
    });
  }
  terminate() {}
}

describe('request with a reply worker', () => {
  beforeEach(() => {
    FakeWorker.posted = [];
    FakeWorker.answered = [];
    FakeWorker.broken = false;
    vi.resetModules();
    vi.stubGlobal('Worker', FakeWorker);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  const load = async () => ({
    ...(await import('./taskInstance')),
    ...(await import('./rawReply')),
    errors: await import('./errors'),
  });

  it('parses a large task in the worker and keeps its bytes for "Task as JSON"', async () => {
    const { fetchTaskInstance, rawReplyOf } = await load();
    const wire = largeTask();
    const sent = JSON.stringify(okEnvelope(wire));
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(sent, { status: 200 }));
    const task = await fetchTaskInstance('1001');
    expect(FakeWorker.posted).toHaveLength(1);
    expect(task).toEqual(TaskInstance.parse(wire));
    expect(new TextDecoder().decode(rawReplyOf(task))).toBe(sent);
  });

  it('sends a polled task with only the subtasks that changed, and keeps the objects of the others', async () => {
    const { fetchTaskInstance } = await load();
    const first = largeTask();
    const second = largeTask();
    second.subtasks![3]!.status = 'RUNNING';
    const replies = [first, second, second];
    vi.spyOn(globalThis, 'fetch').mockImplementation(() => Promise.resolve(jsonResponse(okEnvelope(replies.shift()))));
    const one = await fetchTaskInstance('1001');
    const two = await fetchTaskInstance('1001');
    expect(two).toEqual(TaskInstance.parse(second));
    expect(two.subtasks[3]).not.toBe(one.subtasks[3]);
    expect(two.subtasks.filter((s, i) => s === one.subtasks[i])).toHaveLength(1499);
    // What crossed to the main thread: the changed subtask, the others as their index in the task held.
    const sent = (FakeWorker.answered[1]!.data as { subtasks: unknown[] }).subtasks;
    expect(sent.filter((s) => typeof s === 'object')).toHaveLength(1);
    expect(sent[5]).toBe(5);
    // The page's copy is what the worker compares against: the third answer is sent against the second.
    expect(await fetchTaskInstance('1001')).toEqual(two);
    expect(FakeWorker.answered[2]).toMatchObject({ base: FakeWorker.answered[1]!.id });
  });

  it('sends the task whole when the page holds another answer than the worker last sent', () => {
    const parse = createReplyParser();
    const bytes = bytesOf(okEnvelope(largeTask()));
    expect(parse({ id: 1, bytes, schema: 'TaskInstance', base: 0 })).toMatchObject({ base: 0 });
    expect(parse({ id: 2, bytes, schema: 'TaskInstance', base: 1 })).toMatchObject({ base: 1 });
    // Answer 2 was lost on the way (the page still holds 1): the next must not be sent against 2.
    const whole = parse({ id: 3, bytes, schema: 'TaskInstance', base: 1 });
    expect(whole).toMatchObject({ base: 0 });
    expect((whole as { data: TaskInstance }).data).toEqual(TaskInstance.parse(largeTask()));
  });

  it('parses a small task on the main thread', async () => {
    const { fetchTaskInstance } = await load();
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(jsonResponse(okEnvelope(wireTask())));
    expect((await fetchTaskInstance('1001')).id).toBe('1001');
    expect(FakeWorker.posted).toHaveLength(0);
  });

  it('words a large reply off the contract on the main thread, naming the field', async () => {
    const { fetchTaskInstance, errors } = await load();
    const wire = largeTask();
    wire.subtasks![700]!.status = 'EXPLODED' as never;
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(jsonResponse(okEnvelope(wire)));
    const error = await fetchTaskInstance('1001').catch((e: unknown) => e);
    expect(FakeWorker.posted).toHaveLength(1);
    expect(error).toBeInstanceOf(errors.ApiError);
    expect((error as ApiError).field).toBe('data.subtasks.700.status');
  });

  it('falls back to the main thread when the worker cannot load, and stops trying it', async () => {
    FakeWorker.broken = true;
    const { fetchTaskInstance } = await load();
    const wire = largeTask();
    vi.spyOn(globalThis, 'fetch').mockImplementation(() => Promise.resolve(jsonResponse(okEnvelope(wire))));
    expect(await fetchTaskInstance('1001')).toEqual(TaskInstance.parse(wire));
    expect(await fetchTaskInstance('1001')).toEqual(TaskInstance.parse(wire));
    expect(FakeWorker.posted).toHaveLength(1);
  });
});
