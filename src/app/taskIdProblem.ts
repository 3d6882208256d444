import i18next from 'i18next';
import { MAX_LONG, parseTaskId } from '../api/schemas';

/**
 * Why `raw` is not a task id, in words for an inline error (the language on screen); null when it is one.
 * The same check as `parseTaskId`, which is what the page and the request rely on.
 */
export function taskIdProblem(raw: string): string | null {
  const t = (key: string, values?: Record<string, string>) => i18next.t(`common:taskId.${key}`, values);
  const s = raw.trim();
  if (s === '') return t('empty');
  if (parseTaskId(s) !== null) return null;
  if (!/^\d+$/.test(s)) return t('notWhole');
  const n = BigInt(s);
  if (n < 1n) return t('tooSmall');
  if (n > MAX_LONG) return t('tooLarge', { max: String(MAX_LONG) });
  return t('tooLong');
}
