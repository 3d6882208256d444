import { TASK_STATUSES, type TaskOperation, type TaskStatus } from '../../api/schemas';
import { taskDisplayStatus } from '../../components/status';

/**
 * The list's status choices: OCP's three task statuses, each split in two by whether the task is a
 * rollback, as the badges word them (taskDisplayStatus). "Successful" is a success that was not undone.
 */
export const LIST_STATUSES = ['RUNNING', 'ROLLING_BACK', 'FAILED', 'ROLLBACK_FAILED', 'SUCCESSFUL', 'ROLLED_BACK'] as const;
export type ListStatus = (typeof LIST_STATUSES)[number];

/** OCP's list filters on the raw status only: each choice is asked for as this, then narrowed here. */
export const OCP_STATUS: Record<ListStatus, TaskStatus> = {
  RUNNING: 'RUNNING',
  ROLLING_BACK: 'RUNNING',
  FAILED: 'FAILED',
  ROLLBACK_FAILED: 'FAILED',
  SUCCESSFUL: 'SUCCESSFUL',
  ROLLED_BACK: 'SUCCESSFUL',
};

type StatusFields = { status: TaskStatus; operation: TaskOperation };

/** The choice a task falls under: its badge's status, with a retry that runs counted as Running. */
export function listStatusOf(task: StatusFields): ListStatus {
  const display = taskDisplayStatus(task);
  return display === 'RETRYING' ? 'RUNNING' : display;
}

/** The `status` filter OCP is sent for these choices: each raw status once, in OCP's order. */
export function ocpStatuses(chosen: readonly ListStatus[]): TaskStatus[] {
  const wanted = new Set(chosen.map((s) => OCP_STATUS[s]));
  return TASK_STATUSES.filter((s) => wanted.has(s));
}

/**
 * The rows of one page that match the choices (all of them when nothing is chosen), and how many OCP
 * sent that do not: its filter can only be as narrow as the raw status, so the rest is done here and
 * the page must say so.
 */
export function narrowPage<T extends StatusFields>(tasks: readonly T[], chosen: readonly ListStatus[]): { shown: T[]; hidden: number } {
  if (chosen.length === 0) return { shown: [...tasks], hidden: 0 };
  const shown = tasks.filter((t) => chosen.includes(listStatusOf(t)));
  return { shown, hidden: tasks.length - shown.length };
}
