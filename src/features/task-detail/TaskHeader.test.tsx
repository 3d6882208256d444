import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FAN_OUT_SPECS, failedFanOutTask, makeTask, wireSubtasks } from '../../test/taskFixtures';
import { TaskHeader } from './TaskHeader';
import { renderWithProviders } from '../../test/renderWithProviders';

afterEach(() => {
  vi.useRealTimers();
});

/** The fan-out task after a rollback: what ran (1–4) is PENDING again with operation ROLLBACK. */
function rolledBackTask() {
  const subtasks = wireSubtasks(FAN_OUT_SPECS).map((s) =>
    Number(s.id) <= 4 ? { ...s, status: 'PENDING' as const, operation: 'ROLLBACK' as const } : s,
  );
  return makeTask({ status: 'SUCCESSFUL', operation: 'ROLLBACK', subtasks });
}

describe('TaskHeader', () => {
  it('shows the task name as the page heading, its id, status and details', () => {
    renderWithProviders(<TaskHeader task={failedFanOutTask()} />);
    expect(screen.getByRole('heading', { level: 1, name: 'Create tenant t1' })).toBeInTheDocument();
    expect(screen.getByTestId('task-id')).toHaveTextContent('1001');
    expect(screen.getByRole('button', { name: 'Copy task id' })).toBeInTheDocument();
    expect(screen.getByText('Failed')).toBeInTheDocument();
    expect(screen.getByText('obcluster (PRIMARY)')).toBeInTheDocument();
    expect(screen.getByText('t1 (MYSQL)')).toBeInTheDocument();
    expect(screen.getByText('admin')).toBeInTheDocument();
    expect(screen.getByText('MANUAL')).toBeInTheDocument();
    expect(screen.getByTestId('task-progress')).toHaveTextContent('3/6 successful · 1 failed');
    expect(screen.getByText('41 s')).toBeInTheDocument();
    const started = screen.getByText('Started').nextElementSibling?.querySelector('time');
    expect(started).toHaveAttribute('title', '2021-08-25T07:09:31.000+00:00');
  });

  it('reads "Rolled back", never "Successful", after a rollback, and counts what was undone', () => {
    renderWithProviders(<TaskHeader task={rolledBackTask()} />);
    expect(screen.getByText('Rolled back')).toBeInTheDocument();
    expect(screen.queryByText('Successful')).not.toBeInTheDocument();
    expect(screen.getByTestId('task-progress')).toHaveTextContent('0/6 successful · 4 rolled back');
  });

  it('reads "Rolling back" during a rollback and shows what is left to undo', () => {
    const subtasks = wireSubtasks(FAN_OUT_SPECS).map((s) =>
      Number(s.id) <= 4 ? { ...s, operation: 'ROLLBACK' as const, ...(s.id !== 1 && { status: 'PENDING' as const }) } : s,
    );
    renderWithProviders(<TaskHeader task={makeTask({ status: 'RUNNING', operation: 'ROLLBACK', finishTime: undefined, subtasks })} />);
    expect(screen.getByText('Rolling back')).toBeInTheDocument();
    expect(screen.getByTestId('task-progress')).toHaveTextContent('1/6 successful · 3 rolled back · 1 to roll back');
  });

  it('leaves out cluster and tenant when the task has none', () => {
    renderWithProviders(<TaskHeader task={makeTask({ cluster: undefined, tenant: undefined })} />);
    expect(screen.queryByText('Cluster')).not.toBeInTheDocument();
    expect(screen.queryByText('Tenant')).not.toBeInTheDocument();
  });

  it('renders a hostile name as text', () => {
    const name = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
    const { container } = renderWithProviders(<TaskHeader task={makeTask({ name })} />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(name);
    expect(container.querySelector('img, script')).toBeNull();
  });

  it('keeps the duration live while the task runs', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2021-08-25T07:09:36.000Z'));
    renderWithProviders(<TaskHeader task={makeTask({ status: 'RUNNING', finishTime: undefined })} />);
    expect(screen.getByText('5 s')).toBeInTheDocument();
    act(() => {
      vi.advanceTimersByTime(3_000);
    });
    expect(screen.getByText('8 s')).toBeInTheDocument();
  });

  it('names the first failure by finish time and steps to the others', async () => {
    const at = (s: number) => `2021-08-25T07:10:${String(s).padStart(2, '0')}.000+00:00`;
    const subtasks = wireSubtasks(FAN_OUT_SPECS).map((x) =>
      x.id === 2 ? { ...x, status: 'FAILED' as const, finishTime: at(5) } : x.id === 3 ? { ...x, finishTime: at(40) } : x,
    );
    const onSelect = vi.fn<(id: string) => void>();
    const user = userEvent.setup();
    renderWithProviders(<TaskHeader task={makeTask({ subtasks })} selectedId={null} onSelect={onSelect} />);
    const first = screen.getByTestId('first-failure');
    expect(first).toHaveTextContent('First failure');
    await user.click(within(first).getByRole('button', { name: /Install on host a/ }));
    expect(onSelect).toHaveBeenLastCalledWith('2');
    expect(within(first).getByText('2 failed subtasks')).toBeInTheDocument();
    await user.click(within(first).getByRole('button', { name: 'Previous failure' }));
    expect(onSelect).toHaveBeenLastCalledWith('3');
  });

  it('says nothing about failures when none failed', () => {
    renderWithProviders(<TaskHeader task={makeTask({ status: 'SUCCESSFUL' })} />);
    expect(screen.queryByTestId('first-failure')).not.toBeInTheDocument();
  });
});
