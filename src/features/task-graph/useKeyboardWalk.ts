import { useCallback, type KeyboardEvent } from 'react';
import type { GraphLayout } from './geometry';
import { isWalkKey, walk } from './keyboardWalk';
import type { GraphStructure } from './model';

const nodeElement = (id: string) => document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);

/**
 * Arrow keys on a focused node move focus along the flow (keyboardWalk.ts). A node that is on screen
 * takes focus at once (React Flow pans to a focused node); one outside the windowed part of a large
 * graph is brought into view first and focused once React Flow has rendered it.
 */
export function useKeyboardWalk(structure: GraphStructure, layout: GraphLayout, bringIntoView: (id: string) => void) {
  return useCallback(
    (e: KeyboardEvent<HTMLElement>) => {
      if (!isWalkKey(e.key) || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      const from = (e.target as HTMLElement).closest<HTMLElement>('.react-flow__node[data-id]')?.dataset.id;
      if (!from) return;
      const to = walk(structure, layout, from, e.key);
      e.preventDefault();
      if (to === null) return;
      const element = nodeElement(to);
      if (element) {
        element.focus();
        return;
      }
      bringIntoView(to);
      let frames = 0;
      const tryFocus = () => {
        const rendered = nodeElement(to);
        if (rendered) rendered.focus();
        else if (++frames < 30) requestAnimationFrame(tryFocus);
      };
      requestAnimationFrame(tryFocus);
    },
    [structure, layout, bringIntoView],
  );
}
