import { useTranslation } from 'react-i18next';
import { TaskList } from '../../features/task-list/TaskList';
import { useDocumentTitle } from '../useDocumentTitle';

export function TaskListPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('title.tasks'));
  return <TaskList />;
}
