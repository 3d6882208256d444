import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { useState } from 'react';
import { FAN_OUT_SPECS, failedFanOutTask, makeTask, wireSubtasks } from '../../test/taskFixtures';
import { SubtaskPanel } from './SubtaskPanel';
import { renderWithProviders } from '../../test/renderWithProviders';

const task = failedFanOutTask();

function renderPanel(subtaskId: string | null) {
  const onSelect = vi.fn<(id: string) => void>();
  const onClose = vi.fn<() => void>();
  const result = renderWithProviders(<SubtaskPanel task={task} subtaskId={subtaskId} onSelect={onSelect} onClose={onClose} />);
  return { ...result, onSelect, onClose };
}

describe('SubtaskPanel', () => {
  it('renders nothing when no subtask is selected', () => {
    renderPanel(null);
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Close subtask details' })).not.toBeInTheDocument();
  });

  it('shows every field of the subtask under its name', () => {
    renderPanel('3');
    const panel = screen.getByRole('region', { name: 'Install on host b' });
    const value = (label: string) => within(panel).getByText(label).nextElementSibling;
    expect(within(panel).getByRole('heading', { level: 2 })).toHaveTextContent('Install on host b');
    expect(value('ID')).toHaveTextContent('3');
    // The name is the heading; OCP's description repeats it, so it is not listed again.
    expect(within(panel).queryByText('Description')).not.toBeInTheDocument();
    expect(within(panel).queryByText('Name')).not.toBeInTheDocument();
    expect(value('Status')).toHaveTextContent('Failed');
    expect(value('Operation')).toHaveTextContent('EXECUTE');
    expect(value('Series ID')).toHaveTextContent('3');
    expect(value('Node type')).toHaveTextContent('JAVA_TASK');
    expect(value('Executor')).toHaveTextContent('10.0.0.1:8080');
    expect(value('Runs')).toHaveTextContent('1');
    expect(value('Timeout')).toHaveTextContent('1 h 00 m');
    expect(value('Parallel index')).toHaveTextContent('1');
    expect(value('Prohibits rollback')).toHaveTextContent('No');
    expect(value('Started')?.querySelector('time')).toHaveAttribute('dateTime');
    expect(value('Duration')).toHaveTextContent('1 s');
  });

  it('says "not parallel" for parallelIdx -1', () => {
    renderPanel('1');
    expect(screen.getByText('Parallel index').nextElementSibling).toHaveTextContent('not parallel');
  });

  it('links upstreams and downstreams by name and status, by mouse and keyboard', async () => {
    const user = userEvent.setup();
    const { onSelect } = renderPanel('3');
    const ups = screen.getByRole('list', { name: 'Upstreams' });
    const downs = screen.getByRole('list', { name: 'Downstreams' });
    const prepare = within(ups).getByRole('button', { name: /Prepare/ });
    expect(prepare).toHaveTextContent('Successful');
    await user.click(prepare);
    expect(onSelect).toHaveBeenLastCalledWith('1');

    const join = within(downs).getByRole('button', { name: /Join/ });
    expect(join).toHaveTextContent('Pending');
    join.focus();
    await user.keyboard('{Enter}');
    expect(onSelect).toHaveBeenLastCalledWith('5');
    expect(onSelect).toHaveBeenCalledTimes(2);
  });

  it('moves focus to the new heading after following a link', async () => {
    function WithSelection() {
      const [sel, setSel] = useState<string | null>('3');
      return <SubtaskPanel task={task} subtaskId={sel} onSelect={setSel} onClose={() => setSel(null)} />;
    }
    const user = userEvent.setup();
    renderWithProviders(<WithSelection />);
    await user.click(screen.getByRole('button', { name: /Prepare/ }));
    expect(screen.getByRole('heading', { level: 2, name: 'Prepare' })).toHaveFocus();
  });

  it('closes with its close button and with Escape', async () => {
    const user = userEvent.setup();
    const { onClose } = renderPanel('3');
    await user.click(screen.getByRole('button', { name: 'Close subtask details' }));
    expect(onClose).toHaveBeenCalledTimes(1);
    screen.getByRole('button', { name: /Prepare/ }).focus();
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(2);
  });

  it('says so when the id is not part of the task', async () => {
    const user = userEvent.setup();
    const { onClose } = renderPanel('77');
    expect(screen.getByRole('heading', { name: 'Subtask 77 is not part of this task' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Close subtask details' }));
    expect(onClose).toHaveBeenCalled();
  });

  it('reads an undone subtask as "Rolled back", keeping OCP\'s raw PENDING beside it', () => {
    const subtasks = wireSubtasks(FAN_OUT_SPECS).map((x) =>
      x.id === 3 ? { ...x, status: 'PENDING' as const, operation: 'ROLLBACK' as const } : x,
    );
    renderWithProviders(
      <SubtaskPanel
        task={makeTask({ status: 'SUCCESSFUL', operation: 'ROLLBACK', subtasks })}
        subtaskId="3"
        onSelect={vi.fn()}
        onClose={vi.fn()}
      />,
    );
    const status = screen.getByText('Status').nextElementSibling;
    expect(status).toHaveTextContent('Rolled back');
    expect(status).toHaveTextContent('PENDING');
    expect(status?.querySelector('[data-status]')).toHaveAttribute('data-status', 'PENDING');
    expect(screen.getByText(/OCP undid this subtask in a rollback/)).toBeInTheDocument();
  });

  it('marks the first failure and steps through the others in the order they failed', async () => {
    const at = (s: number) => `2021-08-25T07:10:${String(s).padStart(2, '0')}.000+00:00`;
    const subtasks = wireSubtasks(FAN_OUT_SPECS).map((x) =>
      x.id === 2 ? { ...x, status: 'FAILED' as const, finishTime: at(30) } : x.id === 3 ? { ...x, finishTime: at(10) } : x,
    );
    const failing = makeTask({ subtasks });
    function Stepping() {
      const [sel, setSel] = useState<string | null>('3');
      return <SubtaskPanel task={failing} subtaskId={sel} onSelect={setSel} onClose={() => setSel(null)} />;
    }
    const user = userEvent.setup();
    renderWithProviders(<Stepping />);
    expect(screen.getByText('First failure')).toBeInTheDocument();
    expect(screen.getByText('Failure 1 of 2')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Next failure' }));
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Install on host a');
    expect(screen.getByText('Failure 2 of 2')).toBeInTheDocument();
    expect(screen.queryByText('First failure')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Failed after the first failure, Install on host b' }));
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Install on host b');
  });

  it('shows the operations it is given', () => {
    renderWithProviders(
      <SubtaskPanel task={task} subtaskId="3" onSelect={vi.fn()} onClose={vi.fn()} actions={<button type="button">Retry</button>} />,
    );
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });
});
