import { describe, expect, it } from 'vitest';
import { TaskPage, type BasicTaskInstanceWire } from './schemas';
import { LIST_POLL_INTERVAL_MS, listPollInterval } from './taskInstances';

const pageOf = (...statuses: BasicTaskInstanceWire['status'][]) =>
  TaskPage.parse({
    contents: statuses.map((status, i) => ({ id: i + 1, name: `t${i}`, status, operation: 'EXECUTE' })),
    page: { number: 1, size: 20, totalElements: statuses.length, totalPages: 1 },
  });

describe('listPollInterval', () => {
  it('polls every 5 s while a task on the page is running', () => {
    expect(listPollInterval(pageOf('FAILED', 'RUNNING'))).toBe(LIST_POLL_INTERVAL_MS);
    expect(LIST_POLL_INTERVAL_MS).toBe(5_000);
  });

  it('does not poll when nothing on the page can change, or before the first reply', () => {
    expect(listPollInterval(pageOf('FAILED', 'SUCCESSFUL'))).toBe(false);
    expect(listPollInterval(pageOf())).toBe(false);
    expect(listPollInterval(undefined)).toBe(false);
  });
});
