import { fileNamePart, saveFile } from '../../components/saveFile';

/** Saves the whole log as `subtask_<id>.log`, as OCP's console names it. */
export function downloadLog(subtaskId: string, text: string): void {
  saveFile(logFileName(subtaskId), new Blob([text], { type: 'text/plain;charset=utf-8' }));
}

export const logFileName = (subtaskId: string) => `subtask_${fileNamePart(subtaskId)}.log`;
