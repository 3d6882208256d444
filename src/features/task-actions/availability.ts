/**
 * Where OCP accepts each operation (reference, "Endpoints" and "The state machine"), and, where it does
 * not, the reason in words. Pure; the buttons read it, so nothing is offered that OCP would refuse.
 */
import i18next from 'i18next';
import type { SubtaskInstance, TaskInstance } from '../../api/schemas';
import { subtaskDisplayMeta, subtaskDisplayStatus } from '../../components/subtaskStatus';

export type TaskActionKind = 'rollback' | 'retryTask';
export type SubtaskActionKind = 'retrySubtask' | 'skipSubtask' | 'stopSubtask';
export type ActionKind = TaskActionKind | SubtaskActionKind;

export type Availability = { allowed: true } | { allowed: false; reason: string };

const t = (key: string, values?: Record<string, unknown>) => i18next.t(`actions:reason.${key}`, values);
const no = (reason: string): Availability => ({ allowed: false, reason });
const YES: Availability = { allowed: true };

/** Without its subtasks a reply says nothing about what an operation would touch: never act on a guess. */
function reachUnknown(task: TaskInstance): Availability | null {
  return task.subtasksListed ? null : no(t('reachUnknown'));
}

/** Names of the subtasks that ran and forbid rollback. */
function prohibitingSubtasks(task: TaskInstance): string {
  const names = task.subtasks.filter((s) => s.prohibitRollback && s.status !== 'PENDING').map((s) => `${s.name} (${s.id})`);
  if (names.length === 0) return '';
  const shown = names.slice(0, 3).join(', ');
  if (names.length > 3) return t('prohibitedByMore', { names: shown, more: names.length - 3 });
  return t('prohibitedBy', { count: names.length, names: shown });
}

/** Why a task that is not FAILED cannot take a task-level operation. */
function notFailed(task: TaskInstance): Availability {
  const rollback = task.operation === 'ROLLBACK';
  if (task.status === 'RUNNING') return no(t(rollback ? 'taskRollingBack' : 'taskRunning'));
  return no(t(rollback ? 'taskRolledBack' : 'taskSucceeded'));
}

/** `POST /rollback`: a FAILED task that does not prohibit it, including one whose rollback failed (roll back again). */
export function rollbackAvailability(task: TaskInstance): Availability {
  if (task.status !== 'FAILED') return notFailed(task);
  if (task.prohibitRollback) return no(t('rollbackProhibited', { by: prohibitingSubtasks(task) }));
  return reachUnknown(task) ?? YES;
}

/** `POST /retry` (task): FAILED, and not a failed rollback (OCP answers 20003 then). */
export function retryTaskAvailability(task: TaskInstance): Availability {
  if (task.status !== 'FAILED') return notFailed(task);
  if (task.operation === 'ROLLBACK') return no(t('retryAfterRollback'));
  return reachUnknown(task) ?? YES;
}

const statusWord = (s: SubtaskInstance) => subtaskDisplayMeta(subtaskDisplayStatus(s)).label;

/** `POST /subtasks/{sid}/retry`: the subtask FAILED and it is not a rollback step. */
export function retrySubtaskAvailability(task: TaskInstance, s: SubtaskInstance): Availability {
  if (s.status !== 'FAILED') return no(t('retryNotFailed', { status: statusWord(s) }));
  if (s.operation === 'ROLLBACK' || task.operation === 'ROLLBACK') return no(t('retryRollbackStep'));
  return reachUnknown(task) ?? YES;
}

/** `POST /subtasks/{sid}/skip`: the subtask FAILED; during a rollback it skips the undo (ROLLBACK_SKIP). */
export function skipSubtaskAvailability(task: TaskInstance, s: SubtaskInstance): Availability {
  if (s.status !== 'FAILED') return no(t('skipNotFailed', { status: statusWord(s) }));
  return reachUnknown(task) ?? YES;
}

/** `POST /subtasks/{sid}/cancel`: the subtask RUNNING. */
export function stopSubtaskAvailability(_task: TaskInstance, s: SubtaskInstance): Availability {
  if (s.status === 'CANCELING') return no(t('alreadyStopping'));
  if (s.status !== 'RUNNING') return no(t('stopNotRunning', { status: statusWord(s) }));
  return YES;
}

/** A skip during a rollback leaves the subtask as it is and lets the undo go on: OCP's ROLLBACK_SKIP. */
export function isRollbackSkip(task: TaskInstance): boolean {
  return task.operation === 'ROLLBACK';
}
