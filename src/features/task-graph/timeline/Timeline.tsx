import { Text } from '@mantine/core';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { SubtaskInstance, TaskInstance } from '../../../api/schemas';
import { formatDuration } from '../../../components/formatting';
import { subtaskDisplayMeta, subtaskDisplayStatus } from '../../../components/subtaskStatus';
import { useNow, useNowSelect } from '../../../components/useNow';
import { criticalPath } from '../criticalPath';
import { emphasisOf, legendCounts, isFinding, lineageOf, type FindState, type StatusFilter } from '../find';
import { Legend } from '../Legend';
import { findFocusSubtask } from '../model';
import { useGraphStructure } from '../useGraphStructure';
import type { GraphFindInput } from '../useGraphFind';
import type { ViewCommands } from '../viewCommands';
import classes from './Timeline.module.css';
import {
  axisEnd,
  barOf,
  buildRows,
  dataSpan,
  ROW_HEIGHT,
  ticks,
  timeScale,
  visibleRange,
  type TimelineRow,
  type TimeScale,
} from './timelineModel';
import { useTimelineSteps } from './useTimelineSteps';

export interface TimelineProps {
  task: TaskInstance;
  subtasks: readonly SubtaskInstance[];
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  find: GraphFindInput;
  onStatusesChange: (statuses: StatusFilter[]) => void;
  commands: ViewCommands;
}

/**
 * The name column, the room kept right of the track for a bar's note, and the track between: 340 and
 * 120 px on a desktop, narrower on a phone so the bars still get most of a 390 px screen.
 */
function columns(width: number) {
  const label = Math.round(Math.min(340, Math.max(120, width * 0.35)));
  const note = Math.round(Math.min(120, Math.max(40, width * 0.15)));
  const track = Math.max(50, width - label - note);
  // About one tick label per 90 px, so "+10 min" labels never run into each other.
  return { label, track, ticks: Math.max(3, Math.min(6, Math.floor(track / 90))) };
}

/**
 * The task as a Gantt chart: a bar per subtask from start to finish in its status colour, rollback
 * runs hatched, retried ones notched with their run count, the critical path outlined; live while the
 * task runs. Only the rows on screen are rendered. A click selects the subtask, as in the graph.
 *
 * Live without redrawing what does not move: the one-second clock reaches only the open (running)
 * bars and the "now" line, which read it themselves. This component reads it only through the axis
 * end, which moves in steps (`axisEnd`), and everything else here is derived from the subtasks: a tick
 * re-renders no row that is not running; a poll re-renders only the rows whose subtask changed.
 */
export function Timeline({ task, subtasks, selectedId, onSelect, find: findInput, onStatusesChange, commands }: TimelineProps) {
  const { t } = useTranslation('timeline');
  const live = task.status === 'RUNNING';
  const structure = useGraphStructure(subtasks);
  const rows = useTimelineRows(subtasks);
  // On the data, not the clock: see criticalPath for why a running chain's "now" cannot change it.
  const critical = useMemo(() => new Set(criticalPath(subtasks, structure.edges)), [subtasks, structure]);
  const span = useMemo(() => dataSpan(rows), [rows]);
  // Re-renders on a tick only when the axis has to grow (every 5 s at 20 s in, every hour at 6 h).
  const t1 = useNowSelect(live, (now) => axisEnd(span, now, live));
  const find = useMemo<FindState>(
    () => ({
      matches: findInput.matches,
      statusFilter: new Set(findInput.statuses),
      lineage: findInput.lineage && selectedId ? lineageOf(selectedId, structure.edges) : null,
    }),
    [findInput, selectedId, structure],
  );

  const scroller = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 600, width: 800 });
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setView((v) => ({ ...v, height: el.clientHeight, width: el.clientWidth }));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const onScroll = () => setView((v) => ({ ...v, top: scroller.current?.scrollTop ?? 0 }));

  const { label: labelWidth, track: trackWidth, ticks: tickCount } = columns(view.width);
  // Kept while its numbers hold, so a poll that moved nothing keeps every row's props.
  const scale = useMemo(() => timeScale(span.t0, t1, trackWidth), [span.t0, t1, trackWidth]);
  const { first, last } = visibleRange(view.top, view.height, rows.length);
  const scrollToRow = useCallback((index: number) => {
    const el = scroller.current;
    if (!el || index < 0) return;
    const top = index * ROW_HEIGHT;
    if (top < el.scrollTop || top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = Math.max(0, top - el.clientHeight / 2);
  }, []);
  const rowIndex = useMemo(() => new Map(rows.map((r, i) => [r.subtask.id, i])), [rows]);
  const cursor = useTimelineSteps({ commands, rows, find, selectedId, scrollToRow, focusId: () => findFocusSubtask(subtasks) });

  // A selection made elsewhere (graph, panel, link) scrolls into view.
  useEffect(() => {
    if (selectedId) scrollToRow(rowIndex.get(selectedId) ?? -1);
  }, [selectedId, rowIndex, scrollToRow]);

  const finding = isFinding(find);
  const { counts, derived } = useMemo(() => legendCounts(subtasks), [subtasks]);
  // A scroll re-renders this component for the rows' window: the axis and the legend stay the same
  // elements, so React skips them (they were the top of helper-13's scroll profile at 5,000 rows).
  const axis = useMemo(
    () => (
      <div className={classes.axis} style={{ marginLeft: labelWidth }} aria-hidden>
        {ticks(scale, tickCount).map((offset) => (
          <span key={offset} className={classes.tick} style={{ left: offset * scale.scale }}>
            +{formatDuration(offset)}
          </span>
        ))}
      </div>
    ),
    [scale, labelWidth, tickCount],
  );
  const legend = useMemo(
    () => <Legend counts={counts} derived={derived} selected={findInput.statuses} onChange={onStatusesChange} />,
    [counts, derived, findInput.statuses, onStatusesChange],
  );
  return (
    <div className={classes.root} data-testid="timeline">
      {axis}
      <div className={classes.legendBox}>{legend}</div>
      {live && span.t0 !== undefined && <NowLine scale={scale} labelWidth={labelWidth} />}
      <div ref={scroller} className={classes.scroller} onScroll={onScroll} role="list" aria-label={t('label', { count: rows.length })}>
        <div style={{ height: rows.length * ROW_HEIGHT, position: 'relative' }}>
          {rows.slice(first, last + 1).map((row, i) => (
            <TimelineRowItem
              key={row.subtask.id}
              t={t}
              row={row}
              top={(first + i) * ROW_HEIGHT}
              scale={scale}
              labelWidth={labelWidth}
              live={live}
              critical={critical.has(row.subtask.id)}
              selected={row.subtask.id === selectedId}
              cursor={row.subtask.id === cursor}
              emphasis={finding ? emphasisOf(row.subtask, find, selectedId) : null}
              onSelect={onSelect}
            />
          ))}
        </div>
      </div>
      {rows.length === 0 && (
        <Text c="dimmed" p="md">
          {t('empty')}
        </Text>
      )}
    </div>
  );
}

interface RowProps {
  /** The timeline's words, from the parent: rows mount and unmount as they scroll by. */
  t: TFunction<'timeline'>;
  row: TimelineRow;
  top: number;
  scale: TimeScale;
  labelWidth: number;
  /** The task runs: open bars follow the clock. */
  live: boolean;
  critical: boolean;
  selected: boolean;
  cursor: boolean;
  emphasis: ReturnType<typeof emphasisOf>;
  onSelect: (id: string) => void;
}

/** A row whose bar is open (still running) reads the clock itself: the only rows a tick re-renders. */
function OpenRow(props: RowProps) {
  return <RowView {...props} now={useNow(props.live)} />;
}

/** Any other row ignores the clock (`now` is not read for a closed bar). */
function TimelineRowView(props: RowProps) {
  return props.row.open ? <OpenRow {...props} /> : <RowView {...props} now={0} />;
}

function RowView({ t, row, top, scale, labelWidth, critical, selected, cursor, emphasis, onSelect, now }: RowProps & { now: number }) {
  const s = row.subtask;
  const meta = subtaskDisplayMeta(subtaskDisplayStatus(s));
  const bar = barOf(row, scale, now);
  const end = row.open ? now : row.end;
  const duration = row.start !== undefined && end !== undefined ? formatDuration(Math.max(0, end - row.start)) : null;
  const rollback = s.operation === 'ROLLBACK' || s.operation === 'ROLLBACK_SKIP';
  const className = [classes.row, emphasis ? classes[emphasis] : '', cursor ? classes.cursor : ''].join(' ');
  const label = [
    s.name,
    meta.label,
    rollback ? t('rollback') : null,
    s.runTime > 1 ? t('runs', { count: s.runTime }) : null,
    duration,
    critical ? t('critical') : null,
  ]
    .filter(Boolean)
    .join(' — ');
  return (
    <div role="listitem" className={classes.rowSlot} style={{ top, height: ROW_HEIGHT }}>
      <button
        type="button"
        className={className}
        aria-current={selected}
        aria-label={label}
        data-id={s.id}
        data-critical={critical}
        onClick={() => onSelect(s.id)}
      >
        <span className={classes.label} style={{ width: labelWidth }} title={s.name}>
          {critical && (
            <span className={classes.criticalMark} aria-hidden>
              ◆
            </span>
          )}
          {s.name}
        </span>
        <span className={classes.track}>
          {bar && (
            <>
              <span
                className={`${classes.bar} ${critical ? classes.critical : ''}`}
                data-operation={s.operation}
                data-retried={s.runTime > 1}
                data-status={s.status}
                style={{ left: bar.left, width: bar.width, '--status-color': meta.color } as CSSProperties}
              />
              <span className={classes.barNote} style={{ left: bar.left + bar.width }}>
                {duration}
                {rollback ? ` ↺ ${t('rollback')}` : ''}
                {s.runTime > 1 ? ` · ${t('runs', { count: s.runTime })}` : ''}
              </span>
            </>
          )}
        </span>
      </button>
    </div>
  );
}

/** Rows already on screen skip a scroll's render (and a tick's, and a poll's that left them as they were). */
const TimelineRowItem = memo(TimelineRowView);

/** The present on a live task's axis: a line that moves each second, over the rows and behind the legend. */
function NowLine({ scale, labelWidth }: { scale: TimeScale; labelWidth: number }) {
  const now = useNow(true);
  const x = Math.min(Math.max(0, (now - scale.t0) * scale.scale), (scale.t1 - scale.t0) * scale.scale);
  return <div className={classes.nowLine} style={{ left: labelWidth + x }} data-testid="timeline-now" aria-hidden />;
}

/**
 * The rows for the subtasks, keeping the row objects of subtasks a poll did not change (derived state
 * kept as React's docs recommend, like useGraphStructure).
 */
function useTimelineRows(subtasks: readonly SubtaskInstance[]): readonly TimelineRow[] {
  const [memo, setMemo] = useState(() => ({ subtasks, rows: buildRows(subtasks) }));
  if (memo.subtasks === subtasks) return memo.rows;
  const rows = buildRows(subtasks, new Map(memo.rows.map((r) => [r.subtask.id, r])));
  setMemo({ subtasks, rows });
  return rows;
}
