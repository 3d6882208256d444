import { TaskList } from '../../features/task-list/TaskList';
import { useDocumentTitle } from '../useDocumentTitle';

export function TaskListPage() {
  useDocumentTitle('Tasks · OCP task console');
  return <TaskList />;
}
