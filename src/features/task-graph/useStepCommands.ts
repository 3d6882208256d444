import { useEffect, useRef } from 'react';
import type { SubtaskInstance } from '../../api/schemas';
import { orderByPosition, stepThrough, type Emphasis } from './find';
import type { GraphLayout } from './geometry';
import type { GraphFindInput } from './useGraphFind';
import type { ViewCommands } from './viewCommands';

interface Options {
  commands: ViewCommands | undefined;
  layout: GraphLayout;
  subtasks: readonly SubtaskInstance[];
  find: GraphFindInput;
  drawn: { hidden: ReadonlyMap<string, string>; emphasisById: ReadonlyMap<string, Emphasis> };
  focusOn: (id: string) => void;
  fit: () => void;
  locate: () => void;
}

/**
 * Carries out the page's requests on the graph: Enter / Shift+Enter (and the shortcuts) move the
 * viewport to the next / previous search hit or failure in reading order; nothing is selected and no
 * node moves. A hit inside a collapsed group is reached at the group.
 */
export function useStepCommands({ commands, layout, subtasks, find, drawn, focusOn, fit, locate }: Options) {
  const cursor = useRef<string | null>(null);
  const latest = useRef({ layout, subtasks, find, drawn, focusOn, fit, locate });
  useEffect(() => {
    latest.current = { layout, subtasks, find, drawn, focusOn, fit, locate };
  });

  useEffect(() => {
    if (!commands) return;
    return commands.listen((command) => {
      const now = latest.current;
      if (command.type === 'fit') return now.fit();
      if (command.type === 'locate') return now.locate();
      const ids = new Set<string>();
      const visible = (id: string) => now.drawn.hidden.get(id) ?? id;
      if (command.among === 'failures') {
        for (const s of now.subtasks) if (s.status === 'FAILED') ids.add(visible(s.id));
      } else if (now.find.matches || now.find.statuses.length > 0) {
        // While searching or filtering every subtask has a mark: step through those not dimmed.
        for (const s of now.subtasks) if (now.drawn.emphasisById.get(s.id) !== 'dim') ids.add(visible(s.id));
      }
      const order = orderByPosition(ids, (id) => now.layout.positions.get(id));
      const next = stepThrough(order, cursor.current, command.direction);
      if (next === null) return;
      cursor.current = next;
      now.focusOn(next);
    });
  }, [commands]);
}
