import i18next from 'i18next';
import type { SubtaskInstance, TaskInstance } from '../../api/schemas';
import { SUBTASK_STATUS_META } from '../../components/status';
import { subtaskDisplayMeta } from '../../components/subtaskStatus';

export interface ProgressSegment {
  key: string;
  label: string;
  count: number;
  color: string;
}

export interface TaskProgress {
  total: number;
  successful: number;
  /** "5/12 successful · 1 failed"; for a rollback "0/12 successful · 9 rolled back", never reading as a success. */
  text: string;
  /** Non-empty segments for a stacked bar, in reading order; what never ran is the empty track. */
  segments: ProgressSegment[];
}

const count = (subtasks: readonly SubtaskInstance[], pred: (s: SubtaskInstance) => boolean) =>
  subtasks.reduce((n, s) => (pred(s) ? n + 1 : n), 0);
const t = (key: string, values?: Record<string, unknown>) => i18next.t(`detail:progress.${key}`, values);

/**
 * Progress of a task by subtask status. During and after a rollback, subtasks that were undone are
 * PENDING again with operation ROLLBACK: they count as "rolled back", not as not-yet-run. A reply
 * without its subtasks says so instead of "0/0".
 */
export function taskProgress(task: TaskInstance): TaskProgress {
  const { subtasks } = task;
  if (!task.subtasksListed) return { total: 0, successful: 0, text: t('unknown'), segments: [] };
  const by = (status: SubtaskInstance['status']) => count(subtasks, (s) => s.status === status);
  const total = subtasks.length;
  const successful = by('SUCCESSFUL');
  const failed = by('FAILED');
  const running = by('RUNNING');
  const canceling = by('CANCELING');
  const ready = by('READY');
  const rollback = task.operation === 'ROLLBACK';
  const rolledBack = rollback ? count(subtasks, (s) => s.status === 'PENDING' && s.operation === 'ROLLBACK') : 0;
  const skipped = rollback ? count(subtasks, (s) => s.status === 'PENDING' && s.operation === 'ROLLBACK_SKIP') : 0;

  const parts = [t('successful', { successful, total })];
  if (rollback) parts.push(t('rolledBack', { count: rolledBack }));
  if (skipped > 0) parts.push(t('skipped', { count: skipped }));
  if (rollback && task.status === 'RUNNING') parts.push(t('toRollBack', { count: total - by('PENDING') }));
  if (failed > 0) parts.push(t('failed', { count: failed }));
  if (!rollback && running + canceling > 0) parts.push(t('running', { count: running + canceling }));

  const meta = SUBTASK_STATUS_META;
  const undone = subtaskDisplayMeta('ROLLED_BACK');
  const segments: ProgressSegment[] = [
    { key: 'SUCCESSFUL', label: meta.SUCCESSFUL.label, count: successful, color: meta.SUCCESSFUL.color },
    { key: 'ROLLED_BACK', label: undone.label, count: rolledBack + skipped, color: undone.color },
    { key: 'FAILED', label: meta.FAILED.label, count: failed, color: meta.FAILED.color },
    { key: 'CANCELING', label: meta.CANCELING.label, count: canceling, color: meta.CANCELING.color },
    { key: 'RUNNING', label: meta.RUNNING.label, count: running, color: meta.RUNNING.color },
    { key: 'READY', label: meta.READY.label, count: ready, color: meta.READY.color },
  ].filter((s) => s.count > 0);

  return { total, successful, text: parts.join(' · '), segments };
}
