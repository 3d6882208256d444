import { useEffect, useRef, type RefObject } from 'react';

/** A modal dialog (Mantine marks them aria-modal) is open: Escape is the dialog's, not the panel's. */
function dialogOpen(panel: HTMLElement | null): boolean {
  return [...document.querySelectorAll('[role="dialog"][aria-modal="true"]')].some((d) => !panel || !d.contains(panel));
}

/**
 * Focus for the subtask panel: when it opens, focus moves to its heading (one Tab from the graph, not
 * nineteen); when it closes, focus returns to what opened it (the node, a link), or to that subtask's
 * node, never to <body>. Escape closes it from anywhere on the page unless a dialog is open.
 */
export function usePanelFocus(selected: string | null, panelRef: RefObject<HTMLElement | null>, close: () => void) {
  const opener = useRef<HTMLElement | null>(null);
  const lastSelected = useRef<string | null>(null);

  useEffect(() => {
    const previous = lastSelected.current;
    lastSelected.current = selected;
    if (selected !== null && previous === null) {
      const active = document.activeElement;
      opener.current = active instanceof HTMLElement && active !== document.body ? active : null;
    }
    if (selected !== null) {
      // After the panel (or the sheet's transition) has rendered its heading.
      const frame = requestAnimationFrame(() => {
        const heading = panelRef.current?.querySelector<HTMLElement>('h2[tabindex="-1"]');
        if (heading && !heading.contains(document.activeElement)) heading.focus();
      });
      return () => cancelAnimationFrame(frame);
    }
    if (previous !== null) {
      const back = opener.current?.isConnected
        ? opener.current
        : document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(previous)}"]`);
      opener.current = null;
      back?.focus();
    }
    return undefined;
  }, [selected, panelRef]);

  useEffect(() => {
    if (selected === null) return undefined;
    // A field that uses Escape itself (clearing a search) marks it handled; an Escape pressed inside a
    // dialog is the dialog's, even when the dialog has closed by the time the key bubbles up here.
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || dialogOpen(panelRef.current)) return;
      if (e.target instanceof Element && e.target.closest('[role="dialog"][aria-modal="true"]')) return;
      close();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [selected, panelRef, close]);
}
