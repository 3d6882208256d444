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
import type { SubtaskStatus, TaskOperation, TaskStatus } from '../api/schemas';

export interface StatusMeta {
  label: string;
  /** Solid colour for fills, borders and the legend; each of the six is distinct, and every use also shows the label or icon. */
  color: string;
  /** Light tint for node backgrounds. */
  tint: string;
  icon: Icon;
}

/** One source for status wording, colour and icon: badges, graph nodes and the legend all read it. */
export const SUBTASK_STATUS_META: Record<SubtaskStatus, StatusMeta> = {
  PENDING: { label: 'Pending', color: '#868e96', tint: '#f1f3f5', icon: IconClockPause },
  READY: { label: 'Ready', color: '#1098ad', tint: '#e3fafc', icon: IconPlayerPlay },
  RUNNING: { label: 'Running', color: '#1c6cff', tint: '#e7f0ff', icon: IconLoader2 },
  CANCELING: { label: 'Canceling', color: '#e8590c', tint: '#fff4e6', icon: IconHandStop },
  FAILED: { label: 'Failed', color: '#e03131', tint: '#fff5f5', icon: IconAlertTriangle },
  SUCCESSFUL: { label: 'Successful', color: '#0ca678', tint: '#e6fcf5', icon: IconCheck },
};

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
  RUNNING: { label: 'Running', color: '#1c6cff', tint: '#e7f0ff', icon: IconLoader2 },
  RETRYING: { label: 'Retrying', color: '#1c6cff', tint: '#e7f0ff', icon: IconLoader2 },
  FAILED: { label: 'Failed', color: '#e03131', tint: '#fff5f5', icon: IconAlertTriangle },
  SUCCESSFUL: { label: 'Successful', color: '#0ca678', tint: '#e6fcf5', icon: IconCheck },
  ROLLING_BACK: { label: 'Rolling back', color: '#7048e8', tint: '#f3f0ff', icon: IconRotate2 },
  ROLLED_BACK: { label: 'Rolled back', color: '#7048e8', tint: '#f3f0ff', icon: IconRotate2 },
  ROLLBACK_FAILED: { label: 'Rollback failed', color: '#e03131', tint: '#fff5f5', icon: IconAlertTriangle },
};
