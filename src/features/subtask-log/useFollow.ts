import { useCallback, useLayoutEffect, useState, type RefObject } from 'react';
import { scrollToEnd } from './scrolling';

/**
 * Follows a growing log the way a terminal does: while the reader is at the bottom, new lines keep it
 * at the bottom; once they scroll up, their place is kept (lines are only appended below it) and the
 * lines that arrived since are counted for "Jump to latest".
 */
export function useFollow(scroller: RefObject<HTMLDivElement | null>, lineCount: number, live: boolean, rowHeight: number) {
  const [following, setFollowing] = useState(live);
  const [leftAt, setLeftAt] = useState(lineCount);

  // After the new lines are in the DOM, before paint: no flicker of the old position.
  // Also once the run has ended: its closing lines arrive with the last fetch.
  useLayoutEffect(() => {
    if (scroller.current && following) scrollToEnd(scroller.current);
  }, [scroller, lineCount, following]);

  /** Call from the scroll handler: the reader's position decides whether to follow. */
  const onScrolled = (el: HTMLElement) => {
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < rowHeight * 2;
    if (!atBottom && following) setLeftAt(lineCount);
    if (atBottom !== following) setFollowing(atBottom);
  };

  const jumpToLatest = () => {
    if (scroller.current) scrollToEnd(scroller.current);
    setFollowing(true);
  };

  /** Stop following (a jump to a line elsewhere in the log). */
  const release = useCallback(() => {
    setLeftAt(lineCount);
    setFollowing(false);
  }, [lineCount]);

  return {
    following,
    newLines: live && !following ? Math.max(0, lineCount - leftAt) : 0,
    onScrolled,
    jumpToLatest,
    release,
  };
}
