import { useSyncExternalStore } from 'react';
import type { TaskInstance } from '../../api/schemas';

/** A task read from a file, shown read-only at `/saved`. */
export interface SavedTask {
  task: TaskInstance;
  fileName: string;
  /** The file's size in bytes. */
  size: number;
  /** The file was a whole OCP reply (as the console exports it), not the task object alone. */
  reply: boolean;
  openedAt: number;
}

/**
 * The saved task on screen, held in this tab's memory only: a task file can name hosts and clusters,
 * so it is never written to the browser's storage, and a reload asks for the file again.
 */
let current: SavedTask | undefined;
const listeners = new Set<() => void>();

export function setSavedTask(saved: SavedTask | undefined): void {
  current = saved;
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};
const snapshot = () => current;

export function useSavedTask(): SavedTask | undefined {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}
