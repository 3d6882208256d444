import { Button, VisuallyHidden } from '@mantine/core';
import { useLayoutEffect, useMemo, useRef, useState, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { rowOffsets, visibleLines } from './lineWindow';
import { lineKind, type LogModel, type LogRun } from './logModel';
import { matchFrom, type LogMatch, type SearchResult } from './logSearch';
import classes from './SubtaskLog.module.css';
import { charWidthOf, scrollToPlace } from './scrolling';
import { useFollow } from './useFollow';

const ROW_HEIGHT = 18; // px, the line-height in SubtaskLog.module.css
/** jsdom measures nothing: render as if the viewport were this tall, a character this wide. */
const FALLBACK_HEIGHT = 400;
const FALLBACK_CHAR_WIDTH = 7.2;

export interface ScrollRequest {
  line: number;
  column?: number;
  nonce: number;
}

export interface LogLinesProps {
  model: LogModel;
  run: LogRun;
  wrap: boolean;
  /** CSS height of the scrolling area. */
  height: string;
  label: string;
  search: SearchResult | null;
  currentMatch: LogMatch | null;
  /** Line index (whole log) to show highlighted. */
  selectedLine: number | null;
  /** Scroll to this line (and column, for a search match) whenever `nonce` changes. */
  scrollTo: ScrollRequest | null;
  /** The run is the one still being written: follow it. */
  live: boolean;
  hrefOf: (line: number) => string;
  onLineClick: (line: number) => void;
}

function useViewport() {
  const ref = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setSize({ width: entry.contentRect.width, height: entry.contentRect.height });
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return { ref, size };
}

/** The line's text with the search matches in it marked, the current one distinct. */
function highlight(text: string, columns: readonly number[] | undefined, length: number, current: number | null): ReactNode {
  if (!columns || length === 0) return text;
  const parts: ReactNode[] = [];
  let at = 0;
  for (const c of columns) {
    if (c > at) parts.push(text.slice(at, c));
    parts.push(
      <mark key={c} className={c === current ? `${classes.match} ${classes.current}` : classes.match}>
        {text.slice(c, c + length)}
      </mark>,
    );
    at = c + length;
  }
  parts.push(text.slice(at));
  return parts;
}

/** The lines of one run, only those on screen in the DOM; wrapped or not; following the end while it runs. */
export function LogLines(props: LogLinesProps) {
  const { model, run, wrap, search, currentMatch, selectedLine, scrollTo, live } = props;
  const { t } = useTranslation('log');
  const { ref: scroller, size } = useViewport();
  const measure = useRef<HTMLSpanElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [measuredCharWidth, setCharWidth] = useState(0);
  useLayoutEffect(() => setCharWidth(charWidthOf(measure.current)), []);
  const follow = useFollow(scroller, run.end, live, ROW_HEIGHT);

  const digits = String(model.lines.length).length;
  const charWidth = measuredCharWidth || FALLBACK_CHAR_WIDTH;
  // Gutter: digits + its 12 px of padding; text: 16 px of padding.
  const columns = wrap ? Math.max(20, Math.floor(((size.width || 600) - (digits * charWidth + 12) - 16) / charWidth)) : null;
  const offsets = useMemo(() => rowOffsets(model.lines, run.start, run.end, columns), [model.lines, run.start, run.end, columns]);
  const view = visibleLines(offsets, scrollTop, size.height || FALLBACK_HEIGHT, ROW_HEIGHT);

  const { release } = follow;
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || !scrollTo || scrollTo.line < run.start || scrollTo.line >= run.end) return;
    release();
    const top = (offsets[scrollTo.line - run.start] as number) * ROW_HEIGHT;
    // Without wrapping a match may sit far to the right: bring its column into view too.
    const left = !wrap && scrollTo.column !== undefined ? scrollTo.column * charWidth - el.clientWidth / 3 : null;
    setScrollTop(Math.max(0, top - el.clientHeight / 3));
    scrollToPlace(el, Math.max(0, top - el.clientHeight / 3), left === null ? null : Math.max(0, left));
    // Only a new request scrolls; the offsets changing under a growing log must not pull the reader back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scrollTo?.nonce, run.index]);

  // Matches on the lines on screen, by line.
  const marks = useMemo(() => {
    const byLine = new Map<number, number[]>();
    if (!search) return byLine;
    const first = run.start + view.first;
    for (let k = matchFrom(search.matches, first); k >= 0 && k < search.matches.length; k++) {
      const m = search.matches[k] as LogMatch;
      if (m.line < first || m.line >= run.start + view.last) break;
      byLine.set(m.line, [...(byLine.get(m.line) ?? []), m.column]);
    }
    return byLine;
  }, [search, run.start, view.first, view.last]);

  const rows: ReactNode[] = [];
  for (let k = view.first; k < view.last; k++) {
    const i = run.start + k;
    const text = model.lines[i] as string;
    const kind = lineKind(text);
    const current = currentMatch?.line === i ? currentMatch.column : null;
    const onClick = (e: MouseEvent) => {
      e.preventDefault();
      props.onLineClick(i);
    };
    rows.push(
      <div
        key={i}
        className={classes.row}
        data-kind={kind}
        data-line={i + 1}
        aria-current={selectedLine === i}
        style={{ top: (offsets[k] as number) * ROW_HEIGHT }}
      >
        <a
          className={classes.gutter}
          style={{ width: `${digits + 2}ch` }}
          href={props.hrefOf(i)}
          onClick={onClick}
          aria-label={t('lineLink', { line: i + 1 })}
        >
          {i + 1}
        </a>
        <span className={classes.text}>
          {kind === 'error' || kind === 'warn' || kind === 'exception' ? <VisuallyHidden>{t(`kind.${kind}`)} </VisuallyHidden> : null}
          {highlight(text, marks.get(i), search?.query.length ?? 0, current)}
        </span>
      </div>,
    );
  }

  return (
    <div style={{ position: 'relative' }}>
      <div
        ref={scroller}
        className={wrap ? `${classes.scroller} ${classes.wrap}` : classes.scroller}
        style={{ height: props.height }}
        role="region"
        aria-label={props.label}
        // A scrolling region must be reachable by keyboard to scroll it with the arrow keys (axe: scrollable-region-focusable).
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
        data-testid="log-lines"
        onScroll={(e) => {
          setScrollTop(e.currentTarget.scrollTop);
          follow.onScrolled(e.currentTarget);
        }}
      >
        <span ref={measure} className={classes.measure} aria-hidden>
          {'0123456789'}
        </span>
        <div style={{ position: 'relative', height: (offsets[offsets.length - 1] as number) * ROW_HEIGHT }}>{rows}</div>
      </div>
      {live && !follow.following ? (
        <Button className={classes.jump} size="compact-sm" onClick={follow.jumpToLatest}>
          {follow.newLines > 0 ? t('jumpWithCount', { count: follow.newLines }) : t('jump')}
        </Button>
      ) : null}
    </div>
  );
}
