import i18next from 'i18next';
import { describeZodError } from '../../api/errors';
import { keepRawReply } from '../../api/rawReply';
import { MAX_TASK_FILE_BYTES, readTaskFileBytes, type TaskFileProblem } from '../../api/taskFile';
import { formatBytes } from '../../components/formatting';
import type { SavedTask } from './savedTaskStore';

export type OpenResult = { ok: true; saved: SavedTask } | { ok: false; message: string };

/**
 * Reads a task file the operator dropped or picked. Its bytes stay with the task (`rawReplyOf`), so
 * "Export → Task as JSON" hands back exactly the file that was opened.
 */
export async function openTaskFile(file: File): Promise<OpenResult> {
  await i18next.loadNamespaces(['common', 'errors']);
  // Refused before reading: a wrong 2 GB file must not freeze the tab.
  if (file.size > MAX_TASK_FILE_BYTES)
    return { ok: false, message: wordProblem({ kind: 'too-large', bytes: file.size, limit: MAX_TASK_FILE_BYTES }) };
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (e) {
    return { ok: false, message: i18next.t('saved.problem.unreadable', { detail: e instanceof Error ? e.message : String(e) }) };
  }
  const result = readTaskFileBytes(bytes);
  if (!result.ok) return { ok: false, message: wordProblem(result.problem) };
  keepRawReply(result.task, bytes);
  return { ok: true, saved: { task: result.task, fileName: file.name, size: file.size, reply: result.reply, openedAt: Date.now() } };
}

/** What is wrong with the file and what to do, in the operator's language. */
export function wordProblem(problem: TaskFileProblem): string {
  const t = i18next.t.bind(i18next);
  switch (problem.kind) {
    case 'empty':
      return t('saved.problem.empty');
    case 'too-large':
      return t('saved.problem.tooLarge', { size: formatBytes(problem.bytes), limit: formatBytes(problem.limit) });
    case 'not-json':
      return t('saved.problem.notJson', { detail: problem.detail });
    case 'error-reply':
      return t('saved.problem.errorReply', {
        status: problem.status,
        error: [problem.code, problem.message].filter((part) => part !== undefined).join(' ') || t('saved.problem.noMessage'),
      });
    case 'task-list':
      return t('saved.problem.taskList');
    case 'not-a-task':
      return t('saved.problem.notATask');
    case 'no-subtasks':
      return t('saved.problem.noSubtasks', { field: problem.field });
    case 'invalid': {
      const { field, message } = describeZodError(problem.error, problem.root);
      return t('saved.problem.invalid', { field: field || t('saved.problem.wholeFile'), problem: message });
    }
  }
}
