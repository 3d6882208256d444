import { notifications } from '@mantine/notifications';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TaskInstanceWire } from '../../api/schemas';
import { useTaskInstance } from '../../api/taskInstance';
import { fakeOcp, installFakeLocks } from '../../test/fakeOcp';
import { errorEnvelope, jsonResponse } from '../../test/fetchMock';
import { renderWithProviders } from '../../test/renderWithProviders';
import { FAN_OUT_SPECS, wireSubtasks, wireTask } from '../../test/taskFixtures';
import { TaskActions } from './TaskActions';

const failedWire = (over: Partial<TaskInstanceWire> = {}) => wireTask({ subtasks: wireSubtasks(FAN_OUT_SPECS), ...over });
let ocp = fakeOcp(failedWire());

/** TaskActions fed by the task query, as on the task page: a refetch reaches it. */
function LivePage({ id = '1001' }: { id?: string }) {
  const { data } = useTaskInstance(id);
  return data ? <TaskActions task={data} /> : null;
}

beforeEach(() => {
  ocp = fakeOcp(failedWire());
  vi.stubGlobal('fetch', ocp.fetch);
});
afterEach(() => {
  vi.unstubAllGlobals();
  act(() => notifications.clean());
});

const rollbackButton = () => screen.getByRole('button', { name: /^Rollback/ });

async function openRollback() {
  const user = userEvent.setup();
  const view = renderWithProviders(<LivePage />);
  await user.click(await screen.findByRole('button', { name: /^Rollback/ }));
  const dialog = await screen.findByRole('dialog', { name: 'Roll back task 1001?' });
  return { user, dialog, view, confirm: () => within(dialog).getByRole('button', { name: 'Roll back 4 subtasks' }) };
}

describe('an operation that is not available says why, to the keyboard and to screen readers', () => {
  it.each<[string, TaskInstanceWire, string]>([
    ['prohibited', failedWire({ prohibitRollback: true }), 'Rollback is prohibited for this task'],
    ['running', failedWire({ status: 'RUNNING' }), 'The task is running'],
    ['rolled back', failedWire({ status: 'SUCCESSFUL', operation: 'ROLLBACK' }), 'This task was already rolled back'],
  ])('a %s task: Rollback stays in the Tab order, describes its reason, and does nothing', async (_, wire, reason) => {
    ocp = fakeOcp(wire);
    vi.stubGlobal('fetch', ocp.fetch);
    const user = userEvent.setup();
    renderWithProviders(<LivePage />);
    const button = await screen.findByRole('button', { name: /^Rollback/ });
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toHaveAccessibleDescription(reason);
    await user.tab();
    await user.tab();
    expect(button).toHaveFocus();
    expect(await screen.findByRole('tooltip')).toHaveTextContent(reason);
    await user.keyboard('{Enter}');
    await user.click(button);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(ocp.posts()).toEqual([]);
  });

  it('refuses a task reply without its subtasks: "the reach is unknown", never "nothing to undo"', async () => {
    const { subtasks: _dropped, ...wire } = failedWire();
    ocp = fakeOcp(wire);
    vi.stubGlobal('fetch', ocp.fetch);
    renderWithProviders(<LivePage />);
    for (const name of [/^Rollback/, /^Retry/]) {
      const button = await screen.findByRole('button', { name });
      expect(button).toHaveAttribute('aria-disabled', 'true');
      expect(button).toHaveAccessibleDescription(/^The reach is unknown/);
    }
    await userEvent.setup().click(rollbackButton());
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});

describe('the confirmation shows the effect first', () => {
  it('Rollback lists the subtasks to undo in the engine order and sends nothing yet', async () => {
    const { dialog, confirm } = await openRollback();
    expect(within(dialog).getByText(/This undoes 4 subtasks that already ran/)).toBeInTheDocument();
    const items = within(within(dialog).getByRole('list', { name: 'Subtasks to undo, in order' })).getAllByRole('listitem');
    expect(items.map((li) => li.getAttribute('data-subtask-id'))).toEqual(['4', '3', '2', '1']);
    expect(items[1]).toHaveTextContent('Failed');
    expect(confirm()).toBeEnabled();
    expect(ocp.posts()).toEqual([]);
  });

  it('Retry lists what runs again and what then continues', async () => {
    const user = userEvent.setup();
    renderWithProviders(<LivePage />);
    await user.click(await screen.findByRole('button', { name: 'Retry…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Retry task 1001?' });
    const again = within(dialog).getByRole('list', { name: 'Subtasks that run again' });
    expect(
      within(again)
        .getAllByRole('listitem')
        .map((li) => li.dataset.subtaskId),
    ).toEqual(['3']);
    const next = within(dialog).getByRole('list', { name: 'Subtasks that then continue' });
    expect(
      within(next)
        .getAllByRole('listitem')
        .map((li) => li.dataset.subtaskId),
    ).toEqual(['5', '6']);
    await user.click(within(dialog).getByRole('button', { name: 'Retry 1 failed subtask' }));
    expect(await screen.findByText('Retry started for task 1001')).toBeInTheDocument();
    expect(ocp.posts()).toEqual(['/api/v2/tasks/instances/1001/retry']);
  });
});

describe('exactly one request per confirmation, in every timing', () => {
  it('a double click on the opening button leaves the dialog open', async () => {
    const user = userEvent.setup();
    renderWithProviders(<LivePage />);
    await user.dblClick(await screen.findByRole('button', { name: /^Rollback/ }));
    expect(await screen.findByRole('dialog', { name: 'Roll back task 1001?' })).toBeVisible();
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('a double click on Confirm sends one POST', async () => {
    ocp.answer('hold');
    const { user, confirm } = await openRollback();
    const button = confirm();
    act(() => {
      fireEvent.click(button);
      fireEvent.click(button);
    });
    await user.dblClick(button);
    await waitFor(() => expect(ocp.posts()).toHaveLength(1));
    await act(() => {
      ocp.release();
      return Promise.resolve();
    });
    expect(await screen.findByText('Rollback started for task 1001')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(ocp.posts()).toEqual(['/api/v2/tasks/instances/1001/rollback']);
  });

  it('clicks on Confirm while the dialog closes send nothing more', async () => {
    const { confirm } = await openRollback();
    const button = confirm();
    fireEvent.click(button);
    // Keep clicking until the dialog is gone, as an impatient operator does during its close animation.
    await waitFor(
      () => {
        if (button.isConnected) fireEvent.click(button);
        expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
      },
      { interval: 1 },
    );
    expect(await screen.findByText('Rollback started for task 1001')).toBeInTheDocument();
    expect(ocp.posts()).toHaveLength(1);
  });

  it('two tabs confirming at once send one POST; the second learns the task changed', async () => {
    const uninstall = installFakeLocks();
    try {
      const user = userEvent.setup();
      const tabA = renderWithProviders(<LivePage />);
      const tabB = renderWithProviders(<LivePage />);
      for (const tab of [tabA, tabB]) await user.click(await within(tab.container).findByRole('button', { name: /^Rollback/ }));
      const [dialogA, dialogB] = await screen.findAllByRole('dialog', { name: 'Roll back task 1001?' });
      act(() => {
        fireEvent.click(within(dialogA!).getByRole('button', { name: 'Roll back 4 subtasks' }));
        fireEvent.click(within(dialogB!).getByRole('button', { name: 'Roll back 4 subtasks' }));
      });
      // Both tabs render the (shared) notifications; one outcome, shown once per tab.
      expect(await screen.findAllByText('Rollback started for task 1001')).toHaveLength(2);
      expect(await within(dialogB!).findByText('The task changed since this dialog opened')).toBeInTheDocument();
      expect(within(dialogB!).getByText(/This is no longer possible: The task is being rolled back/)).toBeInTheDocument();
      expect(ocp.posts()).toHaveLength(1);
    } finally {
      uninstall();
    }
  });

  it('a second tab that confirms later, on what it saw before, sends nothing', async () => {
    const user = userEvent.setup();
    const stale = renderWithProviders(<LivePage />);
    await user.click(await within(stale.container).findByRole('button', { name: /^Rollback/ }));
    const dialog = await screen.findByRole('dialog');
    // Meanwhile another tab rolled the task back.
    await act(async () => {
      await fetch('/api/v2/tasks/instances/1001/rollback', { method: 'POST' });
    });
    await user.click(within(dialog).getByRole('button', { name: 'Roll back 4 subtasks' }));
    expect(await within(dialog).findByText('The task changed since this dialog opened')).toBeInTheDocument();
    expect(ocp.posts()).toHaveLength(1); // the other tab's, and only it
  });

  it('offline: sends nothing, says so, keeps the dialog usable; once online one click sends one POST', async () => {
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    try {
      const { user, dialog, confirm } = await openRollback();
      const before = ocp.fetch.mock.calls.length;
      await user.click(confirm());
      expect(within(dialog).getByRole('alert')).toHaveTextContent('You are offline: nothing was sent');
      expect(ocp.fetch.mock.calls.length).toBe(before);
      expect(within(dialog).getByRole('button', { name: 'Cancel' })).toBeEnabled();
      expect(confirm()).toBeEnabled();
      onLine.mockReturnValue(true);
      await user.click(confirm());
      expect(await screen.findByText('Rollback started for task 1001')).toBeInTheDocument();
      expect(ocp.posts()).toHaveLength(1);
    } finally {
      onLine.mockRestore();
    }
  });

  it('Cancel while the task is being checked: nothing is sent, even when the check answers later', async () => {
    const { user, dialog, confirm } = await openRollback();
    let answerCheck!: () => void;
    ocp.fetch.mockImplementationOnce(async () => {
      await new Promise<void>((resolve) => (answerCheck = resolve));
      return new Response(JSON.stringify({ data: failedWire(), status: 200, successful: true }));
    });
    await user.click(confirm());
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await act(() => {
      answerCheck();
      return Promise.resolve();
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(ocp.posts()).toEqual([]);
  });
});

describe('the outcome comes from the task, not from the HTTP status', () => {
  it('a 500 after OCP started the rollback: "OCP answered with an error, but the task is rolling back"', async () => {
    ocp.answer('applied-500');
    const { user, confirm } = await openRollback();
    await user.click(confirm());
    expect(await screen.findByText('OCP answered with an error, but the task is rolling back')).toBeInTheDocument();
    expect(screen.queryByText(/Rollback failed/)).not.toBeInTheDocument();
    expect(await screen.findByRole('button', { name: /^Rollback/ })).toHaveAccessibleDescription('The task is being rolled back');
    expect(ocp.posts()).toHaveLength(1);
  });

  it('keeps the task OCP answered the rollback with when the reload after it fails', async () => {
    const { user, confirm } = await openRollback();
    const serve = ocp.fetch.getMockImplementation()!;
    let posted = false;
    ocp.fetch.mockImplementation((input, init) => {
      if (init?.method === 'POST') posted = true;
      if (posted && init?.method !== 'POST') return Promise.resolve(jsonResponse(errorEnvelope(503, 'Service unavailable'), 503));
      return serve(input, init);
    });
    await user.click(confirm());
    expect(await screen.findByText('Rollback started for task 1001')).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: /^Rollback/ })).toHaveAccessibleDescription('The task is being rolled back');
    expect(ocp.posts()).toHaveLength(1);
  });

  it("a refusal quotes OCP's message, code and traceId, and the task is unchanged", async () => {
    ocp.answer('refuse-400');
    const { user, confirm } = await openRollback();
    await user.click(confirm());
    expect(await screen.findByText('Rollback refused')).toBeInTheDocument();
    expect(screen.getByText('OCP said: Task 1001 can not rollback. (code 20004, trace t400). The task is unchanged.')).toBeInTheDocument();
  });
});

describe('a task that changes while the dialog is open', () => {
  it('is caught by the check before sending: Confirm waits until the operator reviews the new reach', async () => {
    const { user, dialog, confirm } = await openRollback();
    // Meanwhile someone retried the task and more subtasks ran: OCP now has a wider reach.
    const ran = wireSubtasks(FAN_OUT_SPECS).map((s) => (s.status === 'PENDING' ? { ...s, status: 'SUCCESSFUL' as const } : s));
    ocp = fakeOcp(failedWire({ subtasks: ran }));
    vi.stubGlobal('fetch', ocp.fetch);
    await user.click(confirm());
    expect(await within(dialog).findByText('The task changed since this dialog opened')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Roll back 4 subtasks' })).toBeDisabled();
    await user.click(within(dialog).getByRole('button', { name: 'Review again' }));
    expect(within(dialog).getByRole('button', { name: 'Roll back 6 subtasks' })).toBeEnabled();
    expect(ocp.posts()).toEqual([]);
  });
});
