import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParallelGroupNodeProps } from './flowElements';
import classes from './TaskGraph.module.css';

/** The backdrop behind one parallel fan-out: members sharing upstreams and downstreams read as one step. */
function ParallelGroupView({ data }: ParallelGroupNodeProps) {
  const { t } = useTranslation('graph');
  return (
    <div className={classes.groupBackdrop} data-testid="parallel-group">
      <div className={classes.groupLabel}>{t('group.parallel', { count: data.count })}</div>
    </div>
  );
}

export const ParallelGroupNode = memo(ParallelGroupView);
