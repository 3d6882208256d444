import type { BasicTaskInstanceWire, TaskPageWire } from '../api/schemas';

/** A task as the list endpoint sends it, FAILED by default. */
export function basicTask(id: number, over: Partial<BasicTaskInstanceWire> = {}): BasicTaskInstanceWire {
  return {
    id,
    name: `Task number ${id}`,
    creator: { id: 1, name: 'admin' },
    status: 'FAILED',
    type: 'MANUAL',
    operation: 'EXECUTE',
    createTime: '2024-05-01T10:00:00.000+08:00',
    startTime: '2024-05-01T10:00:01.000+08:00',
    ...over,
  };
}

/** One page of the list endpoint holding `contents`. */
export function taskPage(contents: BasicTaskInstanceWire[], page = 1, size = 20, totalElements = contents.length): TaskPageWire {
  return { contents, page: { number: page, size, totalElements, totalPages: Math.ceil(totalElements / size) } };
}
