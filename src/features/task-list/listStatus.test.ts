import { describe, expect, it } from 'vitest';
import { TASK_OPERATIONS, TASK_STATUSES } from '../../api/schemas';
import { LIST_STATUSES, listStatusOf, narrowPage, OCP_STATUS, ocpStatuses, type ListStatus } from './listStatus';

const task = (id: number, status: (typeof TASK_STATUSES)[number], operation: (typeof TASK_OPERATIONS)[number] = 'EXECUTE') => ({
  id,
  status,
  operation,
});

describe('the list’s status choices', () => {
  it('split each OCP status by whether the task is a rollback, as the badges word it', () => {
    expect(listStatusOf(task(1, 'RUNNING'))).toBe('RUNNING');
    expect(listStatusOf(task(1, 'RUNNING', 'RETRY'))).toBe('RUNNING'); // "Retrying" on its badge: still running
    expect(listStatusOf(task(1, 'RUNNING', 'ROLLBACK'))).toBe('ROLLING_BACK');
    expect(listStatusOf(task(1, 'FAILED'))).toBe('FAILED');
    expect(listStatusOf(task(1, 'FAILED', 'RETRY'))).toBe('FAILED');
    expect(listStatusOf(task(1, 'FAILED', 'ROLLBACK'))).toBe('ROLLBACK_FAILED');
    expect(listStatusOf(task(1, 'SUCCESSFUL'))).toBe('SUCCESSFUL');
    expect(listStatusOf(task(1, 'SUCCESSFUL', 'ROLLBACK'))).toBe('ROLLED_BACK');
  });

  it('every task falls under exactly one choice, which OCP’s filter for that choice returns', () => {
    for (const status of TASK_STATUSES) {
      for (const operation of TASK_OPERATIONS) {
        const choice = listStatusOf(task(1, status, operation));
        expect(LIST_STATUSES).toContain(choice);
        expect(OCP_STATUS[choice], `${status} ${operation}`).toBe(status);
      }
    }
  });

  it('ask OCP for each raw status once, in OCP’s order', () => {
    expect(ocpStatuses([])).toEqual([]);
    expect(ocpStatuses(['ROLLED_BACK'])).toEqual(['SUCCESSFUL']);
    expect(ocpStatuses(['ROLLBACK_FAILED'])).toEqual(['FAILED']);
    expect(ocpStatuses(['ROLLING_BACK'])).toEqual(['RUNNING']);
    expect(ocpStatuses(['SUCCESSFUL', 'ROLLED_BACK'])).toEqual(['SUCCESSFUL']);
    expect(ocpStatuses(['ROLLED_BACK', 'FAILED', 'RUNNING', 'ROLLBACK_FAILED'])).toEqual(['RUNNING', 'FAILED', 'SUCCESSFUL']);
  });
});

describe('narrowing a page', () => {
  const page = [
    task(1, 'SUCCESSFUL'),
    task(2, 'SUCCESSFUL', 'ROLLBACK'),
    task(3, 'FAILED', 'ROLLBACK'),
    task(4, 'FAILED'),
    task(5, 'RUNNING', 'ROLLBACK'),
    task(6, 'RUNNING', 'RETRY'),
  ];
  const ids = (chosen: ListStatus[]) => narrowPage(page, chosen).shown.map((t) => t.id);

  it('keeps every row when nothing is chosen, or both halves of a status are', () => {
    expect(narrowPage(page, [])).toEqual({ shown: page, hidden: 0 });
    expect(narrowPage(page, [...LIST_STATUSES])).toEqual({ shown: page, hidden: 0 });
  });

  it('keeps only what matches and counts the rest, never dropping it silently', () => {
    expect(ids(['SUCCESSFUL'])).toEqual([1]); // "Successful" is not "Rolled back"
    expect(ids(['ROLLED_BACK'])).toEqual([2]);
    expect(ids(['FAILED'])).toEqual([4]);
    expect(ids(['ROLLBACK_FAILED'])).toEqual([3]);
    expect(ids(['ROLLING_BACK'])).toEqual([5]);
    expect(ids(['RUNNING'])).toEqual([6]);
    expect(ids(['ROLLED_BACK', 'ROLLBACK_FAILED'])).toEqual([2, 3]);
    expect(narrowPage(page, ['ROLLED_BACK']).hidden).toBe(5);
  });
});
