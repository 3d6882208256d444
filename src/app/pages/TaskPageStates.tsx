import { MAX_LONG } from '../../api/schemas';
import { ErrorState } from '../../components/ErrorState';
import { taskIdProblem } from '../taskIdProblem';

/** `/tasks/abc`: explained, with a way home, and no request sent. */
export function InvalidTaskId({ raw }: { raw: string }) {
  const problem = taskIdProblem(raw) ?? 'Task id must be a positive whole number';
  return (
    <ErrorState
      title="Invalid task id"
      message={`“${raw}” is not a task id. ${problem}. OCP task ids are whole numbers from 1 to ${MAX_LONG}; nothing was requested from OCP.`}
      backLink
    />
  );
}
