import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readSavedTask, type SavedTask } from './savedTasks.ts';
import { SCENARIOS } from './scenarios.ts';

export interface FolderTask {
  /** The file's name inside the folder, for messages and the scenario list. */
  file: string;
  task: SavedTask;
}

/**
 * `SIM_TASKS_DIR`: every `*.json` in the folder (not its subfolders), in name order, read once at start-up.
 * Any problem stops start-up with an Error naming the file: a suite replaying a failure should fail at
 * once on a bad file, not later on a 404 for a task that was silently left out.
 */
export function loadTaskFolder(dir: string): FolderTask[] {
  const root = resolve(dir);
  let names: string[];
  try {
    names = readdirSync(root, { withFileTypes: true })
      .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.json'))
      .map((e) => e.name)
      .sort();
  } catch (e) {
    throw new Error(`SIM_TASKS_DIR=${dir}: cannot read the folder (${e instanceof Error ? e.message : String(e)}).`);
  }
  const byId = new Map<string, string>();
  return names.map((file) => {
    const path = join(root, file);
    let task: SavedTask;
    try {
      task = readSavedTask(readFileSync(path));
    } catch (e) {
      throw new Error(`SIM_TASKS_DIR: ${path}: ${e instanceof Error ? e.message : String(e)}`);
    }
    const { id } = task.spec;
    const builtIn = SCENARIOS.find((s) => s.id === id);
    if (builtIn) {
      throw new Error(`SIM_TASKS_DIR: ${path}: task id ${id} is the built-in scenario "${builtIn.key}"; change the id in the file.`);
    }
    const other = byId.get(id);
    if (other !== undefined) throw new Error(`SIM_TASKS_DIR: ${path} and ${other} both hold task ${id}; keep one.`);
    byId.set(id, file);
    return { file, task };
  });
}
