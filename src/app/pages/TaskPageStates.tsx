import { useTranslation } from 'react-i18next';
import { MAX_LONG } from '../../api/schemas';
import { ErrorState } from '../../components/ErrorState';
import { taskIdProblem } from '../taskIdProblem';

/** `/tasks/abc`: explained, with a way home, and no request sent. */
export function InvalidTaskId({ raw }: { raw: string }) {
  const { t } = useTranslation();
  const problem = taskIdProblem(raw) ?? t('taskId.notWhole');
  return (
    <ErrorState title={t('invalidId.title')} message={t('invalidId.message', { raw, problem, max: String(MAX_LONG) })} backLink level={1} />
  );
}
