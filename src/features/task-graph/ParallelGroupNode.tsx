import { memo, use } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParallelGroupNodeProps } from './flowElements';
import { GroupToggleContext } from './groupToggle';
import classes from './TaskGraph.module.css';

/** The backdrop behind one parallel fan-out: members sharing upstreams and downstreams read as one step. */
function ParallelGroupView({ id, data }: ParallelGroupNodeProps) {
  const { t } = useTranslation('graph');
  const toggle = use(GroupToggleContext);
  return (
    <div className={classes.groupBackdrop} data-testid="parallel-group">
      <div className={classes.groupLabel}>
        {t('group.parallel', { count: data.count })}
        {data.collapsible && (
          <button type="button" className={`${classes.groupToggle} nodrag`} onClick={() => toggle(id)}>
            {t('group.collapse')}
          </button>
        )}
      </div>
    </div>
  );
}

export const ParallelGroupNode = memo(ParallelGroupView);
