import {
  IconAlertTriangle,
  IconCheck,
  IconClockPause,
  IconHandStop,
  IconLoader2,
  IconPlayerPlay,
  IconRotate2,
  type Icon,
} from '@tabler/icons-react';
import i18next from 'i18next';
import type { SubtaskStatus, TaskOperation, TaskStatus } from '../api/schemas';

export interface StatusMeta {
  /** Catalog key of the status's name (namespace `common`). */
  labelKey: string;
  /** The name in the language on screen; components read it under `useTranslation` so it follows a switch. */
  readonly label: string;
  /** Solid colour for fills, borders and the legend; each of the six is distinct, and every use also shows the label or icon. */
  color: string;
  /** Light tint for node backgrounds. */
  tint: string;
  icon: Icon;
}

function meta(labelKey: string, color: string, tint: string, icon: Icon): StatusMeta {
  return {
    labelKey,
    get label() {
      return i18next.t(labelKey, { ns: 'common' });
    },
    color,
    tint,
    icon,
  };
}

/** One source for status wording, colour and icon: badges, graph nodes and the legend all read it. */
export const SUBTASK_STATUS_META: Record<SubtaskStatus, StatusMeta> = {
  PENDING: meta('status.subtask.PENDING', '#868e96', '#f1f3f5', IconClockPause),
  READY: meta('status.subtask.READY', '#1098ad', '#e3fafc', IconPlayerPlay),
  RUNNING: meta('status.subtask.RUNNING', '#1c6cff', '#e7f0ff', IconLoader2),
  CANCELING: meta('status.subtask.CANCELING', '#e8590c', '#fff4e6', IconHandStop),
  FAILED: meta('status.subtask.FAILED', '#e03131', '#fff5f5', IconAlertTriangle),
  SUCCESSFUL: meta('status.subtask.SUCCESSFUL', '#0ca678', '#e6fcf5', IconCheck),
};

/**
 * OCP words a subtask's status differently inside the flow chart ("任务执行中" rather than "运行中"):
 * the catalog key for a graph node's status line.
 */
export function flowStatusKey(status: SubtaskStatus): string {
  return `status.flow.${status}`;
}

export type TaskDisplayStatus =
  | 'RUNNING'
  | 'FAILED'
  | 'SUCCESSFUL'
  | 'ROLLING_BACK'
  | 'ROLLED_BACK'
  | 'ROLLBACK_FAILED'
  | 'RETRYING';

/**
 * What an operator should read for a task: a SUCCESSFUL task whose operation is ROLLBACK was undone,
 * not completed, and must never look like a plain success.
 */
export function taskDisplayStatus(task: { status: TaskStatus; operation: TaskOperation }): TaskDisplayStatus {
  if (task.operation === 'ROLLBACK') {
    if (task.status === 'SUCCESSFUL') return 'ROLLED_BACK';
    if (task.status === 'RUNNING') return 'ROLLING_BACK';
    return 'ROLLBACK_FAILED';
  }
  if (task.operation === 'RETRY' && task.status === 'RUNNING') return 'RETRYING';
  return task.status;
}

export const TASK_STATUS_META: Record<TaskDisplayStatus, StatusMeta> = {
  RUNNING: meta('status.task.RUNNING', '#1c6cff', '#e7f0ff', IconLoader2),
  RETRYING: meta('status.task.RETRYING', '#1c6cff', '#e7f0ff', IconLoader2),
  FAILED: meta('status.task.FAILED', '#e03131', '#fff5f5', IconAlertTriangle),
  SUCCESSFUL: meta('status.task.SUCCESSFUL', '#0ca678', '#e6fcf5', IconCheck),
  ROLLING_BACK: meta('status.task.ROLLING_BACK', '#7048e8', '#f3f0ff', IconRotate2),
  ROLLED_BACK: meta('status.task.ROLLED_BACK', '#7048e8', '#f3f0ff', IconRotate2),
  ROLLBACK_FAILED: meta('status.task.ROLLBACK_FAILED', '#e03131', '#fff5f5', IconAlertTriangle),
};
