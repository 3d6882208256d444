import { Handle, Position, useStore, type ReactFlowState } from '@xyflow/react';
import { memo, useContext, type CSSProperties } from 'react';
import type { SubtaskInstance } from '../../api/schemas';
import { elapsedMs, formatDuration } from '../../components/formatting';
import { subtaskDisplayMeta, subtaskDisplayStatus } from '../../components/subtaskStatus';
import { FirstFailureContext } from './firstFailureContext';
import { useNodeMarkRef } from './findMarks';
import { NodeWordsContext, type NodeWords } from './nodeWords';
import marks from './marks.module.css';
import type { SubtaskNodeProps } from './flowElements';
import classes from './TaskGraph.module.css';
import { useNow } from '../../components/useNow';
import { FAR_ZOOM } from './viewport';

const isFarOut = (s: ReactFlowState) => s.transform[2] < FAR_ZOOM;

function SubtaskNodeView({ id, data, selected }: SubtaskNodeProps) {
  // A boolean selector: a node re-renders when zoom crosses the threshold, not on every zoom step.
  const far = useStore(isFarOut);
  const words = useNodeWords();
  const markRef = useNodeMarkRef<HTMLDivElement>(id);
  const s = data.subtask;
  const firstFailure = useContext(FirstFailureContext) === s.id;
  // What the operator reads ("Rolled back"); data-status keeps OCP's raw status for tools and tests.
  const display = subtaskDisplayStatus(s);
  const meta = subtaskDisplayMeta(display);
  const vars = { '--status-color': meta.color, '--status-tint': meta.tint } as CSSProperties;
  const rootProps = {
    'data-status': s.status,
    'data-display-status': display,
    'data-operation': s.operation,
    'data-first-failure': firstFailure || undefined,
    ref: markRef,
    style: vars,
  };
  const mark = firstFailure ? marks.firstFailure : '';
  const handles = (
    <>
      <Handle type="target" position={Position.Left} isConnectable={false} className={classes.handle} />
      <Handle type="source" position={Position.Right} isConnectable={false} className={classes.handle} />
    </>
  );
  if (far) {
    return (
      <div {...rootProps} className={`${classes.far} ${mark} ${selected ? classes.selected : ''}`}>
        {handles}
      </div>
    );
  }
  const Icon = meta.icon;
  const parallel = s.parallelIdx >= 0;
  return (
    <div {...rootProps} className={`${classes.node} ${mark} ${parallel ? classes.parallel : ''} ${selected ? classes.selected : ''}`}>
      {handles}
      <div className={classes.row}>
        <span className={classes.status}>
          <Icon size={14} aria-hidden />
          {words.status[display]}
        </span>
        <span className={classes.spacer} />
        {firstFailure && <span className={marks.firstFailureTag}>{words.firstFailure}</span>}
        {s.operation === 'ROLLBACK' && display !== 'ROLLED_BACK' && <span className={classes.rollbackTag}>{words.rollbackTag}</span>}
        {parallel && (
          <span className={classes.parallelChip} title={words.parallelTitle(s.parallelIdx)}>
            ∥ {s.parallelIdx}
          </span>
        )}
      </div>
      <div className={classes.name} title={s.name}>
        {s.name}
      </div>
      <div className={`${classes.row} ${classes.meta}`}>
        {s.runTime > 1 && <span>{words.run(s.runTime)}</span>}
        {s.finishTime ? (
          <DurationText ms={elapsedMs(s.startTime, s.finishTime, 0)} words={words} />
        ) : s.status === 'RUNNING' || s.status === 'CANCELING' ? (
          <LiveDuration subtask={s} words={words} />
        ) : null}
      </div>
    </div>
  );
}

function DurationText({ ms, words }: { ms: number | undefined; words: NodeWords }) {
  return ms === undefined ? null : <span title={words.duration}>{formatDuration(ms)}</span>;
}

/** Only running nodes tick, all on one shared clock. */
function LiveDuration({ subtask, words }: { subtask: SubtaskInstance; words: NodeWords }) {
  return <DurationText ms={elapsedMs(subtask.startTime, undefined, useNow())} words={words} />;
}

function useNodeWords(): NodeWords {
  const words = useContext(NodeWordsContext);
  if (!words) throw new Error('SubtaskNode is drawn only inside the graph, which words its nodes (NodeWordsContext)');
  return words;
}

export const SubtaskNode = memo(SubtaskNodeView);
