import { notifications } from '@mantine/notifications';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TaskInstance } from '../../api/schemas';
import { errorEnvelope, jsonResponse, okEnvelope, requestUrl } from '../../test/fetchMock';
import { FAN_OUT_SPECS, failedFanOutTask, makeTask, wireSubtasks, wireTask } from './fixtures';
import { TaskActions } from './TaskActions';
import { renderWithProviders } from '../../test/renderWithProviders';

const fetchMock = vi.fn<typeof fetch>();
const posts = () => fetchMock.mock.calls.filter(([, init]) => init?.method === 'POST');
const rollbackButton = () => screen.getByRole('button', { name: /Rollback/ });

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  vi.unstubAllGlobals();
  act(() => notifications.clean());
});

async function openDialog(task: TaskInstance = failedFanOutTask()) {
  const user = userEvent.setup();
  renderWithProviders(<TaskActions task={task} />);
  await user.click(rollbackButton());
  return { user, dialog: await screen.findByRole('dialog', { name: `Roll back task ${task.id}?` }) };
}

describe('TaskActions: when rollback is not possible', () => {
  it.each<[string, TaskInstance, string]>([
    ['prohibitRollback', makeTask({ prohibitRollback: true }), 'Rollback is prohibited for this task'],
    ['RUNNING', makeTask({ status: 'RUNNING' }), 'The task is running'],
    ['rolling back', makeTask({ status: 'RUNNING', operation: 'ROLLBACK' }), 'The task is being rolled back'],
    ['SUCCESSFUL', makeTask({ status: 'SUCCESSFUL' }), 'Nothing failed: the task succeeded'],
    ['rolled back', makeTask({ status: 'SUCCESSFUL', operation: 'ROLLBACK' }), 'This task was already rolled back'],
  ])('is disabled for a %s task and says why', async (_, task, reason) => {
    const user = userEvent.setup();
    renderWithProviders(<TaskActions task={task} />);
    const button = rollbackButton();
    expect(button).toBeDisabled();
    expect(button).toHaveAccessibleDescription(reason);
    expect(screen.queryByRole('tooltip')).not.toBeInTheDocument();

    // The disabled button gets no pointer events of its own; its wrapper shows the tooltip.
    await user.hover(button.parentElement as HTMLElement);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(reason);
    await user.click(button.parentElement as HTMLElement);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

describe('TaskActions: the rollback dialog', () => {
  it('shows the subtasks to undo in the engine order before sending anything', async () => {
    const { dialog } = await openDialog();
    expect(within(dialog).getByText(/This undoes 4 subtasks that already ran/)).toBeInTheDocument();
    const list = within(dialog).getByRole('list', { name: 'Subtasks to undo, in order' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => li.getAttribute('data-subtask-id'))).toEqual(['4', '3', '2', '1']);
    expect(items[1]).toHaveTextContent('Failed');
    expect(items[1]).toHaveTextContent('Install on host b');
    expect(within(dialog).getByRole('button', { name: 'Roll back 4 subtasks' })).toBeEnabled();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('offers to roll back again after a failed rollback', async () => {
    const subtasks = wireSubtasks(FAN_OUT_SPECS).map((s) =>
      s.id === 4 ? { ...s, status: 'PENDING' as const, operation: 'ROLLBACK' as const } : s.id === 3 ? { ...s, operation: 'ROLLBACK' as const } : s,
    );
    const task = makeTask({ operation: 'ROLLBACK', subtasks });
    const user = userEvent.setup();
    renderWithProviders(<TaskActions task={task} />);
    await user.click(screen.getByRole('button', { name: 'Rollback again…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Roll back task 1001 again?' });
    expect(within(dialog).getByRole('button', { name: 'Roll back 3 subtasks' })).toBeInTheDocument();
  });

  it('lists the first 200 of a large rollback and counts the rest', async () => {
    const specs = Array.from({ length: 260 }, (_, i) => ({ id: i + 1, status: 'SUCCESSFUL' as const }));
    const user = userEvent.setup();
    renderWithProviders(<TaskActions task={makeTask({ subtasks: wireSubtasks(specs) })} />);
    await user.click(rollbackButton());
    // Selectors rather than role queries: those are slow over hundreds of badges in jsdom.
    expect(await screen.findByText('and 60 more')).toBeInTheDocument();
    const items = document.querySelectorAll('[role="dialog"] ol > li');
    expect(items).toHaveLength(200);
    expect(items[0]).toHaveAttribute('data-subtask-id', '260');
  });

  it('Cancel closes the dialog and sends nothing', async () => {
    const { user, dialog } = await openDialog();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('a double click on Confirm sends exactly one POST, then reports success and closes', async () => {
    let reply!: (r: Response) => void;
    fetchMock.mockImplementation(() => new Promise<Response>((resolve) => (reply = resolve)));
    const { user, dialog } = await openDialog();
    const confirm = within(dialog).getByRole('button', { name: 'Roll back 4 subtasks' });

    // Two clicks in one task, before React can re-render and disable the button.
    act(() => {
      fireEvent.click(confirm);
      fireEvent.click(confirm);
    });
    await waitFor(() => expect(confirm).toBeDisabled());
    await user.dblClick(confirm);
    expect(posts()).toHaveLength(1);
    expect(requestUrl(posts()[0]![0])).toBe('/api/v2/tasks/instances/1001/rollback');

    await act(() => {
      reply(jsonResponse(okEnvelope(wireTask({ status: 'RUNNING', operation: 'ROLLBACK' }))));
      return Promise.resolve();
    });
    expect(await screen.findByText('Rollback started for task 1001')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(posts()).toHaveLength(1);
  });

  it("shows OCP's message, code and traceId when the rollback is refused", async () => {
    fetchMock.mockResolvedValue(jsonResponse(errorEnvelope(400, 'Task 1001 can not rollback.', 20004, '0bc4a1b2c3d4e5f6'), 400));
    const { user, dialog } = await openDialog();
    await user.click(within(dialog).getByRole('button', { name: 'Roll back 4 subtasks' }));
    expect(await screen.findByText('Rollback refused')).toBeInTheDocument();
    expect(screen.getByText('Task 1001 can not rollback. (code 20004, trace 0bc4a1b2c3d4e5f6)')).toBeInTheDocument();
    expect(posts()).toHaveLength(1);
  });

  it('explains a 403 as the missing TASK_MANAGER permission', async () => {
    const message = 'You are not authorized to perform the corresponding operation. Contact the administrator.';
    fetchMock.mockResolvedValue(jsonResponse(errorEnvelope(403, message, 30014, '0bc49000675d41af'), 403));
    const { user, dialog } = await openDialog();
    await user.click(within(dialog).getByRole('button', { name: 'Roll back 4 subtasks' }));
    expect(await screen.findByText('Rollback not permitted')).toBeInTheDocument();
    expect(screen.getByText(/needs the TASK_MANAGER permission/)).toHaveTextContent(`${message} (code 30014, trace 0bc49000675d41af)`);
  });
});

describe('TaskActions: a task that changes while the dialog is open', () => {
  /** Renders TaskActions for `first`, with a button that swaps in `second`, as a poll or refetch would. */
  function Harness({ first, second }: { first: TaskInstance; second: TaskInstance }) {
    const [task, setTask] = useState(first);
    return (
      <>
        <button type="button" onClick={() => setTask(second)}>
          simulate refetch
        </button>
        <TaskActions task={task} />
      </>
    );
  }

  it('blocks Confirm until the operator reviews the new reach', async () => {
    const first = failedFanOutTask();
    // Someone retried the task: the failed branch ran again, and more subtasks have run since.
    const subtasks = wireSubtasks(FAN_OUT_SPECS).map((s) => (s.status === 'PENDING' ? { ...s, status: 'SUCCESSFUL' as const } : s));
    const second = makeTask({ subtasks });
    const user = userEvent.setup();
    renderWithProviders(<Harness first={first} second={second} />);
    await user.click(rollbackButton());
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('button', { name: 'Roll back 4 subtasks' })).toBeEnabled();

    await user.click(screen.getByRole('button', { name: 'simulate refetch', hidden: true }));
    expect(within(dialog).getByText('The task changed since this dialog opened')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Roll back 4 subtasks' })).toBeDisabled();

    await user.click(within(dialog).getByRole('button', { name: 'Review again' }));
    expect(within(dialog).queryByText('The task changed since this dialog opened')).not.toBeInTheDocument();
    const confirm = within(dialog).getByRole('button', { name: /^Roll back \d+ subtasks$/ });
    expect(confirm).toBeEnabled();
    expect(confirm).not.toHaveAccessibleName('Roll back 4 subtasks');
    expect(posts()).toHaveLength(0);
  });
});
