/** DOM writes kept out of components and hooks, where the React compiler treats refs' elements as read-only. */
/** Scrolls the log to a place (left: null keeps it), and the log itself into view in the panel around it. */
export function scrollToPlace(el: HTMLElement, top: number, left: number | null): void {
  el.scrollTop = top;
  if (left !== null) el.scrollLeft = left;
  el.scrollIntoView?.({ block: 'nearest' });
}

export function scrollToEnd(el: HTMLElement): void {
  el.scrollTop = el.scrollHeight;
}

/** Width of one character of the log's monospace font, from a probe of ten digits; 0 when unmeasured (jsdom). */
export function charWidthOf(probe: HTMLElement | null): number {
  return (probe?.getBoundingClientRect().width ?? 0) / 10;
}
