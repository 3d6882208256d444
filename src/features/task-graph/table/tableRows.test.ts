import { describe, expect, it } from 'vitest';
import { generateSubtasks } from '../fixtures';
import { pageCount, pageOf, TABLE_PAGE_SIZE, tableRows } from './tableRows';

describe('tableRows', () => {
  const subtasks = generateSubtasks({ count: 250 });

  it('lists every subtask in flow order when nothing is searched or filtered', () => {
    expect(tableRows(subtasks, null, [])).toBe(subtasks);
  });

  it('narrows to the search hits and the picked statuses, both at once', () => {
    const failed = subtasks.filter((s) => s.status === 'FAILED');
    expect(failed.length).toBeGreaterThan(0);
    expect(tableRows(subtasks, null, ['FAILED'])).toEqual(failed);
    const hits = new Set([subtasks[3]!.id, failed[0]!.id]);
    expect(tableRows(subtasks, hits, []).map((s) => s.id)).toEqual(subtasks.filter((s) => hits.has(s.id)).map((s) => s.id));
    expect(tableRows(subtasks, hits, ['FAILED']).map((s) => s.id)).toEqual([failed[0]!.id]);
  });

  it('finds the page that holds a subtask', () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(250)).toBe(3);
    expect(pageOf(subtasks, subtasks[0]!.id)).toBe(1);
    expect(pageOf(subtasks, subtasks[TABLE_PAGE_SIZE]!.id)).toBe(2);
    expect(pageOf(subtasks, 'nope')).toBeNull();
    expect(pageOf(subtasks, null)).toBeNull();
  });
});
