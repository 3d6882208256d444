import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { errorEnvelope, jsonResponse, okEnvelope } from '../test/fetchMock';
import { wireSubtasks, wireTask } from '../test/taskFixtures';
import { ApiError } from './errors';
import { parseLargeReply, type ReplyParseRequest, type ReplyParseResponse } from './replyParse';
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
  static broken = false;
  onmessage: ((event: MessageEvent<ReplyParseResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  postMessage(request: ReplyParseRequest) {
    FakeWorker.posted.push(request);
    setTimeout(() => {
      if (FakeWorker.broken) {
        this.onerror?.(new ErrorEvent('error', { message: 'failed to load' }));
        return;
      }
      const parsed = parseLargeReply(request.bytes, request.schema);
      const data: ReplyParseResponse = parsed ? { id: request.id, data: structuredClone(parsed.data) } : { id: request.id, fallback: true };
      this.onmessage?.(new MessageEvent('message', { data }));
    });
  }
  terminate() {}
}

describe('request with a reply worker', () => {
  beforeEach(() => {
    FakeWorker.posted = [];
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
