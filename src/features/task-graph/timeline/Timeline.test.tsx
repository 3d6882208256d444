import { MantineProvider } from '@mantine/core';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SubtaskInstance } from '../../../api/schemas';
import { makeTask, subtasksOf, type SubtaskSpec } from '../../../test/taskFixtures';
import * as paths from '../criticalPath';
import { NO_FIND } from '../useGraphFind';
import { createViewCommands } from '../viewCommands';
import { Timeline } from './Timeline';
import * as model from './timelineModel';

// Every row render computes its bar once: counting barOf calls per subtask counts row renders.
vi.mock('./timelineModel', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./timelineModel')>();
  return { ...actual, barOf: vi.fn(actual.barOf) };
});
vi.mock('../criticalPath', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../criticalPath')>();
  return { ...actual, criticalPath: vi.fn(actual.criticalPath) };
});

const renders = (id: string) => vi.mocked(model.barOf).mock.calls.filter(([row]) => row.subtask.id === id).length;
const rendersOf = (ids: string[]) => Object.fromEntries(ids.map((id) => [id, renders(id)]));

// 1 → 2 → 3 (running) → 4 (waiting); 5 a finished side branch off 1. The fixtures start subtask i at
// T0 + (i + 1) s and finish it a second later.
const T0 = Date.parse('2021-08-25T15:09:30.000+08:00');
const SPECS: SubtaskSpec[] = [
  { id: 1, status: 'SUCCESSFUL' },
  { id: 2, status: 'SUCCESSFUL', ups: [1] },
  { id: 3, status: 'RUNNING', ups: [2] },
  { id: 4, status: 'PENDING', ups: [3] },
  { id: 5, status: 'SUCCESSFUL', ups: [1] },
];

function renderTimeline(subtasks: SubtaskInstance[]) {
  const task = makeTask({ status: 'RUNNING', finishTime: undefined });
  const commands = createViewCommands();
  const props = { task, selectedId: null, onSelect: vi.fn(), find: NO_FIND, onStatusesChange: vi.fn(), commands };
  const view = render(
    <MantineProvider>
      <Timeline {...props} subtasks={subtasks} />
    </MantineProvider>,
  );
  const poll = (next: SubtaskInstance[]) =>
    view.rerender(
      <MantineProvider>
        <Timeline {...props} subtasks={next} />
      </MantineProvider>,
    );
  return { ...view, poll, onSelect: props.onSelect };
}

const bar = (id: string) => document.querySelector(`[data-id="${id}"] [data-status]`) as HTMLElement;
const tick = () =>
  act(() => {
    vi.advanceTimersByTime(1000);
  });

describe('a live timeline on the one-second clock', () => {
  beforeEach(() => {
    // 61 s after T0: the live axis (10 s steps at this age) next grows at 70 s, so three ticks move no axis.
    vi.useFakeTimers({ now: T0 + 61_000, toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'Date'] });
    vi.mocked(model.barOf).mockClear();
    vi.mocked(paths.criticalPath).mockClear();
  });
  afterEach(() => vi.useRealTimers());

  it('re-renders only the running row on a tick, and recomputes no critical path', () => {
    const { onSelect } = renderTimeline(subtasksOf(SPECS));
    expect(screen.getAllByRole('listitem')).toHaveLength(5);
    const before = rendersOf(['1', '2', '3', '4', '5']);
    const width = parseFloat(bar('3').style.width);
    const nowLine = parseFloat(screen.getByTestId('timeline-now').style.left);
    const paths0 = vi.mocked(paths.criticalPath).mock.calls.length;

    tick();
    tick();
    tick();

    expect(rendersOf(['1', '2', '4', '5'])).toEqual({ '1': before['1'], '2': before['2'], '4': before['4'], '5': before['5'] });
    expect(renders('3')).toBeGreaterThanOrEqual((before['3'] as number) + 3);
    expect(parseFloat(bar('3').style.width)).toBeGreaterThan(width);
    expect(parseFloat(screen.getByTestId('timeline-now').style.left)).toBeGreaterThan(nowLine);
    expect(vi.mocked(paths.criticalPath).mock.calls.length).toBe(paths0);

    // What it keeps: the critical path ends at the running subtask, bars in status colour, a click selects.
    expect(document.querySelector('[data-id="3"]')).toHaveAttribute('data-critical', 'true');
    expect(document.querySelector('[data-id="5"]')).toHaveAttribute('data-critical', 'false');
    expect(bar('3')).toHaveAttribute('data-status', 'RUNNING');
    fireEvent.click(document.querySelector('[data-id="3"]') as HTMLElement);
    expect(onSelect).toHaveBeenCalledWith('3');
  });

  it('re-renders every row only when the axis has to grow past now', () => {
    renderTimeline(subtasksOf(SPECS));
    const before = rendersOf(['1', '5']);
    const left = parseFloat(bar('5').style.left);
    // 61 s → 71 s: the axis end passes 70 s and grows to 80 s, so the finished bars shift left.
    for (let i = 0; i < 10; i++) tick();
    expect(renders('1')).toBe((before['1'] as number) + 1);
    expect(renders('5')).toBe((before['5'] as number) + 1);
    expect(parseFloat(bar('5').style.left)).toBeLessThan(left);
  });

  it('re-renders on a poll only the rows whose subtask changed', () => {
    const { poll } = renderTimeline(subtasksOf(SPECS));
    const before = rendersOf(['1', '2', '3', '4', '5']);
    // The same values in new objects, as every poll brings them.
    poll(subtasksOf(SPECS));
    expect(rendersOf(['1', '2', '4', '5'])).toEqual({ '1': before['1'], '2': before['2'], '4': before['4'], '5': before['5'] });
    // 3 finishes and 4 starts.
    const finishAt = new Date(T0 + 60_000).toISOString();
    poll(
      subtasksOf(
        SPECS.map((s) =>
          s.id === 3
            ? { ...s, status: 'SUCCESSFUL', wire: { finishTime: finishAt } }
            : s.id === 4
              ? { ...s, status: 'RUNNING', wire: { startTime: finishAt } }
              : s,
        ),
      ),
    );
    expect(rendersOf(['1', '2', '5'])).toEqual({ '1': before['1'], '2': before['2'], '5': before['5'] });
    expect(renders('3')).toBeGreaterThan(before['3'] as number);
    expect(renders('4')).toBeGreaterThan(before['4'] as number);
    expect(document.querySelector('[data-id="4"]')).toHaveAttribute('data-critical', 'true');
  });
});
