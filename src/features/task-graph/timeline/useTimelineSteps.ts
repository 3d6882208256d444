import { useEffect, useRef, useState } from 'react';
import { emphasisOf, isFinding, stepThrough, type FindState } from '../find';
import type { ViewCommands } from '../viewCommands';
import type { TimelineRow } from './timelineModel';

interface Options {
  commands: ViewCommands;
  rows: readonly TimelineRow[];
  find: FindState;
  selectedId: string | null;
  scrollToRow: (index: number) => void;
  focusId: () => string | null;
}

/** The page's requests on the timeline: step to the next / previous hit or failure (row order), fit, locate. */
export function useTimelineSteps({ commands, rows, find, selectedId, scrollToRow, focusId }: Options): string | null {
  const [cursor, setCursor] = useState<string | null>(null);
  const latest = useRef({ rows, find, selectedId, scrollToRow, focusId, cursor });
  useEffect(() => {
    latest.current = { rows, find, selectedId, scrollToRow, focusId, cursor };
  });
  useEffect(
    () =>
      commands.listen((command) => {
        const now = latest.current;
        const indexOf = (id: string | null) => now.rows.findIndex((r) => r.subtask.id === id);
        if (command.type === 'fit') return now.scrollToRow(0);
        if (command.type === 'locate') return now.scrollToRow(indexOf(now.focusId()));
        const order =
          command.among === 'failures'
            ? now.rows.filter((r) => r.subtask.status === 'FAILED')
            : isFinding(now.find) && (now.find.matches || now.find.statusFilter.size > 0)
              ? now.rows.filter((r) => emphasisOf(r.subtask, now.find, now.selectedId) !== 'dim')
              : [];
        const next = stepThrough(
          order.map((r) => r.subtask.id),
          now.cursor,
          command.direction,
        );
        if (next === null) return;
        setCursor(next);
        now.scrollToRow(indexOf(next));
      }),
    [commands],
  );
  return cursor;
}
