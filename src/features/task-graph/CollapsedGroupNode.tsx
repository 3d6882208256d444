import { Handle, Position } from '@xyflow/react';
import { memo, use, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { SUBTASK_STATUSES } from '../../api/schemas';
import { SUBTASK_STATUS_META } from '../../components/status';
import type { CollapsedGroupNodeProps } from './flowElements';
import { useNodeMarkRef } from './findMarks';
import { GroupToggleContext } from './groupToggle';
import { countsAttribute } from './model';
import classes from './TaskGraph.module.css';

/** A collapsed fan-out: its size, what it holds by status (a failure or running member said first), and Expand. */
function CollapsedGroupView({ id, data }: CollapsedGroupNodeProps) {
  const { t } = useTranslation('graph');
  const toggle = use(GroupToggleContext);
  const { summary } = data;
  const markRef = useNodeMarkRef<HTMLDivElement>(id);
  const meta = SUBTASK_STATUS_META[summary.headline];
  const vars = { '--status-color': meta.color, '--status-tint': meta.tint } as CSSProperties;
  const Icon = meta.icon;
  const notice = summary.headline === 'FAILED' || summary.headline === 'RUNNING' || summary.headline === 'CANCELING';
  return (
    <div
      ref={markRef}
      className={classes.collapsedGroup}
      style={vars}
      data-testid="collapsed-group"
      data-headline={summary.headline}
      // What it holds, status by status (as data-status on a subtask node): tools and the bench see a poll change it.
      data-counts={countsAttribute(summary.counts)}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} className={classes.handle} />
      <Handle type="source" position={Position.Right} isConnectable={false} className={classes.handle} />
      <div className={classes.row}>
        <strong>{t('group.collapsed', { count: summary.count })}</strong>
        <span className={classes.spacer} />
        <button type="button" className={`${classes.groupToggle} nodrag`} onClick={() => toggle(id)}>
          {t('group.expand')}
        </button>
      </div>
      {notice && (
        <span className={classes.status}>
          <Icon size={14} aria-hidden />
          {t(`group.holds.${summary.headline}`, { count: summary.counts[summary.headline] })}
        </span>
      )}
      <div className={classes.groupCounts}>
        {SUBTASK_STATUSES.filter((s) => summary.counts[s] > 0).map((s) => {
          const m = SUBTASK_STATUS_META[s];
          const StatusIcon = m.icon;
          return (
            <span key={s} className={classes.groupCount} style={{ '--status-color': m.color } as CSSProperties} title={m.label}>
              <StatusIcon size={12} aria-label={m.label} />
              {summary.counts[s]}
            </span>
          );
        })}
      </div>
    </div>
  );
}

export const CollapsedGroupNode = memo(CollapsedGroupView);
